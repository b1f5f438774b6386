"""WACZ 1.1 packages: a posting's (or a run's) evidence in the format web-archive players replay.

```
export_evidence(with_requests) ─► archive/<id>.warc.gz   request + response of every version, check,
   (or a run's own WARC files)                            attachment, redirect hop and re-capture
                                 ─► ducha/<id>.manifest.json  the archive's rows and hashes (ducha evidence)
the WARC files ─index─► indexes/index.cdx    CDXJ, one line per response: SURT key, timestamp, {url, digest, offset…}
versions        ─────► pages/pages.jsonl     one page per capture (url, ts, title)
every file      ─sha256─► datapackage.json ─sha256─► datapackage-digest.json
```
All of it in one ZIP, stored uncompressed (WARCs must be, for random access), readable by the
reference validator (``wacz validate -f FILE``) and by anyone with ``unzip`` and ``sha256sum``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from warcio.archiveiterator import ArchiveIterator

from archive.errors import EvidenceError, UnknownRunError
from archive.evidence import default_warc_dir, export_evidence
from archive.opening import connect_read
from archive.warc import _software

log = logging.getLogger(__name__)

WACZ_VERSION = "1.1.1"
PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
#: A fixed ZIP entry time: the same archive content gives the same package bytes, except ``created``.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class WaczPackage:
    """What ``export_wacz`` wrote."""

    path: Path
    size: int
    files: dict[str, str]  # package path -> "sha256:…"
    pages: int
    records: int
    missing: list[dict[str, Any]]


def surt(url: str) -> str:
    """The SURT key pywb and the WACZ tools sort CDXJ lines by: ``https://www.Example.com/a?b=1&a=2`` →
    ``com,example)/a?a=2&b=1`` (scheme and ``www.`` dropped, host reversed, lower case, query sorted)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    key = ",".join(reversed(host.split(".")))
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        key += f":{port}"
    key += ")" + (parts.path or "/").lower()
    if parts.query:
        key += "?" + urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True))).lower()
    return key


def _timestamp(warc_date: str) -> str:
    """``2024-07-03T01:02:03Z`` → ``20240703010203`` (the CDXJ timestamp)."""
    return "".join(ch for ch in warc_date if ch.isdigit())[:14]


