"""Round r55a (set 55's dev rows, status and deadline): the forms its mechanisms read, pinned with constructed cases
(no corpus text) — positives in forms no row has, negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class


def _deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    read = deadline(text, context_year=context_year)
    return None if read.kind == "unknown" else (read.iso(), read.kind)


# -- D1 deadline: a stray space before a date's unit, and a table's cell line between a window's label and its span
@pytest.mark.parametrize(("text", "expected"), [
    ("公示时间 | 2021年3月1日-2021年3月8 日 |", ("2021-03-08", "date")),
    ("公示期:2022年6月10日至2022年6月17 日", ("2022-06-17", "date")),
    ("公告时间｜2023年1月3日—2023年1月12日", ("2023-01-12", "date")),
    ("整改时限:2024年5月31 日前", ("2024-05-31", "date")),
    ("检查时间 | 2021年3月1日-2021年3月8 日 |", None),  # a check's stay under a cell line: a period, no window
    ("2021年3月8 日,检查组对该企业开展了现场检查", None),  # a day that tells when
])
def test_unit_gap_and_cell_window(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D2 deadline: act and solve at once (立行立解); an at-once notice served on the party is no term for the work
@pytest.mark.parametrize(("text", "expected"), [
    ("对检查发现的问题要立行立解", (None, "immediate")),
    ("现场问题立查立解", (None, "immediate")),
    ("立即下发督办单,要求属地处置", (None, "immediate")),  # a hand-over to those who act (set 43)
    ("立即下发《环境问题整改通知书》,责令其限期整改", None),
    ("对发现的问题立即下达整改告知书", None),
    ("执法人员立即下发《责令改正决定书》", None),
])
def test_act_at_once_and_notice_served(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- D3 deadline: a finish day narrated after the day the works started (于…开工,…竣工) is no limit
@pytest.mark.parametrize(("text", "expected"), [
    ("该工程于2023年4月2日开工,2023年9月30日竣工。", None),
    ("治理工程于2022年3月动工,2022年11月完工", None),
    ("该工程于二〇二三年四月二日开工,二〇二三年九月三十日竣工", None),
    ("项目计划于2026年3月开工,2026年10月底前竣工", ("2026-10-31", "date")),  # a plan's limit
    ("工程将于2026年3月1日开工,2026年9月30日前完工", ("2026-09-30", "date")),
])
def test_start_then_finish_narrated(text: str, expected: tuple[str | None, str] | None) -> None:
    assert _deadline(text) == expected


# -- S1 status: a continuing duty of work announced with 将持续 / 将 (…力度, 推进…工作, 持续保持…态势): ongoing (settled)
@pytest.mark.parametrize(("text", "expected"), [
    ("今后,该局将持续加大对非法排污行为的打击力度", "ongoing"),
    ("下一步将持续加强秸秆禁烧巡查力度", "ongoing"),
    ("下一步,县里将加大执法检查力度,开展夜间巡查", "ongoing"),
    ("该镇将持续推进人居环境整治工作", "ongoing"),
    ("下一步,区里将持续加大对乱倒,乱堆,乱放等行为的查处力度", "ongoing"),  # a list split by commas
    ("下一步，我们将持续加大整改力度，确保所有问题按期整改到位。", "ongoing"),  # moved from r31a's near misses
    ("预计空气质量将持续改善", "other"),  # a trend
    ("我局将持续加大人员投入,加快剩余点位整改", "other"),  # no 力度 in the clause: the rest pushed on, not read here
    ("要持续加大执法力度", "other"),  # a directive, no 将
])
def test_continuing_duty_announced(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S2 status: a reclamation rate of 100 %, a task's delimiting done (已划定), a works' own completion acceptance agreed
@pytest.mark.parametrize(("text", "expected"), [
    ("3号地块占用面积1.2公顷,复垦面积1.2公顷,复垦率100%", "done"),
    ("矿区修复率达到100%", "done"),
    ("力争复垦率100%", "other"),  # aimed
    ("复垦率达到100%以上的目标", "other"),
    ("全县已划定畜禽禁养区12个", "done"),
    ("已划定的禁养区内严禁新建养殖场", "other"),  # a group a rule is for
    ("专家组认为工程质量合格,同意该项目通过竣工验收。", "done"),
    ("同意通过竣工环保验收。", "other"),  # an environmental acceptance: a permit's step (r52a)
    ("不同意通过竣工验收", "other"),
])
def test_completion_forms(text: str, expected: str) -> None:
    assert status_class(text) == expected


# -- S3 status: a finish day after the works' start day, narrated: done; planned: none
@pytest.mark.parametrize(("text", "expected"), [
    ("该工程于2023年4月2日开工,2023年9月30日竣工。", "done"),
    ("护岸工程于2022年3月动工,2022年11月完工", "done"),
    ("该工程于二〇二三年四月二日开工,二〇二三年九月三十日竣工", "done"),
    ("该工程于2023.4.2开工,2023.9.30竣工", "done"),
    ("项目计划于2026年3月开工,2026年10月竣工", "other"),
    ("工程将于2026年3月1日开工,2026年9月30日前完工", "other"),
])
def test_started_then_finished(text: str, expected: str) -> None:
    assert status_class(text) == expected
