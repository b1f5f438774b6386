"""Operator views: ``ducha status`` (per site: last run, outcome, postings found, next scheduled run,
failed health checks) and ``ducha runs``.

Exit codes (``status_exit_code``), for cron/systemd/monitoring:

* 0 — every site's last run was fine and no health check fails
* 1 — a site's last run failed or one of its health checks fails (or the last scheduled job failed)
* 3 — no finished run, or the newest run is older than ``stale_hours`` (scheduler down?)

Both views only read (``opened(db, write=False)``): no archive, a damaged one or one whose schema is older
than the code raises the named error of ``archive.opening`` (the CLI turns it into its exit code).
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from archive.ops.config import DEFAULT_TIMEZONE, OpsConfig, jobstore_path_for, load_config
from archive.ops.db import DbLike, iso, opened, parse
from archive.ops.errors import ConfigError
from archive.ops.health import Streak, failure_streak

EXIT_OK, EXIT_UNHEALTHY, EXIT_STALE = 0, 1, 3


def next_runs(jobstore: str | Path, *, tz: str = DEFAULT_TIMEZONE) -> list[tuple[str, str | None]]:
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
    FROM (SELECT id FROM sites UNION SELECT site_id FROM run_sites r1 WHERE status = 'invalid'
          AND run_id = (SELECT max(run_id) FROM run_sites r2 WHERE r2.site_id = r1.site_id)) s
    LEFT JOIN run_sites rs ON rs.site_id = s.id AND rs.run_id = (
        SELECT max(run_id) FROM run_sites WHERE site_id = s.id)
    LEFT JOIN runs r ON r.id = rs.run_id
    ORDER BY s.id"""
    cur = db.execute(sql)
    names = [c[0] for c in cur.description]
    rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    for row in rows:
        row["failing"] = list(db.execute(
            'SELECT "check", detail FROM health_checks WHERE site_id = ? AND status = \'fail\''
            " AND run_id = (SELECT max(run_id) FROM health_checks WHERE site_id = ?)",
            [row["site_id"], row["site_id"]]).fetchall())
    return rows


