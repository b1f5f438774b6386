"""The status and deadline readers as grammars (issue 21): every case is built from the dimensions the issue names —
head verb × aspect/adverb × subject, negation, modal and aim contexts, counted parts, 但 turns, traditional script for
statuses; the time's form × its numerals × the construction setting it as a limit, recurring / ongoing / relative
forms and the negative contexts for deadlines.  The sentences are our own, none is a corpus row."""
from __future__ import annotations

import itertools

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class
from archive.script_fold import VARIANTS


def _traditional(text: str) -> str:
    """``text`` in traditional script, each character as a traditional variant that folds back to it."""
    return "".join(VARIANTS.get(ch, ch)[-1] for ch in text)

# ---------------------------------------------------------------------------------------------------------- status

#: head verbs by class, each written as a report states it after an aspect adverb (the adverb is crossed below)
_DONE_VERBS = ("完成", "完成整改", "全部完成", "全面完成", "整改到位", "整改完毕", "办结", "销号", "通过验收",
               "通过省级验收", "关停", "拆除", "取缔", "清理完毕", "处置结束", "拆除到位", "整治到位", "办理完毕",
               "完成销号", "完成验收")
_DONE_ADVERBS = ("已", "已经", "均已", "已全部", "目前已", "现已", "截至2020年底已", "全部已")
#: a verb of the work closed by its result complement (已清理完毕, 已处置结束, 已拆除到位), crossed below
_WORK_VERBS = ("整改", "清理", "处置", "拆除", "整治", "办理", "修复", "核查", "治理", "搬迁")
_COMPLEMENTS = ("完毕", "到位", "结束", "完成")
#: terminal acts of rectification and the manner before them (已依法关停, 已闭环, 已解决)
_TERMINALS = ("关停", "拆除", "取缔", "闭环", "解决", "完工", "竣工", "建成投运", "投入运行", "通过竣工环保验收",
              "通过第三方评估", "达到整改要求", "办结销号", "验收销号")
_MANNERS = ("", "依法", "按要求", "按期", "提前")
#: negation × manner × the completion it negates
_NEGATIONS = ("未", "尚未", "没有", "仍未", "暂未", "还未", "还没有", "未能")
_NEG_MANNERS = ("", "全部", "按期", "如期")
_NEGATED = ("完成", "完成整改", "整改到位", "办结", "销号", "验收", "完工", "整改完毕", "清理到位")
_MOSTLY_VERBS = ("基本完成", "基本到位", "基本整改到位", "基本办结", "基本完成整改")
_MOSTLY_ADVERBS = ("", "已", "已经", "目前已", "现已")
_ON_TRACK = ("正在推进", "正在整改", "正在实施", "有序推进", "按序时进度推进", "达到序时进度", "稳步推进",
             "正按计划推进", "正加快推进", "整改中", "正在加紧建设")
#: the progressive aspect × a manner × the work in hand, its stages included (正加紧设计, 仍在招标)
_PROGRESSIVES = ("正在", "正", "仍在", "尚在", "还在")
_PROGRESS_MANNERS = ("", "加紧", "有序", "按计划")
_WORK_IN_HAND = ("推进", "整改", "办理", "施工", "建设", "实施", "治理", "修复", "验收", "设计", "招标", "审批", "调试")
#: on track by the plan or pace the work follows
_BY_PLAN = ("按序时进度推进", "按计划推进", "按时间节点推进", "按照计划推进", "按照时间节点推进", "已按时序进度推进")
_ON_TRACK_LEADS = ("", "目前", "目前该项目", "截至目前,")
_BEHIND = ("进度落后", "未开工", "未达到整改要求", "未完成", "尚未完成", "没有完成", "未完成整改", "滞后", "进度滞后", "进度缓慢", "未达到序时进度",
           "没有达到序时进度", "尚未整改到位", "未按期完成", "尚未开工")
