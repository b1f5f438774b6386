"""The rectification ledger in Datasette: a page per plan, the ledger index and the per-region scorecard.

``/-/ducha/ledger`` — plans listed per region, then the orphan close-outs (plan not in the archive) per
inspection; ``/-/ducha/ledger/scorecard`` — per region: tasks, closed, in a close-out 公示 window, overdue,
median lateness, and per publishing body its close-outs (linked, across levels, orphans), with a chart drawn server-side as inline SVG
(``archive.web.charts``; no script: the pages run under the strict CSP of ``archive.web.pages``); ``/-/ducha/ledger/{id}`` —
the plan posted as document ``id`` (a posting's id is stable; ``plans.id`` is not) with every task,
its status and its close-out evidence.  All three take ``?as_of=YYYY-MM-DD`` (default: today in
China) and the index and scorecard ``?region=`` (a prefix: 四川省 includes its cities).

The rows are ``archive.ledger.view.plan_views`` — the same function behind ``ducha report ledger``.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import Any

from datasette.utils.asgi import Response

from archive.errors import InvalidParameterError, UnknownRegionError
from archive.ledger.closeouts import by_inspection, city_counts, orphan_closeouts, publisher_counts
from archive.ledger.view import as_of_date, check_region, plan_views, scorecard
from archive.validate import parse_date
from archive.web.charts import stacked_bars
from archive.web.document import safe_href

log = logging.getLogger(__name__)

STATUS_LABELS = {"open": "未销号", "closure_notice": "销号公示期内", "closed": "已销号", "ongoing": "长期坚持"}
#: Chart segments, left to right: (key, label, colour).  ``open`` excludes the overdue ones.
SEGMENTS = (("closed", "已销号", "#2e7d32"), ("closure_notice", "公示期内", "#81c784"),
            ("overdue", "逾期", "#c62828"), ("open", "未到期", "#bdbdbd"), ("ongoing", "长期坚持", "#64b5f6"))


def chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The scorecard chart (``archive.web.charts.stacked_bars``): one stacked bar per region, its length
    proportional to the region's tasks, its figures (tasks, overdue, median lateness) beside the name."""
    bars = []
    for row in rows:
        median = row["median_lateness_days"]
        bars.append({"label": row["region"] or "?",
                     "values": {"closed": row["closed"], "closure_notice": row["closure_notice"],
                                "overdue": row["overdue"], "open": row["open"] - row["overdue"], "ongoing": row["ongoing"]},
                     "note": f"{row['tasks']} 项 · 逾期 {row['overdue']} · 中位 "
                             + (f"{median:+g} 天" if median is not None else "—"),
                     "data": {"region": row["region"], "tasks": row["tasks"]}})
    return stacked_bars(bars, SEGMENTS, title="各地区整改任务状态")


def _text(message: str, status: int) -> Response:
    from archive.web.pages import _secure

    return _secure(Response.text(message, status=status))


async def _views(datasette: Any, request: Any, **kw: Any) -> tuple[str, str, list[dict[str, Any]] | Response]:
    """(database, as_of, plans) or an error response: a bad ``as_of`` or an unknown ``region`` is a 400."""
    from archive.web.pages import database_name

    db_name = database_name(datasette)
    try:  # archive.web.params refuses a bad as_of before this runs; the same check for a direct call
        as_of = as_of_date(parse_date(request.args.get("as_of"), name="as_of"))
    except InvalidParameterError as exc:
        return db_name, "", _text(str(exc), 400)
    region = (request.args.get("region") or "").strip() or None

    def read(conn: sqlite3.Connection) -> list[dict[str, Any]] | Response:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'plans'").fetchone() is None:
            return []
        if region and "plan_document_id" not in kw:
            try:
                check_region(conn, region)
            except UnknownRegionError as exc:
                return _text(f"未知地区 {exc}", 400)
        return plan_views(conn, as_of=as_of, region=region if "plan_document_id" not in kw else None, **kw)

    return db_name, as_of, await datasette.get_database(db_name).execute_fn(read)


async def _closeouts(datasette: Any, db_name: str, as_of: str, request: Any) -> dict[str, Any]:
    """Orphan close-outs per inspection and close-outs per publishing body (``archive.ledger.closeouts``,
    the same rows as ``ducha report ledger``)."""
    region = (request.args.get("region") or "").strip() or None

    def read(conn: sqlite3.Connection) -> dict[str, Any]:
        publishers = publisher_counts(conn, as_of=as_of, region=region)
        return {"orphans": by_inspection(orphan_closeouts(conn, as_of=as_of, region=region)),
                "publishers": publishers, "cities": city_counts(publishers)}

    result: dict[str, Any] = await datasette.get_database(db_name).execute_fn(read)
    return result


async def plan_page(datasette: Any, request: Any) -> Response:
    """``/-/ducha/ledger/{id}``: the plan posted as document ``id``, its tasks and their close-outs."""
    from archive.web.pages import _not_found, _secure

    document_id = int(request.url_vars["id"])
    db_name, as_of, plans = await _views(datasette, request, plan_document_id=document_id)
    if isinstance(plans, Response):
        return plans
    if not plans:
        return _not_found(f"no rectification plan posted as document {document_id}")
    plan = plans[0]
    html = await datasette.render_template(
        "ducha_ledger_plan.html",
        {"plan": plan, "as_of": as_of, "database": db_name, "href": safe_href(plan["url"] or ""),
         "status_labels": STATUS_LABELS, "counts": scorecard(plans)[0]}, request=request)
    return _secure(Response.html(html))


async def index_page(datasette: Any, request: Any) -> Response:
    """``/-/ducha/ledger``: every plan, grouped by region, with its counts."""
    from archive.web.pages import _secure

    db_name, as_of, plans = await _views(datasette, request)
    if isinstance(plans, Response):
        return plans
    regions: dict[str, list[dict[str, Any]]] = {}
    for plan in plans:
        regions.setdefault(plan["region"] or "", []).append(plan)
    html = await datasette.render_template(
        "ducha_ledger_index.html",
        {"regions": regions, "scores": {r["region"]: r for r in scorecard(plans)}, "as_of": as_of,
         "region": request.args.get("region") or "", "database": db_name,
         "orphans": (await _closeouts(datasette, db_name, as_of, request))["orphans"]}, request=request)
    return _secure(Response.html(html))


async def scorecard_page(datasette: Any, request: Any) -> Response:
    """``/-/ducha/ledger/scorecard``: per region tasks, closed, close-out windows, overdue, median lateness."""
    from archive.web.pages import _secure

    db_name, as_of, plans = await _views(datasette, request)
    if isinstance(plans, Response):
        return plans
    rows = scorecard(plans)
    html = await datasette.render_template(
        "ducha_ledger_scorecard.html",
        {"rows": rows, "chart": chart(rows), "as_of": as_of, "region": request.args.get("region") or "",
         "database": db_name, **(await _closeouts(datasette, db_name, as_of, request))}, request=request)
    return _secure(Response.html(html))


_ID = "[0-9]{1,18}"
ROUTES = [
    (r"^/-/ducha/ledger$", index_page),
    (r"^/-/ducha/ledger/scorecard$", scorecard_page),
    (rf"^/-/ducha/ledger/(?P<id>{_ID})$", plan_page),
]
