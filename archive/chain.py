"""The daily chain: one manifest per crawl run, each naming the one before by its hash, signed by the operator.

```
run N ──► chain/N.json   {"run_id", the run's WARC files + SHA-256, its new versions + hashes,
            │              "previous": {"run_id": M, "sha256": SHA-256 of chain/M.json}}
            ├─ chain/N.sig   Ed25519 signature of the file's bytes (key: ``ducha keys init``)
            └─ chain/N.tsr   RFC 3161 token over the file's SHA-256 (``DUCHA_TSA_URL``, archive.tsa)
chain/ducha-chain.pub.pem  the public key, published with the archive
chain_manifests            one row per manifest (its hash, its link, signed / timestamped)
```
Rewriting an earlier WARC file or version row breaks that run's manifest; rewriting the manifest too breaks
the next manifest's link and the signature (which needs the operator's key).  ``verify_chain`` names each.
Third parties need only ``sha256sum`` and ``openssl`` (docs/evidence.md).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from archive import tsa
from archive.errors import ChainKeyError
from archive.evidence import default_warc_dir
from archive.opening import connect_read

log = logging.getLogger(__name__)

FORMAT = "ducha-chain-1"
PUBLIC_KEY = "ducha-chain.pub.pem"
#: The columns of a version that its manifest hash covers (later migrations may add others).
VERSION_FIELDS = ("id", "document_id", "run_id", "captured_at", "sha256", "raw_sha256", "title", "publish_date",
                  "body_text", "attachment_sha256s", "http_status", "warc_file", "warc_offset")


def chain_dir(db_path: str | Path) -> Path:
    """``chain/`` beside the archive file: the manifests and the public key (publish this folder)."""
    return Path(db_path).resolve().parent / "chain"


def key_path(db_path: str | Path) -> Path:
    """The operator's private key: ``DUCHA_CHAIN_KEY``, or ``keys/ducha-chain.key`` beside the archive."""
    env = os.environ.get("DUCHA_CHAIN_KEY")
    return Path(env) if env else Path(db_path).resolve().parent / "keys" / "ducha-chain.key"


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def init_keys(db_path: str | Path, *, force: bool = False) -> tuple[Path, Path]:
    """Create the Ed25519 key pair (private key readable by its owner only); return (private, public) paths.

    Refuses to replace an existing key unless ``force`` (``ChainKeyError``): manifests signed with it would
    no longer verify with the published public key."""
    private, public = key_path(db_path), chain_dir(db_path) / PUBLIC_KEY
    if private.exists() and not force:
        raise ChainKeyError(f"a signing key already exists at {private}; keep it (replacing it orphans the "
                            "signatures made with it) or pass --force")
    key = Ed25519PrivateKey.generate()
    private.parent.mkdir(parents=True, exist_ok=True)
    public.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo))
    log.info("chain signing key written to %s, public key to %s", private, public)
    return private, public


def _load_private(db_path: str | Path) -> Ed25519PrivateKey | None:
    path = key_path(db_path)
    if not path.is_file():
        return None
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ChainKeyError(f"{path} is not an Ed25519 private key (ducha keys init makes one)")
    return key


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def version_hash(row: dict[str, Any]) -> str:
    """SHA-256 of a version row's evidence columns as canonical JSON (sorted keys, UTF-8)."""
    data = {name: row.get(name) for name in VERSION_FIELDS}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _run_versions(conn: sqlite3.Connection, run_id: int) -> list[dict[str, Any]]:
    return _rows(conn, f"SELECT {', '.join(VERSION_FIELDS)} FROM versions WHERE run_id = ? ORDER BY id", (run_id,))


