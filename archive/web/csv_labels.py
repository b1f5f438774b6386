"""ASGI wrapper for Datasette's own ``.csv`` responses (tables, views, canned queries): a byte-order mark
(``archive.spreadsheet``) and a header row of Chinese labels (``archive.web.labels``), the header a
spreadsheet reader understands.  The rows are untouched, and the machine names stay in the JSON (and in the
CSV of arbitrary SQL, whose author chose them).

The header is the first line of the streamed body (Datasette writes it in its first chunk; chunks are
buffered until the line ends, to be safe).  A body that already starts with a byte-order mark is left alone.
"""
from __future__ import annotations

import csv
import io
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from archive.spreadsheet import BOM
from archive.web.labels import label

log = logging.getLogger(__name__)

Send = Callable[[dict], Awaitable[None]]


def labelled_header(line: str, table: str | None) -> str:
    """One CSV header line with each column name replaced by its label (line end kept)."""
    body = line.rstrip("\r\n")
    names = next(csv.reader([body]), [])
    out = io.StringIO()
    csv.writer(out, lineterminator=line[len(body):]).writerow([label(n, table) for n in names])
    return out.getvalue()


def _name(path: str) -> str | None:
    """``table`` (or query name) of ``/db/table.csv``."""
    parts = path.strip("/").split("/")
    return parts[1].removesuffix(".csv") if len(parts) == 2 else None


def spreadsheet_csv(app: Any) -> Any:
    """Wrap ``app`` so its ``.csv`` responses carry a BOM and Chinese column labels."""

    async def wrapped(scope: dict, receive: Any, send: Send) -> None:
        path = scope.get("path", "") if scope.get("type") == "http" else ""
        if not path.endswith(".csv") or path.startswith("/-/"):
            await app(scope, receive, send)
            return
        table = _name(path)
        state: dict[str, Any] = {"csv": False, "pending": b"", "done": False}

        async def relabel(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                state["csv"] = message.get("status") == 200  # Datasette answers errors with other statuses
                if state["csv"]:  # the body grows: let the server frame it
                    message = {**message, "headers": [(k, v) for k, v in headers if k.lower() != b"content-length"]}
                await send(message)
                return
            if not state["csv"] or state["done"]:
                await send(message)
                return
            data = state["pending"] + message.get("body", b"")
            more = message.get("more_body", False)
            if b"\n" not in data and more:
                state["pending"] = data
                return
            state["done"] = True
            text = data.decode("utf-8", errors="surrogateescape")
            if not text.startswith(BOM):
                head, newline, rest = text.partition("\n")
                # arbitrary SQL (``/db.csv?sql=``) keeps the names its author wrote; only the BOM is added
                text = BOM + (labelled_header(head + newline, table) if table else head + newline) + rest
            await send({**message, "body": text.encode("utf-8", errors="surrogateescape")})

        await app(scope, receive, relabel)

    return wrapped
