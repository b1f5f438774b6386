"""Close-outs seen from their publishers: orphan close-outs per inspection, close-outs per publishing body.

Real 验收销号 公示 are mostly posted by city, district and department bodies, some closing a task of
the province's plan (``archive.ledger.levels``), some citing a plan the archive does not hold
(``orphan_closeouts``).  One home for both queries: ``ducha report ledger`` (JSON and Markdown) and the
ledger pages (``/-/ducha/ledger``, ``/-/ducha/ledger/scorecard``) show the same rows.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

logger = logging.getLogger(__name__)

_POSTED = "coalesce(d.publish_date, substr(d.first_seen_at, 1, 10))"


def _has(conn: sqlite3.Connection, *tables: str) -> bool:
    marks = ",".join("?" * len(tables))
    found = conn.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({marks})", tables).fetchone()[0]
    return bool(found == len(tables))


def orphan_closeouts(conn: sqlite3.Connection, *, as_of: str, region: str | None = None) -> list[dict[str, Any]]:
    """Close-outs whose plan is not in the archive, posted by ``as_of`` (the contract's shape plus
    ``document_id``, ``title``, ``posted`` and ``region``), oldest first; ``region`` a prefix."""
    if not _has(conn, "orphan_closeouts"):
        return []
    rows = conn.execute(
        "SELECT d.url, d.site_id, o.inspection, o.numbers, o.reason, d.id, d.title, d.publish_date, o.region"
        f" FROM orphan_closeouts o JOIN documents d ON d.id = o.document_id WHERE {_POSTED} <= ?"
        " AND (? IS NULL OR o.region = ? OR o.region LIKE ? || '%') ORDER BY d.publish_date, d.id",
        [as_of, region, region, region]).fetchall()
    return [{"url": url, "site_id": site_id, "inspection": inspection, "numbers": json.loads(numbers or "[]"),
             "reason": reason, "document_id": doc_id, "title": title, "posted": posted, "region": where}
            for url, site_id, inspection, numbers, reason, doc_id, title, posted, where in rows]


def by_inspection(orphans: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Orphan close-outs grouped by the inspection as the notices name it (first seen first)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for o in orphans:
        groups.setdefault(o["inspection"] or "", []).append(o)
    return groups


def publisher_counts(conn: sqlite3.Connection, *, as_of: str, region: str | None = None) -> list[dict[str, Any]]:
    """Per publishing body (site): close-outs posted by ``as_of``, those linked to a task, those linked to
    another site's plan (across levels) and the orphans; ``region`` a prefix of the close-out's region."""
    if not _has(conn, "sites", "documents", "task_links", "tasks", "plans", "orphan_closeouts", "ledger_notices"):
        return []
    confirmed = ("SELECT 1 FROM task_links l JOIN tasks t ON t.id = l.task_id JOIN plans p ON p.id = t.plan_id"
                 " WHERE l.document_id = d.id AND l.kind = 'closure' AND l.status = 'confirmed'")
    rows = conn.execute(
        f"SELECT d.site_id, s.name, s.level, s.region, count(*), sum(EXISTS ({confirmed})),"
        f" sum(EXISTS ({confirmed} AND p.site_id != d.site_id)),"
        " sum(d.id IN (SELECT document_id FROM orphan_closeouts))"
        " FROM documents d JOIN sites s ON s.id = d.site_id LEFT JOIN ledger_notices n ON n.document_id = d.id"
        f" WHERE d.doc_type = 'acceptance_notice' AND {_POSTED} <= ?"
        " AND (? IS NULL OR coalesce(n.region, s.region) LIKE ? || '%')"
        " GROUP BY d.site_id ORDER BY s.region, d.site_id", [as_of, region, region]).fetchall()
    return [{"site_id": site_id, "publisher": name, "level": level, "region": where, "closeouts": total,
             "linked": linked, "cross_level": cross, "orphans": orphans}
            for site_id, name, level, where, total, linked, cross, orphans in rows]
