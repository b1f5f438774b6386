"""Classes of construction the dev rows of fresh sets 17 and 18 showed unread in the naming, feedback, task-count and
info-block readers, each read as grammar (issue 21).  Every text here is our own sentence built on the construction,
not a corpus row: for each class several positives in the variants a government writer uses (other verbs, subjects,
numerals, traditional script, spacing) and near misses where the same words must not fire."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.feedback import feedback_date
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


def _key(text: str) -> tuple | None:
    found = inspection_name(text)
    return found.key() if found else None


# -- inspection ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    # a province-level body opening its clause and launching a level-less naming: its own (provincial) inspection
    ("经北京市委、市政府批准,北京市日前启动第二轮第四批生态环境保护督察。", ("provincial", 2, 4, None, False, False)),
    ("宁夏启动第二轮生态环境保护督察", ("provincial", 2, None, None, False, False)),
    ("2023年江苏省正式启动第三轮生态环境保护督察,对5个设区市开展督察。", ("provincial", 3, None, None, False, False)),
    ("7月,山东启动第二轮第一批环保督察", ("provincial", 2, 1, None, False, False)),
    ("內蒙古自治區全面啟動第三輪生態環境保護督察", ("provincial", 3, None, None, False, False)),
    ("重庆市于近日启动第四批环保集中督察", ("provincial", None, 4, None, False, False)),
    ("今年甘肃部署开展首轮生态环境保护督察", ("provincial", 1, None, None, False, False)),
    ("上海市组织开展第二轮生态环境保护督察", ("provincial", 2, None, None, False, False)),
    ("我省日前启动第三轮省级生态环境保护督察", ("provincial", 3, None, None, False, False)),
    ("天津市委、市政府部署开展第二轮生态环境保护督察", ("provincial", 2, None, None, False, False)),
    ("寧夏啟動第三輪生態環境保護督察", ("provincial", 3, None, None, False, False)),
    # …and acting on its cities (对…开展 / 实现…全覆盖) under its short name
    ("2018年,陕西已对全省11个市(区)实现了环保督察全覆盖", ("provincial", None, None, None, False, False)),
    ("河南先后对18个省辖市开展了环境保护督察", ("provincial", None, None, None, False, False)),
])
def test_a_province_launching_a_level_less_naming_is_provincial(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    # receiving or helping the level above's inspection names no provincial one
    "湖北省迎接第二轮生态环境保护督察",
    "湖北省全力配合开展第二轮生态环境保护督察",
    "江西省接受第三轮生态环境保护督察",
    # a city (吉林市 is one), a body as the object (对湖北), a city's own body
    "吉林市启动第二轮生态环境保护督察",
    "督察组对湖北启动第二轮生态环境保护督察",
    "某市日前启动第二轮生态环境保护督察",
    "市委、市政府部署开展第二轮生态环境保护督察",
    "海南州启动第二轮生态环境保护督察",
])
def test_no_provincial_level_from_a_receiver_or_a_city(text):
    assert _key(text) is None


def test_a_central_group_acting_on_a_province_keeps_its_level():
    assert _key("中央第五生态环境保护督察组对四川省开展了第二轮生态环境保护督察") == ("central", 2, None, 5, False, False)


@pytest.mark.parametrize(("text", "key"), [
    # the core words before the group's number (上海市环境保护第一督察组), one group or a list of them (no one group)
    ("上海市环境保护第一督察组进驻长宁区", ("provincial", None, None, 1, False, False)),
    ("湖北省生态环境保护第三督察组向宜昌市反馈", ("provincial", None, None, 3, False, False)),
    ("天津市生態環境保護第二督察組", ("provincial", None, None, 2, False, False)),
    ("省环保第五督察组", ("provincial", None, None, 5, False, False)),
    ("上海市环境保护第一、第二督察组3月向长宁区、青浦区反馈", ("provincial", None, None, None, False, False)),
    ("省生态环境保护第二和第五督察组", ("provincial", None, None, None, False, False)),
    ("中央第一、第二生态环境保护督察组", ("central", None, None, None, False, False)),
    ("第二轮中央生态环境保护督察第三、第四督察组", ("central", 2, None, None, False, False)),
])
def test_core_words_before_a_group_and_groups_named_together(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", ["某市环境保护第一督察组", "第一、第二督察组进驻", "区委第一、第二督察组", "县环保第三督察组"])
def test_groups_with_no_level_name_nothing(text):
    assert _key(text) is None


@pytest.mark.parametrize(("text", "group"), [
    # a bare 第N督察组 (no level, after a space or a clause's start) is the group of the naming before it
    ("中央环保督察启动 第十督察组负责山东 河南", 10),
    ("中央環(huán)保督察啟動(dòng) 第七督察組負(fù)責(zé)江蘇", 7),
    ("第二轮中央生态环境保护督察启动。第三督察组进驻河北省", 3),
    ("中央生态环境保护督察进驻,第四督察组组长为某某", 4),
    ("省生态环境保护督察启动,第二督察组进驻某市", 2),
    ("中央环境保护督察正式启动 第1督察组负责北京", 1),
    ("第三轮中央生态环境保护督察 第五督察组", 5),
    ("中央环保督察组进驻 第十二督察组负责江西", 12),
    # …never a second, different one (two groups: none), a city's own (市委第二督察组), one in another paragraph
    ("中央环保督察启动 第十督察组负责山东,第十一督察组负责河南", None),
    ("中央环保督察启动,市委第二督察组同日进驻", None),
    ("中央环保督察启动\n第三督察组负责某省", None),
    ("中央第一生态环境保护督察组进驻,第三督察组进驻某省", 1),
])
def test_a_bare_group_after_a_naming_is_its_group(text, group):
    found = inspection_name(text)
    assert found is not None and found.group == group


@pytest.mark.parametrize(("text", "key"), [
    # the authority approving the sentence gives the level of a group count with no level of its own
    ("经省委、省政府批准,决定组建3个专项督察组,对某市开展大气污染治理专项督察", ("provincial", None, None, None, False, True)),
    ("經省委、省政府批準,組建4個專項督察組", ("provincial", None, None, None, False, True)),
    ("经自治区党委、政府同意,成立5个专项督察组", ("provincial", None, None, None, False, True)),
    ("经省政府同意,派出2个例行督察组", ("provincial", None, None, None, False, False)),
    ("经北京市委、市政府批准,组建6个专项督察组", ("provincial", None, None, None, False, True)),
    ("经广西壮族自治区人民政府批准,组建专项督察组", ("provincial", None, None, None, False, True)),
    ("经党中央、国务院批准,组建8个专项督察组", ("central", None, None, None, False, True)),
    ("经山东省委批准,成立专项督察组开展督察", ("provincial", None, None, None, False, True)),
])
def test_an_approving_authority_gives_a_group_count_its_level(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "经市委、市政府批准,决定组建3个专项督察组",  # a city's authority: its own inspection
    "经县委同意,成立2个专项督察组",
    "决定组建3个专项督察组",  # no authority at all
    "经研究批准,组建3个专项督察组",
])
def test_no_level_from_a_city_or_no_authority(text):
    assert _key(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # a central naming qualifying the work of a provincial body (中央环保督察整改省级专项督察组): the body's level
    ("中央环保督察整改省级专项督察组来泰州开展督察", ("provincial", None, None, None, False, True)),
    ("中央生态环境保护督察反馈问题整改省级督察组第二组", ("provincial", None, None, 2, False, False)),
    ("中央環保督察整改省級專項督察組", ("provincial", None, None, None, False, True)),
    ("中央环保督察反馈意见整改落实情况省级专项督察", ("provincial", None, None, None, False, True)),
    ("第二轮中央生态环境保护督察整改落实自治区专项督察组", ("provincial", None, None, None, False, True)),
    ("中央环境保护督察问题整改省环保督察组", ("provincial", None, None, None, False, False)),
    ("中央生态环境保护督察整改工作省级专项督察组进驻", ("provincial", None, None, None, False, True)),
    ("中央环保督察组反馈问题整改省级专项督察", ("provincial", None, None, None, False, True)),
])
def test_a_central_naming_qualifying_a_provincial_body(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    ("中央环保督察整改,省级专项督察组同时进驻", ("central", None, None, None, False, True)),  # a comma: two namings
    ("中央环保督察和省级环保督察反馈问题", None),  # joined: two levels
    ("中央环保督察反馈问题和省环保督察反馈问题", None),
    ("中央环保督察整改和省级环保督察反馈问题", None),
])
def test_no_qualifying_reading_across_a_comma_or_a_coordinator(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "batch"), [
    # a batch in brackets closing the naming's sentence
    ("省第一生态环境保护督察组向某市反馈督察情况(第四批)", 4),
    ("省第二生态环境保护督察组进驻某市(第三批)", 3),
    ("自治区第一生态环境保护督察组向某盟反馈督察意见（第二批）", 2),
    ("省環境保護督察組向某市反饋督察意見(第五批)", 5),
    ("省生态环境保护督察组召开动员会(第1批)", 1),
    ("中央第三生态环境保护督察组向某省反馈督察情况(第二批次)", 2),
    ("省级生态环境保护督察组进驻某县 ( 第六批 )", 6),
    ("省第三生态环境保护督察组向某市移交问题(第二批)", 2),
    # …not one numbering notices or petitions, nor one past the sentence's end
    ("省生态环境保护督察组交办信访件(第二批)", None),
    ("省环保督察整改情况公示(第二批)", None),
    ("省环保督察整改销号名单(第三批)", None),
    ("省第一生态环境保护督察组向某市反馈。受理件(第四批)", None),
])
def test_a_bracketed_batch_closing_the_naming_sentence(text, batch):
    found = inspection_name(text)
    assert found is not None and found.batch == batch


@pytest.mark.parametrize(("text", "key"), [
    # the ministry reporting a quoted 回头看: the central inspection's 回头看
    ("生态环境部11月19日晚通报“回头看”典型案例", ("central", None, None, None, True, False)),
    ("環境保護部通報“回頭看”典型案例", ("central", None, None, None, True, False)),
    ("生态环境部公开“回头看”第三批典型案例", ("central", None, None, None, True, False)),
    ("环保部有关负责人介绍‘回头看’进展", ("central", None, None, None, True, False)),
    ("生态环境部今日通报\"回头看\"发现的问题", ("central", None, None, None, True, False)),
    ("生态环境部在“回头看”中发现", ("central", None, None, None, True, False)),
    ("环境保护部近日就“回头看”答记者问", ("central", None, None, None, True, False)),
    ("生态环境部通报“回头看”及专项督察典型案例", ("central", None, None, None, True, True)),
])
def test_the_ministry_reporting_a_quoted_second_look(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "省生态环境厅通报“回头看”典型案例",  # a province's department
    "生态环境部通报巡视“回头看”发现的问题",  # a party inspection's
    "生态环境部要求回头看整改情况",  # 回头看 as a verb, unquoted
    "市委巡察“回头看”反馈会召开",
])
def test_no_second_look_without_the_ministry_or_quotes(text):
    assert _key(text) is None


# -- task counts --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "count"), [
    # categories between the total's verb and its count (共5大类39项): the count
    ("整改任务共5大类39项", 39),
    ("整改任务共分为4个方面26项", 26),
    ("反馈问题共3大类15项", 15),
    ("整改任务共六类、二十五项", 25),
    ("整改任务清单共7个领域40项", 40),
    ("交办的整改任务共2类12项", 12),
    ("督察反馈问题共分3个方面21项", 21),
    ("整改任务总计5类31项", 31),
    # …a city's own share after 其中 (涉及我市 / 交办本县): its plan's count
    ("其中涉及我市的整改任务共5大类39项。", 39),
    ("其中,交办本县的问题12个", 12),
    ("其中涉及我区的整改任务共18项", 18),
    ("其中需我县整改的任务共9项", 9),
])
def test_a_total_after_categories_and_an_own_share(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize("text", [
    "整改任务共5大类",  # categories only
    "其中甲市的整改任务共12项",  # another named body's part
    "其中2017年底前须完成任务23项",  # a part due
    "其中我市已完成整改任务12项",  # the part done
    "其中涉及本县已办结的问题6个",
])
def test_no_count_from_categories_alone_or_a_part(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    # the feedback sorted into a list (梳理…形成了…N个问题): the plan's count
    ("对反馈意见进行了梳理,形成了三大十个领域的96个问题", 96),
    ("经梳理细化后,共形成120个问题", 120),
    ("經梳理細化後,共形成一百二十個問題", 120),
    ("对督察报告逐条梳理,列出了37个具体问题", 37),
    ("经归纳整理,得出28个问题", 28),
    ("经汇总分类,形成45个问题", 45),
    # problems a plan acts on (对N个问题,分别制定整改清单)
    ("对84个具体问题,分别制定整改清单,逐一明确了整改要求", 84),
    ("针对12个问题,逐一明确整改措施", 12),
    ("对督察反馈的45个问题,分别制定整改方案", 45),
    ("就30个问题,逐项建立整改台账", 30),
])
def test_problems_sorted_into_a_list_or_acted_on_by_the_plan(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize("text", [
    "会议形成了3个问题",  # no sorting of the feedback
    "经排查梳理,形成了20个问题",  # a check's findings
    "对84个问题,分别进行了现场检查",  # not the plan's act
    "对暗访发现的5个问题,分别制定整改清单",  # a check's findings, acted on
    "对5个问题,已完成整改",
])
def test_no_count_from_forming_or_acting_on_other_problems(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    # leads or projects counted with any measure word, and a number of places' plans: no one plan's count
    ("交办涉及该县的22条问题线索", None),
    ("移交的15项问题线索", None),
    ("督察反馈的12个问题线索", None),
    ("列入清单的8项问题项目", None),
    ("截至9月底,9市整改方案共确定的487项整改任务中,已完成275项", None),
    ("5个县(区)的整改任务共45项", None),
    ("13个市州整改方案明确的600项任务", None),
    ("3个县区整改方案确定整改任务90项", None),
    # a number of places' joint total (共 / 合计 / 总共 right after them): added up, no one plan's
    ("3市共确定需要整改154个问题,已有75个问题基本完成整改", None),
    ("两县合计梳理出问题38个", None),
    ("5个区总共确定整改任务60项", None),
    ("4市一共排查出问题112个", None),
    # a number of provinces or places opening the sentence as its subject: the counts in that sentence are theirs
    ("7省市督察整改方案均实行清单制,对反馈意见进行了梳理,共计确定375项整改任务", None),
    ("2017年,5个省份共确定整改任务600项", None),
    ("截至2018年底,3市整改方案确定的问题共154个", None),
    # …but problems themselves, one place, the writer's own plan
    ("督察反馈的22条问题", 22),
    ("我市整改方案确定的45项整改任务", 45),
    ("督察反馈涉及我市3个县区的问题共45个", 45),
    ("全市共确定整改任务45项", 45),
    ("全区共梳理出问题27个", 27),
    ("中央督察组向我省反馈问题后,我省确定整改任务85项", 85),
    ("市委高度重视,组织制定整改方案,确定整改任务45项", 45),
    ("某市整改方案明确的38项整改任务", 38),
])
def test_leads_and_several_places_plans(text, count):
    assert problem_count(text) == count


# -- feedback ----------------------------------------------------------------------------------------------------


def _feedback(text: str) -> str | None:
    found = feedback_date(text)
    return found.iso() if found else None


@pytest.mark.parametrize(("text", "iso"), [
    # a feedback named as a document (《…反馈意见》, 以下简称《反馈意见》) is no act: the act's own day decides
    (("2016年11月26日至12月26日,中央第三督察组对某省开展了督察,形成了《某省督察反馈意见》(以下简称《反馈意见》),"
      "并于2017年4月14日向我省进行了反馈和移交。"), "2017-04-14"),
    ("2019年5月1日,督察组进驻。根据《反馈意见》,2019年7月10日向我省反馈了督察意见", "2019-07-10"),
    ("2016年11月26日至12月26日,督察组对某省开展督察,形成督察反馈意见(以下简称“反馈意见”),并于2017年4月14日向我省反馈",
     "2017-04-14"),
    ("2018年6月1日印发《关于某省反馈意见的整改方案》", None),
    ("2020年3月5日,省委学习《督察反馈意见》", None),
    # dates of several stays listed together, or batches after a date: no feedback day
    ("2017年7月、9月和2018年4月,省督察组分三批对9市开展了督察并反馈督察意见", None),
    ("2019年4月和10月,省督察组分两批对某市开展督察并反馈", None),
    ("2018年5月、2019年6月,督察组分批进驻并向各市反馈了意见", None),
    ("2021年3月,省督察组分2轮对各市开展督察并反馈意见", None),
    ("2017年7月、9月和2018年4月,省督察组对9市开展了督察并反馈督察意见", None),
    ("2018年6月和2019年5月,督察组对某市开展督察并向其反馈意见", None),
    # …but one day and a span over which the feedbacks followed one another
    ("自2021年2月24日起,省督察组陆续向6市反馈督察意见", "2021-02-24"),
    ("2017年4月14日,督察组向我省反馈了督察意见", "2017-04-14"),
    ("2017年4月14日至15日,督察组先后向两市反馈督察意见", "2017-04-14"),
    # a party inspection's findings fed back (反馈了巡察意见 / 巡视反馈意见) are not the inspectors'
    ("2020年10月27日,市纪委书记带队向市住建局党组反馈了巡察意见", None),
    ("2021年5月8日,巡察组组长向县环保局反馈巡察情况", None),
    ("2019年6月3日,市委第二巡察组向市生态环境局党组反馈巡察意见", None),
    ("2022年1月5日,省委巡视组向某市反馈巡视意见", None),
    ("2022年1月5日,督察组向某市反馈了督察意见", "2022-01-05"),
])
def test_feedback_titles_listed_stays_and_party_inspections(text, iso):
    assert _feedback(text) == iso


# -- info blocks -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "notice"), [
    # a label as a numbered section heading, its date on the next line
    ("二、公示时间\n2023年7月4日-2023年7月11日。", "2023-07-04"),
    ("（三）公示期\n2024年1月2日至1月8日", "2024-01-02"),
    ("3.公示日期\n2022-03-01至2022-03-07", "2022-03-01"),
    ("四、公示時間\n2021年9月6日—9月12日(5個工作日)", "2021-09-06"),
    ("公示时间\n2020年5月6日至5月12日", "2020-05-06"),
    ("(二)公示时间:\n\n2023年7月4日-2023年7月11日。", "2023-07-04"),
    ("一、公示期\n 2019年12月2日至12月6日。", "2019-12-02"),
    ("2、公示日期\n2018.11.05-2018.11.09", "2018-11-05"),
    # …not a heading that is no label, nor a next line that opens with no date
    ("二、公示内容\n2023年7月4日起公示。", None),
    ("公示时间\n详见附件。", None),
    ("二、公示时间\n自2023年7月4日起5个工作日。", None),
    ("二、整改时限\n2023年12月31日前。", None),
])
def test_a_label_heading_then_its_date(text, notice):
    assert info_block(text).notice == notice


@pytest.mark.parametrize(("text", "posted"), [
    # a labelled day with a two-digit year written 年月日: this century's
    ("发布时间:18年05月29日 信息来源:某局", "2018-05-29"),
    ("发布日期:21年1月5日", "2021-01-05"),
    ("時間:19年12月3日", "2019-12-03"),
    ("更新时间:20年07月01日 10:20", "2020-07-01"),
    ("发布时间: 16年6月8日", "2016-06-08"),
    ("日期:23年11月30日", "2023-11-30"),
    ("发布时间:2018年05月29日", "2018-05-29"),
    ("发表时间:17年3月1日", "2017-03-01"),
    # …never without 年, 月 and 日, nor a day that does not exist
    ("发布时间:18年05月", None),
    ("发布时间:18年13月29日", None),
    ("发布时间:18-05-29", None),
    ("发布时间:18年", None),
])
def test_a_two_digit_year_in_a_labelled_day(text, posted):
    assert info_block(text).posted == posted


@pytest.mark.parametrize(("text", "publisher"), [
    # a verb's phrase before the day (发表于, 发布于, 更新于, 写于) is a posting label, no name
    ("发表于 2019-6-26 22:13:53", None),
    ("发布于 2021-03-02 10:00", None),
    ("更新于 2020-01-05", None),
    ("發佈於 2020-1-2 10:00", None),
    ("写于 2018-07-01 08:00", None),
    ("创建于 2022-02-02", None),
    ("首发于 2023-05-06 09:30", None),
    ("转载于 2019-09-09", None),
    # …but a journal's or a programme's name before its day is still one
    ("环境保护 2024-04-04", "环境保护"),
    ("新闻联播\n2023-11-21 10:53:43", "新闻联播"),
    ("中国环境 2020-06-06", "中国环境"),
    ("绿色视野 2021-02-03 08:08", "绿色视野"),
])
def test_a_posting_verb_phrase_names_no_byline(text, publisher):
    assert info_block(text).publisher == publisher


@pytest.mark.parametrize(("text", "fields"), [
    # the two-digit year reads the same under the document's and the 公示's labels
    ("公示日期:18年05月29日", (None, None, "2018-05-29")),
    ("成文日期:18年5月3日", (None, "2018-05-03", None)),
    ("发布时间:18年05月29日 10:20", ("2018-05-29", None, None)),
    ("印发日期:20年12月1日", (None, "2020-12-01", None)),
])
def test_a_two_digit_year_under_each_date_label(text, fields):
    block = info_block(text)
    assert (block.posted, block.issued, block.notice) == fields
