"""Route handlers under ``/-/ducha/``: the document page, side-by-side diffs, evidence manifest, WARC records, CSS;
archived attachments and snapshots (``archive.web.archived``), CSV exports (``archive.web.export``), the
per-region comparison (``archive.web.compare``) and the rectification ledger (``archive.web.ledger_pages``).

Every response carries a strict Content-Security-Policy: nothing archived can run script even if
it slipped through escaping, and the pages need no inline script of their own.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from datasette.utils.asgi import Response

from archive.chain import PUBLIC_KEY, chain_dir
from archive.errors import EvidenceError, WarcError
from archive.evidence import default_warc_dir
from archive.models import WarcRef
from archive.wacz import export_wacz
from archive.warc import record_bytes
from archive.web.archived import attachment_file, snapshot_page
from archive.web.citation import citation
from archive.web.compare import timeliness_page
from archive.web.document import evidence_manifest, load_document, load_version_pair
from archive.web.export import csv_export
from archive.web.ledger_pages import ROUTES as LEDGER_ROUTES

log = logging.getLogger(__name__)

PLUGIN = "ducha"
STATIC = Path(__file__).parent / "static"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
STATIC_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".js": "text/javascript"}
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def database_name(datasette: Any) -> str:
    """The archive's database: plugin setting ``database``, else ``archive``, else the first attached one."""
    config = datasette.plugin_config(PLUGIN) or {}
    names = [n for n in datasette.databases if n not in ("_internal", "_memory")]
    wanted = config.get("database") or "archive"
    return wanted if wanted in names or not names else names[0]


def warc_dir(datasette: Any) -> Path:
    """Plugin setting ``warc_dir``, else ``DUCHA_WARC_DIR``, else ``warc/`` beside the database file."""
    config = datasette.plugin_config(PLUGIN) or {}
    if config.get("warc_dir"):
        return Path(config["warc_dir"])
    return default_warc_dir(datasette.get_database(database_name(datasette)).path or ".")


def _secure(response: Response) -> Response:
    for key, value in SECURITY_HEADERS.items():
        response.headers[key] = value
    return response


def _not_found(message: str) -> Response:
    return _secure(Response.text(message, status=404))


async def document_page(datasette: Any, request: Any) -> Response:
    """``/-/ducha/document/{id}``: current text, dated metadata, versions with diffs, attachments, events."""
    db_name = database_name(datasette)
    document_id = int(request.url_vars["id"])
    data = await load_document(datasette.get_database(db_name), document_id)
    if data is None:
        return _not_found(f"no document {document_id}")
    permalink = datasette.absolute_url(request, datasette.urls.path(f"/-/ducha/document/{document_id}"))
    html = await datasette.render_template(
        "ducha_document.html", {**data, "database": db_name, "citation": citation(data, permalink)}, request=request)
    return _secure(Response.html(html))


async def version_diff(datasette: Any, request: Any) -> Response:
    """``/-/ducha/document/{id}/diff/{version_id}``: that version against the one before it, side by side."""
    db_name = database_name(datasette)
    document_id, version_id = int(request.url_vars["id"]), int(request.url_vars["version_id"])
    data = await load_version_pair(datasette.get_database(db_name), document_id, version_id)
    if data is None:
        return _not_found(f"no earlier version to compare with: document {document_id}, version {version_id}")
    html = await datasette.render_template("ducha_diff.html", {**data, "database": db_name}, request=request)
    return _secure(Response.html(html))


async def evidence(datasette: Any, request: Any) -> Response:
    """``/-/ducha/evidence/{id}.json``: the stored digests and WARC references of one posting."""
    document_id = int(request.url_vars["id"])
    base = f"{request.scheme}://{request.host}"
    manifest = await evidence_manifest(datasette.get_database(database_name(datasette)), document_id, base=base)
    if manifest is None:
        return _not_found(f"no document {document_id}")
    body = json.dumps(manifest, ensure_ascii=False, indent=2)
    return _secure(Response(body, content_type="application/json; charset=utf-8",
                            headers={"Content-Disposition": f'inline; filename="ducha-{document_id}.manifest.json"'}))


