"""Round r56a (set 56's dev rows, status and deadline): the constructions read, pinned by constructed cases (no corpus
text), with their near misses."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class

STATUS = [
    # S1 a reply class solved or basically solved: the weaker state
    ("已经解决或基本解决的(甲类)15件,占总数的20%", "mostly_done"),
    ("已处理或基本处理完毕的建议8件", "mostly_done"),
    ("已经解决或采纳的建议40件", "done"),
    # S2 progress as expected or better, half the tasks at half the time
    ("各项指标进展总体符合预期", "on_track"),
    ("重点工程进度基本符合计划", "on_track"),
    ("全县项目超过预期进度", "on_track"),
    ("规划实施实现了“时间过半、任务过半”", "on_track"),
    ("项目进展不符合预期", "other"),
    ("力争进展符合预期", "other"),
    ("确保实现时间过半、任务过半", "other"),
    ("未能实现“时间过半、任务过半”", "other"),
    # S3 a completion reached late
    ("整改工作拖延了3个月才完成", "done"),
    ("该项目逾期5天才整改到位", "done"),
    ("整改工作拖延了3个月", "behind"),
    ("不得拖延,确保按期完成", "other"),
    # S4 a list of states closed by the count of its classes
    ("按照已完成、正在整改和尚未整改三种类型建立台账", "other"),
    ("将问题分为已销号、正在推进和未完成三类", "other"),
    ("已完成整改8个,正在整改2个", "on_track"),
    ("已完成清理、拆除和复垦三个环节", "done"),
    # S5 a state kept, not a work
    ("河流断面水质长期保持达到考核标准", "other"),
    ("长期保持严打高压态势", "ongoing"),
    # S6 a rate passed or a share of counted things ended
    ("1200项整改任务,总体完成率超过95%", "done"),
    ("全省356个黑臭水体消除比例达到96.5%", "done"),
    ("黑臭水体消除比例达到96.5%", "other"),
    ("力争356个黑臭水体消除比例达到90%", "other"),
    ("共受理80件信访件办结率为90%", "other"),
    # S7 progress judged slack
    ("该企业治理进展不力", "behind"),
    ("防止整改进展不力", "other"),
    ("1 2 0 0 项 整 ( z h ě n g ) 改 任 务 , 总 体 完 成 率 超 ( c h ā o ) 过 9 5 %", "done"),
]

DEADLINE = [
    # D1 problems that need long work, named for their duty
    ("对需要长期治理的问题,要久久用力", (None, "ongoing")),
    ("对需要长期努力的问题,要持续跟进", (None, "ongoing")),
    ("河流断面水质长期保持达到考核标准", None),
    # D2 a window from a notice's day with no 本 before it
    ("自公告发布之日起至2023年9月30日24时止。", ("2023-09-30", "date")),
    ("自通知印发之日起至2023年9月30日止。", ("2023-09-30", "date")),
    # D3 a past span in which work was done
    ("5个项目已实现2个月内完成", None),
    ("均已在10日内办结", None),
    ("已要求2个月内完成", (None, "relative")),
    ("要求30日内完成整改", (None, "relative")),
    # D4 a clock time with its unit written twice
    ("请于2023年5月8日17:00点前报送", ("2023-05-08", "date")),
    ("2023年5月8日17:00点,召开会议", None),
    ("请于2023.5.0817:00前报送", ("2023-05-08", "date")),
    ("自公告发布之日起至2023-09-3024时止。", ("2023-09-30", "date")),
    # a mirror's letter-spaced inline pinyin taken out (archive.script_fold)
    ("对 需 要 长 ( z h ǎ n g ) 期 治 理 的 问 题 , 要 久 久 用 力", (None, "ongoing")),
]


@pytest.mark.parametrize(("text", "want"), STATUS)
def test_status(text: str, want: str) -> None:
    assert status_class(text) == want


@pytest.mark.parametrize(("text", "want"), DEADLINE)
def test_deadline(text: str, want: tuple[str | None, str] | None) -> None:
    d = deadline(text)
    assert (None if d.kind == "unknown" else (d.iso(), d.kind)) == want
