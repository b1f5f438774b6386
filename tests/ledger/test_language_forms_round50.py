"""Mechanisms behind the readers' dev misses on set 50 (issue 21, the round on set 50, r50: 环评 notice windows,
disclosure and permit duties, outfalls, boilers and filling stations, Taiwan EPA project summaries): each pinned with
positives in forms no row had and negatives where the cue comes without its licence.  Every text here is our own (row
ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from crawler.extraction.info import info_block
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
    # 已 after the count: the 已 forms read it with their own head (the main works done is mostly done)
    ("目前这两座泵站已完成了主体工程建设。", "mostly_done"),
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
    ("排查已全部完成,转入“监测，溯源，整治”阶段", "on_track"),  # (a quoted stage name with its own commas)
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


# -- I1 info block: a name the page masked names no body (b851b082) -------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("发布单位:＊＊＊ 发布日期:2023-04-02", (None, "2023-04-02", None, None)),
    ("来源: ××  时间: 2022-09-30 10:02", (None, "2022-09-30", None, None)),
    # a body's name beside them stays the publisher
    ("来源:某某市生态环境局 发布日期:2023-04-02", ("某某市生态环境局", "2023-04-02", None, None)),
])
def test_a_masked_name_is_no_publisher(text, want):
    assert info_block(text).value() == want


# -- I2 info block: a day opening its line before the text-size buttons (862ff1c6) ----------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("某县召开河长制工作会议\n2023-06-01 A+ A- 打印", (None, "2023-06-01", None, None)),
    ("某区部署秸秆禁烧\n2021年3月9日 【大 中 小】", (None, "2021-03-09", None, None)),
    ("关于某事项的说明\n2022-11-15  字号:大 中 小", (None, "2022-11-15", None, None)),
    # a sentence opening with a day is none
    ("2021年3月9日,某区部署秸秆禁烧,A+级企业…", None),
])
def test_a_day_before_the_text_size_buttons(text, want):
    assert info_block(text).value() == want


# -- I3, I5 info block: a signature day padded by a mirror's ? or run onto the body's last sentence (c08a7a7e, 18aa3870)


@pytest.mark.parametrize(("text", "want"), [
    ("特此函告。\n某某市水利局\n2023年7月14日？", (None, None, "2023-07-14", None)),
    ("?某某县人民政府办公室\n?2019年2月1日?", (None, None, "2019-02-01", None)),
    ("现印发给你们,请遵照执行。 2020 年 5 月 6 日 (此件主动公开)", (None, None, "2020-05-06", None)),
    ("请各单位认真抓好落实。 2018年9月3日", (None, None, "2018-09-03", None)),
    # a day inside the sentence, or a sentence going on after it, is no signature
    ("请于 2018年9月3日 前报送。", None),
    ("会议要求抓好落实。 2018年9月3日起施行。", None),
])
def test_a_signature_padded_or_run_on(text, want):
    assert info_block(text).value() == want


# -- I4 info block: a day with dashes after its units (da969963) ----------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("来源:某某县环保局 | 时间:2021年-11月-03日", ("某某县环保局", "2021-11-03", None, None)),
    ("发布时间: 2019年-3月-8日 浏览次数:30", (None, "2019-03-08", None, None)),
    ("时间:2020 年-07 月-01 日", (None, "2020-07-01", None, None)),
    # a month range is no day
    ("发布时间: 2023年1月-6月", None),
])
def test_a_day_with_dashes_after_its_units(text, want):
    assert info_block(text).value() == want


# -- I6 info block: a site's or an app's name with Latin letters and a colon before a timed day (80de0778) ----------


@pytest.mark.parametrize(("text", "want"), [
    ("某某体育app: 2020-05-06 08:09:10", ("某某体育app", "2020-05-06", None, None)),
    ("v8某某直播: 2021-01-02 11:12", ("v8某某直播", "2021-01-02", None, None)),
    # a person's name there is a reply's signer; a colon before an untimed day is no byline
    ("王小明: 2020-05-06 08:09:10", (None, "2020-05-06", None, None)),
    ("某某体育app: 2020-05-06", None),
    # a Han word alone before the colon is a label's form, no name
    ("录入者: 2020-05-06 08:09:10", (None, "2020-05-06", None, None)),
])
def test_a_sites_name_with_a_colon_before_its_timed_day(text, want):
    assert info_block(text).value() == want


# -- D1 deadline: a span counted back from a term's end or the works' start (2456a9f0, set 50's ✱) ------------------


@pytest.mark.parametrize(("text", "want"), [
    ("应在许可期满前30日提出延续申请。", (None, "relative")),
    ("建设单位应于项目开工之日15个工作日前报送备案。", (None, "relative")),
    ("协议到期三个月前书面通知对方。", (None, "relative")),
    # the term's end dated, or a past act before it, sets no span
    ("许可证于2020年5月1日到期。", None),
    ("该企业已于期满前提出申请。", None),
])
def test_a_span_before_a_terms_end_is_relative(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: the completion's ability after a time set as a limit (f4028d4b) -----------------------------------


@pytest.mark.parametrize(("text", "context_year", "want"), [
    ("预计9月下旬能够完成主体施工。", 2021, ("2021-09-30", "date")),
    ("该工程2020年6月可完成竣工验收。", None, ("2020-06-30", "date")),
    ("预计明年3月能完工", 2022, ("2023-03-31", "date")),
    # reported done: no limit
    ("2018年6月能够完成了验收。", None, None),
])
def test_the_completions_ability_after_its_time(text, context_year, want):
    assert _reads_deadline(text, context_year) == want


# -- D3 deadline: a year whose month the page lost is no year's end (25be5de7, set 50's ✱) --------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("公示期为2023年5月8日至2023年月19日。", None),
    ("整改时限:2021年月底", None),
    # the month written, the window closes on its day
    ("公示期为2023年5月8日至2023年5月19日。", ("2023-05-19", "date")),
])
def test_a_lost_month_gives_no_years_end(text, want):
    assert _reads_deadline(text) == want


# -- D4 deadline: a plan's clause opened by its year, the completion with no subject (a33a2bd9) ---------------------


@pytest.mark.parametrize(("text", "want"), [
    ("(二)推进污水收集。2021年,完成城区雨污分流改造。", ("2021-12-31", "date")),
    ("2023年,基本完成农村黑臭水体治理", ("2023-12-31", "date")),
    # a subject before the completion, or the perfective, reports the year's work
    ("2021年,全区完成雨污分流改造12公里。", None),
    ("2021年,完成了城区雨污分流改造。", None),
])
def test_a_plans_year_opening_its_clause(text, want):
    assert _reads_deadline(text) == want
