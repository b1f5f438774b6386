"""Mechanisms behind the readers' dev misses on set 47 (issue 21, the round on set 47, r47: campaign and sector pages on
soil and groundwater, outfalls, solid waste, small hydropower, quarries and kilns, 大棚房, protected-area buildings, the
fishing ban and wetlands): each pinned with positives in forms no row had and negatives where the cue comes without its
licence.  Every text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from archive.timeliness.task_counts import problem_count
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- T1 task count: a campaign named by its quoted name closed by 行动 owns its problem list (6d35e232) ---------------


@pytest.mark.parametrize(("text", "want"), [
    ("围绕“清河行动”,该局初步梳理了问题清单,涉及5大类17项具体问题。", None),
    ("按照\"净土行动\"部署,全县排查出问题13个", None),
    # the quoted campaign beside an inspection's feedback: the plan's count stands
    ("按照“清河行动”要求,对照中央督察反馈意见梳理出17项问题", 17),
    ("省委印发整改方案,形成17项整改任务", 17),
])
def test_a_campaign_named_in_quotes_owns_its_list(text, want):
    assert problem_count(text) == want


# -- D1 deadline: at once after an ability modal, in a phrase closed by 的, names a group (c3ab175c) -----------------


@pytest.mark.parametrize(("text", "want"), [
    ("对能立即整改的要求尽快整改,对不能立即整改的,要制定整改方案", None),
    ("对可立即整改到位的问题,督促企业抓紧整改", None),
    # the at-once duty itself stated after the group: immediate
    ("对能立即整改的立即整改,不能的限期整改", (None, "immediate")),
    ("对能立即整改的问题立即整改到位", (None, "immediate")),
    ("发现问题能立即整改", (None, "immediate")),
])
def test_at_once_in_a_group_that_can_be_fixed_is_no_limit(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: 定期 registering or declaring (33d8ece5) -----------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("各企业通过平台定期登记危废产生量", (None, "recurring")),
    ("产废单位应定期申报危险废物的种类和数量", (None, "recurring")),
    # registering once, or 不定期, is no cadence
    ("企业已完成排污登记", None),
    ("不定期登记抽查", None),
])
def test_regular_registering_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- S1 status: after a part done, a part named by 一些 / 部分 / 个别 is the rest (a22a6593) -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("监测基本完成,部分难点问题的整治正在推进", "on_track"),
    ("监测已完成,部分难点问题的整治在持续推进", "on_track"),
    ("排查基本完成,溯源完成九成,个别点位的整治工作仍在推进", "on_track"),
    # the part named done too: the part done decides
    ("整治基本完成,部分点位已通过验收", "mostly_done"),
])
def test_a_vague_part_after_a_part_done_is_the_rest(text, want):
    reads_status(text, want)


# -- S2 status: a check continued after a progressive is kept up (c724abca) ------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("已排查养殖场1200个。目前,各地还在继续深入排查", "ongoing"),
    ("各乡镇仍在继续摸底排查", "ongoing"),
    # the work itself pushed on is in hand, and a progressive with no 继续 too
    ("各地正在继续推进整改", "on_track"),
    ("各地还在排查", "on_track"),
])
def test_a_check_continued_in_progress_is_ongoing(text, want):
    reads_status(text, want)


# -- S3 status: a campaign kept up as the frame of its sentence; a later result decides (c5984dc5) -------------------


@pytest.mark.parametrize(("text", "want"), [
    ("2021年以来,全县持续推进“清河”专项行动,一批非法砂场关闭退出,河岸复绿稳步推进", "on_track"),
    ("持续开展“清废行动”,12处堆场已全部清理", "done"),
    # no campaign as the object, or a later duty kept up: the kept-up head stands
    ("持续推进河道整治,河岸复绿稳步推进", "ongoing"),
    ("持续推进清河行动,持续加强巡查", "ongoing"),
])
def test_a_campaign_frame_gives_way_to_its_results(text, want):
    reads_status(text, want)


# -- S4 status: a means between 已 and the completion; 跟进 an action (da4e5582) --------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("3家已通过停产整治和提标改造完成整改", "done"),
    ("8件已通过处罚和补办手续完成销号,剩余2件正跟进整改", "on_track"),
    # a means planned, or a check passed with no completion, states none
    ("拟通过补办手续完成整改", "other"),
    ("已通过专家评审", "other"),
])
def test_a_means_before_the_completion_and_the_rest_followed_up(text, want):
    reads_status(text, want)


# -- I1 info block: the page's column under its label between a day and its counters (ff930594) ---------------------


@pytest.mark.parametrize(("text", "want"), [
    ("某某开展回头看\n\n2021-06-11分类:园林资讯 阅读:61", (None, "2021-06-11", None, None)),
    ("2021-06-11 栏目:工作动态 浏览:61", (None, "2021-06-11", None, None)),
    # a column with no counter after it is no posting line
    ("2021-06-11 分类:园林资讯", None),
])
def test_a_column_between_the_day_and_its_counters(text, want):
    assert info_block(text).value() == want


# -- I2 info block: a label's word glued inside a sentence is no label (0fe742f7) -----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("各地要报送信息，以确保指挥部第一时间掌握动态。\n某某市整改指挥部\n2018年5月11日", (None, None, "2018-05-11", None)),
    ("请于同一时间到场。\n某某县生态环境局\n2020年3月2日", (None, None, "2020-03-02", None)),
    # a label glued to its day is still one
    ("发布时间2021-06-11", (None, "2021-06-11", None, None)),
])
def test_a_label_word_inside_a_sentence_is_no_label(text, want):
    assert info_block(text).value() == want
