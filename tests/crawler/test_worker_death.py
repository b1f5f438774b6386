"""Attachment workers die with their crawl, even when it is killed with ``kill -9``."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PARENT = """
import asyncio, sys, time
from crawler.attachment_worker import AttachmentTextWorker
worker = AttachmentTextWorker(timeout=30)
asyncio.run(worker.extract(b"hello", filename="a.txt", content_type="text/plain", max_bytes=1000))
print(" ".join(str(p) for p in worker._pool._processes), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_when_the_crawl_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    try:
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert pids and all(_alive(p) for p in pids)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids), "attachment workers outlived their crawl"
    finally:
        if parent.poll() is None:
            parent.kill()
