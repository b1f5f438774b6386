"""Named exceptions of ``archive.ops``; the scheduler and the CLI translate them at the edges."""
from __future__ import annotations

import re
from pathlib import Path

from archive.errors import ArchiveError


class OpsError(ArchiveError):
    """Base class for operations errors."""


class ConfigError(OpsError):
    """The schedule file or a DUCHA_* variable is invalid; the message says which key and why."""


class CrawlLockBusy(OpsError):
    """Another crawl (or scheduler) holds the lock."""

    def __init__(self, path: str | Path, holder: str = "") -> None:
        self.path = Path(path)
        self.holder = holder
        who = f" ({holder})" if holder else ""
        super().__init__(f"{self.path} is locked by another process{who}: a crawl is already running")

    @property
    def pid(self) -> int | None:
        """The holder's process id, as its lock file names it (``pid N since …``), or None."""
        found = re.match(r"pid (\d+)", self.holder)
        return int(found.group(1)) if found else None


class AlertError(OpsError):
    """An alert could not be delivered on a channel."""


class EngineUnreachable(OpsError):
    """The engine named by ``--broker`` / ``DUCHA_BROKER`` (Redis) cannot be reached; the message says where."""
