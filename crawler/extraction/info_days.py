"""Posting days an info block prints with no label of their own (``info.py``): a day opening its line before the page's
counters and controls, and a timed day whose year a space sets apart from its month.

A page prints its day, then what readers may do with it or how many did — ``| 2023-11-20 点击数: |``,
``2020-05-15     浏览次数:177``, ``2018年10月30日 分享``, ``2024/11/6   关键字:   来源:…`` — or a paper's e-edition its
day, its page's section and the article's counters (``2024年11月15日 综合·广告 文章字数:586``): the day the page was
posted.  A sentence opening with a day (``2018年10月30日,我局分享了…``) holds a clause's punctuation or a verb after
the control word, so it is none.  A day glued before a person's office (``2019-01-17水利部党组成员副部长某某``: a
leader's page, the day, the speaker) is the posting day too.

A paper's page head — its page and the page's column (``第二版:综合新闻``, ``第A3版 要闻``, ``04版:区县新闻``) — over, beside
or under a day alone prints the issue's day: the posting day, the paper not named (set 61's convention); a page number
with no column (``第二版``, a document's edition) or a head inside a sentence is none.

A Taiwan page prints its days in the ROC era with no era named (``109-08-31``, ``日期:109-11-02``, ``113.11.23``,
``裁判日期104 年 01 月 23 日``): in an info block a whole day with a three-digit year of 100 or more (2011 on) is such a day,
read in the common era (``roc_days``); a number in an address or a list (``路110-12-1号``, ``第109.8.3``) is none.

A CMS may glue the time to a day printed with two-digit months and days (``2024-01-0210:30``, ``109-08-3109:15:02``): the
day's last two digits are its day, the rest the time (``glued_times``); an unpadded day (``2024-1-210:30``) splits two ways
and stays as written.
"""
from __future__ import annotations

import logging
import re

from archive.timeliness.dates import ROC_OFFSET, cn_number
from archive.timeliness.shown_dates import day_iso, parse_shown_date

from .bylines import DAY as _DAY

logger = logging.getLogger(__name__)

#: a page's counters and controls (点击数, 浏览次数, 文章字数, 分享, 关键字, the text-size buttons …), each followed by
#: its colon, its number, a space or the line's end
_CONTROL = (r"(?:文章)?(?:点击(?:数|量|率|次数)?|浏览(?:数|量|次数)?|阅读(?:数|量|次数)?|访问(?:量|次数)|字数|分享|收藏|关键[字词]"
            r"|打印(?:本页)?|评论"
            # …or the text-size buttons (A+ A-, 字号, 【大 中 小】: set 50)
            r"|A[ \t\u3000]*[+＋]|字[号体]|[【\[]?大[ \t\u3000]*中[ \t\u3000]*小|放大[ \t\u3000]*缩小)(?=[ \t\u3000]*(?:[:：(（]|\d|$)|[ \t\u3000]|[】\]])")
#: the counters among them (文章字数, 阅读量, 点击数 …), each with its number
_COUNTER = r"(?:(?:文章)?(?:点击|浏览|阅读|访问)(?:数|量|次数)?|(?:文章)?字数)"
#: the article's text-size buttons opening a line (放大 缩小 默认, 【字体:大 中 小】, 字号:大 中 小, A+ A-)
_TEXT_SIZE = (r"(?:[【\[]?(?:字体|字号|文字)?[:：]?[ \t\u3000]*(?:放大[ \t\u3000]*缩小|大[ \t\u3000]*中[ \t\u3000]*小)"
              r"|A[ \t\u3000]*[+＋][ \t\u3000]*A[ \t\u3000]*[-－])")
#: a weekday after a day (2024年08月02日 星期五)
_WEEKDAY = r"(?:[ \t\u3000]*(?:星期|礼拜|周)[一二三四五六日天])?"
#: the day opening its line (after a table's bar), its time maybe, then at most one short word (a section: 综合·广告) or the
#: column under its label (分类:园林资讯), and the first control
_DAY_BEFORE_CONTROLS = re.compile(
    rf"^[ \t\u3000|｜丨]*({_DAY})(?:[ \t\u3000]*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?"
    # (…or the page's column under its label, glued or spaced, 2021-06-11分类:园林资讯 阅读:61: set 47)
    rf"(?:[ \t\u3000]*(?:分类|栏目|类别|频道|所属栏目)[:：][^\d\s:：，,。；;!！?？]{{1,10}}[ \t\u3000]+"
    rf"|[ \t\u3000]+(?:[^\d\s:：，,。；;!！?？]{{1,8}}[ \t\u3000]+)?){_CONTROL}"
    # (…or the day alone on its line, its weekday after it or not, the article's text-size buttons opening the next line:
    # 2024年08月02日 星期五 over 放大 缩小 默认, an e-paper's article head: set 53)
    rf"|^[ \t\u3000|｜丨]*({_DAY})(?:[ \t\u3000]*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?{_WEEKDAY}[ \t\u3000]*\n"
    rf"[ \t\u3000]*{_TEXT_SIZE}"
    # (…or a counter with its number opening the line, then the day, its time maybe and at most one short word, the
    # paper's column: 字数:444 2023年09月08日 要闻, an e-paper's article head: r58b)
    rf"|^[ \t\u3000|｜丨]*{_COUNTER}[ \t\u3000]*[:：][ \t\u3000]*\d+[ \t\u3000]+({_DAY})"
    rf"(?:[ \t\u3000]*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?{_WEEKDAY}(?:[ \t\u3000]+[^\d\s:：，,。；;!！?？]{{1,8}})?[ \t\u3000]*$",
    re.MULTILINE)
