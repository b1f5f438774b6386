"""Redirect chains: the evidence of a response reached through 3xx answers.

```
posting URL ──302──► https://host/ ──200──►  final record (versions/checks/attachments .warc_file/.warc_offset)
   hop 0: redirect_hops(url=posting URL, location=https://host/, warc_file, warc_offset, raw_sha256)
```
A row's own WARC reference is its final response; ``redirect_hops`` holds the answers before it, in
order.  ``archive.verify`` checks each hop's record and that the chain is unbroken (hop 0 is the row's
URL, each hop's location is the next hop's URL, the last location is the final record's target).
"""
from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable
from typing import Any

from archive.models import RedirectHop

HOP_COLUMNS = "id, document_id, row_table, row_id, hop, url, http_status, location, raw_sha256, warc_file, warc_offset"


def record_hops(conn: sqlite3.Connection, document_id: int | None, table: str, row_id: int,
                hops: Iterable[RedirectHop]) -> None:
    """Store the redirect chain that led to the response of ``table`` row ``row_id`` (caller's transaction)."""
    conn.executemany(
        "INSERT OR IGNORE INTO redirect_hops (document_id, row_table, row_id, hop, url, http_status, location,"
        " raw_sha256, warc_file, warc_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(document_id, table, row_id, n, h.url, h.http_status, h.location, h.raw_sha256,
          h.warc.file if h.warc else None, h.warc.offset if h.warc else None) for n, h in enumerate(hops)])


def load_hops(conn: sqlite3.Connection, document_ids: list[int] | None = None) -> dict[tuple[str, int], list[dict]]:
    """``(row_table, row_id) -> [hop rows in order]`` for the given postings (all when None)."""
    where, params = "", []
    if document_ids:
        where, params = f" WHERE document_id IN ({', '.join('?' * len(document_ids))})", list(document_ids)
    cur = conn.execute(f"SELECT {HOP_COLUMNS} FROM redirect_hops{where} ORDER BY row_table, row_id, hop", params)
    cols = [c[0] for c in cur.description]
    chains: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for values in cur:
        row = dict(zip(cols, values))
        chains.setdefault((row["row_table"], row["row_id"]), []).append(row)
    return chains


def chain_breaks(start_url: str, hops: list[dict[str, Any]]) -> str | None:
    """Why a stored chain does not lead from ``start_url`` hop by hop, or None when it does."""
    if hops[0]["url"] != start_url:
        return f"the redirect chain starts at {hops[0]['url']}, not {start_url}"
    for before, after in itertools.pairwise(hops):
        if before["location"] != after["url"]:
            return f"redirect hop {before['hop']} leads to {before['location']}, but hop {after['hop']} is {after['url']}"
    return None
