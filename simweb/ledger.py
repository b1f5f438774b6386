"""Ground truth of the rectification ledger: the plan of each (site, 督察 round) and its tasks.

Every 整改方案 posting of a site publishes the plan of its round (republications carry the same
tasks); every 验收销号 posting of the same site and round closes one or two of those tasks, citing
them in the title (第3项 / 第十二项 / 第4、9项 / 第四项、第九项), or only by name in the title and
body with the number inside the attached 验收销号表.  整改进展 postings of the round carry a status
table of (some of) its tasks — in the HTML body, or an attached XLSX, DOCX or PDF printed without ruled
lines — with 已完成 / 基本完成 / 序时推进 / 未完成 …, some renumbered 1, 2, 3 ….  Deterministic: sub-RNGs named by seed, site
and round, so no draw of the posting skeletons changes.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass

from simweb import templates_zh as T
from simweb.corpus import rng_for
from simweb.ledger_forms import (
    COMBINED_STATUSES,
    UNREAD_STATUSES,
    bare_year,
    combined_status,
    unread_deadline,
    unread_status,
)
from simweb.portals import plan_owner

logger = logging.getLogger(__name__)

#: base year of each round's deadlines
_BASE_YEAR = {0: 2022, 1: 2024, 2: 2019, 3: 2023, 4: 2025}
TASK_FORMATS = ("html", "text", "xlsx", "docx", "pdf")
_CN = "〇一二三四五六七八九"
_TITLE_CITE = re.compile(r"第[\d一二三四五六七八九十、第]+项|省编号第\d+号|序号[一二三四五六七八九十]+")


@dataclass(frozen=True)
class TaskSpec:
    """One task of a plan as the simulated web publishes it, with its true deadline."""

    number: int
    problem: str
    lead_units: str
    responsible_units: str
    deadline_text: str
    deadline: str | None  # last allowed day
    deadline_kind: str  # date | immediate | ongoing


@dataclass(frozen=True)
class PlanSpec:
    """The plan of one (site, round)."""

    round: str
    tasks: tuple[TaskSpec, ...]

    def task(self, number: int) -> TaskSpec:
        """Task ``number`` (1-based)."""
        return self.tasks[number - 1]


def _last(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _deadline(rng, base: int) -> tuple[str, str | None, str]:
    y = base + rng.randint(0, 2)
    m = rng.randint(1, 12)
    form = rng.choice(("month_end", "month_end", "year_end", "day", "month", "immediate", "ongoing", "immediate_then"))
    if form == "month_end":
        return f"{y}年{m}月底前", _last(y, m).isoformat(), "date"
    if form == "year_end":
        return f"{y}年底前", f"{y}-12-31", "date"
    if form == "day":
        d = rng.randint(1, _last(y, m).day)
        return f"{y}年{m}月{d}日前", dt.date(y, m, d).isoformat(), "date"
    if form == "month":
        return f"{y}年{m}月", _last(y, m).isoformat(), "date"
    if form == "immediate":
        return "立行立改", None, "immediate"
    if form == "ongoing":
        return "长期坚持", None, "ongoing"
    return f"立行立改，{y}年{m}月底前完成", _last(y, m).isoformat(), "date"


def plan_for(seed: int, site_id: str, rnd: str) -> PlanSpec:
    """The plan ``site_id`` publishes for round ``rnd`` (6–14 tasks with distinct problems): its own, or on a
    city's department site the city's (``simweb.portals.plan_owner``)."""
    site_id = plan_owner(site_id)
    rng = rng_for(seed, site_id, "plan", rnd)
    base = _BASE_YEAR.get(T.ROUNDS.index(rnd) if rnd in T.ROUNDS else 0, 2022)
    n = rng.randint(6, 14)
    problems = rng.sample(T.TASKS, n)
    tasks = []
    for i, problem in enumerate(problems, start=1):
        text, last, kind = _deadline(rng, base)
        text, last, kind = unread_deadline(seed, site_id, rnd, i, (bare_year(seed, site_id, rnd, i, text), last, kind))
        tasks.append(TaskSpec(i, problem if problem.endswith("问题") else f"{problem}问题", rng.choice(T.UNITS), rng.choice(T.UNITS), text, last, kind))
    return PlanSpec(rnd, tuple(tasks))


def plan_format(seed: int, site_id: str, key: str) -> str:
    """Where a plan posting lists its tasks: an HTML table in the body, numbered text, or an XLSX/DOCX/PDF attachment."""
    return rng_for(seed, site_id, key, "plan-format").choice(TASK_FORMATS)


def stated_extra(seed: int, site_id: str, key: str) -> int:
    """How many more problems the plan's text states than its table lists (0 for most plans)."""
    rng = rng_for(seed, site_id, key, "plan-stated")
    return rng.choice((1, 2)) if rng.random() < 0.2 else 0


