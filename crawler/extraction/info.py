"""A detail page's info block: the 来源 / 发布时间 / 成文日期 / 公示日期 … lines printed around the body.

``label_fields(text)`` reads label/value pairs (``来源:某局``, ``【来源】某局``, ``[发布时间]2024-11-04``, a value in
brackets ``来源:[某局]`` read without them; a label's word ending a longer word and followed by the copula 为,
as in ``…进驻时间为30天。``, is a sentence's word, no label); a value ends at the next label, at a separator
(``|`` ``｜`` ``丨``, or ``·`` before a label: ``来源:市生态环境局松滋市分局 | 发布时间:…``), at a page control
(关键词, 【字体, 阅读:, 打印 …), at a wide gap or at a closing bracket it did not open (``(新闻来源:华西都市报)``); a
label alone on its line takes the next line as its value, and a spaced label (``发 布 机 构 :``) is read closed up; the
page's text-size and QR buttons (大字体 小字体, 扫码) end a value too, and an unrendered ``&nbsp`` is a space.  ``info_block(text)`` says what the block states:

* ``publisher`` — 发布机构 / 发文机关 / 颁布单位 / 信息来源 / 来源 (not 作者, 发布人 or 编辑, nor a reporter's name after the
  body, spaced or glued: ``…新闻记者站刘先慧``; nor a value saying the source is unknown or a CMS code, ``来源:未知
  2018-09-29``), else a news medium's name (…日报 / …报 / …网 / …在线) standing alone beside a date, a separator or a
  posting label, or a body's name opening its line before a posting label (``某某省自然资源厅   时间:…``), or a bare byline's name (``bylines``: a journal, a programme or a site alone before its day, ``环境保护 2024-04-04``), or
  the body of a dateline (``2024-11-04 某某局办公室 王某``: the day, the body, its author);
* ``posted`` — the page's own posting date: 发布日期 / 发布时间 / 发表时间 / 时间 / 日期 / 更新日期, else an
  unlabelled date with a time (``2019-12-13 16:36``, ``2021年07月19日07:52``, ``2023/07/10/ 08:08``), a date leading the line's 作者 / 来源
  labels, a numeric date alone, a medium's or a byline's day (``四川日报 2021年03月05日``), a day right after the
  source's name (``来源:某局 2020-03-04``), a dateline's day, a list line's day closing a title
  (``关于…的报告 2024-04-02``), or, in a block with a 来源 or 发布 label,
  a 年月日 date alone on its line (elsewhere, or under a body's name alone on its line, that is a signature;
  ``info_unlabelled``), or a day alone over the article's text-size buttons (``2024年08月02日 星期五`` / ``放大 缩小``);
* ``issued`` — the document's date: 发文日期 / 成文日期 / 颁布日期 / 印发日期 (印发时间), else its signature line;
* ``notice`` — the first day of a 公示 (公示日期 / 公示时间 / 公示期, or a 公示 stated with its window:
  ``现予公示5个工作日(2020年10月16日至2020年10月23日)``).

A source's value running into prose (``来源:西部网切记!信息来至互联网…``) keeps the name before it; a medium may print
its channel after a dot (``湖南日报·新湖南客户端``).

发文日期, 成文日期, 印发时间, 生效 / 失效时间, 公示日期 and 公示期 are their own dates and never the posting date; a
paper's issue line (``《某某日报》(2022年08月05日 04版)``) gives its publisher and posting day, as a masthead.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from archive.enumerators import ENUMERATOR
from archive.script_fold import for_reading, unannotated
from archive.timeliness.dates import find_dates, fold_digits, roc_years
from archive.timeliness.shown_dates import arabic_days, parse_shown_date

from .bylines import DAY as _DAY
from .bylines import byline, journal
from .dates import find_stated_date
from .info_days import glued_times, roc_days
from .info_unlabelled import unlabelled_posted
from .names import BODY_END, MEDIUM, PERSON_OR_ACCOUNT, SITE_BEFORE_DAY
from .publisher import (
    DATE_FIRST,
    GLUED_DATE,
    NO_PUBLISHER,
    PUBLISHER_LABEL,
    PUBLISHER_LABELS,
    SOURCE_OR_ORGAN_LABEL,
    publisher_of,
)

logger = logging.getLogger(__name__)

#: longer labels first where one contains another (公示时间 before 时间, 信息来源 before 来源)
#: another event's day under its own label (实施日期, 截止日期, 进驻时间, 反馈时间, 办结时间, 会议时间; the day a page was filed,
#: 归档时间 / 存档日期: set 49; a print or download stamp, 列印時間 / 打印日期, the reader's own day: set 51): never the posting day,
#: nor is a day on its line
_EVENT_DATE = ("(?:实施|施行|截止|归档|存档|列印|打印|下载|进驻|督察|检查|核查|调查|举报|投诉|信访|交办|转办|移交|签收|反馈|办理|办结|验收|销号|会议|受理|立案|"
               "处罚|完成|整改|开始|结束)(?:日期|时间)")
LABELS = (f"索引号|{PUBLISHER_LABEL}|发文字号|文号|成文日期|成文时间|生成日期|发文日期|颁布日期|"
          "印发日期|印发时间|公布日期|公告日期|裁判日期|判决日期|裁定日期|宣判日期|公示起止(?:日期|时间)|公示期限|公示期间|公示日期|公示时间|公示期|失效日期|生效日期|失效时间|生效时间|"
          f"{_EVENT_DATE}|提供时间|提供日期|发稿时间|发稿日期|"
          "发布日期|发布时间|发表时间|公开日期|更新日期|更新时间|"
          "主题分类|时间|日期|作者|发布人|编辑|点击数|浏览次数|浏览|访问量|阅读次数|字号|文字大小|背景色|字体|责任编辑")
_SEPARATOR = r"[|｜丨]"
#: page controls printed after a field (来源:生态环境部关键词:…, …办公室 阅读:, …局 【字体: 大中小】): they end a value
_UI = (r"\s*【|\s*\[\s*\]|(?:关键词|关键字|阅读|打印|分享|收藏|点赞|评论)\s*(?:[:：(（]|$)|\s(?:关键词|阅读|打印|分享|收藏)"
       # …or the text-size and QR controls (大字体 小字体, 扫码带走, 扫一扫): the page's buttons, no part of the value
       r"|\s(?:[大中小]字体|字体大小|[大中小]字号|扫码|扫一扫|二维码)"
       # …or a comment link after a space (东南网 我来说两句, 我要评论, 发表评论: set 49)
       r"|\s(?:我来说两句|我要评论|我要留言|发表评论|参与评论|网友评论)")
#: a site's own date label after a space (信息提供日期:, 录入时间:, 上传日期:): it ends the value before it
_OWN_DATE_LABEL = r"[ \t\u3000]+[\u4e00-\u9fff]{1,6}(?:日期|时间)\s*[:：]"
#: a label compound after a space (网站发布:, 选择阅读字号:, a short word glued before a known label and its colon) or a
#: bracketed label after a space ([ 效力状态 ]): the next field, so the value before it ends there
_COMPOUND_LABEL = (rf"[ \t\u3000]+[\u4e00-\u9fff]{{1,4}}(?:{LABELS})\s*[:：]"
                   r"|(?<=\S)[ \t\u3000]+[\[【][ \t\u3000]*[\u4e00-\u9fff]{2,6}[ \t\u3000]*[\]】]")
#: a bracket opening another labelled field (不详「本文来源:…」, 本站 [原文来源:…]): the value before it ends there (r60b)
_BRACKETED_LABEL = rf"\s*[「“『【\[(（]\s*[\u4e00-\u9fff]{{0,4}}?(?:{LABELS})\s*[:：]"
#: a value follows its label — after a colon, or after the bracket closing the label (【来源】某局, [发布时间]2024-11-04)
#: — or in a table layout the next cell ("成文日期: | 2022年09月14日 |"); a news site may print a slash for the colon
#: (来源/ 某某日报 作者/ 时间/2026-03-18): the slash is the label's colon, no part of the value
_LABEL_VALUE = re.compile(
    rf"({LABELS})\s*([:：为】\]/／]?)\s*(?:{_SEPARATOR}\s*)?(.*?)\s*"
    rf"(?={_SEPARATOR}|[·•]\s*[\[【]?(?:{LABELS})|{_BRACKETED_LABEL}|\s{{2,}}|{_OWN_DATE_LABEL}|{_COMPOUND_LABEL}|(?:{LABELS})\s*[:：]?|{_UI}|$)")
_POSTED_LABELS = ("发布日期", "发布时间", "发表时间", "公开日期", "时间", "日期", "更新日期", "更新时间", "发布", "提供时间", "提供日期",
                  "发稿时间", "发稿日期")
#: (a law database's 【公布日期】 is the day the document was promulgated, as 颁布日期)
#: (…a court's judgment day, 裁判日期 / 判决日期, is the judgment's own, as a document's: set 52)
_ISSUED_LABELS = ("发文日期", "成文日期", "成文时间", "生成日期", "颁布日期", "印发日期", "印发时间", "公布日期", "裁判日期", "判决日期",
                  "裁定日期", "宣判日期")
#: a notice's own day, 公告日期, is the document's (issued) beside its number (公告文号, 文号): a document's label pair
_NUMBER_LABELS = ("文号", "发文字号")
_NOTICE_LABELS = ("公示日期", "公示时间", "公示期", "公示起止日期", "公示起止时间", "公示期限", "公示期间")

#: the page's clock ("现在时间是:2024年11月22日", "今天是…") is no info line
_CLOCK = re.compile(r"^\s*(?:现在时间|当前时间|今天是|今日)")

#: a label printed with spaces between its characters: "发 布 机 构 :", "索   引  号 :"
_SPACED_LABEL = re.compile(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][ \t\u3000]+){1,7}[\u4e00-\u9fff]\s*(?=[:：])")
#: a line that holds only a label ("信息来源:", "• 发布机构:"): a known label's value is on the next line that is not
#: blank, unless that line starts with a label of its own ("文章来源:\n\n添加时间:…": the source is empty) or is a
#: sentence (a name or a date holds no 。，；！？)
_LABEL_ONLY = re.compile(r"^[\s•·*\-]*[\u4e00-\u9fff]{2,8}\s*[:：]\s*$")
_KNOWN_LABEL_ONLY = re.compile(rf"^[\s•·*\-]*(?:{LABELS})\s*[:：]\s*$")
#: …or a known label of four characters or more alone on its line with no colon (a two-column layout: "发布机构\n\n
#: 宣城市人民政府(办公室)"): the next line that is no label nor sentence is its value, joined with a colon
_BARE_LABEL_ONLY = re.compile(rf"^[\s•·*\-]*(?=[\u4e00-\u9fff]{{4,}}\s*$)(?:{LABELS})\s*$")
_LABEL_FIRST = re.compile(r"^[\s•·*\-|｜]*[\u4e00-\u9fff]{2,8}\s*[:：]|.*[。，,；;！？!?]")
#: a section heading that is a known label, numbered or not, with or without its colon ("二、公示时间", "（三）公示期:",
#: "2.发布日期"): a line opening with a date after it is its value, whatever follows the date
_LABEL_HEADING = re.compile(rf"^[\s•·*\-]*(?:{ENUMERATOR})?\s*(?:{LABELS})\s*[:：]?\s*$")


def joined_labels(text: str) -> str:
    """``text`` with spaced labels closed up and each label alone on its line joined to the value on the next one
    ("发布机构:\n\n    婺城区文旅体局" → "发布机构:婺城区文旅体局"); a label followed by another label keeps its line."""
    lines = [_SPACED_LABEL.sub(lambda m: re.sub(r"[ \t\u3000]+", "", m.group(0)), ln) for ln in text.split("\n")]
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        read = for_reading(line)[1]  # labels read in simplified script (公示時間)
        bare = bool(_BARE_LABEL_ONLY.match(read))
        if j < len(lines) and (((_KNOWN_LABEL_ONLY.match(read) or bare) and not _LABEL_FIRST.match(lines[j]))
                               or (_LABEL_HEADING.match(read) and DATE_FIRST.match(lines[j]))):
            out.append(line.rstrip() + ("：" if bare else "") + lines[j].strip())
            i = j + 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


_HAN = re.compile(r"[\u4e00-\u9fff]")
_BRACKETS = {")": "(", "）": "（", "]": "[", "】": "【", "」": "「", "》": "《"}


def _unmatched_close(value: str) -> str:
    """``value`` without a closing bracket it does not open: the bracket closes the text around the label
    ("(新闻来源:华西都市报)" → "华西都市报"); "某某(集团)" keeps its own. An opening bracket left at the end
    belongs to the next bracketed field ("[稿源:某台] [作者:]")."""
    value = value.rstrip(" \t\u3000[【(（")
    while value and value[-1] in _BRACKETS and value.count(_BRACKETS[value[-1]]) < value.count(value[-1]):
        value = value[:-1].rstrip()
    return value


def _unbracketed(value: str) -> str:
    """``value`` without the brackets enclosing the whole of it ("[某某局]" → "某某局", "【2024-11-04】")."""
    if len(value) > 2 and _BRACKETS.get(value[-1]) == value[0] and value.count(value[0]) == 1:
        return value[1:-1].strip()
    return value


def label_fields(text: str) -> dict[str, str]:
    """Label → value of the info lines in ``text`` (the first value of each label, ≤ 80 characters); a cell that
    is itself a label ("公开责任部门 | 公开形式: |") is no value."""
    fields: dict[str, str] = {}
    for original in joined_labels(text).split("\n"):
        original, line = for_reading(original)  # labels read in simplified script; values kept as written
        if not re.search(LABELS, line) or _CLOCK.match(line):
            continue
        for m in _LABEL_VALUE.finditer(line):
            if m.group(2) == "为" and m.start() and _HAN.match(line[m.start() - 1]):
                continue  # a label's word ending a longer word, then the copula 为: a sentence (进驻时间为30天)
            if not m.group(2) and m.start() and _HAN.match(line[m.start() - 1]) and not re.match(r"\s*\d", line[m.end(2):]):
                continue  # …or glued to what follows, no day after it: a sentence's word (以确保第一时间掌握动态: set 47)
            raw = original[m.start(3):m.end(3)]
            label, value = m.group(1), _unbracketed(_unmatched_close(raw.strip(" :：|｜丨·【")))
            if value and not _LABEL_ONLY.match(raw) and label not in fields and len(value) <= 80:
                fields[label] = value
    return fields


#: a newspaper's masthead "国内统一刊号:CN51-0004 成都日报社出版 … 2023年11月22日": the paper and its issue date
_MASTHEAD = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,12}?报社)出版")
#: a paper's issue line "《某某日报》(2022年08月05日 04版)": its name, then the issue's day and page in brackets; spaced
#: inside its marks (《 人民日报 》( 2019年10月30日 11 版)), an edition after the name (《人民日报海外版》), the page as 第N版
_ISSUE_LINE = re.compile(r"《[ \t\u3000]*([\u4e00-\u9fff]{2,12}?(?:报|刊)(?:海外版|农村版|[\u4e00-\u9fff]{0,4}?周刊)?)[ \t\u3000]*》"
                         r"(?=[ \t\u3000]*[（(][ \t\u3000]*(?:19|20)\d{2}\s*[-/.年][^（）()\n]{0,24}版[ \t\u3000]*[)）])")
#: a newspaper's name between dashes in an e-paper's info line: "日期:[2017年02月20日] -- 菏泽日报 -- 版次:[A2]"
_DASHED_MASTHEAD = re.compile(r"(?:--|——)\s*([\u4e00-\u9fff]{2,12}?(?:报|刊))\s*(?:--|——)")
#: a news CMS line "2020-06-12 10:38:39 新安晚报 作者: 姚一鸣": the name between the time and the next label or page
#: control (点击量, 阅读, 浏览); a site and its paper joined by a dash ("… 10:09:33 某某网-某某日报  点击量:") is one name;
#: a person's or an account's name there (… 10:09:33 张某某 阅读:) is the writer, no publisher
_NAME_AFTER_TIME = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s+([\u4e00-\u9fff]{2,12}(?:-[\u4e00-\u9fff]{2,12})?)\s+"
                              r"(?:作者|编辑|责任编辑|点击量|点击数|(?:参与)?评论|阅读(?:量|数|次数)?|浏览(?:量|次数)?|访问量?)\s*[:：(（]")



#: a dateline: a line opening with its numeric day, then the body that posted the page and, maybe, its author's name
#: ("2024-11-04 某某市生态环境局办公室 王某", a round's number in the body's name: 第3轮…办公室): the posting day and the
#: publisher
_DATELINE = re.compile(rf"^[ \t\u3000]*(?P<day>(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})(?:[ \t\u3000]+\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?"
                       # (…the body in brackets, 109-08-31 [某某署综计处]: set 52)
                       rf"[ \t\u3000]+(?P<open>[\[【])?(?P<body>[\u4e00-\u9fff][\u4e00-\u9fff\d]{{1,39}}?(?:[{BODY_END}]|中心|政府))"
                       r"(?(open)[\]】])"
                       # (…a view count glued after the body: 2020-09-28 国家能源局13530)
                       r"(?:\d{1,7}|[ \t\u3000]+[\u4e00-\u9fff]{2,3})?[ \t\u3000]*$", re.MULTILINE)


#: a day right after the source's name, glued, spaced or after a dot (某局 · 2024-11-04), whatever follows it ("未知 2018-09-29 我要评论"): the day the
#: source printed the page
_DATE_AFTER_NAME = re.compile(r"^[^\d\s·•]+\s*[·•]?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")


#: …and one a wide gap sets after the source's value on its line ("来源:某局  2024-11-04"): read on the line itself, as the
#: gap ends the value
_DATE_AFTER_SOURCE = re.compile(
    rf"(?:{SOURCE_OR_ORGAN_LABEL})\s*[:：】\]]\s*[^\d\s:：|｜丨]+(?:[ \t\u3000]+|[ \t\u3000]*[|｜丨][ \t\u3000]*)"
    r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")


#: …and after the writer's name under the writer's label (编辑: 某某 2019-07-29, 作者：某某 | 2020年3月4日 10:21), the day
#: closing its line or followed by a gap: the posting day (the name is no publisher; 某某（2019-07-29修改） is another day)
_DATE_AFTER_WRITER = re.compile(
    r"(?:责任编辑|编辑|作者|撰稿|撰文)[ \t\u3000]*[:：][ \t\u3000]*[\u4e00-\u9fff·]{2,8}[ \t\u3000]*(?:[|｜丨][ \t\u3000]*)?"
    rf"({_DAY})(?:[ \t\u3000]*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?(?=[ \t\u3000]{{2,}}|[ \t\u3000]*(?:$|[|｜丨]))", re.MULTILINE)


#: a labelled day whose year is printed with two digits (发布时间:18年05月29日): 2000 + the year; only with 年, 月 and 日
#: all written (18-05-29 could be read several ways)
_SHORT_YEAR = re.compile(r"^\s*(?<!\d)(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


#: a labelled day printed as eight digits (发布时间:20210305)
_COMPACT_DAY = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")


def _labelled_date(value: str | None) -> str | None:
    """The day a label's value shows: a full date, one with a two-digit year written 年月日 (``18年05月29日``) or eight
    digits (``20210305``)."""
    compact = _COMPACT_DAY.match(value or "")
    date = parse_shown_date(value) or (parse_shown_date("-".join(compact.groups())) if compact else None)
    short = _SHORT_YEAR.match(value or "") if date is None else None
    return parse_shown_date(f"20{short.group(1)}-{short.group(2)}-{short.group(3)}") if short else date


def posted_of(fields: dict[str, str]) -> str | None:
    """The posting date a block's labels state (never 发文 / 成文 / 公示 dates), or None."""
    for label in _POSTED_LABELS:
        date = _labelled_date(fields.get(label))
        if date:
            return date
    return None


