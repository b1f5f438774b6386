"""ASGI wrapper: every filter of a list, search, feed, export or ledger page is checked before it runs.

Datasette runs a canned query with whatever its parameters say, and SQLite compares ``'2026/10/01'``
or ``'garbage'`` with dates as text: a bad ``until`` was ignored, a bad ``since`` gave 0 rows, a bad
``as_of`` counted the wrong tasks as overdue.  This wrapper sits in front of Datasette and checks, with
``archive.validate.check_params``, the parameters of

* a canned query that declares them (``/archive/search``, ``/archive/latest.json``,
  ``/archive/feed_new.atom`` …): only the query's own ``params`` are read;
* the CSV export ``/-/ducha/csv/{query}`` (same parameters as its query);
* the ledger pages ``/-/ducha/ledger…`` (``as_of``; ``region`` on the index and the scorecard).

A bad value answers HTTP 400 before any SQL runs: a Chinese (and English) message naming what is valid,
as JSON ``{"ok": false, "error", "parameter", "valid"}`` for ``.json`` (plus ``valid_regions`` for a
region, as before), plain text for ``.csv`` / ``.atom`` / the CSV export, a small HTML page otherwise.
"""
from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from archive.errors import InvalidParameterError
from archive.validate import check_params, vocabulary
from archive.web.furniture import LEDGER_QUERY_PREFIXES

log = logging.getLogger(__name__)

_QUERY_PATH = re.compile(r"^/(?P<db>[^/.]+)/(?P<name>[^/.]+)(?:\.(?P<ext>json|csv|atom))?$")
_EXPORT_PATH = re.compile(r"^/-/ducha/csv/(?P<name>[^/.]+)$")
_LEDGER_PATH = re.compile(r"^/-/ducha/ledger(?P<rest>/[^/]+)?$")
#: Parameters any text is valid for (the search words).
FREE_TEXT = {"q"}


def _declared(datasette: Any, database: str, name: str) -> list[str] | None:
    """The ``params`` of canned query ``name`` of ``database`` (None: no such query)."""
    queries = (datasette.metadata(database=database) or {}).get("queries") or {}
    query = queries.get(name)
    return list(query.get("params") or []) if isinstance(query, dict) else None


def _target(datasette: Any, path: str) -> tuple[str, str, list[str], str] | None:
    """(database, query or page name, parameters to check, output kind) of a request, or None."""
    from archive.web.pages import database_name

    if (match := _QUERY_PATH.match(path)) and match["db"] in datasette.databases:
        declared = _declared(datasette, match["db"], match["name"])
        if declared:
            return match["db"], match["name"], declared, match["ext"] or "html"
    if match := _EXPORT_PATH.match(path):
        db = database_name(datasette)
        declared = _declared(datasette, db, match["name"])
        if declared:
            return db, match["name"], declared, "csv"
    if match := _LEDGER_PATH.match(path):
        plan_page = bool(match["rest"]) and match["rest"] != "/scorecard"
        return database_name(datasette), "ledger", ["as_of"] if plan_page else ["as_of", "region"], "html"
    return None


def error_body(error: InvalidParameterError, kind: str) -> tuple[bytes, bytes]:
    """(body, content type) of the 400 answer for ``kind`` ``json`` / ``csv`` / ``atom`` / ``html``."""
    if kind == "json":
        data: dict[str, Any] = {"ok": False, "error": str(error), "parameter": error.name, "valid": error.valid}
        if error.name == "region":
            data["valid_regions"] = error.valid
        return json.dumps(data, ensure_ascii=False).encode(), b"application/json; charset=utf-8"
    if kind in ("csv", "atom"):
        return str(error).encode(), b"text/plain; charset=utf-8"
    page = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>参数有误 · 督察公示存档</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>'
            f'<h1>参数有误 Bad parameter</h1><p class="message-error">{html.escape(str(error))}</p>'
            '<p>请返回上一页修改后重试。 Go back, correct it and try again.</p></body></html>')
    return page.encode(), b"text/html; charset=utf-8"


def params_guard(datasette: Any) -> Callable[[Any], Any]:
    """The ASGI wrapper (see the module docstring)."""

    def wrap(app: Any) -> Any:
        async def guarded(scope: dict, receive: Any, send: Any) -> None:
            target = _target(datasette, scope.get("path", "")) if scope.get("type") == "http" else None
            if target is not None and scope.get("query_string"):
                database, name, declared, kind = target
                args = dict(parse_qsl(scope["query_string"].decode("utf-8", "replace"), keep_blank_values=True))
                given = {k: v for k, v in args.items() if k in declared and k not in FREE_TEXT and v.strip()}
                if given and database in datasette.databases:
                    ledger = name.startswith(LEDGER_QUERY_PREFIXES) or name == "ledger"
                    vocab = await datasette.get_database(database).execute_fn(
                        lambda conn: vocabulary(conn, ledger=ledger))
                    try:
                        check_params(given, vocab)
                    except InvalidParameterError as exc:
                        log.info("refused %s: %s", scope.get("path"), exc)
                        body, content_type = error_body(exc, kind)
                        await send({"type": "http.response.start", "status": 400,
                                    "headers": [(b"content-type", content_type),
                                                (b"content-length", str(len(body)).encode())]})
                        await send({"type": "http.response.body", "body": body})
                        return
            await app(scope, receive, send)

        return guarded

    return wrap
