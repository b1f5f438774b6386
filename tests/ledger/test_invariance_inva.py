"""The status and deadline readers keep their answer when the same fact is worded another way (issue 21's invariance
round): a month of the plan's year in Chinese numerals, a day of a month that is no "once a month", 基本完毕 and the
weaker state after 均已 / 已全面, full-width digits, an enumerator or an attribution before the wording.  Constructed
sentences only; the last test runs ``bench/paraphrase_probe.py`` on constructed rows."""
from __future__ import annotations

import re

import pytest

from archive.ledger.lead_in import without_lead_in
from archive.ledger.numbers import deadline
from archive.ledger.progress import status_class
from bench.paraphrase_probe import probe


def _deadline(text: str, year: int | None = 2021) -> tuple[str | None, str]:
    found = deadline(text, context_year=year)
    return found.iso(), found.kind


@pytest.mark.parametrize(("text", "day"), [
    ("确保十月份前完成整改", "2021-10-31"),
    ("预计十一月完工", "2021-11-30"),
    ("力争十二月底前完成验收", "2021-12-31"),
    ("承诺三月份开复工", "2021-03-31"),
    ("计划九月份完成销号", "2021-09-30"),
    ("要确保六月份全面开工建设", "2021-06-30"),
    ("务必于五月前完成清理", "2021-05-31"),
    ("此问题拟在十一月份进行销号", "2021-11-30"),
])
def test_a_month_of_the_plans_year_in_chinese_numerals_is_its_last_day(text: str, day: str) -> None:
    assert _deadline(text) == (day, "date")
    arabic = text.replace("十二", "12").replace("十一", "11").replace("十", "10")
    for cn, digit in zip("三五六九", "3569"):
        arabic = arabic.replace(cn, digit)
    assert _deadline(arabic) == (day, "date")


@pytest.mark.parametrize("text", ["十月份召开会议", "一至九月份累计完成投资", "于十月上旬开展检查",
                                  "十一月一日至十二月一日进驻"])
def test_a_chinese_month_that_is_an_event_or_a_period_sets_no_limit(text: str) -> None:
    assert _deadline(text) == (None, "unknown")


@pytest.mark.parametrize("text", ["一月一研究", "一周一调度", "一季一通报", "一年一评估", "每月一日前报送",
                                  "一月一调度、一季一通报", "实行一月一督查", "一旬一报告"])
def test_once_in_each_period_is_recurring(text: str) -> None:
    assert _deadline(text, None) == (None, "recurring")


@pytest.mark.parametrize("text", ["二〇一八年十一月一日至十二月一日开展回头看", "从二〇二〇年一月一日起,标准提高",
                                  "自二〇一五年一月一日起施行", "二〇一七年一月一日至十二月三十一日辖区内图斑核查"])
def test_a_day_of_a_month_in_chinese_numerals_is_no_recurring_duty(text: str) -> None:
    assert _deadline(text, None)[1] != "recurring"


@pytest.mark.parametrize("text", ["整治工作已基本完毕", "拆除任务基本完毕", "已基本完毕整改20个", "项目主体工程基本完毕",
                                  "督察反馈问题整改基本完毕。", "该村清理工作已经基本完毕", "全市关停任务已基本完毕",
                                  "验收工作基本完毕"])
def test_mostly_finished_is_mostly_done(text: str) -> None:
    assert status_class(text) == "mostly_done"


@pytest.mark.parametrize(("text", "status"), [("整治工作尚未完毕", "behind"), ("整改任务未基本完毕", "behind"),
                                              ("整改工作要在6月底前基本完毕", "other"), ("确保年底前基本完毕", "other")])
def test_mostly_finished_negated_or_aimed_at_is_not(text: str, status: str) -> None:
    assert status_class(text) == status


@pytest.mark.parametrize("text", ["均已完成或基本完成30项", "已全面完成或基本完成12项", "都已完成或基本完成",
                                  "卫生院均已完成主体建设", "已全面完成主体工程", "已完成或基本完毕8项",
                                  "已全部完成或基本完成整改", "任务绝大部分均已完成或基本完成。"])
def test_done_or_mostly_done_together_is_the_weaker_state_whatever_the_adverb(text: str) -> None:
    assert status_class(text) == "mostly_done"


@pytest.mark.parametrize(("text", "status"), [("均已完成整改", "done"), ("已全面完成", "done"),
                                              ("应完成或基本完成12项", "other"), ("计划完成或基本完成", "other")])
def test_done_alone_or_the_weaker_state_aimed_at(text: str, status: str) -> None:
    assert status_class(text) == status


@pytest.mark.parametrize("text", ["按时办结率为１００%", "办结率达到１００%", "已完成整改２５个", "案件办结率达到１００％",
                                  "按时回复率为１００%。", "已完成整改２个问题", "已办结１２件", "整改完成率达到１００%"])
def test_full_width_digits_read_as_ascii(text: str) -> None:
    ascii_text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    assert status_class(text) == status_class(ascii_text) == "done"


