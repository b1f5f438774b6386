"""The official working-day calendar (with 调休), wrapped so an unannounced year is explicit.

``chinese_calendar`` (PyPI ``chinesecalendar``, pinned) knows the State Council's holiday
arrangements for the years it covers (1.11.0: 2004–2026) and raises ``NotImplementedError``
otherwise.  ``WorkingDayCalendar`` turns that into ``CalendarNotAnnounced(year)`` so callers
record "calendar not announced for 2027" instead of silently falling back to Mon–Fri.

Two counting conventions, both with the same ``n``:

* ``include_first=True`` — the notices' own ("自发布之日起10个工作日内": the publication day,
  if a workday, is day 1).  2024-07-03 + 10 → 2024-07-16.
* ``include_first=False`` — 民法典 Art. 201 (开始的当日不计入): counting starts the next day.
  2024-07-03 + 10 → 2024-07-17.
"""
from __future__ import annotations

import datetime as dt
import importlib.metadata
import logging

import chinese_calendar

from archive.errors import ArchiveError

log = logging.getLogger(__name__)

_DIST = "chinesecalendar"
_MAX_SCAN_DAYS = 400  # no run of non-workdays is anywhere near this long


class CalendarNotAnnounced(ArchiveError):
    """The working-day calendar for ``year`` is not (yet) in the pinned calendar package."""

    def __init__(self, year: int, version: str = ""):
        self.year = year
        self.version = version
        super().__init__(f"calendar not announced for {year}" + (f" ({version})" if version else ""))

    @property
    def status(self) -> str:
        """Machine-readable state stored beside the null figures: ``not_announced:2027``."""
        return f"not_announced:{self.year}"


def calendar_version() -> str:
    """``"chinese_calendar 1.11.0"``: the package and version every computed figure records."""
    try:
        return f"chinese_calendar {importlib.metadata.version(_DIST)}"
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - installed from source
        return f"chinese_calendar {getattr(chinese_calendar, '__version__', 'unknown')}"


class WorkingDayCalendar:
    """Working days of the PRC official calendar; every method raises ``CalendarNotAnnounced``
    for a date in a year the calendar does not cover (never a Mon–Fri guess)."""

    def __init__(self) -> None:
        self.version = calendar_version()
        self._cache: dict[dt.date, bool] = {}

    def covers(self, year: int) -> bool:
        """True when the calendar for ``year`` is announced (in the pinned package)."""
        try:
            self.is_workday(dt.date(year, 1, 1))
        except CalendarNotAnnounced:
            return False
        return True

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (调休 weekend workdays included, holidays excluded)."""
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        try:
            result = bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            log.info("calendar not announced for %s (%s)", day.year, self.version)
            raise CalendarNotAnnounced(day.year, self.version) from None
        self._cache[day] = result
        return result

    def count_workdays(self, start: dt.date, end: dt.date, *, include_first: bool = True) -> int:
        """Working days from ``start`` to ``end`` inclusive (``start`` itself excluded when
        ``include_first`` is False); 0 when ``end`` is before the first counted day."""
        first = start if include_first else start + dt.timedelta(days=1)
        total = 0
        day = first
        while day <= end:
            total += self.is_workday(day)
            day += dt.timedelta(days=1)
        return total

    def add_workdays(self, start: dt.date, n: int, *, include_first: bool = True) -> dt.date | None:
        """The ``n``-th working day counted from ``start`` (the last day of an ``n``-working-day
        period); None when ``n`` < 1.  Raises ``CalendarNotAnnounced`` when the count reaches
        a year the calendar does not cover."""
        if n < 1:
            return None
        day = start if include_first else start + dt.timedelta(days=1)
        seen = 0
        for _ in range(n * 7 + _MAX_SCAN_DAYS):
            if self.is_workday(day):
                seen += 1
                if seen == n:
                    return day
            day += dt.timedelta(days=1)
        raise AssertionError("unreachable: no working day found")  # pragma: no cover


_DEFAULT: WorkingDayCalendar | None = None


def default_calendar() -> WorkingDayCalendar:
    """A shared ``WorkingDayCalendar`` (its cache is per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = WorkingDayCalendar()
    return _DEFAULT
