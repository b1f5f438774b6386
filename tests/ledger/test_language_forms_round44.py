"""Mechanisms behind the readers' dev misses on set 44 (issue 21, the round on set 44, r44: enterprises', coal bureaus',
farms' and landfills' rectification pages, plan-table deadline cells) and one older dev miss still open (r43's invented
task count): each pinned with positives in forms no row had and negatives where the cue comes without its licence.
Every text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import cited_numbers, deadline
from archive.timeliness.task_counts import problem_count
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- D1 deadline: at once finishing, restoring or reporting up is immediate (83dc362e, d564a5f6) ------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("对巡查发现的破损围挡马上恢复,能修复的立刻完成修复", (None, "immediate")),
    ("要求该镇立即向县委县政府主要领导作专题汇报", (None, "immediate")),
    ("发现问题第一时间向属地报告", (None, "immediate")),
    # the cue unlicensed: negated it is a finding
    ("该企业未立即向环保部门报告", None),
])
def test_at_once_finishing_restoring_or_reporting_up_is_immediate(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: a period's duty named in quotes before 机制 / 制度, or after the verb adopting it (5d8114c5) --------------


@pytest.mark.parametrize(("text", "want"), [
    ("对重点项目推行‘月通报’制度", (None, "recurring")),
    ("实行「季调度」,确保进度", (None, "recurring")),
    ("各乡镇建立“旬督查”工作机制", (None, "recurring")),
    # the cue unlicensed: one month's report in quotes names no period
    ("印发“9月通报”一期", None),
])
def test_a_periods_duty_in_quotes_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D3 deadline: a year's task with its issuer between closes the page's year (d615ec3f) --------------------------------


@pytest.mark.parametrize(("text", "year", "want"), [
    ("确保全面完成市政府分解的年度治理任务", 2019, ("2019-12-31", "date")),
    ("力争完成上级部署的本年度目标任务", 2021, ("2021-12-31", "date")),
    # the cue unlicensed: reported done (已完成) it is no limit
    ("已完成市里下达的年度建设任务", 2019, None),
])
def test_a_years_task_with_its_issuer_closes_the_year(text, year, want):
    assert _reads_deadline(text, year) == want


# -- D4 deadline: a past act's year after 于 with a closing verb tells when (1f93dc2b, invented) ---------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("全县共有砖厂9座,其中6座于2016年拆除。", None),
    ("2家小冶炼厂于2015年关停", None),
    # the cue unlicensed: an aim in the clause or 前 after it sets a limit
    ("计划于2023年关闭退出2座煤矿", ("2023-12-31", "date")),
    ("该矿于2024年底前关闭", ("2024-12-31", "date")),
])
def test_a_past_acts_year_after_yu_tells_when(text, want):
    assert _reads_deadline(text) == want


# -- D5 deadline: a resultative verb in the perfective after a time tells when (ddb401c2, invented) ----------------------


@pytest.mark.parametrize(("text", "want"), [
    ("该镇于2019年6月前办完了全部土地手续", None),
    ("2018年底前做好了搬迁安置工作", None),
    # the cue unlicensed: with no 了 the time is a limit
    ("要求于2019年6月前做好搬迁安置工作", ("2019-06-30", "date")),
])
def test_a_resultative_verb_in_the_perfective_tells_when(text, want):
    assert _reads_deadline(text) == want


# -- D6 deadline: the work made routine as an aim is no kept-up duty (8daf7617, invented) -------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("进一步推动河道保洁常态化。", None),
    ("努力实现污染源巡查常态化,确保按时完成", None),
    # the cue unlicensed: 常态化 before the act, or kept up, is a kept-up duty
    ("常态化开展入河排污口巡查", (None, "ongoing")),
    ("坚持巡查常态化", (None, "ongoing")),
])
def test_the_work_made_routine_as_an_aim_is_no_kept_up_duty(text, want):
    assert _reads_deadline(text) == want


# -- D7 deadline: a span within which a return check is held is no limit (83a8b66a, invented) ---------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("督查组将于15日内组织复查。", None),
    ("计划在10个工作日内进行“回头看”", None),
    # the cue unlicensed: the span is the work's
    ("15日内完成整改,之后开展回头看", (None, "relative")),
])
def test_a_span_for_a_return_check_is_no_limit(text, want):
    assert _reads_deadline(text) == want


# -- S1 status: a completion accepted as a stage's is on track (4097b3c5, wrong: done) -----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("该点位已完成清理,验收组确认阶段性完成", "on_track"),
    ("经复核,该任务已整改到位,认定第一阶段整改完成", "on_track"),
    # the cue unlicensed: done with no stage verdict stays done; a plan to finish in stages is none
    ("经复核,该任务已整改到位", "done"),
    ("按照分阶段完成的原则推进", "other"),
])
def test_a_completion_accepted_as_a_stage_is_on_track(text, want):
    reads_status(text, want)


# -- S2 status: 多数 before a completion is mostly done (13f1b7a7, wrong: done) -----------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("交办的信访件多数已按期办结", "mostly_done"),
    ("排查出的隐患多数已经按计划完成整改", "mostly_done"),
    # the cue unlicensed: all of them done is done
    ("排查出的隐患已全部完成整改", "done"),
])
def test_most_of_them_done_is_mostly_done(text, want):
    reads_status(text, want)


# -- S3 status: a part done and the rest directed to be fixed in a set time is on track (d296b762, wrong: done) ----------


@pytest.mark.parametrize(("text", "want"), [
    ("已整改销号4处,其余2处责令限期拆除", "on_track"),
    ("当场整改了2个问题,剩余问题督促限期整改", "on_track"),
    # the cue unlicensed: the rest with no limit leaves the part done
    ("当场整改了2个问题,其余问题将依法处理", "done"),
])
def test_the_rest_directed_in_a_set_time_is_on_track(text, want):
    reads_status(text, want)


# -- S4 status: 已 + a manner adverb + 把 + the result is done (7762a607) --------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("该厂已切实把粉尘治理到位", "done"),
    ("目前已经切实将堆场清理完毕", "done"),
    # the cue unlicensed: a directive with no 已 is none
    ("要切实把粉尘治理到位", "other"),
])
def test_a_manner_adverb_before_the_disposal_construction_is_done(text, want):
    reads_status(text, want)


# -- I1 info block: a page's title run on after a site's name (…网站) is no part of the publisher (3e82db8e, wrong) -------


@pytest.mark.parametrize(("text", "want"), [
    ("来源: 某某省政府网站关于加快推进秸秆禁烧的通知 2019-03-04", "某某省政府网站"),
    # the cue unlicensed: a body's short name after 网站 is the name's own
    ("来源: 某某市政府网站管理中心 2019-03-04", "某某市政府网站管理中心"),
])
def test_a_title_run_on_after_a_sites_name_is_cut(text, want):
    assert info_block(text).publisher == want


# -- C1 citation: a task number closed by 号 before 整改 + 任务 broken over lines (273537ec) -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("关于落实反馈意见整改方案12号整改\n任务销号的公示", [12]),
    ("整改方案7号整改 问题验收情况", [7]),
    # the cue unlicensed: a 文号's year before it
    ("〔2019〕12号整改 任务", []),
])
def test_a_task_number_broken_over_lines_is_cited(text, want):
    assert list(cited_numbers(text)) == want


# -- T1 task count: a count whose predicate is a shortfall is a check's finding (29772521, r43's invented count) ---------


@pytest.mark.parametrize(("text", "want"), [
    ("暗访发现该区仍有4个方面15个问题整改不彻底", None),
    ("检查指出12个问题整改不力", None),
    # the cue unlicensed: the feedback's problems with their part done count
    ("督察反馈的15个问题已完成整改12个", 15),
])
def test_a_count_short_of_its_rectification_is_no_plans_count(text, want):
    assert problem_count(text) == want