@pytest.mark.parametrize(("text", "status"), [
    ("据悉,已完成整改", "done"), ("据了解,完成位于保护区的拆除工作", "done"), ("经查,已完成整改", "done"),
    ("记者从市生态环境局了解到,已完成整改", "done"), ("1.整改完成情况:", "other"), ("（一）整改进展情况:", "other"),
    ("据悉,整改完成情况:", "other"), ("一是对已完成整改的环境信访问题,立即组织核查", "other"),
])
def test_an_enumerator_or_attribution_before_the_wording_changes_no_status(text: str, status: str) -> None:
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "kept"), [("一是一非", "一是一非"), ("1.5万亩已完成整改", "1.5万亩已完成整改"),
                                            ("2019年6月底", "2019年6月底"), ("1.12项已完成", "1.12项已完成")])
def test_what_only_looks_like_a_lead_in_is_kept(text: str, kept: str) -> None:
    assert without_lead_in(text) == kept


@pytest.mark.parametrize(("text", "read"), [
    ("1.2020年应完成整改的32项问题已完成整改29项", ("2020-12-31", "date")),
    ("据悉,2019年6月底,工程如期完成", (None, "unknown")),
    ("（一）2022年底前完成", ("2022-12-31", "date")),
    ("一是2023年6月底前完成", ("2023-06-30", "date")),
])
def test_an_enumerator_or_attribution_before_a_deadline_changes_nothing(text: str, read: tuple) -> None:
    assert _deadline(text, 2020) == read == _deadline(without_lead_in(text), 2020)


@pytest.mark.parametrize("text", ["二〇一九年至二〇二二年,第二轮督察分六批完成对31个省的督察",
                                  "二〇二一年至二〇二三年,共组成9个督察组,分四批完成督察工作",
                                  "二〇一六年至二〇一七年,第一轮督察分四批完成对全国的督察", "二〇一八年到二〇一九年,分两批完成回头看",
                                  "二〇一五年至二〇一七年,分三批完成督察进驻", "二〇二〇年至二〇二一年,分批完成整改验收",
                                  "二〇一九年至二〇二〇年,累计完成督察反馈问题整改", "二〇一七年至二〇一八年,全省完成关停企业120家"])
def test_a_span_of_years_in_chinese_numerals_closing_narrated_work_is_a_period(text: str) -> None:
    arabic = text
    for year in range(2015, 2024):
        arabic = arabic.replace("".join("〇一二三四五六七八九"[int(c)] for c in str(year)), str(year))
    assert _deadline(text, None) == _deadline(arabic, None) == (None, "unknown")


@pytest.mark.parametrize(("text", "day"), [("二〇一九年至二〇二二年", "2022-12-31"), ("二〇二〇年至二〇二二年完成整改", "2022-12-31"),
                                           ("力争二〇二〇年至二〇二二年完成整改", "2022-12-31"), ("到二〇二二年完成", "2022-12-31")])
def test_a_span_of_years_alone_or_set_keeps_its_last_year(text: str, day: str) -> None:
    assert _deadline(text, None) == (day, "date")


@pytest.mark.parametrize("aim", ["力争", "务必", "确保", "争取"])
@pytest.mark.parametrize("rest", ["通过两年时间,使空气质量改善", "用三年时间完成治理", "经过两年努力,基本消除黑臭水体"])
def test_a_span_of_effort_aimed_at_is_relative_whatever_the_aim_word(aim: str, rest: str) -> None:
    assert _deadline(aim + rest, None) == (None, "relative")


@pytest.mark.parametrize("text", ["务必通过整改,使问题得到解决", "经过两年治理,水质好转", "务必高度重视", "通过两年努力,水质明显好转"])
def test_an_aim_without_a_span_or_a_span_told_is_not_relative(text: str) -> None:
    assert _deadline(text, None) != (None, "relative")


@pytest.mark.parametrize("text", ["已完成整改35项,加快推进整改6项", "加快推进24项整改任务落实,其中13项已完成整改。",
                                  "现已完成整改26项,加快推进6项。", "加快推进整改6项", "积极推进整改3个",
                                  "扎实推进12项整改任务", "全力推进整改8个问题", "其余3个问题加快推进整改"])
def test_items_pushed_on_by_count_are_on_track(text: str) -> None:
    assert status_class(text) == "on_track"


@pytest.mark.parametrize("text", ["要加快推进6项整改任务", "确保加快推进12项重点工程", "务必加快推进整改5个问题",
                                  "加快推进整改工作", "将加快推进3项工程", "应加快推进5项整改"])
def test_items_to_be_pushed_on_are_a_plan(text: str) -> None:
    assert status_class(text) == "other"


