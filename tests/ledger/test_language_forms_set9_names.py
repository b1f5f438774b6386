"""Forms fresh set 9 showed unread in inspection namings and detail-page info blocks, read as grammar (issue 21); every
text here is our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from crawler.extraction.info import info_block


@pytest.mark.parametrize("text", [
    # a title whose head is a kind of rule (要求, 纪律, 规范, 指南 …) names a document, not the inspection
    "现将《某省生态环境保护督察工作纪律》印发给你们。",
    "请对照《某省生态环境保护督察工作要求》开展自查。",
    "现印发《某省生态环境保护督察工作规范(2021年修订)》,请遵照执行。",
    "依据《中央生态环境保护督察工作指南》做好配合。",
    # a central and a provincial inspection named together in one clause: two levels, so none
    "对中央生态环境保护督察交办问题以及省生态环境保护督察交办问题一并建立台账。",
    "省环保督察组和中央环保督察组交办的信访件均已办结",
])
def test_titles_of_rules_and_two_levels_together_name_no_inspection(text):
    assert inspection_name(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # a batch counting its groups with a total's 共 / 共计 before the verb and 了 after it
    ("第二批共派出了6个中央生态环境保护督察组,进驻各省。", ("central", None, 2, None, False, False)),
    ("第三轮第一批共计组建7个中央生态环境保护督察组", ("central", 3, 1, None, False, False)),
    # a plan's title still names the inspection it answers; two levels in different sentences keep the first
    ("印发《第二轮中央生态环境保护督察反馈意见整改方案》", ("central", 2, None, None, False, False)),
    ("中央生态环境保护督察组进驻期间,省环保督察组也到我县。", ("central", None, None, None, False, False)),
])
def test_inspection_namings_of_set9(text, key):
    name = inspection_name(text)
    assert name is not None and name.key() == key


@pytest.mark.parametrize(("text", "publisher", "posted"), [
    # a value saying the source is unknown, or a CMS code, names no body; the day after it is still the posting day
    ("作者:本站编辑 来源:不详 2021-05-06 我要评论", None, "2021-05-06"),
    ("来源:佚名 2021年5月6日 浏览:12", None, "2021-05-06"),
    ("来源:Unknown 2021-05-06", None, "2021-05-06"),
    ("来源:某县生态环境分局 2021-05-06 点击:5", "某县生态环境分局", "2021-05-06"),
    # a bare byline: a journal's or a programme's name alone before its day (with its time) is the publisher
    ("生态文明 2022-07-08", "生态文明", "2022-07-08"),
    ("焦点访谈\n2022-07-08 19:38:00", "焦点访谈", "2022-07-08"),
    ("《某某杂志》 2023年5月6日", "某某杂志", "2023-05-06"),
    # a column, a weekday or a body signing is no byline
    ("工作动态 2022-07-08", None, "2022-07-08"),
    ("星期五 2022-07-08", None, "2022-07-08"),
])
def test_info_block_forms_of_set9(text, publisher, posted):
    block = info_block(text)
    assert (block.publisher, block.posted) == (publisher, posted)


def test_a_signer_above_a_day_is_a_signature_even_when_its_ri_is_lost():
    assert info_block("某某市生态环境局\n2022年3月17").value() == (None, None, "2022-03-17", None)
    assert info_block("某某协调联络组\n2022年3月17日").value() == (None, None, "2022-03-17", None)  # no byline
