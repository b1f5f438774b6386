"""The real postings in ../shared/seeds: counts, citations and close-outs the ledger must read."""
from __future__ import annotations

from pathlib import Path

import pytest

from archive.ledger.link import PlanTask, link_notice
from archive.ledger.numbers import cited_numbers
from archive.ledger.speaks_for import inspection_of
from archive.ledger.tasks import tasks_from_text
from archive.timeliness.fields import deadline_schedule, problem_count


def _seed(shared_dir: Path, prefix: str) -> str:
    return next((shared_dir / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_zhaotong_plan_states_68_problems_as_3_plus_41_plus_24(shared_dir):
    text = _seed(shared_dir, "002")
    assert problem_count(text) == 68
    schedule = deadline_schedule(text)
    assert [(s["deadline"], s["count"]) for s in schedule] == [("2023-12-31", 3), ("2024-12-31", 41), ("2025-12-31", 24)]
    assert sum(s["count"] for s in schedule) == 68
    assert inspection_of("", text)["level"] == "provincial"
    assert tasks_from_text(text) == []  # the list itself is only in the attachment (整改措施清单)


def test_seed_000_form_closes_task_1_of_the_sichuan_plan(shared_dir):
    form = _seed(shared_dir, "000")
    assert cited_numbers(form) == [1]
    province = {1: {1: PlanTask(101, 1, 1, "四川省生态环境保护虽然取得明显进展和成效，但对标习近平总书记对四川省生态环境保护的"
                                          "重要指示批示要求，仍有差距，一些突出生态环境问题亟待解决"),
                    2: PlanTask(102, 1, 2, "长江、黄河上游生态保护修复不到位")}}
    texts = [("title", "第二轮中央生态环境保护督察整改任务验收销号公示", []), ("body", "现予公示（见附件）。", []),
             ("attachment:7", form, [])]
    links = link_notice(texts, province)
    assert [(link.task_id, link.status, link.location) for link in links] == [(101, "confirmed", "attachment:7")]
    assert links[0].similarity is not None and links[0].similarity >= 0.5


def test_seed_003_liaoning_notice_names_its_task_without_a_number(shared_dir):
    text = _seed(shared_dir, "003")
    title = text.splitlines()[0]
    assert cited_numbers(text) == []
    plan = {1: {1: PlanTask(201, 1, 1, "深入学习贯彻习近平生态文明思想"), 2: PlanTask(202, 1, 2, "“两高”项目管控不力")}}
    links = link_notice([("title", title, []), ("body", text, [])], plan)
    assert [(link.task_id, link.status) for link in links] == [(201, "confirmed")]
    assert inspection_of(title, text)["level"] == "central"


@pytest.mark.parametrize("prefix", ["001", "004"])
def test_notices_and_news_are_not_task_lists(shared_dir, prefix):
    text = _seed(shared_dir, prefix)
    assert tasks_from_text(text) == []
    assert cited_numbers(text) == []
