"""Task numbers of rectification plans (and, re-exported, their deadlines).

``task_number("第十二项")`` → 12; ``cited_numbers("第5、11项和第3至6项")`` → [3, 4, 5, 6, 11].  Chinese numerals
come from ``archive.timeliness.dates`` (one date and numeral vocabulary); this module adds circled numerals,
hundreds, 廿 / 卅, thousands separators, lists and ranges.

A citation is a grammar: a marker (第 / 序号 / 编号 / 问题编号 / 省编号 / 问题清单第 / 附件N第), a numeral in any
form, one number or a list (、 , 和 及 与) or a range (- — ～ 至 到), each item's closer optionally repeated, a
sub-item (（二）, 14-2, 之一, 第2小项) that keeps its item, and a closer (项 / 件, 号 / 个 / 条 before 问题 or 任务, or the
marker's brackets and colon; 号 before a handed-over case, 第398号转办件, in its close-out; 编号 and its number before the
item's noun, 编号36整改事项); in a close-out table with two numbering columns side by side (编号 | 序号 | 反馈问题 …),
the second column's cell (the first is the notice's own serial, a list's).  None in its negative contexts: 文号, batches, meetings and their items, issues, a
rule's article items (第六十三条第三项), a measure's, an indicator's or a requirement's number (第1项整改措施, 第1项考核指标, 第5项要求), a year's serial (编号:2023-0156), list enumerators, attachment labels, other things' 编号, phone numbers,
counts.  ``tests/ledger/test_grammar_citation_count.py`` builds the combinations.  ``deadline("2020年2月底前")`` → ``Deadline("2020-02-29", ...)`` is read by
``archive.ledger.deadlines`` and re-exported here, its historical home.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from archive.enumerators import LIST_ENUMERATOR
from archive.ledger.deadlines import Deadline, deadline
from archive.script_fold import for_reading
from archive.timeliness.dates import cn_number

logger = logging.getLogger(__name__)

__all__ = ["Citation", "Deadline", "citations", "cited_numbers", "deadline", "number_value", "task_number"]

_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ①..⑳
_CIRCLED.update({chr(0x3251 + i): 21 + i for i in range(15)})  # ㉑..㉟
#: (a PDF's spaces may part a Chinese numeral's characters: 第 十 五 项)
_NUM = r"\d{1,4}|[零〇一二两三四五六七八九十廿卅百](?:[ \u3000]?[零〇一二两三四五六七八九十廿卅百]){0,5}"
#: an item's own closer may repeat before the next item (1号、3号问题, 第3号至第5号问题)
_CLOSED = r"(?:\s*[号项](?=\s*(?:、|，|,|和|及|与|以及|至|到|—|－|–|~|～|-)))?"
_SEP = r"\s*(?:、|，|,|和|及|与|以及)\s*第?\s*"
_RANGE = r"\s*(?:至|到|—+|－|–|~|～|-)\s*第?\s*"
#: 第5、11项 / 第四项、第九项 / 第3至6项 / 问题清单第12项 / 第五十四项（一）; 件 counts items (事项, 信访件) as 项 does:
#: 第1件 / 第17、18件确定事项; without 第 a list or range closed by 号 before 问题/任务 (1-20号整改任务), not after a
#: 文号's year (〔2020〕3号)
#: whose problem or task a closer's noun names (第2个反馈问题, 第31号整改任务, 第5个交办问题)
_WHOSE = r"(?:反馈|交办|督察|省级|市级)?(?:整改)?"
#: what a 第N项 may number that is no task: a meeting's items, a measure (第1项整改措施), an indicator (第1项考核指标), a
#: text's content or requirement (报告第三项内容, 第5项要求), a rule's principle or standard
_NOT_TASK_ITEM = (r"(?:议题|议程|(?:整改|工作|具体)?(?:措施|举措)|(?:考核|约束性|预期性|监测|评价)?指标|内容|要求|原则|规定|标准"
                  r"|条件|职责|权利|义务|制度|程序)")
_CITATION = re.compile(
    rf"(?:第\s*(?P<list>(?:{_NUM})(?:{_CLOSED}(?:{_SEP}|{_RANGE})(?:{_NUM}))*)"
    rf"\s*(?:项(?!\s*{_NOT_TASK_ITEM})|件|(?:个|号)(?=\s*{_WHOSE}(?:问题|任务))"
    # (条 + a space opens a rule's article, 第3条 整改任务的责任单位应当…, unless the whole text is spaced so)
    rf"|条(?={_WHOSE}(?:问题|任务)|\s+(?:整\s+改\s+)?(?:问\s+题|任\s+务))"
    # a handed-over case's number in its close-out (第398号转办件整改验收销号情况公示): the case closed
    r"|号(?=\s*(?:转办|交办)(?:信访)?件[^。；;\n]{0,30}?(?:整改|验收|销号|办结)))"
    # (…a title broken over lines between its words too: 整改方案30号整改\n任务, set 44)
    rf"|(?<![\d第.〕\]】年\-－—–/])(?P<list4>\d{{1,3}}(?:{_CLOSED}(?:{_SEP}|{_RANGE})\d{{1,3}})*)\s*号(?=\s*(?:整改\s*)?(?:问题|任务)))"
    rf"(?P<sub>\s*[（(]\s*(?:[一二三四五六七八九十]+|\d+)\s*[)）]|\s*第\s*(?:{_NUM})\s*小项)?"
)
#: the numbering markers without 第: （序号十） / （省编号第41号） / 问题编号：12 / 反馈问题(省编号 ):53 — only in
#: brackets or after a colon, so a table caption such as "附表:序号一任务公示表格" is not a citation
_LIST = rf"(?:{_NUM})(?:(?:{_SEP}|{_RANGE})(?:{_NUM}))*"
#: a label's number is a task's only when the label is the task's or the problem's, or stands alone: 交办单编号 (a
#: hand-over slip), 受理编号 (a petition), 批次编号, 项目编号, 证书编号 name other things
_OWNER = r"(?:(?:问题|任务|督察|清单|台账|整改)(?:省|市|县|区)?|(?:省|市|县|区)|(?<![\u4e00-\u9fff]))"
_MARKED = re.compile(
    rf"[（(]\s*(?:省|市|县|区)?(?:序号|编号)\s*[:：]?\s*第?\s*(?P<list>{_LIST})\s*[号项]?\s*[)）]"
    rf"|{_OWNER}(?:序号|编号)\s*[)）]?\s*(?:[:：]|为)\s*第?\s*(?P<list2>{_LIST})\s*[号项]?(?![\d.])"
    # a heading: 序号一: / 问题编号十四: / 1.编号8: — the label first on its line (after one or two list enumerators:
    # （一）1.编号8:, 一是序号一:), then the number
    # and a colon; 受理编号609号: (a petition) and 附表:序号一任务… (a caption) are none
    rf"|(?:^|(?<=[\n\s]))(?:{LIST_ENUMERATOR}\s*[?？]?\s*){{0,2}}"
    rf"(?:问题|任务)?(?:序号|编号)\s*第?\s*(?P<list5>{_LIST})\s*[号项]?\s*[:：]"
    # a label then its own 第…号 frame, no colon: 编号第7号, 问题序号第12号
    rf"|{_OWNER}(?:序号|编号)\s*第\s*(?P<list11>{_LIST})\s*号"
    # a number in brackets between the inspection's name and its task: 督察(第82号)整改任务
    rf"|[（(]\s*第\s*(?P<list6>{_LIST})\s*[号项]\s*[)）](?=\s*(?:反馈)?(?:整改)?(?:问题|任务))"
    # the problem's or task's own label (or its list's) needs no colon: 问题编号三十四、三十八 / 任务编号14-2 / 问题清单序号15 (a bracket may open
    # the label: 整改任务{编号364(35-11)}, 问题【编号12】)
    rf"|(?:问题|任务)(?:清单|台账)?(?:省|市|县|区)?\s*[{{【\[〔(（]?\s*(?:序号|编号)\s*第?\s*(?P<list7>{_LIST})\s*[号项]?(?![\d.])"
    # 第…号 right after the problem's own label (交办问题第25号已办结; 问题第3号文件 names a document)
    rf"|(?<=问题|任务)\s*第\s*(?P<list12>{_LIST})\s*号(?!\s*(?:文|令|公告|通知|函))"
    # 编号 then its number before the item's noun (方案明确的编号36整改事项, 编号12问题): not another thing's label (受理编号,
    # 交办单编号, 项目编号 …); a 序号 so is a table's caption as often (附表:序号一任务公示表格)
    rf"|(?<!受理)(?<!交办单)(?<!批次)(?<!项目)(?<!证书)(?<!案件)(?<!档案)编号\s*(?P<list13>{_LIST})\s*号?"
    r"(?=\s*(?:整改)?(?:事项|问题|任务))"
    # a serial with its sub-item in brackets after the problem: 反馈问题（14-2）
    rf"|(?<=问题|任务)\s*[（(]\s*(?P<list8>\d{{1,3}}\s*[-－—]\s*\d{{1,2}})\s*[)）]"
)
#: a title that lost its 第 and 号: "关于中央环保督察8问题整改 销号公示" (an Arabic number right after the inspection's
#: name and right before 问题, no measure word: a count always has one, 5个问题 / 18项问题)
_BARE = re.compile(r"(?<=督察)\s*(?P<list3>\d{1,3})\s*(?=问题)")
#: a problem named by its label and numeral with no marker or measure word (督察问题十二, 问题十二、问题三十五): right
#: after the inspection's name or its feedback, or with the label repeated in a list; the numeral must end at a
#: boundary, so a count (问题12个) and words opened by a numeral (问题十分突出, 问题一直, 反馈问题一是) are none
_LABEL_ITEM = rf"(?:{_NUM})(?=\s*(?:、|，|,|和|及|与|以及|已|的|均|[:：（(]|整改|销号|$))"
_PROBLEM_LABEL = re.compile(
    rf"(?<=督察|反馈|交办)(?:问题|任务)\s*(?P<list9>{_LABEL_ITEM}(?:{_SEP}(?:问题|任务)?\s*{_LABEL_ITEM})*)"
    rf"|(?<![\u4e00-\u9fff])(?:问题|任务)\s*(?P<list10>{_LABEL_ITEM}(?:{_SEP}(?:问题|任务)\s*{_LABEL_ITEM})+)")
_RANGE_ONLY = re.compile(rf"^{_RANGE}$")
#: a year then a serial (2023-0156, 2021/15): a code's numbering, never a task's
_YEAR_SERIAL = re.compile(r"\s*(?:19|20)\d{2}\s*[-－—–/]\s*\d")
#: an item of a rule's article or paragraph (《环境保护法》第六十三条第三项, 第二款第一项) or of a meeting is no task
_RULE_ITEM = re.compile(rf"第\s*(?:{_NUM})\s*[条款]\s*$|会议\s*$")
_ITEM_NUMBER = re.compile(rf"^\s*(?:第\s*)?(?P<n>{_NUM}|[{''.join(_CIRCLED)}])\s*(?:项|个|号)?\s*[.．、:：)）]?\s*$")


def number_value(text: str) -> int | None:
    """Integer value of one numeral: Arabic (1,024 with its thousands separators), Chinese (十二, 一百零二), circled (⑫)."""
    text = re.sub(r"\s+", "", text).replace(",", "").replace("廿", "二十").replace("卅", "三十")
    if text in _CIRCLED:
        return _CIRCLED[text]
    if "百" in text:
        hundreds, _, rest = text.partition("百")
        h = cn_number(hundreds) if hundreds else 1
        if h is None:
            return None
        rest = rest.lstrip("零〇")
        r = cn_number(("一" + rest) if rest.startswith("十") else rest) if rest else 0
        return None if r is None else h * 100 + r
    return cn_number(text)


def task_number(cell: str | None) -> int | None:
    """The number in a table's 序号 cell or a list item label: "12", "十二", "第十二项", "⑫"."""
    if not cell:
        return None
    m = _ITEM_NUMBER.match(cell)
    return number_value(m.group("n")) if m else None


