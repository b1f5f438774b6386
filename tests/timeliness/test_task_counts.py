"""The plan's task count (``archive.timeliness.task_counts``) on cases found in review: our own sentences, none a
corpus row."""
from __future__ import annotations

import pytest

from archive.timeliness.task_counts import task_count


@pytest.mark.parametrize("text", ["整改任务3个月内完成", "整改任务5个工作日内报送"])
def test_a_span_counted_in_个_is_no_task_count(text: str) -> None:
    assert task_count(text) is None


def test_a_total_after_the_tasks_is_read() -> None:
    found = task_count("整改任务32个")
    assert found is not None and found.count == 32
