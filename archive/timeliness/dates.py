"""Every date a posting mentions, with its span, precision and kind.

``find_dates(text)`` scans body or attachment text and returns ``DateMention`` objects in text
order.  Forms: 2024年07月03日, 2024-07-03, 2024/7/3, 二〇二三年三月十七日 (〇/○/零), year-less 9月1日
(year from the nearest earlier explicit year, else ``context_year``, else unknown), ranges
2025年1月21日至2月8日 and 2019年5月至6月 (the year and month carry to the end), deadlines 2023年底前 / 8月底前 (the last
day of the period, with precision), month-only 2023年1月.  Redacted digits (9月1x日, 9月1 (略))
give ``value=None`` with ``redacted=True``: a date is never guessed.

The date a CMS put into a URL is read by ``archive.timeliness.url_dates``, the one date a list row, a meta tag or an
info line shows by ``archive.timeliness.shown_dates``.  This module (with those two) is the project's one home for
reading dates: the crawler's list profiles and detail extraction and the timeliness measures all call it.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt
import itertools
import logging
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Literal

from archive.script_fold import SCRIPT_FOLD, unannotated

log = logging.getLogger(__name__)

Precision = Literal["day", "month", "year"]
Kind = Literal["date", "range_start", "range_end", "deadline"]

#: full-width digits and marks to ASCII, traditional script to simplified: one for one, so spans stay valid
_FULLWIDTH = SCRIPT_FOLD | str.maketrans("０１２３４５６７８９／－．：ｘＸ％", "0123456789/-.:xX%")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CNY = "[〇○零Ｏ一二三四五六七八九]{4}"
_CNMD = "[〇○零一二三四五六七八九十]{1,3}"
#: a month or day in Chinese numerals (十二, 三十), for readers that build on the date vocabulary
CN_MONTH_DAY = _CNMD
_RED = "xX×*＊□■?？"
_NUM = rf"[\d{_RED}]{{1,2}}"
#: a year's numeral, Arabic or Chinese digit by digit (2020, 二〇二〇): read its value with ``cn_number``
YEAR_NUMERAL = rf"(?:(?:19|20)\d{{2}}|{_CNY})"
#: a month's number in either numeral script (7 / 07 / 十二 / 七), as ``cn_number`` reads it
MONTH_NUMBER = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_Y = rf"(?P<y>(?:19|20)[\d{_RED}]{{2}}|{_CNY})"
_M = rf"(?P<m>{_NUM}|{_CNMD})"
_D = rf"(?P<d>{_NUM}|{_CNMD})"
_ELIDED = r"\s*[（(]\s*略\s*[)）]"

#: (regex, kind, precision, has_year) in priority order; earlier patterns win overlaps.
_PATTERNS: list[tuple[re.Pattern[str], Kind, Precision, bool]] = [
    (re.compile(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}\s*[日号]"), "date", "day", True),
    (re.compile(rf"(?<![\d.]){_Y}(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d.])"),
     "date", "day", True),
    (re.compile(rf"{_Y}\s*年\s*(?P<m>\d{{1,2}}|{_CNMD})\s*月\s*(?P<d>\d{{0,2}}){_ELIDED}"), "date", "day", True),
    # a range's first month or day with its 月 / 日 left to the last (2019年1至5月, 2023年7月24-28日): its start
    (re.compile(rf"{_Y}\s*年\s*{_M}(?=\s*(?:至|到|—+|－|–|~|～|-)\s*(?:\d{{1,2}}|{_CNMD})\s*月(?!\s*\d))"),
     "date", "month", True),
    (re.compile(rf"{_Y}\s*年\s*{_M}\s*月\s*{_D}(?=\s*(?:至|到|—+|－|–|~|～|-)\s*(?:\d{{1,2}}|{_CNMD})\s*[日号])"),
     "date", "day", True),
    (re.compile(rf"{_Y}\s*年\s*{_M}\s*月\s*(?:底|末)\s*前?"), "deadline", "month", True),
    (re.compile(rf"{_Y}\s*年\s*(?:年\s*)?(?:底|末)\s*前?"), "deadline", "year", True),  # 2020年年底前 too
    # …a year-end by its other nouns, 年 left out or not (2017岁尾前, 2019年岁末; 岁末年初 is a season, not an end)
    (re.compile(rf"{_Y}\s*(?:年\s*)?(?:岁尾|岁末|年尾)(?!\s*年初)\s*前?"), "deadline", "year", True),
    (re.compile(rf"{_Y}\s*年\s*{_M}\s*月(?![\d{_RED}〇○零一二三四五六七八九十]|\s*\d)"), "date", "month", True),
    (re.compile(rf"(?<![\d{_RED}]){_M}\s*月\s*{_D}\s*[日号]"), "date", "day", False),
    (re.compile(rf"(?<![\d{_RED}]){_M}\s*月\s*{_D}(?=\s*(?:至|到|—+|－|–|~|～|-)\s*(?:\d{{1,2}}|{_CNMD})\s*[日号])"),
     "date", "day", False),
    (re.compile(rf"(?<![\d{_RED}])(?P<m>\d{{1,2}}|{_CNMD})\s*月\s*(?P<d>\d{{0,2}}){_ELIDED}"), "date", "day", False),
    # (not the end of a range "1月至12月底"; "到12月底前" after a comma and "至12月底" opening a cell are deadlines)
    (re.compile(rf"(?<![\d{_RED}、\-〇○零一二三四五六七八九十])(?<![\d月日〇○零一二三四五六七八九十][至到]){_M}\s*月\s*(?:底|末)\s*前?"), "deadline", "month", False),
    # 今年底前 / 同年底 / 次年末: a year-end whose year a relative word gives; 年底前 alone: the text's (or context) year
    (re.compile(r"(?<=当年|同年|该年|今年|本年|去年|上年|次年|翌年|明年)\s*(?:底|末)\s*前?"), "deadline", "year", False),
    (re.compile(rf"(?<![\d{_RED}〇○零一二三四五六七八九十当同该今本去上次翌明每逐近历往多新周])年\s*(?:底|末)\s*前"),
     "deadline", "year", False),
    # 当年11月 / 次年3月: a month whose year a relative word gives
    (re.compile(rf"(?<=当年|同年|该年|今年|本年|去年|上年|次年|翌年|明年)\s*{_M}\s*月(?![\d{_RED}日号底末])"),
     "date", "month", False),
]
_CONNECTOR = re.compile(r"^\s*(?:起\s*)?(?:至|到|—+|－|–|~|～|-)\s*$")  # (自…起至…: a range)
_DAY_ONLY_END = re.compile(rf"\s*(?:起\s*)?(?:至|到|—+|－|–|~|～|-)\s*(?P<d>\d{{1,2}}|{_CNMD})\s*[日号]")
#: a month range's end without its year (2019年5月至6月, 2019年6月—12月底): the start's year carries to it
_MONTH_ONLY_END = re.compile(rf"\s*(?:起\s*)?(?:至|到|—+|－|–|~|～|-)\s*(?P<m>\d{{1,2}}|{_CNMD})\s*月(?:份)?(?:\s*(?:底|末))?"
                             rf"(?![\d{_RED}〇○零一二三四五六七八九十日号])")
_RELATIVE = re.compile(r"(?:每年|每月|逐年|前年|后年|上一年|下一年)\s*$")
#: a year named relative to the last year the text names (当年, 同年, 次年; 去年5月…同年10月 counts from 去年) or to the
#: context year (今年, 去年, 明年)
_RELATIVE_YEAR = re.compile(r"(?P<w>当年|同年|该年|次年|翌年|今年|本年|去年|上年|明年)\s*$")
#: a year stated alone (2022年进驻), the one a later 同年 / 次年 counts from when no dated mention gives one
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
#: a year joined to one before it (2019年和2020年, 2019、2020年, 2019至2020年): a later 当年 / 次年 counts from no one year
_JOINED_YEARS = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:和|、|及|与|或|至|到|-|—)\s*(?:19|20)\d{2}\s*年")
_RELATIVE_OFFSET = {"当年": ("last", 0), "同年": ("last", 0), "该年": ("last", 0), "次年": ("last", 1),
                    "翌年": ("last", 1), "今年": ("context", 0), "本年": ("context", 0), "去年": ("context", -1),
                    "上年": ("context", -1), "明年": ("context", 1)}


@dataclass
class DateMention:
    """One date found in text.

    ``value`` is the first day of the period for kind ``date``/``range_*`` and the last day for
    ``deadline`` (2023年底前 → 2023-12-31, precision ``year``); None when any part is redacted,
    invalid or the year cannot be known.  ``year_source`` says where the year came from
    (``text``, ``range``, ``context``) and ``source`` where the text came from.
    """

    value: dt.date | None
    text: str
    start: int
    end: int
    precision: Precision = "day"
    kind: Kind = "date"
    redacted: bool = False
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_source: str | None = "text"
    source: str = "stated"
    note: str | None = None
    _explicit_year: bool = field(default=True, repr=False)

    def iso(self) -> str | None:
        """The value as ``YYYY-MM-DD`` (or None)."""
        return self.value.isoformat() if self.value else None

    def to_dict(self) -> dict:
        """JSON-ready dict (dates as ISO strings)."""
        out = asdict(self)
        out.pop("_explicit_year")
        out["value"] = self.iso()
        return out


def fold_digits(text: str) -> str:
    """``text`` with full-width digits and marks as ASCII and traditional script as simplified, one character for
    one (spans stay valid): the form every date pattern here reads."""
    return text.translate(_FULLWIDTH)


def cn_number(text: str) -> int | None:
    """Value of a numeral: Arabic, Chinese digit by digit (二〇二三) or positional (十七, 二十, 三十一)."""
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" not in text:
        digits = [_CN_DIGITS.get(ch) for ch in text]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    if "百" in text:
        return None
    tens, _, units = text.partition("十")
    tens_value = _CN_DIGITS.get(tens, -1) if tens else 1
    units_value = _CN_DIGITS.get(units, -1) if units else 0
    if tens_value < 0 or units_value < 0:
        return None
    return tens_value * 10 + units_value


def _part(raw: str | None) -> tuple[int | None, bool]:
    """(number, redacted) for one year/month/day group."""
    if raw is None or raw == "":
        return None, raw == ""
    if any(ch in _RED for ch in raw):
        return None, True
    return cn_number(raw), False


def date_of_parts(year: int | None, month: int | None, day: int | None, precision: Precision,
           kind: Kind) -> dt.date | None:
    """The date a mention stands for, or None when incomplete or invalid."""
    if year is None:
        return None
    try:
        if precision == "day":
            return None if month is None or day is None else dt.date(year, month, day)
        if precision == "month":
            if month is None:
                return None
            last = _cal.monthrange(year, month)[1] if kind == "deadline" else 1
            return dt.date(year, month, last)
        return dt.date(year, 12, 31) if kind == "deadline" else dt.date(year, 1, 1)
    except (ValueError, TypeError):
        return None


def _scan(text: str) -> list[DateMention]:
    """Raw matches of every pattern, non-overlapping, in text order (years not yet resolved)."""
    taken = bytearray(len(text))  # 1 where a match of an earlier pattern lies
    found: list[DateMention] = []
    for regex, kind, precision, has_year in _PATTERNS:
        for m in regex.finditer(text):
            if taken.find(1, m.start(), m.end()) != -1:
                continue
            groups = m.groupdict()
            year, ry = _part(groups.get("y")) if has_year else (None, False)
            month, rm = _part(groups.get("m"))
            day, rd = _part(groups.get("d")) if "d" in groups else (None, False)
            redacted = ry or rm or rd or bool(re.search(_ELIDED, m.group(0)))
            if regex.pattern.endswith(_ELIDED):
                day, redacted = None, True
            mention = DateMention(
                value=None, text=m.group(0), start=m.start(), end=m.end(), precision=precision,
                kind=kind, redacted=redacted, year=year, month=month, day=day,
                year_source="text" if has_year else None, _explicit_year=has_year,
            )
            found.append(mention)
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    found.sort(key=lambda x: x.start)
    return found


def _pair_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Mark adjacent mentions joined by 至/—/- as a range; add day-only ends (1月21日至28日) and month-only ends
    (2019年5月至6月)."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (nxt is not None and cur.precision == nxt.precision and cur.kind == nxt.kind == "date"
                and _CONNECTOR.match(text[cur.end:nxt.start])):
            cur.kind, nxt.kind = "range_start", "range_end"
            if not nxt._explicit_year:
                nxt.year_source = "range"
            out += [cur, nxt]
            i += 2
            continue
        out.append(cur)
        if cur.precision == "day" and cur.kind == "date":
            tail = _DAY_ONLY_END.match(text, cur.end)
            if tail and cur.month is not None:
                cur.kind = "range_start"
                day, red = _part(tail.group("d"))
                out.append(DateMention(
                    value=None, text=text[tail.start("d"):tail.end()], start=tail.start("d"), end=tail.end(),
                    kind="range_end", redacted=red, month=cur.month, day=day, year_source="range",
                    _explicit_year=False,
                ))
        if cur.precision == "month" and cur.kind == "date" and cur.month is not None:
            tail = _MONTH_ONLY_END.match(text, cur.end)
            month, red = _part(tail.group("m")) if tail else (None, False)
            if tail and month is not None and 1 <= month <= 12 and (nxt is None or nxt.start >= tail.end()):
                cur.kind = "range_start"
                out.append(DateMention(
                    value=None, text=text[tail.start("m"):tail.end()], start=tail.start("m"), end=tail.end(),
                    precision="month", kind="range_end", redacted=red, month=month, year_source="range",
                    _explicit_year=False,
                ))
        i += 1
    return out


def _resolve_years(text: str, mentions: list[DateMention], context_year: int | None) -> None:
    """Give year-less mentions a year (range start, earlier explicit year, context) and compute values."""
    last_year: int | None = None
    named_year: int | None = None  # the last year a mention states, also relatively (去年5月…,同年10月: 去年's)
    prev: DateMention | None = None
    for m in mentions:
        if m._explicit_year:
            if m.year is not None:
                last_year = named_year = m.year
        elif m.year_source == "range" and prev is not None:
            m.year = prev.year
            if m.month is None:
                m.month = prev.month
            if m.year is not None and m.month is not None and prev.month is not None and m.month < prev.month:
                m.year += 1  # 2023年12月20日至1月5日
            if m.year is None:
                m.year_source = None
        elif _RELATIVE.search(text[max(0, m.start - 4):m.start]):
            m.year_source, m.note = None, "relative or recurring year"
        elif rel := _RELATIVE_YEAR.search(text[max(0, m.start - 4):m.start]):
            base, offset = _RELATIVE_OFFSET[rel.group("w")]
            last = named_year if named_year is not None or base != "last" else next(  # 2022年进驻，同年12月31日前
                (int(y.group(1)) for y in reversed(list(_BARE_YEAR.finditer(text, 0, m.start)))), None)
            year = (last if base == "last" else context_year) or (context_year if base == "last" else None)
            if base == "last" and named_year is None and _joined_last_year(text, m.start):
                year = None  # 考核目标年为2019年和2020年,考核工作于次年7月底前完成: which year's 次年 is not one (set 43)
            m.year, m.year_source = (year + offset, "relative") if year is not None else (None, None)
            named_year = m.year if m.year is not None else named_year
            # (a year ahead, 明年 / 次年, carries to a later year-less mention as a year written out does: 明年1月31日前…到
            # 3月底前, a schedule's stages; a past one, 去年8月…,1月16日, does not: the page's year follows it: r58b)
            last_year = m.year if m.year is not None and offset > 0 else last_year
            if year is None:
                m.note = "relative year unknown"
        elif last_year is not None:
            m.year, m.year_source = last_year, "context"
        elif context_year is not None:
            m.year, m.year_source = context_year, "context"
        else:
            m.year_source, m.note = None, "year unknown"
        if not m.redacted:
            m.value = date_of_parts(m.year, m.month, m.day, m.precision, m.kind)
            if m.value is None and m.note is None and m.year is not None:
                m.note = "invalid date"
        prev = m


#: a year counted in the Republic of China's era, the era named (中华民国108年, 民国99年; folded from 中華民國): the common
#: era's year is 1911 later (``ROC_OFFSET``); a bare 108年 names no era and is left as written
ROC_OFFSET = 1911
_ROC_YEAR = re.compile(r"(?:中[华華])?民[国國]\s*(?P<n>\d{1,3})(?=\s*年)")


def roc_years(text: str) -> str:
    """``text`` (ASCII digits; either script) with each year of the ROC era written as the common era's, padded
    on the left with spaces to the same length (中华民国108年 → ``   2019年``): offsets stay valid (a mention found
    there is widened back over the padding to the era's name)."""
    def common(m: re.Match[str]) -> str:
        n = int(m.group("n"))
        return m.group(0) if not 0 < n < 200 else str(ROC_OFFSET + n).rjust(len(m.group(0)))
    return _ROC_YEAR.sub(common, text)


def find_dates(text: str | None, *, context_year: int | None = None, source: str = "stated") -> list[DateMention]:
    """Every date mentioned in ``text``, in text order.

    ``context_year`` supplies the year for year-less dates with no explicit year before them
    (typically the posting's publication year); ``source`` is copied onto each mention.
    """
    if not text:
        return []
    return [_copy(m) for m in _mentions(text, context_year, source)]  # copies: callers may change theirs


def _copy(mention: DateMention) -> DateMention:
    """A copy of a mention (``dataclasses.replace`` runs ``__init__`` field by field: four times slower)."""
    new = object.__new__(DateMention)
    new.__dict__.update(mention.__dict__)
    return new


@lru_cache(maxsize=16)
def _mentions(text: str, context_year: int | None, source: str) -> tuple[DateMention, ...]:
    """``find_dates`` of the last few texts: the timeliness fields and measures of a posting read its body and
    attachments several times each (acceptance date, feedback date, deadlines, objection window, mentions)."""
    owner, norm, paired = _paired(text)  # a mirror's inline pinyin (進(jìn)駐) taken out; spans mapped back below
    mentions = [_copy(m) for m in paired]
    _resolve_years(norm, mentions, context_year)
    for m in mentions:
        if owner is not None:
            m.start, m.end = owner[m.start], owner[m.end - 1] + 1
        m.text = text[m.start:m.end]
        m.source = source
    log.debug("found %d date mentions", len(mentions))
    return tuple(mentions)


@lru_cache(maxsize=16)
def _paired(text: str) -> tuple[list[int] | None, str, tuple[DateMention, ...]]:
    """The offset map of ``text`` without inline pinyin (None: nothing taken out), that text with full-width digits
    folded, and its mentions before years are resolved — the same whatever the context year, which callers give
    differently for the same text."""
    written, owner = unannotated(text)
    norm = roc_years(written.translate(_FULLWIDTH))  # same length: spans stay valid for ``written``
    mentions = tuple(_pair_ranges(norm, _scan(norm)))
    for m in mentions:  # a mention opening on an ROC year opens on its era's name (中華民國108年4月12日)
        while m.start > 0 and norm[m.start - 1] == " " and written[m.start - 1] != " ":
            m.start -= 1
    return owner, norm, mentions


def find_ranges(mentions: list[DateMention]) -> list[tuple[DateMention, DateMention]]:
    """The (start, end) pairs among ``find_dates`` output."""
    return [(a, b) for a, b in itertools.pairwise(mentions) if a.kind == "range_start" and b.kind == "range_end"]


def parse_iso_date(value: str | dt.date | None) -> dt.date | None:
    """A ``date`` from ``YYYY-MM-DD`` (or the date part of an ISO timestamp *as written*); None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _joined_last_year(text: str, end: int) -> bool:
    """Whether the last year stated alone before ``end`` is joined to another (2019年和2020年): no base for 次年."""
    years = list(_BARE_YEAR.finditer(text, 0, end))
    return bool(years) and any(j.end() == years[-1].end() for j in _JOINED_YEARS.finditer(text, 0, end))
