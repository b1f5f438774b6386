"""The last allowed day of a rectification task: ``deadline("2020年2月底前")`` → ``Deadline("2020-02-29", ...)``.

A date in a text is a *last day* only when the text says so — a construction around the date that sets a limit:

* the period's end, ``2023年6月底`` / ``年底前`` (a month's or year's end);
* a limit after it: ``前`` / ``以前`` / ``之前`` / ``内`` / ``为止``, or the completion it is set for (``2020年6月完成``,
  ``…完工`` / ``建成`` / ``办结`` / ``到位``; not a past one: ``5月28日已完成开标``);
* an obligation or aim before it: ``确保9月1日开学投用``, ``务必在6月1日前``, ``到2019年底``; the page's year named
  relative to it is read so too (``应于今年完成``, ``今年内``: the plan's year's end);
* a time-limit label: ``整改时限:`` / ``完成时限`` / ``期限``; a window's end under its label (``公示时间:…至…``) or a window
  closing (``受理信访时间截止到2020年12月15日``); a plan's stage closing, the stage named or its work assigned after its
  time (``6月中旬至12月31日,为全面整改阶段``, ``3月10日至20日,组织各地梳理核实…``) or the stage as its label
  (``集中整改阶段:…至…``; a stay's, ``督察进驻阶段(…)``, is none);
* a five-year plan's period end (``到“十三五”末``), or the period when a completion is aimed at within it
  (``“十四五”时期要…全部完成治理``);
* a cell that is the date alone (``2025年6月``, ``2024年12月31日，长期坚持``).

A clock time after a day is the day's (``6月10日18时前``); a span of clock times (``5月11日8时-5月11日20时``) is a period
unless under a window's label.

Any other date tells when something happened or will happen — an event (``8月2日公开招标``, ``将于6月2日开展测评``,
``9月26日上午…召开会议``, ``10月16日…来我市督导``), a period (``2017年8月至9月…开展督察``, ``时间为10月12日至31日``)
or a cut-off (``截至今年6月底,已完成1398项``), an inspection's stay under its label (``进驻某师期间:``, ``进驻期:``), a date
opening its sentence whose completion is reported as achieved (``2019年6月底,…如期完成``) — and gives no last day, even when
nothing else in the text is dated.
A span of years (``2019年至2022年,…分六批完成…督察``) is a period: its 至 sets no limit on its last year.
Bare years, quarters and half-years follow the same idea (``到2020年``, ``2020年完成``, a cell ``2020年``), their year in
any numeral form (``二〇二〇年内``, ``２０２０年上半年``) or, left out, the one stated before or the plan's (``…,下半年完成
施工``, ``第三季度完成``); a month's ten days end on the 10th, 20th or the month's end (``6月中旬前``).  A month range
(``2019年5月至6月``, ``6月—12月底``) is a window when set as a limit as a single time is (``确保…至…完成``, under a
time-limit label); alone it is a period, as a day range.  A day after ``已于`` tells when the work was done.  Chinese
numerals and dates come from ``archive.timeliness.dates`` (the one date vocabulary).
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass

from archive.ledger.bare_years import year_goal, year_set
from archive.ledger.clauses import clause_start
from archive.ledger.duties import IMMEDIATE as _IMMEDIATE
from archive.ledger.duties import MECHANISM_NAMED as _MECHANISM_NAMED
from archive.ledger.duties import ONGOING as _ONGOING
from archive.ledger.duties import RECURRING as _RECURRING
from archive.ledger.duties import REGULAR as _REGULAR
from archive.ledger.duties import RELATIVE as _RELATIVE
from archive.ledger.duties import kept_up, limit_waived, span_sets_no_limit
from archive.ledger.holiday_limits import holiday_eve_days
from archive.ledger.lead_in import closed_gaps, without_lead_in
from archive.ledger.limit_set import AIM_BEFORE, alone, limit_at, limit_set
from archive.ledger.page_year import AIM_IN_CLAUSE as _AIM_IN_CLAUSE
from archive.ledger.page_year import MONTH_PART as _MONTH_PART
from archive.ledger.page_year import RELATIVE_YEAR as _RELATIVE_YEAR
from archive.ledger.page_year import STAGE_MONTHS as _STAGE_MONTHS
from archive.ledger.page_year import YEAR_TASK as _YEAR_TASK
from archive.ledger.page_year import YEAR_TASK_DATED as _YEAR_TASK_DATED
from archive.ledger.page_year import bare_year_end_set as _bare_year_end_set
from archive.ledger.page_year import schedule_months
from archive.ledger.past_times import (
    AFTER_EVENT,
    CUT_OFF_AFTER,
    CUT_OFF_TALLY,
    EVENT_AFTER,
    EVENT_LASTS,
    EVENT_PERIOD,
    LEAD,
    NOT_A_LAST_DAY_BEFORE,
    PAST_DONE,
    RANGE_ON,
    TITLE_OPEN,
    done_on,
    done_then,
    hedged,
    listed,
    narrated,
    not_a_last_day_after,
)
from archive.ledger.plan_period import PLAN_PERIOD as _PLAN_PERIOD
from archive.ledger.plan_period import PLAN_SPAN as _PLAN_SPAN
from archive.ledger.plan_period import plan_end as _plan_end
from archive.ledger.this_month import this_month_days
from archive.ledger.windows import CLOSING as _CLOSING
from archive.ledger.windows import campaign_span as _campaign_span
from archive.ledger.windows import named_window as _named_window
from archive.ledger.windows import trial_span
from archive.ledger.windows import window as _window
from archive.script_fold import for_reading
from archive.timeliness.dates import (
    CN_MONTH_DAY,
    MONTH_NUMBER,
    ROC_OFFSET,
    YEAR_NUMERAL,
    DateMention,
    cn_number,
    find_dates,
    fold_digits,
)

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Deadline:
    """A task's deadline: the last allowed day (None when the plan gives none) and what kind it is.

    ``kind``: ``date`` (a last day follows from the text), ``immediate`` (立行立改, 立整立改, 随到随办: no day is
    stated, so none is invented), ``ongoing`` (长期坚持/持续推进, also 立行立改并长期坚持), ``recurring``
    (每年…, 每季度…, 至少1次/年, a mechanism named by its periods: 日跟踪、周调度机制, 按季度…调度), ``relative``
    (30个工作日内, 6个月内: counted from an event the cell does not date), ``unknown`` (no deadline read).
    """

    last_day: dt.date | None
    kind: str
    text: str
    note: str | None = None
    read: str | None = None  # the span that decided: "2020年底前", "长期坚持", "30个工作日内"

    def iso(self) -> str | None:
        """The last allowed day as ``YYYY-MM-DD`` (or None)."""
        return self.last_day.isoformat() if self.last_day else None


_LAST_DAY_AFTER = re.compile(r"^\s*(?:前|以前|之前|内|为止|完成|底)")
#: a plan's stage closes on its last day (as a window): the stage named after its time (2019年5月6日至6月14日,为整改
#: 落实阶段) or the work it assigns to the bodies it names (3月10日至20日,根据…方案,组织各地梳理核实…; …,各县区要…:
#: the plan's directive; a report, 组织各地开展了…, or an event with its subject, …,省督察组对…开展督察, is none)
_BODIES = r"(?:各|全省|全市|全县|全区|相关|有关)"
_STAGE_AFTER = re.compile(r"\s*[，,]\s*(?:(?:为|是)[^，,。;；]{0,16}?阶段"
                          r"|(?:(?:根据|按照|依据|对照)[^，,。;；]{0,30}[，,]\s*)?"
                          rf"(?:(?:组织|督促|指导|部署)(?={_BODIES})|{_BODIES}[^，,。;；]{{0,10}}?(?:要|须|应|必须|务必))"
                          r"(?![^，,。;；]*了))")
#: years and quarters find_dates does not date: 2020年 / 2020年内 / 2023-2025年 (→ 12-31), 2021年第三季度(末)
#: (→ the quarter's last day), 2022年上半年 (→ 06-30)
_BARE_YEAR = re.compile(rf"(?<![\d.〇○零一二三四五六七八九])(?:{YEAR_NUMERAL}\s*(?:年\s*)?[-—–~～至到]\s*)?(?P<y>{YEAR_NUMERAL})\s*年"
                        r"(?!\s*(?:\d|[一二三四五六七八九十]+\s*(?:[至到\-—–~～]\s*[一二三四五六七八九十]+\s*)?月|第|[一二三四1-4]\s*季"
                        r"|[上下]半年|年中(?![央国华心部期标])|度?\s*\d|底|末|[xX×*＊□■?？]{0,2}\s*月))")  # 2018年第三批: an attribute; 2020年三至六月:
# months; 2022年x月xx日: a day left blank, and 2024年月28日 a month lost, never its year's end (sets 48, 50)
#: a month's end whose 年 the page lost (20259月底前, as 202591日 on the same page): the four digits are the year
_YEAR_LOST = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<m>1[0-2]|[1-9])\s*月\s*(?:底|末)\s*前?")
#: a month written with a dot or slash after its year (完成时限:2022.06, 2021/9前), set as a limit as a date is
#: (not a quantity with a decimal: 2020.5万吨, 2019.6亩)
_DOTTED_MONTH = re.compile(r"(?<![\d.．/])(?P<y>(?:19|20)\d{2})\s*[.．/]\s*(?P<m>1[0-2]|0?[1-9])"
                           r"(?![\d.．/%％]|\s*(?:[万亿千百]|吨|元|米|公里|千米|亩|公顷|平方|立方|个|项|件|处|家|户|座|人))")
#: (the year may be left to the one stated before or the plan's: 上半年完成设计,下半年完成施工; 每季度 is recurring; 年中 after a year
#: named, 2023年年中 / 今年年中, the first half's end)
_QUARTER = re.compile(rf"(?:(?P<y>{YEAR_NUMERAL})\s*年\s*|(?<![\d每逐各本上下该当同一]))(?:第\s*)?(?P<q>[一二三四1-4])\s*季度")
_HALF = re.compile(rf"(?:(?P<y>{YEAR_NUMERAL})\s*年\s*|(?<![\d每逐各本该当同]))(?:(?P<h>[上下])半年|(?<=年)年中(?![央国华心部期标]))")
_YEAR_STATED = re.compile(rf"(?<![\d.〇○零一二三四五六七八九])({YEAR_NUMERAL})\s*年")
#: the ten days of a month after its mention (6月上旬, 6月中旬前)
_TEN_DAYS = re.compile(r"\s*([上中下])旬")
#: a year-less month's ten days (6月中旬前): the year is the one stated before, else the plan's
_MONTH_TENTH = re.compile(rf"(?<![\d年\-—–~～至到〇○零一二三四五六七八九十])(?P<m>{MONTH_NUMBER})"
                          r"\s*月\s*(?P<t>[上中下])旬")
#: a Latin O typed or scanned for 〇 inside a year in Chinese numerals (二O二一年: one for one, offsets kept)
_LATIN_ZERO = re.compile(r"(?<=[〇○零一二三四五六七八九OoＯ])[OoＯ](?=[〇○零一二三四五六七八九OoＯ]{0,3}年)")
#: a year written with two digits before its end or a month (21年底前, 22年6月底; README: 18年 is 2018; 15年内 is a span)
_SHORT_YEAR = re.compile(r"(?<![\d第.〇○零一二三四五六七八九十])([123]\d)\s*年(?=\s*(?:底|末|[上下]半年|(?:1[0-2]|[1-9])\s*月))")
#: a year of the ROC era in three digits, its era not named, before its month or its end (限期於104年4月7日前, 應於103年
#: 3月31日前完成, 113年底前: set 52, as set 51's 中華民國108年): no common-era year is written so, the era's year + 1911
#: (a bare 110年 with no month, a span or a count, stays as written; an era named is read by ``roc_years``)
_ROC_BARE_YEAR = re.compile(r"(?<![\d第.〇○零一二三四五六七八九十百国國])(?<![国國]\s)(1[0-4]\d)\s*年(?=\s*(?:底|末|(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月))")
#: a range whose first day lost its 日 (公告期为2023年8月30-2023年9月7日: set 49): the day before the dash is the first day
#: (the range's end must be a day with its month, so 3月5-6日 and a quantity, 8月30-40吨, stay as written)
#: (its numerals any, from the one date vocabulary: 八月30-二〇二三年九月七日; its end a dotted or dashed day too: 8月30-2023.9.7)
_DAY_NUMERAL = rf"(?:[0-3]?\d|{CN_MONTH_DAY})"
_FIRST_DAY_LOST = re.compile(rf"(?<![\d.])((?:{MONTH_NUMBER})\s*月\s*{_DAY_NUMERAL})(?![\d日号])"
                             rf"(?=\s*[-—–~～至到]\s*(?:(?:{YEAR_NUMERAL}\s*年\s*)?(?:{MONTH_NUMBER})\s*月\s*{_DAY_NUMERAL}\s*[日号]"
                             r"|(?:19|20)\d{2}\s*[.．/-]\s*\d{1,2}\s*[.．/-]\s*\d{1,2}))")
#: a forecast's time (预计到2019年底,) with the completion of the work after it (将彻底解决…, 可全部完成…): a planned
#: completion, its time the limit (set 46's ✱; a forecast quantity, 预计到2027年,…比例达到60%, is none)
_FORECAST_BY = re.compile(r"(?:预计|有望)\s*(?:到|至)\s*$")
_FORECAST_DONE = re.compile(r"\s*(?:[，,]\s*)?(?:将|可|能|可以|能够)?\s*(?:彻底|全面|全部|基本|如期)?(?:解决|完成|建成|完工|竣工|消除|拆除|关闭|整改到位)(?![了过率量度])")
#: a clock time after a day (5月11日8时, 18:00, 17:00点 with its unit written twice: r56a) belongs to the day; a span of such times (…8时-…20时) is hours
#: something runs over: a window only under its label or before 前 / 内 (as a range of days)
_CLOCK = re.compile(r"\s*(?:\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?|\d{1,2}\s*[:：]\s*\d{2}(?:\s*[时点])?)")
_DASH = r"\s*[-—–~～至到]\s*"
_TIMED_SPAN_END = re.compile(rf"(?:[时点分]|\d[:：]\d{{2}}){_DASH}$")


#: a stray space between a date's number and its unit (2020年12月5 日, 12 月): closed before the dates are read
_UNIT_GAP = re.compile(r"(?<=\d)[ \t]+(?=[年月日号])")
#: a dotted or dashed day glued to the clock time after it (2022.12.3017:00点, 2024-10-1524时): a space put between (r56a)
_GLUED_CLOCK = re.compile(r"(?<![\d.．/-])((?:19|20)\d{2}([.．/-])(?:1[0-2]|0?[1-9])\2(?:[12]\d|3[01]|0[1-9]))"
                          r"(?=(?:[01]?\d|2[0-4])\s*(?:[:：]\s*\d{2}|[时点]))")

def _last_day(year: int, month: int | None, day: int | None) -> dt.date:
    if month is None:
        return dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def deadline(text: str | None, *, context_year: int | None = None) -> Deadline:
    """The last allowed day of a 整改时限 cell: the *latest* dated part when several are given
    ("2023年6月底前完成，2024年底前巩固" → 2024-12-31); 立行立改 with no date gives no day."""
    cell = " ".join((text or "").split())
    # read in simplified script without inline pinyin, full-width digits as ASCII, from after an enumerator or an
    # attribution (1.2020年应完成…, 据悉,2019年6月底…), a PDF's spaces between characters closed; the cell is kept as written
    raw = _LATIN_ZERO.sub("〇", closed_gaps(without_lead_in(fold_digits(for_reading(cell)[1]))))
    raw = _SHORT_YEAR.sub(r"20\1年", raw)  # 21年底前 → 2021年底前
    raw = _ROC_BARE_YEAR.sub(lambda m: f"{ROC_OFFSET + int(m.group(1))}年", raw)  # 104年4月7日前 → 2015年4月7日前
    raw = _FIRST_DAY_LOST.sub(r"\1日", raw)  # 8月30-2023年9月7日 → 8月30日-2023年9月7日
    raw = _UNIT_GAP.sub("", raw)  # 2020年12月5 日 → 2020年12月5日 (a stray space before a date's unit, r55a)
    raw = _GLUED_CLOCK.sub(r"\1 ", raw)  # 2022.12.3017:00点 → 2022.12.30 17:00点
    if not raw:
        return Deadline(None, "unknown", cell)
    days: list[tuple[dt.date, str]] = []
    mentions = find_dates(raw, context_year=context_year)
    for m in mentions:
        ten_days = _tenth(raw, m)
        if m.redacted or m.year is None or not _is_last_day(raw, m, mentions):
            continue
        try:
            days.append((_last_day(m.year, m.month if m.precision != "year" else None,
                                   m.day if m.precision == "day" else ten_days), m.text))
        except ValueError:
            logger.debug("invalid deadline %r", m.text)
    days += _year_and_quarter_days(raw, context_year)
    days += _tenth_days(raw, context_year)
    days += holiday_eve_days(raw, context_year)  # 国庆节前, 2021年春节前
    days += this_month_days(raw, mentions)  # 2020年12月8日,…本月底前完成
    days += [(_last_day(int(m.group("y")), None, None), m.group(0)) for m in _YEAR_TASK_DATED.finditer(raw)]
    if context_year is not None and not days:
        days += [(_last_day(context_year, cn_number(m.group("m")) or 1, None), m.group(0)) for m in _MONTH_PART.finditer(raw)
                 if not hedged(raw, m.end()) and not done_then(raw, m.start(), m.end())
                 and not NOT_A_LAST_DAY_BEFORE.search(raw[max(0, m.start() - 8):m.start()])
                 and (limit_at(raw, m.start(), m.end()) or _AIM_IN_CLAUSE.search(raw, clause_start(raw, m.start()),
                                                                                   m.start()))]
        days += [(_last_day(context_year, None, None), m.group(0)) for m in _YEAR_TASK.finditer(raw)]
        days += [(_last_day(context_year, cn_number(m.group("m")) or 12, None), m.group(0))
                 for m in _STAGE_MONTHS.finditer(raw)]
        days += [(_last_day(context_year, cn_number(m.group("m")) or 12, None), m.group(0)) for m in schedule_months(raw)]
        days += _relative_year_days(raw, context_year)
    if days:
        note = "立行立改, then a dated completion" if _IMMEDIATE.search(raw) else None
        day, read = max(days)
        return Deadline(day, "date", cell, note, read)
    for kind, pattern, why in ((("ongoing", _ONGOING, None),  # 立行立改并长期坚持: no end either
                                ("immediate", _IMMEDIATE, "立行立改: no last day is stated"),
                                ("recurring", _RECURRING, "a recurring duty: no single last day"),
                                ("relative", _RELATIVE, "counted from an event the text does not date"))):
        found = kept_up(raw) if kind == "ongoing" else pattern.search(raw)  # (not the work made routine as an aim)
        if kind == "ongoing" and found and (_MECHANISM_NAMED.match(raw, found.start()) or _REGULAR.search(raw)) \
                and _RECURRING.search(raw):
            continue  # 落实常态化巡查机制,定期开展巡查工作 / 形成长效机制,定期督查: the regular duty, not a kept-up one
        if found and not (kind == "relative" and span_sets_no_limit(raw, found)):
            return Deadline(None, kind, cell, why, found.group(0))
    return Deadline(None, "unknown", cell)


def _tenth(raw: str, m: DateMention) -> int | None:
    """The last day of the ten days a month's mention names after it (6月上旬 → 10, 中旬 → 20, 下旬 → the month's
    end: None); the mention is widened over them so that what follows them is read as what follows it."""
    tenth = _TEN_DAYS.match(raw, m.end) if m.precision == "month" and m.kind != "range_start" else None
    if tenth is None:
        return None
    m.end, m.text = tenth.end(), raw[m.start:tenth.end()]
    return {"上": 10, "中": 20}.get(tenth.group(1))


def _is_last_day(raw: str, m: DateMention, mentions: list[DateMention]) -> bool:
    """Whether a dated mention gives a last allowed day (see ``NOT_A_LAST_DAY_BEFORE`` and the window rule)."""
    before, after, first = raw[max(0, m.start - 8):m.start], raw[m.end:m.end + 8], m.start
    if m.kind == "range_end":
        start = next((x for x in reversed(mentions) if x.kind == "range_start" and x.end <= m.start), None)
        before, first = (raw[max(0, start.start - 8):start.start], start.start) if start else (before, first)
    opened = _range_opened(raw, m, mentions)  # 11月下旬至12月底: a period's end closing a range is the range's
    if opened is not None:
        before, first = raw[max(0, opened - 8):opened], opened
    if _CLOSING.search(raw[max(0, first - 16):first]) and not hedged(raw, m.end) \
            or m.kind == "range_end" and (_named_window(raw, first) or trial_span(raw, first, m.end)) \
            or _campaign_span(raw, m.start, m.end, first if m.kind == "range_end" else None):
        return True  # a window's stated closing day, a named window's or a campaign's span (公示期自…至…)
    if limit_waived(raw, first, m.end):
        return False  # 并未要求…于2020年底前完成: a demand denied; 指…者: a definition (set 52)
    if not_a_last_day_after(raw, first if m.kind == "range_end" else m.start, m.end) or hedged(raw, m.end) or EVENT_PERIOD.search(raw[max(0, first - 20):first]) \
            or AFTER_EVENT.match(raw[m.end:]) \
            or EVENT_AFTER.match(raw[m.end:m.end + 30]) or listed(raw, m.start, m.end) \
            or EVENT_LASTS.search(raw[max(0, first - 20):first]) or TITLE_OPEN.search(raw[:m.start]):
        return False
    if m.kind == "date" and m.precision == "day" and LEAD.match(after) and not raw[:m.start].strip(" 　") \
            and not alone(raw, m.start, m.end):
        return False  # a sentence opened by its day and a comma tells when something happened
    if m.kind in ("date", "deadline") and narrated(raw, m.start, m.end):
        return False  # 2019年6月底,…如期完成; 到2020年底,已累计完成…: when it was done
    clock = _CLOCK.match(raw, m.end) if m.kind == "date" else None
    if clock and re.match(_DASH, raw[clock.end():]):
        return False  # the start of a span of hours
    if clock and _TIMED_SPAN_END.search(raw, 0, m.start):
        start = next((x for x in reversed(mentions) if x.end <= m.start), None)
        return bool(start and _window(raw, start.start) or _LAST_DAY_AFTER.match(raw, clock.end()))
    if done_on(raw, first, m.end, plain=m.kind == "date") or done_then(raw, m.start, m.end):
        return False  # 已于2020年5月完成整改, 工程于2018年7月完成改造, 2021年底完成了整改: when it was done
    if m.kind == "deadline" and RANGE_ON.match(raw, m.end):
        return False  # 2023年8月底至12月中旬,…开展了巡察: a period's end opening a range is its start, the range decides
    if _FORECAST_BY.search(before) and _FORECAST_DONE.match(raw, m.end) and m.kind in ("date", "deadline"):
        return True  # 预计到2019年底,将彻底解决…: a planned completion
    if NOT_A_LAST_DAY_BEFORE.search(before) and CUT_OFF_TALLY.match(raw, m.end):
        return False  # 截至2023年底全区共建立…13个: a cut-off with the count reached
    if NOT_A_LAST_DAY_BEFORE.search(before) and (CUT_OFF_AFTER.match(after)
                                                  or not (m.kind == "deadline" or _LAST_DAY_AFTER.match(after))):
        return False  # 截至2022年9月7日,共征集… is a cut-off; 截至2018年10月底完成… is a last day
    if m.kind == "range_start":
        return False  # the window's end is its last day
    if m.kind == "range_end" or opened is not None:
        # a range is a window under its label or before 前/内/完成; else the period something happened in (对2017年4月至
        # 2018年3月…问题进行了再排查, 2017年8月至9月…开展督察)
        # (…or a range set as a limit as a single time is, though not alone: 确保2020年5月至6月完成)
        return bool(_window(raw, first) or _LAST_DAY_AFTER.match(after) or _STAGE_AFTER.match(raw, m.end)
                    or limit_set(raw, first, m.end))
    return _limit_stated(raw, m, mentions) or bool(_STAGE_AFTER.match(raw, m.end))


def _range_opened(raw: str, m: DateMention, mentions: list[DateMention]) -> int | None:
    """Where the range starts that a period's end (``12月底``) closes after 至 / 到 / a dash (``11月下旬至12月底``)."""
    prev = next((x for x in reversed(mentions) if x.end <= m.start), None)
    if m.kind != "deadline" or prev is None or not re.fullmatch(_DASH, raw[prev.end:m.start]):
        return None
    return prev.start


