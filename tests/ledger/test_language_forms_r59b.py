"""Round r59b (set 59's dev rows and older ones, the deadline and info-block readers): the deadline silences grouped by
the grammar of the limit (a span capped, a cadence, an at-once wording, the page's year's end forecast) and a disclosure
table's subject, pinned by constructed cases (no corpus text) with their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from crawler.extraction.info import info_block

DEADLINE_CASES: list[tuple[str, int | None, str | None, str]] = [
    # D1 a limit's span capped or told as the usual one (期限 / 时限 / 整改时间 + 最长 / 一般 / 不得超过 + the span)
    ("整改期限最长不得超过六个月", None, None, "relative"),
    ("办结时限原则上不超过15个工作日", None, None, "relative"),
    ("受理时间一般为5个工作日", None, None, "relative"),
    ("整改时间不应超过两个月", None, None, "relative"),
    ("限期不超过90天", None, None, "relative"),
    ("整改期限超过六个月的项目另行报批", None, None, "unknown"),
    ("该批项目整改期限已超过两个月", None, None, "unknown"),
    ("时限最长的一项为半年", None, None, "unknown"),
    # D2 a cadence: 定期 + making public; a period distributed by 按 or 逐 + a reporting, checking or publishing act;
    # a year or half-year + once, with no 每
    ("定期向公众公告监测数据", None, None, "recurring"),
    ("定期在门户网站披露排放信息", None, None, "recurring"),
    ("按季度上报整治台账", None, None, "recurring"),
    ("按月向县委公开进展", None, None, "recurring"),
    ("逐周调度各乡镇进度", None, None, "recurring"),
    ("逐季抽查重点企业", None, None, "recurring"),
    ("两年组织一次第三方评估", None, None, "recurring"),
    ("半年一次专项核查", None, None, "recurring"),
    ("排放浓度逐月下降", None, None, "unknown"),
    ("污水处理量逐年递增", None, None, "unknown"),
    ("按年度计划发布清单", None, None, "unknown"),
    ("规定期限内公示结果", None, None, "unknown"),
    ("一季度组织一次联合检查", None, None, "unknown"),
    ("上半年组织一次联合检查", None, None, "unknown"),
    ("一年内组织一次联合检查", None, None, "relative"),
    ("三年前组织过一次联合检查", None, None, "unknown"),
    # D3 at once: another act offered first as the alternative (或 / 、) before the listed one, two manner words between
    ("发现后立即断电或查封", None, None, "immediate"),
    ("对违规堆放点立即清运、封堵", None, None, "immediate"),
    ("立即着手组织排查", None, None, "immediate"),
    ("即行即改", None, None, "immediate"),
    ("未能立即断电或查封", None, None, "unknown"),
    ("对能立即断电或查封的先行处置", None, None, "unknown"),
    # D4 the page's year's end forecast with a modal of ability (可 / 可以 / 能够) before the completion
    ("预计年底可全部建成通水", 2019, "2019-12-31", "date"),
    ("该段管网年内能够完工", 2020, "2020-12-31", "date"),
    ("二期工程年底可以全面完工", 2018, "2018-12-31", "date"),
    ("二期工程年底有望全面完工", 2018, None, "unknown"),  # 有望 hedges (past_times)
    ("年底可领取补贴", 2019, None, "unknown"),
    ("年内已可完成验收", 2019, None, "unknown"),
    ("预计年底可全部建成通水", None, None, "unknown"),
]


@pytest.mark.parametrize(("text", "year", "day", "kind"), DEADLINE_CASES)
def test_deadline_forms(text: str, year: int | None, day: str | None, kind: str) -> None:
    found = deadline(text, context_year=year)
    assert found.kind == kind
    if day:
        assert found.iso() == day


INFO_CASES: list[tuple[str, tuple[str | None, str | None, str | None, str | None] | None]] = [
    # I1 a disclosure table's 公开主体: the body disclosing is the publisher (as 发布机构), with a space or a colon
    ("公开主体 某县某某乡人民政府\n公开时限 自信息形成之日起20个工作日内", ("某县某某乡人民政府", None, None, None)),
    ("公开主体:某市生态环境局", ("某市生态环境局", None, None, None)),
    ("公开主体:\n公开方式:主动公开", None),
]


@pytest.mark.parametrize(("text", "value"), INFO_CASES)
def test_info_forms(text: str, value: tuple[str | None, str | None, str | None, str | None] | None) -> None:
    assert info_block(text).value() == value