#: a timed day whose year a space sets apart, its month and day joined by a slash (2021 12/ 14 00:56:12)
_SPACED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})[ \t\u3000]+(\d{1,2})[ \t\u3000]*/[ \t\u3000]*(\d{1,2})[ \t\u3000]+\d{1,2}[:：]\d{2}")


#: a numeric day opening its line glued before a body and a person's office (党组成员, 副部长, 局长 …), up to the line's
#: end with at most a name after the office
_OFFICE = r"(?:党组(?:成员|书记)|(?:副|常务副)?(?:部长|局长|厅长|主任|司长|市长|县长|省长|区长|书记|主席))"
#: (…or before a person's name alone, two to four characters closing the line, under the title: 2023-01-25某某, set
#: 53's day glued to its author; 2023-01-25前完成, 2023-01-25至…, 以来 are a limit, a range, a span: r58b)
_DAY_BEFORE_OFFICE = re.compile(rf"^[ \t\u3000]*((?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})(?:[\u4e00-\u9fff]{{2,24}}?{_OFFICE}(?![期远久效度])"
                                r"[\u4e00-\u9fff]{0,4}|(?![前至到以之后起止])[\u4e00-\u9fff]{2,4})[ \t\u3000]*$", re.MULTILINE)


#: a paper's page head alone on its line: the page (第二版, 第A3版, 04版, B2版) and its column's name after a colon or a space
_PAGE_HEAD = (r"(?:第[ \t\u3000]*[A-Da-d]?[ \t\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})|[A-Da-d]?\d{1,2})[ \t\u3000]*版"
              r"[ \t\u3000]*(?:[:：][ \t\u3000]*|[ \t\u3000])[\u4e00-\u9fff·]{2,10}")
_DAY_ALONE = rf"({_DAY})[ \t\u3000]*(?:(?:星期|礼拜|周)[一二三四五六日天][ \t\u3000]*)?"
_DAY_BY_PAGE_HEAD = re.compile(rf"(?m)^[ \t\u3000]*(?:{_PAGE_HEAD}[ \t\u3000]*\n?[ \t\u3000]*{_DAY_ALONE}"
                               rf"|{_DAY_ALONE}\n?[ \t\u3000]*{_PAGE_HEAD}[ \t\u3000]*)$")


def day_by_page_head(text: str) -> str | None:
    """The day (``YYYY-MM-DD``) printed alone over, beside or under a paper's page head (see the module doc), or None."""
    found = _DAY_BY_PAGE_HEAD.search(text)
    return parse_shown_date(next(g for g in found.groups() if g)) if found else None


def day_before_controls(text: str) -> str | None:
    """The day (``YYYY-MM-DD``) opening a line before the page's counters or controls, or glued before a person's
    office (see the module doc), or None."""
    found = _DAY_BEFORE_CONTROLS.search(text) or _DAY_BEFORE_OFFICE.search(text)
    return parse_shown_date(next(g for g in found.groups() if g)) if found else None


def spaced_year_day(text: str) -> str | None:
    """The day of a timed date printed ``2021 12/ 14 00:56:12``, or None."""
    found = _SPACED_YEAR.search(text)
    if found is None:
        return None
    year, month, day = (int(g) for g in found.groups())
    return parse_shown_date(f"{year}-{month:02d}-{day:02d}")


#: a whole day of the ROC era with no era named: a three-digit year (100 on) and its month and day, dashed, slashed or
#: dotted (109-08-31, 113.11.23) or in 年月日 (104 年 01 月 23 日); opening its line or a field (after a space, a colon, a
#: bracket, a bar or a bullet) or glued to a day's label (裁判日期104年, 日期109-11-02); never in a longer number or an
#: address (110-12-1号, 第109.8.3)
#: (a month or a day in Chinese numerals)
_CN_PART = "[一二三四五六七八九十]{1,3}"
_ROC_DAY = re.compile(r"(?:^|(?<=[\s:：\[【(（|｜丨•·>])|(?<=日期)|(?<=时间)|(?<=時間))(?P<y>[1１]\d{2})"
                      r"(?:(?P<sep>[ \t]*[-/.][ \t]*)(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                      # (…its month and day in Chinese numerals too: 104 年 一月 二十三日)
                      rf"|[ \t]*年[ \t]*(?P<m2>\d{{1,2}}|{_CN_PART})[ \t]*月[ \t]*(?P<d2>\d{{1,2}}|{_CN_PART})[ \t]*日)"
                      r"(?![\d.\-/]\d|\d|[ \t]*[号號室楼樓栋棟弄])", re.MULTILINE)


def roc_days(text: str) -> str:
    """``text`` with each day of the ROC era printed with no era (see the module doc) written in the common era's year
    (``109-08-31`` → ``2020-08-31``); what makes no calendar day is left as written."""
    def common(m: re.Match[str]) -> str:
        year = ROC_OFFSET + int(m.group("y"))
        month, day = (cn_number(m.group(g) or m.group(g + "2")) for g in ("m", "d"))
        if day_iso(year, month, day) is None:
            return m.group(0)
        return str(year) + (m.group(0)[len(m.group("y")):] if m.group("m") else f"年{month}月{day}日")
    return _ROC_DAY.sub(common, text)


#: a day with two-digit month and day, the time glued after it (2024-01-0210:30, a ROC day's 109-08-3109:15)
_GLUED_TIME = re.compile(r"(?<!\d)((?:(?:19|20)\d{2}|[1１]\d{2})(?P<sep>[-/.])\d{2}(?P=sep)\d{2})(?=\d{1,2}[:：]\d{2})")


def glued_times(text: str) -> str:
    """``text`` with a space between a padded day and the time glued to it (see the module doc)."""
    return _GLUED_TIME.sub(lambda m: m.group(1) + " ", text)