def _limit_stated(raw: str, m: DateMention, mentions: list[DateMention]) -> bool:
    """Whether the text around a (single) dated mention sets it as a limit (see the module docstring); a clock time
    after the day is the day's (6月10日18时前)."""
    clock = _CLOCK.match(raw, m.end)
    return m.kind == "deadline" or limit_at(raw, m.start, clock.end() if clock else m.end)


def _year_and_quarter_days(raw: str, context_year: int | None) -> list[tuple[dt.date, str]]:
    """Last days (with the span read) of the bare years, quarters and half-years a deadline names."""
    # 2022年度市县民生实事…: a year's attribute (年度 + a noun) is no target
    days = [(_last_day(int(m.group("y")), int(m.group("m")), None), m.group(0)) for m in _YEAR_LOST.finditer(raw)]
    days += [(_last_day(int(m.group("y")), int(m.group("m")), None), m.group(0)) for m in _DOTTED_MONTH.finditer(raw)
             if limit_at(raw, m.start(), m.end()) and not hedged(raw, m.end())]
    days += [(dt.date(_year_of(m, raw, None) or 0, 12, 31), m.group(0)) for m in _BARE_YEAR.finditer(raw)
             if not NOT_A_LAST_DAY_BEFORE.search(raw[max(0, m.start() - 8):m.start()]) and not hedged(raw, m.end())
             and not TITLE_OPEN.search(raw[:m.start()]) and year_set(raw, m)]
    # a quarter or half-year is a last day when set as a limit as a date is (2021年第三季度末, 确保2022年上半年完成,
    # a cell 2022年上半年); 2021年第三季度,省督察组进驻… tells when
    for m in _QUARTER.finditer(raw):
        q, year = cn_number(m.group("q")) or 0, _year_of(m, raw, context_year)
        if 1 <= q <= 4 and year and _period_end_set(raw, m):
            days.append((_last_day(year, q * 3, None), m.group(0)))
    for m in _HALF.finditer(raw):
        year = _year_of(m, raw, context_year)
        if year and _period_end_set(raw, m):
            # (年中, the year's middle, closes its first half: 2023年年中前完成, 今年年中: set 57's round)
            days.append((dt.date(year, 12, 31) if m.group("h") == "下" else dt.date(year, 6, 30), m.group(0)))
    days += [(_plan_end(m), m.group(0)) for m in _PLAN_PERIOD.finditer(raw) if _period_end_set(raw, m)]
    days += [(_plan_end(m), m.group(0)) for m in _PLAN_SPAN.finditer(raw)
             if not hedged(raw, m.end()) and not TITLE_OPEN.search(raw[:m.start()])]
    return [(day, read) for day, read in days if day.year >= 1900]


