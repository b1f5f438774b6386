"""Mechanisms behind the readers' dev misses on set 45 (issue 21, the round on set 45, r45: campaigns at hospitals,
ports, scenic areas and golf courses, river sand mining, county progress tables): each pinned with positives in forms
no row had and negatives where the cue comes without its licence.  Every text here is our own (row ids are named in
comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- D1 deadline: an at-once fix decides over a practice kept beside it (517f52b5, 9294aea6) -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("督促该企业马上整改,同时健全日常管理长效机制", (None, "immediate")),
    ("坚持常态化开展巡河,发现问题立即处置", (None, "immediate")),
    # the cue unlicensed: no at-once fix, or the fix itself kept up
    ("建立健全河道保洁长效机制", (None, "ongoing")),
    ("立行立改并长期坚持", (None, "ongoing")),
])
def test_an_at_once_fix_decides_over_a_practice_kept_beside_it(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: once (or N times) in each period, its act between (4bdfbe44, eecded42) -------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("垃圾中转站3天清运1次", (None, "recurring")),
    ("每周对沿河排口抽检两次", (None, "recurring")),
    ("每10天公示一次", (None, "recurring")),
    # a tally over a span, or a span within which it is done once, is no cadence
    ("近3年来共开展联合执法5次", None),
    ("5天内复查1次", (None, "relative")),
])
def test_once_in_each_period_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D3–D5 deadline: every odd month, 定期 sitting together, a check held by the quarter with its manner ---------------
# (aad2f037, ae2d2e28, 05e2c2cd)


@pytest.mark.parametrize(("text", "want"), [
    ("每双月5日前上报工作台账", (None, "recurring")),
    ("各成员单位定期会商研判", (None, "recurring")),
    ("市里通过月度交叉检查督促落实", (None, "recurring")),
    # 规定期限 is no 定期; a quarter's check named alone, 第三季度联合检查发现, is one quarter's
    ("在规定期限内集中办公", None),
    ("第三季度联合检查发现问题12个", None),
])
def test_odd_months_sitting_together_and_a_quarterly_check_are_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D6 deadline: a plan stage's span with 为期 closing its clause is relative (487b881e) -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("第一阶段为宣传发动阶段,为期一个月", (None, "relative")),
    ("自查自纠阶段为期20天左右。", (None, "relative")),
    # a check's stage, a campaign's or a check's length before its noun: how long it lasts (sets 26, 27, 38)
    ("进入交叉督查阶段,为期5天", None),
    ("开展为期三个月的集中整治行动", None),
])
def test_a_plan_stage_s_span_with_weiqi_is_relative(text, want):
    assert _reads_deadline(text) == want


# -- D7 deadline: a plan stage's period in brackets after its name closes the stage (6825e40f, 5b5be9e8) --------------


@pytest.mark.parametrize(("text", "year", "want"), [
    ("第三阶段(2021年-2022年):巩固提升", None, ("2022-12-31", "date")),
    ("(三)验收阶段(9月-10月)", 2020, ("2020-10-31", "date")),
    # no year for the months: nothing is guessed
    ("(三)验收阶段(9月-10月)", None, None),
])
def test_a_stage_s_period_in_brackets_closes_on_its_last_day(text, year, want):
    assert _reads_deadline(text, year) == want


# -- D8 deadline: a campaign's span after 份之间 and its object after 针对 (e5c73e0f) -----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全县从2019年3月份开始至2019年10月份之间,对辖区内所有砂场进行集中整治", ("2019-10-31", "date")),
    # a span with no campaign after it tells when
    ("全县从2019年3月份开始至2019年10月份之间,共接到投诉12件", None),
])
def test_a_campaign_s_span_with_its_object_after_zhendui_closes_it(text, want):
    assert _reads_deadline(text) == want


# -- D9 deadline: an aim straight before the time makes 前已完成 the state sought (44db50a1) --------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("确保于2020年6月30日前已建成投用", ("2020-06-30", "date")),
    # no aim: the limit was met, a report
    ("该项目于2020年6月30日前已建成投用", None),
])
def test_an_aim_straight_before_the_time_makes_a_met_limit_sought(text, want):
    assert _reads_deadline(text) == want


# -- D10 deadline: a past act's span with the amount it reached is no limit (0304e1fe) --------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("该村出动20余人,用三天时间清运建筑垃圾300多吨", None),
    # an aim before the span: the span set for the work
    ("要求该村用三天时间清运建筑垃圾300多吨", (None, "relative")),
])
def test_a_past_act_s_span_with_the_amount_reached_is_no_limit(text, want):
    assert _reads_deadline(text) == want


# -- S1 status: aims listed after one 确保 (f1f114be) ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("力争各项工程如期开工,年度建设目标全面完成。", "other"),
    # either clause stating what is: the state
    ("确保各项措施落实到位,目前整治任务已全面完成。", "done"),
])
def test_aims_listed_after_one_queren_are_aimed(text, want):
    reads_status(text, want)


# -- S2 status: a progress table's evaluation cell decides its row (10492b5d) ----------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("完成农村户厕改造300户。 | 已完成改造210户。 | 有序推进 |", "on_track"),
    ("新建污水管网5公里。 | 已开工。 | 进度滞后 |", "behind"),
    # a last cell that is no evaluation (long, or a cell of its own row's text) leaves the row to its head
    ("完成农村户厕改造300户。 | 已全部完成改造,群众满意度明显提升 |", "done"),
])
def test_a_progress_table_s_evaluation_cell_decides(text, want):
    reads_status(text, want)


# -- S3 status: the next stage begun now after a step done is on track (d233d39f) -------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("已完成可研报告编制,目前已进场施工", "on_track"),
    # a close-out step begun leaves it done
    ("已完成整改,现已进入验收阶段", "done"),
])
def test_the_next_stage_begun_now_after_a_step_done_is_on_track(text, want):
    reads_status(text, want)


# -- S4–S6 status: a close-out heading on its own line, a stage's tasks reached, a standing requirement kept to --------
# (9da2a991, 6d1d46dd, e582f654)


@pytest.mark.parametrize(("text", "want"), [
    ("三、整改进展情况\n已完成。", "done"),
    ("全县河长制工作已达到阶段性目标", "on_track"),
    ("下一步,我局将继续严格落实河长制责任", "ongoing"),
    # aimed or negated, and the work pushed on, are none
    ("确保实现阶段目标", "other"),
    ("将继续落实整改措施", "other"),
])
def test_headings_stage_targets_and_standing_requirements(text, want):
    reads_status(text, want)