def _first_date(value: str | None) -> str | None:
    found = next((m for m in find_dates(value or "") if m.value), None)
    return found.iso() if found else _labelled_date(value)




@dataclass(frozen=True)
class InfoBlock:
    """What a page's info block states (dates ``YYYY-MM-DD``, None when not stated)."""

    publisher: str | None
    posted: str | None
    issued: str | None
    notice: str | None

    def value(self) -> tuple[str | None, ...] | None:
        """(publisher, posted, issued, notice), or None when the block states none of them."""
        found = (self.publisher, self.posted, self.issued, self.notice)
        return None if found == (None, None, None, None) else found


#: an unrendered HTML space (&nbsp, &nbsp;, &ensp;, &#160;) printed as text: a space, one for each of its characters
_ENTITY_SPACE = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#12288|#32);?")
#: a 公示 stated with its window, no label's colon (现予公示5个工作日(2020年10月16日至2020年10月23日), 公示期自…起至…): the
#: window's first day is the notice; what follows the 公示 (公示结束后, 期满, 无异议) is another step's day (…a 公告's
#: window too, 予以公告,公告期为2026年3月5日-2026年3月12日)
_NOTICE_WINDOW = re.compile(rf"公[示告](?:(?!结束|期满|完毕|后|无异议|通过)[^。；;\n:：]){{0,16}}?(?:自|从|[（(])?\s*({_DAY})\s*(?:起\s*)?"
                            r"(?:至|到|—|－|-|~|～)")


