"""Whether a bare year (``2020年``, ``二〇二〇年内``, ``2016-2017年``) is set as a task's limit (pure patterns).

``archive.ledger.deadlines`` reads a bare year's last day only when its construction sets a limit: 到 / 确保 … or a
time-limit label (规划时限为…) before it,
内 / 前 / 底 / 完成 or a year's target after it, a year's goal named by it (确保完成2022年…目标), a plan's stage over a span
of years with its work after it, or the cell alone; a span's 至, an event's time, a season of the year or a narrated
past year set none.
"""
from __future__ import annotations

import re

from archive.ledger.clauses import STOP_ENDS, clause_start
from archive.ledger.limit_set import labelled
from archive.ledger.past_times import (
    AIMED,
    NOT_A_LAST_DAY_AFTER,
    PAST_MARK,
    SHUT,
    YEAR_EVENT,
    done_on,
    narrated,
)
from archive.ledger.windows import STAGE_OPEN
from archive.timeliness.dates import YEAR_NUMERAL

#: a year's target: "围绕2020年湖体水质达到Ⅲ类", "2025年实现…" (the year's last day, unless hedged)
#: (not a past one: 2019年已全面完成, 2018年完成了)
_YEAR_TARGET = re.compile(r"(?:(?!已|了)[^，,。;；]){0,14}?(?<!未)(?:达到|实现|完成|建成(?!区)|全面|基本)(?![了过])")
#: …or a measure's change against a base year (2020年PM2.5平均浓度比2015年下降25%), an aim before the year in its
#: sentence (确保…, 目标…: set 46; with none it may report the year's result)
_COMPARED = re.compile(rf"(?:(?!了)[^，,。;；]){{0,16}}?(?:比|较)\s*{YEAR_NUMERAL}\s*年?\s*(?:同期)?\s*"
                       r"(?:下降|降低|减少|削减|提高|提升|增长|上升|增加)(?![了过])")
#: a season or holiday of the year after it (2021年汛期前, 2022年春节前, 2020年采暖季前): its time varies, no day is stated
#: (…or a named day or festival of it, 2014年世界环境日, 2023年植树节, 2019年中秋节: its day, but given by its name, not stated)
_SEASON = re.compile(r"\s*(?:主?汛期|汛前|春节|元旦|国庆|雨季|旱季|采暖季|供暖季|取暖季|枯水期|丰水期|[春夏秋冬]季|冬春季?"
                     r"|(?![〇零一二两三四五六七八九十])(?:(?![年月底内前后的日节])[\u4e00-\u9fff]){2,8}?[日节])")
#: a span of years straight before the work a plan's stage assigns (2016-2017年建设…, 2019—2020年完成…; 建设了 reports)
_STAGE_YEARS = re.compile(rf"{YEAR_NUMERAL}\s*(?:年\s*)?[-—–~～至到]\s*{YEAR_NUMERAL}\s*年")
#: (…or, after a comma, a plan's word and the works to shut or cut: 2020至2025年,继续关闭…水井, 2016-2020年,全市计划
#: 压减…: set 47's staged plan, the latest stage the plan's; 2016-2020年,全市关闭了… reports)
_STAGE_WORK = re.compile(r"\s*(?:(?:建设|新建|建成|完成|实施|推进|开展|治理|整治|改造|修复)"
                         r"|[，,]\s*(?:全[省市县区]|各地)?\s*(?:计划|继续|将|要|拟|力争|逐步)\s*(?:逐步|全面|再)?\s*"
                         rf"(?:完成|建成|实施|推进|开展|治理|整治|改造|修复|压减|削减|淘汰|{SHUT}))(?![^，,。;；]*?了)")