def _tenth_days(raw: str, context_year: int | None) -> list[tuple[dt.date, str]]:
    """Last days of a year-less month's ten days set as a limit (6月中旬前完成 → the 20th of the stated or plan's
    year's June); a month with its year is read with its mention (``_tenth``)."""
    days = []
    for m in _MONTH_TENTH.finditer(raw):
        year, month = _year_of(m, raw, context_year), cn_number(m.group("m")) or 0
        if year and 1 <= month <= 12 and not hedged(raw, m.end()) and limit_at(raw, m.start(), m.end()) \
                and not NOT_A_LAST_DAY_BEFORE.search(raw[max(0, m.start() - 8):m.start()]):
            days.append((_last_day(year, month, {"上": 10, "中": 20}.get(m.group("t"))), m.group(0)))
    return days


def _year_of(m: re.Match[str], raw: str, context_year: int | None) -> int | None:
    """The year a period's match states (2020, 二〇二〇), else the last one stated before it, else the plan's."""
    if "y" in m.re.groupindex and m.group("y"):
        return cn_number(m.group("y"))
    before = list(_YEAR_STATED.finditer(raw, 0, m.start()))
    return cn_number(before[-1].group(1)) if before else context_year


#: a duty straight after the page's year (今年需完成…, 本年度应完成…): the year's end is the limit (今年完成了… is past)
_YEAR_DUTY_AFTER = re.compile(r"\s*(?:必须|需要|须|需|应当?|要)\s*(?:全面|全部|基本)?(?:完成|实现|建成|消除|整改到位)(?![了过])")


