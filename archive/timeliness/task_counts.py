"""A plan's stated task count: "共明确整改任务2164项", "375项整改任务", "督察反馈的68个问题" (``task_count``).

Moved out of ``archive.timeliness.fields`` (which re-exports ``task_count``, ``problem_count`` and ``TaskCount``): the
grammar of a count, of its noun and of what governs it in its clause, and the counts of other things it is not.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from archive.enumerators import past_enumerator
from archive.ledger.clauses import LINE_CLAUSE_ENDS, SENTENCE_ENDS, clause_end, clause_start
from archive.ledger.numbers import number_value
from archive.script_fold import for_reading
from archive.timeliness.task_parts import governed_part, parallel
from archive.timeliness.task_shares import SHARE_VERB, other_scope

log = logging.getLogger(__name__)

#: a count's numeral: digits (with thousands' commas) or Chinese numerals
CN_NUM = r"\d{1,3}(?:,\d{3})+|\d+|[一二三四五六七八九十百零〇两]+"
_CN_NUM = CN_NUM
#: a total's verb: 任务共24项 / 共有 / 共计42项 / 合计 / 总计 / 总数为
_IN_ALL = r"共有|共计|合计|总计|总数为?|共|有|计(?!划)"
#: a stated count: 375项整改任务 (整改事项) / 56条整改措施 / 50项具体问题 · 整改任务2164项 / 任务是21个 / 问题有46项 · 68个问题
#: whose tasks, between the count and its noun: an inspection's name, its feedback (89项中央环保督察整改任务, 41项反馈问题)
_WHOSE = r"(?:[\u4e00-\u9fff]{0,12}?督察)?\s*(?:反馈)?"
#: a count's numeral starts no other number and is no ordinal: 第56项 cites a task, 二十六 is no 六
_COUNT_START = r"(?<![\d.第一二三四五六七八九十百零〇两])(?<!\d,)"
#: the counted nouns after a total: 问题共有56个 / 反馈问题56个 / 问题是21项 / a table's cell 整改任务：32项
_TOTAL_VERB = rf"(?:是|为|[:：]|{_IN_ALL})"
#: a count of parts or categories (共分三个部分, 5个方面), or a span's 个 (任务3个月内完成, 5个工作日), never tasks: what
#: may not follow a total's unit
_NOT_TASKS_AFTER = r"(?![\d.]|\s*(?:部分|方面|大类|类|领域|板块|层面|批|月|工作日))"
#: categories a total is sorted into, between its verb and its count (共5大类39项, 共3个方面21项, 共六类、25项)
_CATEGORIES = rf"(?:{_CN_NUM})\s*(?:大类|类|个方面|方面|个领域|领域)\s*[、,，]?\s*(?:的\s*)?"
_TASK_COUNT = re.compile(
    rf"{_COUNT_START}(?P<n_task>{_CN_NUM})\s*[项条]\s*{_WHOSE}\s*(?:具体|重点|突出)?\s*(?:生态环境|环境)?\s*(?:整改|工作)?\s*"
    # measures are the plan's list under 清单 or when the part done follows (158项整改措施已完成108项)
    rf"(?:任务|措施(?=\s*清单|\s*已[^，,。；;\d]{{0,10}}?完成\s*(?:{_CN_NUM})\s*[项条个])|问题|(?<=整改)事项)"
    # 84个整改任务 (个 before tasks only with 整改: 4个方面18项84个整改任务)
    rf"|{_COUNT_START}(?P<n_task2>{_CN_NUM})\s*个\s*(?:具体)?\s*整改(?:任务|事项)"
    # 整改任务共5大类39项, 问题共分3个方面21项: the categories between the total's verb and its count
    rf"|(?:(?:整改)?任务|整改事项)(?:清单)?\s*{_TOTAL_VERB}?\s*(?:分为?\s*)?(?:{_CATEGORIES})?(?P<n_after>{_CN_NUM})\s*[项个条]{_NOT_TASKS_AFTER}"
    rf"|问题(?:有|{_IN_ALL})\s*(?:分为?\s*)?(?:{_CATEGORIES})?(?P<n_after2>{_CN_NUM})\s*项"
    rf"|问题(?:清单)?\s*{_TOTAL_VERB}?\s*(?P<n_after3>{_CN_NUM})\s*[个项条]{_NOT_TASKS_AFTER}"
    # a body's share after the problems (反馈问题涉及我区17项, 问题中涉及某市的有13个): tied to the feedback as n_after3
    # a total after the list's categories in the next clause (清单共分为“立行立改”…三类，共计41项)
    rf"|(?:整改)?任务(?:清单)?[^。；;\d]{{0,40}}?(?:{_CN_NUM})\s*(?:大类|类|个方面|部分)\s*[，,]\s*(?:共计?|合计|总计)\s*"
    rf"(?P<n_cat>{_CN_NUM})\s*[项条个]{_NOT_TASKS_AFTER}"
    rf"|问题\s*中?\s*涉及\s*[\u4e00-\u9fff]{{0,6}}?[省市县区旗州盟]\s*(?:的)?\s*{_TOTAL_VERB}?\s*(?P<n_share>{_CN_NUM})\s*[个项条]{_NOT_TASKS_AFTER}"
    # a table's cell: 整改任务数：46, 整改任务总数(项) 37 (a bare number under its label)
    rf"|整改(?:任务|问题)(?:总)?数(?:量)?\s*(?:[（(]\s*[项个条]\s*[)）])?\s*[:：]?\s*(?P<n_cell>\d+)(?![\d.%])"
    # …an inspection's name between the count and its problems: 46个督察反馈问题, 12个中央环保督察反馈问题 (一是督察反馈问题…:
    # an enumerator, no count)
    rf"|{_COUNT_START}(?P<n_problem>{_CN_NUM})(?!是)\s*(?P<ge>个)?\s*(?P<fed>(?:[\u4e00-\u9fff]{{0,12}}?督察(?:[“\"]?回头看[”\"]?)?)?\s*反馈)?\s*"
    rf"(?:具体|突出)?\s*(?:反馈|整改)?\s*问题(?P<head>项目|线索)?"
    # a list's count in brackets after its name: 整改措施清单(46项), 问题清单（共52个）
    # (整改清单(共计39项), or a total in brackets after the tasks or problems: 督察指出的问题（共21项）)
    rf"|(?:(?:整改)?(?:任务|措施|问题)|整改)清单\s*[（(]\s*(?:共计?|计)?\s*(?P<n_list>{_CN_NUM})\s*[项条个]\s*[)）]"
    rf"|(?:任务|问题)\s*[（(]\s*共计?\s*(?P<n_list2>{_CN_NUM})\s*[项条个]\s*[)）]")
#: a part before the count, its manner between (已按序时要求完成整改任务11项): done (已完成, 累计完成了, 已验收销号),
#: remaining (剩余的, 其余, 余下, 尚有, 未完成) or due by a deadline (今年需完成, 2023年度整改任务, 到期应完成的, 长期坚持的): no total
_DONE_BEFORE = re.compile(r"(?:(?:已(?:经)?|累计|共)[^，,。；;\d]{0,8}?(?:整改)?(?:基本)?(?:完成|办结|销号)了?|完成了"
                          r"|完成整改|已整改|已办结|正在整改|未完成|(?:剩余|其余|余下|剩下)的?|尚有|还有|(?:今年|年内)[^，,。；;\d]{0,4}|年度"
                          # in progress (正在推进整改的, 推进中的) or a part picked out by when it is due (2022年需完成的,
                          # 计划完成的; 共需完成整改任务56项, no 的, states the whole)
                          r"|正在[^，,。；;\d]{0,8}|推进中的|(?:需要?|须|要|计划)完成(?:整改)?的|年[^，,。；;\d]{0,6}?完成(?:整改)?的"
                          # …or behind (整改进展滞后的, 逾期的)
                          r"|(?:滞后|缓慢|逾期|超期|未按[期时])(?:未?完成)?的?"
                          # …or done with no adverb, right before the noun (，完成整改任务190项; 需完成 / 计划完成 / 力争完成: due)
                          r"|(?<![需要须应划争保将拟前内])完成"
                          r"|(?:应完成|到期|长期坚持|序时进度|立行立改)的?)"
                          # …an inspection's name between (累计完成中央和省级环保督察整改任务156项)
                          # …and its 的 before the noun (已办结的整改任务:32项, 未完成整改的任务共9项)
                          r"(?:[^，,。；;\d]{0,12}?督[察查])?(?:整改)?的?(?:整改)?(?:任务)?\s*$")
#: …or a total after its categories: 共六类25个具体问题, or what the plan sorted them into: 归纳整理出41个问题, 细化为39个问题
_PROBLEM_CONTEXT = re.compile(r"反馈|指出|交办|移交|督察报告|督察(?:组)?提出|清单|方案|确定|明确|需要?整改"
                              # …or the categories (and items) the feedback is sorted into, right before the count
                              # (4个方面, 3大类15项45个问题)
                              rf"|(?:类|方面)\s*(?:(?:{_CN_NUM})\s*[项条]\s*)?$"
                              # …or 整改 opening the clause as the problems' qualifier (a table's 整改问题 24 个; 共整改问题24个
                              # is work done)
                              r"|^\s*整改\s*$"
                              r"|(?:梳理|整理|归纳|细化|分解|汇总)(?:出|为|成)\s*$")
#: …or a total followed by the part done (59个具体问题已完成整改32个, 44个问题中31个已完成) or by its list (对62个问题以清单的形式)
_PROBLEM_AFTER = re.compile(rf"\s*(?:中\s*(?:有\s*)?(?:{_CN_NUM})\s*个\s*已"
                            # …the part done after 有 (45个问题有39个已完成)
                            rf"|有\s*(?:{_CN_NUM})\s*[个项]\s*(?:问题|任务)?\s*(?:均已|已)"
                            # …the part done, its manner between (175个问题已按时序进度要求整改完成144个)
                            rf"|(?:已(?:经)?[^，,。；;\d]{{0,10}}?)?(?:完成整改|整改完成|完成)(?:整改)?(?:任务)?\s*(?:{_CN_NUM})\s*[个项]"
                            r"|[^，,。；;]{0,4}清单)")
#: …or opening the next clause (督察涉及我市的11个问题,7个问题已…; 45个问题中,39个已完成), only with an inspection or its
#: feedback named before the count in its sentence (a warning film's or a check's 84个问题,已完成整改73个 are no plan's)
_PART_NEXT = re.compile(rf"\s*中?\s*[，,]\s*(?:其中\s*[，,]?)?\s*(?:{_CN_NUM})\s*[个项]\s*(?:问题|任务)?\s*(?:均已|已)")
#: a count of another list's items is no plan's task count: 民生实事, 为民办实事, 《政府工作报告》's tasks, a government
#: meeting's decided items (常务会议确定事项) named in the same clause before the count; a work report to the 人大
#: (政府工作报告, 审计工作报告反映的825个问题: the year's audits of every body) counts the report's items; so does the
#: government's year of work named by its points or its parts (政府工作要点, 今年政府工作12个方面62项重点任务)
_OTHER_LIST = re.compile(r"实事|(?:政府|[审審][计計])工作[报報]告|常务会议|常務會議|政府工作要[点點]"
                         r"|政府工作(?=\s*(?:\d+|[一二三四五六七八九十]+)\s*[个個]\s*方面)")
#: …or another plan's, named by its title in the count's clause (《水污染防治行动计划》确定的N项任务) when neither the title
#: nor what follows it up to the count is the rectification's (a report's title names findings: 《审计报告》反映…50项问题)
_TITLE = re.compile(r"《[^《》]{0,60}(?:计划|规划|方案|纲要|行动)》")
_RECTIFICATION = re.compile(r"整改|督察|督查|反馈")
#: …or a campaign's plan named without a title (两大攻坚战作战方案中, 蓝天保卫战行动计划确定的, 三年行动方案明确的) before the
#: count in a sentence naming no rectification, inspection or feedback: the campaign's tasks
_CAMPAIGN_PLAN = re.compile(r"(?:攻坚战?|作战|保卫战|专项行动|行动)[^，,。；;\d]{0,6}?(?:方案|计划)")
#: a completion opening the count's clause governs it (已完成248个…和…交办的165个问题清理整治任务): work done, no plan's count
_DONE_IN_CLAUSE = re.compile(r"已(?:经)?(?:全部)?完成")
#: a clause opened by 其中 counts a part of a total stated before it (其中,2017年底前须完成任务23项)
_PART = re.compile(r"\s*其中")
#: …but the writer's own body's share of a higher plan (其中涉及我市的整改任务共39项, 其中,交办本县的问题12个) is its own
#: plan's count: 我 / 本 + a body's kind right after 其中 and a verb of concerning or handing over
_OWN_SHARE = re.compile(rf"\s*其中\s*[,，]?\s*(?:{SHARE_VERB}|需要?|由)?\s*(?:我|本)(?:市|县|区|旗|州|盟)"
                        r"(?![\u4e00-\u9fff]{0,2}(?:已|完成|办结|销号))")
#: a government's work programme counts 工作任务 / 目标任务 (县政府确定重要工作任务共579项, 明确145项目标任务): not a
#: rectification plan's tasks unless 整改 qualifies them (整改工作任务)
_WORK_TASKS = re.compile(r"(?<!整改)(?:工作|目标)任务")
#: problems a party inspection found (巡察 / 巡视指出的46项具体问题) are no 督察 plan's
_PARTY_INSPECTION = re.compile(r"巡[察视]")
#: …also in an earlier clause of the count's sentence (巡察组…反馈了巡察意见,共指出N个问题) when no 督察 is named in it
_DUCHA = re.compile(r"督[察查]")
#: problems the petitions raised (交办信访件涉及的生态环境问题9070个) are no plan's tasks either
_PETITIONS = re.compile(r"信访|举报")
#: a list the plan formed (形成了…, 列出, 得出) in the count's clause, the feedback sorted (梳理 / 整理 / 归纳 / 细化 / 分解 /
#: 汇总 / 分类) earlier in its sentence: 对反馈意见进行了梳理,形成了四大十五个领域的144个问题
_FORMED = re.compile(r"(?:形成|列出|得出|整理出|归纳出|梳理出|汇总出)了?[^，,。；;\d]{0,14}$")
_SORTED = re.compile(r"梳理|整理|归纳|细化|分解|汇总|分类")
#: a count as 对 / 针对's object (对84个具体问题,): with the plan's act opening the next clause (分别制定整改清单, 逐一明确整改
#: 措施, 建立问题台账) it is the plan's list; with any other act (分别进行了现场检查) it is not
_OBJECT_OF = re.compile(r"\s*(?:对|针对|就)\s*(?:督察(?:组)?(?:反馈|指出|交办)?的)?\s*")
_PLAN_ACT = re.compile(r"\s*[，,]\s*(?:分别|逐一|逐项|均|逐个|一一)?\s*(?:制定|建立|明确|列出|形成|细化)了?[^，,。；;]{0,12}?"
                       r"(?:清单|方案|台账|措施|责任|时限)")
_LEAD_IN = re.compile(r"(?:反馈|指出|交办|明确|确定)[了的]?(?:意见|问题)?中?\s*[，,]$")
_FED_BACK_PLAN = re.compile(r"反馈|方案|清单")  # …unless the feedback's own count follows them (信访件和反馈的68个问题)
#: a total broken down by several bodies (…,其中徐州市44项、常州市41项): the bodies' own plans added up
_BREAKDOWN = re.compile(rf"\s*[，,]\s*其中\s*[,，]?\s*(?:[\u4e00-\u9fff]{{1,8}}?[省市县区盟旗州]\s*(?:{_CN_NUM})\s*[项个条件]\s*[、，,]?\s*){{2,}}")
#: parts scheduled by their last days (2021年底前完成整改任务2项,2022年底前完成…3项, …): with two or more in a sentence,
#: every count from the first on is a part (2024年8月前完成42项…整改任务 alone is the plan's whole)
_SCHEDULED = re.compile(rf"前\s*(?:要|须|需|应)?\s*(?:全面|基本)?完成\s*(?:整改)?\s*(?:任务|问题)?\s*(?:{_CN_NUM})\s*[项个条]")
#: tasks taken up by officials (领办 / 包案 / 包抓) or led or borne by one body (牵头, 我局承担): a share of work, no
#: plan's count (a city's 认领 or 承担 is its plan's share)
_TAKEN_UP = re.compile(r"领办|包案|包抓|牵头|(?:局|厅|委员会|部门|单位)\s*(?:共|的)?\s*(?:承担|负责)")
#: a number of provinces (7省(市), 8省区, 5个省份) and the kinds of places whose plans are counted together (9市, 5个县(区))
#: (…or provinces and central firms inspected in one batch, counted together: 5省2企业, 6省(区)和1家央企: r61b)
_SEVERAL_PROVINCES = (rf"(?:{_CN_NUM})\s*(?:个\s*省(?:份|区|市)?|省(?:份|市|区|[（(][^）)]{{1,6}}[）)])"
                      rf"|省(?=\s*(?:和|及|与|、)?\s*(?:{_CN_NUM})\s*[个家]?\s*(?:中央企业|央企|企业?|集团)))")
_PLACE_KIND = r"(?:地市|市州|县区|县市区|市县|(?:设区的?|地级|县级)市|市|县|区|州|盟|旗)"
#: whose count it is, named in its clause: a batch handed over (第三批交办, 分5批; 第二批中央…督察 names the inspection)
#: or announced (本次公示, 现将…公示, 拟销号; 本次省督察反馈的 names the inspection),
#: several bodies or plans together (各省, 各地, 全国, 两轮 / 历次督察; a number of provinces: 7省(市), 8省区, 5个省份)
_OTHER_OWNER = re.compile(rf"第\s*(?:{_CN_NUM})\s*批(?!\s*(?:中央|省|自治区|督察|次督察))|分\s*(?:{_CN_NUM})\s*批"
                          r"|(?:本次|此次|这次|本期|本批次?|此批)[^，,。；;\d]{0,4}?(?:公示|验收|销号)|现将|拟销号"
                          r"|各(?:省|市|地|县)|全国"
                          rf"|(?<![\d第]){_SEVERAL_PROVINCES}")
#: a number of provinces or places opening the sentence as its subject (7省市督察整改方案均…, 3市…): the counts after
#: them in that sentence are their plans' added up
_SEVERAL_SUBJECT = re.compile(rf"\s*(?:[^，,。；;]{{0,12}}?[，,])?\s*(?:{_SEVERAL_PROVINCES}|(?:{_CN_NUM})\s*个?\s*{_PLACE_KIND})"
                              r"(?=\s*(?:督察|整改|的|共|均|合计|总共|一共))")
#: problems a check found (实地查看 / 调研 / 巡查 / 暗访 / 检查 / 排查 / 自查 / 曝光), where no inspection or feedback is named
_FIELD_CHECK = re.compile(r"实地查看|调研|巡查|暗访|检查|排查|自查|曝光")
_INSPECTION = re.compile(r"督[察查]|反馈")
#: problems broken into the plan's tasks (44个问题共190项任务, 56个问题细化为293项整改任务): the tasks are the count
_BROKEN_INTO = re.compile(r"\s*(?:的\s*)?(?:共计?|细化为|分解为|细化成|分解成|细化分解为)\s*$")
_LISTED_NEXT = re.compile(r"\s*(?:、|，|,|和|及|以及)\s*")
#: what 问题 may qualify after a count: leads (线索), projects (项目), petitions (件, 信访件): no plan's problems
_NOT_PROBLEMS = re.compile(r"\s*(?:线索|项目|信访件|件|案件)")
#: the plans of a number of cities, counties or districts (9市整改方案, 5个县(区)的整改任务) or their joint total
#: (3市共确定…154个问题, 两县合计…): their own plans added up, no one plan's count
_PLACES_PLANS = re.compile(rf"(?<![\d第])(?P<n>{_CN_NUM})\s*个?\s*{_PLACE_KIND}"
                           r"(?:[（(][^（）()]{1,8}[)）])?\s*(?:(?:的\s*)?(?:整改)?\s*(?:方案|任务)|(?:共|合计|总共|一共))")
#: problems qualified by the inspectors' attention (关注的 / 关心的 / 盯住的) are no count of the plan's tasks
_CONCERN_BEFORE = re.compile(r"(?:关注|关心|盯住|聚焦)的\s*$")


@dataclass(frozen=True)
class TaskCount:
    """A plan's stated task count with the span it was read from (``text`` at ``start``)."""

    count: int
    text: str
    start: int


