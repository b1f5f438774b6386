"""Run bookkeeping beyond the runner's own: crashed runs, ``run_sites`` from the summary, job rows.

The runner writes ``runs`` (``begin_run`` … ``finish_run``) with a per-site summary of the crawler's
counters (``crawler.extensions.COUNTERS``); ``fill_run_sites`` maps them onto the ``run_sites``
columns.  A run still ``running`` whose process is gone is marked ``crashed``.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime

from archive.ops.db import DbLike, iso, opened, parse

logger = logging.getLogger(__name__)


def pid_alive(pid: int | None) -> bool:
    """Whether a process with this id exists on this machine (zombies count as dead)."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True


def mark_crashed_runs(db: DbLike, *, now: datetime | str | None = None,
                      run_ids: list[int] | None = None) -> list[int]:
    """Mark ``running`` runs whose process is dead as ``crashed`` (all of them, or only ``run_ids``).

    Returns the ids marked.  Safe while a crawl runs: a live pid is left alone.
    """
    with opened(db) as handle:
        rows = handle.execute("SELECT id, pid FROM runs WHERE status = 'running'").fetchall()
        dead = [rid for rid, pid in rows if (run_ids is None or rid in run_ids) and not pid_alive(pid)]
        with handle.conn:
            for rid in dead:
                handle.execute("UPDATE runs SET status = 'crashed', finished_at = ? WHERE id = ?"
                               " AND status = 'running'", [iso(now), rid])
        for rid in dead:
            logger.warning("run %d was left 'running' by a dead process: marked crashed", rid)
        return dead


def run_clock(db: DbLike, run_id: int) -> datetime:
    """The crawl's own "now" for ``run_id``: when it finished by its clock (``DUCHA_CLOCK`` in simulations).

    A crashed run's ``finished_at`` was written by whoever noticed the crash, so its ``started_at``
    counts instead; an unknown run falls back to the current time.
    """
    with opened(db) as handle:
        row = handle.execute("SELECT started_at, finished_at, status FROM runs WHERE id = ?", [run_id]).fetchone()
    if row is None:
        return parse(iso(None))
    started, finished, status = row
    return parse(finished if finished and status != "crashed" else started)


def site_status(counts: dict[str, int]) -> str:
    """One word for a site's outcome in a run: ``ok``, or why the site failed (the runner's rules;
    ``invalid``: its sites-file entry was refused, so it was not crawled).

    A site of a run stopped by a signal is ``interrupted`` unless it had already failed for a reason of
    its own: what it found so far is not a finished walk."""
    if counts.get("invalid"):
        return "invalid"
    if counts.get("parse_errors"):
        return "parse_errors"
    if counts.get("not_archived"):
        return "not_archived"
    if counts.get("interrupted"):
        return "interrupted"
    if counts.get("entries"):
        return "ok"
    if counts.get("blocked"):
        return "blocked"
    if counts.get("list_errors"):
        return "unreachable"
    return "empty"


def run_site_row(run_id: int, site_id: str, counts: dict) -> dict:
    """The ``run_sites`` row of one site's crawler counters (already mapped rows pass through)."""
    if "entries" not in counts and "postings_seen" in counts:
        return {"run_id": run_id, "site_id": site_id, **counts}
    c = {k: int(v or 0) for k, v in counts.items() if isinstance(v, (int, float))}
    return {
        "run_id": run_id, "site_id": site_id,
        "pages": c.get("list_pages", 0) + c.get("details", 0) + c.get("attachments", 0),
        "postings_seen": c.get("entries", 0), "new": c.get("new", 0), "changed": c.get("changed", 0),
        "removed": c.get("removed", 0), "restored": c.get("restored", 0),
        "unreachable": c.get("unreachable", 0), "blocked": c.get("blocked", 0),
        "errors": c.get("errors", 0) + c.get("list_errors", 0),
        "duration_s": counts.get("duration_s"), "status": site_status(c),
    }


def fill_run_sites(db: DbLike, run_id: int) -> int:
    """(Re)write the ``run_sites`` rows of ``run_id`` from ``runs.summary``; returns the number of sites."""
    with opened(db) as handle:
        row = handle.execute("SELECT summary FROM runs WHERE id = ?", [run_id]).fetchone()
        summary = json.loads(row[0]) if row and row[0] else {}
        rows = [run_site_row(run_id, site, counts) for site, counts in summary.items() if isinstance(counts, dict)]
        if rows:
            handle.table("run_sites").upsert_all(rows, pk=("run_id", "site_id"), alter=False)
        return len(rows)


def start_job(db: DbLike, *, group: str, scheduled_for: str | None, started_at: str,
              start_delay_s: float | None, command: list[str]) -> int:
    """Insert a ``scheduled_runs`` row (outcome ``running``) and return its id."""
    with opened(db) as handle, handle.conn:
        cur = handle.execute(
            "INSERT INTO scheduled_runs (group_name, scheduled_for, started_at, start_delay_s, command)"
            " VALUES (?, ?, ?, ?, ?)", [group, scheduled_for, started_at, start_delay_s, json.dumps(command)])
        return int(cur.lastrowid or 0)


def finish_job(db: DbLike, job_row: int, **values: object) -> None:
    """Update a ``scheduled_runs`` row (``outcome``, ``exit_code``, ``run_id``, ``finished_at``, …)."""
    cols = ", ".join(f"{k} = ?" for k in values)
    with opened(db) as handle, handle.conn:
        handle.execute(f"UPDATE scheduled_runs SET {cols} WHERE id = ?", [*values.values(), job_row])
