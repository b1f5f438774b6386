"""Attachment text extraction in worker processes, with a time limit per file.

pdfminer, python-docx and openpyxl are pure Python: run in the crawl process they compete with
the reactor for the GIL, and a hostile file could keep them busy for hours (a PDF cannot be
interrupted from inside).  Here each file is extracted in a separate process (using the second
core); a file that takes longer than the limit is abandoned — its worker is killed and replaced —
and the attachment gets a clear error instead of stalling the run.

Jobs are queued to the workers as soon as they are asked for, so a worker never waits for the crawl's busy
event loop to hand it the next file; the limit counts a job's own working time, from the moment a worker
starts it (each job writes its start into a shared array; ``_within`` waits until then plus the limit)::

    run() ─ free slot ─ submit(_timed(slot, func)) ─► queue ─► worker: starts[slot] = now … func … = DONE
            await _within: queued → poll; started → until start + limit ─► TimeoutError: kill the workers

A killed or crashed pool fails every job in it: jobs whose pool was killed for another job's time-out are
queued again; a job that was running when a worker died is tried once more, one still queued up to
``MAX_IDLE_BREAKS`` times (workers that die as they start fail everything), then it fails with
``BrokenProcessPool``.
"""
from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from crawler.extraction.attachments import AttachmentText, extract_attachment_text
from crawler.extraction.with_tables import text_and_tables

logger = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1
#: Jobs queued or working at once (each holds its file's bytes until a worker has read it).
MAX_QUEUED = 256
#: A job's state in the shared array: queued (0.0), done (``_DONE``), else the ``time.monotonic()`` it started at.
_QUEUED, _DONE = 0.0, -1.0
#: How many times a job is queued again after workers died before it started (theirs were other files, or
#: workers that cannot start at all).
MAX_IDLE_BREAKS = 3
#: A queued job looks whether a worker has started it once per its own limit; this floor keeps a tiny limit from
#: spinning.  A job that starts and ends between two looks is judged by the working time its worker measured.
_QUEUED_POLL_S = 0.001
_starts: Any = None  # in a worker: the pool's shared array of job states


