"""Full-text search over Chinese postings with SQLite FTS5 and no extension.

Indexing (``index_text``) writes one token per Han, kana or hangul character and keeps latin
and digit runs as one lowercase token; the ``unicode61`` tokenizer then splits on the spaces.
A user's term becomes a *phrase* of its character tokens (``fts_query("销号") == '"销 号"'``), so
"销号" matches only where the two characters are adjacent — every occurrence, no segmenter needed.
"""
from __future__ import annotations

import logging
import re
import sqlite3
import unicodedata
from typing import Any

log = logging.getLogger(__name__)

# Han (CJK Unified Ideographs, Ext A, compatibility, Ext B+), kana, hangul: one token per character.
_CHAR_CLASS = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
)
_TOKEN = re.compile(f"[{_CHAR_CLASS}]|[^\\W_{_CHAR_CLASS}]+")

#: Valid FTS5 syntax that matches nothing: an empty phrase.
MATCH_NOTHING = '""'
#: Written between fields (title, body, each attachment) so no phrase spans two of them. ``index_text``
#: never emits a Han character glued to a latin letter, so no user query can produce this token.
FIELD_BREAK = "丨brk"


def tokens(text: str | None) -> list[str]:
    """The index tokens of ``text``: single CJK characters and lowercase alphanumeric runs."""
    if not text:
        return []
    return [t.lower() for t in _TOKEN.findall(unicodedata.normalize("NFKC", text))]


def index_text(text: str | None) -> str:
    """Space-separated tokens for the FTS column: ``index_text("整改方案ab12") == "整 改 方 案 ab12"``."""
    return " ".join(tokens(text))


def fts_query(user_query: str | None) -> str:
    """Turn a user's query into a safe FTS5 MATCH expression: each whitespace-separated term a quoted phrase.

    ``"整改方案 2023"`` → ``'"整 改 方 案" "2023"'`` (all terms must occur). Quotes and FTS operators in the
    input are only ever text.  A query with no searchable characters returns ``MATCH_NOTHING``.
    """
    phrases = []
    for term in (user_query or "").split():
        toks = tokens(term)
        if toks:
            phrases.append('"' + " ".join(toks).replace('"', '""') + '"')
    return " ".join(phrases) if phrases else MATCH_NOTHING


def write_fts(conn: sqlite3.Connection, document_id: int, parts: list[str | None]) -> None:
    """Replace the ``documents_fts`` row of a document with the tokens of ``parts`` (title, body, attachment texts)."""
    text = f" {FIELD_BREAK}\n".join(index_text(p) for p in parts if p)
    conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (document_id,))
    conn.execute("INSERT INTO documents_fts (rowid, search_text) VALUES (?, ?)", (document_id, text))


def search(db: Any, query: str, *, limit: int = 20) -> list[dict]:
    """Documents matching ``query`` ranked by bm25, each with ``id, url, title, site_id, publish_date, status, rank, snippet``.

    ``db`` is a sqlite-utils ``Database`` or a ``sqlite3.Connection``.
    """
    conn = getattr(db, "conn", db)
    match = fts_query(query)
    if match == MATCH_NOTHING:
        return []
    # FTS5 sorts by its hidden ``rank`` column itself, so snippet() runs only for the rows returned
    sql = """
        SELECT d.id, d.url, d.title, d.site_id, d.publish_date, d.status, f.rank, f.snippet
        FROM (SELECT rowid, rank, snippet(documents_fts, 0, '[', ']', '…', 24) AS snippet
              FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?) AS f
        JOIN documents d ON d.id = f.rowid
        ORDER BY f.rank
    """
    cur = conn.execute(sql, (match, limit))
    cols = [c[0] for c in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for row in rows:
        # the index holds spaced tokens: close the gaps between CJK characters for display
        row["snippet"] = re.sub(rf"\s*{FIELD_BREAK}", " ", row["snippet"] or "")
        row["snippet"] = re.sub(f"(?<=[{_CHAR_CLASS}\\]\\[]) (?=[{_CHAR_CLASS}\\[\\]])", "", row["snippet"])
    return rows
