"""What the crawler learned about sites whose lists only a script fills: one recipe per start URL.

``learned_lists`` keeps, per (site, start URL), how the list is delivered (``learned_api`` with the
recipe of the JSON API found in the browser's traffic, or ``rendered`` when only the rendered page
held the rows), when it was learned, last used, and why it was last dropped.  Later runs walk a
learned API over plain HTTP without starting a browser; when it stops answering the crawler forgets
it (``forget``) and learns again.  A plain library: no Scrapy here.
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database, Migrations

logger = logging.getLogger(__name__)
MIGRATIONS = Migrations("ducha-learned")


@MIGRATIONS(name="0001_learned_lists")
def _m0001_learned_lists(db: Database) -> None:
    """The ``learned_lists`` table."""
    db.execute("""
        CREATE TABLE learned_lists (
            site_id TEXT NOT NULL,
            start_url TEXT NOT NULL,
            delivery TEXT NOT NULL CHECK (delivery IN ('learned_api', 'rendered')),
            recipe TEXT,
            learned_at TEXT NOT NULL,
            last_used_at TEXT,
            uses INTEGER NOT NULL DEFAULT 0,
            dropped_at TEXT,
            dropped_reason TEXT,
            PRIMARY KEY (site_id, start_url)
        )""")


def _now(now: str | None) -> str:
    return now or datetime.now(UTC).isoformat(timespec="seconds")


def recall(db: Database, site_id: str, start_url: str) -> dict[str, Any] | None:
    """The learned API recipe of a start URL, or None (nothing learned, or dropped since)."""
    row = db.execute("SELECT recipe FROM learned_lists WHERE site_id = ? AND start_url = ? "
                     "AND delivery = 'learned_api' AND dropped_at IS NULL", [site_id, start_url]).fetchone()
    if row is None or not row[0]:
        return None
    try:
        recipe = json.loads(row[0])
    except ValueError:
        logger.warning("learned recipe of %s %s is not JSON; it will be learned again", site_id, start_url)
        return None
    return recipe if isinstance(recipe, dict) else None


def remember(db: Database, site_id: str, start_url: str, delivery: str, recipe: dict[str, Any] | None, *,
             now: str | None = None) -> None:
    """Store (or replace) what was learned for a start URL."""
    with db.conn:
        db.execute("INSERT OR REPLACE INTO learned_lists (site_id, start_url, delivery, recipe, learned_at) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [site_id, start_url, delivery, json.dumps(recipe, ensure_ascii=False) if recipe else None,
                    _now(now)])


def used(db: Database, site_id: str, start_url: str, *, now: str | None = None) -> None:
    """Count one walk of a learned API."""
    with db.conn:
        db.execute("UPDATE learned_lists SET uses = uses + 1, last_used_at = ? WHERE site_id = ? AND start_url = ?",
                   [_now(now), site_id, start_url])


def forget(db: Database, site_id: str, start_url: str, reason: str, *, now: str | None = None) -> None:
    """Mark a learned API as no longer answering (it is learned again on the next look)."""
    with db.conn:
        db.execute("UPDATE learned_lists SET dropped_at = ?, dropped_reason = ? WHERE site_id = ? AND start_url = ?",
                   [_now(now), reason[:500], site_id, start_url])
