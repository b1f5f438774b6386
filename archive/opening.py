"""Opening the archive file: one path for every command, reader or writer.

```
path ─check_file─► missing / empty      → ArchiveMissingError   (readers; a writer creates the file)
                    not SQLite / cut    → ArchiveCorruptError   (header and size, before SQLite touches it)
     ─connect_read─► file:…?mode=ro (immutable=1 when the file or folder cannot be written)
                    schema older        → ArchiveOutdatedError  (a writer must migrate it first)
     ─check_writable─► read-only media  → ArchiveReadOnlyError  (writers only)
any sqlite3 error later ─translate─► the same named errors (locked → ArchiveBusyError)
```

Readers (status, runs, reports, verify, evidence, serve) take no write lock and change no byte of the
archive: they never migrate it, never flush the search queue (that is the writer's job, inside its write
transaction) and work on read-only media.  A reader given an archive whose schema is older than the code
says so and names the command that migrates it (``ducha migrate``).
"""
from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from archive.errors import (
    ArchiveBusyError,
    ArchiveCorruptError,
    ArchiveError,
    ArchiveMissingError,
    ArchiveOutdatedError,
    ArchiveReadOnlyError,
)

log = logging.getLogger(__name__)

#: How long a connection waits for another connection's write lock (readers never take one).
BUSY_TIMEOUT_S = 60.0
_MAGIC = b"SQLite format 3\x00"
RESTORE = ("the file was left as it is: restore it from a backup, or move it away and let `ducha crawl` "
           "start a new archive")
CREATE = "run `ducha crawl` (or `ducha demo`) to create one, or pass --db PATH / set DUCHA_DB"
MIGRATE = "a writer must migrate it first: run `ducha migrate --db {path}` (or let the next crawl do it)"
WRITE_ELSEWHERE = ("this command writes to the archive: run it where the file and its folder are writable "
                   "(status, runs, report, verify, evidence and serve work on read-only media)")


