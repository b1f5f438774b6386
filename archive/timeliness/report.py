"""``ducha report timeliness``: the timeliness table aggregated per region, site and month.

``render_report(db, region=…, since=…, fmt="md"|"csv")`` reads the ``timeliness`` table (pass
``now`` to recompute it first with ``compute_measures``).  CSV: one row per region/site/month.
Markdown: a per-site summary, the monthly table, the flagged postings with their reasons, and
the feedback → 整改方案 figures with the rules stated as context, not as verdicts.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from archive.opening import connect_read
from archive.regions import region_match, resolve_region
from archive.timeliness.summary import COLUMNS as SUMMARY_COLUMNS
from archive.timeliness.summary import summary_sql

log = logging.getLogger(__name__)

CSV_COLUMNS = ("region", "site_id", "month", *(c for c in SUMMARY_COLUMNS if c != "sites"))
#: Figures a missing value means "not computed" for (shown as 未计算 in Markdown, empty in CSV).
NOT_COMPUTED = "未计算"
_CONTEXT = (
    "Lags are medians with their n (the number of postings they are computed from). "
    "Posting lag: first-seen date (Asia/Shanghai) minus the publication date; postings already online "
    "at a site's first crawl are left out of lags and of the first-seen backdating test. "
    "Working days follow the official calendar with 调休; a year the calendar has not announced "
    "gives null figures, never a guess. Feedback → 整改方案: plans are due for *submission* 30 working "
    "days after 反馈; 政府信息公开条例 Art. 26 asks for disclosure within 20 working days of the "
    "information being formed — both are context, not verdicts. "
    f"{NOT_COMPUTED} (not computed): no posting of the group states enough to compute the figure."
)


def _database(db: Database | str | Path, *, write: bool = False) -> Database:
    """``db`` itself, or the archive at a path: read-only (``connect_read``) unless measures are recomputed."""
    if isinstance(db, Database):
        return db
    return Database(db) if write else Database(connect_read(db), execute_plugins=False)


def _where(region: str | None, since: str | None) -> tuple[str, list[Any]]:
    """SQL condition over ``timeliness t`` / ``sites s`` for the report's filters, and its parameters."""
    where, params = [], []
    if region:
        where.append(f"({region_match('s.region', '?')} OR t.site_id = ?)")
        params += [region, region]
    if since:
        where.append("coalesce(t.publish_date, t.first_seen_date) >= ?")
        params.append(since)
    return " AND ".join(where) or "1", params