def task_count(text: str) -> TaskCount | None:
    """How many tasks (problems) the plan states it addresses: "共明确整改任务2164项", "375项整改任务",
    "梳理出56条整改措施清单", "任务是21个", "督察反馈的68个问题" — never a count of categories ("4个方面",
    "4大类"), of measures ("186条具体整改措施"), of completed tasks ("已完成313项整改任务"), of 信访件 / 案件 and the
    problems they raise, of projects (N个问题项目), of several bodies' plans added up (…,其中甲市30项、乙市25项), or of
    another list's items (民生实事, 《政府工作报告》); an inspection's name may stand between the count and its tasks
    ("89项中央环保督察整改任务", "41项反馈问题"); N个…问题 only when tied to the feedback (反馈, 指出, 交办, 清单),
    sorted by the plan (归纳整理出41个问题) or followed by the part done (59个具体问题已完成整改32个, 94个具体整改问题已完成55个,
    175个问题已按时序进度要求整改完成144个; without 个 only so: 14问题已…完成整改任务11项).  Measures count when their part done
    follows (158项整改措施已完成108项); problems broken into tasks yield to the tasks (44个问题共190项任务, 56个问题细化为293项
    整改任务); parts scheduled by their last days (…底前完成整改任务2项,…底前完成整改任务3项), tasks officials lead (领办) and
    problems a check on the ground found with no inspection named are none.  What governs a count stands in its clause
    (or closes the clause before it: 反馈意见指出,…); an ordinal (第56项), a batch (第三批交办), several bodies (各省, 全国),
    one department's share (牵头, 我局承担), a part done, remaining or due by a deadline (剩余的, 应完成的, 长期坚持的) and
    another titled plan's tasks (《…行动计划》确定的N项任务) are none.  A total followed by its part done after 有 or in the
    next clause (45个问题有39个已完成, 11个问题,7个问题已…), an inspection's name before 反馈问题 (46个督察反馈问题) and a
    list's bracketed count (整改措施清单(46项)) count; several inspections' counts listed with 、 (回头看…13个问题、专项督察…9个
    问题), the parts after a total's 中 (131项…中,124项…) and problems 移交 with no inspection named are none.  The most repeated count wins (its first
    mention), the first on a tie."""
    found: list[TaskCount] = []
    weak: list[TaskCount] = []  # N个整改任务: 个 counts anything (4个方面), so it yields to a count with 项 / 条 / 个问题
    original, text = for_reading(text)
    for m in _TASK_COUNT.finditer(text):
        if _no_plan_count(text, m):
            continue
        n = number_value(next(g for g in (m.group("n_task"), m.group("n_task2"), m.group("n_problem"), m.group("n_list"), m.group("n_after"),
                                         m.group("n_after2"), m.group("n_after3"), m.group("n_share"), m.group("n_cell"),
                                         m.group("n_list2"), m.group("n_cat")) if g))
        if n:
            (weak if m.group("n_task2") else found).append(TaskCount(n, original[m.start():m.end()], m.start()))
    found = found or weak or _measures_for_feedback(original, text)
    found = [c for c in found if not any(o.start > c.start and not c.text.endswith(("任务", "措施")) and (
        _BROKEN_INTO.fullmatch(text, c.start + len(c.text), o.start)
        # problems, then the tasks they were made into, listed (梳理出问题27个、整改任务64项): the tasks
        or ("任务" not in c.text and "任务" in o.text and _LISTED_NEXT.fullmatch(text, c.start + len(c.text), o.start)))
        for o in found)]
    if not found or parallel(text, found) or _several_inspections(text, found) or any(_BREAKDOWN.match(text, c.start + len(c.text)) for c in found):
        return None  # 共确定196项整改任务,其中徐州市44项、常州市41项…: several bodies' plans added up, no one plan's
    counts = Counter(c.count for c in found)
    best = max(counts.values())
    return next(c for c in found if counts[c.count] == best)


