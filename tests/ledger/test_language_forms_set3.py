"""Forms fresh set 3 showed unread, read as grammar (issue 21): each with what a reader must (not) read."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import cited_numbers, deadline
from archive.ledger.progress import status_class
from archive.timeliness.fields import feedback_date, problem_count
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "numbers"), [
    ("区住建局正在推进3-5号整改任务", [3, 4, 5]),  # a range closed by 号 before 整改任务
    ("其中由县水利局负责的第2件、县林业局负责的第6、7件事项进展滞后", [2, 6, 7]),  # items counted with 件
    ("共受理信访件12件", []),  # a count, no 第
    ("1号文件已印发", []),  # 号 not before 问题/任务
])
def test_citations_closed_by_hao_or_jian(text, numbers):
    assert cited_numbers(text) == numbers


@pytest.mark.parametrize(("texts", "key"), [
    # the round and batch said apart from the group (the count of groups between them and the level)
    (("中央第五生态环境保护督察组督察江西省动员会召开。至此,第二轮第三批8个中央生态环境保护督察组全部进驻",),
     ("central", 2, 3, 5, False, False)),
    (("第三轮中央生态环境保护督察启动。第二批组建6个中央生态环境保护督察组",), ("central", 3, 2, None, False, False)),
    (("20个省份开展了省级层面环保督察",), ("provincial", None, None, None, False, False)),
])
def test_inspection_round_and_batch_around_a_count_of_groups(texts, key):
    name = inspection_name(*texts)
    assert name is not None and name.key() == key


def test_a_party_inspection_feedback_is_not_the_inspectors():
    assert feedback_date("5月8日,区委第二巡察组向区卫健局党委反馈了巡察情况", context_year=2023) is None
    found = feedback_date("5月8日,省生态环境保护督察组向我市反馈了督察情况", context_year=2023)
    assert found is not None and found.iso() == "2023-05-08"


@pytest.mark.parametrize(("text", "context_year", "expected"), [
    ("进驻时间:2019年4月2日—5月2日", None, None),  # an inspection's stay
    ("现场检查期间(2019年6月3日至6月20日),开通举报电话", None, None),
    ("第二轮省级生态环境保护督察5月8日全面启动", 2021, None),  # a launch
    ("2022年3月在市人大常委会第九次会议上", None, None),  # a meeting
    ("2016年5月6日,省委召开常委会议研究部署", None, None),  # a news lead
    ("区督查室对1-6月份项目进展情况进行督查", 2021, None),  # a progress check's months
    ("请在公示期间(2024年3月1日至2024年3月7日)反映", None, ("2024-03-07", "date")),  # a window in brackets
    ("确保各项目顺利完成年度任务", 2021, ("2021-12-31", "date")),  # the plan's year
])
def test_deadline_is_never_an_event_day(text, context_year, expected):
    d = deadline(text, context_year=context_year)
    assert (None if d.kind == "unknown" else (d.iso(), d.kind)) == expected


@pytest.mark.parametrize(("text", "status"), [
    ("部分民生项目进度相对缓慢", "behind"),
    ("剩余2个正在组织验收", "on_track"),
    ("交办的信访件已全部整改销号", "done"),
])
def test_status_forms(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "count"), [
    ("纳入整改方案的86项突出环境问题已解决大半", 86),
    ("专项审计发现问题涉及我区的共三类12个具体问题", 12),
])
def test_task_counts(text, count):
    assert problem_count(text) == count


def test_a_newspaper_masthead_is_the_publisher_and_its_issue_date_the_posting():
    block = info_block("国内统一刊号:CN11-0001 某市日报社出版 新闻热线:12345 2022年5月6日")
    assert block.value() == ("某市日报社", "2022-05-06", None, None)
