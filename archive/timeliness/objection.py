"""The objection window of a 公示: what the notice states and what the calendar makes of it.

A notice states its window as a length ("自发布之日起10个工作日内", "公示期为5个工作日"), as dates
("公示时间：2025年1月21日至2月8日"), or both.  ``parse_objection`` keeps what is stated apart from
what is computed:

* ``start`` — the stated first day, else the publication date the length counts from;
* ``end`` — the stated last day, else the computed one (the notice's own convention);
* ``working_days`` — the stated length, else the working days the stated dates span;
* ``deadline`` / ``deadline_excluding_first_day`` — ``start`` + ``working_days`` counted with the
  first day (as notices do) and without it (民法典 Art. 201);
* ``calendar`` — the calendar version the figures were computed with.

When the calendar for a year is not announced, computed figures are null and ``status`` says
``not_announced:YEAR``.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from archive.timeliness.calendar import CalendarNotAnnounced, WorkingDayCalendar, default_calendar
from archive.timeliness.dates import cn_number, find_dates, find_ranges

log = logging.getLogger(__name__)

_NUM = r"\d{1,3}|[一二三四五六七八九十两]{1,3}"
_LENGTH = re.compile(rf"(?<![\d月年])(?P<n>{_NUM})\s*个?\s*(?P<unit>工作日|自然日|天|日(?=\s*内))")
#: a length in days under the window's own label, without 内: 公示期为7日 / 公示期：5日
_LABELLED_DAYS = re.compile(rf"(?:公示|异议)(?:期|期限|时间)\s*(?:为|是|[:：])?\s*(?P<n>{_NUM})\s*个?\s*(?P<unit>日)(?![\d起])")
_WINDOW_WORDS = re.compile(r"公示|异议|意见|反映|反馈|举报")
_FROM_PUBLICATION = re.compile(r"(?:自|从)\s*(?:本)?(?:公示|发布|公布|公告|刊登|挂网|网上公示)\s*(?:之|当)?日\s*起")
_RANGE_LABEL = re.compile(r"(?:公示|异议|公告|意见反馈)[^。\n；;]{0,15}$")

OBJECTION_KEYS = ("start", "end", "working_days", "deadline", "deadline_excluding_first_day", "calendar")


@dataclass
class Objection:
    """An objection window; ``to_json()`` gives the ``ducha extract`` object."""

    start: dt.date | None = None
    end: dt.date | None = None
    working_days: int | None = None
    deadline: dt.date | None = None
    deadline_excluding_first_day: dt.date | None = None
    calendar: str = ""
    stated_start: dt.date | None = None
    stated_end: dt.date | None = None
    stated_length: int | None = None
    stated_unit: str | None = None  # 'workday' | 'calendar_day'
    start_basis: str | None = None  # 'stated' | 'publish_date'
    counted_working_days: int | None = None  # stated start..end, first day counted
    counted_working_days_excluding_first: int | None = None
    meets_stated_length: bool | None = None  # stated dates span at least the stated length
    status: str = "no_window"  # 'ok' | 'incomplete' | 'no_window' | 'not_announced:YEAR'
    evidence: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        """Whether the text states any window at all."""
        return self.status != "no_window"

    def to_json(self) -> dict:
        """Exactly the contract's keys: dates ``YYYY-MM-DD``, unknown parts null."""
        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {"start": iso(self.start), "end": iso(self.end), "working_days": self.working_days,
                "deadline": iso(self.deadline),
                "deadline_excluding_first_day": iso(self.deadline_excluding_first_day),
                "calendar": self.calendar}

    def details(self) -> dict:
        """``to_json()`` plus what was stated, the counts both ways and the status."""
        out = self.to_json()
        for key in ("stated_start", "stated_end"):
            value = getattr(self, key)
            out[key] = value.isoformat() if value else None
        out.update(stated_length=self.stated_length, stated_unit=self.stated_unit, start_basis=self.start_basis,
                   counted_working_days=self.counted_working_days,
                   counted_working_days_excluding_first=self.counted_working_days_excluding_first,
                   meets_stated_length=self.meets_stated_length, status=self.status, evidence=self.evidence)
        return out


