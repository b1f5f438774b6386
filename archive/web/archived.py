"""Our own copies, served from the WARC files: attachments as stored, and a sanitised snapshot of a page.

* ``/-/ducha/attachment/{id}`` answers the attachment's bytes exactly as archived (the SHA-256 is
  checked against ``attachments.sha256`` and reported in ``X-Ducha-SHA256-Verified``).  Only raster
  images are shown inline; everything else — and anything that could run script (HTML, SVG, XML,
  JavaScript) — is sent as a download (``Content-Disposition: attachment``), HTML/SVG/XML/JS with
  ``application/octet-stream``, always with ``nosniff`` and a ``sandbox`` CSP.
* ``/-/ducha/snapshot/{version_id}`` renders the archived page of a version: the response payload is
  decoded, passed through nh3 (no script, no styles, no images, no forms, no event handlers; links
  made absolute against the original URL and ``nofollow``; links to a file we archived point at our
  copy, ``/-/ducha/attachment/{id}``) and shown under a 存档快照 banner.
"""
from __future__ import annotations

import gzip
import hashlib
import logging
import re
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import quote, urldefrag, urljoin

import nh3
from datasette.utils.asgi import Response

from archive.errors import WarcError
from archive.models import WarcRef
from archive.warc import read_record
from archive.web.document import safe_href

log = logging.getLogger(__name__)

#: Served inline; anything else is a download.
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
#: Could run script if a browser rendered it (HTML, XML and its kin, SVG, JavaScript, any text but plain/CSV):
#: never sent with its own type.
ACTIVE_TYPES = re.compile(r"text/(?!plain$|csv$).*|.*/(x-)?(html|xhtml|xml|javascript|ecmascript|xslt?)|.*\+xml",
                          re.IGNORECASE)
ATTACHMENT_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"
SNAPSHOT_TAGS = set(nh3.ALLOWED_TAGS) - {"img", "map", "area"}
SNAPSHOT_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _header(pairs: list, name: str) -> str | None:
    return next((str(v) for k, v in pairs if str(k).lower() == name.lower()), None)


def payload(folder: Path, warc_file: str, warc_offset: int) -> tuple[bytes, list]:
    """The response body of a WARC record (content-encoding undone) and its HTTP headers.

    Raises ``WarcError`` when the file lies outside ``folder`` or the record cannot be read."""
    root = folder.resolve()
    path = (root / warc_file).resolve()
    if root not in path.parents:
        raise WarcError(f"WARC file outside the WARC folder: {warc_file}")
    headers, body = read_record(root, WarcRef(file=warc_file, offset=int(warc_offset)))
    http = headers.get("http") or []
    encoding = (_header(http, "Content-Encoding") or "").lower()
    try:
        if encoding in ("gzip", "x-gzip") and body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
    except (OSError, zlib.error) as exc:
        log.info("stored body not decodable as %s, served as stored: %s", encoding, exc)
    return body, http