def _relative_year_days(raw: str, context_year: int) -> list[tuple[dt.date, str]]:
    """The plan's year named relative to the page (今年 / 本年度 / 当年) as a limit: an obligation or aim before it
    (应于今年完成, 确保本年度…) or 内 / 前 / 底 after it; 今年完成了…, 年底完成了… and 截至今年… are no limit."""
    return [(dt.date(context_year, 12, 31), m.group(0)) for m in _RELATIVE_YEAR.finditer(raw)
            if not NOT_A_LAST_DAY_BEFORE.search(raw[max(0, m.start() - 8):m.end()]) and not hedged(raw, m.end())
            and (m.group(0) != "年" or _bare_year_end_set(raw, m.start(), m.end()))
            and (AIM_BEFORE.search(raw[max(0, m.start() - 6):m.start()])
                 or re.match(r"\s*(?:内|前|底|末)", raw[m.end():]) and not PAST_DONE.match(raw, m.end())
                 or _YEAR_DUTY_AFTER.match(raw, m.end()) or year_goal(raw, m.start(), m.end()))]


def _period_end_set(raw: str, m: re.Match[str]) -> bool:
    if NOT_A_LAST_DAY_BEFORE.search(raw[max(0, m.start() - 8):m.start()]) or hedged(raw, m.end()) \
            or TITLE_OPEN.search(raw[:m.start()]) or PAST_DONE.match(raw, m.end()) or narrated(raw, m.start(), m.end()):
        return False
    return raw.startswith(("末", "底"), m.end()) or limit_at(raw, m.start(), m.end())
