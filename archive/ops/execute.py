"""One scheduled run: take the crawl lock, run ``ducha crawl`` in a subprocess with a hard timeout, record it.

```
run_group(cfg, group) ─ mark_crashed_runs ─ crawl_lock ──busy──► scheduled_runs 'skipped_locked'
                                              │
                        Popen([python -m crawler.cli crawl --db … --site …], lock fd inherited)
                                              │ wait(timeout) ─► SIGTERM, grace, SIGKILL ('timeout')
                        runs rows written by the child ─ still 'running'? ─► 'crashed'
                        after_run(run) (idempotent) ; a timeout/crash/error ─► 'job' alert
                        anything raised on the way (a crawl command that cannot start) ─► 'error', 'job' alert
```
Twisted's reactor cannot restart, so every run is a new process.  The child runs in its own
session (process group) so a timeout kills everything it started.
"""
from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from archive.ops.after import after_run
from archive.ops.alerts import Digest, send_digest
from archive.ops.config import DEFAULT_CRAWL_COMMAND, Group, OpsConfig
from archive.ops.db import iso, opened, parse
from archive.ops.errors import CrawlLockBusy
from archive.ops.lock import EXIT_LOCKED, LOCK_FD_ENV, acquire, lock_path, release
from archive.ops.orphans import die_with_parent
from archive.ops.runs import finish_job, mark_crashed_runs, start_job

logger = logging.getLogger(__name__)
#: ``ducha crawl``'s exit status when SIGINT / SIGTERM stopped it (128 + signal; the run is recorded interrupted).
EXIT_INTERRUPTED = (128 + signal.SIGINT, 128 + signal.SIGTERM)


@dataclass
class JobResult:
    """What one scheduled execution did."""

    group: str
    outcome: str                  # ok | failed_sites | error | timeout | crashed | interrupted | skipped_locked
    exit_code: int | None = None
    run_ids: list[int] = field(default_factory=list)
    job_row: int | None = None
    start_delay_s: float | None = None
    duration_s: float = 0.0
    crawl_started: bool = True    # False: stopped between its row and its crawl (the scheduler was stopping)
    failure: str | None = None    # the exception that ended the run before its crawl did (outcome error)


class Supervisor:
    """Tracks running crawl subprocesses so a shutdown can stop them; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._children: set[subprocess.Popen] = set()
        self.stopping = threading.Event()
        self.idle = threading.Condition(self._lock)

    def spawn(self, command: list[str], **popen_args) -> subprocess.Popen | None:
        """Start and register a child unless stopping (None): one step under the lock, so a ``stop()``
        arriving while the child starts still reaches it."""
        with self._lock:
            if self.stopping.is_set():
                return None
            child = subprocess.Popen(command, **popen_args)
            self._children.add(child)
            return child

    def discard(self, child: subprocess.Popen) -> None:
        """Forget a finished child."""
        with self._lock:
            self._children.discard(child)
            self.idle.notify_all()

    def stop(self) -> None:
        """Refuse new runs and send SIGTERM to the process group of every running crawl."""
        self.stopping.set()
        with self._lock:
            children = list(self._children)
        for child in children:
            _signal_group(child, signal.SIGTERM)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no crawl runs (at most ``timeout`` s); True if idle."""
        with self._lock:
            return self.idle.wait_for(lambda: not self._children, timeout=timeout)


