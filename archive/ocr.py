"""Recognised text (OCR) in the archive: its schema, the cache keyed by file digest, re-recognition.

::

    attachments  + text_source ('typed' | 'ocr' | 'typed+ocr'), ocr_text, ocr_engine ('rapidocr 1.4.4'),
                   ocr_confidence (mean over recognised pages), ocr_pages_done, ocr_pages_total
    ocr_results  one row per file digest (sha256) and engine: every recognised page with its text and
                 confidence, so an unchanged file is never recognised twice and a file whose pages were
                 capped (DUCHA_OCR_MAX_PAGES) continues where it stopped

``attachments.text`` holds typed and recognised text together, so search (``documents_fts``), diffs,
the ledger and timeliness read recognised text like any other; ``text_source`` and the ``ocr_*``
columns say which part was recognised and how sure the engine was.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database, Migrations

from archive import search

log = logging.getLogger(__name__)

MIGRATIONS = Migrations("ducha-ocr")
#: How ``attachments.error`` starts while a file's pages are only partly recognised (cleared when done).
CAPPED_NOTE = "recognised "


@MIGRATIONS(name="0001_ocr")
def _m0001_ocr(db: Database) -> None:
    """Recognised-text columns on attachments and the ``ocr_results`` cache."""
    for column, ctype in (("text_source", "TEXT"), ("ocr_text", "TEXT"), ("ocr_engine", "TEXT"),
                          ("ocr_confidence", "REAL"), ("ocr_pages_done", "INTEGER"), ("ocr_pages_total", "INTEGER")):
        db.execute(f"ALTER TABLE attachments ADD COLUMN {column} {ctype}")
    db.execute("""CREATE TABLE ocr_results (
        sha256 TEXT NOT NULL,
        engine TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        pages_total INTEGER NOT NULL,
        pages_done INTEGER NOT NULL,
        pages TEXT NOT NULL,          -- JSON list of {index, text, confidence, seconds, skipped}
        confidence REAL,
        seconds REAL,
        updated_at TEXT,
        PRIMARY KEY (sha256, engine)
    )""")
    db.execute("CREATE INDEX idx_attachments_sha256 ON attachments(sha256)")


@dataclass
class OcrRecord:
    """Recognition of one file: the pages recognised so far (page index → text, confidence)."""

    sha256: str
    engine: str
    engine_version: str
    pages_total: int
    pages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pages_done(self) -> int:
        """Pages recognised (or looked at and skipped) so far."""
        return len(self.pages)

    @property
    def text(self) -> str:
        """Recognised text of the pages, in page order (pages with a text layer are not here)."""
        return "\n".join(p["text"] for p in sorted(self.pages, key=lambda p: p["index"]) if p.get("text"))

    @property
    def confidence(self) -> float | None:
        """Mean confidence over the pages that gave text."""
        values = [p["confidence"] for p in self.pages if p.get("text") and p.get("confidence") is not None]
        return sum(values) / len(values) if values else None

    @property
    def label(self) -> str:
        """``rapidocr 1.4.4``."""
        return f"{self.engine} {self.engine_version}"


def load(conn: sqlite3.Connection, sha256: str, engine: str) -> OcrRecord | None:
    """The cached recognition of a file by ``engine`` (any version), or None."""
    row = conn.execute("SELECT engine_version, pages_total, pages FROM ocr_results WHERE sha256 = ? AND engine = ?",
                       (sha256, engine)).fetchone()
    if row is None:
        return None
    return OcrRecord(sha256=sha256, engine=engine, engine_version=row[0], pages_total=row[1],
                     pages=json.loads(row[2]))


def save(conn: sqlite3.Connection, record: OcrRecord, *, at: str | None = None) -> None:
    """Insert or replace the cached recognition of a file (caller holds the transaction)."""
    seconds = sum(float(p.get("seconds") or 0) for p in record.pages)
    conn.execute(
        """INSERT OR REPLACE INTO ocr_results (sha256, engine, engine_version, pages_total, pages_done, pages,
                                               confidence, seconds, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (record.sha256, record.engine, record.engine_version, record.pages_total, record.pages_done,
         json.dumps(record.pages, ensure_ascii=False), record.confidence, seconds, at))


def combine(typed: str | None, recognised: str | None) -> tuple[str | None, str]:
    """(text, text_source) from a file's typed and recognised text."""
    typed = typed if typed and typed.strip() else None
    recognised = recognised if recognised and recognised.strip() else None
    if typed and recognised:
        return f"{typed}\n{recognised}", "typed+ocr"
    if recognised:
        return recognised, "ocr"
    return typed, "typed"