#: what sets one count of a list apart from the next: a list's mark (、 ；), and an inspection named for the next count
_LIST_MARK = re.compile(r"[、；;]")
_INSPECTION_NAMED = re.compile(r"督[察查]|回头看|巡[视察]")


def _several_inspections(text: str, found: list[TaskCount]) -> bool:
    """Whether the counts are several inspections' listed side by side (“回头看”反馈意见…13个整改问题、专项督察反馈意见…9个
    整改问题、省…督察反馈意见…37个整改问题): each its own plan's, no one count."""
    return any(a.count != b.count and _LIST_MARK.search(text, a.start + len(a.text), b.start)
               and _INSPECTION_NAMED.search(text, a.start + len(a.text), b.start)
               for a, b in pairwise(found))


#: a total with 中 closing a clause before in the sentence (131项重点工作任务中,124项任务正常推进,7项…滞后): the counts
#: after it are its parts
_TOTAL_THEN_PART = re.compile(rf"(?:{_CN_NUM})\s*[项个条][^，,。；;]{{0,16}}?中\s*[，,]")
#: problems handed over (移交) with no inspection or feedback named in the sentence (国家共移交…长江生态环境问题82个):
#: another body's list, no inspection plan's
_HANDED = re.compile(r"移交")
#: …and items listed into another scope or campaign (全省列入“清零”范围的…问题576项, 纳入攻坚行动的32项整改任务) with no
#: rectification, inspection or feedback named in the sentence outside the count: that list's, no inspection plan's
_LISTED_INTO = re.compile(r"(?:列入|纳入)(?![^，,。；;\d]{0,16}?问题(?:清单|台账))[^，,。；;\d]{0,16}?的")  # 问题清单: the plan's


