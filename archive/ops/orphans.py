"""Crawls that outlive their scheduler: prevented at the crawl's start, cleaned up at the scheduler's.

```
run_group ─ Popen(preexec_fn=die_with_parent()) ─► crawl (own session): PR_SET_PDEATHSIG = SIGTERM
   scheduler killed (kill -9, OOM) ─► kernel sends SIGTERM to the crawl ─► it stops as on any SIGTERM
scheduler start-up ─ recover_abandoned(cfg) ─► each scheduled_runs row still 'running' from a dead scheduler:
   its crawl still alive (same command line)? SIGTERM its process group, SIGKILL after kill_grace_s
   its runs still 'running' ─► 'crashed'; the row ─► 'interrupted', linked to its run, with a detail
```
Only rows with a ``scheduled_for`` come from a scheduler (``--once`` executions have none and are
supervised by their own process); the caller holds the scheduler lock, so no other scheduler is alive.
The parent-death signal is Linux's ``prctl``; elsewhere the start-up clean-up is the only guard.
"""
from __future__ import annotations

import ctypes
import json
import logging
import os
import signal
import time
from collections.abc import Callable

from archive.ops.config import OpsConfig
from archive.ops.db import iso, opened
from archive.ops.runs import finish_job, mark_crashed_runs, pid_alive

logger = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(sig: int = signal.SIGTERM) -> Callable[[], None] | None:
    """A ``preexec_fn`` asking the kernel to send ``sig`` to the child when the thread that started it dies.

    The scheduler's thread waits for its crawl, so it lives exactly as long as the scheduler does.
    SIGTERM lets the crawl stop as it does on any SIGTERM (its run recorded, its own children
    stopped).  None where ``prctl`` is missing (not Linux).  The hook only calls a function resolved
    before the fork, then checks that the parent did not die before the signal was armed.
    """
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def arm() -> None:
        prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:  # the parent died between fork and prctl: nobody would signal us
            os._exit(128 + int(sig))

    return arm


def same_process(pid: int | None, command: list[str]) -> bool:
    """Whether ``pid`` is alive, leads its own session and runs ``command`` (guards against a reused pid)."""
    if not pid_alive(pid):
        return False
    assert pid is not None
    try:
        if os.getsid(pid) != pid:
            return False
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            argv = [a.decode(errors="replace") for a in fh.read().split(b"\0")[:-1]]
    except (OSError, ProcessLookupError):
        return False
    return argv == command


def stop_process_group(pid: int, *, grace_s: float) -> bool:
    """SIGTERM the process group ``pid``, SIGKILL it after ``grace_s`` s; True once the leader is gone."""
    for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError):
            return not pid_alive(pid)
        deadline = time.monotonic() + wait_s
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not pid_alive(pid):
            return True
    return False


def _run_of(handle, row_id: int, pid: int | None) -> int | None:
    """The ``runs`` row the crawl ``pid`` of scheduled row ``row_id`` wrote (newer than earlier rows' runs)."""
    if not pid:
        return None
    found = handle.execute(
        "SELECT max(id) FROM runs WHERE pid = ? AND id > (SELECT coalesce(max(run_id), 0) FROM scheduled_runs"
        " WHERE id < ?)", [pid, row_id]).fetchone()
    return found[0] if found else None


def recover_abandoned(cfg: OpsConfig, *, now: str | None = None) -> list[int]:
    """Close the ``scheduled_runs`` rows a dead scheduler left ``running`` (see the module docstring).

    Call with the scheduler lock held.  Returns the ids of the rows closed.
    """
    with opened(cfg.db) as handle:
        rows = handle.execute("SELECT id, pid, command, run_id, started_at FROM scheduled_runs"
                              " WHERE outcome = 'running' AND scheduled_for IS NOT NULL ORDER BY id").fetchall()
    closed = []
    for row_id, pid, command, run_id, started_at in rows:
        try:
            argv = json.loads(command or "[]")
        except ValueError:
            argv = []
        notes = [f"the scheduler that started this crawl at {started_at} died while it ran"]
        if pid and same_process(pid, argv):
            stopped = stop_process_group(pid, grace_s=cfg.kill_grace_s)
            notes.append(f"its crawl pid {pid} was still running: " + ("stopped" if stopped else "could not be stopped"))
            logger.warning("scheduled run %d: orphaned crawl pid %d %s", row_id, pid,
                           "stopped" if stopped else "could not be stopped")
        with opened(cfg.db) as handle:
            run_id = run_id or _run_of(handle, row_id, pid)
        crashed = mark_crashed_runs(cfg.db, now=now, run_ids=[run_id]) if run_id else []
        notes.append(f"marked at the start of scheduler pid {os.getpid()}"
                     + (f"; run {run_id} marked crashed" if crashed else ""))
        detail = "; ".join(notes)
        finish_job(cfg.db, row_id, outcome="interrupted", finished_at=iso(now), run_id=run_id, detail=detail)
        logger.warning("scheduled run %d (run %s) left 'running' by a dead scheduler: marked interrupted", row_id,
                       run_id)
        closed.append(row_id)
    return closed