def apply_to_attachments(conn: sqlite3.Connection, record: OcrRecord, *, typed_of: Callable[[int], str | None]
                         ) -> list[int]:
    """Write ``record`` into every attachment row of that file; refresh the search rows of their documents.

    ``typed_of(attachment_id)`` gives the row's typed text (the text without its previous recognised part).
    Returns the ids of the documents touched.
    """
    rows = conn.execute("SELECT id, document_id FROM attachments WHERE sha256 = ?", (record.sha256,)).fetchall()
    # the search row is contentless: removing it needs the texts it was built from, read before the update
    indexed = {doc_id: search.document_parts(conn, _current_version(conn, doc_id)) for _, doc_id in rows}
    documents = []
    for att_id, doc_id in rows:
        text, source = combine(typed_of(att_id), record.text)
        conn.execute(
            """UPDATE attachments SET text = ?, text_source = ?, ocr_text = ?, ocr_engine = ?, ocr_confidence = ?,
                 ocr_pages_done = ?, ocr_pages_total = ?,
                 error = CASE WHEN ? AND error LIKE ? THEN NULL ELSE error END WHERE id = ?""",
            (text, source, record.text or None, record.label, record.confidence, record.pages_done,
             record.pages_total, record.pages_done >= record.pages_total, f"{CAPPED_NOTE}%", att_id))
        documents.append(doc_id)
    for doc_id in dict.fromkeys(documents):
        search.mark_stale(conn, doc_id, indexed[doc_id])
    search.flush_pending(conn)
    return list(dict.fromkeys(documents))


def _current_version(conn: sqlite3.Connection, document_id: int) -> int | None:
    row = conn.execute("SELECT current_version_id FROM documents WHERE id = ?", (document_id,)).fetchone()
    return row[0] if row else None


def typed_text(conn: sqlite3.Connection, attachment_id: int) -> str | None:
    """An attachment's typed text: its text without the recognised part at the end."""
    row = conn.execute("SELECT text, ocr_text, text_source FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    text, ocr_text, source = row
    if source == "ocr":
        return None
    if source == "typed+ocr" and ocr_text and text.endswith(ocr_text):
        return text[: -len(ocr_text)].rstrip("\n") or None
    return text


def pending(conn: sqlite3.Connection, *, engine: str, engine_version: str, version_changed: bool = False,
            missing: bool = False) -> list[tuple[str, str, str | None, int | None]]:
    """Files whose recognition is unfinished (capped pages); with ``version_changed`` also those recognised by
    another engine or version; with ``missing`` also files without text archived before OCR.

    One row per digest, oldest first: (sha256, url, warc_file, warc_offset) — the evidence holds the bytes.
    """
    clauses = ["(ocr_pages_total IS NOT NULL AND ocr_pages_done < ocr_pages_total)"]
    params: list[object] = []
    if version_changed:
        clauses.append("(ocr_engine IS NOT NULL AND ocr_engine IS NOT ?)")
        params.append(f"{engine} {engine_version}")
    if missing:
        clauses.append("(ocr_engine IS NULL AND (text IS NULL OR length(trim(text)) < 20))")
    sql = (f"SELECT sha256, min(url), warc_file, warc_offset FROM attachments WHERE sha256 IS NOT NULL"
           f" AND warc_file IS NOT NULL AND ({' OR '.join(clauses)}) GROUP BY sha256 ORDER BY min(id)")
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(sql, params).fetchall()]


def record_capture(conn: sqlite3.Connection, attachment_id: int, capture: Any, at: str) -> bool:
    """Store the recognition carried by an ``AttachmentCapture`` (cache + the row's columns).

    Returns True when the row's text changed (new or more recognised pages), so search is refreshed.
    A capture without recognition marks a row with text as ``typed``.
    """
    record: OcrRecord | None = capture.ocr
    if record is None:
        conn.execute("UPDATE attachments SET text_source = 'typed' WHERE id = ? AND text IS NOT NULL"
                     " AND text_source IS NULL", (attachment_id,))
        return False
    save(conn, record, at=at)
    row = conn.execute("SELECT ocr_engine, ocr_pages_done FROM attachments WHERE id = ?", (attachment_id,)).fetchone()
    if row is not None and row[0] == record.label and row[1] == record.pages_done:
        return False
    text, source = combine(capture.text, record.text)
    conn.execute(
        """UPDATE attachments SET text = ?, text_source = ?, ocr_text = ?, ocr_engine = ?, ocr_confidence = ?,
             ocr_pages_done = ?, ocr_pages_total = ? WHERE id = ?""",
        (text, source, record.text or None, record.label, record.confidence, record.pages_done,
         record.pages_total, attachment_id))
    return bool(record.text)


def display(row: dict[str, Any]) -> dict[str, Any]:
    """What the document page shows of an attachment row: typed text, recognised text and its marks."""
    source = row.get("text_source")
    text, ocr_text = row.get("text"), row.get("ocr_text")
    if source not in ("ocr", "typed+ocr") or not ocr_text:
        return {"typed_text": text, "ocr": None}
    typed = None
    if source == "typed+ocr" and text and text.endswith(ocr_text):
        typed = text[: -len(ocr_text)].rstrip("\n") or None
    done, total = row.get("ocr_pages_done") or 0, row.get("ocr_pages_total") or 0
    confidence = row.get("ocr_confidence")
    return {"typed_text": typed, "ocr": {
        "text": ocr_text, "engine": row.get("ocr_engine"), "pages_done": done, "pages_total": total,
        "confidence": None if confidence is None else f"{confidence:.0%}", "pending": max(0, total - done)}}