def build_manifest(conn: sqlite3.Connection, run_id: int, warc_dir: Path) -> dict[str, Any]:
    """The manifest of ``run_id``: its WARC files and new versions with their hashes, and the previous link."""
    run = _rows(conn, "SELECT id, started_at, finished_at, status, warc_files FROM runs WHERE id = ?", (run_id,))[0]
    warcs = []
    for name in json.loads(run["warc_files"] or "[]"):
        path = warc_dir / name
        if path.is_file():
            warcs.append({"name": name, "sha256": sha256_file(path), "bytes": path.stat().st_size})
        else:
            warcs.append({"name": name, "sha256": None, "bytes": None, "missing": True})
    previous = _rows(conn, "SELECT run_id, sha256 FROM chain_manifests WHERE run_id < ? ORDER BY run_id DESC"
                           " LIMIT 1", (run_id,))
    return {
        "format": FORMAT, "run_id": run_id, "started_at": run["started_at"], "finished_at": run["finished_at"],
        "status": run["status"], "warc_files": warcs,
        "versions": [{"id": v["id"], "document_id": v["document_id"], "captured_at": v["captured_at"],
                      "sha256": v["sha256"], "raw_sha256": v["raw_sha256"], "row_sha256": version_hash(v)}
                     for v in _run_versions(conn, run_id)],
        "previous": previous[0] if previous else None,
    }


@dataclass
class ChainEntry:
    """One manifest written by ``write_manifest``."""

    run_id: int
    path: Path
    sha256: str
    signed: bool
    timestamped: bool
    already: bool = False


def write_manifest(conn: sqlite3.Connection, db_path: str | Path, run_id: int, *, now: str,
                   warc_dir: str | Path | None = None) -> ChainEntry:
    """Write, sign (when a key exists) and time-stamp (when ``DUCHA_TSA_URL`` is set) the manifest of a finished
    run, and record it in ``chain_manifests`` (``conn``: a writer's connection).  Idempotent per run."""
    folder = chain_dir(db_path)
    done = _rows(conn, "SELECT file, sha256, signed, timestamped FROM chain_manifests WHERE run_id = ?", (run_id,))
    if done:
        return ChainEntry(run_id, folder / done[0]["file"], done[0]["sha256"], bool(done[0]["signed"]),
                          bool(done[0]["timestamped"]), already=True)
    manifest = build_manifest(conn, run_id, Path(warc_dir) if warc_dir else default_warc_dir(db_path))
    data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{run_id}.json"
    for stale in (path.with_suffix(".sig"), path.with_suffix(".tsr")):  # of an archive deleted and begun again
        stale.unlink(missing_ok=True)
    path.write_bytes(data)
    key = _load_private(db_path)
    if key is not None:
        (folder / f"{run_id}.sig").write_bytes(key.sign(data))
    else:
        log.warning("run %d: chain manifest written unsigned (no key at %s; ducha keys init makes one)",
                    run_id, key_path(db_path))
    stamped = tsa.stamp(path) is not None
    digest = hashlib.sha256(data).hexdigest()
    previous = manifest["previous"] or {}
    with conn:
        conn.execute("INSERT INTO chain_manifests (run_id, file, sha256, previous_run_id, previous_sha256, signed,"
                     " timestamped, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (run_id, path.name, digest, previous.get("run_id"), previous.get("sha256"), int(key is not None),
                      int(stamped), now))
    log.info("run %d: chain manifest %s (%d bytes, %s)", run_id, path, len(data),
             "signed" if key is not None else "unsigned")
    return ChainEntry(run_id, path, digest, key is not None, stamped)


