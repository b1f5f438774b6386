"""Mechanisms behind the status, deadline and feedback readers' first-sight misses over the seen sets 10–30 (issue 21,
round 34, r34b), each pinned with positives in forms no row had and negatives where the cue comes without its licence;
every text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class
from archive.timeliness.fields import feedback_date
from archive.timeliness.holidays import holiday_day

# -- status: quantifier scope — a part limited by 仅 / 只 / 才 is never the whole done (a false done before) ------------


@pytest.mark.parametrize("text", [
    "截至目前仅有3个项目完工。",
    "仅3家企业完成整改。",
    "只有2个问题整改到位。",
    "全市仅有5个乡镇完成治理任务。",
    "仅有少数项目建成投运。",
    "只有一半的任务完成。",
    "17个问题中仅有4个整改到位。",
    "目前仅2个项目竣工验收。",
    "才有1家企业完成搬迁。",
    "僅有3個項目完工。",
])
def test_a_part_limited_by_only_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize(("text", "want"), [
    ("该县仅用3个月就全部完成了整改任务。", "done"),  # a span of time limited, not the part done
    ("该县仅用3个月便已完成全部整改。", "done"),
    ("全部42家企业均完成提标改造。", "done"),
    ("3家企业均已关停到位。", "done"),
    ("应完成的12个项目仅完成4个。", "behind"),  # the due stated: behind (set 29's class)
])
def test_only_before_a_span_or_a_due_keeps_its_reading(text, want):
    assert status_class(text) == want


# -- status: a severity judgement after a limited part (形势严峻) --------------------------------------------------------


@pytest.mark.parametrize("text", [
    "全市黑臭水体消除比例仅为40%,形势严峻。",
    "治理初见成效的仅有10段,形势严峻。",
    "截至目前仅有3个项目完工,完成率为30%,形势十分严峻。",
    "全县仅有2个乡镇达标,形势依然不容乐观。",
    "建成区污水收集率仅为45%,形势较为严峻。",
])
def test_severity_after_a_limited_part_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "当前全市大气污染防治形势依然严峻,各地要切实加大工作力度。",
    "生态环境保护形势严峻复杂。",
    "要清醒认识到当前形势严峻,任务艰巨。",
    "水环境形势不容乐观。",
    "不仅完成了整改任务,而且形势严峻的局面已经扭转。",
])
def test_severity_alone_is_a_remark(text):
    assert status_class(text) not in ("behind", "done")


# -- status: the work judged done perfunctorily or evasively (a negative evaluation with its subject) ---------------------


@pytest.mark.parametrize("text", [
    "督察指出,部分地方整改敷衍应付、避重就轻。",
    "一些地方整改避重就轻。",
    "该县整改工作敷衍塞责。",
    "该市监管流于形式。",
    "督查发现,该区整治工作敷衍了事。",
    "有的部门整改搞变通。",
])
def test_perfunctory_work_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize(("text", "want"), [
    ("严禁整改工作敷衍应付。", None),  # a guard, nothing found
    ("坚决防止整改避重就轻。", None),
    ("督察指出的“河长巡查流于形式”问题已完成整改。", "done"),  # a quoted problem's name; the predicate decides
    ("反馈的“整改工作敷衍应付”问题已全部整改到位。", "done"),
    ("督察严肃指出“部分地方整改工作流于形式”问题。", "behind"),  # the finding alone
])
def test_perfunctory_cue_without_licence(text, want):
    got = status_class(text)
    assert (None if got == "other" else got) == want


# -- status: the pace compared below the set one (a false on track before: the 序时 cue) ----------------------------------


@pytest.mark.parametrize("text", [
    "截至目前,该工程仅完成总工程量的30%,远低于序时进度。",
    "整改进度低于序时进度。",
    "该项目进度明显落后于时序进度。",
    "目前已完成60%,达不到序时要求。",
    "3个项目建设进度慢于计划进度。",
])
def test_pace_below_the_set_one_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize(("text", "want"), [
    ("各项任务均达到序时进度。", "on_track"),
    ("11项任务按序时进度推进。", "on_track"),
    ("确保整改进度不低于序时进度。", "other"),
    ("确保按序时进度推进。", "other"),
])
def test_pace_at_or_aimed_at_the_set_one(text, want):
    assert status_class(text) == want


# -- status: a completion inside a rule (不能 / 不得 / 严禁 …) reports no work (a false done before) ----------------------


@pytest.mark.parametrize("text", [
    "不能以整改完成代替问题销号。",
    "不得以整改完成为由放松监管。",
    "严禁以阶段性办结代替办结。",
    "防止整改完成后问题反弹。",
    "整改完成后不得擅自拆除设施。",
    "整改到位后严禁擅自停运治污设施。",
    "避免以按计划推进为由拖延整改。",
])
def test_a_completion_inside_a_rule_is_no_status(text):
    assert status_class(text) == "other"


@pytest.mark.parametrize(("text", "want"), [
    ("已完成整改,不能放松。", "done"),
    ("3家企业已完成整改,不得不停产的1家正在搬迁。", "on_track"),
    ("问题已全部整改到位,严防反弹。", "done"),
])
def test_a_rule_in_another_clause_leaves_the_report(text, want):
    assert status_class(text) == want


# -- status: pins of recurring first-sight mechanisms the reader now covers (tallies, aims, findings) --------------------


@pytest.mark.parametrize(("text", "want"), [
    # a tally of parts (sets 10–12, 14–16, 18–20, 22, 24–26, 30)
    ("全市排查出的42个问题中,已整改销号35个,其余7个正在按计划推进。", "on_track"),
    ("群众信访件共86件,已办结80件,阶段性办结6件。", "on_track"),
    ("交办的58件举报中已查处完毕50件,另有8件正在调查处理。", "on_track"),
    ("已完成整改20个,基本完成整改4个。", "mostly_done"),
    ("污水处理厂主体工程已基本完工。", "mostly_done"),
    # aims and groups read as facts before (sets 10–12, 16, 22, 26, 29)
    ("确保按时间节点全面完成整改任务。", "other"),
    ("将督察反馈问题全部整改到位,推动生态环境质量持续改善。", "other"),
    ("对正在整改的问题,要倒排工期,确保按期完成。", "other"),
    ("对逾期未整改到位的单位,将依规依纪严肃问责。", "other"),
    ("针对进度滞后、整改不力等问题开展专项督查。", "other"),
    # findings of shortfall (sets 10, 13–16, 18, 20–22, 24–27, 30)
    ("核查发现,该企业废气治理设施未按要求建成。", "behind"),
    ("该问题长期得不到有效解决。", "behind"),
    ("全县仍有12座养殖场未完成关闭搬迁。", "behind"),
    # done frames (attainment, rates, terminal verbs)
    ("经现场核查,该企业整改已达到验收标准。", "done"),
    ("截至目前,转办信访件办结率100%。", "done"),
    ("该污水处理厂已建成投入运行。", "done"),
])
def test_recurring_first_sight_mechanisms_stay_read(text, want):
    assert status_class(text) == want


# -- deadlines: a holiday with 前 is a limit; its day a calendar fact ------------------------------------------------------


@pytest.mark.parametrize(("year", "name", "day"), [
    (2021, "春节", "2021-02-12"), (2020, "春节", "2020-01-25"), (2024, "春节", "2024-02-10"),
    (2019, "国庆", "2019-10-01"), (2022, "劳动节", "2022-05-01"), (2021, "元旦", "2021-01-01"),
])
def test_holiday_days(year, name, day):
    assert holiday_day(name, year).isoformat() == day


def test_a_year_outside_the_table_has_no_spring_festival():
    assert holiday_day("春节", 1990) is None


@pytest.mark.parametrize(("text", "year", "last_day"), [
    ("确保国庆节前完成主体工程建设", 2020, "2020-09-30"),
    ("2020年国庆节前完成主体工程", None, "2020-09-30"),
    ("二〇二〇年国庆节前完成", None, "2020-09-30"),
    ("確保國慶節前完成整治", 2019, "2019-09-30"),
    ("国庆长假前完成主体工程", 2021, "2021-09-30"),
    ("2021年春节前完成", None, "2021-02-11"),
    ("要在2019年春节前全部完成清理", None, "2019-02-04"),
    ("力争五一前完工", 2022, "2022-04-30"),
    ("五一劳动节前完成清理", 2022, "2022-04-30"),
    ("2021年元旦前完成整改", None, "2020-12-31"),
])
def test_a_holiday_with_before_is_a_last_day(text, year, last_day):
    found = deadline(text, context_year=year)
    assert (found.kind, found.iso()) == ("date", last_day)


@pytest.mark.parametrize(("text", "year"), [
    ("春节前全部完工", 2021),  # the page's month would decide which Spring Festival: none
    ("元旦前完成整改", 2020),
    ("中秋节前完成", 2020),  # a lunar holiday with no table here
    ("国庆前后开展专项检查", 2020),
    ("春节前夕,走访慰问困难群众", 2020),
    ("国庆节前已完成全部整改", 2020),
    ("2019年国庆节前,省督察组对全市开展了专项检查", None),
    ("截至目前已完成31项,预计到春节前可完成33项", None),
    ("十五一项", 2020),
])
def test_a_holiday_without_licence_is_no_last_day(text, year):
    assert deadline(text, context_year=year).kind == "unknown"


# -- deadlines: a time with the work done in the perfective tells when it was done (a false date before) ------------------


@pytest.mark.parametrize(("text", "year"), [
    ("去年底完成了整改", 2022),
    ("2021年底完成了整改", 2022),
    ("去年底完成整改", 2022),
    ("上年末建成污水处理厂", 2022),
    ("2019年6月底完成了搬迁", 2020),
    ("6月底完成了全部整改", 2020),
    ("2020年12月底前拆除了全部违建", 2021),
])
def test_a_time_with_the_work_done_is_no_last_day(text, year):
    assert deadline(text, context_year=year).kind == "unknown"


@pytest.mark.parametrize(("text", "year", "last_day"), [
    ("要求去年底前完成整改", 2022, "2021-12-31"),  # a limit set, aimed at, though past
    ("2021年底前完成整改", 2021, "2021-12-31"),
    ("2021年6月底完成整改", 2021, "2021-06-30"),
    ("确保2020年底完成了结案工作", 2020, "2020-12-31"),  # 了结 is a verb, no perfective 了
])
def test_a_time_set_as_a_limit_stays_one(text, year, last_day):
    found = deadline(text, context_year=year)
    assert (found.kind, found.iso()) == ("date", last_day)


# -- deadlines: a window opened with 自…起 and closed with 止; this year's task ------------------------------------------


@pytest.mark.parametrize(("text", "year", "last_day"), [
    ("公示期自2022年11月24日起至11月30日止", 2022, "2022-11-30"),
    ("公示期自2022年11月24日起至2022年11月30日止", 2022, "2022-11-30"),
    ("公示期自2022年11月24日至11月30日止", 2022, "2022-11-30"),
    ("2021年3月起至6月底,为集中整改阶段", 2021, "2021-06-30"),
    ("确保完成今年目标任务", 2022, "2022-12-31"),
])
def test_windows_and_this_years_task(text, year, last_day):
    found = deadline(text, context_year=year)
    assert (found.kind, found.iso()) == ("date", last_day)


@pytest.mark.parametrize("text", [
    "自2022年3月1日起至5月31日,开展了专项整治",
    "已完成今年任务的80%",
    "督察进驻时间:2022年4月6日至5月6日",
])
def test_a_period_or_a_report_is_no_window(text):
    assert deadline(text, context_year=2022).kind == "unknown"


# -- feedback: pins of the first-sight mechanisms (a month's year given before, a dateline's bare day, another act) --------


@pytest.mark.parametrize(("text", "year", "want"), [
    ("2021年5月8日,省第二生态环境保护督察组向我市反馈督察意见", 2021, "2021-05-08"),
    ("2018年4月10日至30日,督察组进驻各区,并于7月完成督察反馈。", 2018, "2018-07"),
    ("去年5月,省督察组对四市开展督察,同年10月分别反馈了督察意见。", 2020, "2019-10"),
    ("新华社北京8月22日电 督察组20日至21日分别向7省(市)反馈督察情况", 2024, "2024-08-20"),
    ("經國務院批准,督察組於2016年5月3日向河北省委、省政府進行了反饋。", 2016, "2016-05-03"),
    ("2020年10月27日,市委第三巡察组向市住建局党组反馈了巡察意见", 2020, None),  # a 巡察's feedback
    ("2021年5月8日,省委第二巡视组向我市反馈巡视情况", 2021, None),
    ("2019年6月3日,审计组向县政府反馈了审计意见", 2019, None),
    ("督察组将于6月10日反馈督察意见。", 2020, None),  # planned
    ("2017年4月,督察组对我省开展督察。", 2017, None),  # the stay, no feedback
])
def test_feedback_first_sight_mechanisms(text, year, want):
    found = feedback_date(text, context_year=year)
    got = None if found is None or found.value is None else (
        found.value.isoformat()[:7] if found.precision == "month" else found.value.isoformat())
    assert got == want
