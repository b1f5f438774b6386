"""A holiday as a time limit (pure functions for ``archive.ledger.deadlines``): ``国庆节前完成`` ends on the day before
the holiday (30 September), ``2021年春节前`` on the eve of that year's Spring Festival.

The year is the one written before the holiday or, for a holiday fixed in the Gregorian calendar within the page's
year (国庆, 劳动节 / 五一), the page's (``context_year``); the Spring Festival and New Year's Day fall at a year's turn,
so without a written year the page's month would decide which one is meant and the text gives no last day.  Around
the holiday (节前后), its eve as an occasion (春节前夕, 走访慰问) or a limit already met in its sentence (国庆节前已完成, …前,督察组开展了检查)
is none."""
from __future__ import annotations

import datetime as dt
import re

from archive.ledger.clauses import STOP_ENDS, clause_end, clause_start
from archive.timeliness.dates import YEAR_NUMERAL, cn_number
from archive.timeliness.holidays import holiday_day

_HOLIDAY = re.compile(rf"(?:(?P<y>{YEAR_NUMERAL})\s*年\s*)?(?P<h>国庆节?|春节|元旦|(?:五一)?劳动节"
                      r"|(?<![\d〇○零一二三四五六七八九十第])五一)"
                      r"(?:假期|长假|节)?\s*(?:前|以前|之前)(?![后夕])")
#: a perfective after the holiday in its sentence (开展了, 完成过): the work done by then, a report
_PERFECTIVE = re.compile(r"[\u4e00-\u9fff](?:了|过)(?![解结])")
#: the holidays whose day the page's year fixes (the others fall at the year's turn)
_IN_PAGE_YEAR = ("国庆", "劳动节")


def _name(written: str) -> str:
    return "国庆" if written.startswith("国庆") else "劳动节" if "劳动" in written or written == "五一" else written


def holiday_eve_days(raw: str, context_year: int | None) -> list[tuple[dt.date, str]]:
    """The last days set by a holiday with 前 in ``raw`` (see the module's rules), with the wording read."""
    days = []
    for m in _HOLIDAY.finditer(raw):
        name = _name(m.group("h"))
        year = cn_number(m.group("y")) if m.group("y") else (context_year if name in _IN_PAGE_YEAR else None)
        sentence_end = clause_end(raw, m.end(), STOP_ENDS)
        if year is None or "已" in raw[clause_start(raw, m.start()):sentence_end] \
                or _PERFECTIVE.search(raw, m.end(), sentence_end):
            continue  # 国庆节前已完成, 2019年国庆节前,督察组开展了检查: what was done by then
        first = holiday_day(name, year)
        if first is not None:
            days.append((first - dt.timedelta(days=1), m.group(0)))
    return days
