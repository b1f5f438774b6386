"""Timeliness fields of a page (objection window, every date with its source) for captures and ``extract``."""
from __future__ import annotations

from collections.abc import Iterable

from archive.timeliness.calendar import WorkingDayCalendar
from archive.timeliness.extract import extract_timeliness

NOTICE_TYPES = {"acceptance_notice", "eia_notice"}
_CALENDAR = WorkingDayCalendar()


def is_notice(title: str, doc_type: str) -> bool:
    """A 公示: a posting that opens an objection period."""
    return doc_type in NOTICE_TYPES or "公示" in (title or "")


def unknown_objection() -> dict:
    """The objection object of a 公示 whose window the text does not state (every part unknown)."""
    return {"start": None, "end": None, "working_days": None, "deadline": None,
            "deadline_excluding_first_day": None, "calendar": _CALENDAR.version}


def timeliness_for(page, *, attachment_texts: Iterable[str] = ()) -> dict:
    """``{"objection", "dates", "timeliness_fields"}`` of an ExtractedPage.

    ``objection`` is present (possibly all null) for 公示 postings, and for any other posting
    that states a window; None otherwise.
    """
    dates = page.dates or {}
    out = extract_timeliness(page.body_text, url=page.url, publish_date=page.publish_date,
                             cms_date=dates.get("cms"), list_date=dates.get("list"),
                             stated_date=dates.get("stated"), attachment_texts=attachment_texts,
                             calendar=_CALENDAR)
    if out["objection"] is None and is_notice(page.title, page.doc_type):
        out["objection"] = unknown_objection()
    return out
