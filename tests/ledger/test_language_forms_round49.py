"""Mechanisms behind the readers' dev misses on set 49 (issue 21, the round on set 49, r49: 环评 and 验收 公示 windows,
campaigns on boilers, filling-station tanks, off-road machinery, industrial parks' sewage, soil conservation and clean
heating): each pinned with positives in forms no row had and negatives where the cue comes without its licence.  Every
text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- S1 status: the progress a kept-up effort made, in the clause after it (66fc7040) ---------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("近两年,某区持续推进污水管网建设,并取得阶段性成效。", "on_track"),
    ("某县持续开展河道保洁,已取得明显进展", "on_track"),
    ("该市常态化推进工地扬尘治理,取得了实质性进展。", "on_track"),
    # an aim or another result after the effort leaves it kept up
    ("某区持续加强农村污水治理,力争取得积极进展。", "ongoing"),
    ("某县持续开展河道保洁,群众满意度明显提升。", "ongoing"),
])
def test_the_progress_a_kept_up_effort_made(text, want):
    reads_status(text, want)


# -- S2 status: a kept-up act as the means of a result (679a6116) ----------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("通过持续开展夜间巡查,使偷排现象明显减少。", "other"),
    ("经过长期治理,该河段水质明显好转。", "other"),
    ("依靠常态化监管执法,辖区违法案件逐年下降。", "other"),
    # the kept-up act as the predicate, a means after it, stays kept up
    ("某局持续开展夜间巡查,通过暗访发现问题3个。", "ongoing"),
])
def test_a_kept_up_act_as_a_means_is_no_status(text, want):
    reads_status(text, want)


# -- D1 deadline: a span in three digits or with 百 (3e833976) --------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("计划用一百二十天的时间完成城区小锅炉淘汰。", (None, "relative")),
    ("用150天时间完成沿河违建拆除。", (None, "relative")),
    ("两百天内完成整治", (None, "relative")),
    # a span a check takes is no limit, in three digits as in two
    ("用一百天的时间对辖区开展专项督查。", None),
])
def test_a_span_in_hundreds_is_relative(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: a plan's span right before the completion (5202da83) -----------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("力争两年完成全部燃气锅炉低氮改造。", (None, "relative")),
    ("计划用3个月全面完成码头清理。", (None, "relative")),
    ("拟五年内完成老旧管网更新", (None, "relative")),
    # no plan before the span: what was done in it
    ("近三年完成小锅炉改造200台。", None),
    ("三年完成改造120台,成效明显。", None),
])
def test_a_plans_span_before_its_completion_is_relative(text, want):
    assert _reads_deadline(text) == want


# -- D3 deadline: a count or a check chained before a daily duty (dc2cd9bf) ------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("每日汇总并上报各乡镇处置进展", (None, "recurring")),
    ("每天核查后公布超标企业名单", (None, "recurring")),
    # a day's statistics as a noun: no duty
    ("每日统计数据显示,空气质量持续改善。", None),
])
def test_a_chained_daily_duty_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D4 deadline: a comment window's closing day (3d3dc9c8) ----------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("公众可通过电子邮件提出意见,意见截止日期为2022年1月10日。", ("2022-01-10", "date")),
    ("征求意见反馈截止时间:2021年3月5日", ("2021-03-05", "date")),
    # a statistic's cut-off is no window
    ("统计截止时间为2020年6月30日,共受理投诉12件。", None),
])
def test_a_comment_windows_closing_day(text, want):
    assert _reads_deadline(text) == want


# -- D5 deadline: a plan's clause opened by its year, the plan's verb before the completion (1d039311) ---------------

@pytest.mark.parametrize(("text", "want"), [
    ("2021年,计划完成农村改厕500户;2022年,计划完成800户。", ("2022-12-31", "date")),
    ("2024年,安排全面完成老旧小区雨污分流。", ("2024-12-31", "date")),
    # the verb in the perfective tells what was done that year
    ("2021年,安排完成了改造100户。", None),
])
def test_a_plans_year_before_its_verb(text, want):
    assert _reads_deadline(text) == want


# -- D6 deadline: 本月底前 in the month of the day stated before it (0c4abec7) -------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("2021年3月2日,县局召开推进会,要求各乡镇在本月底前完成排查建档。", ("2021-03-31", "date")),
    ("2022年2月10日,市指挥部部署清理工作,当月底前全部清理到位", ("2022-02-28", "date")),
    # no day before it gives no month; one met already is a report
    ("要求各乡镇在本月底前完成排查建档", None),
    ("2021年3月2日,据了解,本月底前已完成排查建档。", None),
])
def test_this_months_end_after_a_stated_day(text, want):
    assert _reads_deadline(text) == want


# -- I1 info block: the day a page was filed (4d2bf3a1) ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("归档日期:2020-05-06\n来源:某某市生态环境局 2019-12-01", ("某某市生态环境局", "2019-12-01", None, None)),
    ("存档时间:2021-01-01\n发布时间:2020-07-08", (None, "2020-07-08", None, None)),
    # a posting label is still the posting day
    ("发布时间:2020-05-06", (None, "2020-05-06", None, None)),
])
def test_a_filing_day_is_no_posting_day(text, want):
    assert info_block(text).value() == want


# -- I2 info block: a comment link after the source (925f8bc6) --------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("2020-04-05 08:10:00 来源:某某晚报 我要评论", ("某某晚报", "2020-04-05", None, None)),
    ("2021-06-07 10:00 来源:某某新闻网 发表评论", ("某某新闻网", "2021-06-07", None, None)),
    # a name with no control after it is copied whole
    ("2020-04-05 08:10:00 来源:某某晚报", ("某某晚报", "2020-04-05", None, None)),
])
def test_a_comment_link_ends_the_source(text, want):
    assert info_block(text).value() == want


# -- I3 info block: a poster's label glued after the source's value (eb4bdca5, the label only) -----------------------


@pytest.mark.parametrize(("text", "want"), [
    ("日期:2020-03-04来源:某某县水利局发布人:李四", ("某某县水利局", "2020-03-04", None, None)),
    # the poster is no publisher
    ("发布人:王五 时间:2020-03-04", (None, "2020-03-04", None, None)),
])
def test_a_posters_label_ends_the_source(text, want):
    assert info_block(text).value() == want


# -- S3 status: an effort stepped up with 力度 straight after 加大, its object after it (fa4b1999) ----------------------


@pytest.mark.parametrize(("text", "want"), [
    ("下一步,县局将继续加大力度对散煤销售点开展巡查", "ongoing"),
    ("我们将继续加大力度,推动餐饮油烟治理", "ongoing"),
    # stepped up no more, or asked of others, is no duty kept up
    ("不再继续加大力度投入该项目", "other"),
    ("要求各镇继续加大力度开展巡查", "other"),
])
def test_an_effort_stepped_up_before_its_object(text, want):
    reads_status(text, want)
