"""The crawl lock: at most one crawl per archive, whoever starts it (scheduler or ``ducha crawl``).

A lock file beside the database (``archive.db.lock``) is locked with ``fcntl.flock``; the kernel
drops the lock when the holder dies, so a crash never leaves a stale lock; the holder deletes the file
when it lets go, on every exit path (``acquire`` retries on a file deleted under it).  The scheduler takes
the lock, then starts ``ducha crawl`` with the locked descriptor inherited (``pass_fds``) and its
number in ``DUCHA_CRAWL_LOCK_FD``: ``crawl_lock`` in the child recognises the inherited lock
instead of deadlocking on it.  The lock stays held until both processes have let go.
"""
from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from archive.ops.errors import CrawlLockBusy

logger = logging.getLogger(__name__)

LOCK_FD_ENV = "DUCHA_CRAWL_LOCK_FD"
#: ``ducha crawl`` exit status when the crawl lock is busy (EX_TEMPFAIL); the scheduler reads it back.
EXIT_LOCKED = 75


def lock_path(db_path: str | Path, kind: str = "") -> Path:
    """The lock file beside ``db_path``: ``archive.db.lock`` (crawl) or ``archive.db.scheduler.lock``."""
    db_path = Path(db_path)
    suffix = f".{kind}.lock" if kind else ".lock"
    return db_path.with_name(db_path.name + suffix)


def _inherited_fd(path: Path) -> int | None:
    """The inherited descriptor named by ``DUCHA_CRAWL_LOCK_FD`` if it is open on ``path``."""
    raw = os.environ.get(LOCK_FD_ENV)
    if not raw or not raw.isdigit():
        return None
    fd = int(raw)
    return fd if _names(path, fd) else None


def holder(path: str | Path) -> str:
    """What the lock file says about its holder (``pid … since …``), or '' if unknown."""
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def acquire(path: str | Path, *, wait: float = 0.0) -> int:
    """Open and ``flock`` ``path`` exclusively; return the descriptor. Raise ``CrawlLockBusy`` after ``wait`` s.

    The holder deletes the file when it lets go (``release``), so a lock taken on a file that was deleted
    meanwhile is worthless: it is dropped and the file opened again.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise CrawlLockBusy(path, holder(path)) from None
            time.sleep(0.05)
            continue
        if _names(path, fd):
            break
        os.close(fd)  # the previous holder deleted the file between our open and our lock
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} since {datetime.now().astimezone().isoformat(timespec='seconds')}\n"
              .encode(), 0)
    return fd


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` is (still) the file open on ``fd``."""
    try:
        held, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def release(fd: int, path: str | Path | None = None) -> None:
    """Unlock and close a descriptor from ``acquire``; with ``path``, delete the lock file first (while still
    holding the lock, so no waiter locks a file that is about to vanish unnoticed)."""
    try:
        if path is not None and _names(Path(path), fd):
            Path(path).unlink(missing_ok=True)
    finally:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


@contextmanager
def crawl_lock(db_path: str | Path, *, wait: float = 0.0) -> Iterator[int]:
    """Hold the crawl lock of ``db_path`` for the block; yields the descriptor.

    Raises ``CrawlLockBusy`` if another crawl holds it (after waiting up to ``wait`` seconds).
    Inside a crawl started by the scheduler the inherited lock is used as is.
    """
    path = lock_path(db_path)
    inherited = _inherited_fd(path)
    if inherited is not None:
        logger.debug("using the crawl lock inherited from the scheduler (fd %d)", inherited)
        yield inherited
        return
    fd = acquire(path, wait=wait)
    try:
        yield fd
    finally:
        release(fd, path)
