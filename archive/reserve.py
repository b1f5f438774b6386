"""Disk space held back while a crawl runs, so that its end can still be recorded on a full disk.

A crawl stopped by a full disk must still write its status, summary and per-site rows; without room even
that fails and the run stays ``running`` until the next run marks it crashed.  ``SpaceReserve`` keeps a
file of ``RESERVE_BYTES`` beside the archive for the length of the run and deletes it just before the run's
end is written.  A reserve left by a killed process is simply taken over by the next run.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

RESERVE_BYTES = 1 << 20  # the run's end (summary JSON, run_sites rows, WAL pages) fits in far less


class SpaceReserve:
    """``PATH.reserve`` beside the archive file, held while a run writes."""

    def __init__(self, db_path: str | os.PathLike[str], size: int = RESERVE_BYTES) -> None:
        self.path = Path(f"{os.fspath(db_path)}.reserve")
        self.size = size

    def hold(self) -> bool:
        """Allocate the reserve; False (and nothing left behind) when the disk cannot spare it."""
        try:
            with open(self.path, "wb") as handle:
                try:
                    os.posix_fallocate(handle.fileno(), 0, self.size)
                except (AttributeError, OSError):  # no fallocate on this file system: write the bytes
                    handle.write(b"\0" * self.size)
                    handle.flush()
                    os.fsync(handle.fileno())
            return True
        except OSError as exc:
            log.warning("no room for the %d-byte reserve beside the archive (%s): a full disk may leave "
                        "this run unrecorded", self.size, exc)
            self.release()
            return False

    def release(self) -> None:
        """Give the space back (before the run's end is written)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not delete %s: %s", self.path, exc)