def _load(db: Database, region: str | None, since: str | None) -> list[dict[str, Any]]:
    condition, params = _where(region, since)
    sql = ("SELECT t.*, s.region AS region, d.url AS url, d.title AS title FROM timeliness t "
           "JOIN documents d ON d.id = t.document_id LEFT JOIN sites s ON s.id = t.site_id"
           f" WHERE {condition} ORDER BY s.region, t.site_id, t.publish_date, t.document_id")
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def summarise(db: Database | str | Path, keys: tuple[str, ...] = ("region",), *, region: str | None = None,
              since: str | None = None) -> list[dict[str, Any]]:
    """The timeliness figures grouped by ``keys`` (``archive.timeliness.summary``: the web's query too)."""
    database = _database(db)
    condition, params = _where(region, since)
    cursor = database.execute(summary_sql(keys, condition), params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _cell(value: Any, column: str = "") -> str:
    if value is None:
        return NOT_COMPUTED if column == "windows_shorter_than_stated" else "—"
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(rows: list[dict[str, Any]], columns: Iterable[str]) -> list[str]:
    cols = list(columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(_cell(r.get(c), c) for c in cols) + " |" for r in rows]
    return lines


def _reasons(r: dict[str, Any]) -> str:
    parts = []
    for reason in json.loads(r["backdated_reasons"] or "[]"):
        if reason["kind"] == "date_moved_earlier":
            parts.append(f"{reason['field']} moved {reason['from']} → {reason['to']}")
        elif reason["kind"] == "earlier_than_url_date":
            parts.append(f"{reason['field']} {reason['date']} < URL date {reason['url_date']}")
        else:
            parts.append(f"{reason['field']} {reason['date']} is {reason['days']} d before first seen")
    if r["early_removal"] == 1:
        parts.append(f"removed {r['first_removed_date']} before window end {r['objection_end']}")
    if r["objection_meets_stated"] == 0:
        parts.append(f"window {r['objection_start']}–{r['objection_end']} = {r['objection_workdays_counted']} "
                     f"working days < stated {r['objection_working_days']}")
    return "; ".join(parts)


def _markdown(database: Database, rows: list[dict[str, Any]], region: str | None, since: str | None) -> str:
    versions = sorted({r["calendar_version"] for r in rows if r["calendar_version"]})
    out = ["# Timeliness report", "",
           (f"Filter: region {region or 'all'}, since {since or 'the beginning'}. Postings: {len(rows)}. "
            f"Calendar: {', '.join(versions) or 'n/a'}."), "", _CONTEXT, "", "## Per site", ""]
    summary_cols = [c for c in CSV_COLUMNS if c not in ("month", "calendar_version")]
    out += _table(summarise(database, ("region", "site_id"), region=region, since=since), summary_cols)
    out += ["", "## Per region", ""]
    out += _table(summarise(database, ("region",), region=region, since=since), ["region", "sites", *summary_cols[2:]])
    out += ["", "## Per month", ""]
    out += _table(summarise(database, ("region", "site_id", "month"), region=region, since=since),
                  [c for c in CSV_COLUMNS if c != "calendar_version"])
    flagged = [r for r in rows if r["backdated"] or r["early_removal"] == 1 or r["objection_meets_stated"] == 0]
    out += ["", f"## Flagged postings ({len(flagged)})", ""]
    out += _table([{**r, "reasons": _reasons(r)} for r in flagged],
                  ["document_id", "site_id", "publish_date", "first_seen_date", "title", "url", "reasons"])
    plans = [r for r in rows if r["feedback_date"] and r["doc_type"] == "rectification_plan"]
    if plans:
        out += ["", "## Feedback → 整改方案 (context, not verdicts)", ""]
        out += _table(plans, ["document_id", "site_id", "feedback_date", "publish_date", "feedback_lag_days",
                              "feedback_lag_workdays", "feedback_submission_mark", "feedback_disclosure_mark",
                              "problem_count"])
    not_announced = sorted({r["calendar_status"] for r in rows if str(r["calendar_status"]).startswith("not_ann")})
    if not_announced:
        out += ["", "Calendar not announced: " + ", ".join(s.split(":", 1)[1] for s in not_announced)
                + " — working-day figures for those postings are null."]
    return "\n".join(out) + "\n"


def render_report(db: Database | str | Path, *, region: str | None = None, since: str | dt.date | None = None,
                  fmt: str = "md", now: dt.datetime | None = None) -> str:
    """The timeliness report as Markdown (``fmt="md"``) or CSV (``fmt="csv"``).

    ``region`` matches every ``sites.region`` starting with it (``四川`` → ``四川省``) or a site id, and
    raises ``archive.errors.UnknownRegionError`` (a ``ValueError`` listing the valid regions) otherwise; ``since`` (``YYYY-MM-DD``) keeps postings
    published (else first seen) on or after it.  With ``now``, measures are recomputed first.
    Raises ``ValueError`` for an unknown format or a malformed ``since``.
    """
    if fmt not in ("md", "csv"):
        raise ValueError(f"unknown report format {fmt!r}: use 'md' or 'csv'")
    since_text = since.isoformat() if isinstance(since, dt.date) else since
    if since_text:
        dt.date.fromisoformat(since_text)  # raises ValueError with the offending value
    database = _database(db, write=now is not None)
    try:
        return _render(database, region, since_text, fmt, now)
    finally:
        if database is not db:
            database.close()


def _render(database: Database, region: str | None, since_text: str | None, fmt: str,
            now: dt.datetime | None) -> str:
    if "timeliness" not in database.table_names():
        from archive.schema import ensure_schema

        ensure_schema(database)
    if now is not None:
        from archive.timeliness.compute import compute_measures

        compute_measures(database, now=now)
    if region:
        region = resolve_region(database.conn, region, site_ids=True)
    rows = _load(database, region, since_text)
    log.info("timeliness report: %d postings (region=%s, since=%s)", len(rows), region, since_text)
    if fmt == "md":
        return _markdown(database, rows, region, since_text)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in summarise(database, ("region", "site_id", "month"), region=region, since=since_text):
        writer.writerow({c: row.get(c) for c in CSV_COLUMNS})
    return buf.getvalue()
