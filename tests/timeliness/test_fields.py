"""Tests for archive.timeliness.fields."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.timeliness.fields import (
    acceptance_date,
    deadline_schedule,
    extract_fields,
    feedback_date,
    find_doc_numbers,
    objection_contact,
    problem_count,
    responsible_units,
    task_number,
)

D = dt.date


def test_liaoning_seed_003_acceptance_and_contact(seeds: dict[str, str]) -> None:
    acc = acceptance_date(seeds["003"])
    assert acc is not None and acc.value == D(2023, 1, 17)
    assert objection_contact(seeds["003"]) == {
        "phone": "024-62788397", "address": "沈阳市浑南区双园路30号", "postcode": "110161",
        "unit": "省生态环境保护督察和整改工作领导小组办公室"}


def test_sichuan_seed_000_acceptance_form(seeds: dict[str, str]) -> None:
    assert task_number(seeds["000"]) == {"raw": "第一项整改任务", "number": 1}
    assert responsible_units(seeds["000"]) == "各市（州）党委、政府，省直有关部门"


def test_zhaotong_seed_002_plan(seeds: dict[str, str]) -> None:
    fb = feedback_date(seeds["002"])
    assert fb is not None and fb.redacted and fb.value is None  # "于9月1 (略) 进行了反馈": never guessed
    assert problem_count(seeds["002"]) == 68
    assert [(s["deadline"], s["count"]) for s in deadline_schedule(seeds["002"])] == [
        ("2023-12-31", 3), ("2024-12-31", 41), ("2025-12-31", 24)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2021年12月10日，中央第三生态环境保护督察组向我省反馈督察意见。", D(2021, 12, 10)),
        ("督察组于2023年9月14日进行了反馈。", D(2023, 9, 14)),
        ("二〇二一年八月二十六日召开督察反馈会。", D(2021, 8, 26)),
        ("督察组于9月1x日进行了反馈。", None),
    ],
)
def test_feedback_date_forms(text: str, expected: D | None) -> None:
    fb = feedback_date(text, context_year=2023)
    assert fb is not None and fb.value == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("省督改办于2023年1月17日对该问题进行了现场验收。", D(2023, 1, 17)),
        ("验收时间：2024年3月5日", D(2024, 3, 5)),
        ("按照验收销号办法，2024年3月5日公示。", None),
    ],
)
def test_acceptance_date_forms(text: str, expected: D | None) -> None:
    acc = acceptance_date(text)
    assert (acc.value if acc else None) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("第5项问题", {"raw": "第5项问题", "number": 5}), ("第十二项整改任务", {"raw": "第十二项整改任务", "number": 12}),
     ("问题编号：23", {"raw": "问题编号：23", "number": 23}), ("第二轮督察", None)],
)
def test_task_number(text: str, expected: dict | None) -> None:
    assert task_number(text) == expected


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("（环督察〔2022〕58号）", ["环督察〔2022〕58号"]),
        ("川环委[2023]1号", ["川环委〔2023〕1号"]),
        ("粤环(2019)12號", ["粤环〔2019〕12号"]),
        ("以川环委（2023）1号文件印发", ["川环委〔2023〕1号"]),
        ("苏环办【2021】5号", ["苏环办〔2021〕5号"]),
        ("湘环函〔2024〕 17 号", ["湘环函〔2024〕17号"]),
        ("国办发〔2019〕第3号", ["国办发〔2019〕3号"]),
        ("川环发2019年12号", ["川环发〔2019〕12号"]),
        ("川环委〔2023〕1号 … 川环委[2023]1号", ["川环委〔2023〕1号"]),
        ("2023年1号台风", []),
    ],
)
def test_doc_number_variants(text: str, canonical: list[str]) -> None:
    assert [d.canonical for d in find_doc_numbers(text)] == canonical


def test_extract_fields_takes_each_field_from_the_first_text_stating_it(seeds: dict[str, str]) -> None:
    out = extract_fields(["现予公示，自发布之日起10个工作日内。", seeds["003"]])
    assert out["acceptance_date"] == "2023-01-17"
    assert out["objection_contact"]["phone"] == "024-62788397"
    assert out["doc_numbers"] == [] and out["deadline_schedule"] == []


@pytest.mark.parametrize(("text", "context_year", "expected"), [
    ("2023年9月1日，省第二生态环境保护督察组向我市反馈了督察情况", None, "2023-09-01"),
    ("自2021年2月24日起,省生态环境保护督察组陆续向乐山、遂宁等6市反馈第二轮第三批省级生态环境保护督察意见", None, "2021-02-24"),
    ("并于2017年4月完成督察反馈", None, "2017-04-01"),
    ("经党中央、国务院批准,5月8日至12日,各督察组对督察对象进行了反馈", 2020, "2020-05-08"),
    ("2016年7月至8月开展督查工作,并于当年11月形成督查意见全部反馈到地方", None, "2016-11-01"),
    ("时间发布:2022-11-11\n督察组向我市反馈了督察情况", 2022, None),  # the posting line is not the feedback
])
def test_feedback_dates_come_only_from_a_feedback_sentence(text, context_year, expected):
    found = feedback_date(text, context_year=context_year)
    assert (found.iso() if found else None) == expected


@pytest.mark.parametrize(("text", "count"), [
    ("统筹整合形成24项整改任务", 24),
    ("整改任务清单包括43项整改任务，涉及4个方面的问题", 43),
    ("第二轮中央生态环境保护督察整改方案共明确整改任务2164项", 2164),
    ("梳理出4大类56条整改措施清单", 56),
    ("锦州市承接海洋督察反馈意见整改措施清单中明确的任务是21个", 21),
    ("7省市已完成313项整改任务", None),
    ("第一轮省级环保督察发现的8924个生态环境问题", None),
    ("3市共确定需要整改154个问题", None),  # three cities' plans added up: no one plan's count (corpus convention)
    ("全市共确定需要整改154个问题", 154),
])
def test_stated_task_counts_count_tasks_only(text, count):
    assert problem_count(text) == count
