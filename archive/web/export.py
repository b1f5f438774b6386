"""``/-/ducha/csv/{query}``: a canned query as a CSV file Excel opens correctly ("下载 CSV（Excel）").

* UTF-8 with a byte-order mark (Excel on Windows reads BOM-less UTF-8 as the local code page);
* every row: the query's final ``LIMIT`` is dropped and nothing is truncated;
* plain text: highlight and diff markup becomes text (``<ins>x</ins>`` → ``【+x】``, ``<del>`` → ``【-…】``,
  ``<mark>`` dropped);
* ``原文地址`` (the original URL) and ``存档页`` (our permalink) for every row with a ``document_link``;
* ``Content-Disposition: attachment`` so the browser saves it instead of showing text.

Only the canned queries of the metadata can be exported, with their own named parameters.
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import logging
import re
from typing import Any

import nh3
from datasette.utils.asgi import Response

log = logging.getLogger(__name__)

BOM = "\ufeff"
CHINA = dt.timezone(dt.timedelta(hours=8))
_FINAL_LIMIT = re.compile(r"\s+LIMIT\s+\d+\s*$", re.IGNORECASE)
_INS = re.compile(r"<ins>(.*?)</ins>", re.DOTALL)
_DEL = re.compile(r"<del>(.*?)</del>", re.DOTALL)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def plain_text(value: Any) -> Any:
    """A cell without markup: insertions and deletions marked in brackets, everything else as text."""
    if not isinstance(value, str) or "<" not in value:
        return value
    text = _BR.sub("\n", _DEL.sub(r"【-\1】", _INS.sub(r"【+\1】", value)))
    return html.unescape(nh3.clean(text, tags=set()))


def all_rows_sql(sql: str) -> str:
    """The query without its final ``LIMIT n`` (a CSV export has every row)."""
    return _FINAL_LIMIT.sub("", sql.strip())


def to_csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """CSV text with a BOM, CRLF line ends (Excel's), every value as plain text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else plain_text(row.get(c)) for c in columns])
    return BOM + buffer.getvalue()


async def csv_export(datasette: Any, request: Any) -> Response:
    """Run the named canned query with the request's parameters and answer it as a CSV download."""
    from archive.web.pages import _not_found, database_name

    name = request.url_vars["name"]
    db_name = database_name(datasette)
    queries = (datasette.metadata(database=db_name) or {}).get("queries") or {}
    query = queries.get(name)
    if not isinstance(query, dict) or not query.get("sql"):
        return _not_found(f"no list called {name}")
    params = {p: request.args.get(p) or "" for p in query.get("params") or []}
    db = datasette.get_database(db_name)
    result = await db.execute(all_rows_sql(query["sql"]), params, truncate=False,
                              custom_time_limit=max(datasette.setting("sql_time_limit_ms"), 30_000))
    columns = list(result.columns)
    rows = [dict(zip(columns, row, strict=True)) for row in result.rows]
    if "document_link" in columns:
        ids = sorted({int(r["document_link"]) for r in rows if r.get("document_link") is not None})
        urls: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found = await db.execute(f"SELECT id, url FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                                     chunk)
            urls.update({r["id"]: r["url"] for r in found.rows})
        base = datasette.absolute_url(request, datasette.urls.path("/-/ducha/document/"))
        for r in rows:
            doc_id = r.get("document_link")
            r["原文地址"] = urls.get(int(doc_id)) if doc_id is not None else None
            r["存档页"] = f"{base}{doc_id}" if doc_id is not None else None
        columns += ["原文地址", "存档页"]
    log.info("CSV export %s: %d rows", name, len(rows))
    today = dt.datetime.now(CHINA).date().isoformat()  # the date in China, as the lists' "today"
    filename = f"ducha-{name}-{today}.csv"
    return Response(to_csv(columns, rows), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "X-Content-Type-Options": "nosniff"})
