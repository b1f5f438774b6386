"""Named exceptions of the archive library; the CLI and pipelines translate them at the edges."""
from __future__ import annotations

import errno
import sqlite3


class ArchiveError(Exception):
    """Base class for every error the archive library raises on purpose."""


class UnknownRunError(ArchiveError, LookupError):
    """A run id that is not in the ``runs`` table."""


class UnknownDocumentError(ArchiveError, LookupError):
    """A document id (or URL) that is not in the ``documents`` table."""


class WarcError(ArchiveError):
    """A WARC record could not be written or read back."""


class EvidenceError(ArchiveError):
    """An evidence package could not be assembled (missing WARC file, digest mismatch, …)."""


class UnknownRegionError(ArchiveError, ValueError):
    """A region that matches no watched site; the message lists the valid ones."""

    def __init__(self, region: str, valid: list[str]) -> None:
        self.region, self.valid = region, valid
        super().__init__(f"unknown region {region!r}; valid regions: {', '.join(valid) or '(no sites yet)'}")


class ArchiveFullError(ArchiveError, OSError):
    """The disk (or the archive's size limit) is full: nothing more can be written."""


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or an exception it was raised from) is a full disk: SQLite's SQLITE_FULL or ENOSPC."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, ArchiveFullError):
            return True
        if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            return True
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False
