"""Full-text search over Chinese postings with SQLite FTS5 and no extension: overlapping bigrams.

What a query matches (exact, tested against a brute-force scan): a posting matches a term when the
term is a *substring* of its title, its body or one of its attachment texts, after both sides are
normalised by ``archive.search_text.normalise`` (NFKC, lower case, whitespace and control characters removed — so
"公　示" in a spaced-out title is found by 公示).  A posting matches a query when it matches every
whitespace-separated term; ``甲 OR 乙`` matches either (``OR`` in capitals between two terms; it binds
tighter than the implicit AND: ``督察 整改 OR 销号`` is 督察 and (整改 or 销号)), and ``-词`` excludes the
postings containing 词.  A query with no term to find (only exclusions) matches nothing.  Nothing spans
two fields.  Bracket forms are one character to search: ``()`` ``（）`` ``〔〕`` ``[]`` ``【】`` all read as
``()``, so ``川环委(2026)50号`` finds ``川环委〔2026〕50号`` (``BRACKETS``; index and query alike).  Traditional
characters are folded to simplified ones (``archive.script_fold``, one character for one), so ``生態環境`` and
``督察組`` find postings written ``生态环境`` / ``督察组`` and the reverse; snippets and highlights mark the text as
written (a term's character matches either of its forms there).

Index (``index_text``): each field becomes the overlapping pairs of its normalised characters
(``整改方案`` → ``整改 改方 方案``, as Lucene's CJK analyzer does, over every character, latin, digits
and punctuation included), fields are separated by ``FIELD_BREAK``, and the posting's distinct single
characters follow once each.  The FTS5 table keeps no positions (``detail=none``) and no copy of the
text (``content=''``): it answers "which postings contain this pair / this character".

Query (``fts_query``): a 1-character term is its character token, a 2-character term its pair — both
exact; alternatives are OR-ed, exclusions of one or two characters are FTS5 ``NOT`` (longer ones only
in the check below).  A longer term asks for all its pairs, which finds every posting that contains it plus, rarely,
one that has the pairs apart; ``archive.search_text.matches`` then checks those against the stored text
(``needs_check`` says when), so every path (``search``, the search pages) returns exactly the substring matches.

FTS5 on this SQLite (3.40) can delete a contentless row only when given the text it indexed, so the
index of a posting is always a function of its current version's title, body and attachment texts,
and the text a row was built from must be known to remove it.  Writers therefore never touch the index
directly: ``mark_stale`` queues the posting in ``_search_pending`` with the text its row holds (kept
from the first time it is queued), and ``flush_pending`` rebuilds every queued row from the current
texts.  The ingest flushes at once by default or every N postings (``Archive(search_batch=N)``: FTS5
writes one segment per transaction: batching made ingest 1.5× faster); a crash leaves the queue
in the database and the next writer's ``ensure_schema`` flushes it (readers never do).  Code that changes those texts in place
(say, recognised text added to an attachment) must queue the posting the same way.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any

from archive.search_text import (
    in_title,
    matches,
    needs_check,
    normalise,
    parse,
    plain_snippet,
    query_terms,
    tokens,
)

log = logging.getLogger(__name__)

#: Tokenizer: ``unicode61`` with every category except separators (Z*) and controls (Cc) as token
#: characters, so the index's space-separated tokens reach FTS5 unchanged (punctuation included).
TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Cf Co Cn Cs'"
CREATE_FTS = ("CREATE VIRTUAL TABLE documents_fts USING fts5(search_text, content='', detail=none,"
              f" tokenize=\"{TOKENIZE}\")")
#: Valid FTS5 syntax that matches nothing: an empty phrase.
MATCH_NOTHING = '""'
#: Written between fields and before the single characters.  Queries only ever produce tokens of one or
#: two characters, so no query can match this four-character token.
FIELD_BREAK = "丨brk"
#: Prefix of the title's tokens (``丨t整改``): relevance puts title matches first.  Never produced by a query
#: for the body, whose tokens have one or two characters.
TITLE_MARK = "丨t"
#: Bookkeeping of an unfinished re-index (created by the migration, dropped when done).
REINDEX_STATE = "_search_reindex"
#: Postings whose index row must be rebuilt, with the index text the row holds now (NULL: no row).
PENDING = "_search_pending"
CREATE_PENDING = f"CREATE TABLE IF NOT EXISTS {PENDING} (document_id INTEGER PRIMARY KEY, old_text TEXT)"


def index_text(parts: str | Sequence[str | None] | None) -> str:
    """Space-separated index tokens of a posting's fields (title first): pairs per field, each character
    once, then the title's pairs and characters again, marked with ``TITLE_MARK``.

    ``index_text(["整改方案", "ab1"]) ==
    "整改 改方 方案 丨brk ab b1 丨brk 1 a b 改 整 方 案 丨brk 丨t整改 丨t改方 丨t方案 丨t整 丨t改 丨t方 丨t案"``
    """
    fields = [parts] if isinstance(parts, str) or parts is None else list(parts)
    norms = [n for n in (normalise(f) for f in fields) if n]
    if not norms:
        return ""
    pairs = [" ".join(map("".join, pairwise(n))) for n in norms]
    chars = sorted(set("".join(norms)))
    title = normalise(fields[0]) if fields else ""
    marked = [TITLE_MARK + t for t in [*map("".join, pairwise(title)), *dict.fromkeys(title)]]
    fields_out = [p for p in pairs if p] + [" ".join(chars)] + ([" ".join(marked)] if marked else [])
    return f" {FIELD_BREAK} ".join(fields_out)


def _quote(tokens_: Iterable[str]) -> str:
    return '"' + " ".join(tokens_).replace('"', '""') + '"'


def _all_pairs(term: str, mark: str = "") -> str:
    toks = list(dict.fromkeys(mark + t for t in tokens(term)))
    return " ".join(_quote([t]) for t in toks)


def fts_query(user_query: str | None, *, title: bool = False) -> str:
    """Turn a user's query into a safe FTS5 MATCH expression: every pair (or lone character) of every term.

    ``"整改方案 2023"`` → ``'"整改" "改方" "方案" "20" "02" "23"'`` (all must occur); ``"销"`` → ``'"销"'``;
    ``"销号 OR 公示 -环评"`` → ``'((("销号") OR ("公示"))) NOT "环评"'``.  ``title=True`` asks for the terms in the
    title (``'"丨t销"'``; exclusions still anywhere).  Quotes and FTS operators in the input are only ever text.
    No term to find → ``MATCH_NOTHING``.
    """
    mark = TITLE_MARK if title else ""
    groups, excluded = parse(user_query)
    if not groups:
        return MATCH_NOTHING
    if all(len(group) == 1 for group in groups):  # the plain form: every pair of every term
        toks = list(dict.fromkeys(mark + t for group in groups for term in group for t in tokens(term)))
        match = " ".join(_quote([t]) for t in toks)
    else:
        match = " AND ".join("(" + " OR ".join(f"({_all_pairs(term, mark)})" for term in group) + ")"
                             for group in groups)
    for term in dict.fromkeys(t for t in excluded if len(t) <= 2):  # longer ones: only ``matches`` can tell
        match = f"({match}) NOT {_quote([term])}"
    return match


def fts_query_rest(user_query: str | None) -> str:
    """The MATCH expression of postings matching ``user_query`` but not in their title (relevance's second tier).

    Exact for 1- and 2-character terms; with longer terms the title tokens can over-match, so this is the
    plain ``fts_query`` and the caller excludes title matches by checking the title (``in_title``).
    """
    match = fts_query(user_query)
    if match == MATCH_NOTHING or needs_check(user_query):
        return match
    return f"({match}) NOT ({fts_query(user_query, title=True)})"


def document_parts(conn: sqlite3.Connection, version_id: int | None) -> list[str | None]:
    """The fields a version is indexed from: title, body, then its attachments' texts (by attachment id)."""
    if version_id is None:
        return []
    row = conn.execute("SELECT title, body_text FROM versions WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        return []
    texts = [r[0] for r in conn.execute(
        "SELECT a.text FROM version_attachments va JOIN attachments a ON a.id = va.attachment_id"
        " WHERE va.version_id = ? ORDER BY a.id", (version_id,))]
    return [row[0], row[1], *texts]


def replace_document(conn: sqlite3.Connection, document_id: int, parts: Sequence[str | None],
                     old_parts: Sequence[str | None] | None = None) -> None:
    """Index ``parts`` for ``document_id``, first removing the row indexed from ``old_parts`` (if any)."""
    if old_parts:
        old = index_text(old_parts)
        if old:
            conn.execute("INSERT INTO documents_fts (documents_fts, rowid, search_text) VALUES ('delete', ?, ?)",
                         (document_id, old))
    text = index_text(parts)
    if text:
        conn.execute("INSERT INTO documents_fts (rowid, search_text) VALUES (?, ?)", (document_id, text))


def mark_stale(conn: sqlite3.Connection, document_id: int, old_parts: Sequence[str | None] | None) -> None:
    """Queue ``document_id`` for ``flush_pending``; ``old_parts`` are the texts its index row was built from.

    When the posting is queued already, the index still holds what it held then: the first text is kept.
    """
    if conn.execute(f"SELECT 1 FROM {PENDING} WHERE document_id = ?", (document_id,)).fetchone():
        return
    conn.execute(f"INSERT INTO {PENDING} (document_id, old_text) VALUES (?, ?)",
                 (document_id, index_text(old_parts) or None if old_parts else None))


def flush_pending(conn: sqlite3.Connection) -> int:
    """Rebuild the index row of every queued posting from its current texts; returns how many.

    The queue is read and emptied inside one write transaction: the caller's, or one this function opens
    with ``BEGIN IMMEDIATE`` (the caller commits it, as after any write).  A posting another connection
    queues meanwhile waits for the lock and stays queued; only the rows read are deleted.
    """
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
    rows = conn.execute(f"SELECT p.document_id, p.old_text, d.current_version_id FROM {PENDING} p"
                        " LEFT JOIN documents d ON d.id = p.document_id ORDER BY p.document_id").fetchall()
    for document_id, old_text, version_id in rows:
        if old_text:
            conn.execute("INSERT INTO documents_fts (documents_fts, rowid, search_text) VALUES ('delete', ?, ?)",
                         (document_id, old_text))
        text = index_text(document_parts(conn, version_id))
        if text:
            conn.execute("INSERT INTO documents_fts (rowid, search_text) VALUES (?, ?)", (document_id, text))
    conn.executemany(f"DELETE FROM {PENDING} WHERE document_id = ?", [(r[0],) for r in rows])
    return len(rows)


def reindex(conn: sqlite3.Connection, *, batch: int = 2000,
            progress: Callable[[int, int], None] | None = None) -> int:
    """Finish (or run) the re-index recorded in ``_search_reindex``; resumable, one transaction per batch.

    Returns how many postings it indexed.  Does nothing when no re-index is pending.
    """
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (REINDEX_STATE,)).fetchone():
        return 0
    total = conn.execute("SELECT count(*) FROM documents WHERE current_version_id IS NOT NULL").fetchone()[0]
    done = 0
    started = time.perf_counter()
    while True:
        last = conn.execute(f"SELECT last_id FROM {REINDEX_STATE}").fetchone()[0]
        rows = conn.execute("SELECT id, current_version_id FROM documents WHERE id > ?"
                            " AND current_version_id IS NOT NULL ORDER BY id LIMIT ?", (last, batch)).fetchall()
        with conn:
            if not rows:
                conn.execute(f"DROP TABLE {REINDEX_STATE}")
                break
            for doc_id, version_id in rows:
                replace_document(conn, doc_id, document_parts(conn, version_id))
            conn.execute(f"UPDATE {REINDEX_STATE} SET last_id = ?", (rows[-1][0],))
        done += len(rows)
        indexed = conn.execute("SELECT count(*) FROM documents WHERE id <= ? AND current_version_id IS NOT NULL",
                               (rows[-1][0],)).fetchone()[0]
        log.info("search re-index: %d of %d postings (%.0f/s)", indexed, total,
                 done / max(time.perf_counter() - started, 1e-9))
        if progress:
            progress(indexed, total)
    return done


def start_reindex(conn: sqlite3.Connection) -> None:
    """Empty the index and record that every posting must be indexed again (``reindex`` does it)."""
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (PENDING,)).fetchone():
        conn.execute(f"DELETE FROM {PENDING}")  # its texts described rows that are gone; reindex covers them
    conn.execute(f"CREATE TABLE IF NOT EXISTS {REINDEX_STATE} (last_id INTEGER NOT NULL)")
    conn.execute(f"DELETE FROM {REINDEX_STATE}")
    conn.execute(f"INSERT INTO {REINDEX_STATE} (last_id) VALUES (0)")