def _stated_length(text: str) -> tuple[int, str, str, bool] | None:
    """(n, unit, matched text, counts-from-publication) of the first window length in a 公示 context."""
    date_spans = [(d.start, d.end) for d in find_dates(text)]
    for m in sorted([*_LENGTH.finditer(text), *_LABELLED_DAYS.finditer(text)], key=lambda x: x.start("n")):
        if any(s < m.end() and m.start("n") < e for s, e in date_spans):
            continue
        sentence_start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        before = text[max(sentence_start, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 40]
        if not (_WINDOW_WORDS.search(before) or _WINDOW_WORDS.search(after) or m.re is _LABELLED_DAYS):
            continue
        n = cn_number(m.group("n"))
        if not n:
            continue
        unit = "workday" if m.group("unit") == "工作日" else "calendar_day"
        return n, unit, m.group(0), bool(_FROM_PUBLICATION.search(before))
    return None


def _stated_range(text: str, context_year: int | None) -> tuple[dt.date | None, dt.date | None, str] | None:
    """(start, end, text) of the first date range labelled as a 公示/异议 period."""
    mentions = find_dates(text, context_year=context_year)
    for a, b in find_ranges(mentions):
        if a.precision != "day":
            continue
        if _RANGE_LABEL.search(text[max(0, a.start - 20):a.start]):
            return a.value, b.value, text[a.start:b.end]
    return None


def parse_objection(text: str | None, *, publish_date: dt.date | None,
                    calendar: WorkingDayCalendar | None = None) -> Objection:
    """The objection window stated in ``text``, computed against the working-day calendar.

    ``publish_date`` is the date the posting was published (CMS date, else the stated date);
    windows "自发布之日起N个工作日" and bare lengths count from it.  Never raises for an
    unannounced calendar year: the figures are null and ``status`` is ``not_announced:YEAR``.
    """
    cal = calendar or default_calendar()
    obj = Objection(calendar=cal.version)
    if not text:
        return obj
    length = _stated_length(text)
    span = _stated_range(text, publish_date.year if publish_date else None)
    if length is None and span is None:
        return obj
    obj.status = "ok"
    if length:
        obj.stated_length, obj.stated_unit = length[0], length[1]
        obj.evidence.append(length[2])
    if span:
        obj.stated_start, obj.stated_end = span[0], span[1]
        obj.evidence.append(span[2])
    if obj.stated_start:
        obj.start, obj.start_basis = obj.stated_start, "stated"
    elif publish_date:
        obj.start, obj.start_basis = publish_date, "publish_date"
    obj.end = obj.stated_end
    if obj.stated_unit == "workday":
        obj.working_days = obj.stated_length
    try:
        _compute(obj, cal)
    except CalendarNotAnnounced as exc:
        obj.status = exc.status
        obj.deadline = obj.deadline_excluding_first_day = None
        obj.counted_working_days = obj.counted_working_days_excluding_first = None
        obj.meets_stated_length = None
    if obj.status == "ok" and (obj.start is None or obj.end is None):
        obj.status = "incomplete"
    log.debug("objection window %s", obj.details())
    return obj


def _compute(obj: Objection, cal: WorkingDayCalendar) -> None:
    """Fill the computed figures of ``obj`` (may raise ``CalendarNotAnnounced``)."""
    if obj.start and obj.stated_unit == "calendar_day" and obj.stated_length:
        if obj.end is None:
            obj.end = obj.start + dt.timedelta(days=obj.stated_length - 1)
        obj.deadline = obj.start + dt.timedelta(days=obj.stated_length - 1)
        obj.deadline_excluding_first_day = obj.start + dt.timedelta(days=obj.stated_length)
        if obj.stated_end:
            obj.meets_stated_length = (obj.stated_end - obj.stated_start).days + 1 >= obj.stated_length \
                if obj.stated_start else None
        return
    if obj.stated_start and obj.stated_end:
        obj.counted_working_days = cal.count_workdays(obj.stated_start, obj.stated_end, include_first=True)
        obj.counted_working_days_excluding_first = cal.count_workdays(
            obj.stated_start, obj.stated_end, include_first=False)
        if obj.working_days is None:
            obj.working_days = obj.counted_working_days
        else:
            obj.meets_stated_length = obj.counted_working_days >= obj.working_days
    if obj.start and obj.working_days:
        obj.deadline = cal.add_workdays(obj.start, obj.working_days, include_first=True)
        obj.deadline_excluding_first_day = cal.add_workdays(obj.start, obj.working_days, include_first=False)
        if obj.end is None:
            obj.end = obj.deadline
