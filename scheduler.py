"""The daily scheduler: a thin APScheduler 3 shell over ``archive.ops`` (``ducha schedule``).

One cron job per site group of the schedule file, kept in a persistent SQLite job store
(``archive.db.jobs.sqlite``) so a restart after downtime sees the missed fire time: with
``coalesce=True`` the missed runs collapse into one catch-up run (within ``misfire_grace_s``),
``max_instances=1`` keeps a group from overlapping itself and the crawl lock keeps groups, other
schedulers and manual ``ducha crawl`` runs apart.  Each run is a subprocess
(``archive.ops.execute.run_group``).  SIGTERM/SIGINT stop the running crawl and exit 0.

Exit codes: 0 clean shutdown or ``--once`` ok; 1 ``--once`` run reported failed sites;
2 configuration error; 3 ``--once`` run crashed, timed out or errored; 75 another scheduler
holds the lock (or ``--once`` found a crawl running).

Each crawl dies with the scheduler (``archive.ops.orphans``): a scheduler killed outright sends its
crawl SIGTERM through the kernel, and the next start closes the rows it left ``running``.  ``--list``
only reads: no lock, no file created, usable beside a running scheduler.
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sqlite3
import sys
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_RUNNING
from apscheduler.triggers.cron import CronTrigger

from archive.ops.config import OpsConfig, load_config
from archive.ops.errors import ConfigError, CrawlLockBusy
from archive.ops.execute import Supervisor, run_group
from archive.ops.lock import EXIT_LOCKED, acquire, lock_path, release
from archive.ops.orphans import recover_abandoned
from archive.ops.runs import mark_crashed_runs
from archive.ops.writer_process import WriterProcess
from crawler.job_store import SQLiteJobStore, stored_states

logger = logging.getLogger("scheduler")

EXIT_OK, EXIT_FAILED_SITES, EXIT_CONFIG, EXIT_RUN_BROKEN = 0, 1, 2, 3
_ONCE_EXIT = {"ok": EXIT_OK, "failed_sites": EXIT_FAILED_SITES, "skipped_locked": EXIT_LOCKED}
_SUPERVISOR = Supervisor()


#: Fire time of the execution in progress per job id (set before the job's thread starts).
_FIRE_TIMES: dict[str, datetime] = {}


class RecordingExecutor(ThreadPoolExecutor):
    """The thread-pool executor, remembering each job's scheduled fire time for ``run_scheduled_group``."""

    def _do_submit_job(self, job: Job, run_times: list[datetime]) -> None:
        _FIRE_TIMES[job.id] = run_times[-1]
        super()._do_submit_job(job, run_times)


def run_scheduled_group(group: str, config_path: str | None) -> str:
    """The job function (referenced as ``scheduler:run_scheduled_group`` in the job store)."""
    cfg = load_config(config_path)
    result = run_group(cfg, group, scheduled_for=_FIRE_TIMES.get(f"crawl-{group}"), supervisor=_SUPERVISOR)
    return result.outcome


def run_evidence_check(config_path: str | None) -> str:
    """The weekly job ``verify-evidence`` (``scheduler:run_evidence_check``): ``ducha verify``, alert on failure."""
    from archive.ops.evidence_check import verify_and_alert

    report = verify_and_alert(load_config(config_path))
    return "ok" if report.ok else "failed"


def run_engine_watch(config_path: str | None) -> str:
    """The job ``engine-watch`` (with an engine): alert on workers, nodes or the writer silent too long."""
    from archive.ops.engine import alert_silent

    return "alerted" if alert_silent(load_config(config_path)) else "ok"


#: Weekly evidence check (APScheduler day names: numbers count from Monday).
VERIFY_CRON = {"day_of_week": "sun", "hour": "4", "minute": "30"}


def _on_problem(event: JobExecutionEvent) -> None:
    if event.code == EVENT_JOB_MISSED:
        logger.warning("job %s missed its run at %s (beyond misfire_grace_s)", event.job_id,
                       event.scheduled_run_time)
    else:
        logger.error("job %s raised: %r", event.job_id, event.exception)


class StoppableScheduler(BackgroundScheduler):
    """The background scheduler, processing due jobs only while running.

    APScheduler 3 wakes its loop once more after ``shutdown`` has begun and, its state no longer paused, submits the
    jobs due by then to the executor it has just shut down ("Error submitting job … cannot schedule new futures after
    shutdown") and moves their next run time past them.  A start that fell due while the scheduler was stopping (it
    waits for a running crawl, up to its grace) was lost: the next start no longer caught it up.  Here such a job
    stays due in the store, and the next start runs it (coalesced, within ``misfire_grace_s``)."""

    def _process_jobs(self) -> float | None:  # APScheduler's loop calls it; its seconds to the next wakeup
        if self.state != STATE_RUNNING:
            return None
        return super()._process_jobs()


