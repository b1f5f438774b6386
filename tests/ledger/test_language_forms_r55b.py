"""Round r55b (set 55's dev rows, then older misses of the info-block, citation, inspection, task-count and feedback
readers): the forms its mechanisms read, pinned with constructed cases (no corpus text) — positives in forms no row has,
negatives where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block

Key = tuple[str, int | None, int | None, int | None, bool, bool]


def _naming(text: str) -> Key | None:
    found = inspection_name(text)
    return found.key() if found else None


# -- N1 inspection: a bare 督察 right after a level and its round or batch names that level's round (第一轮市级督察 of a
#    municipality, 省第二轮督察, 自治区首批督察); a bare 督察 with no level, or a level with no round, names none
@pytest.mark.parametrize(("text", "expected"), [
    ("今年完成对浦东新区、闵行区的督察后,第一轮市级督察将实现全覆盖。", ("provincial", 1, None, None, False, False)),
    ("我省第二轮省级督察将于年底前完成。", ("provincial", 2, None, None, False, False)),
    ("自治区首批督察已进驻甲盟。", ("provincial", None, 1, None, False, False)),
    ("首輪省級督察已全部完成反饋。", ("provincial", 1, None, None, False, False)),  # traditional script
    ("中央第三轮督察即将启动", ("central", 3, None, None, False, False)),
    ("省级督察将于下月开展", None),  # a level with no round: none
    ("开展了第二轮督察,发现问题12个", None),  # a round with no level: none
    ("第二轮市级督察对甲县开展检查", None),  # a city's own 市级, no municipality named: none
    ("第二轮中央和省级督察反馈问题整改", None),  # two levels joined: none (sets 9, 12)
    ("省级督察员到现场检查", None),  # an inspector, no inspection
])
def test_level_round_bare_inspection(text: str, expected: Key | None) -> None:
    assert _naming(text) == expected


# -- N1's licence: a bare 督察 with no level keeps completing the naming before it with its round or batch (_BARE_ROUND)
@pytest.mark.parametrize(("text", "expected"), [
    ("今年2月,甲省启动首轮省级环保督察,第一批督察对象为乙、丙两市", ("provincial", 1, 1, None, False, False)),
    ("中央环境保护督察组已完成反馈,至此,第一轮督察实现全覆盖。", ("central", 1, None, None, False, False)),
])
def test_bare_round_still_completes(text: str, expected: Key) -> None:
    assert _naming(text) == expected


# -- T1 task count: a remainder's count (其余 / 余下 / 剩下 N项) is no plan's total, alone or after the total
@pytest.mark.parametrize(("text", "expected"), [
    ("其余15项整改任务正按序时推进。", None),
    ("余下7个问题拟于明年6月底前完成整改", None),
    ("剩下的3项整改任务正在推进", None),
    ("其余的9个问题已达序时进度", None),
    ("甲市38项整改任务已完成30项,其余8项正加快推进", 38),  # the total before the remainder
    ("第二轮督察反馈问题27个,其余问题正在梳理", 27),  # 其余 with no count after it
])
def test_remainder_is_no_total(text: str, expected: int | None) -> None:
    assert problem_count(text) == expected


# -- I1 info block: a slash printed for the label's colon (来源/ 某报 作者/ 时间/…) is no part of the value
@pytest.mark.parametrize(("text", "publisher", "posted"), [
    ("来源/ 甲乙日报 作者/ 时间/2025-04-09 08:30:12", "甲乙日报", "2025-04-09"),
    ("来源／丙丁晚报 时间／2024-01-02", "丙丁晚报", "2024-01-02"),
    ("來源/ 甲乙日報 時間/2023-11-05", "甲乙日報", "2023-11-05"),  # traditional script
    ("来源:甲乙日报/甲乙网 2024-02-03", "甲乙日报/甲乙网", "2024-02-03"),  # a slash inside the value stays
    ("日期/时间: 2024-05-06 10:00", None, "2024-05-06"),  # a label pair's slash names no publisher
])
def test_slash_as_label_colon(text: str, publisher: str | None, posted: str | None) -> None:
    block = info_block(text)
    assert (block.publisher, block.posted) == (publisher, posted)
