"""Round r56b (set 56's dev rows, then the older misses and the families of counts that are not a plan's tasks): the
forms its mechanisms read, pinned with constructed cases (no corpus text) — positives in forms no row has, near misses
where the cue stands without its licence."""
from __future__ import annotations

import pytest

from archive.timeliness.fields import problem_count


# -- T1 task count: a completion or a remainder opening the clause governs the count past the items it lists with 、
#    (the part done or left); a due completion or a plan's verb before the items states the whole
@pytest.mark.parametrize(("text", "expected"), [
    ("剩余甲工程、乙改造2项任务暂未启动施工。", None),
    ("高质量完成甲整治、乙淘汰等19项整改任务。", None),
    ("其余甲河治理、乙湖清淤等3项整改任务正在推进。", None),
    ("已完成甲项目、乙项目等12项整改任务。", None),
    ("需完成甲整治、乙淘汰等5项整改任务。", 5),  # due: the whole
    ("整改方案明确了甲整治、乙淘汰等5项整改任务。", 5),  # the plan's verb: the whole
    ("明确了完成率、达标率等5项整改任务。", 5),  # 完成率 is no completion
    ("督察反馈甲、乙等5个方面问题,整改方案确定整改任务32项。", 32),  # the items in another clause
])
def test_governed_list(text: str, expected: int | None) -> None:
    assert problem_count(text) == expected


# -- T2 task count: a calendar year glued to the count is that year's share; a year naming the inspection, or a date's
#    year, is not
@pytest.mark.parametrize(("text", "expected"), [
    ("各项整改任务扎实推进,2021年28项任务全部完成。", None),
    ("按计划节点推进,2023年 16项整改任务已全部完成。", None),
    ("2022年度15项整改任务已完成。", None),  # as before
    ("2018年中央环保督察反馈的32项问题已完成整改20项。", 32),  # the year names the inspection
    ("截至2021年,整改方案明确的40项整改任务已完成35项。", 40),  # a date's year in another clause
])
def test_year_share(text: str, expected: int | None) -> None:
    assert problem_count(text) == expected


# -- T3 task count: a work programme's tasks named with 中 right before the count are that programme's; the
#    rectification's (整改工作任务中) or the feedback's (问题中) are not
@pytest.mark.parametrize(("text", "expected"), [
    ("重点工作任务中,137项任务均正常推进。", None),
    ("目标任务中12项整改任务已完成。", None),
    ("全年重点工作任务中，58项任务进展顺利。", None),
    ("整改工作任务中,37项整改任务正常推进。", 37),
    ("督察反馈的问题中,45项整改任务正常推进。", 45),
])
def test_work_list_before(text: str, expected: int | None) -> None:
    assert problem_count(text) == expected
