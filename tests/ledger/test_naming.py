"""Inspection naming as a grammar (level × round × batch × group × 回头看/专项), on real wordings."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.speaks_for import inspection_of


@pytest.mark.parametrize(("text", "key"), [
    ("定西市工信局关于对省级第二轮环保督察反馈第四项问题整改完成情况的公示", ("provincial", 2, None, None, False, False)),
    ("省第五生态环境保护督察组副组长应邀列席会议", ("provincial", None, None, 5, False, False)),
    ("中央第三环境保护督察组督察反馈意见", ("central", None, None, 3, False, False)),
    ("第二轮第三批省级生态环境保护督察完成督察反馈工作", ("provincial", 2, 3, None, False, False)),
    ("中央第五环境保护督察组 向广东省反馈“回头看”及专项督察情况", ("central", None, None, 5, True, True)),
    ("中央第五生态环境保护督察组(以下简称督察组)对四川省开展了第二轮生态环境保护督察", ("central", 2, None, 5, False, False)),
    ("(第二轮湖南省生态环境保护督察)", ("provincial", 2, None, None, False, False)),
])
def test_namings_read_level_round_batch_group(text, key):
    assert inspection_name(text).key() == key


@pytest.mark.parametrize("text", [
    "根据《中央生态环境保护督察工作规定》《中央生态环境保护督察整改工作办法》有关要求",
    "会议传达了《杨陵区配合做好中省环保督察反馈问题验收销号核查工作方案》",
    "省政府第二督查组组长",
    "主持召开中央和省环保督察反馈问题整改调度会",
])
def test_rule_titles_and_mixed_levels_name_no_inspection(text):
    assert inspection_name(text) is None


def test_a_rule_title_does_not_make_a_provincial_inspection_central():
    text = "按照《中央生态环境保护督察整改工作办法》要求，现将2023年天津市生态环境保护督察反馈问题第7项整改情况公示"
    assert inspection_of("", text) == {"level": "provincial", "round": "", "batch": ""}