def _signal_group(child: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(child.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def crawl_command_line(*, db: str, sites_file: str | None = None, mirror: str | None = None,
                       site_ids: tuple[str, ...] | list[str] = (), full: bool = False,
                       settings: dict[str, str] | None = None, extra_args: tuple[str, ...] | list[str] = (),
                       base: list[str] | None = None) -> list[str]:
    """The ``ducha crawl`` command line of one run, in its own process (the one place it is built)."""
    cmd = list(base or DEFAULT_CRAWL_COMMAND) + ["--db", db]
    if sites_file:
        cmd += ["--sites", sites_file]
    if mirror:
        cmd += ["--mirror", mirror]
    for site in site_ids:
        cmd += ["--site", site]
    if full:
        cmd.append("--full")
    for name, value in (settings or {}).items():
        cmd += ["-s", f"{name}={value}"]
    return cmd + list(extra_args)


def crawl_command(cfg: OpsConfig, group: Group) -> list[str]:
    """The command line of one run of ``group``."""
    return crawl_command_line(db=cfg.db, sites_file=group.sites_file or cfg.sites_file, mirror=cfg.mirror,
                              site_ids=group.sites,
                              full=group.full, extra_args=cfg.extra_args, base=cfg.base_command())


#: Exit statuses of a crawl stopped by a signal it handled (128 + SIGINT / SIGTERM) or died of.
_INTERRUPTED_CODES = {*EXIT_INTERRUPTED, -signal.SIGINT, -signal.SIGTERM, -signal.SIGHUP}
#: How often a waiting scheduler looks for the crawl's ``runs`` row to link it (seconds).
LINK_POLL_S = 0.5


def outcome_of(code: int, *, stopping: bool = False) -> str:
    """The ``scheduled_runs.outcome`` of a crawl that exited with ``code`` (negative: killed by that signal).

    130/143 (the crawl stopped on SIGINT/SIGTERM) and death by SIGINT/SIGTERM/SIGHUP are ``interrupted``;
    any other signal (SIGKILL, SIGSEGV, …) is ``crashed``.
    """
    if code == 0:
        return "ok"
    if stopping or code in _INTERRUPTED_CODES:
        return "interrupted"
    if code == 1:
        return "failed_sites"
    if code == EXIT_LOCKED:
        return "skipped_locked"
    return "crashed" if code < 0 else "error"


#: Test-only (``tests/ops/test_scheduler_faults.py``): a file path.  A run that has written its ``scheduled_runs``
#: row and taken the crawl lock waits, before starting its crawl, until that file exists (at most
#: ``HOLD_LIMIT_S``), so a test can stop the scheduler exactly there.  Unset outside tests: one lookup per run.
HOLD_BEFORE_SPAWN_ENV = "DUCHA_TEST_HOLD_BEFORE_SPAWN"
HOLD_LIMIT_S = 60.0


def _hold_before_spawn(group_name: str) -> None:
    """The test-only hold of ``HOLD_BEFORE_SPAWN_ENV`` (nothing when it is unset)."""
    gate = os.environ.get(HOLD_BEFORE_SPAWN_ENV)
    if not gate:
        return
    logger.warning("group %s: held before its crawl until %s exists (%s, tests only)", group_name, gate,
                   HOLD_BEFORE_SPAWN_ENV)
    deadline = time.monotonic() + HOLD_LIMIT_S
    while not os.path.exists(gate) and time.monotonic() < deadline:
        time.sleep(0.05)


def _wait(child: subprocess.Popen, group: Group, cfg: OpsConfig, supervisor: Supervisor,
          on_tick: Callable[[], None] = lambda: None) -> tuple[int, str]:
    """Wait for the child (calling ``on_tick`` every ``LINK_POLL_S``); on timeout SIGTERM its group, then
    SIGKILL after the grace period."""
    deadline = time.monotonic() + group.timeout_s
    while True:
        try:
            code = child.wait(timeout=max(0.0, min(LINK_POLL_S, deadline - time.monotonic())))
            break
        except subprocess.TimeoutExpired:
            if time.monotonic() < deadline:
                on_tick()
                continue
        logger.error("group %s: crawl pid %d exceeded %g s: stopping it", group.name, child.pid, group.timeout_s)
        _signal_group(child, signal.SIGTERM)
        try:
            child.wait(timeout=cfg.kill_grace_s)
        except subprocess.TimeoutExpired:
            _signal_group(child, signal.SIGKILL)
            child.wait()
        return child.returncode, "timeout"
    return code, outcome_of(code, stopping=supervisor.stopping.is_set())


def run_group(cfg: OpsConfig, group_name: str, *, scheduled_for: datetime | None = None,
              supervisor: Supervisor | None = None, now=None) -> JobResult:
    """Run one crawl of ``group_name`` in a subprocess (see the module docstring) and return what happened."""
    supervisor = supervisor or Supervisor()
    group = cfg.group(group_name)
    started = time.monotonic()
    started_at = parse(iso(now))
    precise = parse(now) if isinstance(now, str) else (now or datetime.now(started_at.tzinfo))
    delay = round((precise - scheduled_for).total_seconds(), 3) if scheduled_for else None
    command = crawl_command(cfg, group)
    job_row = start_job(cfg.db, group=group.name, scheduled_for=iso(scheduled_for) if scheduled_for else None,
                        started_at=iso(started_at), start_delay_s=delay, command=command)
    result = JobResult(group=group.name, outcome="error", job_row=job_row, start_delay_s=delay)
    try:
        if not _crawl(cfg, group, command, job_row, result, supervisor, started_at):
            return result  # skipped: the lock was taken, the row closed
    except Exception as exc:  # whatever failed (a crawl command that cannot start …): no row left 'running'
        logger.exception("group %s: the scheduled run failed", group.name)
        result.outcome, result.failure = "error", f"{type(exc).__name__}: {exc}"
    result.duration_s = time.monotonic() - started
    _close(cfg, result, job_row)
    return result


def _crawl(cfg: OpsConfig, group: Group, command: list[str], job_row: int, result: JobResult, supervisor: Supervisor,
           started_at: datetime) -> bool:
    """Take the crawl lock and run the crawl, filling ``result``; False when the lock was taken (row closed)."""
    mark_crashed_runs(cfg.db, now=started_at)
    try:
        fd = acquire(lock_path(cfg.db))
    except CrawlLockBusy as exc:
        logger.warning("group %s: skipped, %s", group.name, exc)
        result.outcome = "skipped_locked"
        finish_job(cfg.db, job_row, outcome="skipped_locked", finished_at=iso(None), detail=str(exc))
        return False
    try:
        with opened(cfg.db) as db:
            last_id = db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0]
        env = {**os.environ, LOCK_FD_ENV: str(fd), "DUCHA_DB": cfg.db}
        if cfg.source:
            env["DUCHA_SCHEDULE"] = cfg.source
        _hold_before_spawn(group.name)
        # preexec_fn in a threaded process: the hook only calls prctl, resolved before the fork
        child = supervisor.spawn(command, env=env, pass_fds=(fd,), start_new_session=True,
                                 preexec_fn=die_with_parent())
        if child is None:
            result.outcome, result.crawl_started = "interrupted", False
        else:
            logger.info("group %s: started crawl pid %d: %s", group.name, child.pid, " ".join(command))
            finish_job(cfg.db, job_row, pid=child.pid)
            link = _Linker(cfg.db, job_row, child.pid, last_id)
            try:
                result.exit_code, result.outcome = _wait(child, group, cfg, supervisor, on_tick=link)
            finally:
                supervisor.discard(child)
            result.run_ids = _runs_of(cfg.db, child.pid, last_id)
            if result.outcome == "interrupted" and _all_ok(cfg.db, result.run_ids):
                # the stop signal reached a crawl that had already finished and recorded its runs: it ran whole
                logger.info("group %s: crawl pid %d had finished its runs %s when it was stopped", group.name,
                            child.pid, result.run_ids)
                result.outcome = "ok"
    finally:
        release(fd, lock_path(cfg.db))
    return True


class _Linker:
    """Links the ``scheduled_runs`` row to the crawl's ``runs`` row as soon as the crawl has written it, so
    a scheduler killed mid-crawl leaves its row pointing at the run (``on_tick`` of ``_wait``)."""

    def __init__(self, db_path: str, job_row: int, pid: int, after_id: int) -> None:
        self.db_path, self.job_row, self.pid, self.after_id = db_path, job_row, pid, after_id
        self.linked = False

    def __call__(self) -> None:
        if self.linked:
            return
        try:
            found = _runs_of(self.db_path, self.pid, self.after_id)
            if found:
                finish_job(self.db_path, self.job_row, run_id=found[0])
                self.linked = True
        except sqlite3.Error as exc:  # the waiting thread must keep waiting: its crawl dies with it
            logger.warning("could not link scheduled run %d yet: %s", self.job_row, exc)


def _runs_of(db_path: str, pid: int, after_id: int) -> list[int]:
    with opened(db_path) as db:
        return [r[0] for r in db.execute("SELECT id FROM runs WHERE id > ? AND pid = ? ORDER BY id",
                                         [after_id, pid]).fetchall()]


def _all_ok(db_path: str, run_ids: list[int]) -> bool:
    """Whether every one of ``run_ids`` (at least one) finished with status ``ok``."""
    if not run_ids:
        return False
    with opened(db_path) as db:
        marks = ",".join("?" * len(run_ids))
        statuses = [r[0] for r in db.execute(f"SELECT status FROM runs WHERE id IN ({marks})", run_ids)]
    return len(statuses) == len(run_ids) and all(status == "ok" for status in statuses)


def _close(cfg: OpsConfig, result: JobResult, job_row: int) -> None:
    """Mark the child's unfinished runs crashed, run ``after_run``, alert on a failed job, close the row."""
    crashed = mark_crashed_runs(cfg.db, run_ids=result.run_ids) if result.run_ids else []
    for run_id in result.run_ids:
        try:  # usually done by the crawl itself; its clock is the run's own (after_run's default)
            after_run(cfg.db, run_id, config=cfg)
        except Exception:  # never let bookkeeping kill the scheduler; the log says why
            logger.exception("after_run failed for run %d", run_id)
    detail = None
    if not result.crawl_started:  # an operator's stop, not a fault: said as such, no alert
        detail = f"crawl of group {result.group} not started: the scheduler was stopping"
        logger.warning("%s", detail)
    elif result.outcome in ("timeout", "crashed", "error", "interrupted"):
        detail = (f"crawl of group {result.group} ended '{result.outcome}' (exit {result.exit_code}) after "
                  f"{result.duration_s:.0f} s; runs {result.run_ids or 'none recorded'}"
                  + (f", marked crashed: {crashed}" if crashed else "")
                  + (f"; the scheduled run failed: {result.failure}" if result.failure else ""))
        logger.error("%s", detail)
        if result.outcome != "interrupted":
            last_run = result.run_ids[-1] if result.run_ids else None
            send_digest(cfg.db, cfg.alerts, Digest(subject=f"[ducha] scheduled crawl {result.group}: "
                                                   f"{result.outcome}", kind="job", run_id=last_run, notes=[detail]))
    logger.info("group %s: %s (exit %s) in %.1f s, runs %s", result.group, result.outcome, result.exit_code,
                result.duration_s, result.run_ids)
    finish_job(cfg.db, job_row, outcome=result.outcome, exit_code=result.exit_code, finished_at=iso(None),
               duration_s=round(result.duration_s, 3), run_id=result.run_ids[-1] if result.run_ids else None,
               detail=detail)
