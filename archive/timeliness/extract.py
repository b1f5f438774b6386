"""The timeliness keys of ``ducha extract`` output (``objection``, ``dates``, ``timeliness_fields``).

Called by ``crawler/extraction`` once per detail page; pure and offline.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

from archive.timeliness.calendar import WorkingDayCalendar
from archive.timeliness.dates import find_dates, parse_iso_date
from archive.timeliness.fields import extract_fields
from archive.timeliness.objection import parse_objection
from archive.timeliness.url_dates import url_date

log = logging.getLogger(__name__)


def dates_object(body_text: str | None, *, url: str | None = None, cms_date: str | None = None,
                 list_date: str | None = None, stated_date: str | None = None,
                 attachment_texts: Iterable[str] = (), context_year: int | None = None) -> dict:
    """``{"cms", "list", "stated", "url", "url_precision", "found": [...]}``.

    ``found`` lists every date with its ``source`` (``cms``, ``list``, ``url``, and ``stated`` for
    dates in the text, with ``location`` ``body`` or ``attachment``), precision, kind, redaction.
    """
    url_mention = url_date(url)
    found: list[dict] = []
    for source, value in (("cms", cms_date), ("list", list_date)):
        if value:
            found.append({"value": value, "source": source, "precision": "day", "kind": "date", "redacted": False})
    if url_mention:
        found.append({"value": url_mention.iso(), "source": "url", "precision": url_mention.precision,
                      "kind": "date", "redacted": False, "text": url_mention.text})
    texts = [("body", body_text)] + [("attachment", t) for t in attachment_texts]
    for location, text in texts:
        for m in find_dates(text, context_year=context_year):
            found.append({"value": m.iso(), "source": "stated", "location": location, "precision": m.precision,
                          "kind": m.kind, "redacted": m.redacted, "text": m.text, "year_source": m.year_source})
    return {"cms": cms_date, "list": list_date, "stated": stated_date,
            "url": url_mention.iso() if url_mention else None,
            "url_precision": url_mention.precision if url_mention else None, "found": found}


def extract_timeliness(body_text: str | None, *, url: str | None = None, publish_date: str | None = None,
                       cms_date: str | None = None, list_date: str | None = None, stated_date: str | None = None,
                       attachment_texts: Iterable[str] = (),
                       calendar: WorkingDayCalendar | None = None) -> dict:
    """``{"objection": {...} | None, "dates": {...}, "timeliness_fields": {...}}`` for one page.

    ``objection`` is the contract object (``Objection.to_json()``) when the page or an attachment
    states an objection window, else None.  ``publish_date`` is the page's publication date
    (CMS/list, else stated) that "自发布之日起" counts from.
    """
    attachments = [t for t in attachment_texts if t]
    publish = parse_iso_date(publish_date or cms_date or list_date or stated_date)
    url_mention = url_date(url)
    context = publish or (url_mention.value if url_mention else None)
    context_year = context.year if context else None
    objection = None
    for text in [body_text or "", *attachments]:
        obj = parse_objection(text, publish_date=publish, calendar=calendar)
        if obj.found:
            objection = obj.to_json()
            break
    return {
        "objection": objection,
        "dates": dates_object(body_text, url=url, cms_date=cms_date, list_date=list_date, stated_date=stated_date,
                              attachment_texts=attachments, context_year=context_year),
        "timeliness_fields": extract_fields([body_text or "", *attachments], context_year=context_year),
    }
