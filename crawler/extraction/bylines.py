"""Bare bylines of an info block (``info.py``): a journal's, a programme's or a site's name alone before its day.

``环境保护 2024-04-04``, ``新闻联播`` over ``2023-11-21 10:53:43``, ``《某某杂志》 2023年5月6日``, a site's or an app's
name with Latin letters and a colon before a timed day (``某某app: 2019-10-27 22:10:19``): the name printed the page, as a
newspaper's does.  A body signing (…局, …政府), a column, a document's kind, a clock word, a person or a forum account
is none; a journal's issue line (``names.JOURNAL_ISSUE``) is read under the same test.
"""
from __future__ import annotations

import logging
import re

from .names import DOCUMENT_REPORTS, JOURNAL_ISSUE, PERSON_OR_ACCOUNT

logger = logging.getLogger(__name__)

#: a numeric or 年月日 day
DAY = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"

#: a bare byline: a short name alone before its day, on its line or the line above, and nothing after the day but its
#: time ("环境保护 2024-04-04", "新闻联播\n2023-11-21 10:53:43", "《某某杂志》 2023年5月6日"): a journal or a programme
#: printing the page, as a newspaper's name (``names.MEDIUM``); a 年月日 day with no time under the name is a signature instead;
#: an author's credit may open the line (文/某某等 环境保护 2021-04-15: the journal after its author)
#: (…a site's or an app's name may hold Latin letters or digits about its Han, ks8某某网站, i某某app, and a colon before a
#: timed day: 某某app: 2019-10-27 22:10:19, a site's name beside the day, set 38; set 50)
_BYNAME = r"[A-Za-z0-9]{0,8}[\u4e00-\u9fff]{2,10}(?:[A-Za-z][A-Za-z0-9]{0,7})?"
_BYLINE = re.compile(rf"^[ \t\u3000]*(?:(?:文|作者|撰文)[ \t\u3000]*[/／][ \t\u3000]*[^\s/／]{{1,12}}[ \t\u3000]+)?《?({_BYNAME})》?"
                     rf"(?:[ \t\u3000]*[:：](?=[ \t\u3000]*{DAY}[ \t\u3000]*\d{{1,2}}[:：]\d{{2}})[ \t\u3000]*|[ \t\u3000]+(?={DAY})|[ \t\u3000]*\n[ \t\u3000]*"
                     rf"(?=(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|{DAY}[ \t\u3000]*\d{{1,2}}[:：]\d{{2}}))"
                     rf"{DAY}(?:[ \t\u3000]*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?[ \t\u3000]*$", re.MULTILINE)
#: what such a name is not: a body signing (…局, …政府, …中心, …组), a column or a document's kind (工作动态, 通知公告),
#: a weekday or the clock's words
_NOT_BYLINE = re.compile(r"(?:[局厅办委部室站所院会处科镇乡村区县市省组]|政府|中心|公司|集团|指挥部|动态|要闻|新闻|公告|通知|"
                         rf"公示|{'|'.join(DOCUMENT_REPORTS)}|信息|资讯|快讯|头条|专题|专栏|首页|位置|时间|日期|更新|发布|今天|星期[一二三四五六日天]|"
                         # …or a title's head noun (…治理情况, …工作进展, …整改方案 over the day: a list line's title)
                         r"情况|进展|成效|工作|问题|方案|计划|措施|意见|办法|决定|治理|整改|活动|会议|"
                         # …or a verb's phrase before the day (发表于, 发布于, 更新于, 写于, 摄于): a posting label
                         r"周[一二三四五六日]|于)$")


#: a day's time ending a byline: a name ending 新闻 before a timed day is a medium's (某某经济新闻 2018-09-26 21:10:42),
#: a column's (图片新闻 2024-01-01) only without one
_TIMED_END = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[ \t\u3000]*$")


_COLON_AFTER = re.compile(r"》?[ \t\u3000]*[:：]")
_LATIN = re.compile(r"[A-Za-z0-9]")


def byline(folded: str) -> re.Match[str] | None:
    """The first bare byline of ``folded`` whose name is no body, column nor clock word, nor a person's or an account's
    (张某某, 越战老兵, 楼主: a forum post's; see _BYLINE); a Han word alone before a colon is a label's form, so the colon
    is read only after a name that holds Latin letters or digits (某某app:, ks8某某:)."""
    return next((m for m in _BYLINE.finditer(folded) if not PERSON_OR_ACCOUNT.fullmatch(m.group(1)) and (
                 not _COLON_AFTER.match(folded, m.end(1)) or _LATIN.search(m.group(1))) and (
                 not _NOT_BYLINE.search(m.group(1)) or (m.group(1).endswith("新闻") and _TIMED_END.search(m.group(0))))), None)


def journal(folded: str) -> re.Match[str] | None:
    """A journal's issue line (``names.JOURNAL_ISSUE``) whose name is no body, column nor person."""
    return next((m for m in JOURNAL_ISSUE.finditer(folded)
                 if not _NOT_BYLINE.search(m.group(1)) and not PERSON_OR_ACCOUNT.fullmatch(m.group(1))), None)