_BEHIND_LEADS = ("", "目前", "该项目", "截至目前,该工程")
_ONGOING = ("长期坚持", "立行立改并长期坚持", "持续推进", "持续开展巡查")
_SUBJECTS = ("", "该问题", "整改任务", "该项目")
#: modals, aims, directives and the future: what they govern is sought, no status
_MODALS = ("要", "应", "应当", "须", "需", "必须", "确保", "力争", "争取", "计划", "务必", "要求", "督促企业", "责令", "将", "拟")

#: a part done, counted in every form; the rest with its state
_PARTS_DONE = ("已完成12项", "已完成十二项", "完成整改12个", "12项已完成", "已办结12件", "已整改到位12项", "已销号12项",
               "其中已完成12项", "12个问题已整改完成")
_RESTS = (("其余3项正在推进", "on_track"), ("3项正在推进", "on_track"), ("正在推进3项", "on_track"),
          ("另有3项正在整改", "on_track"), ("剩余三项按序时进度推进", "on_track"), ("其余3项未完成", "behind"),
          ("3项未完成", "behind"), ("其余3项进度滞后", "behind"), ("尚有3项未完成", "behind"),
          ("其余3项基本完成", "mostly_done"), ("基本完成3项", "mostly_done"), ("其余3项需长期坚持", "done"))
#: a concession and the main clause after 但, each with its own class
_CONCESSIONS = (("整改工作有序推进", "on_track"), ("项目已开工建设", "other"), ("已完成主体工程", "mostly_done"),
                ("前期工作进展顺利", "on_track"), ("该问题已基本整改到位", "mostly_done"), ("已完成整改", "done"),
                ("部分项目进度滞后", "behind"))
_TURNS = (("进度滞后", "behind"), ("尚未通过验收", "behind"), ("目前已全部完成", "done"), ("已基本完成", "mostly_done"),
          ("正在加快推进", "on_track"), ("成效还不稳固", "other"), ("仍需长期坚持", "ongoing"), ("资金缺口较大", "other"))
_SUFFIXES = ("", "。", ",并通过验收")


