"""Limits that need the page's (the plan's) year: a month, a year's task, or the year itself named relative to the
page or left out (pure patterns for ``archive.ledger.deadlines``, which reads them only when it is given the year).

* a month of the plan's year (``要确保…3月份全面开工建设``, ``今年9月份取得阶段性成果``, ``预计11月完工``): set as a limit or aimed at in
  its clause (``10月份召开会议`` is an event); a month range (``1-9月份``) is a period;
* a year's task (``确保…完成年度任务``);
* the page's year named (``应于今年完成``, ``今年内``, ``确保本年度…``, a year's target ``力争全年…达到``) or left out before
  its end, set as a limit (``计划年内实现``, ``确保实现年底…的目标``, ``年内完成``; ``去年底``, ``两年内``, ``每年年底`` are
  other years or spans, ``年内已完成30项`` a report, ``年末余额`` no limit).
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_end, clause_start
from archive.ledger.limit_words import AIM_VERB
from archive.timeliness.dates import MONTH_NUMBER, cn_number

#: an aim in a month's clause (确保, 力争 … or pledged: 承诺3月份开复工)
AIM_IN_CLAUSE = re.compile(rf"{AIM_VERB}|要|须|应|计划|承诺(?!书|函)|保证")
#: (a year numeral's 年 before the month is find_dates' to read; the page's 今年 / 本年 / 当年 is this one's)
#: (…also without 份, when no day or ten days follow: 确保11月完工, 预计11月完工)
#: (…in either numeral script: 十月份前完成, 预计十一月完工; 一月一研究 is once a month, 一月一日 a day)
MONTH_PART = re.compile(r"(?<![\d\-—–~～至到〇○零一二三四五六七八九十])(?<!(?<![今本当])年)"
                        rf"(?P<m>{MONTH_NUMBER})\s*月"
                        r"(?!份?\s*(?:\d|[〇○零一二三四五六七八九十]|[上中下]旬|[\-—–~～至到]))份?")  # (5月到6月: a range's start, a period)
#: a stage's year-less months in brackets after its name (集中整治阶段(5月-8月)): the last month's end of the plan's year
#: (set 45; ``windows.STAGE_OPEN`` for the stage with its years)
STAGE_MONTHS = re.compile(rf"(?<=阶段[（(])\s*(?:{MONTH_NUMBER})\s*月?份?\s*[-—–~～至到]\s*(?P<m>{MONTH_NUMBER})\s*月份?\s*(?:底|末)?\s*(?=[)）])")
#: (…or 全年 / 本年 without 度: 超额完成全年任务; a report of it, 已完成全年任务的80%, is none)
#: (…its issuer between, 完成省里下达的年度建设任务: set 44)
YEAR_TASK = re.compile(r"(?<!已)(?<!已经)完成(?:[^，,。;；]{0,12}?(?:下达|交办|部署|分解|确定|安排)的)?[^，,。;；]{0,4}?(?:(?:本|当|全|今)年度?|年度)(?:目标|[^，,。;；年]{0,8}?)任务")
#: …the year's work with its year written (保质保量完成2021年度河湖管理监督检查工作): that year's end, page or not
#: (a report, 已完成 / 圆满完成 / 顺利完成 2021年度…, tells it done)
YEAR_TASK_DATED = re.compile(r"(?<!已)(?<!已经)(?<!圆满)(?<!顺利)完成(?!了)[^，,。;；\d]{0,4}?(?P<y>(?:19|20)\d{2})\s*年度"
                             r"[^，,。;；]{0,16}?(?:目标|任务|工作)")
#: 年 with no year of its own before 内 / 底 / 末 (年内, 年底): the page's; a numeral, another year (去年, 明年, 同年,
#: 每年, 历年) or a span (半年, 两年, 多年) before it is not
_BARE = r"(?<![\d〇○零一二三四五六七八九十百千万两几数多半上去明前后同该每周全历近往少青老新翌次成当本今年])年(?=\s*(?:内|底|末))"
RELATIVE_YEAR = re.compile(rf"(?:(?:今|本|当|全)\s*年(?:度)?|{_BARE})"
                           r"(?!\s*(?:\d|[一二三四五六七八九十]+\s*月|第|[一二三四1-4]\s*季|[上下]半年|以来|初))")
#: (…a forecast's modal of ability before the completion too, 预计年底可全面完成, 年内能够建成, 年底可以建成: r59b; 有望 hedges, ``past_times``)
_BARE_END_SET = re.compile(r"\s*(?:内|底|末)\s*(?:前|以前|之前|(?:将|要|须|需|必须|应当?|可以?|能够?)?\s*(?:全面|全部|基本)?"
                           r"(?:完成|实现|建成|完工|达到|消除)(?![了过]))")


def bare_year_end_set(raw: str, start: int, end: int) -> bool:
    """Whether a 年 with no year of its own (``raw[start:end]``, before 内 / 底 / 末) is set as a limit: 前 or a completion
    right after it (年底前, 年内完成), or an aim in its clause (计划年内实现…, 确保实现年底…的目标) with no 已 there;
    年内已完成30项, 年末余额, 年底将召开会议 tell or name other things."""
    clause = clause_start(raw, start)
    if "已" in raw[clause:clause_end(raw, end)]:
        return False
    return bool(_BARE_END_SET.match(raw, end) or AIM_IN_CLAUSE.search(raw, clause, start))


#: a schedule's stages (r58b): year-less months each opening a clause of one sentence, the first stage's clause demanding
#: its work's end after the month (``11月份主体工程要全部完工,12月份安装到位``): each stage is a limit of the plan's year
#: and the latest month's end the last day; a first stage with no demand after its month (``10月份召开会议``), a
#: stage told done (``已``, ``了``) or months out of order (a narration's dates) is none
_STAGE_DEMAND = re.compile(r"(?:要|须|需|应当?|必须|务必|确保|力争|争取)\s*(?:全部|全面|基本|如期|按时)?\s*"
                           r"(?:完成|完工|建成|竣工|到位|完备|投运|投产|运行|拆除|关闭|通过验收|验收)")
_STAGE_TOLD = re.compile(r"已|了|过")
#: (…an enumerator before the first stage's month: 1.11月份…, （二）9月份…)
_STAGE_LEAD = re.compile(r"\s*(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,2}\s*、|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）])?"
                         r"\s*(?:在|于|到|至)?\s*$")


def schedule_months(raw: str) -> list[re.Match[str]]:
    """The months of a staged schedule in ``raw`` (see ``_STAGE_DEMAND``), the first stage first; [] when there is none."""
    stages: list[re.Match[str]] = []
    for m in MONTH_PART.finditer(raw):
        if not _STAGE_LEAD.fullmatch(raw, clause_start(raw, m.start()), m.start()):
            continue
        body = raw[m.end():clause_end(raw, m.end())]
        if not stages:
            stages = [m] if _STAGE_DEMAND.search(body) and not _STAGE_TOLD.search(body) else []
        elif _STAGE_TOLD.search(body) or "。" in raw[stages[-1].end():m.start()] or _month(m) <= _month(stages[-1]):
            break
        else:
            stages.append(m)
    return stages if len(stages) >= 2 else []


def _month(m: re.Match[str]) -> int:
    return cn_number(m.group("m")) or 0
