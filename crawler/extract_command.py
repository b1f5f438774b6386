"""``ducha extract``: one saved detail page → the contract's JSON object.

The timeliness keys (``objection``, ``dates``, ``timeliness_fields``) come from
``archive.timeliness.extract``, the same library the archive's after-run measures use; a crawl does
not compute them per page (they are computed once per run, from the stored versions).
"""
from __future__ import annotations

from pathlib import Path

from archive.timeliness.calendar import WorkingDayCalendar
from archive.timeliness.extract import extract_timeliness
from crawler.extraction.decode import decode_html
from crawler.extraction.page import extract_page

#: postings that open an objection period (a 公示), whether or not the text states its window
NOTICE_DOC_TYPES = frozenset({"acceptance_notice", "eia_notice"})


def _unknown_objection(calendar: WorkingDayCalendar) -> dict:
    """The objection object of a 公示 whose window the text does not state (every part unknown)."""
    return {"start": None, "end": None, "working_days": None, "deadline": None,
            "deadline_excluding_first_day": None, "calendar": calendar.version}


def extract_file(path: Path, *, url: str, encoding: str | None = None) -> dict:
    """Extract a saved page; ``encoding`` forces the decoding, else it is detected."""
    body = path.read_bytes()
    text = body.decode(encoding) if encoding else decode_html(body)[0]
    page = extract_page(text, url)
    result = page.to_json()
    calendar = WorkingDayCalendar()
    dates = page.dates or {}
    timeliness = extract_timeliness(page.body_text, url=page.url, publish_date=page.publish_date,
                                    cms_date=dates.get("cms"), list_date=dates.get("list"),
                                    stated_date=dates.get("stated"), calendar=calendar)
    objection = timeliness["objection"]
    if objection is None and (page.doc_type in NOTICE_DOC_TYPES or "公示" in (page.title or "")):
        objection = _unknown_objection(calendar)  # a 公示 always says what is known of its window
    if objection is not None:
        result["objection"] = objection
    result["dates"] = timeliness["dates"]
    result["timeliness_fields"] = timeliness["timeliness_fields"]
    return result
