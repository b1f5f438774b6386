"""Set 24–25 dev rows' unread constructions in the naming, task-count and info-block readers (issue 21), pinned with
our own sentences (never corpus rows): positives in a writer's variants and near misses that must not fire."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name

P = "provincial"


def _key(text: str) -> tuple | None:
    return named.key() if (named := inspection_name(text)) else None


# -- inspection: a year between the level and the naming is the year's inspection of that level ------------------


@pytest.mark.parametrize(("text", "key"), [
    ("天津市2023年生态环境保护督察全面启动", (P, None, None, None, False, False)),
    ("上海市2024年生態環境保護督察正式啟動,督察對象為5個區", (P, None, None, None, False, False)),
    ("北京市2022年度生态环境保护督察进驻某区", (P, None, None, None, False, False)),
    ("重庆市2021年环保督察组向某区反馈督察情况", (P, None, None, None, False, False)),
    ("某某省2023年第二轮生态环境保护督察启动", (P, 2, None, None, False, False)),
    ("自治区2020年第一批生态环境保护例行督察完成反馈", (P, None, 1, None, False, False)),
    ("省级 2019 年环境保护专项督察进驻某市", (P, None, None, None, False, True)),
    ("某某省2018年环保督察“回头看”进驻某市", (P, None, None, None, True, False)),
])
def test_a_year_between_a_level_and_its_naming(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "2023年生态环境保护督察全面启动",  # a year and no level names none
    "某某市2023年生态环境保护督察全面启动",  # a city's own inspection is no level of the ledger's
    "某某县2022年度环保督察工作总结",  # a county's
    "2021年环保督察反馈问题整改情况",  # a year alone, no level
])
def test_a_year_with_no_level_names_none(text):
    assert _key(text) is None


# -- inspection: two levels are named together only in one clause; a level in a later clause is what the first acts on


@pytest.mark.parametrize(("text", "key"), [
    ("开展省级生态环境保护专项督察,全面检查8个市和2个园区两轮中央生态环境保护督察整改情况",
     (P, None, None, None, False, True)),
    ("開展省級生態環境保護專項督察,全面檢查各市和各園區中央生態環境保護督察整改情況",
     (P, None, None, None, False, True)),
    ("某某省第二轮生态环境保护督察进驻某市,重点督察该市和3个县中央环保督察反馈问题整改", (P, 2, None, None, False, False)),
    ("省环保督察组进驻以来,检查了10个企业和各县区中央环保督察交办件办理情况", (P, None, None, None, False, False)),
    ("中央第三生态环境保护督察组进驻某省,同时关注各市和省生态环境保护督察整改", ("central", None, None, 3, False, False)),
    ("自治区生态环境保护例行督察启动,督察范围包括5个盟市及自治区直属部门和中央督察整改",
     (P, None, None, None, False, False)),
    ("省级环保专项督察组进驻某市，核查该市和所属县中央环保督察整改", (P, None, None, None, False, True)),
    ("第二轮中央生态环境保护督察进驻某省,督察各市和各部门省环保督察问题整改", ("central", 2, None, None, False, False)),
])
def test_a_level_in_a_later_clause_is_no_second_level(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "中央环保督察反馈问题和省环保督察反馈问题整改进展顺利",  # joined in one clause: two levels, none
    "中央生态环境保护督察及省生态环境保护督察反馈问题",
    "中央环保督察交办件与省级环保督察交办件办结情况",
    "中央环保督察、省环保督察反馈问题整改推进会召开",
])
def test_two_levels_in_one_clause_still_name_none(text):
    assert _key(text) is None


# -- inspection: two groups of one level named side by side give no group -------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("某某省第四生态环境保护督察组向甲市反馈督察情况、第五生态环境保护督察组向乙市反馈督察情况。", (P, None, None, None, False, False)),
    ("省第一环境保护督察组进驻甲市,第二环境保护督察组进驻乙市", (P, None, None, None, False, False)),
    ("中央第三生态环境保护督察组向甲省反馈,第六生态环境保护督察组向乙省反馈", ("central", None, None, None, False, False)),
    ("自治区第二生态环境保护督察组和第三生态环境保护督察组分别进驻两个盟市", (P, None, None, None, False, False)),
    ("某某省第一轮第二环保督察组进驻甲市、第四环保督察组进驻乙市", (P, 1, None, None, False, False)),
    ("省第七生態環境保護督察組向甲市反饋、第八生態環境保護督察組向乙市反饋", (P, None, None, None, False, False)),
    ("某某省第十生态环境保护督察组与第十一生态环境保护督察组同日进驻", (P, None, None, None, False, False)),
    ("中央第一生态环境保护督察组进驻甲省、第二生态环境保护督察组进驻乙省“回头看”", ("central", None, None, None, True, False)),
])
def test_two_groups_named_together_give_none(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    ("某某省第四生态环境保护督察组向甲市反馈督察情况。第五生态环境保护督察组次日进驻乙市", (P, None, None, 4, False, False)),
    ("省第二生态环境保护督察组进驻甲市,第二生态环境保护督察组组长讲话", (P, None, None, 2, False, False)),
    ("中央第三生态环境保护督察组向某省反馈督察意见", ("central", None, None, 3, False, False)),
    ("某某省第六环境保护督察组进驻甲市,受理信访件20件", (P, None, None, 6, False, False)),
])
def test_one_group_or_groups_in_two_sentences_keep_the_first(text, key):
    assert _key(text) == key