@dataclass
class ChainReport:
    """What ``verify_chain`` found: ``problems`` name what was altered; ``notes`` what could not be checked."""

    manifests: int = 0
    signed: int = 0
    timestamped: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No link, signature, timestamp, WARC file or version row failed."""
        return not self.problems


def _public_key(folder: Path) -> Ed25519PublicKey | None:
    path = folder / PUBLIC_KEY
    if not path.is_file():
        return None
    key = serialization.load_pem_public_key(path.read_bytes())
    return key if isinstance(key, Ed25519PublicKey) else None


def _check_signature(report: ChainReport, key: Ed25519PublicKey | None, path: Path, data: bytes, run_id: int,
                     signed: bool) -> None:
    sig = path.with_suffix(".sig")
    if not sig.is_file():
        if signed:
            report.problems.append(f"manifest of run {run_id} was signed but its {sig.name} is missing")
        else:
            report.notes.append(f"manifest of run {run_id} is unsigned (no key when it was written)")
        return
    if key is None:
        report.problems.append(f"manifest of run {run_id} is signed but {PUBLIC_KEY} is missing or not Ed25519")
        return
    try:
        key.verify(sig.read_bytes(), data)
        report.signed += 1
    except InvalidSignature:
        report.problems.append(f"manifest of run {run_id} ({path.name}): its signature does not verify with "
                               f"{PUBLIC_KEY} (the manifest or its .sig was altered)")


def _check_contents(report: ChainReport, conn: sqlite3.Connection, manifest: dict[str, Any], warc_dir: Path) -> None:
    run_id = manifest["run_id"]
    for warc in manifest["warc_files"]:
        path = warc_dir / warc["name"]
        if warc.get("missing"):
            continue  # already missing when the manifest was written: it says so
        if not path.is_file():
            report.problems.append(f"WARC file {warc['name']} of run {run_id} is missing")
        elif (actual := sha256_file(path)) != warc["sha256"]:
            report.problems.append(f"WARC file {warc['name']} of run {run_id} was altered: SHA-256 {actual}, "
                                   f"the manifest says {warc['sha256']}")
    rows = {v["id"]: v for v in _run_versions(conn, run_id)}
    for listed in manifest["versions"]:
        row = rows.pop(listed["id"], None)
        if row is None:
            report.problems.append(f"version {listed['id']} (document {listed['document_id']}) of run {run_id} "
                                   "was deleted or moved to another run")
        elif version_hash(row) != listed["row_sha256"]:
            report.problems.append(f"version {listed['id']} (document {listed['document_id']}) of run {run_id} "
                                   "was altered: its row no longer has the hash in the manifest")
    for extra in rows.values():
        report.problems.append(f"version {extra['id']} (document {extra['document_id']}) claims run {run_id} but is "
                               "not in that run's manifest (added afterwards)")


def verify_chain(db_path: str | Path, *, warc_dir: str | Path | None = None) -> ChainReport:
    """Check every manifest: its bytes against the next manifest's link (the last against the table), its
    signature, its timestamp, and the WARC files and version rows it lists."""
    folder = chain_dir(db_path)
    warcs = Path(warc_dir) if warc_dir else default_warc_dir(db_path)
    report = ChainReport()
    key = _public_key(folder)
    conn = connect_read(db_path)
    try:
        entries = _rows(conn, "SELECT run_id, file, sha256, signed FROM chain_manifests ORDER BY run_id")
        if not entries:
            report.notes.append("no chain manifests yet (they are written after each crawl run)")
        else:
            report.notes.extend(f"run {r[0]} ({r[1]}) has no chain manifest" for r in conn.execute(
                "SELECT id, status FROM runs WHERE id > ? AND finished_at IS NOT NULL"
                " AND id NOT IN (SELECT run_id FROM chain_manifests) ORDER BY id", (entries[0]["run_id"],)))
        links: dict[int, str] = {}  # run -> the hash the next manifest gives it
        for entry in reversed(entries):
            run_id, path = entry["run_id"], folder / entry["file"]
            report.manifests += 1
            if not path.is_file():
                report.problems.append(f"manifest of run {run_id} ({path}) is missing")
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            expected = links.get(run_id, entry["sha256"])
            if digest != expected:
                who = "the next manifest links" if run_id in links else "the archive recorded"
                report.problems.append(f"manifest of run {run_id} ({path.name}) was altered: SHA-256 {digest}, "
                                       f"{who} {expected}")
            _check_signature(report, key, path, data, run_id, bool(entry["signed"]))
            report.timestamped += tsa.check(report.problems, report.notes, path, run_id)
            try:
                manifest = json.loads(data)
            except ValueError:
                report.problems.append(f"manifest of run {run_id} ({path.name}) is not JSON")
                continue
            if manifest.get("previous"):
                links[manifest["previous"]["run_id"]] = manifest["previous"]["sha256"]
            _check_contents(report, conn, manifest, warcs)
    finally:
        conn.close()
    log.info("chain: %d manifests, %d signed, %d problems", report.manifests, report.signed, len(report.problems))
    return report