def build_scheduler(cfg: OpsConfig) -> StoppableScheduler:
    """The scheduler with its job store, defaults and listeners (jobs are synced in ``sync_jobs``)."""
    sched = StoppableScheduler(
        timezone=cfg.timezone,
        jobstores={"default": SQLiteJobStore(cfg.jobstore_path())},
        executors={"default": RecordingExecutor(max_workers=max(1, len(cfg.groups)))},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": cfg.misfire_grace_s},
    )
    sched.add_listener(_on_problem, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
    return sched


def wanted_jobs(cfg: OpsConfig) -> dict[str, tuple[str, CronTrigger, dict]]:
    """Job id → (function reference, trigger, kwargs) of every job the config asks for."""
    kwargs_for = {"config_path": cfg.source}
    wanted = {f"crawl-{group.name}": ("scheduler:run_scheduled_group",
                                      CronTrigger(timezone=cfg.timezone, **group.cron()),
                                      {"group": group.name, **kwargs_for}) for group in cfg.groups}
    wanted["verify-evidence"] = ("scheduler:run_evidence_check", CronTrigger(timezone=cfg.timezone, **VERIFY_CRON),
                                 kwargs_for)
    if cfg.broker:  # every minute: workers, nodes and the writer silent too long are alerted
        wanted["engine-watch"] = ("scheduler:run_engine_watch", CronTrigger(timezone=cfg.timezone, minute="*"),
                                  kwargs_for)
    return wanted


def sync_jobs(sched: BackgroundScheduler, cfg: OpsConfig) -> None:
    """Make the stored jobs match the config without losing a stored next run time (catch-up after downtime).

    A job whose trigger and arguments are unchanged is kept as stored; a changed one is replaced,
    jobs of removed groups are deleted.  Call between ``start(paused=True)`` and ``resume()``.
    """
    wanted = wanted_jobs(cfg)
    for job in sched.get_jobs():
        if job.id not in wanted:
            logger.info("removing job %s (group no longer configured)", job.id)
            job.remove()
    groups = {f"crawl-{g.name}": g for g in cfg.groups}
    for job_id, (func, trigger, kwargs) in wanted.items():
        job = sched.get_job(job_id)
        if job is not None and str(job.trigger) == str(trigger) and job.kwargs == kwargs:
            logger.info("job %s kept: %s, next run %s", job_id, trigger, job.next_run_time)
            continue
        group = groups.get(job_id)
        sched.add_job(func, trigger, id=job_id, name=f"crawl {group.name}" if group else job_id.replace("-", " "),
                      kwargs=kwargs, replace_existing=True)
        if group:
            logger.info("job %s scheduled: %s (timeout %g s), sites %s", job_id, trigger, group.timeout_s,
                        ", ".join(group.sites) or "all")
        else:
            logger.info("job %s scheduled: %s", job_id, trigger)


def list_jobs(cfg: OpsConfig, *, now: datetime | None = None) -> list[str]:
    """One line per job: its trigger and next run time, as a start of the scheduler would see them.

    Read-only: the job store and the archive are only read (neither is created), no lock is taken, so
    it works beside a running scheduler.
    """
    from archive.opening import check_file, connect_read

    lines: list[str] = []
    if check_file(cfg.db, must_exist=False):  # a damaged archive raises its named error (exit code)
        connect_read(cfg.db).close()
    else:
        lines.append(f"archive: none yet at {cfg.db} (the first run creates it)")
    store = cfg.jobstore_path()
    try:
        stored = stored_states(store)
    except sqlite3.Error as exc:
        return [*lines, f"job store {store} unreadable ({exc}): a start would fail; times not shown"]
    now = now or datetime.now(ZoneInfo(cfg.timezone))
    if not store.exists():
        lines.append(f"no job store yet at {store}: next run times computed from the schedule")
    wanted = wanted_jobs(cfg)
    for job_id, (_func, trigger, kwargs) in wanted.items():
        state = stored.get(job_id)
        if state is not None and str(state.get("trigger")) == str(trigger) and state.get("kwargs") == kwargs:
            when, note = state.get("next_run_time"), "stored"
        else:
            when = trigger.get_next_fire_time(None, now)
            note = "new" if state is None else "changed: rescheduled at the next start"
        shown = when.astimezone(ZoneInfo(cfg.timezone)).isoformat(timespec="seconds") if when else "paused"
        lines.append(f"job {job_id}: {trigger}, next run {shown} ({note})")
    lines += [f"job {job_id}: stored but no longer configured (removed at the next start)"
              for job_id in stored if job_id not in wanted]
    return lines


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ducha schedule", description="Daily crawl scheduler (foreground).")
    parser.add_argument("--config", help="Schedule file (YAML); default $DUCHA_SCHEDULE, else built-in defaults.")
    parser.add_argument("--once", metavar="GROUP", help="Run GROUP now, through the same path, then exit.")
    parser.add_argument("--list", action="store_true", help="Print the jobs and their next run times, then exit.")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the scheduler in the foreground until SIGTERM/SIGINT; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["schedule"]:  # called as `ducha schedule …` without explicit argv
        argv = argv[1:]
    args = _parse_args(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=os.environ.get("DUCHA_LOG_LEVEL", "INFO").upper(),
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        cfg = load_config(args.config)
    except ConfigError as exc:
        logger.error("configuration: %s", exc)
        return EXIT_CONFIG
    if args.list:
        sys.stdout.write("".join(f"{line}\n" for line in list_jobs(cfg)))
        return EXIT_OK
    if args.once:
        try:
            result = run_group(cfg, args.once, supervisor=_SUPERVISOR)
        except ConfigError as exc:
            logger.error("configuration: %s", exc)
            return EXIT_CONFIG
        return _ONCE_EXIT.get(result.outcome, EXIT_RUN_BROKEN)
    from archive.opening import check_writable

    check_writable(cfg.db)  # a damaged or read-only archive: its named error (exit 65 / 73), before any lock file
    try:
        lock_fd = acquire(lock_path(cfg.db, "scheduler"))
    except CrawlLockBusy as exc:
        who = f"pid {exc.pid}" if exc.pid else "pid unknown"
        logger.error("another scheduler is running (%s) on %s (lock %s): stop it first", who, cfg.db, exc.path)
        return EXIT_LOCKED
    try:
        return _serve(cfg)
    finally:
        release(lock_fd)


def _serve(cfg: OpsConfig) -> int:
    """Start paused, sync the jobs, resume, and block until a stop signal."""
    stop = threading.Event()

    def on_signal(signum: int, _frame) -> None:
        logger.info("received %s: stopping (running crawls get SIGTERM)", signal.Signals(signum).name)
        stop.set()
        _SUPERVISOR.stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    sched = build_scheduler(cfg)
    writer: WriterProcess | None = None
    sched.start(paused=True)
    try:
        sync_jobs(sched, cfg)
        recover_abandoned(cfg)
        crashed = mark_crashed_runs(cfg.db)
        if crashed:
            logger.warning("runs left 'running' by dead processes marked crashed: %s", crashed)
        for job in sched.get_jobs():
            logger.info("job %s next run %s", job.id, job.next_run_time)
        sched.resume()
        logger.info("scheduler started (pid %d, db %s, job store %s)", os.getpid(), cfg.db, cfg.jobstore_path())
        if cfg.broker:  # the crawl nodes' captures are stored as they come
            writer = WriterProcess(cfg)
            writer.start()
        # a bounded wait: a signal the kernel delivers to a job's thread wakes no untimed wait of the main
        # thread, and Python runs handlers only there (seen in CI: a SIGTERM left unhandled for 30 s)
        while not stop.wait(0.5):
            pass
    finally:
        if writer is not None:
            writer.stop()
        sched.pause()  # no job fires while stopping
        idle = _SUPERVISOR.wait_idle(cfg.kill_grace_s + 10)
        if not idle:
            logger.error("a crawl did not stop within %g s", cfg.kill_grace_s + 10)
        # the jobs' own bookkeeping (each scheduled run's outcome, after_run) ends before the process does: a job
        # started just before the signal (its row written, no crawl spawned yet) was left 'running' until the next
        # start's recovery; not waited for when a crawl hangs past its grace
        sched.shutdown(wait=idle)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    logger.info("scheduler stopped")
    return EXIT_OK


if __name__ == "__main__":
    # Run the importable module, not __main__: the job store references "scheduler:run_scheduled_group",
    # and the job must share this process's supervisor and fire times.
    import scheduler as _self

    sys.exit(_self.main())
