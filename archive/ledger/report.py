"""The ledger as a report: every plan with its tasks, deadlines, close-outs and what is overdue.

Status of a task as of a date (only postings published by then count):
``closed`` — a confirmed close-out notice whose objection window is over (or states no end);
``closure_notice`` — a close-out notice whose stated window is still running;
``ongoing`` — 长期坚持 and no close-out; ``open`` — everything else.
``overdue`` — the last allowed day is before ``as_of`` and no close-out was posted by then.
Per plan: ``closed_share`` (closed or in a close-out window) and ``median_days_deadline_to_closure``
(first close-out posting minus deadline, over the tasks closed that have a deadline; negative = early).
Per task also every status the tables of 整改进展 reports gave it (``progress``, oldest first), the
newest (``latest_progress``) and
``claimed_done_without_closeout`` (reported 已完成, no close-out 公示 by ``as_of``).
``orphan_closeouts``: close-outs that cite tasks of a plan not in the archive, with the reason (listed per
inspection in Markdown); ``closeouts_by_publisher``: per publishing body (site) its close-outs, those linked,
those linked to another region's plan (across levels) and the orphans, and ``closeouts_by_city`` the same per
city (``archive.ledger.closeouts``).  ``unread_wordings``: what no reader could read — a plan's inspection, deadline
and status cells, a close-out's task — for a person to check (``archive.ledger.unread``).
"""
from __future__ import annotations

import csv
import io
import json
import logging
from datetime import date
from pathlib import Path

from archive.ledger.closeouts import by_inspection, city_counts, orphan_closeouts, publisher_counts
from archive.ledger.unread import unlinked_closeouts, unread_wordings
from archive.ledger.view import as_of_date, check_region, plan_views
from archive.opening import connect_read

logger = logging.getLogger(__name__)

FORMATS = ("md", "csv", "json")

_CONTRACT_TASK = ("number", "problem", "lead_units", "responsible_units", "deadline", "deadline_text", "status",
                  "closure_urls", "overdue")


def ledger_data(db_path: str | Path, *, region: str | None = None, as_of: str | date | None = None,
                check: bool = False) -> dict:
    """The contract's JSON shape: ``{"as_of", "plans": [{..., "tasks": [...]}]}`` (from
    ``archive.ledger.view.plan_views``, the same rows as the web pages).  ``check``: an unknown
    ``region`` raises ``UnknownRegionError`` naming the known regions instead of giving no plans."""
    as_of_s = as_of_date(as_of)  # ValueError for a bad date
    conn = connect_read(db_path)  # read-only; works on read-only media
    try:
        if region and check:
            region = check_region(conn, region)
        views = plan_views(conn, as_of=as_of_s, region=region)
        orphans = [{k: o[k] for k in _ORPHAN_KEYS} for o in orphan_closeouts(conn, as_of=as_of_s, region=region)]
        publishers = publisher_counts(conn, as_of=as_of_s, region=region)
        unlinked = unlinked_closeouts(conn, as_of=as_of_s, region=region)
    finally:
        conn.close()
    plans = []
    for p in views:
        tasks = [{**{k: [c["url"] for c in t["closures"]] if k == "closure_urls" else t[k] for k in _CONTRACT_TASK},
                  "progress": [_latest(e) for e in t["progress"]], "latest_progress": _latest(t["latest_progress"]),
                  "claimed_done_without_closeout": t["claimed_done_without_closeout"]} for t in p["tasks"]]
        plans.append({"url": p["url"], "title": p["title"], "region": p["region"], "published": p["published"],
                      "feedback_url": p["feedback_url"], "feedback_date": p["inspection"]["feedback_date"],
                      "feedback_date_text": p["inspection"]["feedback_date_text"],
                      "feedback_to_plan_days": p["inspection"]["feedback_to_plan_days"],
                      "feedback_to_plan_working_days": p["inspection"]["feedback_to_plan_working_days"],
                      "task_count": p["task_count"],
                      "task_count_stated": p["task_count_stated"], "task_count_text": p["task_count_text"],
                      "closed_share": p["closed_share"],
                      "median_days_deadline_to_closure": p["median_days_deadline_to_closure"],
                      "tasks": tasks})
    return {"as_of": as_of_s, "plans": plans, "orphan_closeouts": orphans, "closeouts_by_publisher": publishers,
            "closeouts_by_city": city_counts(publishers), "unread_wordings": unread_wordings(views, unlinked)}