def decode_html(body: bytes, content_type: str | None) -> str:
    """Text of an archived page: the declared charset (header, then ``<meta>``), else UTF-8, else GB18030."""
    candidates = []
    match = re.search(r"charset=([A-Za-z0-9_-]+)", content_type or "", re.IGNORECASE)
    if match:
        candidates.append(match.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    for name in [*candidates, "utf-8", "gb18030"]:
        name = "gb18030" if name.lower() in ("gb2312", "gbk") else name
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def sanitise_page(html: str, base_url: str | None, copies: dict[str, int] | None = None) -> str:
    """The archived page as inert HTML: nh3 allow-list, links absolute (http/https only) and nofollow.

    A link to a file we archived (``copies``: its URL -> attachment id) points at our copy,
    ``/-/ducha/attachment/{id}``, which outlives the government server's."""

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag == "a" and name == "href":
            absolute = urldefrag(urljoin(base_url or "", value.strip())).url
            if copies and absolute in copies:
                return f"/-/ducha/attachment/{copies[absolute]}"
            return safe_href(urljoin(base_url or "", value))
        return value

    return nh3.clean(html, tags=SNAPSHOT_TAGS, attributes=SNAPSHOT_ATTRIBUTES,
                     clean_content_tags={"script", "style", "title", "noscript", "template", "textarea"},
                     attribute_filter=attribute, link_rel="nofollow noopener noreferrer", strip_comments=True)


def download_headers(name: str | None, content_type: str | None, fallback: str) -> dict[str, str]:
    """Content-Type and Content-Disposition for an archived file: inline only for raster images."""
    kind = (content_type or "application/octet-stream").split(";")[0].strip().lower()
    if ACTIVE_TYPES.fullmatch(kind) or not re.fullmatch(r"[a-z0-9.+-]+/[a-z0-9.+-]+", kind):
        kind = "application/octet-stream"
    filename = (name or fallback).replace("\r", " ").replace("\n", " ")
    ascii_name = re.sub(r'[^A-Za-z0-9._-]', "_", filename).strip("_") or fallback
    disposition = "inline" if kind in INLINE_TYPES else "attachment"
    return {"Content-Type": kind,
            "Content-Disposition": f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}",
            "Content-Security-Policy": ATTACHMENT_CSP, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer"}


def verified(body: bytes, sha256: str | None) -> str:
    """``yes`` when the served bytes have the archived digest, ``no`` when not, ``unknown`` without one."""
    if not sha256:
        return "unknown"
    return "yes" if hashlib.sha256(body).hexdigest() == sha256.lower() else "no"


async def attachment_file(datasette: Any, request: Any) -> Response:
    """``/-/ducha/attachment/{id}``: the archived bytes of one attachment."""
    from archive.web.pages import _not_found, database_name, warc_dir

    attachment_id = int(request.url_vars["id"])
    rows = (await datasette.get_database(database_name(datasette)).execute(
        "SELECT id, name, url, sha256, content_type, warc_file, warc_offset FROM attachments WHERE id = ?",
        [attachment_id])).rows
    if not rows or not rows[0]["warc_file"] or rows[0]["warc_offset"] is None:
        return _not_found(f"no archived copy of attachment {attachment_id}")
    row = rows[0]
    try:
        body, http = payload(warc_dir(datasette), row["warc_file"], row["warc_offset"])
    except WarcError as exc:
        log.info("attachment %s unavailable: %s", attachment_id, exc)
        return _not_found(f"archived copy unavailable: {exc}")
    headers = download_headers(row["name"] or Path(str(row["url"] or "")).name,
                               row["content_type"] or _header(http, "Content-Type"), f"attachment-{attachment_id}")
    headers["X-Ducha-SHA256-Verified"] = verified(body, row["sha256"])
    content_type = headers.pop("Content-Type")
    return Response(body, content_type=content_type, headers=headers)


async def snapshot_page(datasette: Any, request: Any) -> Response:
    """``/-/ducha/snapshot/{version_id}``: the archived page, sanitised, marked 存档快照."""
    from archive.web.pages import _not_found, _secure, database_name, warc_dir

    db_name = database_name(datasette)
    version_id = int(request.url_vars["version_id"])
    rows = (await datasette.get_database(db_name).execute(
        "SELECT v.id, v.document_id, v.captured_at, v.raw_sha256, v.warc_file, v.warc_offset, d.url, d.title"
        " FROM versions v JOIN documents d ON d.id = v.document_id WHERE v.id = ?", [version_id])).rows
    if not rows or not rows[0]["warc_file"] or rows[0]["warc_offset"] is None:
        return _not_found(f"no archived page for version {version_id}")
    row = dict(rows[0])
    try:
        body, http = payload(warc_dir(datasette), row["warc_file"], row["warc_offset"])
    except WarcError as exc:
        log.info("snapshot of version %s unavailable: %s", version_id, exc)
        return _not_found(f"archived page unavailable: {exc}")
    # the version's own files win over same-URL files of other versions
    copies = {r["url"]: r["id"] for r in (await datasette.get_database(db_name).execute(
        "SELECT a.id, a.url FROM attachments a WHERE a.document_id = ? AND a.warc_file IS NOT NULL"
        " ORDER BY a.id IN (SELECT attachment_id FROM version_attachments WHERE version_id = ?), a.id",
        [row["document_id"], version_id])).rows}
    snapshot = sanitise_page(decode_html(body, _header(http, "Content-Type")), row["url"], copies)
    html = await datasette.render_template("ducha_snapshot.html", {
        "row": row, "href": safe_href(row["url"]), "snapshot": snapshot, "database": db_name,
        "verified": verified(body, row["raw_sha256"])}, request=request)
    return _secure(Response.html(html))
