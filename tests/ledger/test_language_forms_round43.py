"""Mechanisms behind the readers' dev misses on set 43 (issue 21, the round on set 43, r43: 森工 and 兵团 close-outs,
plan-table deadline cells, proposal replies, bureaus' disclosure pages) and older dev misses still open: each pinned with
positives in forms no row had and negatives where the cue comes without its licence.  Every text here is our own (row
ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str) -> tuple[str | None, str] | None:
    d = deadline(text)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- S1 status: the reach verb in either order, 到达 negated, is behind (70208221) ---------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全市三成乡镇的治理进度未到达序时进度要求", "behind"),
    ("两个县区工程进度没到达计划目标", "behind"),
    # the cue unlicensed: reached, not negated, is on track
    ("各县区整改进度均到达序时进度", "on_track"),
])
def test_the_reach_verb_negated_in_either_order_is_behind(text, want):
    reads_status(text, want)


# -- S2 status: the pace or its requirement reached is on track (671576d8) ---------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全区整改任务推进总体达到进度要求", "on_track"),
    ("6个重点项目均到达计划进度", "on_track"),
    # the cue unlicensed: negated it is behind
    ("部分县整改工作未达到进度要求", "behind"),
])
def test_the_pace_required_reached_is_on_track(text, want):
    reads_status(text, want)


# -- S3 status: 长期 before a standing or ranking says how long a state lasted, no kept-up duty (caed37de) --------------


@pytest.mark.parametrize(("text", "want"), [
    ("该县水质排名长期靠后,今年仍未完成水质改善目标", "behind"),
    ("两市PM10浓度长期偏高,未完成年度考核任务", "behind"),
    # the cue unlicensed: 长期 before a duty is kept up
    ("巡河制度长期坚持", "ongoing"),
])
def test_a_long_standing_state_is_no_kept_up_duty(text, want):
    reads_status(text, want)


# -- S4 status: 基本 over a quantifier, 已 and a passive solving is mostly done (aa6b4fe0) -------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("群众反映的噪声扰民问题基本均得到妥善处理", "mostly_done"),
    ("辖区内的散乱污企业基本都已关停到位", "mostly_done"),
    ("居民投诉的油烟问题基本得到解决", "mostly_done"),
    # the cue unlicensed: with no 基本 the passive result of all is done
    ("居民投诉的油烟问题都已得到妥善处理", "done"),
])
def test_mostly_over_a_quantifier_or_a_passive_solving_is_mostly_done(text, want):
    reads_status(text, want)


# -- S5 status: a condition with its consequence in the same clause supposes, states none (207ca270) --------------------


@pytest.mark.parametrize(("text", "want"), [
    ("通知明确了各乡镇的整治责任,若未按期完成则约谈主要负责人。", "other"),
    ("对督办事项实行销号管理,如没有整改到位将予以通报。", "other"),
    # the cue unlicensed: no condition opening the clause, the shortfall is stated
    ("该乡镇未按期完成,已约谈主要负责人。", "behind"),
])
def test_a_condition_with_its_consequence_in_its_clause_states_none(text, want):
    reads_status(text, want)


# -- S6 status: a tally (累计 / 共) with any verb of the work done and its amount is done (66049562) --------------------


@pytest.mark.parametrize(("text", "want"), [
    ("施工方累计疏浚河道淤泥3000余立方米", "done"),
    ("今年以来共修复破损护栏200余米", "done"),
    # the cue unlicensed: an aim (计划 / 力争 before it) is none
    ("计划累计清运淤泥3000余立方米", "other"),
])
def test_a_tally_of_any_verb_of_the_work_is_done(text, want):
    reads_status(text, want)


# -- S7 status: a rate below 100 % of counted problems named before it is done (bd0c790d) ------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("群众举报交办的1260个环境问题,目前整改完成率为91.5%", "done"),
    ("第二轮督察反馈的47个问题中,销号率达到85%", "done"),
    # the cue unlicensed: a bare rate, or a rate of petitions, states none
    ("全年信访件办结率为95%", "other"),
])
def test_a_rate_of_counted_problems_is_done(text, want):
    reads_status(text, want)


# -- D1 deadline: 定期 over a long 对-object, or issuing notices, is recurring (817e0aec, 074a7c6b) -----------------------


@pytest.mark.parametrize(("text", "want"), [
    ("定期对城区餐饮油烟、建筑工地扬尘、渣土运输车辆等重点领域进行专项督查", (None, "recurring")),
    ("定期印发工作简报,通报各单位整改进度", (None, "recurring")),
    # the cue unlicensed: 规定期限 is no 定期
    ("在规定期限内下发整改通知", None),
])
def test_a_regular_duty_over_a_long_object_or_issuing_notices_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: at once handing the problem over or setting about it is immediate (2878633e, e02458ec) ----------------


@pytest.mark.parametrize(("text", "want"), [
    ("接到群众举报后,第一时间向属地乡镇转办", (None, "immediate")),
    ("责令企业立即着手清理现场堆放的废渣", (None, "immediate")),
    # the cue unlicensed: negated, a finding
    ("该局未第一时间向上级移交线索", None),
])
def test_handing_over_or_setting_about_at_once_is_immediate(text, want):
    assert _reads_deadline(text) == want


# -- D3 deadline: 次年 after years joined counts from no one year (b32f6e49) --------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("评估年度为2021、2022年,评估报告于次年3月底前报送", None),
    ("试点期为2022年至2023年,总结工作于次年6月底前完成", None),
    # the cue unlicensed: one year before it is the base
    ("评估年度为2021年,评估报告于次年3月底前报送", ("2022-03-31", "date")),
])
def test_the_next_year_after_joined_years_gives_no_day(text, want):
    assert _reads_deadline(text) == want


# -- D4 deadline: a span used for a check is how long it took, no limit (bbe84e6f) -------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("市人大常委会用一周时间对全市饮用水源地保护情况进行执法检查", None),
    ("督导组利用10天时间对5个县区开展了实地督导", None),
    # the cue unlicensed: a span for the work, or for finishing a round, is relative
    ("用两个月时间开展河道垃圾专项清理", (None, "relative")),
    ("用一年时间完成全部乡镇的巡察", (None, "relative")),
])
def test_a_checks_span_is_no_limit(text, want):
    assert _reads_deadline(text) == want