_HITS = """
    SELECT d.id, d.url, d.title, d.site_id, d.publish_date, d.status, d.current_version_id
    FROM documents_fts f JOIN documents d ON d.id = f.rowid
    WHERE documents_fts MATCH ? ORDER BY f.rowid DESC"""


def search(db: Any, query: str, *, limit: int = 20, order: str = "newest") -> list[dict]:
    """Documents containing every term of ``query``: newest first (by document id) or ``order="rank"``.

    Relevance (``rank``): postings with every term in their title first, then the others, each newest first;
    ``rank`` is 2 for a title match, 1 for the others (None when not ranked).  Each row has ``id, url, title,
    site_id, publish_date, status, rank`` and ``snippet``: plain text around the first match with the match
    in ``[…]``.  ``db`` is a sqlite-utils ``Database`` or a ``sqlite3.Connection``.
    """
    conn = getattr(db, "conn", db)
    if fts_query(query) == MATCH_NOTHING:
        return []
    rows: list[dict] = []
    if order != "rank":
        _collect(conn, query, fts_query(query), None, rows, limit)
        return rows
    _collect(conn, query, fts_query(query, title=True), 2, rows, limit, title_only=True)
    _collect(conn, query, fts_query_rest(query), 1, rows, limit, skip_title=needs_check(query))
    return rows


def _collect(conn: sqlite3.Connection, query: str, match: str, rank: int | None, rows: list[dict], limit: int,
             *, title_only: bool = False, skip_title: bool = False) -> None:
    """Append to ``rows`` (up to ``limit``) the real matches among the index's hits for ``match``, newest first."""
    check, terms = needs_check(query), query_terms(query)
    cur = conn.execute(_HITS, (match,))
    cols = [c[0] for c in cur.description]
    while len(rows) < limit:
        batch = cur.fetchmany(max(limit, 50))
        if not batch:
            break
        for values in batch:
            row = dict(zip(cols, values))
            version_id = row.pop("current_version_id")
            if check and (title_only or skip_title) and in_title(query, row["title"]) != title_only:
                continue
            parts = document_parts(conn, version_id)
            if check and not matches(query, *parts):
                continue
            row["rank"], row["snippet"] = rank, plain_snippet(parts, terms)
            rows.append(row)
            if len(rows) == limit:
                break
    cur.close()
