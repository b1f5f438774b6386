"""Timeliness measures: dates, working-day calendar, objection windows, lags.

Public API (plain library; no Scrapy, no Click)::

    find_dates(text, *, context_year=None) -> list[DateMention]      # archive.timeliness.dates
    url_date(url) -> DateMention | None                              # archive.timeliness.url_dates
    WorkingDayCalendar().is_workday / count_workdays / add_workdays   # raises CalendarNotAnnounced
    parse_objection(text, *, publish_date) -> Objection               # .to_json(): the extract object
    extract_fields(texts, *, context_year=None) -> dict                # acceptance, feedback, 文号, …
    extract_timeliness(...) -> dict                                    # "objection" + "dates" for ducha extract
    posting_measures(doc, versions, events, ...) -> dict               # one timeliness row, no database
    compute_measures(db, *, now, tolerance_days=3) -> int              # writes the tables
    render_report(db, *, region=None, since=None, fmt="md") -> str
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from archive.lazy import exports

if TYPE_CHECKING:
    from archive.timeliness.calendar import CalendarNotAnnounced, WorkingDayCalendar, calendar_version
    from archive.timeliness.compute import compute_measures
    from archive.timeliness.dates import DateMention, find_dates
    from archive.timeliness.fields import extract_fields, find_doc_numbers
    from archive.timeliness.measures import posting_measures
    from archive.timeliness.objection import Objection, parse_objection
    from archive.timeliness.url_dates import url_date

#: Where each public name lives, imported on first use (archive/lazy.py)
_HOMES = {
    "CalendarNotAnnounced": "calendar", "WorkingDayCalendar": "calendar", "calendar_version": "calendar",
    "compute_measures": "compute",
    "DateMention": "dates", "find_dates": "dates", "url_date": "url_dates",
    "extract_fields": "fields", "find_doc_numbers": "fields",
    "posting_measures": "measures",
    "Objection": "objection", "parse_objection": "objection",
}

__all__ = [
    "CalendarNotAnnounced", "DateMention", "Objection", "WorkingDayCalendar", "calendar_version",
    "compute_measures", "extract_fields", "find_dates", "find_doc_numbers", "parse_objection",
    "posting_measures", "url_date",
]

__getattr__ = exports(__name__, _HOMES)
