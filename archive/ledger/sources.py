"""What the ledger reads for one posting: its title, body text, raw page HTML and attachments.

Raw bytes come from the WARC evidence the crawler kept (``versions.warc_file/warc_offset`` for the
page, ``attachments.warc_file/warc_offset`` for each file); when a record is missing the stored
text is used and table structure is lost (the enumerated-text reader still applies).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from archive.errors import WarcError
from archive.ledger.tables import Grid, TableReaders, tables_of
from archive.models import WarcRef
from archive.warc import read_record

logger = logging.getLogger(__name__)


@dataclass
class AttachmentSource:
    """One attachment of the posting's current version."""

    id: int
    name: str
    kind: str
    text: str
    grids: list[Grid] = field(default_factory=list)


@dataclass
class PostingSource:
    """One posting as the ledger sees it."""

    document_id: int
    version_id: int | None
    site_id: str
    url: str
    title: str
    doc_type: str
    posted: str | None
    objection_end: str | None
    body_text: str
    page_grids: list[Grid] = field(default_factory=list)
    attachments: list[AttachmentSource] = field(default_factory=list)
    raw_missing: int = 0


_KIND = re.compile(r"\.(docx|xlsx|xls|pdf|doc|wps|et)(?:$|\?)", re.IGNORECASE)


def _kind(name: str | None, url: str, content_type: str | None) -> str:
    for candidate in (name or "", url):
        m = _KIND.search(candidate)
        if m:
            return m.group(1).lower()
    ct = (content_type or "").lower()
    if "spreadsheetml" in ct:
        return "xlsx"
    if "wordprocessingml" in ct:
        return "docx"
    if "pdf" in ct:
        return "pdf"
    if "html" in ct:
        return "html"
    return ""


def _raw(warc_dir: Path | None, file: str | None, offset: int | None) -> bytes | None:
    if warc_dir is None or not file or offset is None:
        return None
    try:
        return read_record(warc_dir, WarcRef(file, offset))[1]
    except (WarcError, OSError, ValueError) as exc:
        logger.debug("no WARC record %s:%s: %s", file, offset, exc)
        return None


def load_posting(db: Database, document_id: int, *, warc_dir: Path | None, tables: bool = True,
                 pdf_grids: dict[tuple[str, int], list[Grid]] | None = None) -> PostingSource:
    """The posting's current version with its attachments (tables read from raw bytes when ``tables``; the PDF
    tables ``pdf_tables`` already read, by WARC record, are taken from ``pdf_grids``)."""
    doc = db.execute(
        "SELECT id, site_id, url, title, doc_type, coalesce(publish_date, substr(first_seen_at, 1, 10)),"
        " objection_end, coalesce(current_version_id, (SELECT max(v.id) FROM versions v WHERE v.document_id = ?))"
        " FROM documents WHERE id = ?", [document_id, document_id]).fetchone()
    if doc is None:
        raise LookupError(f"no document {document_id}")
    version = db.execute("SELECT body_text, warc_file, warc_offset FROM versions WHERE id = ?", [doc[7]]).fetchone() \
        if doc[7] is not None else None
    body, wfile, woffset = version if version else ("", None, None)
    src = PostingSource(document_id=doc[0], version_id=doc[7], site_id=doc[1], url=doc[2], title=doc[3] or "",
                        doc_type=doc[4], posted=doc[5], objection_end=doc[6], body_text=body or "")
    if tables and wfile:
        raw = _raw(warc_dir, wfile, woffset)
        if raw is None:
            src.raw_missing += 1
        else:
            src.page_grids = tables_of("html", raw)
    rows = db.execute(
        "SELECT a.id, a.name, a.url, a.content_type, a.text, a.warc_file, a.warc_offset FROM attachments a"
        " JOIN version_attachments va ON va.attachment_id = a.id WHERE va.version_id = ? ORDER BY a.id",
        [src.version_id]).fetchall() if src.version_id else []
    for aid, name, url, ctype, text, wfile, woffset in rows:
        att = AttachmentSource(id=aid, name=name or "", kind=_kind(name, url, ctype), text=text or "")
        if tables and pdf_grids is not None and (wfile, woffset) in pdf_grids:
            att.grids = pdf_grids[(wfile, woffset)]
        elif tables and att.kind in ("docx", "xlsx", "xls", "pdf", "html"):
            raw = _raw(warc_dir, wfile, woffset)
            if raw is None:
                src.raw_missing += 1
            else:
                att.grids = tables_of(att.kind, raw)
        src.attachments.append(att)
    return src


def pdf_tables(db: Database, document_ids: list[int], *, warc_dir: Path | None,
               readers: TableReaders) -> Callable[[], dict[tuple[str, int], list[Grid]]]:
    """Start reading the tables of the PDF attachments of these postings' current versions (``readers``, in other
    processes); the returned function waits for them, keyed by WARC record (file, offset) for
    ``load_posting(pdf_grids=...)``.  Records that cannot be read are left out (``load_posting`` counts them)."""
    if not document_ids or warc_dir is None:
        return dict
    marks = ",".join("?" * len(document_ids))
    rows = db.execute(
        "SELECT DISTINCT a.name, a.url, a.content_type, a.warc_file, a.warc_offset FROM documents d"
        " JOIN versions v ON v.id = coalesce(d.current_version_id, (SELECT max(id) FROM versions w"
        " WHERE w.document_id = d.id))"
        " JOIN version_attachments va ON va.version_id = v.id JOIN attachments a ON a.id = va.attachment_id"
        f" WHERE d.id IN ({marks}) AND a.warc_file IS NOT NULL AND a.warc_offset IS NOT NULL",
        document_ids).fetchall()
    refs, jobs = [], []
    for name, url, ctype, wfile, woffset in rows:
        if _kind(name, url, ctype) == "pdf" and (raw := _raw(warc_dir, wfile, woffset)) is not None:
            refs.append((wfile, woffset))
            jobs.append(("pdf", raw))
    results = readers.read(jobs)
    return lambda: dict(zip(refs, results()))