def status_exit_code(db: DbLike, *, now: datetime | str | None = None, stale_hours: float = 36.0) -> int:
    """0 healthy, 1 a site or the last job failed, 3 no recent finished run (see the module docstring)."""
    with opened(db, write=False) as handle:
        last = handle.execute("SELECT max(finished_at) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0]
        if last is None or parse(iso(now)) - parse(last) > timedelta(hours=stale_hours):
            return EXIT_STALE
        job = handle.execute("SELECT outcome FROM scheduled_runs WHERE outcome != 'running'"
                             " ORDER BY id DESC LIMIT 1").fetchone()
        rows = _site_rows(handle)
    bad_job = job is not None and job[0] not in ("ok", "skipped_locked")
    bad_site = any(r["failing"] or (r["site_status"] not in (None, "ok")) for r in rows)
    return EXIT_UNHEALTHY if bad_job or bad_site else EXIT_OK


def _group_sites(handle, config: OpsConfig | None) -> dict[str, tuple[str, ...]]:
    """Group name → its site ids (empty: every site), from the config, else from the groups' last commands."""
    groups: dict[str, tuple[str, ...]] = {}
    for name, command in handle.execute(
            "SELECT group_name, command FROM scheduled_runs WHERE id IN"
            " (SELECT max(id) FROM scheduled_runs GROUP BY group_name)").fetchall():
        try:
            args = json.loads(command or "[]")
        except ValueError:
            continue
        groups[name] = tuple(value for flag, value in pairwise(args) if flag == "--site")
    if config is not None:
        groups.update({g.name: g.sites for g in config.groups})
    return groups


def site_next_runs(handle, upcoming: list[tuple[str, str | None]], config: OpsConfig | None,
                   site_ids: list[str]) -> dict[str, str]:
    """Site id → its earliest next scheduled run (``crawl-<group>`` jobs of the groups that crawl it)."""
    groups = _group_sites(handle, config)
    out: dict[str, str] = {}
    for job_id, when in upcoming:
        sites = groups.get(job_id.removeprefix("crawl-")) if job_id.startswith("crawl-") else None
        if sites is None or when is None:
            continue
        for site in site_ids if not sites else sites:
            if site not in out or parse(when) < parse(out[site]):
                out[site] = when
    return out


def _default_config() -> OpsConfig | None:
    try:
        return load_config()
    except ConfigError:
        return None


def _not_archived(handle, row: dict) -> list[dict]:
    """The postings the site's last run could not archive (URL and reason, from ``runs.summary``)."""
    found = handle.execute("SELECT summary FROM runs WHERE id = ?", [row["run_id"]]).fetchone()
    try:
        summary = json.loads(found[0]) if found and found[0] else {}
    except ValueError:
        return []
    site = summary.get(row["site_id"]) if isinstance(summary, dict) else None
    listed = site.get("not_archived_urls") if isinstance(site, dict) else None
    return [f for f in listed if isinstance(f, dict)] if isinstance(listed, list) else []


def _refusal(handle, row: dict) -> str:
    """Why the sites file refused the site in its last run (from ``runs.summary``)."""
    found = handle.execute("SELECT summary FROM runs WHERE id = ?", [row["run_id"]]).fetchone()
    try:
        site = json.loads(found[0]).get(row["site_id"]) if found and found[0] else None
    except (ValueError, AttributeError):
        return ""
    return str(site.get("reason") or "") if isinstance(site, dict) else ""


def _outcome(row: dict) -> str:
    if row["run_status"] in ("crashed", "running"):
        return row["run_status"]
    return row["site_status"] or row["run_status"] or ""


def format_status(db: DbLike, *, jobstore: str | Path | None = None, config: OpsConfig | None = None,
                  now: datetime | str | None = None) -> str:
    """Text for ``ducha status``: per site its last run, outcome, postings found, next scheduled run and
    health (failed checks, with since when they fail), then the last execution and next run of each job.

    ``config`` (default: ``load_config()``, i.e. ``$DUCHA_SCHEDULE``) maps groups to sites and may name
    the job store; without it the groups' last commands in ``scheduled_runs`` are used.
    """
    config = config if config is not None else _default_config()
    with opened(db, write=False) as handle:
        rows = _site_rows(handle)
        jobs = handle.execute("SELECT group_name, started_at, outcome, exit_code, run_id FROM scheduled_runs"
                              " WHERE id IN (SELECT max(id) FROM scheduled_runs GROUP BY group_name)"
                              " ORDER BY group_name").fetchall()
        path = handle.execute("PRAGMA database_list").fetchone()[2] or str(db)
        store = Path(jobstore) if jobstore else (
            Path(config.jobstore) if config is not None and config.jobstore else jobstore_path_for(path))
        upcoming = next_runs(store, tz=config.timezone if config is not None else DEFAULT_TIMEZONE)
        next_of = site_next_runs(handle, upcoming, config, [r["site_id"] for r in rows])
        for r in rows:
            r["not_archived"] = _not_archived(handle, r) if r["site_status"] == "not_archived" else []
            r["refused"] = _refusal(handle, r) if r["site_status"] == "invalid" else ""
            r["health"] = [f"{check}: {detail}" + _streak_note(failure_streak(handle, r["site_id"], check))
                           for check, detail in r["failing"]]
    lines = [(f"{'site':<14} {'last run':<31} {'outcome':<12} {'found':>5} {'new':>4} {'chg':>4} {'rm':>3} "
              f"{'err':>4} {'blk':>4}  {'next run':<25}  health")]
    for r in rows:
        when = next_of.get(r["site_id"]) or ("-" if upcoming else "unknown")
        if r["run_id"] is None:
            lines.append(f"{r['site_id']:<14} {'never':<31} {'':<12} {'':>5} {'':>4} {'':>4} {'':>3} {'':>4} "
                         f"{'':>4}  {when:<25}")
            continue
        health = "ok" if not r["health"] else "FAIL " + "; ".join(r["health"])
        lines.append(f"{r['site_id']:<14} {'#' + str(r['run_id']) + ' ' + (r['started_at'] or ''):<31} "
                     f"{_outcome(r):<12} {r['postings_seen'] or 0:>5} "
                     f"{r['new'] or 0:>4} {r['changed'] or 0:>4} {r['removed'] or 0:>3} {r['errors'] or 0:>4} "
                     f"{r['blocked'] or 0:>4}  {when:<25}  {health}")
    for r in rows:
        lines += [f"  {r['site_id']}: not archived in run #{r['run_id']}: {f.get('url')} ({f.get('reason')})"
                  for f in r["not_archived"]]
        if r["refused"]:
            lines.append(f"  {r['site_id']}: refused by the sites file in run #{r['run_id']}: {r['refused']}")
    for group, started, outcome, code, run_id in jobs:
        lines.append(f"last scheduled {group}: {outcome} at {started} (exit {code}, run {run_id})")
    if upcoming:
        lines += [f"next run {job_id}: {when or 'paused'}" for job_id, when in upcoming]
    else:
        lines.append(f"next run: unknown (no scheduler job store at {store})")
    return "\n".join(lines)


def _streak_note(streak: Streak) -> str:
    return f" [since {(streak.since or '?')[:10]}, {streak.runs} runs]" if streak.repeated else ""


def format_runs(db: DbLike, *, limit: int = 50) -> str:
    """Text for ``ducha runs``: the latest runs, newest first, one line each."""
    with opened(db, write=False) as handle:
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