#: a completion in a period reported on (截至6月底，完成…, 本月完成, 一季度完成, 10月份完成), no modal, deadline or other count
#: between, the completion right before the count: the period's work done, no plan's total (2024年8月前完成42项, 需完成, 力争
#: 完成: a plan's)
_PERIOD = (r"截至|截止|至今|目前|本(?:周|月|季度?)|上(?:周|月|季度?)|当月|当周|[上下]半年|[一二三四1-4]\s*季度"
           r"|(?<![\d年])\d{1,2}\s*月份|(?<![年〇○零一二三四五六七八九十])[一二三四五六七八九十]{1,2}月份")
_DONE_IN_PERIOD = re.compile(rf"(?:{_PERIOD})(?:(?!(?<!目)前|需|须|要|应|计划|力争|确保|将|拟|目标|争取|(?:{_CN_NUM})\s*[项个条])[^。；;])"
                             r"{0,24}?(?:完成|办结|销号)了?(?:整改)?(?:[^，,。；;\d]{0,12}?督[察查])?(?:整改)?(?:任务|问题)?\s*$")


#: another source's count listed before it in its clause (警示片问题3个、…督察反馈问题7个): the lists side by side, no one plan's
_OTHER_SOURCE_LISTED = re.compile(rf"(?:警示片|暗访|曝光|审计|巡[视察]|信访|举报)[^，,。；;、]{{0,12}}?(?:{_CN_NUM})\s*[个项条件]\s*、")