@dataclass(frozen=True)
class Citation:
    """Task numbers cited at one place of a text, with the matched text as evidence."""

    numbers: tuple[int, ...]
    text: str
    start: int
    sub_item: str | None = None


def _expand(listing: str) -> list[int]:
    out: list[int] = []
    for part in re.split(_SEP, listing):
        ends = [e.strip().rstrip("号项") for e in re.split(_RANGE, part)]
        values = [number_value(e) for e in ends]
        if any(v is None for v in values):
            continue
        if len(values) == 2 and values[0] is not None and values[1] is not None and 0 < values[1] - values[0] <= 200:
            out.extend(range(values[0], values[1] + 1))
        elif len(values) == 2 and values[0] is not None and values[1] is not None and values[1] <= values[0]:
            out.append(values[0])  # 14-2: item 14's second sub-item, no range
        else:
            out.extend(v for v in values if v is not None)
    return out


def _sub(m: re.Match[str]) -> str | None:
    return (m.groupdict().get("sub") or "").strip() or None


def citations(text: str | None) -> list[Citation]:
    """Every task citation in ``text`` (lists and ranges expanded), in text order: "第N项" (and
    第N个/号/条 before 问题/任务), and the bracketed or labelled 序号 / 编号 / 省编号 forms."""
    original, text = for_reading(text or "")
    out: list[Citation] = []
    found = sorted([*_CITATION.finditer(text), *_MARKED.finditer(text), *_BARE.finditer(text),
                    *_PROBLEM_LABEL.finditer(text)], key=lambda m: m.start())
    for m in found:
        if out and m.start() < out[-1].start + len(out[-1].text):
            continue  # inside the citation before it
        if _RULE_ITEM.search(text, 0, m.start()):
            continue
        groups = m.groupdict()
        listing = re.sub("问题|任务", "", next(v for k, v in groups.items() if k.startswith("list") and v))
        if _YEAR_SERIAL.match(listing):
            continue  # 编号:2023-0156: a year and its serial, a case's or a document's code, no task's number
        numbers = tuple(dict.fromkeys(_expand(listing)))
        if not numbers:
            continue
        sub = _sub(m)
        prev = out[-1] if out else None
        between = text[prev.start + len(prev.text):m.start()] if prev else ""
        if prev and len(prev.numbers) == 1 and len(numbers) == 1 and _RANGE_ONLY.match(between) \
                and 0 < numbers[0] - prev.numbers[0] <= 200:  # 第三十一项至第三十三项
            out[-1] = Citation(tuple(range(prev.numbers[0], numbers[0] + 1)), original[prev.start:m.end()],
                               prev.start)
            continue
        out.append(Citation(numbers=numbers, text=original[m.start():m.end()], start=m.start(), sub_item=sub))
    if not out:
        out = _table_serials(original, text)
    return out


