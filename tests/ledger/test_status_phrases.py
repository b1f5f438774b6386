"""The status phrases (``archive.ledger.status_phrases``) read through ``status_class``: cases found in review, our own
sentences, none a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.status import status_class


@pytest.mark.parametrize("text", ["整改工作不得拖延。", "项目严禁拖延。", "工程进度不能延误。", "施工要避免延误。"])
def test_a_delay_forbidden_is_no_state(text: str) -> None:
    assert status_class(text) == "other"


@pytest.mark.parametrize("text", ["项目工期有所延误。", "工程进度严重滞后，工期延误。"])
def test_a_delay_reported_is_behind(text: str) -> None:
    assert status_class(text) == "behind"


def test_a_share_of_the_works_done_is_on_track() -> None:
    assert status_class("目前完成总工程量的70%。") == "on_track"


@pytest.mark.parametrize("text", ["目前完成总工程量的100%。", "目前完成总投资的100%，"])
def test_the_whole_works_done_is_no_share_under_way(text: str) -> None:
    assert status_class(text) != "on_track"


def test_works_waited_for_are_not_done() -> None:
    assert status_class("待工程竣工，组织验收。") != "done"
    assert status_class("整改任务完成。") == "done"
