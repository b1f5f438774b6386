"""Classes of construction the dev rows of fresh sets 29 and 30 showed unread by the status and deadline readers (issue
21), each pinned with positives and near-miss negatives; every text here is our own, built on the construction, not a
corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class

# -- status: behind ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "应于2020年底前完工的12个项目仅完工4个",
    "按计划应建成的8座污水处理厂,目前只建成3座",
    "原定年内关停的20家企业仅关停9家",
    "要求6月底前销号的15项问题仅销号6项",
    "计划拆除的30处违建只拆除了12处",
    "应当于9月前投运的5台设备仅投运2台",
    "需于年底前办结的40件信访件仅办结25件",
    "應於2019年6月底前竣工的15項整改任務僅竣工5項",
    "应完成整改的10个问题,仅整改完成4个",
])
def test_a_part_ended_by_any_ending_verb_short_of_what_was_due_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "仅竣工5项",
    "累计竣工5项",
    "全县仅有5座污水处理厂",
    "仅完成5项便通过了验收",
])
def test_a_part_ended_with_nothing_due_stated_is_not_behind(text):
    assert status_class(text) != "behind"


# -- status: on track --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已完成18项,其余2项继续推进整改",
    "已办结30件,剩余4件持续跟进办理",
    "已完成12项,3项未完成任务转入下阶段继续整改",
    "已整改到位9个,其余1个继续推进",
    "已销号20项,剩下5项持续推进落实",
    "完成整改7项,另外2项接续推进",
    "已完成整改16个,未办结的2个问题继续跟踪处置",
    "已完成10项,其他3项继续抓好整改落实",
    "已完成18項,其餘2項繼續推進整改",
])
def test_after_a_part_done_the_rest_carried_on_is_on_track(text):
    assert status_class(text) == "on_track"


@pytest.mark.parametrize(("text", "status"), [
    ("已完成18项,其余2项未完成", "behind"),
    ("已完成18项,其余2项未完成,将继续推进", "behind"),
    ("已完成18项,剩余2项逾期未完成", "behind"),
    ("继续推进整改", "other"),
    ("已完成整改,持续巩固成效", "done"),
])
def test_the_rest_stated_not_done_or_no_rest_is_not_carried_on(text, status):
    assert status_class(text) == status


# -- status: a not-done group framing the parts counted out of it --------------------------------------------------

@pytest.mark.parametrize(("text", "status"), [
    ("上轮巡视反馈还未完成的11个问题中,已完成整改5个问题,阶段性完成整改6个问题", "on_track"),
    ("在尚未办结的8件信访件中,已办结5件,正在办理3件", "on_track"),
    ("未完成整改的6项任务中,已完成4项,其余2项正在推进", "on_track"),
    ("上次检查时未整改到位的12个点位中,已整改完成12个", "done"),
    ("去年未销号的9个问题之中,目前已销号9个", "done"),
    ("未完成的3项工程中,2项已竣工,1项正在施工", "on_track"),
    ("此前未按期完成的5个问题中,已全部整改到位", "done"),
    ("逾期未完成的4个项目中,已完成3个,1个正在推进", "on_track"),
    ("尚未完成的10項任務中,已全部完成", "done"),
])
def test_a_not_done_group_framing_counted_parts_states_none_the_parts_decide(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize("text", [
    "还有11个问题未完成",
    "未完成的11个问题,要加快推进",
    "反馈问题中,未完成的有3个",
    "在11个问题中,尚未完成的有5个",
    "未完成的问题中有3个已严重超期",
])
def test_a_not_done_as_the_predicate_or_not_framing_stays_behind(text):
    assert status_class(text) == "behind"


# -- status: a manner sought before a bare completion ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "组织人员逐一研判,快速、稳妥整改到位",
    "发现问题及时整改到位",
    "对群众反映的问题立即整改到位",
    "尽快完成整改",
    "迅速处置到位",
    "对排查出的隐患限期整改到位",
    "稳妥有序、尽早完成整改",
    "逐一核實,快速整改到位",
])
def test_a_manner_of_speed_or_care_before_a_bare_completion_is_no_status(text):
    assert status_class(text) == "other"


@pytest.mark.parametrize("text", [
    "问题均已及时整改到位",
    "已迅速整改到位",
    "该问题已于3月限期整改到位",
    "上述问题已经尽快完成整改",
])
def test_the_same_manner_after_already_is_done(text):
    assert status_class(text) == "done"


# -- status: done ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "截至2016年底,全省燃煤电厂累计完成2375万千瓦超低排放改造",
    "全市完成3200辆黄标车淘汰",
    "去年完成12座加油站油气回收改造",
    "累计完成农村改厕1.2万户",
    "今年以来完成56台燃煤锅炉改造",
    "截至9月底,累计完成矿山修复12.5平方公里",
    "全省完成4600兆瓦机组改造",
    "累计完成1200艘船舶改造",
])
def test_a_completion_with_the_amount_in_any_unit_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "计划完成2375万千瓦超低排放改造",
    "力争完成3200辆黄标车淘汰",
    "到2020年底完成12座加油站改造",
    "全年完成3200辆的目标任务",
])
def test_the_same_amount_aimed_at_is_not_done(text):
    assert status_class(text) != "done"


# -- deadline ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "沙湖污水处理厂提标改造工程于2018年7月完成一级A提标改造",
    "该厂于2019年5月12日竣工",
    "二期管网于2020年10月建成",
    "整改于2021年3月通过市级验收",
    "该项目于2019年11月顺利完工",
    "污水站于2020年6月建成投运",
    "工程于2019年8月全面完成",
    "2处排污口于2021年4月完成封堵",
])
def test_a_completion_reported_on_a_plain_time_after_yu_is_no_limit(text):
    assert deadline(text).kind == "unknown"


@pytest.mark.parametrize(("text", "last"), [
    ("工程计划于2018年7月完成改造", "2018-07-31"),
    ("该项目将于2019年12月建成", "2019-12-31"),
    ("确保于2020年6月完成整改", "2020-06-30"),
    ("于2018年7月底前完成改造", "2018-07-31"),
    ("整改时限:于2021年6月完成", "2021-06-30"),
])
def test_the_same_time_aimed_at_or_closed_by_a_limit_is_the_last_day(text, last):
    found = deadline(text)
    assert (found.kind, found.iso()) == ("date", last)


@pytest.mark.parametrize("text", [
    "公示时间为10天",
    "公示期为7个工作日",
    "受理期限:7日",
    "公示期10天",
    "异议期为5个工作日",
    "公告期为15日",
    "办理时限为15个工作日",
    "反馈期限:30天",
])
def test_a_window_s_or_a_handling_time_s_span_under_its_label_is_relative(text):
    assert deadline(text).kind == "relative"


@pytest.mark.parametrize(("text", "kind"), [
    ("公示时间为2021年7月1日至7月10日", "date"),
    ("公示时间10天已满,无异议", "unknown"),
    ("公示期间共收到意见3条", "unknown"),
    ("每10天公示一次", "recurring"),  # (once in each period: recurring since the round on set 45; never relative)
])
def test_a_dated_window_a_window_passed_or_a_period_is_not_relative(text, kind):
    assert deadline(text).kind == kind


@pytest.mark.parametrize("text", [
    "自3月5日起,至4月15日前,利用1个多月的时间,开展巡察",
    "从2021年6月1日开始,用3个月时间开展专项整治",
    "自2019年4月1日起,用两个月时间开展排查",
    "于5月10日起,利用一个月左右的时间,对全县企业开展检查",
])
def test_a_span_whose_start_the_text_dates_is_no_relative_limit(text):
    assert deadline(text).kind != "relative"


@pytest.mark.parametrize("text", [
    "自收到之日起15日内整改",
    "自公示发布之日起10个工作日",
    "限期10天整改",
    "用三年左右时间完成整治",
])
def test_a_span_from_an_undated_event_stays_relative(text):
    assert deadline(text).kind == "relative"


@pytest.mark.parametrize(("text", "last"), [
    ("2017岁尾前完成集中供热替代", "2017-12-31"),
    ("2019年岁末前全部完成", "2019-12-31"),
    ("2020年尾前完成整改", "2020-12-31"),
    ("确保2021岁末前完成", "2021-12-31"),
    ("2018年岁尾前全面完成拆除", "2018-12-31"),
    ("力争2022年岁末完成", "2022-12-31"),
    ("2019岁末前完成销号", "2019-12-31"),
    ("2023年年尾前办结", "2023-12-31"),
])
def test_a_year_end_by_its_other_nouns_is_the_year_s_last_day(text, last):
    found = deadline(text)
    assert (found.kind, found.iso()) == ("date", last)


@pytest.mark.parametrize("text", [
    "2018年岁末年初开展专项检查",
    "岁末年初是污染防治的关键期",
    "每年岁末开展一次检查",
    "岁尾的天气较为寒冷",
])
def test_a_year_end_season_or_an_undated_one_is_no_last_day(text):
    assert deadline(text).kind != "date"