#: a table's numbering column heads: the row's own serial and the plan's item number (编号 | 序号 | 反馈问题 | …)
_SERIAL_HEADS = frozenset({"序号", "编号", "问题编号", "问题序号", "任务编号", "任务序号", "方案序号", "清单序号", "原序号"})
_CELL = re.compile(r"[^|｜\n]+")
#: a head naming what the table's rows are: the plan's problems or tasks
_ITEM_HEAD = re.compile(r"问题|任务")


def _table_serials(original: str, text: str) -> list[Citation]:
    """The plan's item numbers in a table with two numbering columns side by side at the head of its rows (a close-out
    notice's ``编号 | 序号 | 反馈问题 | …`` then ``1 | 15 | …``): the first is the notice's own serial, a list's (none);
    the second numbers the plan's item, so each row's cell under it cites that item.  The head must name the rows'
    problems or tasks, and both cells of a row must be bare numerals."""
    cells = [m for m in _CELL.finditer(text) if m.group(0).strip()]
    words = [re.sub(r"\s+", "", m.group(0)) for m in cells]
    out: list[Citation] = []
    for i in range(len(words) - 1):
        if not (words[i] in _SERIAL_HEADS and words[i + 1] in _SERIAL_HEADS and words[i] != words[i + 1]):
            continue
        width = next((k for k in range(i + 2, len(words)) if task_number(words[k]) is not None), len(words)) - i
        if not any(_ITEM_HEAD.search(w) for w in words[i + 2:i + width]):
            continue
        for row in range(i + width, len(words) - 1, width):
            own, item = task_number(words[row]), task_number(words[row + 1])
            if own is None or item is None or not words[row + 1].isdigit():
                break
            cell = cells[row + 1]
            out.append(Citation((item,), original[cell.start():cell.end()].strip(), cell.start()))
    return out


def cited_numbers(text: str | None) -> list[int]:
    """All task numbers cited in ``text``, sorted, each once."""
    return sorted({n for c in citations(text) for n in c.numbers})