async def warc_record(datasette: Any, request: Any) -> Response:
    """``/-/ducha/warc/{version_id}``: the version's response record as a one-member ``.warc.gz``."""
    version_id = int(request.url_vars["version_id"])
    rows = (await datasette.get_database(database_name(datasette)).execute(
        "SELECT document_id, warc_file, warc_offset FROM versions WHERE id = ?", [version_id])).rows
    if not rows or not rows[0]["warc_file"] or rows[0]["warc_offset"] is None:
        return _not_found(f"no WARC record for version {version_id}")
    folder = warc_dir(datasette).resolve()
    path = (folder / rows[0]["warc_file"]).resolve()
    if folder not in path.parents:
        log.warning("refusing WARC path outside %s: %s", folder, rows[0]["warc_file"])
        return _not_found("WARC file outside the WARC folder")
    try:
        data = record_bytes(folder, WarcRef(file=rows[0]["warc_file"], offset=int(rows[0]["warc_offset"])))
    except WarcError as exc:
        log.info("WARC record for version %s unavailable: %s", version_id, exc)
        return _not_found(f"WARC record unavailable: {exc}")
    name = f"ducha-doc{rows[0]['document_id']}-v{version_id}.warc.gz"
    return _secure(Response(data, content_type="application/warc",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'}))


def _build_wacz(db_path: str, document_id: int, folder: Path) -> bytes:
    with tempfile.TemporaryDirectory(prefix="ducha-web-wacz-") as tmp:
        return export_wacz(db_path, Path(tmp) / "p.wacz", document_id=document_id, warc_dir=folder).path.read_bytes()


async def wacz_package(datasette: Any, request: Any) -> Response:
    """``/-/ducha/wacz/{id}``: the posting's WACZ package (``ducha evidence ID --format wacz``) as a download."""
    document_id = int(request.url_vars["id"])
    db = datasette.get_database(database_name(datasette))
    if not db.path or not (await db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id])).rows:
        return _not_found(f"no document {document_id}")
    try:  # built off the event loop: it reads WARC files and hashes every record
        data = await asyncio.get_running_loop().run_in_executor(
            None, _build_wacz, db.path, document_id, warc_dir(datasette))
    except (LookupError, EvidenceError) as exc:
        log.info("WACZ of document %s unavailable: %s", document_id, exc)
        return _not_found(f"WACZ unavailable: {exc}")
    return _secure(Response(data, content_type="application/wacz",
                            headers={"Content-Disposition": f'attachment; filename="ducha-{document_id}.wacz"'}))


CHAIN_TYPES = {".json": "application/json; charset=utf-8", ".sig": "application/octet-stream",
               ".tsr": "application/timestamp-reply", ".pem": "application/x-pem-file"}


async def chain_file(datasette: Any, request: Any) -> Response:
    """``/-/ducha/chain/{run}.json|.sig|.tsr`` and ``/-/ducha/chain/ducha-chain.pub.pem``: the daily chain's
    manifests, their signatures and timestamps, and the public key (docs/evidence.md), byte for byte."""
    db = datasette.get_database(database_name(datasette))
    name = request.url_vars["name"]
    path = chain_dir(db.path or ".") / name
    if not db.path or not path.is_file():
        return _not_found("no such chain file")
    if name != PUBLIC_KEY:  # a file the chain does not record (left over, planted) is not the chain's
        try:
            recorded = (await db.execute("SELECT 1 FROM chain_manifests WHERE file = ?", [f"{path.stem}.json"])).first()
        except sqlite3.Error:  # an archive from before the chain: it records none
            recorded = None
        if not recorded:
            return _not_found("no such manifest in the chain")
    return _secure(Response(path.read_bytes(), content_type=CHAIN_TYPES[path.suffix],
                            headers={"Content-Disposition": f'inline; filename="{path.name}"'}))


async def not_found_page(datasette: Any, request: Any) -> Response:
    """Any other ``/-/ducha/`` address: 404."""
    return _not_found("not found")


async def static_file(datasette: Any, request: Any) -> Response:
    """``/-/ducha/static/{name}``: the plugin's CSS, SVG and script (Datasette cannot find a module plugin's
    static folder; a script from here is allowed by the pages' CSP, an inline one is not)."""
    path = STATIC / request.url_vars["name"]
    if not path.is_file() or path.suffix not in STATIC_TYPES:
        return _not_found("not found")
    kind = STATIC_TYPES[path.suffix]
    return _secure(Response(path.read_text(encoding="utf-8"), content_type=f"{kind}; charset=utf-8",
                            headers={"Cache-Control": "max-age=3600"}))


_ID = "[0-9]{1,18}"  # SQLite integers are 64-bit: a longer id is no id (404, not an OverflowError)
ROUTES = [
    (rf"^/-/ducha/document/(?P<id>{_ID})$", document_page),
    (rf"^/-/ducha/document/(?P<id>{_ID})/diff/(?P<version_id>{_ID})$", version_diff),
    (rf"^/-/ducha/evidence/(?P<id>{_ID})\.json$", evidence),
    (rf"^/-/ducha/warc/(?P<version_id>{_ID})$", warc_record),
    (rf"^/-/ducha/wacz/(?P<id>{_ID})$", wacz_package),
    (rf"^/-/ducha/chain/(?P<name>{_ID}\.(?:json|sig|tsr)|{re.escape(PUBLIC_KEY)})$", chain_file),
    (rf"^/-/ducha/attachment/(?P<id>{_ID})$", attachment_file),
    (rf"^/-/ducha/snapshot/(?P<version_id>{_ID})$", snapshot_page),
    (r"^/-/ducha/csv/(?P<name>[a-z0-9_]+)$", csv_export),
    (r"^/-/ducha/timeliness$", timeliness_page),
    (r"^/-/ducha/static/(?P<name>[a-z0-9_-]+\.(?:css|svg|js))$", static_file),
    *LEDGER_ROUTES,
    # anything else under /-/ducha/ (e.g. an id too long for SQLite) is our plain 404: Datasette's own 404 path
    # with rich installed calls print_exception() outside an except block and raises (HTTP 500)
    (r"^/-/ducha/.*$", not_found_page),
]
