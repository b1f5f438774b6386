"""Date parsing for list pages: every shown form normalised to ``YYYY-MM-DD``, nothing invented.

List pages print dates as ``2024-07-03``, ``2024/7/3``, ``2024.07.03``, ``2024年07月03日``,
``[2024-07-03]``, ``2024-07-03 10:23`` or year-less ``07-03`` / ``7月3日``.  A year-less date gets
its year only from an explicit context year (for instance the date in the item's URL); a month
alone (``2024年7月``) is not a date and yields ``None``.
"""
from __future__ import annotations

import datetime as dt
import logging
import re

logger = logging.getLogger(__name__)

_FULL = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"
    r"|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
)
_SHORT = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:[-/.]\s*(\d{1,2})(?![\d/.:-])|月\s*(\d{1,2})\s*日)")
_URL_DATES = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),  # TRS ./202407/t20240703_1.shtml
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),  # Hanweb /art/2024/7/3/, ucap /2024/7/3/
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{6,})?(?:[/_.-])"),  # 20240703 in a path
)
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})(\d{2})/")  # TRS month folders ./202407/


def _iso(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` or ``None`` when the parts are not a real calendar date."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None, *, context_year: int | None = None) -> str | None:
    """The first date shown in ``text`` as ``YYYY-MM-DD``; year-less forms need ``context_year``.

    >>> parse_date("[2024/7/3]")
    '2024-07-03'
    >>> parse_date("07-03", context_year=2024)
    '2024-07-03'
    >>> parse_date("2024年7月") is None
    True
    """
    if not text:
        return None
    m = _FULL.search(text)
    if m:
        month = m.group(2) or m.group(4)
        day = m.group(3) or m.group(5)
        return _iso(int(m.group(1)), int(month), int(day))
    if context_year is None:
        return None
    m = _SHORT.search(text)
    if m:
        return _iso(context_year, int(m.group(1)), int(m.group(2) or m.group(3)))
    return None


def looks_dated(text: str | None) -> bool:
    """Whether ``text`` shows a date at all, with or without a year (``07-03`` counts)."""
    if not text:
        return False
    if _FULL.search(text):
        return True
    m = _SHORT.search(text)
    if not m:
        return False
    month, day = int(m.group(1)), int(m.group(2) or m.group(3))
    return 1 <= month <= 12 and 1 <= day <= 31


def date_from_url(url: str) -> str | None:
    """The publication date encoded in a CMS detail URL (``t20240703_``, ``/2024/7/3/``), if any."""
    for pattern in _URL_DATES:
        m = pattern.search(url)
        if m:
            found = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
    return None


def year_from_url(url: str) -> int | None:
    """The year of a detail URL (full date or a ``/202407/`` month folder), for year-less list dates."""
    full = date_from_url(url)
    if full:
        return int(full[:4])
    m = _URL_MONTH.search(url)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1))
    return None
