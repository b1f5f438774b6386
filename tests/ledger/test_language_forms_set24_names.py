"""Set 24–25 dev rows' unread constructions in the naming, task-count and info-block readers (issue 21), pinned with
our own sentences (never corpus rows): positives in a writer's variants and near misses that must not fire."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block

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
    # …each with its level written again
    ("省第二生态环境保护督察组进驻甲市、省第三生态环境保护督察组进驻乙市", (P, None, None, None, False, False)),
    ("中央第一生态环境保护督察组向甲省反馈,中央第四生态环境保护督察组向乙省反馈", ("central", None, None, None, False, False)),
    ("自治区第五生態環境保護督察組和自治區第六生態環境保護督察組同日反饋", (P, None, None, None, False, False)),
])
def test_two_groups_named_together_give_none(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    ("某某省第四生态环境保护督察组向甲市反馈督察情况。第五生态环境保护督察组次日进驻乙市", (P, None, None, 4, False, False)),
    ("省第二生态环境保护督察组进驻甲市,第二生态环境保护督察组组长讲话", (P, None, None, 2, False, False)),
    ("中央第三生态环境保护督察组向某省反馈督察意见", ("central", None, None, 3, False, False)),
    ("某某省第六环境保护督察组进驻甲市,受理信访件20件", (P, None, None, 6, False, False)),
    ("省第二生态环境保护督察组进驻甲市;省第三生态环境保护督察组进驻乙市", (P, None, None, 2, False, False)),
    ("中央第二生态环境保护督察组进驻甲省,某省第二生态环境保护督察组配合", ("central", None, None, 2, False, False)),
])
def test_one_group_or_groups_in_two_sentences_keep_the_first(text, key):
    assert _key(text) == key


# -- info blocks: a numeric date closed by a stray separator before its time is the posting day ---------------------


@pytest.mark.parametrize(("text", "posted"), [
    ("2023/07/10/ 08:08 来源:某某网-某某日报 记者 某某", "2023-07-10"),
    ("2021-03-05- 10:20 来源:某某市生态环境局", "2021-03-05"),
    ("2021.3.5. 9:05", "2021-03-05"),
    ("发布:2020/11/02/ 16:30:11", "2020-11-02"),
    ("2019/1/9/  17:45  作者:某某", "2019-01-09"),
    ("某某新闻 2022-12-31- 23:59", "2022-12-31"),
    ("2018.06.30.\u300010:00 浏览次数:12", "2018-06-30"),
    ("2024/02/29/ 8:00 来源:某某县人民政府", "2024-02-29"),
    ("2023/07/10/08:08 来源:某某网", "2023-07-10"),  # no space after the separator
    ("2020-1-2-9:30", "2020-01-02"),
])
def test_a_date_closed_by_a_stray_separator_before_its_time(text, posted):
    assert info_block(text).posted == posted


@pytest.mark.parametrize("text", [
    "某某局 2020/11/02/",  # a day with no time after the separator is no posting day read here
    "文号:2020/11/02/ 第3号",  # no time
    "编号 2020/11/02/ 16 号文件",  # a number, no clock
    "2020/11/ 16:30",  # no day
])
def test_a_stray_separator_without_a_time_gives_no_day(text):
    assert info_block(text).posted is None


# -- info blocks: a body's or a site's name opening its line before a posting label is the publisher ----------------


@pytest.mark.parametrize(("text", "publisher"), [
    ("某某省自然资源厅   时间:2020-06-17 15:03", "某某省自然资源厅"),
    ("某某市生态环境局   发布时间:2021-05-06", "某某市生态环境局"),
    ("某某县人民政府 日期:2021-05-06", "某某县人民政府"),
    ("某某日报社 更新时间:2022-01-02 08:00", "某某日报社"),
    ("某某自治区生态环境厅\u3000时间：2023年1月2日", "某某自治区生态环境厅"),
    ("某某市融媒体中心 发布日期: 2020-01-01", "某某市融媒体中心"),
    ("某某省生态环境保护督察办公室 时间:2024-03-03", "某某省生态环境保护督察办公室"),
    ("國家林業和草原局 時間:2019-01-01", "國家林業和草原局"),
    # its web address between the name and the label (the two stored rows were labelled both ways; settled: the poster)
    ("某某省人民政府门户网站 www.example.gov.cn 发布时间: 2019-10-25 09:28", "某某省人民政府门户网站"),
    ("某某石材網 http://www.example.com 日期:2021/7/19 8:44:37", "某某石材網"),
    ("某某市生态环境局 https://sthjj.example.gov.cn/ 发布日期:2024-03-05", "某某市生态环境局"),
    ("某某县人民政府　xx.gov.cn　时间：2023年1月2日", "某某县人民政府"),
])
def test_a_body_opening_its_line_before_a_posting_label(text, publisher):
    assert info_block(text).publisher == publisher


@pytest.mark.parametrize("text", [
    "本站 时间:2020-06-17",  # the site itself names no body
    "通知公告 时间:2020-06-17",  # a column's name
    "某某市生态环境局 成文日期:2020-06-17",  # a document's date label: a signer, no poster
    "某某市生态环境局\n2020年6月17日",  # a signature names no publisher
    "关于某某的通知 时间:2020-06-17",  # a title
    "本站 www.example.gov.cn 发布时间: 2019-10-25",  # the site itself, its address after it
    "通知公告 http://www.example.gov.cn 时间:2020-06-17",  # a column's name and an address
])
def test_no_body_before_the_label_names_none(text):
    assert info_block(text).publisher is None


@pytest.mark.parametrize(("text", "publisher"), [
    ("来源:某某网 www.example.com 发布时间:2024-03-05", "某某网"),
    ("来源：某某市生态环境局 https://sthjj.example.gov.cn/", "某某市生态环境局"),
    ("信息来源:某某日报　http://www.example.cn/a/b.html", "某某日报"),
    ("來源:某某網 example.com.cn", "某某網"),
    ("来源:某某网", "某某网"),  # no address: the name as it is
    ("来源:www.example.com", "www.example.com"),  # an address alone still names the source (a domain names a body)
    ("来源:某某报 2024.03.05", "某某报"),  # a dotted day is no address
])
def test_a_web_address_after_a_source_is_not_its_name(text, publisher):
    assert info_block(text).publisher == publisher


# -- task counts: items listed into another scope or campaign, no rectification named, are no plan's count ---------


@pytest.mark.parametrize("text", [
    "全省列入“清零”范围的六大类问题576项“清零”任务",
    "纳入污染防治攻坚行动的整改任务32项",
    "全市列入百日攻坚范围的问题共有45项",
    "列入省级挂牌督办名单的35项整改任务",
    "納入“清零”行動的問題共有120項",
    "全县纳入黑臭水体治理范围的8项整改任务",
    "列入年度重点工作的56项整改任务已启动",
    "全区列入“十四五”规划的重点任务问题共有33项",
])
def test_items_listed_into_another_scope_are_no_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("纳入整改方案的56项整改任务", 56),  # the rectification's own plan
    ("列入中央环保督察整改清单的56项任务", 56),
    ("列入问题清单的共有144个问题", 144),  # the plan's problem list
    ("纳入台账的反馈问题共有30项", 30),  # the feedback named
])
def test_items_listed_into_the_rectification_still_count(text, count):
    assert problem_count(text) == count