def die_with_parent(parent_pid: int) -> None:
    """Worker initialiser: the kernel kills this worker when the crawl process dies, even by ``kill -9``
    (Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``); a worker whose crawl is already gone exits."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the pool's own shutdown still ends the workers
            logger.debug("prctl unavailable; attachment workers end with the pool only")
    if os.getppid() != parent_pid:
        os._exit(0)


def _start_worker(parent_pid: int, starts: Any) -> None:
    """Worker initialiser: die with the crawl; keep the shared array the jobs write their start into."""
    global _starts
    die_with_parent(parent_pid)
    _starts = starts


def _timed(slot: int, func: Callable[..., Any], args: tuple, kwargs: dict) -> tuple[Any, float]:
    """In a worker: ``func(*args, **kwargs)`` and the seconds it worked, its start and end written to ``slot``
    (clocks are system-wide)."""
    began = _starts[slot] = time.monotonic()
    try:
        return func(*args, **kwargs), time.monotonic() - began
    finally:
        _starts[slot] = _DONE


class AttachmentTextWorker:
    """A small pool of extraction processes; ``await extract(...)`` from the reactor's event loop."""

    def __init__(self, *, timeout: float, workers: int = 1) -> None:
        self.timeout = timeout
        self.workers = max(1, workers)
        self._context = multiprocessing.get_context("spawn")  # spawn, not fork: the crawl runs threads and a reactor
        self._starts = self._context.RawArray("d", MAX_QUEUED)
        self._free = list(range(MAX_QUEUED))
        self._room: asyncio.Semaphore | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._killed: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()  # pools ended for a time-out
        self._closed = False

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=self._context,
                                             initializer=_start_worker, initargs=(os.getpid(), self._starts))
        return self._pool

    def _replace_pool(self, pool: ProcessPoolExecutor, *, timed_out: bool = False) -> None:
        """Kill the workers of ``pool`` (one is stuck on a file, or died) and start afresh on next use."""
        if timed_out:
            self._killed.add(pool)
        if self._pool is not pool:  # already replaced by another job that saw it break
            return
        self._pool = None
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    async def run(self, func: Callable[..., Any], *args: Any, timeout: float | None = None, **kwargs: Any) -> Any:
        """Run ``func`` in a worker; raises TimeoutError after ``timeout`` (default: the worker's) seconds of work,
        BrokenProcessPool when the worker died on it twice."""
        limit = self.timeout if timeout is None else timeout
        if self._room is None:
            self._room = asyncio.Semaphore(MAX_QUEUED)
        async with self._room:
            slot = self._free.pop()
            try:
                return await self._run_in(slot, limit, func, args, kwargs)
            finally:
                self._free.insert(0, slot)  # reused last

    async def _run_in(self, slot: int, limit: float, func: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        crashes = idle_breaks = 0
        while True:
            if self._closed:  # the crawl is stopping: no new workers for what was still queued
                raise BrokenProcessPool("the workers were stopped")
            pool = self._ensure_pool()
            self._starts[slot] = _QUEUED
            try:
                future = asyncio.wrap_future(pool.submit(_timed, slot, func, args, kwargs))
                future.add_done_callback(_retrieved)
                result, worked = await self._within(future, slot, limit)
            except TimeoutError:
                self._replace_pool(pool, timed_out=True)
                raise
            except BrokenProcessPool:
                ran = self._starts[slot] != _QUEUED
                self._replace_pool(pool)
                if pool in self._killed:  # ended for another job's time-out: queued again
                    continue
                if ran:  # its worker died (out of memory, killed): try once more
                    crashes += 1
                else:  # another job's worker died, or workers die as they start: a few more times
                    idle_breaks += 1
                if crashes == 2 or idle_breaks > MAX_IDLE_BREAKS:
                    raise
            else:
                if worked > limit:  # started and ended between two looks: over its limit all the same
                    raise TimeoutError
                return result

    async def _within(self, future: asyncio.Future, slot: int, limit: float) -> tuple[Any, float]:
        """The job's result and working time; TimeoutError once it has worked ``limit`` seconds (time queued does not count)."""
        while True:
            started = self._starts[slot]
            wait: float | None
            if started == _DONE:
                wait = None  # the result is on its way
            elif started == _QUEUED:
                wait = max(limit, _QUEUED_POLL_S)
            else:
                wait = started + limit - time.monotonic()
                if wait <= 0:
                    raise TimeoutError
            done, _ = await asyncio.wait({future}, timeout=wait)
            if done:
                if future.cancelled():  # dropped from the queue of a pool that was replaced
                    raise BrokenProcessPool("the job's workers were replaced before it started")
                return future.result()

    async def extract(self, data: bytes, *, filename: str, content_type: str | None,
                      max_bytes: int) -> AttachmentText:
        """Text of one attachment; never raises (time-outs and crashed workers become ``error``)."""
        try:
            return await self.run(extract_attachment_text, data, filename=filename, content_type=content_type,
                                  max_bytes=max_bytes)
        except TimeoutError:
            logger.warning("text extraction of %s took longer than %.0f s: abandoned", filename, self.timeout)
            return AttachmentText(text=None, kind="unknown",
                                  error=f"text extraction took longer than {self.timeout:.0f} s (abandoned)")
        except BrokenProcessPool:
            return AttachmentText(text=None, kind="unknown", error="text extraction crashed its worker process")

    async def extract_with_tables(self, data: bytes, *, filename: str, content_type: str | None, max_bytes: int,
                                  table_kind: str) -> tuple[AttachmentText, list | None]:
        """Text and tables (read as ``table_kind``) of one file in one job, a PDF parsed once; never raises.  The
        tables are None when they could not be read here (the ledger reads them itself): a job that died or went
        over the limit is tried again for its text alone."""
        try:
            return await self.run(text_and_tables, data, filename=filename, content_type=content_type,
                                  max_bytes=max_bytes, table_kind=table_kind)
        except (TimeoutError, BrokenProcessPool) as exc:
            logger.warning("text and tables of %s not read together (%s): its text alone", filename,
                           type(exc).__name__)
        return await self.extract(data, filename=filename, content_type=content_type, max_bytes=max_bytes), None

    def close(self) -> None:
        """Stop the workers (jobs still queued fail with ``BrokenProcessPool``)."""
        self._closed = True
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _retrieved(future: asyncio.Future) -> None:
    """A job's failure is read by its waiter, or was made moot by a time-out: never reported as unread."""
    if not future.cancelled():
        future.exception()
