"""Round r57b (set 57's dev rows, the deadline reader): the constructions read, pinned by constructed cases (no corpus
text), with their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline

CASES: list[tuple[str, int | None, str | None, str]] = [
    # D1 an at-once act after finding the problem, joined by 、 / 并 / 后
    ("要求网格员第一时间发现并制止露天焚烧", None, None, "immediate"),
    ("做到立即发现、立即上报", None, None, "unknown"),
    ("巡查人员第一时间发现问题", None, None, "unknown"),
    ("未能第一时间发现并处置", None, None, "unknown"),
    # D2 cleaning or repairing at once
    ("责令该餐馆马上维修净化装置", None, None, "immediate"),
    ("督促物业立即更换破损管道", None, None, "immediate"),
    ("没有立即清洗油烟管道", None, None, "unknown"),
    # D3 a patrol kept up without a break beside an at-once fix: the fix decides
    ("实行全天不间断监测,确保第一时间发现并处置超标排放", None, None, "immediate"),
    ("坚持全天不间断值守", None, None, "ongoing"),
    # D4 a period named twice, each before its act
    ("生活垃圾做到周查周改", None, None, "recurring"),
    ("落实月结月清制度", None, None, "recurring"),
    ("每月中月底各调度进展", None, None, "recurring"),
    ("10月查清排污口", None, None, "unknown"),
    # D5 a campaign named in the clause before its span, the span a clause of its own
    ("部署开展为期两年的清理整治行动,自2024年3月至2026年2月,分三步推进", None, "2026-02-28", "date"),
    ("组织开展了专项治理,从2019年5月至2019年11月,共查处案件12起", None, None, "unknown"),
    ("2019年5月至2019年11月,督察组对该市开展督察", None, None, "unknown"),
    # D6 a year's middle closes its first half
    ("力争2026年年中前完成管网改造", None, "2026-06-30", "date"),
    ("今年年中完成验收", 2027, "2027-06-30", "date"),
    ("2026年年中,督察组进驻该市", None, None, "unknown"),
    ("2026年中央督察组进驻", None, None, "unknown"),
    # D7 a staged plan's years, after a comma a plan's word and the works to shut or cut
    ("2026至2028年,继续压减地下水开采量800万立方米", None, "2028-12-31", "date"),
    ("2026-2027年,全县计划淘汰燃煤小锅炉40台", None, "2027-12-31", "date"),
    ("2016-2018年,全县关闭了矿山12座", None, None, "unknown"),
    ("2016-2018年,全县关闭矿山12座", None, None, "unknown"),
    # D8 an at-once word as a limit label's whole value
    ("办理时限:即时", None, None, "immediate"),
    ("整改期限:立刻", None, None, "immediate"),
    ("办理时限:即时受理后转办", None, None, "unknown"),
    # D9 hours counted from an event
    ("接到投诉后1小时内赶到现场", None, None, "relative"),
    ("须在72小时内上报", None, None, "relative"),
    # (hours with no 内 are no span: a watch kept round the clock, ongoing since set 61's convention, r61b)
    ("24小时值班", None, None, "ongoing"),
    ("24小时服务热线", None, None, "unknown"),
    # D10 a span looked back over is no limit
    ("近7日内,共接到群众举报15件", None, None, "unknown"),
    ("过去48小时内全市未发生火点", None, None, "unknown"),
    ("最近两个月内,共办结信访件30件", None, None, "unknown"),
    ("要求两个月内办结", None, None, "relative"),
]


@pytest.mark.parametrize(("text", "year", "day", "kind"), CASES)
def test_deadline_forms(text: str, year: int | None, day: str | None, kind: str) -> None:
    d = deadline(text, context_year=year)
    assert (d.iso(), d.kind) == (day, kind), (text, d.read)