_PLAN_VERB = re.compile(r"\s*(?:共|并|还)?\s*(?:确定|明确|提出|列出|部署|安排)")
#: a plan named as the count's source (河长制工作方案确定的…, 乡村振兴实施方案明确重点任务52项, …行动计划明确的) in a sentence
#: naming no rectification, inspection or feedback: that plan's tasks (整改方案 names the rectification)
_NAMED_PLAN = re.compile(r"(?:方案|规划|要点|(?<![按年])计划)\s*(?:中|里)?\s*(?:所|共|已)?\s*(?:确定|明确|提出|列出|部署|安排)")


#: a shortfall of their rectification after the count (…个问题整改不到位, 整改仍不彻底, 未整改, 整改不力): a check's finding
_SHORTFALL_AFTER = re.compile(r"[^，,。;；]{0,6}?(?:(?:整改|落实|整治)(?:仍|还|尚)?(?:不够|不|未|没有?)(?:到位|彻底|完成|落实|有效)"
                              r"|(?:未|没有?)(?:整改|完成整改)|整改不力)")


def _no_plan_count(text: str, m: re.Match[str]) -> bool:
    """Whether the count ``m`` counts something other than a plan's tasks (see ``task_count``)."""
    if _DONE_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
        return True  # 已完成313项整改任务, 已按序时要求完成整改任务11项: the part done
    if _DONE_IN_PERIOD.search(text, clause_start(text, m.start(), SENTENCE_ENDS), m.start()):
        return True  # 截至6月底，完成整改任务30项, 本月完成…5项: the period's work done
    if _SHORTFALL_AFTER.match(text, m.end()):
        return True  # 存在8个方面36个问题整改不够到位: problems a check found short, no plan's count (r43's open form)
    if m.group(0).endswith("问题") and _NOT_PROBLEMS.match(text, m.end()):
        return True  # 22条问题线索, 12项问题项目: leads or projects, 问题 only qualifies them, whatever counts them
    if m.group("n_problem"):
        if m.group("head"):
            return True  # 211个问题项目: a count of projects (or leads), 问题 only qualifies them
        tied = _tied(text, m.start(), m.end()) or bool(m.group("fed"))  # 46个督察反馈问题: the noun names the feedback
        start = clause_start(text, m.start(), SENTENCE_ENDS)
        after = _PROBLEM_AFTER.match(text, m.end()) or (
            _PART_NEXT.match(text, m.end()) and _INSPECTION.search(text, start, m.start()))
        if (not after and not (tied and m.group("ge"))) \
                or (not m.group("ge") and text[m.start() - 1:m.start()] == "第"):
            return True  # 14问题 (no 个) only before its part done: 14问题已…完成整改任务11项; 第14问题 is an ordinal
    clause = _clause_start(text, m.start())
    if governed_part(text, clause, m.start()):
        return True  # 剩余甲工程、乙改造2项任务, 2021年28项任务, 重点工作任务中,137项任务: a part or another list (task_parts)
    sentence = past_enumerator(text, clause_start(text, m.start(), SENTENCE_ENDS))
    if _OTHER_SOURCE_LISTED.search(text, clause, m.start()):
        return True  # 警示片问题3个、中央…督察反馈问题7个: two lists side by side
    if _TOTAL_THEN_PART.search(text, sentence, clause):
        return True  # 131项…任务中,124项任务…: a part of the total before
    sentence_end = clause_end(text, m.end(), SENTENCE_ENDS)
    if _HANDED.search(text, sentence, m.start()) and not _INSPECTION.search(text, sentence, sentence_end):
        return True  # 国家共移交…长江生态环境问题82个: handed over by another body, no inspection named
    if _LISTED_INTO.search(text, sentence, m.start()) and not (_RECTIFICATION.search(text, sentence, m.start())
                                                                or _RECTIFICATION.search(text, m.end(), sentence_end)):
        return True  # 全省列入“清零”范围的…问题576项: another campaign's list
    places = _PLACES_PLANS.search(text, clause, m.end())
    places = places if places and places.start() < m.start() else None
    if _OTHER_OWNER.search(text, clause, m.start()) or (places and (number_value(places.group("n")) or 0) >= 2):
        return True  # 第三批交办的…, 各省（区、市）共…, 省生态环境厅牵头的…: a batch, several bodies, one body's share
    if other_scope(text, sentence, m.start(), sentence_end):
        return True  # 第四类为…类,…等5项任务; 涉及住建25项整改任务; 某专项行动…督导检查涉及我市39个问题: another scope
    if _SEVERAL_SUBJECT.match(text, sentence):
        return True  # 7省市督察整改方案均…,对…梳理,共计确定375项: several provinces' plans, the sentence's subject
    if (_CAMPAIGN_PLAN.search(text, sentence, m.start()) or _NAMED_PLAN.search(text, sentence, m.start())) \
            and not _RECTIFICATION.search(text, sentence, sentence_end):
        return True  # 两大攻坚战作战方案中,须…完成的20项重点任务: a campaign's plan, no inspection's
    # …the title in the clause before when this one goes on with the plan's verb (印发《…行动方案》，确定整改任务150项)
    titles = list(_TITLE.finditer(text, sentence if _PLAN_VERB.match(text, clause) else clause, m.start()))
    if titles and (not _RECTIFICATION.search(text, titles[-1].start(), m.start()) or (
            _CAMPAIGN_PLAN.search(titles[-1].group(0)) and not _INSPECTION.search(titles[-1].group(0)))):
        return True  # 《水污染防治行动计划》确定的N项任务: another plan's tasks
    if _OTHER_LIST.search(text, clause, m.start()) or _WORK_TASKS.search(text, max(0, m.start() - 4), m.end()):
        return True  # 《政府工作报告》分解为…79项重点工作任务, 确定重要工作任务共579项: another list's items
    opener = text.rfind("其中", max(0, clause - 4), clause)
    own_share = _OWN_SHARE.match(text, opener if opener >= 0 else clause)
    if _DONE_IN_CLAUSE.search(text, clause, m.start()) or (not own_share and (
            _PART.match(text, clause) or text[max(0, clause - 3):clause].rstrip("，, ").endswith("其中"))):
        return True  # 已完成…的N个问题: work done; 其中2017年底前要完成的56个整改任务: a part of the total
    scheduled = [p.start() for p in _SCHEDULED.finditer(text, sentence, clause_end(text, m.end(), SENTENCE_ENDS))]
    if (len(scheduled) >= 2 and scheduled[0] < m.end()) or _TAKEN_UP.search(text, clause, m.start()):
        return True  # 2021年底前完成整改任务2项,…需要长期努力的整改任务5项: parts; 共领办…整改任务1463项: officials' share
    checks = [c.start() for c in _FIELD_CHECK.finditer(text, sentence, m.start())]
    if checks and m.group(0).endswith("问题") and not _PROBLEM_AFTER.match(text, m.end()) \
            and not _INSPECTION.search(text, _clause_start(text, checks[-1]), m.end()):
        return True  # 对…路线进行实地查看,梳理了…需整改的19个问题, 督察反馈后,检查发现N项问题: what a check found
    petitions = [p.end() for p in _PETITIONS.finditer(text, clause, m.start())]
    if _PARTY_INSPECTION.search(text, clause, m.end()) or (_PARTY_INSPECTION.search(text, sentence, m.start())
                                                           and not _DUCHA.search(text, sentence, sentence_end)) \
            or (petitions and not _FED_BACK_PLAN.search(text, petitions[-1], m.start())):
        return True  # 针对巡察指出的46项具体问题, 巡察组…反馈了巡察意见,共指出N个问题: a party inspection's findings; 交办信访件涉及的…问题9070个: petitions'
    if m.group("n_task") and _CONCERN_BEFORE.search(text[max(0, m.start() - 6):m.start()]) \
            and m.group(0).endswith("问题"):
        return True  # 督察组重点关注的80项问题清单: what the inspectors watch, not the plan's tasks
    # 警示片涉及我市问题2个 is no plan's count; 督察反馈我市的问题64个 is
    return bool((m.group("n_after3") or m.group("n_share")) and not _tied(text, m.start()))


