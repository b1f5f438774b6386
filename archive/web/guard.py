"""ASGI guard around the whole Datasette app: headers on every page, a small budget for arbitrary SQL,
and clean 4xx answers for hostile query strings.

* **Headers.** Every response gets ``X-Content-Type-Options: nosniff``, ``Referrer-Policy:
  no-referrer``, ``X-Frame-Options: DENY`` and a Content-Security-Policy (the project's own pages set
  their stricter one; Datasette's pages need their inline scripts, so theirs allows inline script but
  no script from elsewhere, no objects, no ``<base>``, no framing).
* **Arbitrary SQL** (``?sql=`` on a database) gets its own budget, apart from the pages: at most
  ``SQL_CONCURRENCY`` such queries at once (others answer 429 with ``Retry-After``), each limited to
  ``SQL_TIME_LIMIT_MS`` (Datasette's ``_timelimit`` can only lower the server's limit).  Four slow
  queries used to fill Datasette's SQL threads and make a document page wait 2.9 s.
* **Hostile query strings.** ``_sort``/``_sort_desc`` naming no column of the table answer 400
  (Datasette raised a 500).
"""
from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

log = logging.getLogger(__name__)

SQL_CONCURRENCY = 1
SQL_TIME_LIMIT_MS = 1000
DATASETTE_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                 "form-action 'self'")
_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"), (b"content-security-policy", DATASETTE_CSP.encode()))
_TABLE_PATH = re.compile(r"^/(?P<db>[^/.]+)/(?P<table>[^/.]+)(?:\.json|\.csv|\.atom)?$")
_DB_PATH = re.compile(r"^/(?P<db>[^/.]+)(?:\.json|\.csv)?$")
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]


def _with_headers(send: Send) -> Send:
    async def wrapped(message: dict) -> None:
        if message.get("type") == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            message = {**message, "headers": [*message.get("headers", []),
                                              *[(k, v) for k, v in _HEADERS if k not in present]]}
        await send(message)
    return wrapped


async def _plain(send: Send, status: int, text: str, extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The ASGI wrapper (see the module docstring); ``columns(db, table)`` lists a table's columns."""

    def __init__(self, app: Any, datasette: Any, *, concurrency: int = SQL_CONCURRENCY,
                 time_limit_ms: int = SQL_TIME_LIMIT_MS) -> None:
        self.app = app
        self.datasette = datasette
        self.time_limit_ms = time_limit_ms
        self.slots = asyncio.Semaphore(concurrency)
        self.refused = 0

    async def _columns(self, db: str, table: str) -> set[str] | None:
        if db not in self.datasette.databases:
            return None
        try:
            database = self.datasette.get_database(db)
            if not await database.table_exists(table) and table not in await database.view_names():
                return None
            return set(await database.table_columns(table))
        except Exception:  # noqa: BLE001 - unknown tables are Datasette's to answer
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        path = scope.get("path", "")
        params = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        keys = {k for k, _ in params}
        table = _TABLE_PATH.match(path)
        if table and keys & {"_sort", "_sort_desc"} and not path.startswith("/-/"):
            columns = await self._columns(table["db"], table["table"])
            wanted = [v for k, v in params if k in ("_sort", "_sort_desc")]
            if columns is not None and any(v not in columns | {"rowid"} for v in wanted):
                await _plain(send, 400, f"cannot sort by {', '.join(wanted)}: no such column")
                return
        if "sql" in keys and _DB_PATH.match(path) and not path.startswith("/-/"):
            await self._sql(scope, receive, send, params)
            return
        await self.app(scope, receive, send)

    async def _sql(self, scope: Scope, receive: Receive, send: Send, params: list[tuple[str, str]]) -> None:
        """Arbitrary SQL: one slot of ``SQL_CONCURRENCY``, a ``_timelimit`` of at most ``time_limit_ms``."""
        if self.slots.locked():
            self.refused += 1
            await _plain(send, 429, "too many SQL queries at once; try again in a few seconds",
                         ((b"retry-after", b"2"),))
            return
        limit = min([self.time_limit_ms, *[int(v) for k, v in params if k == "_timelimit" and v.isdigit()]])
        query = urlencode([(k, v) for k, v in params if k != "_timelimit"] + [("_timelimit", str(limit))])
        async with self.slots:
            await self.app({**scope, "query_string": query.encode("latin-1", "replace")}, receive, send)
