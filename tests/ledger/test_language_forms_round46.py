"""Mechanisms behind the readers' dev misses on set 46 (issue 21, the round on set 46, r46: campaigns on rural sewage
and black-odorous water, 河湖四乱, straw burning, building-site dust, vapour recovery and restaurant fumes) and two older
deadline misses: each pinned with positives in forms no row had and negatives where the cue comes without its licence.
Every text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from archive.timeliness.task_counts import problem_count
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- D1 deadline: at once, its manner between, stopping the works or turning to the fix (9a6146e9, f60ad6ae, 44e1cd43) --


@pytest.mark.parametrize(("text", "want"), [
    ("发现扬尘超标的工地,监管部门立即无条件地予以停工", (None, "immediate")),
    ("对未落实六个百分百的项目一律立即停建", (None, "immediate")),
    ("验收合格后立即转入销号程序", (None, "immediate")),
    # the cue unlicensed: negated, or no at-once adverb
    ("该工地未立即停工", None),
    ("工地停工三天后复工", None),
])
def test_at_once_stopping_the_works_or_turning_to_the_fix_is_immediate(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: kept up without a break (4bb2f645) --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("对重点河段实行24小时不间断监测", (None, "ongoing")),
    ("各村将不间断开展禁烧宣传", (None, "ongoing")),
    # 有间断 / 无间断 are no such cue
    ("监测数据有间断", None),
])
def test_kept_up_without_a_break_is_ongoing(text, want):
    assert _reads_deadline(text) == want


# -- D3 deadline: 定期 looking back over the work (f4c73cc9) -----------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("持续巩固整治成效,定期组织“回头看”", (None, "recurring")),
    ("定期进行回头看", (None, "recurring")),
    # 回头看 once, or 不定期, is no cadence
    ("近期将开展一次回头看", None),
])
def test_a_regular_look_back_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D4 deadline: a span of full years, 年 after each (f6b04854) --------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("拟于2024年至2026年改造老旧管网30公里", ("2026-12-31", "date")),
    ("2022年到2024年完成全部农村污水治理", ("2024-12-31", "date")),
    # a narrated period sets none
    ("2019年至2021年,全县共拆除违建12处", None),
])
def test_a_span_of_full_years_closes_on_its_last_year(text, want):
    assert _reads_deadline(text) == want


# -- D5 deadline: a target against a base year, an aim before it (2c758d74) ---------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("目标是全县水质稳步提升,2025年化学需氧量排放量较2020年削减10%", ("2025-12-31", "date")),
    # no aim before: the year's result reported
    ("2021年全市PM2.5浓度比2015年下降30%", None),
    ("确保达标,2021年浓度比2015年下降了30%", None),
])
def test_a_target_against_a_base_year_closes_its_year_when_aimed(text, want):
    assert _reads_deadline(text) == want


# -- D6 deadline: work kept up since a stated day, no aim between (74121d33) --------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("3月5日起,县生态环境局对各乡镇持续开展夜查", None),
    ("2022年6月1日起,执法大队持续开展油烟专项检查。", None),
    # an aim after the day makes it a duty again; no day, kept up
    ("4月1日起,各镇要持续开展巡查", (None, "ongoing")),
    ("执法大队持续开展油烟专项检查", (None, "ongoing")),
])
def test_work_kept_up_since_a_stated_day_is_narrated(text, want):
    assert _reads_deadline(text) == want


# -- D7 deadline: a year's goal or work named by the page's year or after a long attribute (a3b59a53, 9d9c8f67) --------


@pytest.mark.parametrize(("text", "year", "want"), [
    ("全力完成本年度全镇秸秆综合利用率95%的目标", 2021, ("2021-12-31", "date")),
    ("确保完成2023年新建及改造的雨污分流管网的验收工作", None, ("2023-12-31", "date")),
    # done already, or no goal after the year
    ("已完成今年的目标", 2021, None),
    ("今年完成了全年目标", 2021, None),
])
def test_a_year_s_goal_or_work_closes_the_year(text, year, want):
    assert _reads_deadline(text, year) == want


# -- T1 task count: the writer's own department's share (fd5c14fa) ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "督察反馈涉及我局的整改问题共5个",
    "交办本委的突出问题3项",
])
def test_the_writer_s_own_department_s_share_is_no_plan_s_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("督察反馈问题涉及我县12项", 12),  # a place's share is its plan's
    ("我局对照督察反馈的8个问题,逐一制定整改方案", 8),  # no share verb: the problems the bureau works from
])
def test_a_place_s_share_or_a_department_s_own_plan_keeps_its_count(text, want):
    assert problem_count(text) == want


# -- S1 status: a list disclosed after 对 names problems, no state (9b5ff573) -------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("通报中,对部分乡镇存在污水设施建设滞后、运维不到位等问题予以披露", "other"),
    # no disclosure: a finding reported
    ("督查发现部分乡镇存在污水设施建设滞后等问题", "behind"),
])
def test_a_list_disclosed_names_problems(text, want):
    reads_status(text, want)


# -- S2 status: a follow-up kept up on cases named behind (8f865e32) ----------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("县审计局持续跟踪督促上年度未整改到位的问题", "behind"),
    ("持续推进尚未完成整治的工程", "behind"),
    # kept up with no cases named behind
    ("持续跟踪督促整改措施落实", "ongoing"),
])
def test_a_follow_up_on_cases_named_behind_is_behind(text, want):
    reads_status(text, want)


# -- S3 status: the rest worked back from its limit (3a095e3e) ----------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("已建成污水站8座,其余站点挂图作战", "on_track"),
    ("已完成改厕120户,剩下的按照倒排工期推进", "on_track"),
    # the schedule names the rest's noun, or no part done before
    ("已完成12个,其余倒排工期的项目由县里负责", "done"),
])
def test_the_rest_worked_back_from_its_limit_is_on_track(text, want):
    reads_status(text, want)


# -- I1 info block: an unfilled CMS placeholder as the source (3f0ca90b) ------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("来源:[dede:source]  2022-05-06 10:00", (None, "2022-05-06", None, None)),
    ("来源:${source}  发布时间:2022-05-06", (None, "2022-05-06", None, None)),
    # a body's name, even one with Latin letters, stays the publisher
    ("来源:某县生态环境分局  2022-05-06 10:00", ("某县生态环境分局", "2022-05-06", None, None)),
])
def test_an_unfilled_placeholder_names_no_body(text, want):
    assert info_block(text).value() == want
