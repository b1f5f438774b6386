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
#: a dash printed after a unit, before the next part (2022年-01月-25日: set 50): the day's parts as written; not a month
#: range (2023年1月-6月) nor a span of days (1月-3月)
_DASH_AFTER_UNIT = re.compile(r"(\d\s*年)\s*[-－]\s*(?=\d{1,2}\s*月)|(\d\s*月)\s*[-－]\s*(?=\d{1,2}\s*日)")
_SHOWN_SHORT = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:[-/.]\s*(\d{1,2})(?![\d/.:-])|月\s*(\d{1,2})\s*日)")


def day_iso(year: int | None, month: int | None, day: int | None) -> str | None:
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
    text = _DASH_AFTER_UNIT.sub(lambda m: m.group(1) or m.group(2), text.translate(_FULLWIDTH))
    for m in _SHOWN_FULL.finditer(text):
        found = day_iso(int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5)))
        if found:
            return found
    for m in _SHOWN_CN.finditer(text):
        found = day_iso(*(cn_number(g) for g in m.groups()))
        if found:
            return found
    if context_year is not None:
        for m in _SHOWN_SHORT.finditer(text):
            found = day_iso(context_year, int(m.group(1)), int(m.group(2) or m.group(3)))
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


#: a full day with a Chinese numeral in some part (二〇二三年二月十日, 二○一五年10月9日, 2019年十月一日, a two-digit year's
#: 18年五月二十九日, kept as written); checked by value
_SOME_CN_DAY = re.compile(rf"(?P<y>{_CNY}|(?<!\d)(?:(?:19|20)\d{{2}}|\d{{2}}))\s*年\s*(?P<m>{_CNMD}|\d{{1,2}})\s*月"
                          rf"\s*(?P<d>{_CNMD}|\d{{1,2}})\s*(?P<unit>[日号])")
#: a year in Chinese digits with no day (二〇一八年10期, 二〇二〇年底前)
_CN_YEAR = re.compile(rf"{_CNY}(?=\s*年)")
#: …and the year-less end of a span after such a day (…十四日至十二月二十九日, …十四日至二十七日)
_CN_SPAN_END = re.compile(rf"(?P<mark>\s*(?:至|到|—+|－|-|~|～)\s*)(?:(?P<m>{_CNMD})\s*月\s*)?(?P<d>{_CNMD})\s*(?P<unit>[日号])")
_HAS_CN = re.compile(r"[〇○零Ｏ一二三四五六七八九十]")


def arabic_days(text: str) -> str:
    """``text`` with each full day written with Chinese numerals, wholly or in part, in Arabic digits
    (``二〇二三年二月十日`` → ``2023年2月10日``), the year-less end of a span after one (``至十二月二十九日``) and a year in
    Chinese digits alone (``二〇一八年10期``) too, so
    that every reader of a day's line reads one form; what makes no calendar day is left as written."""
    if not _HAS_CN.search(text):
        return text
    out: list[str] = []
    at = 0
    for m in _SOME_CN_DAY.finditer(text):
        parts = (m.group("y"), m.group("m"), m.group("d"))
        year, month, day = (cn_number(part) for part in parts)
        short = len(parts[0]) == 2  # a two-digit year stays as written (its century is the reader's to judge)
        full_year = 2000 + year if short and year is not None else year
        if not any(_HAS_CN.search(part) for part in parts) or day_iso(full_year, month, day) is None:
            continue
        out.append(text[at:m.start()] + f"{parts[0] if short else year}年{month}月{day}{m.group('unit')}")
        at = m.end()
        end = _CN_SPAN_END.match(text, at)
        if end:  # the span's end in the same form (its year is the start's)
            to_month = cn_number(end.group("m")) if end.group("m") else month
            to_day = cn_number(end.group("d"))
            if day_iso(full_year, to_month, to_day):
                shown = f"{to_month}月{to_day}" if end.group("m") else f"{to_day}"
                out.append(end.group("mark") + shown + end.group("unit"))
                at = end.end()
    out.append(text[at:])
    return _CN_YEAR.sub(lambda y: str(cn_number(y.group(0))), "".join(out))