def _tied(text: str, at: int, end: int | None = None) -> bool:
    """Whether a governor ties the count at ``at`` to the feedback or the plan: in its clause (督察反馈的N个问题), or
    closing the clause before it (督察组反馈意见指出,我省存在N个问题); 督察反馈后,群众反映的N个问题 is not.  So does the
    feedback sorted into a list (梳理…形成了…N个问题, 经梳理细化,共形成N个问题), and problems a plan acts on
    (对N个具体问题,分别制定整改清单: the count as 对's object, the plan's act opening the next clause)."""
    clause = _clause_start(text, at)
    if _PROBLEM_CONTEXT.search(text, max(clause, at - 12), at) or _LEAD_IN.search(text, max(0, clause - 12), clause):
        return True
    sentence = clause_start(text, at, SENTENCE_ENDS)
    if _FORMED.search(text, clause, at) and _SORTED.search(text, sentence, at):
        return True
    return end is not None and bool(_OBJECT_OF.fullmatch(text, clause, at)) and bool(_PLAN_ACT.match(text, end))


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` starts (after its list enumerator): what governs a count stands in its clause."""
    return past_enumerator(text, clause_start(text, at, LINE_CLAUSE_ENDS))


#: the measures a plan puts forward for an inspection's feedback, no task or problem count stated (对…督察反馈的问题提出三方面
#: 16项具体措施, 针对督察反馈意见制定了25条整改措施): the plan's list
_MEASURES_FOR_FEEDBACK = re.compile(
    rf"(?:对|针对|就)[^。；;]{{0,80}}?督察[^。；;]{{0,30}}?反馈(?:的)?\s*(?:意见|问题)[^。；;，,\d]{{0,6}}?[，,]?\s*(?:研究|认真|逐项|逐条)?"
    rf"(?:提出|制定|明确|细化|形成|落实)了?\s*(?:{_CATEGORIES})?{_COUNT_START}(?P<n>{_CN_NUM})\s*[项条]\s*(?:具体|整改|针对性)?\s*"
    r"(?:整改)?措施")


def _measures_for_feedback(original: str, text: str) -> list[TaskCount]:
    """The measures' count a plan states for the feedback (see _MEASURES_FOR_FEEDBACK), unless a party inspection's,
    a part done or several bodies' (the task count's own checks on its clause)."""
    m = _MEASURES_FOR_FEEDBACK.search(text)
    if m is None or _PARTY_INSPECTION.search(m.group(0)) or _OTHER_OWNER.search(m.group(0)) \
            or _DONE_BEFORE.search(text[max(0, m.start("n") - 16):m.start("n")]):
        return []
    n = number_value(m.group("n"))
    return [TaskCount(n, original[m.start("n"):m.end()], m.start("n"))] if n else []


def problem_count(text: str) -> int | None:
    """The count ``task_count`` reads, without its span."""
    found = task_count(text)
    return found.count if found else None
