"""Set 26–28 dev rows' unread constructions in the naming, feedback, task-count and info-block readers (issue 21),
pinned with our own sentences (never corpus rows): positives in a writer's variants and near misses that must not fire."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.feedback import feedback_date
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block

P = "provincial"


def _key(text: str) -> tuple | None:
    return named.key() if (named := inspection_name(text)) else None


# -- inspection: a province's party committee and / or government owning its numbered groups ------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("按照自治区党委第二生态环境保护督察组反馈意见,扎实做好整改", (P, None, None, 2, False, False)),
    ("广西壮族自治区党委第三生态环境保护督察组进驻某市", (P, None, None, 3, False, False)),
    ("内蒙古自治区党委、政府第一生态环境保护督察组向某盟反馈督察情况", (P, None, None, 1, False, False)),
    ("某某省委、省政府第五生态环境保护督察组进驻某市开展督察", (P, None, None, 5, False, False)),
    ("某某省委省政府第四环境保护督察组向某市反馈", (P, None, None, 4, False, False)),
    ("寧夏回族自治區黨委第六生態環境保護督察組進駐某市", (P, None, None, 6, False, False)),
    ("某某省人民政府第二生态环境保护督察组进驻某县", (P, None, None, 2, False, False)),
    ("新疆维吾尔自治区党委和自治区人民政府第七生态环境保护督察组", (P, None, None, 7, False, False)),
])
def test_a_provinces_committee_owning_its_group_is_provincial(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "自治区党委、政府对5个盟市开展了生态环境保护督察",
    "某某省委省政府对7个市开展了生态环境保护督察",
    "广西壮族自治区党委首次开展对区直部门的生态环境保护督察",
    "某某省人民政府先后对12个市开展了环境保护督察",
])
def test_a_provinces_committee_as_the_subject_names_its_inspection(text):
    key = _key(text)
    assert key is not None and key[0] == P


@pytest.mark.parametrize("text", [
    "区委第二生态环境保护督察组进驻某街道",  # a district's committee: no level of the ledger's
    "自治区党委第三巡视组进驻某厅",  # a party inspection
    "市委第二生态环境保护督察组向某县反馈",
    "县委、县政府第一生态环境保护督察组",
    "市委对各区开展了生态环境保护督察",  # a city's committee as the subject
])
def test_a_lower_committee_or_a_party_inspection_names_none(text):
    assert _key(text) is None


# -- inspection: a level as the subject, after a time frame (继…之后,), its verb before its object (开展对…督察) -----------


@pytest.mark.parametrize("text", [
    "这是某某省继2020年完成对11个市第二轮督察之后,首次开展对省属企业生态环境保护督察。",
    "某某省首次开展对省属企业的生态环境保护督察",
    "自治区继去年完成第一轮督察后,开展对5个盟市的生态环境保护督察",
    "某某省开展了对省直部门生态环境保护督察",
    "某某省再次开展对重点企业的生态环境保护督察",
    "某某省继第一轮督察后，进行对各市的环境保护督察",
    "某某省于今年开展对省直单位的生态环境保护督察",
    "某某省實施對省屬國有企業的生態環境保護督察",
])
def test_a_level_opening_its_sentence_names_the_inspection_it_carries_out(text):
    key = _key(text)
    assert key is not None and key[0] == P and key[1:4] == (None, None, None)


@pytest.mark.parametrize("text", [
    "某某市首次开展对区县的生态环境保护督察",  # a city's
    "某某县继去年之后,开展对乡镇的生态环境保护督察",
    "某某省迎接中央开展对本省的生态环境保护督察",  # the central inspection's
    "某某区开展了对街道的生态环境保护督察",
])
def test_a_lower_body_or_a_level_receiving_names_no_provincial_inspection(text):
    key = _key(text)
    assert key is None or key[0] != P


# -- inspection: a level launching or completing its 专项督察 named by an environmental title ---------------------


@pytest.mark.parametrize("text", [
    "某某省完成2020年重点区域大气污染防治专项督察",
    "雲南省完成2021年重點區域大氣污染防治專項督察",
    "某某省启动2022年长江流域水生态保护专项督察",
    "自治区开展黄河流域生态保护专项督察",
    "某某省环保厅开展大气污染防治专项督察",
    "某某省部署开展2023年土壤污染防治专项督察",
    "内蒙古自治区组织开展自然保护地生态环境专项督察",
    "某某省委、省政府启动水环境治理专项督察",
])
def test_a_level_launching_its_titled_special_inspection_is_special(text):
    assert _key(text) == (P, None, None, None, False, True)


@pytest.mark.parametrize("text", [
    "某某省完成2020年安全生产专项督察",  # no environmental title
    "某市开展大气污染防治专项督察",  # a city's
    "某某省开展河长制落实情况专项督察",  # a 河长制 office's own check
    "某某省配合中央大气污染防治专项督察",  # the level above's
])
def test_a_titled_special_inspection_of_no_level_or_no_environment_names_none(text):
    assert _key(text) is None


# -- feedback: a month alone before the verb, in the year the text states before it -----------------------------


@pytest.mark.parametrize(("text", "month"), [
    ("2018年4月10日至30日,督察组进驻某区开展督察,并于7月完成督察反馈。", "2018-07"),
    ("2019年4月,督察组进驻我县,并于7月完成督察反馈。", "2019-07"),
    ("2020年,省督察组于9月向某市反馈督察意见。", "2020-09"),
    ("2021年5月督察组进驻,11月进行了反馈。", "2021-11"),
    ("2017年,中央督察组于12月正式反馈。", "2017-12"),
    ("2019年第一批督察于 8 月完成反馈。", "2019-08"),
    ("2022年3月至4月督察组开展督察,6月向我市反馈了督察情况。", "2022-06"),
    ("2016年,督察组进驻我省,并于10月召开反馈会。", "2016-10"),
])
def test_a_month_alone_before_the_feedback_is_its_month(text, month):
    found = feedback_date(text)
    assert found is not None and found.precision == "month" and found.value is not None
    assert found.value.isoformat()[:7] == month


@pytest.mark.parametrize("text", [
    "督察组于7月完成督察反馈。",  # no year stated, none known
    "2019年,督察组7月进驻,随后反馈意见。",  # the stay's month
    "2019年,7月份以来,我市落实督察反馈意见。",  # a period, and no feedback given
    "2020年,督察组于7月至9月完成督察反馈。",  # a span of months: no one month
])
def test_a_month_of_no_feedback_or_no_year_is_not_read(text):
    found = feedback_date(text)
    assert found is None or found.value is None


# -- task count: the measures a plan puts forward for the inspection's feedback, no task count stated ------------


@pytest.mark.parametrize(("text", "count"), [
    ("对中央生态环境保护督察反馈的问题提出三方面16项具体措施", 16),
    ("针对省生态环境保护督察反馈意见,制定了25条整改措施", 25),
    ("对第二轮中央督察反馈的问题研究提出42项整改措施", 42),
    ("針對督察組反饋的問題,制定了三十項具體措施", 30),
    ("就省环保督察反馈问题明确了5个方面60条整改措施", 60),
    ("对督察反馈意见逐项细化了18项针对性措施", 18),
    ("针对中央环保督察“回头看”反馈问题,提出了12项具体措施", 12),
    ("对督察组反馈的问题形成88条整改措施", 88),
])
def test_measures_for_the_feedback_are_the_plans_list(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize("text", [
    "针对曝光的四个方面问题细化制定了20条具体整改措施",  # no inspection's feedback
    "针对巡视反馈的问题,制定了30条整改措施",  # a party inspection
    "针对督察反馈的76个问题,制定了186条整改措施",  # the problems' count is the plan's
    "对督察反馈的问题已完成12项整改措施",  # a part done, no plan's list
])
def test_measures_of_no_feedback_or_beside_a_count_are_not_the_count(text):
    assert problem_count(text) in (None, 76)


# -- task count: a campaign's plan named without a title counts its own tasks ----------------------------------


@pytest.mark.parametrize("text", [
    "两大攻坚战作战方案中,须在2020年底前完成的20项重点任务已有5项完成",
    "蓝天保卫战行动计划确定的30项重点任务全部启动",
    "三年专项行动方案明确的45项任务稳步推进",
    "碧水攻坚战实施方案中的12项重点任务进展顺利",
    "净土保卫战作战计划确定的18项任务已完成10项",
    "污染防治攻坚行动方案列出的26项重点任务有序推进",
    "大气污染防治专项行动计划中的9项任务按期完成",
    "夏季攻坚行动方案确定的40项重点任务",
])
def test_a_campaigns_plan_counts_no_inspection_plans_tasks(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("督察反馈问题整改行动方案确定的30项整改任务", 30),
    ("攻坚战作战方案中,督察反馈的20项整改任务", 20),
    ("对照督察反馈意见,整改实施方案明确了45项整改任务", 45),
    ("整改方案共明确整改任务64项", 64),
])
def test_a_rectification_plan_keeps_its_count(text, count):
    assert problem_count(text) == count


# -- info block: a verb's label (发布: / 出处: / 来自:) names the source when its value is a body's or a medium's name ---


@pytest.mark.parametrize(("text", "publisher"), [
    ("发布:某某石材网 www.example.com [ 发布时间 : 2023-04-28 ]", "某某石材网"),
    ("2022-11-20 09:56  发布:某乡网  责任编辑:某某", "某乡网"),
    ("出处:某某新闻网 2019-03-27", "某某新闻网"),
    ("来自:某某日报  2020-05-06 10:00", "某某日报"),
    ("發布:某某市生態環境局  2021-01-02", "某某市生態環境局"),
    ("发布：某某县人民政府 | 2022-02-03", "某某县人民政府"),
    ("出处：某某电视台 时间:2020-01-01", "某某电视台"),
    ("来自:某某客户端 2024-04-04 08:00", "某某客户端"),
])
def test_a_verbs_label_names_the_source(text, publisher):
    assert info_block(text).publisher == publisher


@pytest.mark.parametrize("text", [
    "发布:张三  2022-11-20 09:56",  # an account's name, no body
    "发布:admin 2022-11-20",
    "来自:某某 2020-01-01",
    "发布:2022-11-20 09:56",  # the posting day, no source
])
def test_a_verbs_label_with_an_account_names_no_source(text):
    assert info_block(text).publisher is None


@pytest.mark.parametrize(("text", "posted"), [
    ("www.example.com(2018-03-28)来源:某某新闻网", "2018-03-28"),
    ("www.example.com（2019-04-05）来源：某某网", "2019-04-05"),
    ("[2020-01-02] 来源:某某局", "2020-01-02"),
    ("【2021-02-03】作者:某某", "2021-02-03"),
    ("(2022.03.04) 信息来源:某某厅", "2022-03-04"),
    ("2019-03-27 出处:某某新闻网", "2019-03-27"),
    ("发布:2022年11月20日", "2022-11-20"),
    ("时间发布:2022-11-11 15:30 信息来源:某局", "2022-11-11"),
])
def test_a_day_in_brackets_before_the_labels_is_the_posting_day(text, posted):
    assert info_block(text).posted == posted


@pytest.mark.parametrize("text", [
    "（2020-01-02至2020-01-09）来源:某某局",  # a span's last day
    "(2020-01-02 — 2020-01-09) 来源:某某局",
    "成文日期:(2020-01-02) 来源:某某局",  # the document's date
    "公示期(2020-01-02至2020-01-09) 来源:某某局",  # the 公示's window
])
def test_a_bracketed_span_or_another_dates_day_is_no_posting_day(text):
    assert info_block(text).posted is None
