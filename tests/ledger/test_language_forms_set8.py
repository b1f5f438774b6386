"""Forms fixed after fresh set 8 (issue 21): a date is a last day only when a construction sets it as a limit, a recurring
mechanism named by its periods, a span to finish in; the inspection's feedback as a noun; counts of a government's work
tasks, of a party inspection's findings and of several bodies side by side.  Every text is our own, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from archive.timeliness.fields import feedback_date, problem_count, task_count


@pytest.mark.parametrize(("text", "last_day", "read"), [
    ("拟于2026年4月20日前报送自查报告", "2026-04-20", "2026年4月20日"),  # a limit after the day
    ("2026年5月完成河道清淤", "2026-05-31", "2026年5月"),  # the completion it is set for
    ("2026年6月,建成城东污水管网", "2026-06-30", "2026年6月"),  # a plan's clause opened by its date, the verb after
    ("确保10月8日复工复产", "2026-10-08", "10月8日"),  # an obligation or aim before it
    ("最迟2026年3月", "2026-03-31", "2026年3月"),
    ("整改期限延长至2026年9月30日", "2026-09-30", "2026年9月30日"),
    ("完成时限:2026年7月15日", "2026-07-15", "2026年7月15日"),  # a time-limit label
    ("2026年8月(阶段目标)", "2026-08-31", "2026年8月"),  # a cell that is the date alone, a note in brackets
    ("2026年12月，长期坚持", "2026-12-31", "2026年12月"),
    ("2026年11月30日，并长期保持", "2026-11-30", "2026年11月30日"),
    ("报名时间截止到2026年3月1日", "2026-03-01", "2026年3月1日"),  # a window closing
    ("予以公示,时间为6月1日至10日", "2026-06-10", "10日"),  # a bare 时间 label after a window's clause
    ("完成时限 20264月底前", "2026-04-30", "20264月底前"),  # a month's end whose 年 the page lost
])
def test_a_date_set_as_a_limit_is_a_last_day(text, last_day, read):
    d = deadline(text, context_year=2026)
    assert (d.iso(), d.kind, d.read) == (last_day, "date", read)


@pytest.mark.parametrize("text", [
    "县住建局于9月3日组织竣工验收",  # an event on the day
    "市环保局将于5月20日开展执法检查",  # a scheduled event is no limit either
    "据悉,2025年3月4日,省政府办公厅印发实施意见",
    "2019年3月,省里成立督察整改工作专班",
    "11月5日下午,副市长一行来我县调研督察整改工作",
    "督察组于2019年3月至4月进驻,并于2019年6月完成督察反馈",  # the inspectors' feedback, completed
    "2018年3月至5月,省督察组对全市开展督察",  # a period something happened in
    "督察组进驻某县,时间为6月1日至30日,值班电话…",  # a bare 时间 label after a stay: the stay's period
    "截至去年12月底,已办结130件",  # a cut-off, its year relative to the page's
    "统计时间截止到2026年2月1日",  # a statistic's time
    "6月5日已完成开标",  # a past completion
])
def test_a_date_that_tells_when_something_happened_is_no_last_day(text):
    d = deadline(text, context_year=2026)
    assert (d.iso(), d.kind) == (None, "unknown")


@pytest.mark.parametrize(("text", "kind", "read"), [
    ("实行周调度、月通报制度", "recurring", "周调度"),  # a mechanism named by its periods
    ("建立季度会商机制", "recurring", "季度会商"),
    ("力争用两年左右时间基本完成", "relative", "用两年左右时间"),  # a span to finish in
    ("三年内全部完成整改", "relative", "三年内"),
])
def test_recurring_mechanisms_and_spans_to_finish_in(text, kind, read):
    d = deadline(text)
    assert (d.iso(), d.kind, d.read) == (None, kind, read)


def test_a_month_named_before_a_report_and_a_year_within_stay_dates():
    assert deadline("9月通报全市进展", context_year=2026).kind == "unknown"  # one month's report, no mechanism
    assert deadline("2022年内完成").iso() == "2022-12-31"  # a year, not a span of years


@pytest.mark.parametrize(("text", "context_year", "last_day"), [
    ("2021年第三季度,省督察组进驻我县", None, None),  # a quarter that tells when
    ("确保2021年第三季度完成验收", None, "2021-09-30"),  # …or one set as a limit
    ("2022年上半年", None, "2022-06-30"),
    ("10月份召开全县整改推进会", 2026, None),  # a month of the plan's year: an event
    ("县水利局要确保排涝站5月份投入使用", 2026, "2026-05-31"),  # …or aimed at in its clause
    ("2019年已全面完成关停", None, None),  # a year's target done is no target
    ("2019年完成了关停", None, None),
    ("2027年全面完成关停", None, "2027-12-31"),
])
def test_months_quarters_and_years_follow_the_same_grammar(text, context_year, last_day):
    assert deadline(text, context_year=context_year).iso() == last_day


@pytest.mark.parametrize("text", [
    "8月3日,市长率队督导省生态环境保护督察反馈意见整改工作",  # the feedback as a noun: what is overseen
    "5月10日,县委召开常委会,研究落实中央环保督察反馈意见",
    "7月2日,市委对照省督察组反馈意见召开专题民主生活会",  # an act that takes the feedback as its object
])
def test_the_inspections_feedback_as_a_noun_dates_no_feedback(text):
    assert feedback_date(text, context_year=2026) is None


def test_feedback_given_is_still_read():
    assert feedback_date("2024年6月20日,督察组向某市反馈了督察意见").iso() == "2024-06-20"
    assert feedback_date("督察组于2024年6月20日完成督察反馈").iso() == "2024-06-20"


@pytest.mark.parametrize(("text", "count"), [
    ("县政府确定年度重点工作任务共120项,已完成98项", None),  # a government's work programme
    ("市政府明确目标任务36项", None),
    ("整改工作任务共30项", 30),  # 整改 qualifies the work tasks
    ("针对巡视反馈的12个问题,逐项制定措施", None),  # a party inspection's findings
    ("甲市40项整改任务已完成30项,乙县25项整改任务已完成20项", None),  # several bodies side by side
    ("甲市40项整改任务已完成30项", 40),
    ("督察反馈意见整改任务共计36项全部销号", 36),  # a total's verb: 共计 / 合计
    ("整改问题合计18项", 18),
])
def test_a_count_is_a_rectification_plans_count_of_its_tasks(text, count):
    assert problem_count(text) == count


def test_a_count_says_what_it_read():
    found = task_count("督察反馈意见整改任务共计36项全部销号")
    assert found is not None and found.text == "整改任务共计36项"
