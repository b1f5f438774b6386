"""Opening the archive from ops code: a path or an open ``sqlite_utils.Database``.

Writers (``write=True``, the default: run bookkeeping, health checks, alerts) get the schema ensured;
readers (``write=False``: ``ducha status``, ``ducha runs``) a read-only connection that changes nothing
(``archive.opening.connect_read``).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from archive.opening import BUSY_TIMEOUT_S, check_writable, connect_read, translate
from archive.ops.config import DEFAULT_TIMEZONE
from archive.schema import ensure_schema

SHANGHAI = ZoneInfo(DEFAULT_TIMEZONE)
DbLike = Database | str | Path


@contextmanager
def opened(db: DbLike, *, write: bool = True) -> Iterator[Database]:
    """Yield a ``Database`` for ``db``; close it afterwards only if we opened it.

    ``write=True``: schema ensured (created if missing); ``write=False``: read-only, the archive must exist
    and be current (``ArchiveMissingError`` / ``ArchiveCorruptError`` / ``ArchiveOutdatedError`` otherwise).
    """
    if isinstance(db, Database):
        yield db
        return
    if not write:
        conn = connect_read(db)
        try:
            yield Database(conn, execute_plugins=False, recursive_triggers=False)
        finally:
            conn.close()
        return
    check_writable(db)
    handle = Database(Path(db))
    handle.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    try:
        try:
            ensure_schema(handle)
        except sqlite3.Error as exc:
            raise (translate(exc, db) or exc) from exc
        yield handle
    finally:
        handle.close()


def iso(now: datetime | str | None = None) -> str:
    """``now`` (default: the current time in Asia/Shanghai) as ISO 8601 with offset, to the second."""
    if isinstance(now, str):
        return now
    value = now or datetime.now(SHANGHAI)
    if value.tzinfo is None:
        value = value.replace(tzinfo=SHANGHAI)
    return value.isoformat(timespec="seconds")


def parse(value: str) -> datetime:
    """Parse an ISO timestamp from the archive (naive values are taken as Asia/Shanghai)."""
    result = datetime.fromisoformat(value)
    return result if result.tzinfo else result.replace(tzinfo=SHANGHAI)
