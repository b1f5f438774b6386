"""Mechanisms behind the first-sight misses of fresh sets 10–30 (issue 21, round 34, r34a) for the task-count, citation,
inspection and info-block readers: each pinned with our own positives in forms the rows did not show and near misses
where the cue stands without its licence.  No text here is a corpus row; row ids in comments name where the mechanism
was first met (``bench/first_sight.py``)."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import cited_numbers
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


def _named(text: str) -> tuple | None:
    found = inspection_name(text)
    return found.key() if found else None


def _central(rnd=None, batch=None, group=None, again=False, special=False) -> tuple:
    return ("central", rnd, batch, group, again, special)


def _provincial(rnd=None, batch=None, group=None, again=False, special=False) -> tuple:
    return ("provincial", rnd, batch, group, again, special)


# -- task count: several bodies' plans added up (sets 11, 15, 17, 20: 7省(市)…方案, 9市…方案, 其中甲市…、乙市…) --------


@pytest.mark.parametrize("text", [
    "6省(区)督察整改方案确定的412项整改任务已完成300项",
    "截至5月底,12个设区市整改方案明确的865项整改任务中,已完成701项",
    "全市9个设区市整改方案明确的整改任务共计650项",
    "3个地级市的整改任务共计142项",
    "全省11个市共确定整改任务1250项",
    "共确定整改任务210项,其中甲市52项、乙市61项、丙县97项",
    "两轮督察反馈的问题共158个",
    "五个地市整改任务共计380项",
    "全省各地整改方案确定整改任务3200多项",
    "9个县区整改方案共明确整改任务512项",
])
def test_several_bodies_plans_added_up_are_no_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("我市第二轮省级生态环境保护督察整改任务689项,已完成646项", 689),
    ("省第一督察组反馈某市的问题共52个", 52),
    ("某省整改方案共确定整改任务196项", 196),
    ("第二轮中央生态环境保护督察反馈问题整改方案确定整改任务58项", 58),
    ("中央第三生态环境保护督察组“回头看”反馈的27个问题", 27),
    ("省委和省政府印发整改方案,明确整改任务75项", 75),
    ("中央生态环境保护督察和同步开展的海洋专项督察反馈问题整改方案确定整改任务48项", 48),
    ("“回头看”反馈问题整改方案共明确整改任务64项", 64),
])
def test_one_bodys_plan_counts(text, count):
    assert problem_count(text) == count


# -- task count: another plan's tasks, named with no rectification in the sentence (sets 20, 24, 26, 29) -------------


@pytest.mark.parametrize("text", [
    "大气污染防治攻坚行动方案确定的26项重点任务已完成20项",
    "全市列入“清零”行动的问题共312项",
    "河长制工作方案确定的重点任务38项",
    "乡村振兴实施方案明确重点任务52项",
    "蓝天保卫战三年行动计划明确的任务共45项",
    "污染防治攻坚战作战方案中须在年底前完成的32项重点任务",
    "水污染防治工作方案确定的重点任务28项",
    "农村人居环境整治三年行动方案确定的任务30项",
    "生态环境保护工作要点明确了任务52项",
    "某市十四五生态环境保护规划确定的任务46项",
])
def test_another_plans_tasks_are_no_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("市委市政府印发整改方案,明确整改任务75项", 75),
    ("某市整改方案明确整改任务36项,纳入全市重点工作计划", 36),
    ("省级生态环境保护督察反馈问题整改方案明确的52项整改任务", 52),
    ("市委市政府制定了整改方案,明确了41项整改任务", 41),
])
def test_the_rectification_plans_tasks_count(text, count):
    assert problem_count(text) == count


# -- task count: problems from another channel (sets 12, 14, 18, 20: petitions, leads, 移交, a check's finds) --------


@pytest.mark.parametrize("text", [
    "督察期间转办的群众信访举报问题1268个",
    "交办的问题线索36条",
    "暗访发现的环境问题45个已全部整改",
    "自查发现的问题128个",
    "生态环境部移交的长江经济带生态环境问题共60个",
    "督察组交办的群众举报件980件",
    "对37个问题,分别进行了现场检查",
    "对省领导调研中指出的14个问题进行了现场督办",
])
def test_problems_from_another_channel_are_no_count(text):
    assert problem_count(text) is None


# -- task count: a part for the whole (sets 10, 11, 14, 20) and the whole before its part (sets 11, 12, 13, 19, 20, 22) --


@pytest.mark.parametrize("text", [
    "已完成整改任务48项",
    "其余18项正在推进",
    "年内需完成的整改任务32项",
    "2023年底前完成15项,2024年底前完成20项整改任务",
    "累计完成整改任务150项",
    "按照整改方案确定的任务,今年需完成的整改任务18项",
    # the part's qualifier and its 的 before the noun, the count after it (every path that reads a count after its noun)
    "已完成整改的问题共45个",
    "共完成整改任务48项",
    "整改完成率达95%，完成整改任务190项",
    "已销号的整改任务清单(共计38项)",
    "已办结的整改任务:32项",
    "完成整改任务数：46",
    "已完成整改问题数：27",
    "正在整改的问题有12个",
    "未完成整改的任务共9项",
    "逾期未完成的整改任务5项",
    "需要长期坚持的整改任务共7项",
    "今年底前需完成的问题有12个",
])
def test_a_part_is_no_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    ("56项整改任务已完成48项", 56),
    ("督察反馈的32个问题中,已完成整改28个", 32),
    ("整改任务56项,目前已完成40项", 56),
    ("全部62项整改任务中,已完成55项,其余7项正在推进", 62),
    ("整改方案的78项任务,已有60项完成整改", 78),
    ("截至9月底,32项反馈问题已完成整改28项,正在推进4项", 32),
    ("截至目前,我县67项中央环保督察整改任务,已整改完成59项。", 67),
    ("某区落实省第二生态环境保护督察组反馈问题的96项整改措施已完成81项", 96),
    ("截至2021年6月底,38个具体问题有35个已完成整改,其余3个问题正在推进。", 38),
    ("截至目前,第三轮省级督察涉及某县的9个问题,6个问题已通过验收", 9),
    ("截至2023年3月,53个督察反馈问题中,已完成整改47个", 53),
    ("督察反馈的27个问题,已完成整改24个", 27),
    ("截至3月底,某市45項中央環保督察整改任務,已整改完成40項。", 45),
    ("截至目前,72项整改任务已累计完成65项", 72),
    ("20项整改任务,已完成18项,2项正在推进", 20),
    # a plan's total due by a day is no part (前完成)
    ("某省要求2025年6月前完成36项具体整改任务", 36),
    ("整改任务总数(项) 37", 37),
    ("整改任务清单(共计39项)", 39),
    ("督察反馈问题涉及我区17项", 17),
    ("整改任务共计41项", 41),
])
def test_the_whole_before_its_part_counts(text, count):
    assert problem_count(text) == count


# -- task count: problems made into tasks, nested categories, a plan's verb frames (sets 10, 12, 13, 17, 18, 19, 26) ---


@pytest.mark.parametrize(("text", "count"), [
    ("第三轮督察反馈某省38个问题共156项任务", 156),
    ("省督察反馈的41个问题细化为120项整改任务", 120),
    ("督察反馈的25个问题分解为87项整改措施", 25),  # measures are no tasks: the problems stay the count
    ("梳理形成6个方面22项72个整改任务", 72),
    ("其中涉及我县的整改任务共3大类17项。", 17),
    ("针对督察指出的5个方面18类问题,整改方案梳理形成了某县整改措施清单(52项)", 52),
    ("整改方案对省级督察指出的31个问题逐一明确责任单位和整改时限", 31),
    ("对56个具体问题,分别建立整改台账,逐一明确整改措施", 56),
    ("对督察反馈意见进行了梳理,形成了三大类十二个方面的88个问题", 88),
    ("经梳理汇总,共形成问题72个", 72),
])
def test_the_plans_own_list_counts_in_its_frames(text, count):
    assert problem_count(text) == count


# -- citation: a label and its numeral in layouts the rows showed late (sets 15, 17, 28) --------------------------------


@pytest.mark.parametrize(("text", "numbers"), [
    ("中央环境保护督察反馈问题(问题编号二十一)整改完成情况公示", [21]),
    ("问题编号:二十一、二十二", [21, 22]),
    ("(问题编号第21号)", [21]),
    ("反馈问题（编号：15）已完成整改", [15]),
    ("中央督察问题十五、问题二十已整改完成", [15, 20]),
    ("中央环保督察反馈意见整改任务【编号58】整改结果公示", [58]),
    ("问题序号：四十二", [42]),
    ("（省编号第41号）", [41]),
    ("中央环保督察问题编号 102 整改结果公示", [102]),
    ("整改任务{编号十二}验收销号公示", [12]),
    ("反馈问题（问题编号：三十四、三十八）完成情况", [34, 38]),
    ("關於中央環境保護督察反饋問題（問題編號二十一）整改情況的公示", [21]),
    ("整改问题第十四项已完成销号", [14]),
    ("中央第三环保督察组交办问题第二十五号已办结", [25]),
    ("编号:12-3", [12]),  # an item and its sub-item, no year
    ("1-20号整改任务", list(range(1, 21))),
    ("14-2号任务", [14]),
])
def test_a_problems_label_and_numeral_cite_it(text, numbers):
    assert cited_numbers(text) == numbers


# -- citation: 第N项 numbering something that is no task (set 15: 第1项整改措施), and labels of other things ------------


@pytest.mark.parametrize("text", [
    "(一)关于第3项整改措施落实情况。",
    "第2项工作措施已全部完成",
    "第二项措施是加快截污纳管",
    "一是第1项考核指标已达标",
    "报告第三项内容为整改情况",
    "第5项要求已落实",
    "按照《条例》第十五条第二项规定",
    "问题编号规则由省厅统一制定",
    "项目编号:2021-15",
    "受理编号:A1234",
    "受理编号：X230501000123号问题",
    "信访件编号D330000202306180001",
    "问题十分突出",
    "问题12个",
    "第三批交办问题",
    "市政府第十二次常务会议",
    # a year and its serial under a bare label: a case's or a document's code
    "编号:2023-0156",
    "问题编号：2021-15",
    "（编号：2020-3）",
    "编号：2019-08号任务",
])
def test_an_item_of_something_else_cites_no_task(text):
    assert cited_numbers(text) == []


# -- inspection: a 市级 naming whose municipality only its districts name (sets 14, 17, 25) ---------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("第二批市级督察组已进驻海淀、石景山、门头沟三个区", _provincial(batch=2)),
    ("首批市级环保督察组进驻黄浦、徐汇两区", _provincial(batch=1)),
    ("第二轮市级生态环境保护督察完成对闵行区、嘉定区的督察", _provincial(2)),
    ("市级生态环境保护专项督察组进驻綦江区", _provincial(special=True)),
    ("第一轮市级环保督察实现对东丽、西青、津南等区全覆盖", _provincial(1)),
    ("市級環保督察組進駐璧山區", _provincial()),
    ("重庆市第二轮市级生态环境保护督察启动", _provincial(2)),
    ("市生态环境局副局长带队督察三组到綦江区开展市级生态环境保护专项督察", _provincial(group=3, special=True)),
])
def test_a_municipal_naming_sent_to_the_municipalitys_district_is_provincial(text, name):
    assert _named(text) == name


@pytest.mark.parametrize("text", [
    "咸阳市第二批市级生态环境保护督察组进驻三原县",
    "第二批市级督察组进驻某区",
    "舟山市市级环保督察组进驻普陀区",  # 普陀 is a district of 舟山 too
    "长春市首批市级督察组进驻朝阳区",
    "市级环保督察组进驻通州区",  # 通州 is 南通's district too
    "浙江省某市启动市级督察,首站大兴街道",
    "大兴安岭地区开展市级环保督察",
    "市级督察组对长宁县开展督察",
])
def test_another_citys_municipal_naming_names_none(text):
    assert _named(text) is None


# -- inspection: a cue without its licence (sets 12, 16, 17, 24, 26: joined levels, a yardstick, groups side by side) --


@pytest.mark.parametrize("text", [
    "扎实推进中央和省级环保督察反馈问题整改",
    "全力抓好中央环保督察、省级环保督察反馈问题整改",
    "紧盯中央生态环境保护督察反馈问题、省委专项督察指出问题",
    "以省级生态环境保护督察标准为依据,开展自查",
    "按照中央环保督察的标准开展县级自查",
    "市第一、第二、第三环境保护督察组分别进驻某区",
    "中央第四生态环境保护督察组和省第二生态环境保护督察组先后进驻",
])
def test_a_level_cue_without_its_licence_names_none(text):
    assert _named(text) is None


@pytest.mark.parametrize(("text", "name"), [
    ("以中央环保督察为契机,全面加强生态环境保护", _central()),
    ("省第二生态环境保护督察组进驻甲市、省第三生态环境保护督察组进驻乙市", _provincial()),
    ("在中央环保督察的基础上,省级环保督察实现全覆盖", _provincial()),
    ("省生态环境保护督察二组进驻某市", _provincial(group=2)),
    ("省督察一组、二组分别进驻甲市、乙市开展省级生态环境保护督察", _provincial()),
])
def test_one_naming_keeps_its_level_and_no_shared_group(text, name):
    assert _named(text) == name


# -- inspection: round, batch and level stated away from the body (sets 10, 14–18, 20, 22, 24, 27, 29, 30) ------------


@pytest.mark.parametrize(("text", "name"), [
    ("第三轮第二批中央生态环境保护督察近日启动", _central(3, 2)),
    ("据悉，这是第三轮第二批开展的中央生态环境保护督察", _central(3, 2)),
    ("第二轮第二批针对4省开展的中央生态环境保护督察进驻", _central(2, 2)),
    ("首批实施的省级生态环境保护督察覆盖5市", _provincial(batch=1)),
    ("2019年起,某省开展了第二轮省级生态环境保护督察", _provincial(2)),
    ("自治区党委第三生态环境保护督察组向某市反馈督察情况", _provincial(group=3)),
    ("省委、省政府第二批督察组进驻5市", _provincial(batch=2)),
    ("江苏省第二轮第三批生态环境保护督察全面启动", _provincial(2, 3)),
    ("重庆第三批环保集中督察组进驻8个区县", _provincial(batch=3)),
    ("中央第六生态环境保护督察组(第三轮第二批)进驻某省", _central(3, 2, 6)),
    ("省第一生态环境保护督察组向某市反馈督察情况（第三批）", _provincial(batch=3, group=1)),
    ("2023年,甘肃启动第三轮省级生态环境保护督察", _provincial(3)),
    ("近日,河南省委、省政府部署开展第二轮第四批省级生态环境保护督察", _provincial(2, 4)),
    ("某省已对14个市州开展了第一批督察“回头看”", _provincial(batch=1, again=True)),
    ("经省委、省政府批准,决定组建4个专项督察组,对某市开展大气污染防治专项督察", _provincial(special=True)),
    ("2018年实现了省级环保督察全覆盖", _provincial()),
    ("兵团第二生态环境保护督察组向某师反馈督察意见", _provincial(group=2)),
    ("上海市生态环境保护第三督察组向某区反馈督察意见", _provincial(group=3)),
    ("天津市2024年生态环境保护督察全面启动", _provincial()),
    ("宁夏启动第二轮生态环境保护督察", _provincial(2)),
])
def test_a_stage_or_level_stated_apart_from_the_body_is_read(text, name):
    assert _named(text) == name


@pytest.mark.parametrize(("text", "name"), [
    ("第二批交办的中央环保督察信访件", _central()),  # the petitions' batch
    ("第三批公示的中央环保督察整改任务", _central()),  # a batch of notices
])
def test_a_batch_of_other_things_before_a_naming_is_not_its_batch(text, name):
    assert _named(text) == name


# -- info block: a medium's name with no label beside the day (sets 10, 12, 14–16, 19, 20, 22, 25–27, 30) ----------


@pytest.mark.parametrize(("text", "value"), [
    ("2019-03-12 08:15:40 新华网  点击数:", ("新华网", "2019-03-12", None, None)),
    ("2020-11-02 09:30  中国环境报  阅读:", ("中国环境报", "2020-11-02", None, None)),
    ("2020-11-02 09:30:11 绿色江南网 浏览量:", ("绿色江南网", "2020-11-02", None, None)),
    ("2021-01-05 09:30:11 某某日报 作者: 张某", ("某某日报", "2021-01-05", None, None)),
    ("浙江日报 2021-05-06 07:30:15", ("浙江日报", "2021-05-06", None, None)),
    ("江西省生态环境厅   时间:2022-08-09 10:11", ("江西省生态环境厅", "2022-08-09", None, None)),
    ("四川日报·川观新闻   2023-04-18 06:58:00", ("四川日报·川观新闻", "2023-04-18", None, None)),
    ("湖南日报·新湖南客户端   2023-04-18 06:58:00", ("湖南日报·新湖南客户端", "2023-04-18", None, None)),
    ("南方日报&nbsp;&nbsp;2024-01-09", ("南方日报", "2024-01-09", None, None)),
    ("2017-08-01 12:00:00  央广网    参与评论()人", ("央广网", "2017-08-01", None, None)),
    ("福建日报·2025-02-14 08:20", ("福建日报", "2025-02-14", None, None)),
    ("某某网 www.example.com 发布时间:2021/7/19 8:44:37", ("某某网", "2021-07-19", None, None)),
])
def test_a_mediums_name_beside_the_day_is_the_publisher(text, value):
    assert info_block(text).value() == value


# -- info block: a person's or an account's name, or a verb, where a publisher stands (sets 15, 18, 21) ---------------


@pytest.mark.parametrize(("text", "value"), [
    ("来源:记者 李某\n审核:王某", None),
    ("发表于 2020-3-5 10:20:11", (None, "2020-03-05", None, None)),
    ("绿水青山老李 2019-05-06", (None, "2019-05-06", None, None)),
    ("来源: 2021-07-01 10:00:00", (None, "2021-07-01", None, None)),
    ("张某某 2022-09-01", (None, "2022-09-01", None, None)),
    ("发布者:admin 2020-06-01", (None, "2020-06-01", None, None)),
    ("楼主 2018-08-08 12:12", (None, "2018-08-08", None, None)),
    ("小编 2019-10-10", (None, "2019-10-10", None, None)),
    ("环保志愿者 2021-04-22", (None, "2021-04-22", None, None)),
    ("某某楼主\n2019-05-06 10:00", (None, "2019-05-06", None, None)),
    ("2020-11-02 09:30  王某某  阅读:", (None, "2020-11-02", None, None)),
    ("2020-11-02 09:30  环保老兵  浏览:", (None, "2020-11-02", None, None)),
])
def test_a_person_or_an_account_is_no_publisher(text, value):
    assert info_block(text).value() == value


# -- info block: where a source's value ends (sets 19, 20, 22) and the day's forms (sets 16, 18, 20, 25, 27) ------------


@pytest.mark.parametrize(("text", "value"), [
    ("2019-08-22 07:56:00 来源:齐鲁晚报 大字体 小字体", ("齐鲁晚报", "2019-08-22", None, None)),
    ("信息来源:南山区环境局 信息提供日期:2020-11-18 15:39:11", ("南山区环境局", "2020-11-18", None, None)),
    ("来源:人民网 责任编辑:张三 2018-02-03", ("人民网", "2018-02-03", None, None)),
    ("发布时间:19年06月10日 信息来源:某市生态环境局", ("某市生态环境局", "2019-06-10", None, None)),
    ("2023/08/15/ 09:09 来源:某日报", ("某日报", "2023-08-15", None, None)),
    ("15.03.2019  10:51\n   某某日报 (记者 张某)", ("某某日报", "2019-03-15", None, None)),
    ("发布时间:2019.6.26 来源:某市生态环境局", ("某市生态环境局", "2019-06-26", None, None)),
    ("2019年6月26日 星期三 来源:某日报", ("某日报", "2019-06-26", None, None)),
    ("2019-06-26 周三 来源:某日报", ("某日报", "2019-06-26", None, None)),
    ("发布日期:20210305 信息来源:某县人民政府", ("某县人民政府", "2021-03-05", None, None)),
    ("2022/11/20/ 10:01 来源:某某网", ("某某网", "2022-11-20", None, None)),
])
def test_the_source_ends_at_the_next_field_and_the_day_is_read_in_its_forms(text, value):
    assert info_block(text).value() == value
