"""Mechanisms behind the readers' dev misses on set 50 (issue 21, the round on set 50, r50: 环评 notice windows,
disclosure and permit duties, outfalls, boilers and filling stations, Taiwan EPA project summaries): each pinned with
positives in forms no row had and negatives where the cue comes without its licence.  Every text here is our own (row
ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- S1 status: a completion after its counted subject, licensed by 已有 or 了 (2449d1bc, c32833aa) --------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全县126家砖厂中,已有40家完成了关停。", "done"),
    ("截至目前,已经有7座污水处理厂完成提标。", "done"),
    ("本月共有23户养殖户完成了粪污设施配套。", "done"),
    # no licence: a plan's or a target's count, none; 基本 after it is mostly done
    ("今年全市60家企业完成清洁生产审核。", "other"),
    ("计划有20家企业完成改造。", "other"),
    ("已有12个村基本完成改厕。", "mostly_done"),
])
def test_a_completion_after_its_counted_subject(text, want):
    reads_status(text, want)


# -- S2 status: the whole scheduled with its limit after a counted part done (c32833aa) ------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("已完成整改12项,计划于今年6月底前全部完成。", "on_track"),
    ("截至5月,8座水厂完成了改造。力争年内,全面完成23座水厂改造。", "on_track"),
    # a completion not counted: a close-out step planned after it leaves it done
    ("某县已全面完成整改,预计年底前完成验收。", "done"),
    # a forecast word opening a limit's clause makes the completion after it a target (明年年底前)
    ("预计明年年底前,全面完成全市燃煤锅炉淘汰。", "other"),
    ("力争今年6月底前,完成全部问题整改。", "other"),
])
def test_the_whole_scheduled_after_a_counted_part(text, want):
    reads_status(text, want)


# -- S3 status: a plan's or a project's progress at 100 % (ee0a6875, 70677fd5) --------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("截至年底,某污水管网工程总体进度达到100%。", "done"),
    ("本期项目进度达成率为100%。", "done"),
    ("本年度各项指标达成率为100%。", "done"),
    # below 100 %, negated or aimed: none
    ("确保工程进度达到100%", "other"),
    ("项目进度达成率须达100%", "other"),
    ("该工程进度未达100%", "other"),
])
def test_progress_at_a_hundred_percent(text, want):
    reads_status(text, want)


# -- S4 status: 者 closing a not-done phrase names the parties a rule is for (2bc2e04f) -------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("对逾期未完成整治者,由执法大队依法立案查处。", "other"),
    ("凡未整改到位者,一律不予验收。", "other"),
    # counted, or a measure carried out on them: they are found
    ("逾期未完成整改者有3家。", "behind"),
    ("对未完成整改者进行了约谈。", "behind"),
])
def test_parties_named_by_zhe_are_no_finding(text, want):
    reads_status(text, want)


# -- S5 status: a stage done, then turned to the next stage of the work (4e2504a0) ----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全市河道排查已全部完成,转入集中整治阶段。", "on_track"),
    ("某区已完成全部点位清理,并迈入生态修复阶段", "on_track"),
    # a stage of upkeep or a close-out stage keeps what is done
    ("某县已全面完成整改,转入长效管理阶段。", "done"),
    ("某县已全面完成整治,进入验收阶段。", "done"),
])
def test_a_stage_done_then_the_next_stage(text, want):
    reads_status(text, want)


# -- S6 status: closed or closed for a stage as alternatives of one count (962eaae8, relabelled) ---------------------


@pytest.mark.parametrize(("text", "want"), [
    ("交办的信访件已办结或阶段性办结120件。", "on_track"),
    ("问题已完成或阶段完成46个。", "on_track"),
    # closed alone, counted, stays done
    ("交办的信访件已办结120件。", "done"),
])
def test_closed_or_closed_for_a_stage(text, want):
    reads_status(text, want)
