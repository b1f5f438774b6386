"""Which known postings a run fetches again, by what can still change (pure policy, no database).

A site's list pages are read every run; they show what arrived and what left.  Detail pages of
known postings are fetched again (conditional requests: ``If-None-Match`` / ``If-Modified-Since``):

* **arrivals** — postings first seen after the site's first crawl — every run for ``ARRIVAL_DAYS``
  (30) after they were first seen, whatever date they state: a posting that just appeared is the one
  that gets edited, backdated or taken down during its 公示;
* a posting whose **objection window** (公示期) is open: every run until the day after it closes;
* the **history** — what the site's first crawl found — and every arrival past its 30 days: a
  **rotation** that re-checks each posting at least once every ``recheck_days`` (``DUCHA_RECHECK_DAYS``,
  default 30).  A posting's turn is the day whose number modulo ``recheck_days`` equals a stable hash
  of its URL (so a site's postings are spread evenly over the days); it is skipped when the posting
  was already checked that day, and a posting whose last check is ``recheck_days`` old is due anyway
  (runs were missed);
* ``unreachable`` postings every run, ``removed`` ones weekly (restorations);
* and, decided by the spider from the lists it reads: a posting the list shows with another date or
  title, and a live posting missing from a complete list walk — both that same run.

Attachments behind a page that answered 304 are re-verified only on the posting's rotation turn
(or with ``--full``): a page that changed is fetched whole, its attachments with it.

The site's first crawl is the first run that found any of its postings (``KnownDocument.found_in_run``);
postings recorded outside a run count as history when first seen on the day of the site's first posting.
Intervals carry ``SLACK`` so that a run starting a little earlier than the last one does not push a
check to the next day.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from archive.models import KnownDocument

ARRIVAL_DAYS = 30
RECHECK_DAYS = 30
WEEK = timedelta(days=7)
SLACK = timedelta(hours=6)

#: Why a posting is due, in the order ``due_reason`` tries them.
REASONS = ("unreachable", "removed", "arrival", "objection", "overdue", "turn")


def as_datetime(value: str | datetime) -> datetime:
    """Parse an ISO 8601 timestamp (or pass a ``datetime`` through)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _last_check(doc: KnownDocument, now: datetime) -> datetime | None:
    """When ``doc`` was last checked, comparable with ``now``."""
    if not doc.last_checked_at:
        return None
    then = datetime.fromisoformat(doc.last_checked_at)
    if (then.tzinfo is None) != (now.tzinfo is None):
        return then.replace(tzinfo=now.tzinfo)
    return then.astimezone(now.tzinfo) if now.tzinfo is not None else then


def turn_of(url: str, recheck_days: int) -> int:
    """The posting's slot in the rotation: a stable hash of its URL modulo ``recheck_days``."""
    return zlib.crc32(url.encode("utf-8")) % recheck_days


def on_turn(doc: KnownDocument, today: date, recheck_days: int) -> bool:
    """True when ``today`` is the posting's rotation day."""
    return today.toordinal() % recheck_days == turn_of(doc.url, recheck_days)


def rotation_due(doc: KnownDocument, *, now: str | datetime, recheck_days: int = RECHECK_DAYS) -> str | None:
    """``"overdue"`` (last check ``recheck_days`` old, or never), ``"turn"`` (its day, not yet checked today),
    or None."""
    now_dt = as_datetime(now)
    last = _last_check(doc, now_dt)
    if last is None or now_dt - last >= timedelta(days=recheck_days) - SLACK:
        return "overdue"
    if on_turn(doc, now_dt.date(), recheck_days) and last.date() != now_dt.date():
        return "turn"
    return None


def due_reason(doc: KnownDocument, *, now: str | datetime, arrived: bool = False,
               recheck_days: int = RECHECK_DAYS) -> str | None:
    """Why ``doc`` is fetched in a run at ``now`` (one of ``REASONS``), or None when it is not.

    ``arrived``: the posting was first seen after its site's first crawl (``arrivals``)."""
    now_dt = as_datetime(now)
    today = now_dt.date()
    if doc.status == "unreachable":
        return "unreachable"
    if doc.status == "removed":
        last = _last_check(doc, now_dt)
        return "removed" if last is None or now_dt - last >= WEEK - SLACK else None
    first_seen = _as_date(doc.first_seen_at)
    if arrived and (first_seen is None or (today - first_seen).days <= ARRIVAL_DAYS):
        return "arrival"
    objection_end = _as_date(doc.objection_end)
    if objection_end is not None and today <= objection_end + timedelta(days=1):
        return "objection"
    return rotation_due(doc, now=now_dt, recheck_days=recheck_days)


def arrivals(docs: Iterable[KnownDocument]) -> set[str]:
    """URLs of the postings of one site that arrived after the site's first crawl."""
    docs = list(docs)
    runs = [d.found_in_run for d in docs if d.found_in_run is not None]
    first_run = min(runs) if runs else None
    days = [day for day in (_as_date(d.first_seen_at) for d in docs) if day is not None]
    first_day = min(days) if days else None
    out = set()
    for d in docs:
        if d.found_in_run is not None:
            arrived = first_run is not None and d.found_in_run > first_run
        else:
            seen = _as_date(d.first_seen_at)
            arrived = seen is not None and first_day is not None and seen > first_day
        if arrived:
            out.add(d.url)
    return out


@dataclass
class Plan:
    """What a run re-checks of one site's known postings."""

    due: dict[str, str] = field(default_factory=dict)  # url -> reason (one of REASONS, or "full")
    attachments: set[str] = field(default_factory=set)  # urls whose attachments are re-verified behind a 304

    def counts(self) -> dict[str, int]:
        """How many postings are due for each reason."""
        out: dict[str, int] = {}
        for reason in self.due.values():
            out[reason] = out.get(reason, 0) + 1
        return out


def plan(docs: Iterable[KnownDocument], *, now: str | datetime, full: bool = False,
         recheck_days: int = RECHECK_DAYS) -> Plan:
    """The re-checks of a run at ``now`` over ``docs`` (all known postings of one site; ``full``: everything)."""
    docs = list(docs)
    now_dt = as_datetime(now)
    arrived = arrivals(docs)
    out = Plan()
    for d in docs:
        reason = "full" if full else due_reason(d, now=now_dt, arrived=d.url in arrived, recheck_days=recheck_days)
        if reason is not None:
            out.due[d.url] = reason
        if full or rotation_due(d, now=now_dt, recheck_days=recheck_days):
            out.attachments.add(d.url)
    return out


def is_due(doc: KnownDocument, *, now: str | datetime, full: bool = False, arrived: bool = False,
           recheck_days: int = RECHECK_DAYS) -> bool:
    """True when ``doc`` should be fetched in a run happening at ``now`` (``full``: everything is due)."""
    return full or due_reason(doc, now=now, arrived=arrived, recheck_days=recheck_days) is not None


def due(docs: Iterable[KnownDocument], *, now: str | datetime, full: bool = False,
        recheck_days: int = RECHECK_DAYS) -> list[KnownDocument]:
    """The documents of ``docs`` (all known postings of one site) due at ``now``, in the given order."""
    docs = list(docs)
    wanted = plan(docs, now=now, full=full, recheck_days=recheck_days).due
    return [d for d in docs if d.url in wanted]
