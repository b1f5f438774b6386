"""Round r58b (set 58's dev rows and older ones, the deadline and info-block readers): the constructions read, pinned by
constructed cases (no corpus text), with their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.timeliness.dates import find_dates
from crawler.extraction.info import info_block

DEADLINE_CASES: list[tuple[str, int | None, str | None, str]] = [
    # D1 a schedule's stages: year-less months each opening a clause, the first demanding its work's end after the month
    ("9月份泵站土建要全面完工,10月份设备调试到位。", 2021, "2021-10-31", "date"),
    ("8月份管网铺设须基本完成,9月份接入主管,10月份通水运行", 2022, "2022-10-31", "date"),
    ("2.9月份泵站土建要全面完工,10月份设备调试到位。", 2021, "2021-10-31", "date"),
    ("9月份泵站土建已全面完工,10月份设备调试到位。", 2021, None, "unknown"),
    ("9月份召开推进会,10月份开展督查。", 2021, None, "unknown"),
    ("10月份泵站土建要全面完工,9月份设备进场。", 2021, None, "unknown"),
    # D2 a year ahead (明年 / 次年) carries to a later year-less month, as a written year does
    ("明年2月底前完成方案编制;到5月底前,全部完成清理整治", 2020, "2021-05-31", "date"),
    ("次年3月前完成验收,6月底前全部销号", 2020, None, "date"),
    # D3 定时 (at set times) + the work done then: a cadence, as 定期
    ("餐厨垃圾实行定时清运", None, None, "recurring"),
    ("小区推行垃圾定时定点投放", None, None, "recurring"),
    ("河道保洁员每日定 时巡查", None, None, "recurring"),
    ("在规定时限内完成清运", None, None, "unknown"),
    ("严格执行定时限办结要求", None, None, "unknown"),
    ("经过一定时间的清理", None, None, "unknown"),
]


@pytest.mark.parametrize(("text", "year", "day", "kind"), DEADLINE_CASES)
def test_deadline_forms(text: str, year: int | None, day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert found.kind == kind
    if day is not None:
        assert found.iso() == day


def test_a_year_ahead_carries_and_a_past_one_does_not() -> None:
    ahead = find_dates("明年2月底前完成编制,5月底前完成整治", context_year=2020)
    assert [m.year for m in ahead] == [2021, 2021]
    past = find_dates("去年11月5日至12月5日开展督察,3月8日召开反馈会", context_year=2020)
    assert [m.year for m in past][-1] == 2020


INFO_CASES: list[tuple[str, tuple[str | None, str | None, str | None, str | None] | None]] = [
    # I1 a page's category or column after 来源 names no body (a kind of document, a section)
    ("关于某事的说明\n\n发布时间:2019-04-12 来源:政策解读", (None, "2019-04-12", None, None)),
    ("更新时间:2020-06-01 来源:工作动态 领导信箱", (None, "2020-06-01", None, None)),
    ("发布时间:2019-04-12 来源:县自然资源局", ("县自然资源局", "2019-04-12", None, None)),
    ("发布时间:2019-04-12 来源:某某晚报", ("某某晚报", "2019-04-12", None, None)),
    # I2 a counter with its number opening the line, then the day and a short column word
    ("某镇开展河道清淤\n\n阅读量:1203 2020年05月06日 综合", (None, "2020-05-06", None, None)),
    ("某镇开展河道清淤\n\n字数:812 2020年05月06日", (None, "2020-05-06", None, None)),
    ("某镇开展河道清淤\n\n字数:812 2020年05月06日,记者走访了河道", None),
    # I3 a numeric day glued to an author's name alone on its line
    ("关于流域治理的几点思考\n2020-03-09王某某", (None, "2020-03-09", None, None)),
    ("关于流域治理的几点思考\n2020-03-09前完成", None),
    ("关于流域治理的几点思考\n2020-03-09以来", None),
]


@pytest.mark.parametrize(("text", "value"), INFO_CASES)
def test_info_block_forms(text: str, value: tuple[str | None, ...] | None) -> None:
    assert info_block(text).value() == value
