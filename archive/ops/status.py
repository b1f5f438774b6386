"""Operator views: ``ducha status`` (per site: last run, health, next scheduled run) and ``ducha runs``.

Exit codes (``status_exit_code``), for cron/systemd/monitoring:

* 0 — every site's last run was fine and no health check fails
* 1 — a site's last run failed or one of its health checks fails (or the last scheduled job failed)
* 3 — no archive, no finished run, or the newest run is older than ``stale_hours`` (scheduler down?)
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from archive.ops.db import DbLike, iso, opened, parse

EXIT_OK, EXIT_UNHEALTHY, EXIT_STALE = 0, 1, 3


def jobstore_path_for(db_path: str | Path) -> Path:
    """The scheduler's default job store beside ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".jobs.sqlite")


def next_runs(jobstore: str | Path, *, tz: str = "Asia/Shanghai") -> list[tuple[str, str | None]]:
    """``(job id, next run time ISO)`` from an APScheduler SQLite job store (read-only; [] if absent)."""
    path = Path(jobstore)
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT id, next_run_time FROM apscheduler_jobs ORDER BY next_run_time").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    zone = ZoneInfo(tz)
    return [(job_id, None if ts is None else datetime.fromtimestamp(ts, zone).isoformat(timespec="seconds"))
            for job_id, ts in rows]


def _site_rows(db) -> list[dict]:
    sql = """
    SELECT s.id AS site_id, r.id AS run_id, r.started_at, r.status AS run_status, rs.status AS site_status,
           rs.postings_seen, rs.new, rs.changed, rs.removed, rs.errors, rs.blocked
    FROM sites s
    LEFT JOIN run_sites rs ON rs.site_id = s.id AND rs.run_id = (
        SELECT max(run_id) FROM run_sites WHERE site_id = s.id)
    LEFT JOIN runs r ON r.id = rs.run_id
    ORDER BY s.id"""
    cur = db.execute(sql)
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    for row in rows:
        row["failing"] = [f"{c}: {d}" for c, d in db.execute(
            'SELECT "check", detail FROM health_checks WHERE site_id = ? AND status = \'fail\''
            " AND run_id = (SELECT max(run_id) FROM health_checks WHERE site_id = ?)",
            [row["site_id"], row["site_id"]]).fetchall()]
    return rows


def status_exit_code(db: DbLike, *, now: datetime | str | None = None, stale_hours: float = 36.0) -> int:
    """0 healthy, 1 a site or the last job failed, 3 no recent finished run (see the module docstring)."""
    if isinstance(db, (str, Path)) and not Path(db).exists():
        return EXIT_STALE
    with opened(db) as handle:
        last = handle.execute("SELECT max(finished_at) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0]
        if last is None or parse(iso(now)) - parse(last) > timedelta(hours=stale_hours):
            return EXIT_STALE
        job = handle.execute("SELECT outcome FROM scheduled_runs WHERE outcome != 'running'"
                             " ORDER BY id DESC LIMIT 1").fetchone()
        rows = _site_rows(handle)
    bad_job = job is not None and job[0] not in ("ok", "skipped_locked")
    bad_site = any(r["failing"] or (r["site_status"] not in (None, "ok")) for r in rows)
    return EXIT_UNHEALTHY if bad_job or bad_site else EXIT_OK


def format_status(db: DbLike, *, jobstore: str | Path | None = None, now: datetime | str | None = None) -> str:
    """Text for ``ducha status``: per site its last run and health, then jobs and next scheduled runs."""
    if isinstance(db, (str, Path)) and not Path(db).exists():
        return f"no archive at {db}: run `ducha crawl` or start `ducha schedule`"
    with opened(db) as handle:
        rows = _site_rows(handle)
        jobs = handle.execute("SELECT group_name, started_at, outcome, exit_code, run_id FROM scheduled_runs"
                              " WHERE id IN (SELECT max(id) FROM scheduled_runs GROUP BY group_name)"
                              " ORDER BY group_name").fetchall()
        path = handle.execute("PRAGMA database_list").fetchone()[2] or str(db)
    lines = [(f"{'site':<14} {'last run':<28} {'result':<12} {'seen':>5} {'new':>4} {'chg':>4} {'rm':>3} "
              f"{'err':>4} {'blk':>4}  health")]
    for r in rows:
        if r["run_id"] is None:
            lines.append(f"{r['site_id']:<14} {'never':<28}")
            continue
        health = "ok" if not r["failing"] else "FAIL " + "; ".join(r["failing"])
        lines.append(f"{r['site_id']:<14} {'#' + str(r['run_id']) + ' ' + (r['started_at'] or ''):<28} "
                     f"{r['site_status'] or r['run_status'] or '':<12} {r['postings_seen'] or 0:>5} "
                     f"{r['new'] or 0:>4} {r['changed'] or 0:>4} {r['removed'] or 0:>3} {r['errors'] or 0:>4} "
                     f"{r['blocked'] or 0:>4}  {health}")
    for group, started, outcome, code, run_id in jobs:
        lines.append(f"last scheduled {group}: {outcome} at {started} (exit {code}, run {run_id})")
    store = Path(jobstore) if jobstore else jobstore_path_for(path)
    upcoming = next_runs(store)
    if upcoming:
        lines += [f"next run {job_id}: {when or 'paused'}" for job_id, when in upcoming]
    else:
        lines.append(f"next run: unknown (no scheduler job store at {store})")
    return "\n".join(lines)


def format_runs(db: DbLike, *, limit: int = 50) -> str:
    """Text for ``ducha runs``: the latest runs, newest first, one line each."""
    if isinstance(db, (str, Path)) and not Path(db).exists():
        return f"no archive at {db}"
    with opened(db) as handle:
        runs = handle.execute("SELECT id, started_at, finished_at, status, pid, code_version, summary FROM runs"
                              " ORDER BY id DESC LIMIT ?", [limit]).fetchall()
        fails = dict(handle.execute("SELECT run_id, count(*) FROM health_checks WHERE status = 'fail'"
                                    " GROUP BY run_id").fetchall())
    lines = [(f"{'run':>5} {'started':<25} {'took':>7} {'status':<8} {'sites':>5} {'new':>5} {'chg':>4} "
              f"{'rm':>4} {'fails':>5}  code")]
    for run_id, started, finished, status, _pid, code, summary in runs:
        counts = json.loads(summary) if summary else {}
        total = {k: sum(int(c.get(k, 0) or 0) for c in counts.values() if isinstance(c, dict))
                 for k in ("new", "changed", "removed")}
        took = f"{(parse(finished) - parse(started)).total_seconds():.0f}s" if finished else "-"
        lines.append(f"{run_id:>5} {started:<25} {took:>7} {status:<8} {len(counts):>5} {total['new']:>5} "
                     f"{total['changed']:>4} {total['removed']:>4} {fails.get(run_id, 0):>5}  {code or ''}")
    if not runs:
        lines.append("(no runs yet)")
    return "\n".join(lines)
