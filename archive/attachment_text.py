"""Typed text of attachments extracted again, after the crawl: which files need it, and storing it once.

::

    attachments  + text_extractor ('ducha-text 1'): the extractor version whose result the row's typed text is

A crawl extracts an attachment's typed text as it archives it; when that failed (a time limit, a worker
that crashed, a converter that was missing) or when the extractor improved, ``ducha texts`` extracts it
again from the file's bytes in the WARC evidence (locally or on the engine's workers).  Results are
keyed by file digest and extractor version: ``store`` writes a result into the rows of that digest that
do not hold that version's text yet, so a result delivered twice changes nothing the second time.
Recognised text (``ocr_text``) is kept: the row's text becomes typed + recognised again, and search
(``documents_fts``) is refreshed for the postings touched.
"""
from __future__ import annotations

import logging
import sqlite3

from sqlite_utils import Database, Migrations

from archive import search
from archive.ocr import CAPPED_NOTE, combine, typed_text

log = logging.getLogger(__name__)

MIGRATIONS = Migrations("ducha-text")


@MIGRATIONS(name="0001_text_extractor")
def _m0001_text_extractor(db: Database) -> None:
    """The extractor version of each attachment's typed text (NULL: extracted during a crawl)."""
    if "text_extractor" not in db["attachments"].columns_dict:
        db.execute("ALTER TABLE attachments ADD COLUMN text_extractor TEXT")


def pending(conn: sqlite3.Connection, *, extractor: str, every: bool = False
            ) -> list[tuple[str, str, str | None, str | None, str, int]]:
    """Files whose typed text is missing or failed (with ``every``: every file) and not yet extracted by
    ``extractor``; one row per digest, oldest first: (sha256, url, name, content_type, warc_file, warc_offset).

    Rows whose text is recognised only (``text_source = 'ocr'``) count as missing typed text.
    """
    missing = "" if every else (" AND (error IS NOT NULL AND error NOT LIKE ? OR text IS NULL"
                                " OR text_source = 'ocr')")
    params: list[object] = [extractor]
    if not every:
        params.append(f"{CAPPED_NOTE}%")
    sql = ("SELECT sha256, min(url), name, content_type, warc_file, warc_offset FROM attachments"
           " WHERE sha256 IS NOT NULL AND warc_file IS NOT NULL AND warc_offset IS NOT NULL"
           f" AND text_extractor IS NOT ?{missing} GROUP BY sha256 ORDER BY min(id)")
    return [(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in conn.execute(sql, params).fetchall()]


def store(conn: sqlite3.Connection, sha256: str, *, text: str | None, error: str | None, extractor: str
          ) -> list[int]:
    """Write one extraction result into the rows of ``sha256`` that lack ``extractor``'s; refresh search.

    Returns the ids of the attachment rows changed (none when the result was stored already). The caller
    holds the transaction.
    """
    rows = conn.execute("SELECT id, document_id, ocr_text, error FROM attachments WHERE sha256 = ?"
                        " AND text_extractor IS NOT ?", (sha256, extractor)).fetchall()
    indexed = {doc_id: search.document_parts(conn, _current_version(conn, doc_id)) for _, doc_id, _, _ in rows}
    typed = text if text and text.strip() else None
    for att_id, _doc_id, ocr_text, old_error in rows:
        # a failed extraction keeps the typed text the row had (an older extractor's)
        combined, source = combine(typed or (typed_text(conn, att_id) if error else None), ocr_text)
        # a capped recognition keeps its note; otherwise the new result's error (None when text came out)
        kept = old_error if old_error and old_error.startswith(CAPPED_NOTE) else (None if typed else error)
        conn.execute("UPDATE attachments SET text = ?, text_source = ?, error = ?, text_extractor = ? WHERE id = ?",
                     (combined, source if combined is not None else None, kept, extractor, att_id))
    for doc_id in dict.fromkeys(doc_id for _, doc_id, _, _ in rows):
        search.mark_stale(conn, doc_id, indexed[doc_id])
    search.flush_pending(conn)
    if rows:
        log.info("text of %s… stored in %d attachment row(s)", sha256[:12], len(rows))
    return [row[0] for row in rows]


def _current_version(conn: sqlite3.Connection, document_id: int) -> int | None:
    row = conn.execute("SELECT current_version_id FROM documents WHERE id = ?", (document_id,)).fetchone()
    return row[0] if row else None