def _open_in_this_process(st: os.stat_result) -> bool:
    """Whether this process already holds a descriptor of the file ``st`` describes (True when it cannot tell).

    Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's included: a
    header read with a plain ``open()`` beside an open connection, then closed, let another process checkpoint
    and delete the WAL under that connection (committed rows lost, "disk I/O error" afterwards)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return True
    for entry in os.listdir(fds):
        try:
            other = os.stat(fds / entry)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def check_file(path: str | Path, *, must_exist: bool = True) -> bool:
    """Raise the named error if ``path`` is not a usable archive file; False when there is none (yet).

    Reads the 100-byte header only: an SQLite file whose size does not match the page count its header
    records (and no ``-wal`` beside it holding the rest) was cut short.
    """
    p = Path(path)
    if not p.exists():
        if must_exist:
            raise ArchiveMissingError(p, "no archive here", CREATE)
        return False
    if p.is_dir():
        raise ArchiveCorruptError(p, "is a folder, not an archive file", "pass the archive file with --db PATH")
    try:
        st = p.stat()
        if st.st_size and _open_in_this_process(st):
            return True  # SQLite has it open here already (it reports damage itself); a plain read would unlock it
        size, header, live = _look(p)
    except OSError as exc:
        raise ArchiveMissingError(p, f"cannot be read ({exc.strerror})", "check the file's permissions") from exc
    if size == 0:
        if must_exist:
            raise ArchiveMissingError(p, "is an empty file, not an archive yet", CREATE)
        return False
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise ArchiveCorruptError(p, "is not an SQLite database (a Ducha archive is one)", RESTORE)
    for _ in range(_LOOKS):
        if not _short(size, header, live):
            return True
        # a writer closing its connection checkpoints (the header first, then the pages that extend the file) and
        # then deletes its WAL: a look that straddles that sees a header ahead of the size and no WAL any more.  A
        # file at rest looks the same twice; only then is it judged truncated (never cry wolf)
        again = _look(p)
        if again == (size, header, live):
            page_size, pages = _recorded(header)
            raise ArchiveCorruptError(
                p, f"is truncated ({size} bytes; its header records {pages} pages of {page_size} bytes)", RESTORE)
        size, header, live = again
    return True


#: how many looks at a file that seems cut short before it is judged (each pair of equal looks decides)
_LOOKS = 5


def _look(p: Path) -> tuple[int, bytes, bool]:
    """(size, first 100 bytes, whether a -wal or -shm is beside it), the size taken after the header is read."""
    with open(p, "rb") as fh:
        header = fh.read(100)
        size = os.fstat(fh.fileno()).st_size
    live = p.with_name(p.name + "-wal").exists() or p.with_name(p.name + "-shm").exists()
    return size, header, live


def _recorded(header: bytes) -> tuple[int, int]:
    """(page size, page count) an SQLite header records."""
    page_size = int.from_bytes(header[16:18], "big")
    return (65536 if page_size == 1 else page_size), int.from_bytes(header[28:32], "big")


def _short(size: int, header: bytes, live: bool) -> bool:
    """Whether a file of ``size`` bytes is shorter than its header records.  A live archive (a -wal or -shm beside
    it) can be seen mid-checkpoint with its header ahead of its size, or its WAL just cut back to nothing: only a
    file at rest is judged."""
    page_size, pages = _recorded(header)
    count_valid = header[24:28] == header[92:96]
    return page_size < 512 or bool(size % page_size) or (count_valid and not live and size < pages * page_size)


def writable(path: str | Path) -> bool:
    """Whether this process may write ``path`` and create files beside it (False on read-only media)."""
    p = Path(path).absolute()
    folder = p.parent
    while not folder.exists() and folder != folder.parent:  # a crawl creates missing folders
        folder = folder.parent
    return os.access(folder, os.W_OK) and (not p.exists() or os.access(p, os.W_OK))


def check_writable(path: str | Path) -> bool:
    """For a command that writes: ``check_file`` (a missing file is fine, it will be created), then raise
    ``ArchiveReadOnlyError`` when the file or its folder cannot be written.  Returns whether it exists."""
    exists = check_file(path, must_exist=False)
    if not writable(path):
        raise ArchiveReadOnlyError(path, "cannot be written (read-only media or permissions)", WRITE_ELSEWHERE)
    return exists


def connect_read(path: str | Path, *, current: bool = True) -> sqlite3.Connection:
    """A read-only connection to the archive at ``path``: it takes no write lock and changes nothing.

    ``mode=ro``; where the file or its folder cannot be written (read-only media) ``immutable=1``, since
    nobody can change it there.  ``current``: raise ``ArchiveOutdatedError`` when the schema is older than
    the code (``pending_migrations``).  Raises the named errors of ``check_file`` and ``translate``.
    """
    check_file(path)
    resolved = Path(path).resolve()
    modes = ["mode=ro", "immutable=1"] if writable(resolved) else ["immutable=1"]
    for attempt, mode in enumerate(modes):
        if mode == "immutable=1" and resolved.with_name(resolved.name + "-wal").exists():
            log.warning("%s-wal exists but cannot be read on read-only media: its changes are not seen", resolved)
        conn = sqlite3.connect(f"file:{resolved}?{mode}", uri=True, timeout=BUSY_TIMEOUT_S,
                               check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if current:
                missing = pending_migrations(conn)
                if missing:
                    raise ArchiveOutdatedError(resolved, "its schema is older than this version of ducha "
                                               f"(pending: {', '.join(missing)})", MIGRATE.format(path=path))
            return conn
        except sqlite3.Error as exc:
            conn.close()
            error = translate(exc, path)
            if isinstance(error, ArchiveReadOnlyError) and attempt + 1 < len(modes):
                continue  # the -shm could not be created: read the file as it is
            raise (error or exc) from exc
        except ArchiveError:
            conn.close()
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """Migrations of ``archive.schema`` not applied to this archive, and an unfinished search re-index.

    Raises ``ArchiveCorruptError`` for an SQLite file that is not a Ducha archive at all.
    """
    from sqlite_utils import Database

    from archive.schema import migration_sets
    from archive.search import REINDEX_STATE

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    if "_sqlite_migrations" not in tables:
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        raise ArchiveCorruptError(path, "is an SQLite database but not a Ducha archive (no migrations recorded)",
                                  "pass the archive file with --db PATH")
    db = Database(conn, execute_plugins=False, recursive_triggers=False)
    missing = [f"{m.name}/{step.name}" for m in migration_sets() for step in m.pending(db)]
    if REINDEX_STATE in tables:
        missing.append("search re-index")
    return missing


def translate(exc: BaseException, path: str | Path | None) -> ArchiveError | None:
    """The named archive error an ``sqlite3`` error stands for (``None``: not a problem of the file)."""
    if not isinstance(exc, sqlite3.Error) or path is None:
        return None
    name, text = getattr(exc, "sqlite_errorname", "") or "", str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return ArchiveBusyError(path, f"stayed locked by another writer ({text})",
                                "try again when the running crawl or scheduler step has finished")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text:
        return ArchiveCorruptError(path, f"is damaged ({text})", RESTORE)
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly" in text or "unable to open" in text:
        return ArchiveReadOnlyError(path, f"cannot be opened for writing ({text})", WRITE_ELSEWHERE)
    return None
