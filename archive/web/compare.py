"""``/-/ducha/timeliness``: the per-region comparison, ready to screenshot (no script: CSS bars).

One bar per region: the median days from the claimed publish date to first seen, with n (the
postings it is computed from) beside it, sorted from the slowest; regions without a figure last,
marked 无数据.  The figures are ``archive.timeliness.summary`` — the same as ``ducha report timeliness``.
"""
from __future__ import annotations

from typing import Any

from datasette.utils.asgi import Response

from archive.timeliness.summary import summary_sql

SQL = summary_sql(("region",), order="median_posting_lag_days IS NULL, median_posting_lag_days DESC, agg.region")


def bars(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with ``percent``: the bar's share of its cell, proportional to the median (the largest gets 60 %,
    leaving room for the figures beside it; at least 1 % when above 0)."""
    top = max((r["median_posting_lag_days"] or 0 for r in rows), default=0)
    out = []
    for r in rows:
        median = r["median_posting_lag_days"]
        percent = 0.0 if not median or not top else max(1.0, round(60 * median / top, 1))
        out.append({**r, "percent": percent})
    return out


async def timeliness_page(datasette: Any, request: Any) -> Response:
    """Render the comparison page."""
    from archive.web.pages import _secure, database_name

    db_name = database_name(datasette)
    db = datasette.get_database(db_name)
    rows = [dict(r) for r in (await db.execute(SQL)).rows] if await db.table_exists("timeliness") else []
    html = await datasette.render_template("ducha_timeliness.html", {"rows": bars(rows), "database": db_name},
                                           request=request)
    return _secure(Response.html(html))