def _status_groups() -> dict[str, list[tuple[str, str]]]:
    """The constructed statuses by the dimensions crossed, each with its expected class."""
    product = itertools.product
    modal_verbs = _DONE_VERBS[:8] + _MOSTLY_VERBS[:2] + ("有序推进", "加快推进", "稳步推进", "按序时进度推进")
    groups = {
        "done: subject × aspect × head verb": [(f"{s}{a}{v}", "done") for s, a, v in
                                               product(_SUBJECTS[:2], _DONE_ADVERBS, _DONE_VERBS)],
        "done: aspect × head verb × what follows": [(f"{a}{v}{t}", "done") for a, v, t in
                                                    product(_DONE_ADVERBS[:2], _DONE_VERBS, _SUFFIXES[1:])],
        "done: aspect × verb × result complement": [(f"{a}{v}{c}", "done") for a, v, c in
                                                    product(_DONE_ADVERBS[:4], _WORK_VERBS, _COMPLEMENTS)],
        "done: aspect × manner × terminal act": [(f"该项目{a}{m}{v}", "done") for a, m, v in
                                                product(_DONE_ADVERBS[:2], _MANNERS, _TERMINALS)],
        "done: a completion rate of 100%": [(f"{k}率{v}100%", "done") for k, v in
                                           product(("整改", "办结", "完成", "销号"), ("", "达到", "为", "已达"))],
        "done: 已于 + a time + the completion": [(f"该问题已于{lim}{v}", "done") for lim, v in
                                                product(("2019年底前", "2020年6月"), ("完成整改", "整改到位", "拆除", "销号"))],
        "mostly done: subject × aspect × 基本 + verb": [(f"{s}{a}{v}", "mostly_done") for s, a, v in
                                                       product(_SUBJECTS, _MOSTLY_ADVERBS, _MOSTLY_VERBS)],
        "on track: lead × phrase": [(f"{lead}{v}", "on_track") for lead, v in product(_ON_TRACK_LEADS, _ON_TRACK)],
        "on track: progressive × manner × work in hand": [(f"目前{a}{m}{v}", "on_track") for a, m, v in
                                                          product(_PROGRESSIVES, _PROGRESS_MANNERS, _WORK_IN_HAND)],
        "on track: by the plan or pace": [(t, "on_track") for t in _BY_PLAN],
        "behind: lead × phrase": [(f"{lead}{v}", "behind") for lead, v in product(_BEHIND_LEADS, _BEHIND)],
        "behind: negation × manner × completion": [(f"该问题{n}{m}{v}", "behind") for n, m, v in
                                                   product(_NEGATIONS, _NEG_MANNERS, _NEGATED)],
        "ongoing: subject × kept-up duty": [(f"{s}{v}", "ongoing") for s, v in product(_SUBJECTS[:2], _ONGOING)],
        # modal, aim and future contexts: what is required, targeted or planned states no status
        "other: modal × every class's verb": [(f"各地{m}{v}", "other") for m, v in product(_MODALS, modal_verbs)],
        "other: modal × a limit × verb": [(f"该问题{m}于2020年底前{v}", "other") for m, v in
                                         product(_MODALS[:8], modal_verbs[:5])],
        # a time limit before the phrase is what is set (2020年底前完成整改); with 已 the completion is reported
        "other: a time limit × completion": [(f"{lim}{v}", "other") for lim, v in
                                             product(("2020年底前", "6月30日前", "年内", "30日内"), ("完成整改", "全部完成", "整改到位"))],
        "other: measures, targets, directives, the future": [(t, "other") for t in (
            "加强日常监管", "建立长效监管机制", "整改目标:水质达到Ⅲ类", "整改措施:开展专项检查", "确保按期完成整改任务", "将持续推进",
            "下一步将加快推进", "整改目标:全面完成", "需在2020年6月底前完成整改", "督促企业整改到位", "责令限期整改")],
        # counted parts: the rest's class decides (a part mostly done counts in its own sentence only: in the next one
        # it is another report)
        "counted parts: part done × rest × separator": [
            (f"{done}{sep}{rest}", "done" if want == "mostly_done" and sep == "。" else want)
            for done, (rest, want), sep in product(_PARTS_DONE, _RESTS, (",", "、", ";", "。"))],
        # 但 turns: the main clause after 但 decides when it states a status; when it states none the first stands
        "但 turns: concession × 但 × main clause": [(f"{first},{but}{then}", now if now != "other" else was)
                                                   for (first, was), but, (then, now) in
                                                   product(_CONCESSIONS, ("但", "但是", "然而"), _TURNS)],
    }
    return groups


STATUS_GROUPS = _status_groups()
STATUS_CASES = [case for cases in STATUS_GROUPS.values() for case in cases]


@pytest.mark.parametrize("group", STATUS_GROUPS)
def test_status_grammar(group: str) -> None:
    """Every case of a crossed dimension group reads its expected class (the failures listed with what was read)."""
    wrong = [(text, want, status_class(text)) for text, want in STATUS_GROUPS[group] if status_class(text) != want]
    assert wrong == []


def test_status_grammar_in_traditional_script() -> None:
    """Every constructed status reads the same written in traditional script (the script dimension, crossed whole)."""
    wrong = [(text, want) for text, want in STATUS_CASES if status_class(_traditional(text)) != want]
    assert wrong == []


# -------------------------------------------------------------------------------------------------------- deadlines

