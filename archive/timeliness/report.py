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
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

log = logging.getLogger(__name__)

CSV_COLUMNS = (
    "region", "site_id", "month", "postings", "postings_seen_arriving", "median_posting_lag_days",
    "max_posting_lag_days", "backdated", "date_changed", "objection_windows", "windows_shorter_than_stated",
    "early_removals", "median_acceptance_lag_days", "median_feedback_lag_workdays", "calendar_not_announced",
    "calendar_version",
)
_CONTEXT = (
    "Posting lag: first-seen date (Asia/Shanghai) minus the publication date; postings already online "
    "at a site's first crawl are left out of lags and of the first-seen backdating test. "
    "Working days follow the official calendar with 调休; a year the calendar has not announced "
    "gives null figures, never a guess. Feedback → 整改方案: plans are due for *submission* 30 working "
    "days after 反馈; 政府信息公开条例 Art. 26 asks for disclosure within 20 working days of the "
    "information being formed — both are context, not verdicts."
)


def _database(db: Database | str | Path) -> Database:
    return db if isinstance(db, Database) else Database(db)


def _median(values: Iterable[Any]) -> float | None:
    nums = [v for v in values if v is not None]
    return round(statistics.median(nums), 1) if nums else None


def _load(db: Database, region: str | None, since: str | None) -> list[dict[str, Any]]:
    where, params = [], []
    if region:
        where.append("(s.region = ? OR t.site_id = ?)")
        params += [region, region]
    if since:
        where.append("coalesce(t.publish_date, t.first_seen_date) >= ?")
        params.append(since)
    sql = ("SELECT t.*, s.region AS region, d.url AS url, d.title AS title FROM timeliness t "
           "JOIN documents d ON d.id = t.document_id LEFT JOIN sites s ON s.id = t.site_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY s.region, t.site_id, t.publish_date, t.document_id")
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _aggregate(rows: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    out = []
    for k, grp in sorted(groups.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        arriving = [r for r in grp if not r["baseline"]]
        lags = [r["posting_lag_days"] for r in arriving if r["posting_lag_days"] is not None]
        out.append({
            "region": k[0], "site_id": k[1], "month": k[2] if len(k) > 2 else None,
            "postings": len(grp), "postings_seen_arriving": len(arriving),
            "median_posting_lag_days": _median(lags), "max_posting_lag_days": max(lags) if lags else None,
            "backdated": sum(r["backdated"] or 0 for r in grp),
            "date_changed": sum(r["date_changed"] or 0 for r in grp),
            "objection_windows": sum(1 for r in grp if r["objection_status"] not in (None, "no_window")),
            "windows_shorter_than_stated": sum(1 for r in grp if r["objection_meets_stated"] == 0),
            "early_removals": sum(1 for r in grp if r["early_removal"] == 1),
            "median_acceptance_lag_days": _median(r["acceptance_lag_days"] for r in grp),
            "median_feedback_lag_workdays": _median(r["feedback_lag_workdays"] for r in grp),
            "calendar_not_announced": sum(1 for r in grp if str(r["calendar_status"]).startswith("not_announced")),
            "calendar_version": ", ".join(sorted({r["calendar_version"] for r in grp if r["calendar_version"]})),
        })
    return out


def _by_region(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The per-site figures rolled up per region (a province with its city bureaus), with a site count."""
    sites: dict[Any, set] = defaultdict(set)
    for r in rows:
        sites[r["region"]].add(r["site_id"])
    return [{**agg, "sites": len(sites[agg["region"]])} for agg in _aggregate(rows, lambda r: (r["region"], None))]


def _month(r: dict[str, Any]) -> str:
    return str(r["publish_date"] or r["first_seen_date"] or "")[:7] or "unknown"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(rows: list[dict[str, Any]], columns: Iterable[str]) -> list[str]:
    cols = list(columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(_cell(r.get(c)) for c in cols) + " |" for r in rows]
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


def _markdown(rows: list[dict[str, Any]], region: str | None, since: str | None) -> str:
    versions = sorted({r["calendar_version"] for r in rows if r["calendar_version"]})
    out = ["# Timeliness report", "",
           (f"Filter: region {region or 'all'}, since {since or 'the beginning'}. Postings: {len(rows)}. "
            f"Calendar: {', '.join(versions) or 'n/a'}."), "", _CONTEXT, "", "## Per site", ""]
    summary_cols = [c for c in CSV_COLUMNS if c not in ("month", "calendar_version")]
    out += _table(_aggregate(rows, lambda r: (r["region"], r["site_id"])), summary_cols)
    out += ["", "## Per region", ""]
    out += _table(_by_region(rows), ["region", "sites", *summary_cols[2:]])
    out += ["", "## Per month", ""]
    out += _table(_aggregate(rows, lambda r: (r["region"], r["site_id"], _month(r))),
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

    ``region`` matches ``sites.region`` (or a site id); ``since`` (``YYYY-MM-DD``) keeps postings
    published (else first seen) on or after it.  With ``now``, measures are recomputed first.
    Raises ``ValueError`` for an unknown format or a malformed ``since``.
    """
    if fmt not in ("md", "csv"):
        raise ValueError(f"unknown report format {fmt!r}: use 'md' or 'csv'")
    since_text = since.isoformat() if isinstance(since, dt.date) else since
    if since_text:
        dt.date.fromisoformat(since_text)  # raises ValueError with the offending value
    database = _database(db)
    if "timeliness" not in database.table_names():
        from archive.schema import ensure_schema

        ensure_schema(database)
    if now is not None:
        from archive.timeliness.compute import compute_measures

        compute_measures(database, now=now)
    rows = _load(database, region, since_text)
    log.info("timeliness report: %d postings (region=%s, since=%s)", len(rows), region, since_text)
    if fmt == "md":
        return _markdown(rows, region, since_text)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _aggregate(rows, lambda r: (r["region"], r["site_id"], _month(r))):
        writer.writerow(row)
    return buf.getvalue()
