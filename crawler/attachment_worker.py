"""Attachment text extraction in worker processes, with a time limit per file.

pdfminer, python-docx and openpyxl are pure Python: run in the crawl process they compete with
the reactor for the GIL, and a hostile file could keep them busy for hours (a PDF cannot be
interrupted from inside).  Here each file is extracted in a separate process (using the second
core); a file that takes longer than the limit is abandoned — its worker is killed and replaced —
and the attachment gets a clear error instead of stalling the run.
"""
from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any

from crawler.extraction.attachments import AttachmentText, extract_attachment_text

logger = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1


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


class AttachmentTextWorker:
    """A small pool of extraction processes; ``await extract(...)`` from the reactor's event loop."""

    def __init__(self, *, timeout: float, workers: int = 1) -> None:
        self.timeout = timeout
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._slots: asyncio.Semaphore | None = None

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the crawl process runs threads and a reactor
            self._pool = ProcessPoolExecutor(max_workers=self.workers,
                                             mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
        return self._pool

    def _replace_pool(self) -> None:
        """Kill the workers (one is stuck on a file) and start afresh on next use."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    async def run(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``func`` in a worker; raises TimeoutError after ``timeout`` seconds of work."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        async with self._slots:  # the limit counts working time, not time spent queued
            for attempt in (1, 2):
                loop = asyncio.get_running_loop()
                future = loop.run_in_executor(self._ensure_pool(), partial(func, *args, **kwargs))
                try:
                    return await asyncio.wait_for(future, self.timeout)
                except TimeoutError:
                    self._replace_pool()
                    raise
                except BrokenProcessPool:
                    self._replace_pool()  # a worker died (out of memory, killed): try once more
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

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

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
