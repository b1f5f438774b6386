"""The ledger as a report: every plan with its tasks, deadlines, close-outs and what is overdue.

Status of a task as of a date (only postings published by then count):
``closed`` — a confirmed close-out notice whose objection window is over (or states no end);
``closure_notice`` — a close-out notice whose stated window is still running;
``ongoing`` — 长期坚持 and no close-out; ``open`` — everything else.
``overdue`` — the last allowed day is before ``as_of`` and no close-out was posted by then.
Per plan: ``closed_share`` (closed or in a close-out window) and ``median_days_deadline_to_closure``
(first close-out posting minus deadline, over the tasks closed that have a deadline; negative = early).
"""
from __future__ import annotations

import csv
import io
import json
import logging
import sqlite3
from datetime import date
from pathlib import Path
from statistics import median

logger = logging.getLogger(__name__)

FORMATS = ("md", "csv", "json")


def _status(deadline_kind: str | None, closures: list[tuple[str, str | None]], as_of: str) -> str:
    if closures:
        ends = [end for _, end in closures]
        if all(end is not None and end >= as_of for end in ends):
            return "closure_notice"
        return "closed"
    return "ongoing" if deadline_kind == "ongoing" else "open"


def ledger_data(db_path: str | Path, *, region: str | None = None, as_of: str | date | None = None) -> dict:
    """The contract's JSON shape: ``{"as_of", "plans": [{..., "tasks": [...]}]}``."""
    as_of_s = (as_of if isinstance(as_of, str) else (as_of or date.today()).isoformat())
    date.fromisoformat(as_of_s)  # ValueError for a bad date
    conn = sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)
    try:
        where, params = "", []
        if region:
            where, params = "WHERE p.region LIKE ? || '%'", [region]
        plans = conn.execute(
            "SELECT p.id, p.url, p.title, p.region, p.published, p.task_count_stated, p.task_count_parsed,"
            " fd.url FROM plans p LEFT JOIN inspections i ON i.id = p.inspection_id"
            f" LEFT JOIN documents fd ON fd.id = i.feedback_document_id {where}"
            " ORDER BY p.region, p.published, p.id", params).fetchall()
        closures: dict[int, list[tuple[str, str | None, str]]] = {}
        for task_id, url, posted, end in conn.execute(
                "SELECT l.task_id, d.url, l.posted, d.objection_end FROM task_links l JOIN documents d"
                " ON d.id = l.document_id WHERE l.kind = 'closure' AND l.status = 'confirmed'"
                " AND (l.posted IS NULL OR l.posted <= ?) ORDER BY l.posted, d.url", [as_of_s]):
            closures.setdefault(task_id, []).append((url, end, posted))
        out = []
        for pid, url, title, reg, published, stated, parsed, feedback_url in plans:
            tasks, lateness = [], []
            for tid, number, problem, lead, resp, dl, dl_text, dl_kind in conn.execute(
                    "SELECT id, number, problem, lead_units, responsible_units, deadline, deadline_text,"
                    " deadline_kind FROM tasks WHERE plan_id = ? ORDER BY number", [pid]):
                closed = closures.get(tid, [])
                if closed and dl is not None and closed[0][2]:
                    lateness.append((date.fromisoformat(closed[0][2]) - date.fromisoformat(dl)).days)
                tasks.append({"number": number, "problem": problem, "lead_units": lead, "responsible_units": resp,
                              "deadline": dl, "deadline_text": dl_text,
                              "status": _status(dl_kind, [(u, e) for u, e, _ in closed], as_of_s),
                              "closure_urls": [u for u, _, _ in closed],
                              "overdue": bool(dl is not None and dl < as_of_s and not closed)})
            out.append({"url": url, "title": title, "region": reg, "published": published,
                        "feedback_url": feedback_url, "task_count": parsed, "task_count_stated": stated,
                        "closed_share": round(sum(t["status"] in ("closed", "closure_notice") for t in tasks)
                                              / len(tasks), 3) if tasks else None,
                        "median_days_deadline_to_closure": median(lateness) if lateness else None,
                        "tasks": tasks})
        return {"as_of": as_of_s, "plans": out}
    finally:
        conn.close()


_CSV_COLUMNS = ("region", "plan_url", "plan_title", "published", "number", "problem", "lead_units",
                "responsible_units", "deadline_text", "deadline", "status", "overdue", "closure_urls")


def _csv(data: dict) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(_CSV_COLUMNS)
    for p in data["plans"]:
        for t in p["tasks"]:
            w.writerow([p["region"], p["url"], p["title"], p["published"], t["number"], t["problem"],
                        t["lead_units"], t["responsible_units"], t["deadline_text"], t["deadline"], t["status"],
                        int(t["overdue"]), " ".join(t["closure_urls"])])
    return buf.getvalue()


def _cell(text: object, width: int = 40) -> str:
    s = " ".join(str(text or "").split()).replace("|", "\\|")
    return s if len(s) <= width else s[: width - 1] + "…"


def _md(data: dict) -> str:
    lines = [f"# 整改台账 Rectification ledger (as of {data['as_of']})", ""]
    plans = data["plans"]
    tasks = [t for p in plans for t in p["tasks"]]
    lines.append(f"{len(plans)} plan(s), {len(tasks)} task(s): "
                 f"{sum(t['status'] == 'closed' for t in tasks)} closed, "
                 f"{sum(t['status'] == 'closure_notice' for t in tasks)} in a close-out 公示 window, "
                 f"{sum(t['status'] == 'ongoing' for t in tasks)} ongoing, "
                 f"{sum(t['overdue'] for t in tasks)} overdue.")
    for p in plans:
        stated = p["task_count_stated"]
        flag = f" — **stated {stated}, parsed {p['task_count']}**" if stated is not None and stated != p["task_count"] else ""
        closed = sum(t["status"] in ("closed", "closure_notice") for t in p["tasks"])
        late = p["median_days_deadline_to_closure"]
        lines += ["", f"## {p['region']}: {p['title']}", "",
                  f"Published {p['published'] or '?'} · {p['url']} · tasks {p['task_count']}{flag} · "
                  f"closed out {closed} · overdue {sum(t['overdue'] for t in p['tasks'])}"
                  + (f" · median close-out {late:+g} days after the deadline" if late is not None else "")
                  + (f" · feedback {p['feedback_url']}" if p["feedback_url"] else ""), ""]
        if not p["tasks"]:
            lines.append("(no task list could be read)")
            continue
        lines += ["| # | problem | lead units | deadline | status | overdue | closure |", "|---|---|---|---|---|---|---|"]
        for t in p["tasks"]:
            dl = t["deadline"] or f"({_cell(t['deadline_text'], 12) or '—'})"
            lines.append(f"| {t['number']} | {_cell(t['problem'], 30)} | {_cell(t['lead_units'], 16)} | {dl} | "
                         f"{t['status']} | {'**yes**' if t['overdue'] else ''} | "
                         f"{' '.join(t['closure_urls'])} |")
    return "\n".join(lines) + "\n"


def render_ledger(db_path: str | Path, *, region: str | None = None, as_of: str | date | None = None,
                  fmt: str = "md") -> str:
    """The report in ``fmt`` (md, csv, json)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    data = ledger_data(db_path, region=region, as_of=as_of)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    return _csv(data) if fmt == "csv" else _md(data)
