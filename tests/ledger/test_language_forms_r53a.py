"""Round 53a (set 53's status and deadline dev rows, then older ones): the forms its mechanisms read, pinned with
constructed cases (no corpus text) — positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class


def _deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    read = deadline(text, context_year=context_year)
    return None if read.kind == "unknown" else (read.iso(), read.kind)


# -- D1 deadline: a window opened on the notice's own day, closed by 结束 / 止 (windows.CLOSING)
@pytest.mark.parametrize(("text", "expected"), [
    ("即日起至11月15日结束,欢迎社会各界提出意见", ("2021-11-15", "date")),  # the page's year
    ("自本通告发布之日起至2021年12月1日止,接受群众举报", ("2021-12-01", "date")),
    ("從今日起至2021年8月20日結束徵集", ("2021-08-20", "date")),  # traditional script
    ("征集活动已于11月15日结束", None),  # a past event's end
    ("自即日起至今,共收到建议12条", None),  # no closing day
])
def test_window_from_today(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text, context_year=2021) == expected


# -- D2 deadline: natural days as a span's unit (duties.RELATIVE)
@pytest.mark.parametrize(("text", "expected"), [
    ("本次公示期为七个自然日", (None, "relative")),
    ("申请人应在10个自然日内补齐材料", (None, "relative")),
    ("该阶段为期15个自然日", (None, "relative")),
    ("本年度共有自然日365天", None),  # a tally of days, no span set
])
def test_natural_days(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D3 deadline: a procedure's step with its handling time in brackets after its name (duties.RELATIVE)
@pytest.mark.parametrize(("text", "expected"), [
    ("四、审批(5个工作日) 审批人员对材料进行核准", (None, "relative")),
    ("(二)受理(2个工作日)", (None, "relative")),
    ("五、办结(十日)", (None, "relative")),
    ("三、现场检查(3天) 检查人员对现场进行核实", None),  # a check's length
    ("审查(第二批)", None),  # no span in the brackets
])
def test_step_handling_time(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D4 deadline: at once — on the spot, a decision made, an improvement, a matter done as it is brought (duties.IMMEDIATE)
@pytest.mark.parametrize(("text", "expected"), [
    ("窗口人员核对材料后当场办结", (None, "immediate")),
    ("(三)决定(当场作出)", None),  # 当场 + 作出 without the decision named: none
    ("工作人员审核后即时作出许可决定", (None, "immediate")),
    ("对轻微违规行为,应责令其立即改善", (None, "immediate")),
    ("对于能够立即改善之缺失,由业者自行处理", None),  # a group named by its ability
    ("承诺办理时限:即办", (None, "immediate")),
    ("执法人员未当场作出决定", None),  # negated
    ("检查组当场下达整改通知书", None),  # a notice handed over
])
def test_at_once_forms(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D5 deadline: 长期 as a plan stage's time (duties.ONGOING)
@pytest.mark.parametrize(("text", "expected"), [
    ("(五)长效管护阶段(长期坚持)", (None, "ongoing")),
    ("第四阶段:常态监管阶段:长期", (None, "ongoing")),
    ("第三阶段:规范提升(2022年6月—长期)", (None, "ongoing")),
    ("(二)排查整治阶段(2022年5月1日-6月30日)", ("2022-06-30", "date")),  # a dated stage as before
    ("长期以来,该区域污染问题突出", None),  # 长期以来: since long ago
])
def test_stage_kept_up(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D6 deadline: a time-limit label before a bare year or a span of years, a clause after it (bare_years.year_set)
@pytest.mark.parametrize(("text", "expected"), [
    ("本方案实施期限为2023-2027年,由区生态环境局负责解释", ("2027-12-31", "date")),
    ("整改时限:2024年,责任单位:某镇人民政府", ("2024-12-31", "date")),
    ("2019年至2022年,全省分三批完成了督察", None),  # no time-limit label: a period
])
def test_labelled_bare_year(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D7 deadline: a range whose first day lost its 日 (deadlines._FIRST_DAY_LOST)
@pytest.mark.parametrize(("text", "expected"), [
    ("公示期为2024年10月28-2024年11月5日", ("2024-11-05", "date")),
    ("公示时间:2022年3月30至4月6日", ("2022-04-06", "date")),
    ("公告期为二〇二四年十月28-二〇二四年十一月五日", ("2024-11-05", "date")),  # in Chinese numerals (a probe's form)
    ("公告期为2024年10月28-2024.11.5", ("2024-11-05", "date")),  # its end dotted
    ("检查组于3月5-6日进驻", None),  # a stay's days
])
def test_first_day_lost(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D8 deadline: a forecast's time with the completion of the work after it (deadlines._FORECAST_BY)
@pytest.mark.parametrize(("text", "expected"), [
    ("预计到2023年6月底,可全部完成管网改造", ("2023-06-30", "date")),
    ("有望到2022年底全面建成污水处理厂", ("2022-12-31", "date")),
    ("预计到2025年,全市新能源车保有量达到8万辆", None),  # a forecast quantity
    ("预计到2024年底,完成率将达到95%", None),  # a rate forecast
])
def test_forecast_completion(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D9 deadline: regular and irregular duties together; an evaluation or check by the period (duties.RECURRING)
@pytest.mark.parametrize(("text", "expected"), [
    ("采取定期与不定期相结合的方式开展河道巡查", (None, "recurring")),
    ("按月对各乡镇整改情况进行考评", (None, "recurring")),
    ("按季度组织第三方开展抽查", (None, "recurring")),
    ("定期不定期地在河(hé)道(dào)沿(yán)线(xiàn)开(kāi)展(zhǎn)巡查", (None, "recurring")),  # glosses between
    ("不定期开展巡查", None),  # irregular alone (set 38)
    ("按年度计划开展专项检查", None),  # a plan named, no period of checks
])
def test_regular_and_by_period(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D10 deadline: a news lead before a kept-up cue: what went on then (duties.NEWS_LEAD in kept_up)
@pytest.mark.parametrize(("text", "expected"), [
    ("9月3日至5日,某县持续开展河道“清四乱”行动", None),
    ("2022年7月8日,某镇持续开展秸秆禁烧巡查", None),
    ("2.九月三日至五日,某县持续开展河道“清四乱”行动", None),  # in Chinese numerals, after a list item's number
    ("9月3日,某县要求各乡镇常态化开展河道巡查", (None, "ongoing")),  # a directive after the lead
    ("9月3日,某县交办问题,要求10日内整改到位", (None, "relative")),  # a span after the lead stays one
])
def test_news_lead(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- S1 status: problems solved counted after their object, with or without help (status_phrases, done)
@pytest.mark.parametrize(("text", "expected"), [
    ("委员们深入一线,帮助解决群众身边的突出环境问题300余个", "done"),
    ("活动开展以来,协调解决企业环保难题、历史遗留问题15个", "done"),
    ("今年计划解决群众反映强烈的问题50个", "other"),  # aimed at
    ("共助力解决大气，水，土壤等方面的问题120余个", "done"),  # the list's items split by commas
    ("尚待解决的历史遗留问题6个", "other"),
    ("解决不了的问题3个已上报", "other"),
])
def test_problems_solved(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S2 status: a part's work begun, the rest not yet finished: under way (status_parts.begun_rest_pending)
@pytest.mark.parametrize(("text", "expected"), [
    ("一些养殖户已着手建设粪污处理设施,其余养殖户尚未完成改造", "on_track"),
    ("部分码头已经采取了防尘措施,还有个别码头尚未整改到位", "on_track"),
    ("部分码头已经采取了防尘措施,还有个别码头逾期尚未整改到位", "behind"),  # overdue
    ("部分码头已完成整改,还有个别码头尚未完成", "behind"),  # a part done: as before
])
def test_part_begun_rest_pending(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S3 status: the rest counted approximately after a counted part (status_parts._REST)
@pytest.mark.parametrize(("text", "expected"), [
    ("全市已整改销号问题200余个,其余80多个问题正在按序时推进", "on_track"),
    ("各县有效解决环境问题300余个,交办的50余个问题正抓紧整改", "on_track"),
])
def test_rest_counted_approximately(text: str, expected: str) -> None:
    assert status_class(text) == expected