_ORPHAN_KEYS = ("url", "site_id", "inspection", "numbers", "reason")


def _latest(progress: dict | None) -> dict | None:
    """A reported status as the JSON gives it."""
    if progress is None:
        return None
    return {k: progress[k] for k in ("status_text", "status", "posted", "url")}


_CSV_COLUMNS = ("region", "plan_url", "plan_title", "published", "number", "problem", "lead_units",
                "responsible_units", "deadline_text", "deadline", "status", "overdue", "closure_urls",
                "reported_progress", "reported_status", "reported_on", "reported_in", "claimed_done_without_closeout",
                "plan_task_count_stated", "plan_task_count_text", "plan_task_count_parsed")


def _csv(data: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(_CSV_COLUMNS)
    for p in data["plans"]:
        for t in p["tasks"]:
            w.writerow([p["region"], p["url"], p["title"], p["published"], t["number"], t["problem"],
                        t["lead_units"], t["responsible_units"], t["deadline_text"], t["deadline"], t["status"],
                        int(t["overdue"]), " ".join(t["closure_urls"]),
                        *([lp["status_text"], lp["status"], lp["posted"], lp["url"]] if (lp := t["latest_progress"])
                          else ["", "", "", ""]),
                        int(t["claimed_done_without_closeout"]),
                        # the plan's stated count beside its words, so a spreadsheet reader can check a mismatch
                        "" if p["task_count_stated"] is None else p["task_count_stated"], p["task_count_text"] or "",
                        p["task_count"]])
    return buf.getvalue()


def _cell(text: object, width: int = 40) -> str:
    s = " ".join(str(text or "").split()).replace("|", "\\|")
    return s if len(s) <= width else s[: width - 1] + "…"


def _lag(plan: dict) -> str:
    """" · published 40 days (27 working days) after the feedback of 2026-08-18" (context, not a verdict)."""
    days, working = plan["feedback_to_plan_days"], plan["feedback_to_plan_working_days"]
    if days is None:
        return ""
    count = f"{days} days" + (f" ({working} working days)" if working is not None else "")
    words = f" (“{_cell(plan['feedback_date_text'], 80)}”)" if plan["feedback_date_text"] else ""
    return f" · published {count} after the feedback of {plan['feedback_date']}{words}"


def _reported(task: dict) -> str:
    """"reported 已完成 on 2026-05-01 in <url>", flagged when no close-out 公示 backs the claim."""
    lp = task["latest_progress"]
    if lp is None:
        return ""
    text = f"reported {_cell(lp['status_text'], 16)} on {lp['posted'] or '?'} in {lp['url']}"
    return text + (" — **no close-out 公示**" if task["claimed_done_without_closeout"] else "")


def _md(data: dict) -> str:
    lines = [f"# 整改台账 Rectification ledger (as of {data['as_of']})", ""]
    plans = data["plans"]
    tasks = [t for p in plans for t in p["tasks"]]
    lines.append(f"{len(plans)} plan(s), {len(tasks)} task(s): "
                 f"{sum(t['status'] == 'closed' for t in tasks)} closed, "
                 f"{sum(t['status'] == 'closure_notice' for t in tasks)} in a close-out 公示 window, "
                 f"{sum(t['status'] == 'ongoing' for t in tasks)} ongoing, "
                 f"{sum(t['overdue'] for t in tasks)} overdue. "
                 f"{sum(t['claimed_done_without_closeout'] for t in tasks)} task(s) reported 已完成 by a progress report"
                 " without a close-out 公示."
                 + (f" {len(data['unread_wordings'])} wording(s) no reader could read (an inspection, a deadline, a"
                    " status, a close-out's task: listed at the end, check them by hand)." if data["unread_wordings"]
                    else ""))
    for p in plans:
        stated = p["task_count_stated"]
        flag = (f" — **stated {stated}, parsed {p['task_count']}** (“{_cell(p['task_count_text'], 80)}”)"
                if stated is not None and stated != p["task_count"] else "")
        closed = sum(t["status"] in ("closed", "closure_notice") for t in p["tasks"])
        late = p["median_days_deadline_to_closure"]
        lines += ["", f"## {p['region']}: {p['title']}", "",
                  f"Published {p['published'] or '?'} · {p['url']} · tasks {p['task_count']}{flag} · "
                  f"closed out {closed} · overdue {sum(t['overdue'] for t in p['tasks'])}"
                  + (f" · median close-out {late:+g} days after the deadline" if late is not None else "")
                  + (f" · feedback {p['feedback_url']}" if p["feedback_url"] else "")
                  + _lag(p), ""]
        if not p["tasks"]:
            lines.append("(no task list could be read)")
            continue
        lines += ["| # | problem | lead units | deadline | status | overdue | closure | reported progress |",
                  "|---|---|---|---|---|---|---|---|"]
        for t in p["tasks"]:
            dl = t["deadline"] or f"({_cell(t['deadline_text'], 12) or '—'})"
            lines.append(f"| {t['number']} | {_cell(t['problem'], 30)} | {_cell(t['lead_units'], 16)} | {dl} | "
                         f"{t['status']} | {'**yes**' if t['overdue'] else ''} | "
                         f"{' '.join(t['closure_urls'])} | {_reported(t)} |")
    if data["orphan_closeouts"]:
        lines += ["", "## Close-outs whose plan is not in the archive", ""]
        for inspection, orphans in by_inspection(data["orphan_closeouts"]).items():
            lines += [f"### {inspection or 'no inspection named'} ({len(orphans)})", ""]
            lines += [f"- {o['url']} ({o['site_id']}; tasks {', '.join(map(str, o['numbers']))}): {o['reason']}"
                      for o in orphans]
            lines.append("")
    if data["closeouts_by_publisher"]:
        lines += ["", "## Close-outs per publishing body", "",
                  "| publisher | site | level | close-outs | linked | to another region's plan | orphans |",
                  "|---|---|---|---|---|---|---|"]
        lines += [f"| {_cell(r['publisher'], 30)} | {r['site_id']} | {r['level'] or ''} | {r['closeouts']} | "
                  f"{r['linked']} | {r['cross_level']} | {r['orphans']} |" for r in data["closeouts_by_publisher"]]
        lines += ["", "## Close-outs per city", "",
                  "| city | publishers | close-outs | linked | to another region's plan | orphans |", "|---|---|---|---|---|---|"]
        lines += [f"| {r['city']} | {r['publishers']} | {r['closeouts']} | {r['linked']} | {r['cross_level']} | "
                  f"{r['orphans']} |" for r in data["closeouts_by_city"]]
    if data["unread_wordings"]:
        lines += ["", "## Wordings no reader could read", "",
                  ("A plan with no inspection named has no feedback date or link, a missed deadline keeps a task off"
                   " the overdue count, a missed 已完成 off the reported-done count, a close-out tied to no task leaves"
                   " the task it closes open."), "",
                  "| region | plan | # | cell | words | posted | in |", "|---|---|---|---|---|---|---|"]
        lines += [f"| {w['region']} | {_cell(w['plan_title'], 30)} | {w['number'] or ''} | {w['kind']} | "
                  f"{_cell(w['words'])} | {w['posted'] or '?'} | {w['posted_in']} |" for w in data["unread_wordings"]]
    return "\n".join(lines) + "\n"


def render_ledger(db_path: str | Path, *, region: str | None = None, as_of: str | date | None = None,
                  fmt: str = "md", check: bool = False) -> str:
    """The report in ``fmt`` (md, csv, json); ``check`` as in ``ledger_data``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    data = ledger_data(db_path, region=region, as_of=as_of, check=check)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return _csv(data) if fmt == "csv" else _md(data)
