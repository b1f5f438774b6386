"""The lead's settling of set 55's label conflicts (README "The round on set 55 (r55b)"): a government's year of work
named by its parts or its points is another list, whose items are no plan's task count — pinned with constructed cases
(no corpus text), positives where a plan's own count stands beside the same words."""
from __future__ import annotations

import pytest

from archive.timeliness.fields import problem_count


@pytest.mark.parametrize(("text", "expected"), [
    ("常务会议确定了今年政府工作8个方面45项重点任务", None),
    ("會議明確了本年度政府工作六個方面30項重點任務", None),  # traditional script, Chinese numerals
    ("《2023年区政府工作要点》明确36项重点任务", None),
    ("市政府工作部门对照督察反馈意见，梳理形成整改任务28项", 28),  # a government's departments: the plan's own count
    ("对照中央生态环境保护督察反馈意见，从6个方面明确整改任务41项", 41),  # a plan's own parts
    ("区政府制定整改方案，明确32项整改任务", 32),
])
def test_government_year_of_work_is_another_list(text: str, expected: int | None) -> None:
    assert problem_count(text) == expected
