"""The ledger as every face reads it: ``ducha report ledger``, the Datasette ledger pages, the alerts.

One home for the statuses (``archive.ledger.report`` projects ``plan_views`` onto the contract's JSON),
so the web page and the report cannot disagree.  ``plan_views(conn, as_of=…)`` returns one dict per
plan with its tasks; each task carries its ``closures`` (confirmed close-out postings by ``as_of``, with
their 公示 window from ``timeliness``) and ``candidates`` (ambiguous links, with their reason, never
counted).  ``scorecard(plans)`` aggregates per region.  ``check_region`` rejects a region no plan or
site has, naming the known ones.

Status as of a date (only postings published by then count): ``closed`` — a confirmed close-out
whose objection window is over (or states no end); ``closure_notice`` — every close-out's stated
window still running; ``ongoing`` — 长期坚持 and no close-out; ``open`` — everything else.
``overdue`` — the last allowed day is before ``as_of`` and no close-out was posted by then; its
``overdue_since`` is the day after the deadline.

Reported progress (``task_progress``, from the status tables of 整改进展 reports published by ``as_of``):
``progress`` lists every report's row, oldest first; ``latest_progress`` is the newest;
``claimed_done_without_closeout`` — the newest report says the task is done (已完成) but no
close-out 公示 was posted by ``as_of``: a completion claimed without public close-out.
"""
from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime, timedelta, timezone
from statistics import median
from typing import Any

from archive.errors import UnknownRegionError
from archive.ledger.closeouts import has_tables
from archive.ledger.unread import unread_wordings
from archive.regions import matches, region_match
from archive.timeliness.calendar import CalendarNotAnnounced, default_calendar

logger = logging.getLogger(__name__)

STATUSES = ("open", "closure_notice", "closed", "ongoing")

_PLANS = (
    "SELECT p.id, p.document_id, p.url, p.title, p.region, p.published, p.task_count_stated,"
    " p.task_count_parsed, p.count_mismatch, i.level, i.round, i.feedback_date, fd.id, fd.url, p.task_count_text,"
    " p.inspection_named_as, i.feedback_date_text, i.feedback_date_document_id"
    " FROM plans p LEFT JOIN inspections i ON i.id = p.inspection_id"
    " LEFT JOIN documents fd ON fd.id = i.feedback_document_id")
_CLOSURES = (
    "SELECT l.task_id, l.document_id, d.url, d.title, l.posted, d.objection_end, d.first_seen_at, d.status,"
    " tl.objection_start, tl.objection_stated_length, tl.objection_stated_unit, tl.objection_meets_stated,"
    " tl.early_removal, l.location FROM task_links l JOIN tasks t ON t.id = l.task_id"
    " JOIN documents d ON d.id = l.document_id LEFT JOIN timeliness tl ON tl.document_id = l.document_id"
    " WHERE l.kind = 'closure' AND l.status = 'confirmed' AND (l.posted IS NULL OR l.posted <= ?) {plan}"
    " ORDER BY l.posted, d.url")
_CANDIDATES = (
    "SELECT l.task_id, l.document_id, d.url, d.title, l.kind, l.posted, l.reason FROM task_links l"
    " JOIN tasks t ON t.id = l.task_id JOIN documents d ON d.id = l.document_id"
    " WHERE l.status = 'candidate' AND (l.posted IS NULL OR l.posted <= ?) {plan} ORDER BY l.posted, d.url")
_PROGRESS = (
    "SELECT p.task_id, p.document_id, d.url, d.title, p.posted, p.status_text, p.status, p.location"
    " FROM task_progress p JOIN tasks t ON t.id = p.task_id JOIN documents d ON d.id = p.document_id"
    " WHERE (p.posted IS NULL OR p.posted <= ?) {plan} ORDER BY p.posted, d.url")
_TASKS = ("SELECT id, number, problem, lead_units, responsible_units, target, deadline, deadline_text, deadline_kind,"
          " source FROM tasks WHERE plan_id = ? ORDER BY number")


CHINA = timezone(timedelta(hours=8))


def today_in_china() -> str:
    """Today's date in China (UTC+8), as the canned queries' ``TODAY``."""
    return datetime.now(CHINA).date().isoformat()


