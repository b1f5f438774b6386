"""Forms fresh set 9 showed unread in progress status and deadlines, read as grammar (issue 21); every text here is
our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from archive.ledger.status import read_status


@pytest.mark.parametrize(("text", "status", "head"), [
    # a concession: the main clause after 但 states no status, so the concession's status stands
    ("尽管全县河长制工作稳步推进,但群众满意度仍需提升", "on_track", "稳步推进"),
    # ...while a main clause that states one still decides
    ("虽然各项工作稳步推进,但3项任务进度滞后", "behind", "滞后"),
    # a completion rate below the average or the set pace
    ("甲县、乙县问题整改率分别为48%、55%,落后于全市平均水平", "behind", "落后于全市平均"),
    ("该区销号率仅为40%,低于全省平均水平", "behind", "销号率仅为40%,低于全省平均"),
    # accepted after inspection: a terminal verb after 已
    ("城区黑臭水体治理工程已经通过验收", "done", "已经通过验收"),
    # done and mostly done stated together: the weaker state
    ("已办结或基本办结41件", "mostly_done", "已办结或基本办结"),
    # work sped up, reported after a subject or a connective
    ("区水务局加快推进雨污分流改造", "on_track", "加快推进"),
    ("同时积极推进尾矿库闭库工作", "on_track", "积极推进"),
    # a kept-up duty with a verb and its result complement, or publicity kept up
    ("持续管好乡镇集中式饮用水水源地", "ongoing", "持续管好"),
    ("持续曝光典型案例", "ongoing", "持续曝光"),
    # a part done, then parts counted side by side with 、: the part in hand decides
    ("已完成整改8个、正在推进2个", "on_track", "正在推进"),
    # negation with 没有 of the set pace
    ("部分项目没有达到序时进度", "behind", "没有达到序时"),
    ("部分項目沒有達(dá)到序時(shí)進度", "behind", "没有达到序时"),  # a mirror: read folded, pinyin out
    # a rectification found not in place (the inspectors' finding)
    ("督察组指出该县污水管网整改不到位", "behind", "整改不到位"),
])
def test_status_forms_of_set9(text, status, head):
    found = read_status(text)
    assert (found.status, found.head) == (status, head)


@pytest.mark.parametrize("text", [
    # a directive opening its clause, a modal before the verb: a plan, no state
    "加快推进城镇污水处理提质增效",
    "明年还要积极推进农村改厕",
    # a phrase closed by 的 that a duty follows names a group: a requirement to each group
    "已经销号的要防止反弹,正在整改的要加快进度",
    # the aim governs across a manner phrase's own 的
    "必须按照方案确定的时间节点全部整改到位",
    # a rectification not in place as a general remark, not a finding
    "仍有个别乡镇整改不到位",
    # 淘汰落后产能 is no comparison; 正在 is no preposition of manner
    "淘汰落后产能",
])
def test_no_status_in_plans_and_groups(text):
    assert read_status(text).status == "other"


@pytest.mark.parametrize(("text", "context_year", "last_day", "read"), [
    # the page's year named as a limit: an obligation before it, 内 / 底 after it
    ("须于今年完成的5项任务", 2026, "2026-12-31", "今年"),
    ("力争本年度内全部销号", 2026, "2026-12-31", "本年度"),
    # a span of years closed by a completion right after it is still a limit
    ("2024年至2026年完成", None, "2026-12-31", "2024年至2026年"),  # the span read whole (r46)
    ("2024年至2026年", None, "2026-12-31", "2024年至2026年"),  # a cell that is the span alone
])
def test_relative_year_and_year_span_limits(text, context_year, last_day, read):
    d = deadline(text, context_year=context_year)
    assert (d.iso(), d.kind, d.read) == (last_day, "date", read)


@pytest.mark.parametrize(("text", "context_year"), [
    ("2016年至2019年,各轮督察先后进驻全部地市", None),  # a span of years something happened in
    ("今年完成了12项整改任务", 2026),  # a past completion in the page's year
    ("今年以来,全市办结信访件80件", 2026),
    ("截至今年,已销号20项", 2026),
])
def test_periods_and_reports_are_no_last_day(text, context_year):
    d = deadline(text, context_year=context_year)
    assert d.last_day is None


def test_a_mechanism_named_by_daily_and_weekly_periods_recurs():
    d = deadline("建立日调度、周通报工作机制")
    assert (d.kind, d.last_day, d.read) == ("recurring", None, "日调度")
    assert deadline("建立“日跟踪、月研判”制度").kind == "recurring"
    assert deadline("6月12日调度会议").kind != "recurring"  # one day's meeting
