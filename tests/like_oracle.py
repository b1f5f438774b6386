"""The search's expected answer by brute force: a LIKE scan over the stored texts (the exactness tests' oracle).

Independent of ``archive.search``'s index: only its ``normalise`` is shared (the definition of the text a term
must be a substring of).  A query's words are AND-ed; ``A OR B`` takes either; ``-C`` removes the postings with C.
"""
from __future__ import annotations

import re
import sqlite3

from archive.search_text import normalise

#: Bracket forms the search reads as ``(`` / ``)``, folded in SQL here.
_OPEN, _CLOSE = "〔[【〖（", "〕]】〗）"


def _folded(column: str) -> str:
    expr = f"replace(lower({column}), ' ', '')"
    for ch in _OPEN:
        expr = f"replace({expr}, '{ch}', '(')"
    for ch in _CLOSE:
        expr = f"replace({expr}, '{ch}', ')')"
    return expr


def like_ids(conn: sqlite3.Connection, term: str) -> set[int]:
    """Postings with the normalised ``term`` in their current title, body or an attachment text."""
    pattern = "%" + re.sub(r"([%_\\])", r"\\\1", normalise(term)) + "%"
    sql = f"""
        SELECT d.id FROM documents d JOIN versions v ON v.id = d.current_version_id
        WHERE {_folded('v.title')} LIKE :p ESCAPE '\\' OR {_folded('v.body_text')} LIKE :p ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM version_attachments va JOIN attachments a ON a.id = va.attachment_id
                      WHERE va.version_id = v.id AND {_folded('a.text')} LIKE :p ESCAPE '\\')"""
    return {r[0] for r in conn.execute(sql, {"p": pattern})}


def split(query: str) -> tuple[list[list[str]], list[str]]:
    """(groups, excluded) words of ``query``: AND of groups, ``OR`` between two words joins them, ``-word`` excludes."""
    words = query.split()
    groups: list[list[str]] = []
    excluded: list[str] = []
    i = 0
    while i < len(words):
        if words[i].startswith("-") and len(words[i]) > 1:
            excluded.append(words[i][1:])
            i += 1
            continue
        group = [words[i]]
        while i + 2 < len(words) and words[i + 1] == "OR" and not words[i + 2].startswith("-"):
            group.append(words[i + 2])
            i += 2
        groups.append(group)
        i += 1
    return groups, excluded


def like_query(conn: sqlite3.Connection, query: str) -> set[int]:
    """Postings matching ``query`` (see ``split``)."""
    groups, excluded = split(query)
    found: set[int] | None = None
    for group in groups:
        ids = set().union(*(like_ids(conn, word) for word in group))
        found = ids if found is None else found & ids
    return (found or set()) - set().union(*(like_ids(conn, word) for word in excluded))


def in_title(query: str, title: str) -> bool:
    """Every group of ``query`` has a word in the (normalised) ``title``."""
    return all(any(normalise(word) in normalise(title) for word in group) for group in split(query)[0])