#: the plan's year in its numeral forms
_YEARS = (("2020", 2020), ("二〇二〇", 2020), ("２０２０", 2020), ("二○二一", 2021))
#: the time inside a year: (written, month, day; None = the period's end), each alone as a cell and after a limit
_IN_YEAR = (("年底前", 12, 31), ("年底", 12, 31), ("年年底前", 12, 31), ("年内", 12, 31), ("年前", 12, 31),
            ("年", 12, 31), ("年6月底前", 6, 30), ("年6月底", 6, 30), ("年6月前", 6, 30), ("年6月", 6, 30),
            ("年6月30日前", 6, 30), ("年六月底前", 6, 30), ("年十二月三十一日前", 12, 31), ("年上半年", 6, 30),
            ("年下半年", 12, 31), ("年第三季度", 9, 30), ("年三季度", 9, 30), ("年第3季度", 9, 30),
            ("年第一季度末", 3, 31), ("年二季度前", 6, 30), ("年6月上旬", 6, 10), ("年6月中旬", 6, 20),
            ("年6月下旬", 6, 30), ("年6月中旬前", 6, 20), ("年5月至6月", 6, 30), ("年6月—12月", 12, 31),
            ("年6月-12月", 12, 31), ("年5月至12月底", 12, 31), ("年3月至6月底前", 6, 30), ("年10月31日", 10, 31))
_RANGES = ("年5月至6月", "年6月—12月", "年6月-12月", "年5月至12月底")
_SPAN_NUMERALS = ("3", "三", "十五", "两", "半", "１５")
_SPAN_UNITS = ("日", "天", "个工作日", "个月", "周", "年")
#: constructions that set the time as a limit (the cell alone; an aim before; a completion after)
_FRAMES = ("{t}", "{t}完成", "确保{t}完成整改", "{t}全面完成", "整改时限:{t}", "力争{t}完成")


def _deadline_cases() -> list[tuple[str, str | None, str]]:
    cases: list[tuple[str, str | None, str]] = []
    for (year, value), (tail, month, day), frame in itertools.product(_YEARS, _IN_YEAR, _FRAMES):
        if year != "2020" and not tail.startswith(("年底", "年6月底前", "年六月", "年十二", "年上半年", "年第三季度", "年内")):
            continue  # the other numerals crossed with a sample of forms: the form is read apart from the numeral
        if frame == "{t}" and tail in _RANGES:  # a range alone is the period something happens in
            cases.append((year + tail, None, "unknown"))
            continue
        cases.append((frame.format(t=year + tail), f"{value}-{month:02d}-{day:02d}", "date"))
    # a time without its year takes the plan's (context year 2020) or one named relative to it
    cases += [(t, v, "date") for t, v in (
        ("今年底前", "2020-12-31"), ("明年6月底前", "2021-06-30"), ("十二月底前", "2020-12-31"), ("6月底前完成", "2020-06-30"),
        ("6月30日前", "2020-06-30"), ("上半年完成", "2020-06-30"), ("第四季度末前完成", "2020-12-31"),
        ("6月中旬前完成", "2020-06-20"), ("12月下旬", "2020-12-31"), ("十月上旬前", "2020-10-10"), ("至12月底", "2020-12-31"))]
    # the day's other written forms: separators, a clock time after it
    cases += [(t, v, "date") for t, v in (
        ("2020.12.31", "2020-12-31"), ("2020-12-31前", "2020-12-31"), ("2020/6/30前完成", "2020-06-30"),
        ("2020年6月10日18时前", "2020-06-10"), ("二〇二〇年六月三十日前", "2020-06-30"), ("2020—2022年", "2022-12-31"),
        ("2020年至2022年完成", "2022-12-31"))]
    # a year's end after 到 / 于 / 在, and without its year (the plan's year)
    cases += [(f"{pre}2021年底", "2021-12-31", "date") for pre in ("到", "于", "在", "截止到")]
    # staged dates: the latest stage decides
    cases += [("2020年6月底前完成主体工程,2021年底前全面完成", "2021-12-31", "date"),
              ("近期:2020年底前完成;远期:2025年底前完成", "2025-12-31", "date"),
              ("立行立改,2020年底前完成", "2020-12-31", "date"), ("长期坚持,2020年底前完成阶段目标", "2020-12-31", "date"),
              ("2020年底前完成50%,2021年6月底前全部完成", "2021-06-30", "date"),
              ("2019年底前启动,2020年第三季度完成", "2020-09-30", "date"),
              ("2020年上半年完成设计,下半年完成施工", "2020-12-31", "date")]
    # recurring, ongoing, immediate and relative forms
    cases += [(t, None, "recurring") for t in ("每年6月底前报送", "每季度末", "每年开展一次", "每季度通报一次", "每月调度", "每半年报告一次",
                                               "按季度调度", "按月通报")]
    cases += [(t, None, "ongoing") for t in ("长期坚持", "持续推进", "立行立改并长期坚持", "长期推进", "常态化开展")]
    cases += [(t, None, "immediate") for t in ("立行立改", "立即整改", "立查立改", "即知即改", "随到随办")]
    cases += [(t, None, "relative") for t in ("30日内", "30个工作日内", "三年内", "6个月内", "十五个工作日内完成",
                                              "收到通知后15日内", "两年内完成", "用三年左右时间完成", "半年内",
                                              "一个月内", "10天内", "两周内", "五个工作日内")]
    # relative windows: numeral × unit × 内 / 以内; recurring duties: period × act; kept-up duties
    cases += [(f"{n}{u}{w}", None, "relative") for n, u, w in itertools.product(_SPAN_NUMERALS, _SPAN_UNITS, ("内", "内完成", "以内"))
              if n != "半" or u in ("个月", "年")]
    cases += [(f"{p}{v}", None, "recurring") for p, v in itertools.product(("每年", "每季度", "每月", "每半年", "每周", "每旬"),
                                                                            ("开展一次", "调度", "通报一次", "报送", "督查"))]
    cases += [(t, None, "ongoing") for t in ("长效机制", "持续开展", "长期保持", "立行立改、长期坚持", "即知即改、长期坚持")]
    # negatives: stays, meetings, launches, past completions, cut-offs, report periods
    cases += [(t, None, "unknown") for t in (
        "2020年5月10日,督察组进驻我省", "2020年5月10日召开整改推进会议", "2020年5月全面启动整改工作",
        "已于2020年5月完成整改", "已在2020年5月底前完成整改", "截至2020年6月底,已完成12项", "1-9月份,全市空气质量优良率为85%",
        "2020年1-9月份,共办结信访件120件", "2020年5月28日已完成开标", "督察进驻时间:2020年5月10日至6月10日",
        "2017年8月至9月,中央督察组开展督察", "2020年第三季度,省督察组进驻我市", "2020年上半年,全市完成造林10万亩",
        "2020年5月至6月,省督察组开展督察", "2019年完成了整改", "2020年第三季度完成了验收", "截至2020年第三季度,已完成",
        "6月中旬召开会议", "2019年至2022年,分批完成督察", "2020年5月在全省会议上部署", "加强日常监管", "建立长效监管机制")]
    return cases


