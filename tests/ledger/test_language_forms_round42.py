"""Mechanisms behind the readers' dev misses on set 42 (issue 21, the round on set 42, r42: progress reports, close-outs
and feedback of provincial inspections, 人大 / 政协 proposal replies) and older dev misses still open: each pinned with
positives in forms no row had and negatives where the cue comes without its licence.  Every text here is our own (row
ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.timeliness.fields import feedback_date
from archive.timeliness.task_counts import problem_count
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status

# -- T1 task count: several inspections pooled in the count's sentence (fddfd8f4) ---------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("本县先后迎接省、市生态环境保护督察3次,累计反馈问题214个", None),
    ("两次督察共交办我区整改任务57项,已完成49项", None),
    ("我市历次环保督察反馈问题共计96个", None),
    # the cue unlicensed: one time, an ordinal time, or a meeting's count is no pooling
    ("第2次督察反馈我市问题38个", 38),
    ("督察组召开3次座谈会后,向我县反馈问题41个", 41),
    ("中央、省委生态环境保护督察反馈我县的问题27个", 27),
])
def test_several_inspections_pooled_are_no_plans_count(text, want):
    assert problem_count(text) == want


# -- T2 task count: the provincial tier's inspections as a kind with no recipient (9eaf8c5b, 7056a19a) ---------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全省第一轮省级环保督察共明确整改任务1280项,已完成1201项", None),
    ("省级生态环境保护督察整改任务5306项,完成率97%", None),
    # the cue unlicensed: a recipient, the feedback's or raising verb, or the central tier beside it
    ("第二轮省级生态环境保护督察向我市反馈问题52个", 52),
    ("对照省级环保督察指出的33项问题逐一整改", 33),
    ("中央环保督察整改任务18项；省级环保督察整改任务18项", 18),
])
def test_the_provincial_tiers_total_is_no_plans_count(text, want):
    assert problem_count(text) == want


# -- T3 task count: categories and items before the problems tie the count (f0070601) -----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("督察组于9月1日正式向我县反馈了 4 大类12 项 38 个问题", 38),
    ("共梳理出 2 个方面 9 条 26 个问题并形成清单", 26),
    # the cue unlicensed: categories and items with no problems counted after them give no count
    ("反馈意见共 4 大类 12 项内容", None),
])
def test_categories_and_items_before_the_problems_tie_the_count(text, want):
    assert problem_count(text) == want


# -- F1 feedback: a subject-less clause giving the inspected body its problems implies the inspectors (73179cb9) ---------


@pytest.mark.parametrize(("text", "want"), [
    ("2019年6月12日向我省反馈了督察意见和27个问题", "2019-06-12"),
    ("2020年10月9日,正式向我区反馈了存在的问题", "2020-10-09"),
    # the cue unlicensed: a body named before 向, petitions' problems, or another recipient
    ("2019年6月12日,市信访局向我区反馈了群众来信的问题", None),
    ("2019年6月12日向我县反馈了群众投诉的问题", None),
    ("2019年6月12日向企业反馈了检测结果", None),
])
def test_feedback_to_the_inspected_body_implies_the_inspectors(text, want):
    found = feedback_date(text)
    assert (found.value.isoformat() if found else None) == want


# -- S1 status: a counted rest in hand, then a counted rest not done (e7e4d86b) -----------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("目前已销号问题20个,正在推进8个,尚未启动整改3个", "behind"),
    ("已办结12件,正在办理4件;未办结2件", "behind"),
    # the cue unlicensed: the rest in hand only, or the not done uncounted, stays on track
    ("已办结12件,正在办理4件", "on_track"),
])
def test_a_counted_rest_not_done_after_one_in_hand_is_behind(text, want):
    reads_status(text, want)


# -- S2 status: the rest not started named as its count's attribute yields to its pace (5a855098) -----------------------


@pytest.mark.parametrize(("text", "want"), [
    ("40个项目已建成16个,未启动的24个项目前期手续正在加快办理", "on_track"),
    ("已完工8处,尚未动工的5处正在开展设计", "on_track"),
    # the cue unlicensed: not started as the predicate stays behind
    ("已完工8处,其余5处尚未动工,正在开展设计", "behind"),
])
def test_the_rest_not_started_as_an_attribute_yields_to_its_pace(text, want):
    reads_status(text, want)


# -- S3 status: a later clause's own longer subject before its mostly-done phrase (f57cf8bd) ---------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("截至目前,方案编制已完成,城区老旧管网改造工程已基本完工", "mostly_done"),
    ("验收已完成,湿地公园二期绿化工程基本完成", "mostly_done"),
    # the cue unlicensed: a group closed by 的 as the later subject is no clause of its own
    ("已完成整改,群众反映的问题已基本解决", "done"),
])
def test_a_later_clause_with_its_own_subject_mostly_done_is_the_weaker_state(text, want):
    reads_status(text, want)


# -- I1 info block: a two-character family name opens a person's name (c2e43f8c) ----------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("司马晓东 2023-5-6 09:12", None),
    ("上官云 2021-11-30 18:05", None),
    # the cue unlicensed: a medium or a body before its day is the publisher
    ("东方网 2023-5-6 09:12", "东方网"),
])
def test_a_compound_surname_opens_a_persons_name(text, want):
    assert info_block(text).publisher == want