@pytest.mark.parametrize(("text", "status"), [
    ("淮北市完成两个,淮南市1个", "done"), ("已办结两件", "done"), ("已完成整改两项", "done"), ("超期两项", "behind"),
    ("已销号两个问题", "done"), ("整改完成两处", "done"), ("已整改两家企业", "done"), ("两个问题未完成整改", "behind"),
])
def test_a_count_spelled_with_liang_is_a_count(text: str, status: str) -> None:
    assert status_class(text) == status_class(text.replace("两", "2")) == status


@pytest.mark.parametrize("text", ["两个工作组", "两项要求", "计划完成两项", "需完成两个"])
def test_a_count_spelled_with_liang_states_no_status_by_itself(text: str) -> None:
    assert status_class(text) == "other"


def _spaced(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", text)


@pytest.mark.parametrize(("text", "read"), [
    ("2021年底前完成整改", ("2021-12-31", "date")), ("确保2022年6月底前完成", ("2022-06-30", "date")),
    ("立行立改,长期坚持", (None, "ongoing")), ("每月一调度", (None, "recurring")), ("力争3年内完成", (None, "relative")),
    ("2020年12月31日前完成", ("2020-12-31", "date")), ("应于今年底前完成", ("2021-12-31", "date")),
    ("持续推进,长期坚持", (None, "ongoing")),
    # near misses: spaced, they still set no limit
    ("十月份召开会议", (None, "unknown")), ("年末余额", (None, "unknown")), ("已于2019年6月底完成", (None, "unknown")),
    ("2019年6月底,工程如期完成", (None, "unknown")),
])
def test_a_pdfs_spaces_between_characters_change_no_deadline(text: str, read: tuple) -> None:
    assert _deadline(_spaced(text)) == _deadline(text) == read


@pytest.mark.parametrize(("text", "status"), [
    ("已完成整改", "done"), ("整改进展顺利", "on_track"), ("进度滞后", "behind"), ("已基本完成", "mostly_done"),
    ("正在推进", "on_track"), ("未完成整改", "behind"), ("已办结12件", "done"), ("整改任务已全部销号", "done"),
    # near misses: a heading, a heading of measures on its own line, an aim
    ("整改完成情况:", "other"), ("三、重点措施\n(一)已覆盖裸土", "other"), ("要确保完成", "other"), ("计划年底前完成", "other"),
])
def test_a_pdfs_spaces_between_characters_change_no_status(text: str, status: str) -> None:
    assert status_class(_spaced(text)) == status_class(text) == status


@pytest.mark.parametrize("quoted", ["“水清岸绿”", '"水清岸绿"', "「水清岸绿」"])
@pytest.mark.parametrize(("frame", "status"), [
    ("达到{}标准", "done"), ("整改已全部达到{}标准", "done"), ("验收组认为,整治达到{}目标", "done"), ("已达到{}要求", "done"),
    ("未达到{}标准", "other"), ("达到{}标准后销号", "other"),
])
def test_a_quoted_standard_reads_the_same_in_any_quotes(quoted: str, frame: str, status: str) -> None:
    assert status_class(frame.format(quoted)) == status


@pytest.mark.parametrize(("text", "status"), [
    ("144个问题已完成了24个,达到整改时序进度要求", "on_track"), ("200个问题已完成了30个,达到序时进度", "on_track"),
    ("50个问题已经完成了12个,总体按序时推进", "on_track"), ("120个问题已完成了20个,进度滞后", "behind"),
    ("已完成了整改", "done"), ("已经完成了", "done"), ("144个问题已完成了24个", "done"), ("已完成了12件,其余正在推进", "on_track"),
    # near misses: an aim, a negation
    ("计划完成了24个", "other"), ("未完成了", "behind"), ("确保144个问题完成24个", "other"),
    ("144个问题计划完成24个", "other"), ("需完成了24个", "other"),
])
def test_a_part_done_with_the_perfective_le_is_judged_by_the_whole_s_pace(text: str, status: str) -> None:
    assert status_class(text) == status


def test_the_probe_finds_constructed_rows_invariant() -> None:
    status_rows = [{"id": f"s{i}", "kind": "status", "text": text, "status": want} for i, (text, want) in enumerate([
        ("截至2021年3月底,已完成整改12项", "done"), ("整治工作已基本完成", "mostly_done"),
        ("项目建设进度滞后", "behind"), ("整改工作正在推进", "on_track"), ("案件办结率达到100%", "done")])]
    deadline_rows = [{"id": f"d{i}", "kind": "deadline", "text": text, "last_day": day, "deadline_kind": kind,
                      "context_year": 2021} for i, (text, day, kind) in enumerate([
                          ("2021年6月底前完成整改", "2021-06-30", "date"), ("确保年底前完成", "2021-12-31", "date"),
                          ("预计11月完工", "2021-11-30", "date"), ("2022年12月31日前完成", "2022-12-31", "date"),
                          ("立行立改,长期坚持", None, "ongoing")])]
    for kind, rows in (("status", status_rows), ("deadline", deadline_rows)):
        result = probe(kind, rows)
        assert sum(made for made, _ in result.values()) > 50
        assert {name: changed for name, (_, changed) in result.items() if changed} == {}
