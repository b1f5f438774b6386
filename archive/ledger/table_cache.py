"""Tables already read, by the digest of the bytes they were read from (``file_tables``).

Reading a PDF's tables is the ledger's slowest step (pdfplumber's layout analysis, pure Python), so a file's
grids are kept once read: the crawl reads the tables of plan and progress postings — their pages and their
attachments — in its attachment workers while it fetches them (``spiders.attachments``), a build reads what
is missing and keeps it, and no build reads the same bytes again.  Rows are keyed by the readers' version
(``reader_version``): a change in the readers leaves the old rows unread, and the files are read anew.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from archive.ledger.tables import READER_VERSION, TABLE_KINDS, Grid

#: Postings whose files' tables the ledger reads (``archive.ledger.build``: plans, and progress reports).
TABLE_DOC_TYPES = frozenset({"rectification_plan", "rectification_progress"})


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Our readers' version with the PDF library's (another pdfplumber may cut cells otherwise)."""
    try:
        plumber = version("pdfplumber")
    except PackageNotFoundError:
        plumber = "none"
    return f"{READER_VERSION}; pdfplumber {plumber}"


def save(conn: sqlite3.Connection, sha256: str, kind: str, grids: list[Grid], *, at: str | None = None) -> None:
    """Keep the grids read from the bytes with digest ``sha256`` by the reader of ``kind`` (caller's transaction)."""
    if kind not in TABLE_KINDS:
        return
    conn.execute("INSERT OR IGNORE INTO file_tables (sha256, kind, reader, grids, computed_at) VALUES (?, ?, ?, ?, ?)",
                 (sha256, kind, reader_version(), json.dumps(grids, ensure_ascii=False), at))


def load(conn: sqlite3.Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Grid]]:
    """Grids kept for these (sha256, kind) pairs by the current readers; pairs never read are left out."""
    wanted = {k for k in keys if k[0] and k[1] in TABLE_KINDS}
    digests = sorted({sha for sha, _ in wanted})
    found: dict[tuple[str, str], list[Grid]] = {}
    for start in range(0, len(digests), 400):  # SQLite's limit on bound parameters
        part = digests[start:start + 400]
        for sha, kind, grids in conn.execute(
                f"SELECT sha256, kind, grids FROM file_tables WHERE reader = ? AND sha256 IN ({','.join('?' * len(part))})",
                [reader_version(), *part]):
            if (sha, kind) in wanted:
                found[(sha, kind)] = json.loads(grids)
    return found
