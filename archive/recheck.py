"""Which known postings a run should fetch again (pure policy, no database).

* ``unreachable`` postings: every run (we want to know as soon as they answer again);
* ``removed`` postings: weekly, to catch restorations;
* live postings: every run while young — first seen, or published, within ``YOUNG_DAYS`` (whichever
  is later; a publication date in the future does not make a posting young) — or while its objection
  window is still open (its end ≥ today); then weekly up to a year after its date; monthly after that.

Intervals carry ``SLACK`` so that a daily run starting a little earlier than last week's does
not push a weekly check to the eighth day.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from archive.models import KnownDocument

YOUNG_DAYS = 30
WEEKLY_UNTIL_DAYS = 365
WEEK = timedelta(days=7)
MONTH = timedelta(days=30)
SLACK = timedelta(hours=6)


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


def _elapsed_since(value: str | None, now: datetime) -> timedelta | None:
    if not value:
        return None
    then = datetime.fromisoformat(value)
    if (then.tzinfo is None) != (now.tzinfo is None):
        then = then.replace(tzinfo=now.tzinfo)
    return now - then


def _young(doc: KnownDocument, today: date) -> bool:
    """Watched every run: first seen within ``YOUNG_DAYS`` (an old-dated or backdated posting we just found is
    exactly the one that gets edited), or published within ``YOUNG_DAYS`` (a date in the future does not count)."""
    first_seen = _as_date(doc.first_seen_at)
    if first_seen is None or (today - first_seen).days <= YOUNG_DAYS:
        return True
    published = _as_date(doc.publish_date)
    return published is not None and 0 <= (today - published).days <= YOUNG_DAYS


def interval(doc: KnownDocument, now: datetime) -> timedelta:
    """How long after its last check ``doc`` is due again (``timedelta(0)``: every run)."""
    if doc.status == "unreachable":
        return timedelta(0)
    if doc.status == "removed":
        return WEEK
    today = now.date()
    objection_end = _as_date(doc.objection_end)
    if objection_end is not None and objection_end >= today:
        return timedelta(0)
    if _young(doc, today):
        return timedelta(0)
    born = _as_date(doc.publish_date) or _as_date(doc.first_seen_at)
    age = (today - born).days if born else 0
    if age <= WEEKLY_UNTIL_DAYS:
        return WEEK
    return MONTH


def is_due(doc: KnownDocument, *, now: str | datetime, full: bool = False) -> bool:
    """True when ``doc`` should be fetched in a run happening at ``now`` (``full``: everything is due)."""
    if full:
        return True
    now_dt = as_datetime(now)
    wait = interval(doc, now_dt)
    if wait == timedelta(0):
        return True
    elapsed = _elapsed_since(doc.last_checked_at, now_dt)
    return elapsed is None or elapsed >= wait - SLACK


def due(docs: Iterable[KnownDocument], *, now: str | datetime, full: bool = False) -> list[KnownDocument]:
    """The documents of ``docs`` that are due at ``now``, in the given order."""
    return [d for d in docs if is_due(d, now=now, full=full)]
