"""The scheduler's writer of crawl nodes' captures: ``ducha writer`` kept running beside the schedule when an
engine is configured (``broker:`` in the schedule file or ``DUCHA_BROKER``), started again when it exits.

A child process, not a thread: a writer that dies (or is killed) takes nothing else down, and the next one
stores what it left unacknowledged (see crawler/node_writer.py).
"""
from __future__ import annotations

import logging
import subprocess
import sys
import threading

from archive.ops.config import OpsConfig

logger = logging.getLogger(__name__)
#: Seconds before a writer that exited is started again (a crash loop does not spin).
RESTART_DELAY_S = 10.0


def writer_command(cfg: OpsConfig) -> list[str]:
    """``python -m crawler.cli writer --db DB --broker URL``."""
    return [sys.executable, "-m", "crawler.cli", "writer", "--db", cfg.db, "--broker", str(cfg.broker)]


class WriterProcess:
    """``start()`` keeps one writer running in a thread of its own until ``stop()`` (SIGTERM, then wait)."""

    def __init__(self, cfg: OpsConfig, *, restart_delay_s: float = RESTART_DELAY_S) -> None:
        self.command = writer_command(cfg)
        self.restart_delay_s = restart_delay_s
        self.kill_grace_s = cfg.kill_grace_s
        self.starts = 0
        self._stop = threading.Event()
        self._process: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._keep, name="ducha-writer", daemon=True)

    def start(self) -> None:
        """Start the writer (and keep it running)."""
        self._thread.start()

    def _keep(self) -> None:
        while not self._stop.is_set():
            self.starts += 1
            self._process = subprocess.Popen(self.command)
            logger.info("writer of the crawl nodes' captures started (pid %d)", self._process.pid)
            code = self._process.wait()
            if self._stop.is_set():
                return
            logger.error("the writer exited with %s: starting it again in %g s", code, self.restart_delay_s)
            self._stop.wait(self.restart_delay_s)

    def stop(self) -> None:
        """Stop the writer: it finishes the entry in hand (SIGTERM), then is killed after the grace."""
        self._stop.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=self.kill_grace_s)
            except subprocess.TimeoutExpired:
                process.kill()
        self._thread.join(timeout=self.kill_grace_s + 5)
