"""The posting day an info block prints with no label of its own (``info.py``), the layouts tried in order: a day with its
time (``2019-12-13 16:36``, ``2021年07月19日07:52``), a day-first timed day (``26.07.2017  09:13``), a day before the
source's or the writer's label (``2022年9月14日 来源:``), a day before the page's counters and controls
(``info_days``), then line by line a numeric day alone, a 年月日 day alone in a block with a 来源 or 发布 label, or a list
line's day closing a title (``关于…的报告 2024-04-02``).

A 年月日 day alone on its line right under a body's name alone on its line (``某某市生态环境局某某分局`` over
``2020年9月28日``) is that body's signature, the document's own day, even where a 来源 label follows (``信息来源: 某局``):
no posting day (set 53; the signer-and-date line of set 32, its source line naming the publisher, set 49).
"""
from __future__ import annotations

import logging
import re

from archive.timeliness.shown_dates import parse_shown_date

from .info_days import day_before_controls, day_by_page_head, spaced_year_day
from .names import SIGNER_END

logger = logging.getLogger(__name__)

#: a date and its time (a stray separator may close the date: 2023/07/10/ 08:08)
_WITH_TIME = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*(?:日\s*|[-/.]\s*|\s+)\d{1,2}\s*[:：时]\s*\d{2}")
#: a day-first date with a time, as some mirrors print it: "26.07.2017  09:13"
_DAY_FIRST_TIMED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\s+\d{1,2}[:：]\d{2}")
#: …or glossed in brackets as the day a platform put it online or first published it (2019-01-04(某平台首次上网日期),
#: 2020-03-05(网络首发)): the posting day (set 60's ✱); a bracket naming another event (会议召开, 截止) leaves it (r60b)
_ONLINE_GLOSS = r"[（(][^()（）\n]{0,40}?(?:上网|首发|上线|在线出版|网络出版)[^()（）\n]{0,40}[)）]"
_NUMERIC_ALONE = re.compile(
    r"^[^\d:：]{0,12}?((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})\s*"
    rf"(?:$|(?:信息来源|来源|來源)\s*[:：]|{_ONLINE_GLOSS}\s*$)")
#: a day printed just before the source label on its line, after the body's last words ("…同志。 2022年9月14日 来源:安阳
#:环境") or leading the info line's labels ("2019年04月02日作者:来源:生态环境部"); a signature's day on a line of its
#: own above an empty 来源: is no posting date
#: a day in Chinese numerals (二〇二二年九月十四日), as ``parse_shown_date`` reads it
_CN_DAY = r"[〇○零一二][〇○零一二三四五六七八九]{3}[ \t]*年[ \t]*[〇○零一二三四五六七八九十]{1,3}[ \t]*月[ \t]*[〇○零一二三四五六七八九十]{1,3}[ \t]*日"
_DATE_BEFORE_SOURCE = re.compile(  # …never a span's last day (（2020-01-02至2020-01-09）来源:); either numeral script
    r"(?<![至到~～—－-])(?<![至到~～—－-]\s)((?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日)"
    rf"|{_CN_DAY})[ \t\u3000]*"
    # …its weekday between (2019年6月26日 星期三 来源:)
    r"(?:(?:星期|礼拜|周)[一二三四五六日天][ \t\u3000]*)?"
    r"[)）\]】]?[ \t\u3000]*(?:[|｜丨][ \t\u3000]*)?(?:信息来源|来源|來源|出处|来自|发布|作者|编辑)[ \t]*[:：]")
_CN_ALONE = re.compile(r"^\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$")
#: a list page's line: a title, a gap, then its numeric day closing the line ("关于…的报告 2024-04-02"): the posting day
#: (the title's authors are no publisher label); a body's name before the day is a signature, a serial number opening
#: the line a table's row
_TITLE_THEN_DAY = re.compile(r"^(?P<title>(?!\d)[^:：|｜丨\n]{12,}?)[ \t\u3000]+((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})$")
_SIGNER_END = re.compile(rf"{SIGNER_END}$")
#: a signer's line: a body's name alone (某某市生态环境局某某分局, 某某县人民政府办公室), brackets in it or not
_SIGNER_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{4,40}$")


def unlabelled_posted(text: str, *, labelled: bool) -> str | None:
    """The posting day ``text`` prints with no label (see the module doc; ``labelled``: the block has a 来源 or 发布
    label), or None."""
    timed = _WITH_TIME.search(text)
    if timed:
        return parse_shown_date(timed.group(0))
    day_first = _DAY_FIRST_TIMED.search(text)
    if day_first:
        day, month, year = (int(g) for g in day_first.groups())
        return parse_shown_date(f"{year}-{month:02d}-{day:02d}")
    before_source = _DATE_BEFORE_SOURCE.search(text)
    if before_source:
        return parse_shown_date(before_source.group(1))
    counted = day_before_controls(text) or spaced_year_day(text)  # 2020-05-15  浏览次数:177; 2021 12/ 14 00:56:12
    counted = counted or day_by_page_head(text)  # 第二版:综合新闻 over 2024年02月09日: the day (r61b)
    if counted:
        return counted
    above = ""  # the line above that is not blank
    for line in text.split("\n"):
        line = line.strip(" \t\u3000•·[]【】")
        signed = bool(_SIGNER_LINE.match(above) and _SIGNER_END.search(above))  # a 年月日 day under its signer signs
        alone = _NUMERIC_ALONE.match(line) or (_CN_ALONE.match(line) if labelled and not signed else None)
        if alone:
            return parse_shown_date(alone.group(1))
        titled = _TITLE_THEN_DAY.match(line)
        if titled and not _SIGNER_END.search(titled.group("title")):
            return parse_shown_date(titled.group(2))
        above = line or above
    return None
