"""Round r62a: the on_track / done boundary — a completion of a stage or a first completion is the work in hand, not
the rectification done (constructed cases, no corpus text)."""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class

ON_TRACK = [
    "已经完成阶段性整改任务。",  # set 35's convention
    "已完成阶段性整改任务,持续巩固提升。",
    "已完成阶段性目标任务,持续推进。",
    "已完成阶段性整改任務,持續鞏固提升。",  # traditional script
    "初步完成整改。",
    "已初步完成整改任务。",
    "整改已初步完成,持续巩固提升。",
    "全市已初步完成12项整改任务。",
    "整改进展:已初步完成。",  # a bulletin's cell
    "已初步完成整改,持續鞏固提升。",
]

DONE = [
    "已完成整改并通过验收。",
    "已完成整改。",
    "已完成整改,长期坚持。",
    "整改任务已全部完成。",
    "已完成整改任务,阶段性目标已实现。",
    "已完成初步验收和整改,通过销号。",
]


@pytest.mark.parametrize("text", ON_TRACK)
def test_stage_or_first_completion_is_on_track(text: str) -> None:
    assert status_class(text) == "on_track"


@pytest.mark.parametrize("text", DONE)
def test_the_whole_done_stays_done(text: str) -> None:
    assert status_class(text) == "done"


def test_aim_of_a_first_completion_is_none() -> None:
    assert status_class("确保2021年底前初步完成整改。") != "on_track"
