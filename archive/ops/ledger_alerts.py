"""Ledger alerts: a task that became overdue, a task reported done without a close-out, and close-outs of
tasks in the watched regions.

Read from ``archive.ledger.view.plan_views`` as of the crawl's date in China (the same statuses as
``ducha report ledger`` and the ledger pages), after the run's ledger build.  Each event goes out
**once**: its ``key`` (``overdue:<plan posting id>:<task number>``, ``closure:<plan posting id>:<task
number>:<notice id>``, ``claimed:<plan posting id>:<task number>:<report id>`` — posting ids, stable
across ledger rebuilds) is read back from the digests in
``alerts_sent``.  No reminders and no recovery lines: an overdue task stays listed on the ledger
pages, and its close-out (in a watched region) is an event of its own.

* overdue — every region, unless ``alerts.ledger_overdue: false``;
* reported done without a close-out — the newest 整改进展 report calls the task 已完成 and no 验收销号 公示
  backs it (``claimed_done_without_closeout``): every region, with the overdue switch (both are tasks
  whose public record is missing);
* close-outs — only plans whose region starts with one of ``alerts.ledger_regions`` (``四川`` covers
  四川省 and its cities); none when the list is empty;
* close-outs tied to no task — a 验收销号 公示 of a watched region whose task no reader could tell (no number read,
  no task's words matched, not an orphan: ``archive.ledger.unread``), key ``unlinked:<notice id>``: without it a
  watched region's close-out the readers missed would pass in silence, its task left open.
"""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from archive.ledger.unread import unlinked_closeouts
from archive.ledger.view import plan_views
from archive.ops.config import AlertConfig, absolute
from archive.ops.db import SHANGHAI, DbLike, opened
from archive.regions import matches

logger = logging.getLogger(__name__)

#: How many events of each kind a digest's text lists (the webhook payload has them all).
TEXT_LIMIT = 30
_KIND_ORDER = ("overdue", "claimed", "closure", "unlinked")


@dataclass(frozen=True)
class LedgerEvent:
    """One ledger event for the digest."""

    key: str
    kind: str                      # overdue | claimed | closure | unlinked
    region: str
    plan_document_id: int | None   # None: a close-out tied to no task (unlinked)
    plan_title: str | None
    number: int | None
    problem: str | None
    deadline: str | None
    since: str | None              # overdue: the day after the deadline; claimed: the report's date;
    #                                closure: the notice's first seen
    notice_document_id: int | None = None
    notice_url: str | None = None
    notice_title: str | None = None
    posted: str | None = None
    reported: str | None = None    # claimed: the status as the report words it

    def line(self, base_url: str = "") -> str:
        """One line of the digest's text (and the link to follow, absolute when ``base_url`` is known)."""
        if self.kind == "unlinked":
            return (f"  - {self.region} — close-out posted {self.posted or '?'}, tied to no task: "
                    f"{self.notice_title or ''}\n    {self.notice_url}")
        head = f"  - {self.region} 第{self.number}项 {self.problem or ''}".rstrip()
        if self.kind == "overdue":
            return (f"{head} — deadline {self.deadline}, overdue since {self.since} · {self.plan_title or ''}\n"
                    f"    {absolute(f'/-/ducha/ledger/{self.plan_document_id}#task-{self.number}', base_url)}")
        if self.kind == "claimed":
            return (f"{head} — reported {self.reported} on {self.posted or '?'} in {self.notice_title or ''},"
                    f" no close-out 公示\n    {self.notice_url}")
        return (f"{head} — close-out posted {self.posted or '?'}: {self.notice_title or ''}\n"
                f"    {self.notice_url}")


def alerted_keys(db: DbLike) -> set[str]:
    """The ledger keys already sent in a digest (any channel that succeeded)."""
    with opened(db) as handle:
        rows = handle.execute(
            "SELECT DISTINCT json_extract(e.value, '$.key') FROM alerts_sent a, json_each(a.payload, '$.ledger') e"
            " WHERE a.ok = 1 AND json_valid(a.payload)").fetchall()
    return {r[0] for r in rows if r[0]}


