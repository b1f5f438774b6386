"""What the ledger reads for one posting: its title, body text, raw page HTML and attachments.

Raw bytes come from the WARC evidence the crawler kept (``versions.warc_file/warc_offset`` for the
page, ``attachments.warc_file/warc_offset`` for each file); when a record is missing the stored
text is used and table structure is lost (the enumerated-text reader still applies).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from archive.errors import WarcError
from archive.ledger import table_cache
from archive.ledger.tables import TABLE_KINDS, Grid, TableReaders, tables_of
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


def table_kind(name: str | None, url: str, content_type: str | None) -> str:
    """The reader a file needs (``archive.ledger.tables.READERS``), from its name, URL, then Content-Type."""
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
                 grids: dict[tuple[str, int], list[Grid]] | None = None) -> PostingSource:
    """The posting's current version with its attachments (tables read from raw bytes when ``tables``; tables
    ``read_tables`` already read, by WARC record, are taken from ``grids``)."""
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
        src.page_grids, missing = _grids(grids, warc_dir, "html", wfile, woffset)
        src.raw_missing += missing
    rows = db.execute(
        "SELECT a.id, a.name, a.url, a.content_type, a.text, a.warc_file, a.warc_offset FROM attachments a"
        " JOIN version_attachments va ON va.attachment_id = a.id WHERE va.version_id = ? ORDER BY a.id",
        [src.version_id]).fetchall() if src.version_id else []
    for aid, name, url, ctype, text, wfile, woffset in rows:
        att = AttachmentSource(id=aid, name=name or "", kind=table_kind(name, url, ctype), text=text or "")
        if tables and att.kind in TABLE_KINDS:
            att.grids, missing = _grids(grids, warc_dir, att.kind, wfile, woffset)
            src.raw_missing += missing
        src.attachments.append(att)
    return src


def _grids(grids: dict[tuple[str, int], list[Grid]] | None, warc_dir: Path | None, kind: str,
           file: str | None, offset: int | None) -> tuple[list[Grid], int]:
    """(tables of one WARC record — already read in ``grids``, else read here —, 1 when its record is missing)."""
    if grids is not None and (file, offset) in grids:
        return grids[(file, offset)], 0  # type: ignore[index]
    raw = _raw(warc_dir, file, offset)
    return ([], 1) if raw is None else (tables_of(kind, raw), 0)


def read_tables(db: Database, document_ids: list[int], *, warc_dir: Path | None,
                readers: TableReaders) -> Callable[[], dict[tuple[str, int], list[Grid]]]:
    """Start reading the tables of these postings' current versions — the page and every attachment of a kind
    with tables — in ``readers`` (other processes); the returned function waits for them, keyed by WARC record
    (file, offset) for ``load_posting(grids=...)``.  A file whose tables were read before (``table_cache``, by
    its digest) is not read again; what is read here is kept there.  Records that cannot be read are left out
    (``load_posting`` counts them)."""
    if not document_ids or warc_dir is None:
        return dict
    marks = ",".join("?" * len(document_ids))
    current = "v.id = coalesce(d.current_version_id, (SELECT max(id) FROM versions w WHERE w.document_id = d.id))"
    rows = db.execute(
        f"SELECT '', '', 'text/html', v.raw_sha256, v.warc_file, v.warc_offset FROM documents d"
        f" JOIN versions v ON {current}"
        f" WHERE d.id IN ({marks}) AND v.warc_file IS NOT NULL AND v.warc_offset IS NOT NULL"
        " UNION SELECT a.name, a.url, a.content_type, a.sha256, a.warc_file, a.warc_offset FROM documents d"
        f" JOIN versions v ON {current}"
        " JOIN version_attachments va ON va.version_id = v.id JOIN attachments a ON a.id = va.attachment_id"
        f" WHERE d.id IN ({marks}) AND a.warc_file IS NOT NULL AND a.warc_offset IS NOT NULL",
        document_ids + document_ids).fetchall()
    wanted = [(table_kind(name, url, ctype), sha, (wfile, woffset)) for name, url, ctype, sha, wfile, woffset in rows]
    wanted = [w for w in wanted if w[0] in TABLE_KINDS]
    kept = table_cache.load(db.conn, [(sha, kind) for kind, sha, _ in wanted])
    found: dict[tuple[str, int], list[Grid]] = {}
    read: dict[tuple[str, int], tuple[str | None, str]] = {}  # WARC record → (digest, kind) of what is read here
    jobs = []
    for kind, sha, ref in wanted:
        if ref in found or ref in read:
            continue
        if (sha, kind) in kept:
            found[ref] = kept[(sha, kind)]
        elif (raw := _raw(warc_dir, *ref)) is not None:
            read[ref] = (sha, kind)
            jobs.append((kind, raw))
    results = readers.read(jobs)

    def done() -> dict[tuple[str, int], list[Grid]]:
        for (ref, (sha, kind)), grids in zip(read.items(), results()):
            found[ref] = grids
            if sha:
                table_cache.save(db.conn, sha, kind, grids)
        return found

    return done


def tables_ahead(db: Database, ids: list[int], warc_dir: Path | None, readers: TableReaders, *, batch: int,
                 only: set[int] | None = None) -> Iterator[tuple[list[int], dict[tuple[str, int], list[Grid]]]]:
    """``ids`` in batches of ``batch``, each with the tables of its postings (those in ``only``; all when None) by
    WARC record (``read_tables``); the next batch's tables are read in other processes while this one is used."""
    batches = [ids[i:i + batch] for i in range(0, len(ids), batch)]

    def start(part: list[int]) -> Callable[[], dict[tuple[str, int], list[Grid]]]:
        return read_tables(db, [d for d in part if only is None or d in only], warc_dir=warc_dir, readers=readers)

    ahead = start(batches[0]) if batches else dict
    for k, part in enumerate(batches):
        grids = ahead()
        if k + 1 < len(batches):
            ahead = start(batches[k + 1])
        yield part, grids
