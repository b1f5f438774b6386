"""Re-type stored postings when the doc_type rules change, keeping the old type.

The crawler types a posting when it extracts it (``archive.doctype.classify``).  When the rules improve
(``archive.doctype.RULES_VERSION`` is bumped), postings typed by the older rules keep their old type
until they change.  ``retype_documents`` types every stored posting again from its current title and the
start of its current body, writes the new type to ``documents.doc_type`` and records each change in
``doc_type_changes`` (old type, new type, rules version, when).  It runs once per rules version
(``doc_type_rules`` remembers which versions were applied); the ledger build calls it first, so a
close-out typed ``other`` by the old rules reaches the ledger.

Tables (migration set ``ducha-doctype``):

* ``doc_type_changes`` — one row per re-typed posting and rules version.
* ``doc_type_rules`` — one row per rules version applied to the archive, with the counts.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database, Migrations

from archive.doctype import RULES_VERSION, classify

log = logging.getLogger(__name__)

MIGRATIONS = Migrations("ducha-doctype")

_DDL = (
    """CREATE TABLE doc_type_changes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        old_type TEXT NOT NULL,
        new_type TEXT NOT NULL,
        rules_version TEXT NOT NULL,
        changed_at TEXT NOT NULL
    )""",
    "CREATE INDEX idx_doc_type_changes_document_id ON doc_type_changes(document_id)",
    """CREATE TABLE doc_type_rules (
        version TEXT PRIMARY KEY,
        applied_at TEXT NOT NULL,
        checked INTEGER NOT NULL,
        changed INTEGER NOT NULL
    )""",
)
#: Datasette table metadata for these tables, in the shape of ``archive.web.tables.TABLES`` (to be merged there:
#: ``**RETYPE_TABLES``; ``tests/web/test_site.py`` asks every schema table to be described).
RETYPE_TABLES: dict[str, dict[str, object]] = {
    "doc_type_changes": {
        "description": "类型更正：分类规则更新后重新判定的公告，保留原类型。 Postings re-typed when the doc_type rules "
                       "changed, with the old type kept.",
        "facets": ["old_type", "new_type", "rules_version"],
        "columns": {"document_id": "公告 Posting", "old_type": "原类型 Old type", "new_type": "新类型 New type",
                    "rules_version": "规则版本 Rules version", "changed_at": "更正时间 Changed at"},
    },
    "doc_type_rules": {
        "description": "已应用的分类规则版本及重新判定的公告数。 doc_type rules versions applied to this archive, "
                       "with the postings checked and changed.",
        "columns": {"version": "规则版本 Rules version", "applied_at": "应用时间 Applied at",
                    "checked": "检查的公告数 Postings checked", "changed": "更正的公告数 Postings changed"},
    },
}
#: The body window the rules read (``archive.doctype`` reads the first 3,000 characters).
_BODY_CHARS = 3000


@MIGRATIONS(name="0001_doc_type_changes")
def _m0001_doc_type_changes(db: Database) -> None:
    """``doc_type_changes`` (old and new type of each re-typed posting) and ``doc_type_rules``."""
    for statement in _DDL:
        db.execute(statement)


@dataclass
class RetypeStats:
    """What one ``retype_documents`` run did."""

    rules_version: str = RULES_VERSION
    skipped: bool = False          # this rules version had been applied already
    checked: int = 0
    changed: int = 0
    changes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (old, new) → postings
    document_ids: list[int] = field(default_factory=list)                # the re-typed postings


def retype_documents(db: Database, *, now: datetime | None = None, force: bool = False) -> RetypeStats:
    """Type every stored posting again with the current rules (once per rules version unless ``force``).

    Reads the posting's title and the start of its current version's body; a posting whose type changes
    gets the new ``documents.doc_type`` and a ``doc_type_changes`` row keeping the old one.
    """
    stats = RetypeStats()
    applied = db.execute("SELECT 1 FROM doc_type_rules WHERE version = ?", [RULES_VERSION]).fetchone()
    if applied and not force:
        stats.skipped = True
        return stats
    at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    known = {row[0] for row in db.execute("SELECT code FROM doc_types")}
    rows = db.execute(
        "SELECT d.id, d.doc_type, coalesce(d.title, v.title, ''), substr(coalesce(v.body_text, ''), 1, ?)"
        " FROM documents d LEFT JOIN versions v ON v.id = coalesce(d.current_version_id,"
        " (SELECT max(id) FROM versions WHERE document_id = d.id))", [_BODY_CHARS]).fetchall()
    with db.atomic():
        for doc_id, old, title, body in rows:
            stats.checked += 1
            new = classify(title, body)
            if new == old or new not in known:
                continue
            db.execute("UPDATE documents SET doc_type = ? WHERE id = ?", [new, doc_id])
            db.execute("INSERT INTO doc_type_changes (document_id, old_type, new_type, rules_version, changed_at)"
                       " VALUES (?, ?, ?, ?, ?)", [doc_id, old, new, RULES_VERSION, at])
            stats.changed += 1
            stats.changes[(old, new)] += 1
            stats.document_ids.append(doc_id)
        db.execute("INSERT OR REPLACE INTO doc_type_rules (version, applied_at, checked, changed) VALUES (?, ?, ?, ?)",
                   [RULES_VERSION, at, stats.checked, stats.changed])
    if stats.changed:
        log.info("doc_type rules %s: %d of %d postings re-typed (%s)", RULES_VERSION, stats.changed, stats.checked,
                 ", ".join(f"{o}→{n} {c}" for (o, n), c in stats.changes.most_common()))
    return stats
