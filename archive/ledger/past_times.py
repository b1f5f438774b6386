"""Times that tell when, not by when: the vocabulary ``archive.ledger.deadlines`` asks before it takes a dated mention as a
last allowed day (pure patterns and functions).

A cut-off (截至…), a statistic's or the page's own time, a start (自…起), a past event on the day (…召开, 进驻, 反馈), a
hedged projection (预计…), an event's period under its label (进驻时间:…, 报告期:…), a title's year, times listed for
past batches (2016年7月和11月…分四批开展…), and a time opening its sentence whose clause after the comma reports what was
achieved by then (2019年6月底,…如期完成; 到2020年底,已累计完成65项; 到2020年,先后完成…两轮督察).
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_start
from archive.ledger.limit_words import AIM_VERB, LIMIT_NOUN, NODE

#: a dated mention that is not a last allowed day: a cut-off of a count (截至/截止2022年9月7日, 截至时间:…), a statistic's
#: or the page's own time (统计时间为…, 现在时间是…), a start (自/从…起), a past event (已于…结束, …召开/进驻/反馈),
#: a hedged projection (到2020年将有可能达到…, 预计…) or a forecast quantity (2025年…产能将达到1400万吨)
#: words setting a time in the past before it (早在2015年, 远在…, 早于…, 曾于 / 曾在 / 曾经在…)
PAST_MARK = r"(?:早在|远在|早于|曾(?:经)?(?:于|在))"
NOT_A_LAST_DAY_BEFORE = re.compile(r"(?:(?:截至|截止(?:到|至)?)(?:时间|日期)?|统计时间为?|数据时间为?|现在时间是|当前时间|自|从"
                                    r"|已于|已在"
                                    # …a time set in the past (早在2015年,…即发文要求…; 曾于2016年…): when, not by when
                                    rf"|{PAST_MARK}"
                                    # …a forecast's time (预计到2025年,…将达到10万辆; 到2020年,…将达到90% is a target)
                                    r"|(?:预计|预测|估计|有望)\s*(?:到|至))"
                                    # 截至今年6月底: the year named relative to the page's
                                    r"\s*[:：]?\s*(?:今年|本年|当年|同年|去年|上年|明年|年)?\s*$")
#: …a time after which, or around which, something happens (直至2018年后才…, 于2014年前后);
#: …an event on the day: 2016年2月被划定为…; the inspectors' feedback or stay completed (并于2018年1月完成督察反馈)
#: …a limit already met (2019年12月前已完成整改: reports when it was done)
#: (…or a past start running up to now: 自2018年7月底至今, 从去年3月到现在)
NOT_A_LAST_DAY_AFTER = re.compile(r"^\s*(?:(?:至|到|迄)(?:今|现在|目前)|起|以来|开始|结束|召开|进驻|反馈|印发|发布|举行|启动|被|(?:以|之|前)?后"
                                   r"|(?:(?:以|之)?前)?\s*(?:均|全部|都)?已(?:经)?(?:全部|全面)?(?:完成|完工|建成|竣工|办结|整改|销号|拆除|关停)"
                                   r"|完成了?\s*(?:督[察查])?\s*(?:反馈|进驻))")
#: an aim straight before the time (力争在11月30日前已完成…, 确保在…前已建成): the 已 after 前 is the state aimed at by
#: then, a limit (set 45; 工程于…前已完成 reports when it was met)
_AIM_STRAIGHT_BEFORE = re.compile(rf"(?:{AIM_VERB}|保证)\s*(?:在|于)?\s*$")
_MET_AFTER = re.compile(r"^\s*(?:以|之)?前\s*(?:均|全部|都)?已")


def not_a_last_day_after(raw: str, start: int, end: int) -> bool:
    """Whether what follows the time at ``raw[start:end]`` makes it no last day (``NOT_A_LAST_DAY_AFTER``), unless an aim
    straight before it makes a limit met (前已完成) the state sought."""
    after = raw[end:end + 8]
    return bool(NOT_A_LAST_DAY_AFTER.match(after)) and not (
        _MET_AFTER.match(after) and _AIM_STRAIGHT_BEFORE.search(raw, max(0, start - 6), start))


#: a clause that ends in 后 after its day tells what happened then (2018年7月30日…会议后, 2017年3月…明确严禁…后,)
#: (a completion in that clause keeps the day: 2020年6月完成整改后,组织验收)
AFTER_EVENT = re.compile(r"^(?![^，,。;；]*?(?:完成|到位|办结))[^，,。;；前]{0,30}?(?:之|以)?后\s*(?:[，,。;；]|$)")
#: a cut-off's day closed by a comma (截至2019年12月底,116项…完成80项) counts what was done by then
CUT_OFF_AFTER = re.compile(r"^\s*(?:底|末)?\s*[，,:：]")
#: (a range going on from a period's end: 8月底至12月中旬, 3月底—5月底)
RANGE_ON = re.compile(r"\s*(?:至|到|—|-|～|~)\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
#: (a cut-off then a tally: 截至2023年底全区共建立…, 截至6月底累计完成…)
CUT_OFF_TALLY = re.compile(r"[^，,。;；\d]{0,8}?(?:共|累计|总计|合计)")
#: a bare year straight before an event (2018年核查发现的…) tells when it happened; before an undated event's eve
#: (在2015年加油站年审前完成) the 前 is the event's, whose day the text does not give (as 在省检前)
YEAR_EVENT = re.compile(r"\s*(?:核查|检查|督察|巡察|巡视|排查|发现|开展|召开|启动|印发|出台|举办|进驻)"
                        r"|\s*(?![底末内度年上下第前以之春元国汛])[\u4e00-\u9fff]{2,8}?(?<![年月日])前(?!后)")
_HEDGE = re.compile(r"可能|预计|有望|测算|预测|估计|将(?:会)?(?:达到|超过|突破|增至|增加到|增长到|减少到|下降到|降至)\s*\d")
#: what happened on a day or over a period is no deadline: an inspection's stay under its label (进驻时间:5月30日—6月30日),
#: a launch or a meeting (…11月21日全面启动, 2023年4月在…会议上), a news lead (2015年7月1日,习近平…主持召开…), what
#: followed on from a past time (继2020年底完成…之后)
#: (the stay's label may name where they stay, or be 进驻期: 进驻某师期间:3月3日-3月22日, 督察进驻期:…; 入驻 as 进驻:
#: 监督入驻期:…)
EVENT_PERIOD = re.compile(r"(?:(?:[进入]驻|督[察查]|巡察|巡视|会议|活动|检查)(?:时间|期间|阶段)"
                          # …or the period a report or statistic covers (报告期:2021年1-6月, 统计时段:…)
                          r"|(?:报告|统计|监测|考核|评价|数据|调度)(?:期|时段|周期|区间)"
                          r"|[进入]驻(?:(?!整改|完成|办结|销号|后)[^，,。;；:：\d]){0,10}?(?:时间|期间|期))\s*[:：为（(]?\s*$|(?<!相)继\s*$")
EVENT_AFTER = re.compile(r"^\s*(?:全面|正式)?(?:启动|召开|举行|开幕)|^\s*在[^，,。;；]{0,20}?(?:会议|会上|大会)"
                         # a bracketed period of an event named after it: …(时间为2月15日-3月15日)的环保督查
                         r"|^\s*[）)]\s*的?[^，,。;；（(]{0,6}?(?:督[察查]|检查|巡[察视]|活动|行动)")
#: …or the stay an activity lasts (开展为期1个月(时间为2月15日-3月15日)…)
EVENT_LASTS = re.compile(r"为期[^，,。;；（(]{0,8}[（(]\s*(?:时间|日期)?\s*[:：为]?\s*$")
#: a year or day inside a title (《…关于2017年度环境保护工作情况的报告》) is the title's, no last day of the text
TITLE_OPEN = re.compile(r"《[^》]*$")
LEAD = re.compile(r"^\s*[，,]")
#: times listed together then done in batches or one after another (2016年7月和11月、2017年4月和8月分四批开展…督察):
#: when each batch happened, not a last day — the list's further items, then 分N批 / 先后 / 陆续 / 分别 + a past verb
_LIST_ITEM = r"\s*(?:和|与|及|、|，|,)\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:份)?"
_LISTED_TIMES = re.compile(
    rf"(?P<items>(?:{_LIST_ITEM})*)\s*(?:分\s*[一二两三四五六七八九十\d]+\s*批|先后|陆续|分别(?:开展|进驻|召开|进行))")
#: the list's last item: a time right after another and a list connector
_LIST_BEFORE = re.compile(r"月(?:\s*\d{1,2}\s*[日号])?(?:份)?\s*(?:和|与|及|、|，|,)\s*$")


def listed(raw: str, start: int, end: int) -> bool:
    """Whether the time at ``raw[start:end]`` is one of several listed together and then done in batches."""
    found = _LISTED_TIMES.match(raw, end)
    return bool(found and (found.group("items") or _LIST_BEFORE.search(raw[max(0, start - 12):start])))


def hedged(raw: str, end: int) -> bool:
    """Whether the clause after ``raw[:end]`` hedges what it says (预计, 可能, 将达到 + a number)."""
    clause = re.split(r"[，,。;；]", raw[end:], maxsplit=1)[0]
    return bool(_HEDGE.search(clause))


#: a completion in the perfective after the period (到2022年上半年,分六批完成了…督察) reports the past: no limit
PAST_DONE = re.compile(r"[^。;；]{0,30}?完成了")
#: a time opening its sentence (after 到 / 至 or none), then a comma and what was achieved by then: the completion
#: reported (2019年6月底,…工程如期完成; …顺利完成, 已完成, 完成了), done one after another or added up (到2020年,先后完成…
#: 两轮例行督察; 到2020年底,已累计完成…65项), or done by a subject after 已 (2021年6月底,全省已有12个市完成整改): when it was
#: done, no limit (2019年12月,完成全部还林工作 still sets one; an aim makes it sought again: 2020年底,确保如期完成)
#: the verbs that end the work, reported done (完成, 完工, 建成, 竣工, 办结)
_COMPLETED = r"(?:完成|完工|建成|竣工|办结)"
_ACHIEVED = re.compile(rf"(?:(?!{AIM_VERB}|要|须|应|将)[^。;；]){{0,30}}?"
                       rf"(?:(?:如期|顺利|圆满)地?{_COMPLETED}|完成了"
                       r"|(?:先后|陆续|累计|相继)(?:[\d一二两三四五六七八九十]+\s*(?:次|批|轮))?(?:完成|办结|建成|开展|实现|组织)"
                       rf"|已(?:经)?(?:全部|全面|累计|先后|有)?[^，,。;；]{{0,10}}?{_COMPLETED}"
                       # …or a tally of things ended after 已 (至2018年底,…已累计取缔127个球场)
                       r"|已(?:经)?(?:累计|先后|共)(?:取缔|关停|拆除|清退|淘汰|关闭|清理|整治)了?[^，,。;；]{0,10}?\d)")
_OPENS = re.compile(r"(?:^|[。;；])\s*$")
#: (到 / 至 before the time too, unless 前 closes it: 到12月底前,…已全部办结 states the limit it was met by)
_OPENS_BY = re.compile(r"(?:^|[。;；])\s*(?:到|至)\s*$")


def narrated(raw: str, start: int, end: int) -> bool:
    """Whether the time at ``raw[start:end]`` opens its sentence and the clause after its comma reports what was
    achieved by then (see ``_ACHIEVED``)."""
    opens = _OPENS.search(raw[:start]) or _OPENS_BY.search(raw[:start]) and not raw[:end].rstrip().endswith("前")
    return bool(LEAD.match(raw[end:]) and opens and _ACHIEVED.match(raw, end))


#: 于 + a month or day (no 前 / 底 / 内 after it) + a verb that ends the work (工程于2018年7月完成改造, 于5月12日竣工):
#: when it was done, as the status reader reads it; an aim or the future in the clause sets it (计划于…完成, 将于…建成,
#: 确保于…完成, 应于…完成)
_DONE_BEFORE = re.compile(r"已(?:经)?(?:于|在)\s*$")  # (a day after 已于 / 已在 tells when the work was done)
_ON_DAY = re.compile(r"(?<![将拟已])于\s*$")
#: verbs that shut a works (于2017年关闭退出, 于5月关停: set 44)
SHUT = r"关闭|关停|退出|取缔|拆除"
#: (…or shutting a works)
_ENDED = re.compile(r"\s*(?:全面|全部|顺利|如期|基本)?(?:完成|完工|建成|竣工|办结|投运|投入使用|投产|通过[^，,。;；]{0,8}?验收"
                    rf"|{SHUT})(?![^，,。;；]{{0,4}}?(?:前|以前|之前|为止))")
#: a time (digits or Chinese numerals) after 于 or opening a clause, with no aim or limit word in it (2025年7月28日,
#: 二〇二五年八月三日): the narrated day of a past act (the status reader's start-then-finish form reads it too)
PLAIN_TIME = r"(?=[^，,；;。]{0,2}?[\d〇○零一二三四五六七八九十])(?:(?!预计|计划|将|拟|力争|确保|争取|前|底|内)[^，,；;。]){2,18}?"
#: a clause telling the day the works started (于2025年7月28日开工,), the next clause's day + an ending verb its finish
_STARTED_BEFORE = re.compile(rf"(?<![将拟])于{PLAIN_TIME}(?:正式)?"
                             r"(?:开工|动工|开始施工|进场施工)(?:建设)?\s*[，,]\s*$")
AIMED = re.compile(rf"计划|预计|争取|确保|力争|要求|务必|必须|(?<![主重])要|应当?|须|需|拟|将|目标|任务|{LIMIT_NOUN}|{NODE}")


def done_on(raw: str, start: int, end: int, *, plain: bool = True) -> bool:
    """Whether the time at ``raw[start:end]`` follows 已于 / 已在 (已于2020年5月完成整改), or, a plain time (no 前 / 底 after
    it), follows 于 with a verb that ends the work after it and no aim in the clause before (see ``_ON_DAY``): a completion
    reported on that time."""
    if _DONE_BEFORE.search(raw, max(0, start - 8), start):
        return True
    if plain and _STARTED_BEFORE.search(raw, max(0, start - 30), start) and _ENDED.match(raw, end) \
            and not AIMED.search(raw, clause_start(raw, max(0, start - 30)), start):
        return True  # 该项目于7月28日开工,8月3日竣工: the finish narrated after the start (r55a)
    clause = clause_start(raw, start)
    return plain and bool(_ON_DAY.search(raw, clause, start) and _ENDED.match(raw, end)
                          and not AIMED.search(raw, clause, start))


#: a verb that ends the work in the perfective after the time in its clause (2021年底完成了整改, 6月底前建成了…): when it
#: was done, no limit, as 前已完成 (an aim in the clause before the time sets it: 要求…底前完成)
#: (…or a verb with its result, 于2017年12月前做好了…准备, 办完了: set 44)
_PERFECTIVE_AFTER = re.compile(r"[^，,。;；]{0,12}?(?:完成|完工|建成|竣工|办结|投运|拆除|关停|销号|整改到位|(?:做|办|抓|搞)(?:好|完))了")
#: …or, with no 前 after it, a year's end of a past year named relative to the page (去年底完成整改, 上年末建成)
_PAST_YEAR = re.compile(r"(?:去|上|前)年\s*$")
_PAST_YEAR_ENDED = re.compile(r"\s*(?!前|以前|之前)[^，,。;；]{0,12}?(?:完成|完工|建成|竣工|办结|投运)")


def done_then(raw: str, start: int, end: int) -> bool:
    """Whether the time at ``raw[start:end]`` tells when the work was done (see ``_PERFECTIVE_AFTER``): no aim before
    it in its clause."""
    if AIMED.search(raw, clause_start(raw, start), start):
        return False
    return bool(_PERFECTIVE_AFTER.match(raw, end)
                or _PAST_YEAR.search(raw, max(0, start - 4), start) and _PAST_YEAR_ENDED.match(raw, end))

