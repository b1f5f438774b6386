"""Status, deadline and citation forms the dev rows of fresh sets 15 and 16 showed misread, read as grammar (issue 21);
every text here is our own, built on the construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.numbers import cited_numbers
from archive.ledger.status import status_class


@pytest.mark.parametrize(("text", "status"), [
    # a target or pace named by a phrase before it, not reached
    ("某县污水处理率为61%,未达到85%的年度目标", "behind"),
    ("两个断面连续三个月未达到省考核目标要求", "behind"),
    # the rectification's requirement not reached, its kind named (整改销号要求), as 已达到整改要求 reports it reached
    ("复查发现该企业仍未达到整改验收要求", "behind"),
    ("经复核,已达到整改销号标准", "done"),
    # …reached without 已, after the measures taken in the clause before
    ("已落实全部整改措施,达到销号条件", "done"),
    # a plan's stage standard sought is no state
    ("要确保达到整改验收标准", "other"),
])
def test_a_target_or_requirement_named_before_its_head(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # the manner of a negated completion: 完全, within the set time
    ("部分点位至今没有完全清理到位", "behind"),
    ("三家企业没有在规定期限内完成搬迁", "behind"),
    ("某区未在规定的时间内完成整改", "behind"),
    # the rectification not carried out (未落实整改)
    ("检查发现某公司未落实整改,渣土仍露天堆放", "behind"),
    # a problem not solved, no real progress
    ("群众反映的噪声问题一直未得到有效解决", "behind"),
    ("该项目立项两年来至今无实质性进展", "behind"),
    ("截至目前,关停工作没有任何进展", "behind"),
])
def test_negated_completion_and_no_progress_are_behind(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # the work judged weak or slow: 不力 after its work (工作 between), 不够有力, 较缓
    ("个别乡镇黑臭水体整治工作不力", "behind"),
    ("农村污水治理推进不够有力", "behind"),
    ("部分县区重点项目进度较缓", "behind"),
    # the completion judged poor
    ("“十三五”规划目标任务完成情况较差", "behind"),
    ("截至6月,该项整改进展不理想", "behind"),
])
def test_work_judged_weak_or_slow_is_behind(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # the works finished, stated without 已
    ("某镇雨污分流管网建设完工", "done"),
    ("二期扩建工程竣工", "done"),
    # …not set for a time limit
    ("确保年底前管网建设完工", "other"),
    # every unit completing it (均完成)
    ("全市12个县区均完成年度减排任务", "done"),
    ("要求各县区均完成清理", "other"),
        ("6月底前均完成清理", "other"),
    # on schedule with a count (按进度推进7项) before the part done: the rest decides
    ("全年任务共20项,按进度推进5项,已完成15项", "on_track"),
])
def test_works_finished_and_all_units_done(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # a topic 对…的 naming the group a measure is for states no state reached
    ("对已销号的,组织开展“回头看”", "other"),
    ("对已完成整改的点位,定期复查", "other"),
    # …but tasks named as behind there are behind (README, set 9)
    ("对尚未整改到位的问题,要加大督办力度", "behind"),
])
def test_a_topic_names_a_group(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # a share below 100 % done is a part: the clause after it tells the rest's state
    ("目前主体结构已完成60%,附属设施正在同步施工", "on_track"),
    ("管网铺设已完成约80%,剩余路段因征地问题进展缓慢", "behind"),
    ("已完成100%,正在组织验收", "done"),
    # the rest finished a stage, a later clause of its sentence says where it stands
    ("共需关闭6处采石场,已完成4处,剩余2处已完成设备拆除,正在进行复绿", "on_track"),
    ("共需关闭6处采石场,已完成4处,剩余2处已完成设备拆除。下一步将开展复绿", "done"),
])
def test_a_share_or_a_stage_done_leaves_the_rest_to_decide(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "status"), [
    # a rectification not in place, of a problem the public reported, is a finding
    ("5月3日群众举报的某砂场扬尘问题,整改不到位", "behind"),
    ("仍有个别单位整改不到位", "other"),
])
def test_not_in_place_as_a_finding(text, status):
    assert status_class(text) == status


@pytest.mark.parametrize(("text", "kind"), [
    # a report system named by its period
    ("对问题整改实行周报制", "recurring"),
    ("建立整改进展月报告制度", "recurring"),
    # 一 + a period + 一 + a verb: once in each period
    ("领导小组一周一调度整改进度", "recurring"),
    ("县委常委会一季一听取汇报", "recurring"),
    # one period's report or a report on a day is none
    ("本月报告已上报", "unknown"),
])
def test_a_recurring_duty_by_its_period(text, kind):
    found = deadline(text)
    assert (found.last_day, found.kind) == (None, kind)


@pytest.mark.parametrize(("text", "iso"), [
    # a time-limit label in a table cell before its bar: the window's last month's end
    ("完成时限 |\n2019年3月至2020年6月", "2020-06-30"),
    ("整改时间｜2021年1月至2022年12月", "2022-12-31"),
])
def test_a_limit_label_before_a_table_bar(text, iso):
    assert deadline(text).iso() == iso


@pytest.mark.parametrize(("text", "iso"), [
    # 完成年度 + the work named + 任务 in the page's year
    ("确保完成年度大气污染防治各项任务", "2022-12-31"),
    ("全力完成年度减排任务", "2022-12-31"),
])
def test_the_years_tasks_with_their_work_named(text, iso):
    assert deadline(text, context_year=2022).iso() == iso


@pytest.mark.parametrize(("text", "numbers"), [
    # a measure's number (第N项整改措施) inside one problem's close-out is no task number
    ("二、关于第2项整改措施完成情况", []),
    ("第三项工作举措已落实", []),
    # the task's own item stays cited
    ("第2项整改任务已完成", [2]),
    ("关于第5项问题的整改措施", [5]),
])
def test_a_measures_number_is_no_citation(text, numbers):
    assert cited_numbers(text) == numbers