def cdxj_lines(warc_path: Path, filename: str) -> list[str]:
    """One CDXJ line per response, revisit or resource record of ``warc_path`` (named ``filename`` in the
    package), sorted as a CDXJ index must be."""
    lines = []
    with open(warc_path, "rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            if record.rec_type not in ("response", "revisit", "resource"):
                continue
            headers = record.rec_headers
            url = headers.get_header("WARC-Target-URI")
            http = record.http_headers
            fields: dict[str, Any] = {"url": url}
            if http is not None:
                fields["mime"] = (http.get_header("Content-Type") or "").split(";")[0].strip() or "unk"
                fields["status"] = http.get_statuscode()
            fields["digest"] = headers.get_header("WARC-Payload-Digest") or ""
            date = headers.get_header("WARC-Date")
            it.read_to_end()
            fields.update(length=it.get_record_length(), offset=it.get_record_offset(), filename=filename)
            lines.append(f"{surt(url)} {_timestamp(date)} {json.dumps(fields, ensure_ascii=False)}")
    return sorted(lines)


def _page(version: dict[str, Any], url: str) -> dict[str, Any]:
    return {"id": f"version-{version['id']}", "url": url, "ts": version["captured_at"],
            "title": version.get("title") or url, "ducha_sha256": version.get("sha256")}


def _write_package(out: Path, entries: list[tuple[str, Path | bytes]], meta: dict[str, Any]) -> dict[str, str]:
    """Zip ``entries`` (package path, file or bytes) with ``datapackage.json`` and its digest; return the hashes."""
    resources: list[dict[str, Any]] = []
    hashes: dict[str, str] = {}
    for name, content in entries:
        data = content.read_bytes() if isinstance(content, Path) else content
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        hashes[name] = digest
        resource: dict[str, Any] = {"name": Path(name).name.lower(), "path": name, "hash": digest,
                                    "bytes": len(data)}
        if name.startswith("ducha/"):  # our manifest: named, or frictionless reads its "checks" as its own
            resource["format"] = "ducha-manifest"
        resources.append(resource)
    package = {"profile": "data-package", "resources": resources, **meta,
               "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
               "wacz_version": WACZ_VERSION, "software": _software()}
    package_bytes = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    package_digest = {"path": "datapackage.json", "hash": "sha256:" + hashlib.sha256(package_bytes).hexdigest()}
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, content in [*entries, ("datapackage.json", package_bytes),
                              ("datapackage-digest.json", json.dumps(package_digest, indent=2).encode("utf-8"))]:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            zf.writestr(info, content.read_bytes() if isinstance(content, Path) else content)
    partial.replace(out)  # never a half-written package under the final name
    return hashes


def _run_rows(db_path: str | Path, run_id: int) -> tuple[list[str], list[dict[str, Any]]]:
    """The run's WARC file names and the versions it created (with their posting's URL)."""
    conn = connect_read(db_path)
    try:
        conn.row_factory = sqlite3.Row
        run = conn.execute("SELECT warc_files FROM runs WHERE id = ?", (run_id,)).fetchone()
        if run is None:
            raise UnknownRunError(f"no run with id {run_id} in {db_path}")
        versions = [dict(r) for r in conn.execute(
            "SELECT v.id, v.captured_at, v.sha256, v.title, d.url FROM events e JOIN versions v ON v.id = e.version_id"
            " JOIN documents d ON d.id = v.document_id WHERE e.run_id = ? AND e.kind IN ('new', 'changed', 'restored')"
            " ORDER BY v.id", (run_id,))]
    finally:
        conn.close()
    return json.loads(run["warc_files"] or "[]"), versions


def export_wacz(db_path: str | Path, out: str | Path, *, document_id: int | None = None, run_id: int | None = None,
                warc_dir: str | Path | None = None) -> WaczPackage:
    """Write the WACZ package of one posting (``document_id``) or of everything one run captured (``run_id``).

    A posting's package holds each version's, check's, attachment's, redirect hop's and re-capture's request
    and response records, copied byte for byte, and the ``ducha evidence`` manifest (``ducha/``); records
    whose WARC file is lost are listed in ``missing`` (and in that manifest), never invented.  A run's package
    holds the run's WARC files whole.  Raises ``UnknownDocumentError`` / ``UnknownRunError``, or
    ``EvidenceError`` when there is nothing to package.
    """
    if (document_id is None) == (run_id is None):
        raise ValueError("give exactly one of document_id and run_id")
    source = Path(warc_dir) if warc_dir is not None else default_warc_dir(db_path)
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="ducha-wacz-") as tmp:
        entries: list[tuple[str, Path | bytes]] = []
        missing: list[dict[str, Any]] = []
        if document_id is not None:
            manifest = export_evidence(db_path, document_id, tmp, warc_dir=source, with_requests=True)
            missing = manifest["missing"]
            warcs = [(f"archive/{document_id}.warc.gz", Path(tmp) / f"{document_id}.warc.gz")]
            url = manifest["document"]["url"]
            pages = [_page(v, url) for v in manifest["versions"] if v.get("warc")]
            manifest["files"] = [warcs[0][0], f"ducha/{document_id}.manifest.json"]
            title = f"ducha archive document {document_id}: {manifest['document'].get('title') or url}"
            extra: list[tuple[str, Path | bytes]] = [
                (manifest["files"][1], json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))]
        else:
            assert run_id is not None
            files, versions = _run_rows(db_path, run_id)
            warcs = [(f"archive/{name}", source / name) for name in files if (source / name).is_file()]
            missing = [{"file": name, "error": "WARC file not found"} for name in files if not (source / name).is_file()]
            pages = [_page(v, v["url"]) for v in versions]
            title, extra = f"ducha archive run {run_id}", []
        if not warcs or not any(p.stat().st_size for _, p in warcs):
            raise EvidenceError(f"nothing to package: no WARC record of {title} could be read ({missing})")
        index: list[str] = []
        for name, path in warcs:
            index.extend(cdxj_lines(path, Path(name).name))
        pages_bytes = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in [PAGES_HEADER, *pages]).encode()
        entries = [*warcs, ("indexes/index.cdx", ("\n".join(sorted(index)) + "\n").encode("utf-8")),
                   ("pages/pages.jsonl", pages_bytes), *extra]
        meta: dict[str, Any] = {"title": title}
        if pages:
            meta.update(mainPageURL=pages[-1]["url"], mainPageDate=pages[-1]["ts"])
        hashes = _write_package(out, entries, meta)
    log.info("WACZ %s: %d files, %d pages, %d index lines, %d missing", out, len(hashes), len(pages), len(index),
             len(missing))
    return WaczPackage(path=out, size=out.stat().st_size, files=hashes, pages=len(pages), records=len(index),
                       missing=missing)
