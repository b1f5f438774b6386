"""The one date a list row, a meta tag or an info line shows: ``parse_shown_date`` and ``looks_dated``.

Forms: ``[2024/7/3]``, ``2024-07-03``, ``2024年07月03日``, ``二〇二三年三月十七日``, and year-less ``07-03`` / ``7月3日``
with a context year.  A month alone is no date, and nothing is guessed.  Every date a text *mentions*, with its
span, is ``archive.timeliness.dates.find_dates``.
"""
from __future__ import annotations

import datetime as dt
import re

from archive.timeliness.dates import _CNMD, _CNY, _FULLWIDTH, cn_number

_SHOWN_FULL = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"
    r"|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)")
_SHOWN_CN = re.compile(rf"({_CNY})\s*年\s*({_CNMD})\s*月\s*({_CNMD})\s*日")
_SHOWN_SHORT = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:[-/.]\s*(\d{1,2})(?![\d/.:-])|月\s*(\d{1,2})\s*日)")


def _day_iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """``YYYY-MM-DD`` when the parts make a real calendar date, else None."""
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_shown_date(text: str | None, *, context_year: int | None = None) -> str | None:
    """The first full date ``text`` shows, as ``YYYY-MM-DD``; year-less forms need ``context_year``.

    A month alone (``2024年7月``) is not a date: None.  Nothing is guessed.
    """
    if not text:
        return None
    text = text.translate(_FULLWIDTH)
    for m in _SHOWN_FULL.finditer(text):
        found = _day_iso(int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5)))
        if found:
            return found
    for m in _SHOWN_CN.finditer(text):
        found = _day_iso(*(cn_number(g) for g in m.groups()))
        if found:
            return found
    if context_year is not None:
        for m in _SHOWN_SHORT.finditer(text):
            found = _day_iso(context_year, int(m.group(1)), int(m.group(2) or m.group(3)))
            if found:
                return found
    return None


def looks_dated(text: str | None) -> bool:
    """Whether ``text`` shows a date at all, with or without a year (``07-03`` counts)."""
    if not text:
        return False
    if _SHOWN_FULL.search(text) or _SHOWN_CN.search(text):
        return True
    m = _SHOWN_SHORT.search(text)
    if m is None:
        return False
    return 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2) or m.group(3)) <= 31