def cn_small(n: int) -> str:
    """十二 for 12 (1–99)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + ("" if ones == 0 else _CN[ones])


def closure_numbers(seed: int, site_id: str, key: str, drawn: int, n: int) -> tuple[int, ...]:
    """The task(s) an acceptance notice closes: ``drawn`` folded into 1..n, and in a fifth of the
    notices a second task."""
    first = (drawn - 1) % n + 1
    rng = rng_for(seed, site_id, key, "closure")
    if n > 1 and rng.random() < 0.2:
        second = rng.choice([k for k in range(1, n + 1) if k != first])
        return tuple(sorted((first, second)))
    return (first,)


def cite(seed: int, site_id: str, key: str, numbers: tuple[int, ...]) -> str:
    """"第3项" / "第十二项" / "第4、9项" / "第四项、第九项"."""
    chinese = rng_for(seed, site_id, key, "cite").random() < 0.4
    if len(numbers) == 1:
        n = numbers[0]
        return f"第{cn_small(n) if chinese else n}项"
    if chinese:
        return "、".join(f"第{cn_small(n)}项" for n in numbers)
    return "第" + "、".join(str(n) for n in numbers) + "项"


PROGRESS_FORMATS = ("html", "xlsx", "docx", "pdf")
#: status wording of progress tables → the class ``archive.ledger.progress.status_class`` gives it
PROGRESS_STATUSES = {"已完成": "done", "已完成整改": "done", "基本完成": "mostly_done", "序时推进": "on_track",
                     "达到序时进度": "on_track", "未完成": "behind", "未达到序时进度": "behind"}
STATUS_CLASSES = {**PROGRESS_STATUSES, **COMBINED_STATUSES, **UNREAD_STATUSES}
_PROGRESS_HEADERS = (("序号", "整改任务", "责任单位", "整改时限", "整改进展"),
                     ("序号", "问题", "牵头单位", "整改时限", "完成情况"))


def progress_table(seed: int, site_id: str, key: str, rnd: str) -> tuple[tuple[str, ...], ...]:
    """The status table of a 整改进展 report: a header and some of its round's plan tasks (in plan
    order), each with a status; in three tables out of ten the rows are renumbered 1, 2, 3 …"""
    plan = plan_for(seed, site_id, rnd)
    rng = rng_for(seed, site_id, key, "progress-table")
    n = len(plan.tasks)
    chosen = sorted(rng.sample(range(1, n + 1), rng.randint(3, n)))
    renumber = rng.random() < 0.3
    header = rng.choice(_PROGRESS_HEADERS)
    rows = [header]
    for i, number in enumerate(chosen, start=1):
        t = plan.task(number)
        status = unread_status(seed, site_id, key, i, combined_status(seed, site_id, key, i,
                                                                      rng.choice(tuple(PROGRESS_STATUSES))))
        rows.append((str(i if renumber else number), t.problem, t.lead_units, t.deadline_text, status))
    return tuple(rows)


def progress_entries(seed: int, site_id: str, key: str, rnd: str) -> list[tuple[int, str]]:
    """(plan task number, status as written) of each row of ``progress_table``."""
    plan = plan_for(seed, site_id, rnd)
    number = {t.problem: t.number for t in plan.tasks}
    return [(number[row[1]], row[4]) for row in progress_table(seed, site_id, key, rnd)[1:]]


def ledger_truth(seed: int, views: list) -> dict:
    """The ledger the simulated web implies on one day: every plan posting with its tasks, true
    deadlines and the URLs of the 验收销号 postings (same plan owner, same round) that close each task.

    ``views`` are ``world.DocView`` objects of the day (any status; each record says its status).  Plans
    are keyed by their owner (``simweb.portals.plan_owner``: a department site re-posts its city's plan).
    """
    notices: dict[tuple[str, str], list] = {}
    for v in views:  # a close-out citing the province's (or the central inspection's) numbering closes the province's plan
        if v.skel.doc_type == "acceptance_notice":
            notices.setdefault((v.skel.params.get("upcite", plan_owner(v.site.id)), v.skel.params["round"]), []).append(v)
    reports: dict[tuple[str, str], list] = {}
    for v in views:
        if v.skel.doc_type == "rectification_progress" and v.skel.params.get("progress"):
            reports.setdefault((plan_owner(v.site.id), v.skel.params["round"]), []).append(v)
    plans = []
    for v in views:
        if v.skel.doc_type != "rectification_plan":
            continue
        p = v.skel.params
        owner = plan_owner(v.site.id)
        plan = plan_for(seed, owner, p["round"])
        closing = notices.get((owner, p["round"]), [])
        progress: dict[int, list[dict]] = {}
        for r in reports.get((owner, p["round"]), []):
            for number, text in progress_entries(seed, r.site.id, r.skel.key, p["round"]):
                progress.setdefault(number, []).append(
                    {"url": r.url, "posted": r.state.list_date.isoformat(), "status": r.state.status,
                     "status_text": text, "status_class": STATUS_CLASSES[text], "format": r.skel.params["progress"]})
        tasks = []
        for t in plan.tasks:
            closures = [{"url": n.url, "posted": n.state.list_date.isoformat(), "status": n.state.status,
                         "cited_in": "title" if _TITLE_CITE.search(n.skel.title) else "attachment",
                         "cross_level": "upcite" in n.skel.params}
                        for n in closing if str(t.number) in n.skel.params["nos"].split(",")]
            tasks.append({"number": t.number, "problem": t.problem, "lead_units": t.lead_units,
                          "responsible_units": t.responsible_units, "deadline_text": t.deadline_text,
                          "deadline": t.deadline, "deadline_kind": t.deadline_kind,
                          "closure_urls": sorted(c["url"] for c in closures), "closures": closures,
                          "progress": sorted(progress.get(t.number, []), key=lambda e: (e["posted"], e["url"]))})
        plans.append({"site_id": v.site.id, "plan_owner": owner, "url": v.url, "status": v.state.status,
                      "round": p["round"], "published": v.state.list_date.isoformat(), "format": p["format"],
                      "task_count_stated": int(p["n"]), "task_count": len(plan.tasks), "tasks": tasks})
    return {"plans": plans, "closeouts": _closeouts(notices, plans)}


def _closeouts(notices: dict[tuple[str, str], list], plans: list[dict]) -> list[dict]:
    """Every 验收销号 posting with the plan it closes (``plan_site_id``: the plan's owner, ``round``), the
    numbers it cites, whose numbering (``cites``: own, province — 省编号 / 序号 — or central: the central
    inspection's, kept in the province's plan) and, when no posting of that plan is live on the day,
    why it is an orphan (``orphan``)."""
    from simweb.sites import served_sites

    served = {s.id for s in served_sites()} | {plan_owner(s.id) for s in served_sites()}
    live = {(p["plan_owner"], p["round"]) for p in plans if p["status"] == "live"}

    def orphan(owner: str, rnd: str) -> str | None:
        if (owner, rnd) in live:
            return None
        return "plan_not_posted" if owner in served else "no_site_serves_the_plan"

    return [{"url": n.url, "site_id": n.site.id, "status": n.state.status, "posted": n.state.list_date.isoformat(),
             "plan_site_id": owner, "round": rnd, "numbers": sorted(map(int, n.skel.params["nos"].split(","))),
             "cross_level": "upcite" in n.skel.params, "cites": n.skel.params.get("cites", "own"),
             "orphan": orphan(owner, rnd)}
            for (owner, rnd), group in sorted(notices.items()) for n in group]


def only_sites(truth: dict, site_ids: set[str]) -> dict:
    """``truth`` as a crawl of only ``site_ids`` sees it (other sites' plans absent, their close-outs unseen)."""
    plans = []
    for p in truth["plans"]:
        if p["site_id"] in site_ids:
            tasks = [{**t, "closures": [c for c in t["closures"] if c["url"].split("/")[2] in _hosts(site_ids)]}
                     for t in p["tasks"]]
            plans.append({**p, "tasks": [{**t, "closure_urls": sorted(c["url"] for c in t["closures"])} for t in tasks]})
    return {**truth, "plans": plans, "closeouts": [c for c in truth.get("closeouts", []) if c["site_id"] in site_ids]}


def _hosts(site_ids: set[str]) -> set[str]:
    from simweb.sites import served_sites

    return {s.host for s in served_sites() if s.id in site_ids}


def pr(expected: set, got: set) -> dict:
    hit = len(expected & got)
    return {"expected": len(expected), "found": len(got), "correct": hit,
            "precision": round(hit / len(got), 4) if got else 1.0,
            "recall": round(hit / len(expected), 4) if expected else 1.0}


def _score_progress(live: list[dict], got_plans: dict, as_of: str) -> dict:
    """Per-task progress rows (plan, task, report, status as written) per report format, and the
    "reported done, no close-out 公示" flags (the newest report by date, then URL, says done)."""
    exp: dict[str, set] = {f: set() for f in (*PROGRESS_FORMATS, "all")}
    got: set = set()
    exp_flag: set = set()
    got_flag: set = set()
    for p in live:
        for t in p["tasks"]:
            entries = [e for e in t["progress"] if e["status"] == "live" and e["posted"] <= as_of]
            for e in entries:
                row = (p["url"], t["number"], e["url"], e["status_text"], e["status_class"])
                exp[e["format"]].add(row)
                exp["all"].add(row)
            closed = any(c["status"] == "live" and c["posted"] <= as_of for c in t["closures"])
            if entries and entries[-1]["status_class"] == "done" and not closed:
                exp_flag.add((p["url"], t["number"]))
    for url, p in got_plans.items():
        for t in p["tasks"]:
            got |= {(url, t["number"], e["url"], e["status_text"], e["status"]) for e in t.get("progress", [])}
            if t.get("claimed_done_without_closeout"):
                got_flag.add((url, t["number"]))
    by_url = {row[2]: fmt for fmt, rows in exp.items() if fmt != "all" for row in rows}
    out = {"progress_rows": {fmt: pr(exp[fmt], {r for r in got if fmt == "all" or by_url.get(r[2]) == fmt})
                             for fmt in exp},
           "claimed_done_without_closeout": pr(exp_flag, got_flag)}
    out["missed_progress"] = sorted(exp["all"] - got)[:20]
    out["wrong_progress"] = sorted(got - exp["all"])[:20]
    return out


def _unread_truth(live: list[dict], as_of: str) -> set[tuple]:
    """The cells no reader reads (``ledger_forms.UNREAD_*``): (plan or report URL, task, kind, words)."""
    out = {(p["url"], t["number"], "deadline", t["deadline_text"]) for p in live for t in p["tasks"]
           if t["deadline_kind"] == "unknown"}
    return out | {(e["url"], t["number"], "status", e["status_text"]) for p in live for t in p["tasks"]
                  for e in t["progress"] if e["status_class"] == "other" and e["status"] == "live" and e["posted"] <= as_of}


def score(truth: dict, ledger: dict) -> dict:
    """Precision/recall of a built ledger (the ``ducha report ledger --format json`` shape) against
    ``truth`` (``manifest["ledger"]``): tasks per source format, closure links, overdue flags, per-task
    progress rows per report format (status as written and as classed), "reported done, no close-out" flags and the
    cells no reader reads (``unread_cells``: ``ledger_unread``'s list).

    Only live plans and live closure notices count (what one crawl of the day can see).  Close-outs across
    levels, orphans and the counts per publisher: ``simweb.ledger_levels``.
    """
    from simweb.ledger_levels import score_levels

    as_of = ledger["as_of"]
    got_plans = {p["url"]: p for p in ledger["plans"]}
    live = [p for p in truth["plans"] if p["status"] == "live"]
    out: dict = {"plans": pr({p["url"] for p in live}, set(got_plans)), "tasks": {}}
    exp_links: set = set()
    got_links: set = set()
    exp_over: set = set()
    got_over: set = set()
    for fmt in (*TASK_FORMATS, "all"):
        exp_t, got_t = set(), set()
        for p in live:
            if fmt != "all" and p["format"] != fmt:
                continue
            exp_t |= {(p["url"], t["number"], t["problem"], t["deadline_text"], t["deadline"]) for t in p["tasks"]}
            g = got_plans.get(p["url"], {"tasks": []})
            got_t |= {(p["url"], t["number"], t["problem"], t["deadline_text"], t["deadline"]) for t in g["tasks"]}
        out["tasks"][fmt] = pr(exp_t, got_t)
    for p in live:
        for t in p["tasks"]:
            closures = [c for c in t["closures"] if c["status"] == "live" and c["posted"] <= as_of]
            exp_links |= {(p["url"], t["number"], c["url"]) for c in closures}
            if t["deadline"] is not None and t["deadline"] < as_of and not closures:
                exp_over.add((p["url"], t["number"]))
    for url, p in got_plans.items():
        for t in p["tasks"]:
            got_links |= {(url, t["number"], c) for c in t["closure_urls"]}
            if t["overdue"]:
                got_over.add((url, t["number"]))
    out["closure_links"] = pr(exp_links, got_links)
    out.update(score_levels(truth, ledger, exp_links, got_links))
    out.update(_score_progress(live, got_plans, as_of))
    out["overdue"] = pr(exp_over, got_over)
    out["unread_cells"] = pr(_unread_truth(live, as_of), {(w["posted_in"], w["number"], w["kind"], w["words"])
                                                         for w in ledger.get("unread_wordings", [])})
    stated = {p["url"]: p["task_count_stated"] for p in live}
    out["stated_counts_wrong"] = sorted(u for u, p in got_plans.items()
                                        if u in stated and p.get("task_count_stated") != stated[u])
    out["missed_links"] = sorted(exp_links - got_links)[:20]
    out["wrong_links"] = sorted(got_links - exp_links)[:20]
    return out
