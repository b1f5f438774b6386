"""The days of China's public holidays by year (calendar facts, the one home for them): the Gregorian ones fixed
(元旦 1 January, 劳动节 / 五一 1 May, 国庆 1 October) and the Spring Festival (春节, the first day of the lunar year)
from a table for 2005–2035, checked against the ``lunardate`` package's conversion; a year outside it has no day here."""
from __future__ import annotations

import datetime as dt

#: the first day of the lunar year, by Gregorian year
_SPRING_FESTIVAL = {
    2005: (2, 9), 2006: (1, 29), 2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3),
    2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16),
    2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11),
    2033: (1, 31), 2034: (2, 19), 2035: (2, 8),
}
#: the Gregorian holidays' month and day
_FIXED = {"元旦": (1, 1), "劳动节": (5, 1), "国庆": (10, 1)}


def holiday_day(name: str, year: int) -> dt.date | None:
    """The first day of the holiday ``name`` (元旦, 劳动节, 国庆, 春节) in ``year``; None when it is not known
    (``holiday_day("春节", 2021)`` → 2021-02-12)."""
    month_day = _SPRING_FESTIVAL.get(year) if name == "春节" else _FIXED.get(name)
    return dt.date(year, *month_day) if month_day else None
