"""Counts that are a part of a list, or another list's items, by what governs them across words the count's own check
does not look past (``task_counts``): no plan's task count.

* a completion or a remainder opening the count's clause before the items it names, listed with 、 (``剩余甲工程、乙改造2项
  任务暂未启动``, ``高质量完成甲整治、乙淘汰等19项整改任务``): the part done or left, as ``已完成…19项`` with no items
  between (a due completion, ``需完成甲、乙等5项任务``, and a plan's verb, ``明确了甲、乙等5项整改任务``, state the whole);
* a calendar year right before the count (``2021年28项任务全部完成``): that year's share of the plan, as ``年度`` (a year
  naming the inspection, ``2018年中央环保督察反馈的32项问题``, and a date's year, ``截至2021年``, do not);
* a government's work programme named with ``中`` right before the count (``重点工作任务中,137项任务均正常推进``): that
  programme's tasks, as ``工作任务`` glued to the count (``整改工作任务中`` is the rectification's);
* several bodies' counts side by side, each after its body's name (``甲市158项整改任务…,乙市52项整改任务…``): no one
  plan's (``_parallel``, moved here from ``task_counts``).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Protocol

logger = logging.getLogger(__name__)

#: a completion (已完成, 完成 with no modal before it, 办结, 销号) or a remainder (剩余, 其余, 余下, 剩下, 尚有, 还有, 未完成)
#: within the clause's first words, then items listed with 、 (and 等) up to the count, no other number between
_HEAD_GOVERNED = re.compile(
    r"\s*[^，,。；;、\d]{0,6}?(?:已(?:经)?(?:全部|基本)?(?:完成|办结|销号)|(?<![需要须应划争保将拟前内])完成了?(?![率度])"
    r"|未完成|剩余|其余|余下|剩下|尚有|还有)[^，,。；;\d]*、[^，,。；;\d]*$")
#: a year glued to the count (2021年28项), not a date's (截至2021年, 到2021年)
_YEAR_BEFORE = re.compile(r"(?<![\d至止到])(?:19|20)\d{2}\s*年度?\s*$")
#: a work programme's tasks (工作任务, 目标任务; not 整改工作任务) named with 中 right before the count, a comma between or not
_WORK_LIST_BEFORE = re.compile(r"(?<!整改)(?:工作|目标)任务\s*中\s*[，,]?\s*$")


def governed_part(text: str, clause: int, start: int) -> bool:
    """Whether the count at ``start`` (its clause opening at ``clause``) is a part done or left over items it lists, a
    year's share or a work programme's tasks (see the module doc)."""
    return bool(_HEAD_GOVERNED.fullmatch(text, clause, start) or _YEAR_BEFORE.search(text, max(0, start - 8), start)
                or _WORK_LIST_BEFORE.search(text, max(0, start - 16), start))


class Counted(Protocol):
    """A count found in a text: its value and where it starts (``task_counts.TaskCount``)."""

    @property
    def count(self) -> int: ...

    @property
    def start(self) -> int: ...


#: the body a count belongs to, named right before it (赤峰市158项…, 巴彦淖尔市52项…)
_OWNER_BEFORE = re.compile(r"(?P<owner>[\u4e00-\u9fff]{1,8}?[省市县区盟旗州])\s*(?:共|的)?\s*$")


def parallel(text: str, found: Sequence[Counted]) -> bool:
    """Whether the counts are several bodies' side by side (赤峰市158项整改任务…,巴彦淖尔市52项整改任务…): no one plan's."""
    owned: dict[str, set[int]] = {}
    for c in found:
        owner = _OWNER_BEFORE.search(text, max(0, c.start - 12), c.start)
        if owner:
            owned.setdefault(owner.group("owner"), set()).add(c.count)
    return len(owned) >= 2 and len(set().union(*owned.values())) >= 2