def as_of_date(as_of: str | date | None) -> str:
    """``as_of`` as ``YYYY-MM-DD`` (default: today in China); ``ValueError`` for anything else."""
    text = as_of if isinstance(as_of, str) else as_of.isoformat() if as_of else today_in_china()
    return date.fromisoformat(text.strip()).isoformat()


def _status(deadline_kind: str | None, ends: list[str | None], as_of: str) -> str:
    if ends:
        return "closure_notice" if all(end is not None and end >= as_of for end in ends) else "closed"
    return "ongoing" if deadline_kind == "ongoing" else "open"


def _links(conn: sqlite3.Connection, sql: str, as_of: str, plan_id: int | None) -> dict[int, list[tuple]]:
    plan = "AND t.plan_id = ?" if plan_id is not None else ""
    out: dict[int, list[tuple]] = {}
    for row in conn.execute(sql.format(plan=plan), [as_of, *([plan_id] if plan_id is not None else [])]):
        out.setdefault(row[0], []).append(row[1:])
    return out


def _closure(row: tuple) -> dict[str, Any]:
    (doc_id, url, title, posted, end, first_seen, doc_status, start, length, unit, meets, early, location) = row
    return {"document_id": doc_id, "url": url, "title": title, "posted": posted, "objection_start": start,
            "objection_end": end, "stated_length": length, "stated_unit": unit,
            "window_shorter_than_stated": meets == 0 if meets is not None else None,
            "early_removal": bool(early), "first_seen_at": first_seen, "removed": doc_status == "removed",
            "location": location}


def _progress(row: tuple) -> dict[str, Any]:
    doc_id, url, title, posted, text, status, location = row
    return {"document_id": doc_id, "url": url, "title": title, "posted": posted, "status_text": text,
            "status": status, "location": location}


def _task(row: tuple, closures: list[dict], candidates: list[dict], as_of: str,
          progress: list[dict] | None = None) -> dict[str, Any]:
    tid, number, problem, lead, resp, target, dl, dl_text, dl_kind, source = row
    overdue = bool(dl is not None and dl < as_of and not closures)
    progress = progress or []
    latest = progress[-1] if progress else None
    lateness = None
    if closures and dl is not None and closures[0]["posted"]:
        lateness = (date.fromisoformat(closures[0]["posted"]) - date.fromisoformat(dl)).days
    return {"id": tid, "number": number, "problem": problem, "lead_units": lead, "responsible_units": resp,
            "target": target, "deadline": dl, "deadline_text": dl_text, "deadline_kind": dl_kind, "source": source,
            "status": _status(dl_kind, [c["objection_end"] for c in closures], as_of),
            "overdue": overdue,
            "overdue_since": (date.fromisoformat(dl) + timedelta(days=1)).isoformat() if overdue else None,
            "closures": closures, "candidates": candidates, "days_deadline_to_closure": lateness,
            "progress": progress, "latest_progress": latest,
            "claimed_done_without_closeout": bool(latest and latest["status"] == "done" and not closures)}


def feedback_lag(feedback: str | None, published: str | None) -> dict[str, int | None]:
    """Days and working days from the 督察 feedback to the plan's publication (context only: the 30-working-day
    rule is for submitting the plan, not for publishing it).  None where a date is missing or a year's
    working days are not announced yet."""
    try:
        fb, pub = date.fromisoformat(str(feedback)[:10]), date.fromisoformat(str(published)[:10])
    except ValueError:
        return {"feedback_to_plan_days": None, "feedback_to_plan_working_days": None}
    try:
        working: int | None = default_calendar().count_workdays(fb, pub, include_first=False) if pub >= fb else None
    except CalendarNotAnnounced:
        working = None
    return {"feedback_to_plan_days": (pub - fb).days, "feedback_to_plan_working_days": working}