DEADLINE_CASES = _deadline_cases()


@pytest.mark.parametrize("chunk", range(8))
def test_deadline_grammar(chunk: int) -> None:
    """Every constructed deadline reads its last day and kind, with the span that decided (cases in 8 slices)."""
    wrong = []
    for text, last_day, kind in DEADLINE_CASES[chunk::8]:
        found = deadline(text, context_year=2020)
        if (found.iso(), found.kind) != (last_day, kind) or not (kind == "unknown" or found.read):
            wrong.append((text, last_day, kind, found.iso(), found.kind))
    assert wrong == []


def test_deadline_grammar_in_traditional_script_and_full_width_digits() -> None:
    """Every constructed deadline reads the same in traditional script with full-width digits."""
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    wrong = []
    for text, last_day, kind in DEADLINE_CASES:
        found = deadline(_traditional(text).translate(wide), context_year=2020)
        if (found.iso(), found.kind) != (last_day, kind):
            wrong.append(text)
    assert wrong == []


def test_deadline_month_range_without_year_uses_the_plans_year() -> None:
    assert deadline("至12月底", context_year=2020).iso() == "2020-12-31"
    assert deadline("第三季度完成", context_year=2020).iso() == "2020-09-30"
    assert deadline("年底前完成", context_year=2020).iso() == "2020-12-31"


def test_the_constructed_cases_are_many() -> None:
    assert len(STATUS_CASES) > 1000 and len(DEADLINE_CASES) > 300
