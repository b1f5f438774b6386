"""Forms fresh set 10 showed misread in every reader, read as grammar (issue 21); every text here is our own, built on
the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.naming import inspection_name
from archive.ledger.status import status_class
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "key"), [
    # a round and a batch before a bare 督察 later in the text complete the naming before them
    ("中央第三生态环境保护督察组于2021年4月进驻某省。这是第二轮第三批针对8个省份开展的督察",
     ("central", 2, 3, 3, False, False)),
    # a batch before a bare 督察 (第N批督察对象为…) is the batch of the round named before it
    ("今年5月,某省启动首轮省级环保督察,第二批督察对象为甲、乙两市", ("provincial", 1, 2, None, False, False)),
])
def test_a_round_or_batch_before_a_bare_inspection_completes_the_naming(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


@pytest.mark.parametrize(("text", "count"), [
    # problems the inspectors raised (督察提出的N个问题) are the plan's count
    ("方案对第二轮省级生态环境保护督察提出的18个问题逐一明确责任单位", 18),
    # a completion opening the count's clause makes it work done, no plan's count
    ("2019年底,某市已完成31个乡镇水源地问题和督察组交办的12个问题整治任务", None),
])
def test_task_count_by_who_raised_it_and_a_completion_governing_it(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize(("text", "iso", "kind"), [
    # a five-year plan's period end: 十三五 ends in 2020, 十四五 in 2025, 十一五 in 2010
    ("到“十四五”末,全市空气优良天数比例达90%以上", "2025-12-31", "date"),
    ("到十一五末完成全部关停", "2010-12-31", "date"),
    # a completion in the perfective after the period reports the past: no limit
    ("到2021年下半年,分三批完成了对全部市县的督察。", None, "unknown"),
    # 定期 (at regular times) + a duty is recurring, its period unstated: the second labelling settled the corpus's
    # two readings of 定期通报 that way (README "A second labelling of the held-out fifth")
    ("定期报告整改工作进展", None, "recurring"),
])
def test_deadline_plan_periods_and_past_spans(text, iso, kind):
    found = deadline(text)
    assert (found.iso(), found.kind) == (iso, kind)


@pytest.mark.parametrize(("text", "status"), [
    # a verb of rectifying before 完成 states it done (整治完成, 治理完成)
    ("黑臭水体治理完成年度任务。", "done"),
    # after a part done, the rest pushed on (持续推进N个) is on track
    ("督察反馈的40个问题中,整改完成30个,持续推进10个", "on_track"),
    # 中长期 names a problem's span, not a kept-up duty: the progressive decides
    ("其余5个中长期整改问题正在加紧推进。", "on_track"),
    # problems made public or exposed as not rectified in place are a finding
    ("会上曝光了一批整改不到位的问题", "behind"),
    ("通报会公开了3个整改不到位的典型案例", "behind"),
])
def test_status_forms(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "publisher"), [
    # a site and its paper joined by a dash after the time, before a page control
    ("2021-03-02 11:09:33 某某网-某某日报  点击量: 评论 (0)", "某某网-某某日报"),
    # 稿源 in bracketed fields, the next field's bracket after it
    ("2019-05-01 10:28:23 [稿源:某某卫视] [作者:] [编辑:李明]", "某某卫视"),
])
def test_info_block_publisher_after_time_and_in_brackets(text, publisher):
    assert info_block(text).publisher == publisher
