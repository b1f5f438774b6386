"""Forms fresh set 7 showed unread, read as grammar (issue 21): inspections of a province's department or counted by
groups, a group number without 组; task counts after a plan's short name and with their part done; deadlines that are
events or cut-offs; status by an aim, a set time and a longer 正在 phrase; info blocks of news media with no label."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import deadline
from archive.ledger.progress import status_class
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


@pytest.mark.parametrize(("text", "key"), [
    # a province's environment department holds its own inspection (and its 回头看)
    ("6月2日,省生态环境厅环境保护督察组到某县开展督察“回头看”", ("provincial", None, None, None, True, False)),
    # a province or region counting its own groups, with or without the core words before 督察组
    ("宁夏组建了5个督察组,分赴各市开展督察", ("provincial", None, None, None, False, False)),
    ("我省6个环保督察组已对30个县进行了督察", ("provincial", None, None, None, False, False)),
    # 第N after the level with no 轮 is a group, with or without 组 after 督察
    ("某市关于中央第三生态环境保护督察交办信访件的办理情况", ("central", None, None, 3, False, False)),
    ("省第四生态环境保护督察反馈问题整改", ("provincial", None, None, 4, False, False)),
])
def test_inspection_namings_of_set7(text, key):
    found = inspection_name(text)
    assert found is not None and found.key() == key


def test_a_group_count_names_a_province_only_when_a_province_counts():
    assert inspection_name("中央组建了8个督察组") is None  # no province counts them
    assert inspection_name("组建了8个督察组") is None
    assert inspection_name("我省5个省生态环境保护督察组进驻各市").key()[0] == "provincial"


@pytest.mark.parametrize(("text", "count"), [
    # a count after a plan's short name (以下简称…), with 整改 between 具体 and 问题, followed by its part done
    ("《某省贯彻落实中央第三生态环境保护督察组督察反馈意见整改方案》(以下简称《整改方案》)中的58个具体整改问题已完成30个", 58),
    # the part done with its manner between (已按时序进度要求整改完成N个)
    ("2022年警示片披露的120个问题已按时序进度要求整改完成98个", 120),
    # no part done, no feedback: no count
    ("警示片披露的120个问题", None),
    # another list's items stay none
    ("县委印发《交办通知》5期,交办具体工作事项12项", None),
])
def test_task_counts_of_set7(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize("text", [
    "2019年5月20日市人大常委会会议后,市审计局出具整改任务清单",  # a meeting's day, a clause ending in 后
    "2018年4月省委明确严禁新上高耗能项目后,各地坚决落实",  # a past event's month
    "截至2020年6月底,80项整改任务已完成61项",  # a cut-off closed by a comma
    "某区2015年3月被划定为地下水超采区",  # a passive past event
])
def test_set7_dates_that_are_no_last_day(text):
    assert deadline(text).last_day is None


def test_a_cut_off_before_a_completion_stays_a_last_day():
    assert deadline("截至2018年10月底完成整改").last_day.isoformat() == "2018-10-31"
    assert deadline("2020年底前完成整改后组织验收").last_day.isoformat() == "2020-12-31"


@pytest.mark.parametrize(("text", "status"), [
    ("2019年应完成的4项整改任务正在按进度要求积极推进", "on_track"),  # 正在 + eight words + the verb
    ("群众提出的12件建议均在规定时间内办结", "done"), ("8件提案均按期答复", "done"),  # all within the set time
    ("实行清单管理,确保各项整改任务高效有序推进", "other"),  # an aim, not a state
    ("力争整改任务稳步推进", "other"), ("整改任务有序推进", "on_track"),
])
def test_status_of_set7(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "found"), [
    # a medium's name and its day with no label: publisher and posting day (not a signature's 发文 day)
    ("湖南日报 2022年04月06日", ("湖南日报", "2022-04-06", None, None)),
    ("浙江在线 2018年05月12日", ("浙江在线", "2018-05-12", None, None)),
    # glued before a posting label, after a time, on the line above a slashed date
    ("中国环境报发布时间:2022-03-01 09:10:11", ("中国环境报", "2022-03-01", None, None)),
    ("| 2022年06月07日 10时15分 河北日报 |", ("河北日报", "2022-06-07", None, None)),
    ("人民网\n2022/05/06 09:30", ("人民网", "2022-05-06", None, None)),
    # a day leading the labels, with or without a time and a separator
    ("2020年05月06日作者:来源:生态环境部", ("生态环境部", "2020-05-06", None, None)),
    ("2022年08月09日10:15 | 来源:某市融媒体中心", ("某市融媒体中心", "2022-08-09", None, None)),
    # an empty [ ] control ends the value
    ("时间:2020-01-02 10:41  信息来源:某县[ ] 浏览次数: [ 打印 ]", ("某县", "2020-01-02", None, None)),
    # a body's signature day on its own line above an empty 来源: is the document's day, not the posting day
    ("某市人民政府办公厅\n\n2021年6月3日\n\n来源:   作者:   编辑:张三", (None, None, "2021-06-03", None)),
])
def test_info_blocks_of_set7(text, found):
    assert info_block(text).value() == found


def test_a_completion_before_after_keeps_its_last_day():
    assert deadline("2020年6月完成整改后,组织验收").last_day.isoformat() == "2020-06-30"
