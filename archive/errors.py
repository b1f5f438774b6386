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


class InvalidParameterError(ArchiveError, ValueError):
    """A date, region, site, type or other filter that is not valid; the message names what is.

    ``name`` is the parameter (``since``, ``region`` …), ``value`` what was given, ``valid`` the accepted
    values when they can be listed (empty for a date: ``expected`` says the form)."""

    def __init__(self, name: str, value: str, message: str, *, valid: list[str] | None = None) -> None:
        self.name, self.value, self.valid = name, value, list(valid or [])
        super().__init__(message)


class ArchiveUnusableError(ArchiveError):
    """The archive file cannot be used as asked; the message names the file and what to do.

    ``exit_code`` is the command's exit status (docs/operations.md, "Exit codes"); the file is never touched.
    """

    exit_code = 65

    def __init__(self, path: object, problem: str, fix: str) -> None:
        self.path, self.problem, self.fix = str(path), problem, fix
        super().__init__(f"{self.path}: {problem}; {fix}")


class ArchiveCorruptError(ArchiveUnusableError):
    """Not an SQLite database, truncated or malformed (EX_DATAERR)."""

    exit_code = 65


class ArchiveMissingError(ArchiveUnusableError):
    """No archive at the path, or an empty file, for a command that reads one (EX_NOINPUT)."""

    exit_code = 66


class ArchiveReadOnlyError(ArchiveUnusableError):
    """A command that writes was given an archive it cannot write (read-only media or permissions; EX_CANTCREAT)."""

    exit_code = 73


class ArchiveBusyError(ArchiveUnusableError):
    """SQLite stayed locked by another writer beyond the busy timeout and the retries (EX_TEMPFAIL)."""

    exit_code = 75


class ArchiveOutdatedError(ArchiveUnusableError):
    """A reader was given an archive whose schema is older than the code: a writer must migrate it (EX_CONFIG)."""

    exit_code = 78


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


class ChainKeyError(ArchiveError):
    """The chain's signing key cannot be created or used (one exists already, or it is not Ed25519)."""
