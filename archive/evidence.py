"""Evidence packages: one posting's WARC records plus a JSON manifest of hashes.

```
archive.db ──refs (versions, checks, attachments)──► warc/ducha-*.warc.gz
                                                          │ copy each response record byte for byte
out_dir/<id>.warc.gz  ◄── warcinfo (who exported what) + copied records
out_dir/<id>.manifest.json  document, versions, attachments, checks, events, redirect_hops (the 3xx
                            answers before a row's final response: a redirect's evidence is the chain),
                            recaptures (lost records and the re-captured ones standing in), and for every
                            record the SHA-256 of its payload next to the digest the archive stored
```

A reader can verify the package without the archive: recompute each payload's SHA-256 from the
exported WARC and compare it with ``raw_sha256`` (pages) or ``sha256`` (attachments).
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.errors import UnknownDocumentError, WarcError
from archive.models import WarcRef
from archive.opening import connect_read
from archive.warc import _software, read_record, record_bytes

log = logging.getLogger(__name__)


def default_warc_dir(db_path: str | Path) -> Path:
    """``DUCHA_WARC_DIR`` or ``warc/`` beside the archive file (the crawler's default)."""
    env = os.environ.get("DUCHA_WARC_DIR")
    return Path(env) if env else Path(db_path).resolve().parent / "warc"


def _rows(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _ref(row: dict[str, Any]) -> WarcRef | None:
    if row.get("warc_file") and row.get("warc_offset") is not None:
        return WarcRef(file=row["warc_file"], offset=int(row["warc_offset"]))
    return None


def request_records(warc_dir: Path, file: str) -> dict[str, WarcRef]:
    """``response record id -> ref of its request record`` in one WARC file (the crawler writes each request,
    with ``WARC-Concurrent-To``, just before its response); empty when the file cannot be read."""
    found: dict[str, WarcRef] = {}
    try:
        with open(warc_dir / file, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
                if record.rec_type == "request" and concurrent:
                    found[concurrent] = WarcRef(file=file, offset=it.get_record_offset())
    except (OSError, ValueError) as exc:  # warcio raises ArchiveLoadFailed (a ValueError subclass) on damage
        log.warning("evidence: cannot scan %s for request records: %s", file, exc)
    return found


def _copy_record(warc_dir: Path, ref: WarcRef, fh: Any, missing: list[dict[str, Any]],
                 requests: dict[str, dict[str, WarcRef]] | None = None) -> dict[str, Any]:
    """Append the record at ``ref`` to ``fh`` (after its request record when ``requests`` is a cache of
    ``request_records`` per file); describe it, or note it in ``missing`` and return ``{}``."""
    try:
        headers, payload = read_record(warc_dir, ref)
        data = record_bytes(warc_dir, ref)
        request = None
        if requests is not None:
            if ref.file not in requests:
                requests[ref.file] = request_records(warc_dir, ref.file)
            request_ref = requests[ref.file].get(headers["warc"].get("WARC-Record-ID", ""))
            request = record_bytes(warc_dir, request_ref) if request_ref else None
    except WarcError as exc:
        log.warning("evidence: %s", exc)
        missing.append({"file": ref.file, "offset": ref.offset, "error": str(exc)})
        return {}
    if request is not None:
        fh.write(request)
    record = {
        "source_file": ref.file, "source_offset": ref.offset, "offset": fh.tell(),
        "warc_type": headers["warc"].get("WARC-Type"),
        "target_uri": headers["warc"].get("WARC-Target-URI"),
        "warc_date": headers["warc"].get("WARC-Date"),
        "record_id": headers["warc"].get("WARC-Record-ID"),
        "status_line": headers["status_line"],
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "payload_size": len(payload),
    }
    fh.write(data)
    return record


#: What a manifest holds of a posting, in this order; ``ducha evidence`` and the web manifest both use it.
MANIFEST_QUERIES = {
    "document": "SELECT * FROM documents WHERE id = ?",
    "versions": "SELECT id, captured_at, sha256, raw_sha256, title, publish_date, http_status, changed_fields,"
                " warc_file, warc_offset FROM versions WHERE document_id = ? ORDER BY id",
    "attachments": "SELECT id, url, name, sha256, size, content_type, first_seen_at, last_seen_at, warc_file,"
                   " warc_offset FROM attachments WHERE document_id = ? ORDER BY id",
    "checks": "SELECT id, run_id, at, http_status, outcome, reason, raw_sha256, warc_file, warc_offset"
              " FROM checks WHERE document_id = ? ORDER BY id",
    "events": "SELECT id, run_id, kind, at, version_id, previous_version_id, detail FROM events"
              " WHERE document_id = ? ORDER BY id",
    "redirect_hops": "SELECT id, row_table, row_id, hop, url, http_status, location, raw_sha256, warc_file,"
                     " warc_offset FROM redirect_hops WHERE document_id = ? ORDER BY row_table, row_id, hop",
    "recaptures": "SELECT id, run_id, at, row_table, row_id, problem, detail, check_id, raw_sha256, warc_file,"
                  " warc_offset FROM evidence_recaptures WHERE document_id = ? ORDER BY id",
}


def decode_json_fields(parts: dict[str, list[dict[str, Any]]]) -> None:
    """Turn the JSON text columns of manifest rows (``changed_fields``, ``detail``) into values, in place."""
    for row in [*parts.get("versions", []), *parts.get("events", [])]:
        for name in ("changed_fields", "detail"):
            if isinstance(row.get(name), str):
                try:
                    row[name] = json.loads(row[name])
                except ValueError:
                    pass


def export_evidence(
    db_path: str | Path, document_id: int, out_dir: str | Path, *, warc_dir: str | Path | None = None,
    with_requests: bool = False,
) -> dict:
    """Write ``<id>.warc.gz`` and ``<id>.manifest.json`` for a posting into ``out_dir``; return the manifest.

    ``with_requests`` also copies each response's request record (the whole exchange, as a WACZ holds it).

    Records whose WARC file is missing are listed under ``missing`` rather than aborting the export.
    Raises ``UnknownDocumentError`` (a ``LookupError``) for an unknown document id.
    """
    warc_path = Path(warc_dir) if warc_dir is not None else default_warc_dir(db_path)
    out = Path(out_dir)
    conn = connect_read(db_path)  # read-only; works on read-only media
    try:
        parts = {name: _rows(conn, sql, (document_id,)) for name, sql in MANIFEST_QUERIES.items()}
    finally:
        conn.close()
    if not parts["document"]:
        raise UnknownDocumentError(f"no document with id {document_id} in {db_path}")
    docs, versions, attachments, checks = (parts[name] for name in ("document", "versions", "attachments", "checks"))
    hops, recaptures = parts["redirect_hops"], parts["recaptures"]

    out.mkdir(parents=True, exist_ok=True)
    warc_name, manifest_name = f"{document_id}.warc.gz", f"{document_id}.manifest.json"
    exported: dict[tuple[str, int], dict[str, Any]] = {}
    missing: list[dict[str, Any]] = []
    requests: dict[str, dict[str, WarcRef]] | None = {} if with_requests else None
    with open(out / warc_name, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(warc_name, {
            "software": _software(), "format": "WARC File Format 1.1",
            "description": f"evidence for ducha archive document {document_id} ({docs[0]['url']})"}))
        # every record of a chain: each redirect answer, then the final response; and re-captured stand-ins
        for row in [*hops, *versions, *checks, *attachments, *recaptures]:
            ref = _ref(row)
            if ref is None:
                continue
            key = (ref.file, ref.offset)
            if key not in exported:
                exported[key] = _copy_record(warc_path, ref, fh, missing, requests)
            record = exported[key]
            row["warc"] = {"file": ref.file, "offset": ref.offset}
            row["payload_sha256"] = record.get("payload_sha256")
            expected = row.get("raw_sha256") if "raw_sha256" in row else row.get("sha256")
            row["digest_matches"] = None if not expected or not record else expected == record["payload_sha256"]
    for row in [*hops, *versions, *checks, *attachments, *recaptures]:
        row.pop("warc_file", None)
        row.pop("warc_offset", None)
    decode_json_fields(parts)

    records = [r for r in exported.values() if r]
    manifest = {
        "document_id": document_id,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generated_by": _software(),
        "document": docs[0],
        "versions": versions,
        "attachments": attachments,
        "checks": checks,
        "events": parts["events"],
        "redirect_hops": hops,
        "recaptures": recaptures,
        "records": records,
        "missing": missing,
        "files": [str(out / warc_name), str(out / manifest_name)],
        "warc_sha256": hashlib.sha256((out / warc_name).read_bytes()).hexdigest(),
    }
    buffer = io.StringIO()
    json.dump(manifest, buffer, ensure_ascii=False, indent=2)
    (out / manifest_name).write_text(buffer.getvalue() + "\n", encoding="utf-8")
    log.info("evidence for document %s: %d records, %d missing", document_id, len(records), len(missing))
    return manifest