def ledger_events(db: DbLike, cfg: AlertConfig, *, now: datetime) -> list[LedgerEvent]:
    """The overdue and watched close-out events not sent before, as of ``now``'s date in China."""
    if not cfg.ledger_overdue and not cfg.ledger_regions:
        return []
    as_of = now.astimezone(SHANGHAI).date().isoformat()
    with opened(db) as handle:
        try:
            plans = plan_views(handle.conn, as_of=as_of)
            unlinked = unlinked_closeouts(handle.conn, as_of=as_of) if cfg.ledger_regions else []
        except sqlite3.Error as exc:  # no ledger tables yet: nothing to say
            logger.warning("ledger alerts skipped: %s", exc)
            return []
    sent = alerted_keys(db)
    events = []
    for plan in plans:
        watched = any(matches(plan["region"], region) for region in cfg.ledger_regions)
        base = {"region": plan["region"] or "", "plan_document_id": plan["document_id"], "plan_title": plan["title"]}
        for task in plan["tasks"]:
            task_base = {**base, "number": task["number"], "problem": task["problem"], "deadline": task["deadline"]}
            if cfg.ledger_overdue and task["overdue"]:
                events.append(LedgerEvent(key=f"overdue:{plan['document_id']}:{task['number']}", kind="overdue",
                                          since=task["overdue_since"], **task_base))
            latest = task.get("latest_progress")
            if cfg.ledger_overdue and task.get("claimed_done_without_closeout") and latest:
                events.append(LedgerEvent(
                    key=f"claimed:{plan['document_id']}:{task['number']}:{latest['document_id']}", kind="claimed",
                    since=latest["posted"], notice_document_id=latest["document_id"], notice_url=latest["url"],
                    notice_title=latest["title"], posted=latest["posted"], reported=latest["status_text"],
                    **task_base))
            for c in task["closures"] if watched else []:
                events.append(LedgerEvent(
                    key=f"closure:{plan['document_id']}:{task['number']}:{c['document_id']}", kind="closure",
                    since=c["first_seen_at"], notice_document_id=c["document_id"], notice_url=c["url"],
                    notice_title=c["title"], posted=c["posted"], **task_base))
    events += [LedgerEvent(key=f"unlinked:{c['document_id']}", kind="unlinked", region=c["region"] or "",
                           plan_document_id=None, plan_title=None, number=None, problem=None, deadline=None,
                           since=c["posted"], notice_document_id=c["document_id"], notice_url=c["posted_in"],
                           notice_title=c["words"], posted=c["posted"])
               for c in unlinked if any(matches(c["region"], region) for region in cfg.ledger_regions)]
    new = [e for e in events if e.key not in sent]
    new.sort(key=lambda e: (_KIND_ORDER.index(e.kind), e.since or "", e.region, e.number or 0))
    logger.info("ledger alerts as of %s: %d new of %d", as_of, len(new), len(events))
    return new


def ledger_text(events: list[LedgerEvent], base_url: str = "") -> list[str]:
    """The digest's ledger sections: tasks that became overdue, reported done without a close-out, then close-outs in
    watched regions, linked and tied to no task.

    Events that read the same (one progress report calling the same task done in two copies of a plan) are
    one line: the reader is told each fact once."""
    lines: list[str] = []
    for kind, heading in (("overdue", "Tasks that became overdue (no close-out by the deadline)"),
                          ("claimed", "Tasks reported done without a close-out 公示"),
                          ("closure", "Close-outs in watched regions"),
                          ("unlinked", "Close-outs in watched regions tied to no task (which task they close: check by hand)")):
        chosen = list(dict.fromkeys(e.line(base_url) for e in events if e.kind == kind))
        if not chosen:
            continue
        lines.append(f"{heading} ({len(chosen)}):")
        lines += chosen[:TEXT_LIMIT]
        if len(chosen) > TEXT_LIMIT:
            lines.append(f"  … and {len(chosen) - TEXT_LIMIT} more (see {absolute('/-/ducha/ledger', base_url)})")
        lines.append("")
    return lines

