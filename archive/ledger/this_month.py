"""A month's end named from a day the text states (pure functions for ``archive.ledger.deadlines``): ``本月底前`` /
``当月底前`` after ``2020年12月8日,…召开…会议,要求…在本月底前完成…`` ends on that month's last day (2020-12-31, set 49).

The month is the one of the last day or month the text dates before the phrase; with none before it, the text gives no
month and no last day.  A limit already met in its clause (本月底前已完成) is a report, none."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from archive.ledger.clauses import STOP_ENDS, clause_end, clause_start
from archive.timeliness.dates import DateMention

_THIS_MONTH_END = re.compile(r"(?:本|当)月\s*(?:底|末)\s*(?:前|以前|之前)")


def this_month_days(raw: str, mentions: list[DateMention]) -> list[tuple[dt.date, str]]:
    """The last days ``本月底前`` sets in ``raw``, each in the month of the dated mention before it (``mentions``:
    ``find_dates`` over ``raw``)."""
    days = []
    for m in _THIS_MONTH_END.finditer(raw):
        before = [(d.year, d.month) for d in mentions if d.end <= m.start() and d.precision in ("day", "month")]
        clause = raw[clause_start(raw, m.start()):clause_end(raw, m.end(), STOP_ENDS)]
        year, month = before[-1] if before else (None, None)
        if year is None or month is None or "已" in clause:
            continue
        days.append((dt.date(year, month, calendar.monthrange(year, month)[1]), m.group(0)))
    return days