def plan_views(conn: sqlite3.Connection, *, as_of: str | date | None = None, region: str | None = None,
               plan_document_id: int | None = None) -> list[dict[str, Any]]:
    """Every plan (of ``region``, a prefix: 四川省 includes 四川省绵阳市; or the one posted as
    ``plan_document_id``) with its tasks, statuses and close-outs as of ``as_of``."""
    as_of_s = as_of_date(as_of)
    where: list[str] = []
    params: list[Any] = []
    if region:
        where.append(region_match("p.region", "?"))
        params.append(region.strip())
    if plan_document_id is not None:
        where.append("p.document_id = ?")
        params.append(plan_document_id)
    sql = _PLANS + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.region, p.published, p.id"
    plans = conn.execute(sql, params).fetchall()
    one = plans[0][0] if plan_document_id is not None and plans else None
    closures = _links(conn, _CLOSURES, as_of_s, one)
    candidates = _links(conn, _CANDIDATES, as_of_s, one)
    progress = _links(conn, _PROGRESS, as_of_s, one) if has_tables(conn, "task_progress") else {}
    out = []
    for (pid, doc_id, url, title, reg, published, stated, parsed, mismatch, level, round_, fb_date, fb_id,
         fb_url, stated_text, named_as, fb_text, fb_text_id) in plans:
        tasks = []
        for row in conn.execute(_TASKS, [pid]):
            cands = [{"document_id": c[0], "url": c[1], "title": c[2], "kind": c[3], "posted": c[4], "reason": c[5]}
                     for c in candidates.get(row[0], [])]
            tasks.append(_task(row, [_closure(c) for c in closures.get(row[0], [])], cands, as_of_s,
                               [_progress(r) for r in progress.get(row[0], [])]))
        lateness = [t["days_deadline_to_closure"] for t in tasks if t["days_deadline_to_closure"] is not None]
        closed = sum(t["status"] in ("closed", "closure_notice") for t in tasks)
        out.append({"id": pid, "document_id": doc_id, "url": url, "title": title, "region": reg,
                    "published": published, "task_count": parsed, "task_count_stated": stated,
                    "task_count_text": stated_text, "count_mismatch": bool(stated is not None and stated != parsed),
                    "inspection": {"level": level, "round": round_, "named_as": named_as, "feedback_date": fb_date,
                                   "feedback_date_text": fb_text, "feedback_date_document_id": fb_text_id,
                                   **feedback_lag(fb_date, published)},
                    "feedback_document_id": fb_id, "feedback_url": fb_url,
                    "closed_share": round(closed / len(tasks), 3) if tasks else None,
                    "median_days_deadline_to_closure": median(lateness) if lateness else None,
                    "tasks": tasks})
    return out


def scorecard(plans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per region (sorted by name): plans, tasks, closed, closure_notice, ongoing, open, overdue, ``unread`` (what no
    reader could read of its plans: an inspection, deadlines, statuses; ``archive.ledger.unread``) and the median days
    from deadline to the first close-out (negative = early; None without any)."""
    regions: dict[str, dict[str, Any]] = {}
    for plan in plans:
        row = regions.setdefault(plan["region"] or "", {"region": plan["region"] or "", "plans": 0, "tasks": 0,
                                                         **{s: 0 for s in STATUSES}, "overdue": 0,
                                                         "claimed_done_without_closeout": 0, "unread": 0,
                                                         "_late": []})
        row["plans"] += 1
        row["unread"] += len(unread_wordings([plan]))
        for task in plan["tasks"]:
            row["tasks"] += 1
            row[task["status"]] += 1
            row["overdue"] += task["overdue"]
            row["claimed_done_without_closeout"] += task["claimed_done_without_closeout"]
            if task["days_deadline_to_closure"] is not None:
                row["_late"].append(task["days_deadline_to_closure"])
    out = []
    for name in sorted(regions):
        row = regions[name]
        late = row.pop("_late")
        out.append({**row, "median_lateness_days": median(late) if late else None, "lateness_n": len(late)})
    return out


def ledger_regions(conn: sqlite3.Connection) -> list[str]:
    """The regions a reader may ask for: every site's region and every plan's (cities included), sorted."""
    names: set[str] = set()
    for table in ("sites", "plans"):
        if has_tables(conn, table):
            names.update(r[0] for r in conn.execute(f"SELECT DISTINCT region FROM {table} WHERE region != ''")
                         if r[0])
    return sorted(names)


def check_region(conn: sqlite3.Connection, region: str) -> str:
    """``region`` stripped when some site or plan region starts with it; ``UnknownRegionError`` otherwise."""
    wanted = region.strip()
    valid = ledger_regions(conn)
    if wanted and any(matches(r, wanted) for r in valid):
        return wanted
    raise UnknownRegionError(region, valid)