#: a bare year is a deadline when it is the whole cell, follows 到/确保…, or is followed by 内/前/底/完成
_YEAR_IS_DEADLINE = re.compile(r"(?:到|至|(?<!关)于|在|确保|力争|争取|截至)\s*$")
#: a year's target or task to complete named by its year (确保完成2022年环境质量改善目标, 全面完成2020年度任务; not a
#: past or hedged one: 已完成2022年目标, 预计完成…)
_YEAR_GOAL = re.compile(r"(?<!已)(?<!已经|预计|有望|可望)(?:完成|实现|达成)(?:[^，,。;；\d了]{0,6}的)?\s*$")
#: (…or its work, a long attribute closed by 的 between: 完成2024年度供应的…所有地块的安全利用工作, 完成今年…5000亩的目标;
#: set 35's rule)
_YEAR_GOAL_NOUN = re.compile(r"[^，,。;；]{0,12}?(?:目标|任务)|[^，,。;；]{0,30}?的[^，,。;；的]{0,8}?(?:目标|任务|工作)")
#: (…or a plan's clause opened by its year, the plan's verb before the completion: 2020年,安排完成…: set 49; or the
#: completion with no subject, as a month's, 2019年12月,完成全部还林工作: 2018年,完成全市…编制, set 50; 2018年,全市完成…
#: and 完成了 report the year's work)
_YEAR_ENDS = re.compile(r"\s*[度年]?\s*(?:内|前|底|末|(?:[，,]\s*(?:安排|计划)?)?(?:全面|基本)?完成(?![了过])|$)")  # 2020年年内 too
#: a year after another and 至 / 到 closes a span of years (2019年至2022年,…): the span's end is no aim
_YEAR_SPAN_END = re.compile(rf"{YEAR_NUMERAL}\s*年\s*(?:至|到)\s*$")  # (二〇一九年至二〇二二年 too)

#: the works shut after 于 + a bare year (于2017年关闭退出, 于2016年拆除; set 44): when, as a day's completion is; a bare
#: 于2017年完成… stays a limit (r40: a plan's cell reads the same)
_SHUT = re.compile(rf"\s*(?:{SHUT})")
#: a time set in the past straight before the year (早在2015年, 曾于2016年)
_PAST_MARKED = re.compile(PAST_MARK + r"\s*$")


def year_goal(raw: str, start: int, end: int) -> bool:
    """Whether the year at ``raw[start:end]`` (2022年, or the page's: 今年, 本年度) names a goal, a task or the work to
    complete (确保完成2022年…目标, 完成今年…拆除面积5000亩的目标; set 46 for the page's year)."""
    return bool(_YEAR_GOAL.search(raw, max(0, start - 12), start) and _YEAR_GOAL_NOUN.match(raw, end))


def year_set(raw: str, m: re.Match[str]) -> bool:
    """Whether the bare year ``m`` is set as a limit: 到 / 确保 … before it (not the 至 closing a span of years,
    2019年至2022年,…, a period), 内 / 前 / 底 / 完成 or a year's target after it, or the cell alone (a span too)."""
    if NOT_A_LAST_DAY_AFTER.match(raw[m.end():m.end() + 12]) or narrated(raw, m.start(), m.end()):
        return False  # 2018年后才…, 2014年前后, 2016年起; 到2020年,先后完成…: when, not by when
    if _PAST_MARKED.search(raw, max(0, m.start() - 6), m.start()):
        return False  # 早在2015年,…即发文要求…: a time set in the past, no limit
    if done_on(raw, m.start(), m.end()) and _SHUT.match(raw, m.end()):
        return False  # 其中,14个煤矿于2017年关闭退出: 于 + the year + the works shut, no aim: when it was done
    if YEAR_EVENT.match(raw, m.end()):
        return False  # 2018年核查发现的…; 在2015年加油站年审前完成: an event's time or eve, no day of the year
    if _SEASON.match(raw, m.end()):
        return False  # 在2021年汛期来临前完成: a season's or holiday's time in the year, no day stated
    if labelled(raw, m.start()):
        return True  # 规划时限为2022-2025年,作为…: a time-limit label before the year or span of years (set 47)
    if _STAGE_YEARS.fullmatch(m.group(0)) and _STAGE_WORK.match(raw, m.end()):
        return True  # 即2016-2017年建设首批…: a plan's stage over a span of years closes on its last year
    if STAGE_OPEN.search(raw, max(0, m.start() - 16), m.start()):
        return True  # 第二阶段(2019年—2020年): a stage's years in brackets after its name close on the last
    span = _YEAR_SPAN_END.search(raw, max(0, m.start() - 12), m.start())
    aimed = _YEAR_IS_DEADLINE.search(raw[max(0, m.start() - 4):m.start()]) and not span \
        or year_goal(raw, m.start(), m.end())
    alone = not (raw[:span.start() if span else m.start()] + raw[m.end():]).strip(" 。，,；;")
    if _COMPARED.match(raw, m.end()):
        return bool(AIMED.search(raw, clause_start(raw, m.start(), STOP_ENDS), m.start()))  # 确保…,2020年PM2.5平均浓度比2015年下降25%
    return bool(aimed or alone or _YEAR_ENDS.match(raw, m.end())
                or (_YEAR_TARGET.match(raw, m.end()) and not raw.startswith("度", m.end())))
