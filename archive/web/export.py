"""``/-/ducha/csv/{query}``: a canned query as a CSV file Excel opens correctly ("下载 CSV（Excel）").

* UTF-8 with a byte-order mark (Excel on Windows reads BOM-less UTF-8 as the local code page);
* every row: the query's final ``LIMIT`` is dropped, a paged query (the search) uses its metadata's
  ``ducha_export_sql`` (every match, in the pages' order), and nothing is truncated;
* any size: the query runs once in Datasette's read thread, writing the rows in batches to a spooled
  temporary file (memory up to ``SPOOL_BYTES``, disk beyond), which is then streamed to the reader;
* plain text: highlight and diff markup becomes text (``<ins>x</ins>`` → ``【+x】``, ``<del>`` → ``【-…】``,
  ``<mark>`` dropped);
* ``原文地址`` (the original URL) and ``存档页`` (our permalink) for every row with a ``document_link``;
* ``Content-Disposition: attachment`` so the browser saves it instead of showing text.

Only the canned queries of the metadata can be exported, with their own named parameters (checked by
``archive.web.params`` before this runs).
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import logging
import re
import sqlite3
import tempfile
from typing import IO, Any

import nh3
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import AsgiStream, Response

log = logging.getLogger(__name__)

BOM = "\ufeff"
#: Rows fetched and written at a time; text kept in memory before the spool moves to disk; chunk sent.
BATCH = 1000
SPOOL_BYTES = 8 * 1024 * 1024
CHUNK_CHARS = 64 * 1024
#: An export reads every row: its own time budget (Datasette's page limit is a second or so).
EXPORT_TIME_LIMIT_MS = 120_000
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


def write_csv(conn: sqlite3.Connection, sql: str, params: dict[str, str], out: IO[str], permalink: str) -> int:
    """Run ``sql`` once and write every row to ``out`` as Excel CSV (BOM, CRLF), ``BATCH`` rows at a time, with
    ``原文地址`` / ``存档页`` (``permalink`` + id) after a ``document_link`` column.  Returns the rows written."""
    cursor = conn.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    linked = "document_link" in columns
    names = [*columns, "原文地址", "存档页"] if linked else columns
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    written = 0
    while batch := cursor.fetchmany(BATCH):
        rows = [dict(zip(columns, values, strict=True)) for values in batch]
        if linked:
            ids = sorted({int(r["document_link"]) for r in rows if r["document_link"] is not None})
            urls = dict(conn.execute(f"SELECT id, url FROM documents WHERE id IN ({','.join('?' * len(ids))})",
                                     ids).fetchall()) if ids else {}
            for r in rows:
                doc_id = r["document_link"]
                r["原文地址"] = urls.get(int(doc_id)) if doc_id is not None else None
                r["存档页"] = f"{permalink}{doc_id}" if doc_id is not None else None
        writer.writerows(["" if r.get(c) is None else plain_text(r[c]) for c in names] for r in rows)
        written += len(rows)
    return written


async def csv_export(datasette: Any, request: Any) -> Response | AsgiStream:
    """Run the named canned query with the request's parameters and stream every row as a CSV download."""
    from archive.web.pages import _not_found, database_name

    name = request.url_vars["name"]
    db_name = database_name(datasette)
    queries = (datasette.metadata(database=db_name) or {}).get("queries") or {}
    query = queries.get(name)
    if not isinstance(query, dict) or not query.get("sql"):
        return _not_found(f"no list called {name}")
    params = {p: request.args.get(p) or "" for p in query.get("params") or []}
    sql = query.get("ducha_export_sql") or all_rows_sql(query["sql"])
    permalink = datasette.absolute_url(request, datasette.urls.path("/-/ducha/document/"))
    limit_ms = max(datasette.setting("sql_time_limit_ms"), EXPORT_TIME_LIMIT_MS)
    spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by the stream (or on an error)
        max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")

    def run(conn: sqlite3.Connection) -> int:
        with sqlite_timelimit(conn, limit_ms):
            return write_csv(conn, sql, params, spool, permalink)

    try:
        count = await datasette.get_database(db_name).execute_fn(run)
    except Exception:
        spool.close()
        raise
    log.info("CSV export %s: %d rows", name, count)
    spool.seek(0)

    async def stream(writer: Any) -> None:
        try:
            while chunk := spool.read(CHUNK_CHARS):
                await writer.write(chunk)
        finally:
            spool.close()

    today = dt.datetime.now(CHINA).date().isoformat()  # the date in China, as the lists' "today"
    filename = f"ducha-{name}-{today}.csv"
    return AsgiStream(stream, content_type="text/csv; charset=utf-8",
                      headers={"Content-Disposition": f'attachment; filename="{filename}"',
                               "X-Content-Type-Options": "nosniff", "X-Ducha-Rows": str(count)})
