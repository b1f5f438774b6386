"""The home page's figures: what a journalist should look at today, from ``timeliness`` and ``events``.

``archive.web.plugin.extra_template_vars`` passes ``home_figures(db)`` to ``index.html`` as ``ducha_home``.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import Any

from archive.web.queries import TODAY

log = logging.getLogger(__name__)

#: (key, SQL returning one number).  Each figure links to the canned query that lists its rows.
FIGURES = {
    "postings": "SELECT count(*) FROM documents",
    "sites": "SELECT count(*) FROM sites",
    "open_gongshi": f"SELECT count(*) FROM timeliness WHERE objection_end >= {TODAY}",
    "open_gongshi_removed": (f"SELECT count(*) FROM timeliness t JOIN documents d ON d.id = t.document_id"
                             f" WHERE t.objection_end >= {TODAY} AND d.status = 'removed'"),
    "removed": "SELECT count(*) FROM documents WHERE status = 'removed'",
    "early_removals": "SELECT count(*) FROM timeliness WHERE early_removal = 1",
    "backdated": "SELECT count(*) FROM timeliness WHERE backdated = 1",
    "changes_7d": (f"SELECT count(*) FROM events WHERE kind = 'changed'"
                   f" AND substr(at, 1, 10) >= date({TODAY}, '-7 days')"),
    "new_7d": f"SELECT count(*) FROM events WHERE kind = 'new' AND substr(at, 1, 10) >= date({TODAY}, '-7 days')",
    "removed_7d": (f"SELECT count(*) FROM documents WHERE status = 'removed'"
                   f" AND substr(removed_at, 1, 10) >= date({TODAY}, '-7 days')"),
    "week_ago": f"SELECT date({TODAY}, '-7 days')",
}
LAST_RUN = "SELECT id, started_at, finished_at, status FROM runs ORDER BY started_at DESC, id DESC LIMIT 1"


async def home_figures(db: Any) -> dict[str, Any] | None:
    """Counts for the home page and the last run; None if the archive cannot answer (e.g. no schema yet)."""
    figures: dict[str, Any] = {}
    try:
        for key, sql in FIGURES.items():
            figures[key] = (await db.execute(sql)).rows[0][0]
        runs = (await db.execute(LAST_RUN)).rows
    except sqlite3.Error as exc:  # a missing table must not take the home page down
        log.warning("home page figures unavailable: %s", exc)
        return None
    figures["last_run"] = dict(runs[0]) if runs else None
    return figures
