"""Opening the archive from ops code: a path or an open ``sqlite_utils.Database``, schema ensured."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from archive.ops.config import DEFAULT_TIMEZONE
from archive.schema import ensure_schema

SHANGHAI = ZoneInfo(DEFAULT_TIMEZONE)
DbLike = Database | str | Path


@contextmanager
def opened(db: DbLike) -> Iterator[Database]:
    """Yield a ``Database`` for ``db`` (schema ensured); close it afterwards only if we opened it."""
    if isinstance(db, Database):
        yield db
        return
    handle = Database(Path(db))
    handle.conn.execute("PRAGMA busy_timeout = 30000")
    try:
        ensure_schema(handle)
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