def info_block(text: str) -> InfoBlock:
    """Publisher, posting date, document date and 公示 start of an info block (see the module doc)."""
    # every day in one numeral script (二〇二三年二月十日 as 2023年2月10日): the layouts below read days in Arabic digits
    # (read once a mirror's pinyin is out: 二〇一六年五月(yuè)二十八日)
    # (…and a year of the ROC era, its era named, in the common era's: 中華民國108年1月30日 as 2019年1月30日)
    # (…and a ROC day printed with no era, 109-08-31, in the common era's, a time glued to a day set apart: info_days)
    text = roc_days(glued_times(roc_years(arabic_days(unannotated(_ENTITY_SPACE.sub(lambda m: " " * len(m.group(0)), text))[0]))))
    text, folded = for_reading(joined_labels(text))  # read in simplified script; values sliced from ``text`` (same offsets)
    fields = label_fields(text)
    notice = next((d for d in (_first_date(fields.get(label)) for label in _NOTICE_LABELS) if d), None)
    if notice is None and (window := _NOTICE_WINDOW.search(folded)):
        notice = parse_shown_date(window.group(1))
    issued = next((d for d in (_first_date(fields.get(label)) for label in _ISSUED_LABELS) if d), None)
    numbered = any(fields.get(label) for label in _NUMBER_LABELS)
    if issued is None and numbered:
        issued = _first_date(fields.get("公告日期"))  # 公告日期 beside the notice's 文号: the document's own day
    posted = posted_of(fields) or (None if numbered else _first_date(fields.get("公告日期")))  # alone, a 日期 line's
    if posted is None:  # lines that carry a 公示, a document's or another event's date never give the posting date
        other = re.compile("|".join(_NOTICE_LABELS + _ISSUED_LABELS + (_EVENT_DATE,)))
        rest = "\n".join(line for line in folded.split("\n") if not other.search(line))
        labelled = any(label in fields for label in PUBLISHER_LABELS + _POSTED_LABELS)
        posted = unlabelled_posted(rest, labelled=labelled)
    masthead = _MASTHEAD.search(folded) or _ISSUE_LINE.search(folded)
    if posted is None and masthead:  # a newspaper's issue date follows its masthead
        posted = _first_date(text[masthead.end():])
    medium = (MEDIUM.search(folded) or byline(folded)) if not fields else None
    if posted is None and medium:  # a medium's name and a day with no label: the day it printed the page
        posted = _first_date(text[medium.end(1):]) or _first_date(text[:medium.start(1)])
    dateline = _DATELINE.search(folded) if not fields else None
    if posted is None and dateline:
        posted = parse_shown_date(dateline.group("day"))
    if posted is None:  # a day glued to the source's name or right after it is the day the source printed it
        posted = next((parse_shown_date(m.group(1)) for label in PUBLISHER_LABELS
                       if (m := GLUED_DATE.search(value := fold_digits(fields.get(label) or ""))
                           or _DATE_AFTER_NAME.match(value))),
                      None)
    if posted is None and (after := _DATE_AFTER_SOURCE.search(folded) or _DATE_AFTER_WRITER.search(folded)):
        posted = parse_shown_date(after.group(1))
    if issued is None:
        # the signature day in the reading copy (２０１７年 too); a line under another event's label (举报时间 2017年10月17日)
        # is that event's day
        stated = find_stated_date("\n".join(ln for ln in folded.split("\n") if not re.search(_EVENT_DATE, ln)))
        issued = stated if stated and stated != posted else None
    publisher = publisher_of(fields)
    after_time = next((m for m in _NAME_AFTER_TIME.finditer(folded) if not PERSON_OR_ACCOUNT.fullmatch(m.group(1))), None)
    if publisher is None and (named := after_time or masthead or _DASHED_MASTHEAD.search(folded)
                              or MEDIUM.search(folded) or (None if fields else byline(folded) or journal(folded))
                              or next((m for m in SITE_BEFORE_DAY.finditer(folded) if not NO_PUBLISHER.match(m.group(1))), None)):
        # (…a name any path reads that names no body, 来源: 互联网 after a day, is none: set 48)
        publisher = None if NO_PUBLISHER.match(folded[named.start(1):named.end(1)].strip()) else text[named.start(1):named.end(1)]
    if publisher is None and dateline:
        publisher = text[dateline.start("body"):dateline.end("body")]
    return InfoBlock(publisher, posted, issued, notice)
