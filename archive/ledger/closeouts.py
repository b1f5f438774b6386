"""Close-outs seen from their publishers: orphan close-outs per inspection, close-outs per publishing body.

Real 验收销号 公示 are mostly posted by city, district and department bodies, some closing a task of
the province's plan (``archive.ledger.levels``), some citing a plan the archive does not hold
(``orphan_closeouts``).  One home for these queries (and for close-outs per city): ``ducha report ledger`` (JSON and Markdown) and the
ledger pages (``/-/ducha/ledger``, ``/-/ducha/ledger/scorecard``) show the same rows.
"""
from __future__ import annotations

import json
import logging
import re
import sqlite3
from typing import Any

from archive.ledger.speaks_for import region_of

logger = logging.getLogger(__name__)

_CITY = re.compile(r"^(?:北京市|天津市|上海市|重庆市|.+?(?:省|自治区))(?:[^省]+?(?:自治州|地区|盟|市|州))?")

#: a posting's date for the ledger: the date it states, else the day the archive first saw it
POSTED_SQL = "coalesce(d.publish_date, substr(d.first_seen_at, 1, 10))"


def has_tables(conn: sqlite3.Connection, *tables: str) -> bool:
    """Whether every one of ``tables`` exists (an archive the ledger has not built yet lacks them)."""
    marks = ",".join("?" * len(tables))
    found = conn.execute(f"SELECT count(*) FROM sqlite_master WHERE name IN ({marks})", tables).fetchone()[0]
    return bool(found == len(tables))


def orphan_closeouts(conn: sqlite3.Connection, *, as_of: str, region: str | None = None) -> list[dict[str, Any]]:
    """Close-outs whose plan is not in the archive, posted by ``as_of`` (the contract's shape plus
    ``document_id``, ``title``, ``posted`` and ``region``), oldest first; ``region`` a prefix."""
    if not has_tables(conn, "orphan_closeouts"):
        return []
    rows = conn.execute(
        "SELECT d.url, d.site_id, o.inspection, o.numbers, o.reason, d.id, d.title, d.publish_date, o.region"
        f" FROM orphan_closeouts o JOIN documents d ON d.id = o.document_id WHERE {POSTED_SQL} <= ?"
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
    another region's plan (across levels: a city or district notice closing the province's task; for the
    Ministry, which posts for provinces, another region than the one the notice names) and the orphans; ``region`` (the region the body speaks for, ``speaks_for.region_of``: 四川省绵阳市涪城区 for a
    district) is shown and filtered on as a prefix."""
    if not has_tables(conn, "sites", "documents", "task_links", "tasks", "plans", "orphan_closeouts", "ledger_notices"):
        return []
    rows = conn.execute(
        "SELECT d.site_id, s.name, s.level, s.region, (SELECT n.region FROM ledger_notices n WHERE n.document_id = d.id),"
        " d.id IN (SELECT document_id FROM orphan_closeouts),"
        " (SELECT group_concat(DISTINCT p.region) FROM task_links l JOIN tasks t ON t.id = l.task_id"
        "  JOIN plans p ON p.id = t.plan_id WHERE l.document_id = d.id AND l.kind = 'closure'"
        "  AND l.status = 'confirmed')"
        f" FROM documents d JOIN sites s ON s.id = d.site_id WHERE d.doc_type = 'acceptance_notice' AND {POSTED_SQL} <= ?"
        " ORDER BY d.site_id", [as_of]).fetchall()
    out: dict[str, dict[str, Any]] = {}
    for site_id, name, level, site_region, subject, orphan, plan_regions in rows:
        own = region_of(site_region, level, name)
        if region and not own.startswith(region):
            continue
        row = out.setdefault(site_id, {"site_id": site_id, "publisher": name, "level": level, "region": own,
                                       "closeouts": 0, "linked": 0, "cross_level": 0, "orphans": 0})
        linked = (plan_regions or "").split(",") if plan_regions else []
        speaks_for = subject if level == "national" and subject else own  # the Ministry posts for provinces
        row["closeouts"] += 1
        row["linked"] += bool(linked)
        row["cross_level"] += any(r != speaks_for for r in linked)
        row["orphans"] += bool(orphan)
    return sorted(out.values(), key=lambda r: (r["region"], r["site_id"]))


def city_of(region: str) -> str:
    """The city (prefecture) part of a region: 四川省绵阳市涪城区 → 四川省绵阳市; a province stays itself."""
    m = _CITY.match(region or "")
    return m.group(0) if m else region


def city_counts(publishers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``publisher_counts`` summed per city (the province's own bodies under the province's name)."""
    out: dict[str, dict[str, Any]] = {}
    for r in publishers:
        city = city_of(r["region"])
        row = out.setdefault(city, {"city": city, "publishers": 0, "closeouts": 0, "linked": 0, "cross_level": 0,
                                    "orphans": 0})
        row["publishers"] += 1
        for key in ("closeouts", "linked", "cross_level", "orphans"):
            row[key] += r[key]
    return sorted(out.values(), key=lambda r: r["city"])
