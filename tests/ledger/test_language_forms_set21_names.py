"""Set 21–23 dev rows' unread constructions in the naming, task-count and info-block readers (issue 21), pinned with
our own sentences (never corpus rows): positives in a writer's variants and near misses that must not fire."""
from __future__ import annotations

import pytest

from archive.ledger.naming import inspection_name
from archive.timeliness.fields import problem_count
from crawler.extraction.info import info_block


def _key(text: str) -> tuple | None:
    return named.key() if (named := inspection_name(text)) else None


# -- inspection ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    # a bare 督察组 with its provincial level glued to it (省督察组, 省级督察组, 自治区督察组) names the inspection
    ("2019年6月2日,省督察组向某某市反馈了督察意见。", ("provincial", None, None, None, False, False)),
    ("省督察组进驻某某县后,受理群众信访件30件", ("provincial", None, None, None, False, False)),
    ("省级督察组对我市开展督察", ("provincial", None, None, None, False, False)),
    ("自治区督察组向某盟反馈督察情况", ("provincial", None, None, None, False, False)),
    ("省督察組向某某市反饋了督察意見。", ("provincial", None, None, None, False, False)),
    ("甘肃省督察组近日进驻某某市", ("provincial", None, None, None, False, False)),
    ("某某市召开迎接省督察组工作部署会", ("provincial", None, None, None, False, False)),
    ("省督察组“回头看”反馈会召开", ("provincial", None, None, None, True, False)),
    # …and with its level and a round or a batch, 回头看 before 督察组 (湖南省第一批7个“回头看”督察组)
    ("至此,某某省第一批5个“回头看”督察组全部完成进驻。", ("provincial", None, 1, None, True, False)),
    ("湖北省第二批4个回头看督察组进驻", ("provincial", None, 2, None, True, False)),
    ("江西省第三批“回头看”督察组完成反馈", ("provincial", None, 3, None, True, False)),
    ("某某省第二轮3个督察组完成进驻", ("provincial", 2, None, None, False, False)),
])
def test_a_bare_group_with_a_glued_level_or_a_batch(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    "某某市督察组向各乡镇反馈问题",  # a city's own 市级 group is no level of the ledger's
    "省督查组向某某市反馈了检查意见",  # 督查: a check, not the inspection
    "省督导组进驻某某县",  # a steering group
    "督察组向某某市反馈了督察意见",  # no level
    "省委巡视组进驻某某市",
])
def test_no_inspection_from_other_groups_or_no_level(text):
    assert _key(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # a level named by its territory (省内 / 自治区内) before the core words: the province's own inspection
    ("2018年实现了省内环保督察全覆盖。", ("provincial", None, None, None, False, False)),
    ("自治区内生态环境保护督察实现全覆盖", ("provincial", None, None, None, False, False)),
    ("省内生态环境保护督察整改任务已完成80%", ("provincial", None, None, None, False, False)),
    ("省內環保督察反饋問題整改", ("provincial", None, None, None, False, False)),
    ("首轮省内环保督察于2017年完成", ("provincial", 1, None, None, False, False)),
    ("省内第二轮生态环境保护督察启动", ("provincial", 2, None, None, False, False)),
    ("第三批省内环境保护督察进驻", ("provincial", None, 3, None, False, False)),
    ("省内 生态环保督察“回头看”完成", ("provincial", None, None, None, True, False)),
])
def test_a_level_named_by_its_territory(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    # near misses: a central naming after 省内 stays central; 省内 with no inspection, a district's 区内 names none
    ("省内各地积极配合中央环保督察", ("central", None, None, None, False, False)),
    ("省内中央生态环境保护督察整改工作推进", ("central", None, None, None, False, False)),
    ("省内环境质量持续改善", None),
    ("区内环保督察反馈问题整改", None),
    ("市内环保督察全覆盖", None),
])
def test_no_territory_level_before_another_level_or_without_the_naming(text, key):
    assert _key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    # a level's Nth group of an environmental 专项督察 named by a title between them: that group, special
    ("省委第十二污染防治攻坚暨长江流域生态保护专项督察组近日进驻省水利厅", ("provincial", None, None, 12, False, True)),
    ("省第二长江保护专项督察组进驻某某市", ("provincial", None, None, 2, False, True)),
    ("自治区第五大气污染防治专项督察组向某盟反馈", ("provincial", None, None, 5, False, True)),
    ("河南省第一黄河流域生态保护专项督察组完成进驻", ("provincial", None, None, 1, False, True)),
    ("省委第二十一水污染防治专项督察组", ("provincial", None, None, 21, False, True)),
    ("自治區第三生態環境保護專項督察組進駐", ("provincial", None, None, 3, False, True)),
    ("省第六固废污染环境防治专项督察组进驻", ("provincial", None, None, 6, False, True)),
    ("省委第一秸秆禁烧暨大气污染防治专项督察组", ("provincial", None, None, 1, False, True)),
])
def test_a_level_group_before_a_titled_special_inspection(text, key):
    assert _key(text) == key


@pytest.mark.parametrize("text", [
    # near misses: another field's special group, a 河长制 check, a city's group, an edition (届) and no title
    "中央第一禁毒专项督察组进驻",
    "省第三安全生产专项督察组",
    "省第二河湖长制专项督察组",
    "某某市第二环保专项督察组",
    "省委第三届专项督察组",
    "省第一扫黑除恶专项督察组",
])
def test_no_titled_special_group_outside_the_environment(text):
    assert _key(text) is None


@pytest.mark.parametrize("text", [
    # the national inspection by another name (国家环保督察) in a provincial naming's sentence: two levels, no one
    "以省级环保督察行动为抓手,以国家环保督察标准为依据",
    "省级环保督察和国家环保督察同步推进",
    "以省級環保督察為抓手,以國家環保督察標準為依據",
    "对照国家生态环境保护督察要求,开展省级生态环境保护督察",
    "按照国家级环保督察的标准开展自治区环保督察",
    "省环保督察与国家环境保护督察有机衔接",
    "参照国家环保督察模式,组织第二轮省级环保督察",
    "湖南省生态环境保护督察对标国家生态环境保护督察",
])
def test_a_national_naming_beside_a_provincial_one_gives_no_level(text):
    assert _key(text) is None


@pytest.mark.parametrize(("text", "key"), [
    # near misses: the national one in another sentence, a sea inspection (no inspection of the ledger's), a central one
    ("省级环保督察启动。国家环保督察去年已结束", ("provincial", None, None, None, False, False)),
    ("国家海洋督察和省级环保督察", ("provincial", None, None, None, False, False)),
    ("省第二轮环保督察进驻,国家公园建设同步推进", ("provincial", 2, None, None, False, False)),
    ("中央生态环境保护督察组进驻,国家级自然保护区整改", ("central", None, None, None, False, False)),
])
def test_a_national_naming_elsewhere_leaves_the_level(text, key):
    assert _key(text) == key


# -- task count ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # a work report to the 人大 (审计工作报告 / 政府工作报告) counts the report's items, no plan's
    "审计工作报告反映的5个方面825个问题",
    "市审计工作报告反映的问题共计120个",
    "对2021年度审计工作报告指出的236个问题进行整改",
    "審計工作報告反映的6個方面412個問題",
    "区审计工作报告揭示的3大类58个问题",
    "关于审计工作报告反映的96项问题的整改情况",
    "政府工作报告确定的60项任务",
    "县审计工作报告指出问题48个",
])
def test_no_count_from_a_work_report_to_the_congress(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "count"), [
    # …but an audit's own report's findings answered by a plan, and the inspectors' problems, keep their count
    ("《审计报告》反映涉及3个方面、12个单位共计40项具体问题", 40),
    ("督察组反馈的45个问题全部制定了整改措施", 45),
    ("省生态环境保护督察反馈我市的问题共32个", 32),
    ("中央生态环境保护督察反馈问题整改方案明确的58项整改任务", 58),
])
def test_a_count_of_audit_or_inspection_findings_stays(text, count):
    assert problem_count(text) == count


# -- info block ---------------------------------------------------------------------------------------------------


def _info(text: str) -> tuple | None:
    return info_block(text).value()


@pytest.mark.parametrize(("text", "found"), [
    # an empty 来源 followed by the day: the day is no publisher (and still the posting day)
    ("来源: 2019-12-08 01:01:22", (None, "2019-12-08", None, None)),
    ("来源:2020-03-05 10:00", (None, "2020-03-05", None, None)),
    ("信息来源: 2021-06-07 16:20", (None, "2021-06-07", None, None)),
    ("文章来源:  2018.09.10 08:30", (None, "2018-09-10", None, None)),
    ("來源: 2022-01-02 12:00:00", (None, "2022-01-02", None, None)),
    ("稿源: 2023-04-05 09:09", (None, "2023-04-05", None, None)),
    # a site's own date label after a space (信息提供日期:, 录入时间:, 上传日期:) ends the source before it; its day
    # is the posting day
    ("信息来源:某某区审计局 信息提供日期:2020-11-18 15:39:11", ("某某区审计局", "2020-11-18", None, None)),
    ("来源:某某县生态环境局 录入时间:2021-05-06", ("某某县生态环境局", "2021-05-06", None, None)),
    ("来源:某某市水务局 上传日期:2022-07-08", ("某某市水务局", "2022-07-08", None, None)),
    ("信息来源:某某镇人民政府 信息提供时间:2019-02-03", ("某某镇人民政府", "2019-02-03", None, None)),
    ("來源:某某縣林業局 資料提供日期:2018-03-04", ("某某縣林業局", "2018-03-04", None, None)),
    ("来源:某某日报 审核时间:2024-10-11", ("某某日报", "2024-10-11", None, None)),
])
def test_an_empty_source_before_a_day_and_an_own_date_label(text, found):
    assert _info(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # near misses: a name starting with a year's digits is still a name after a label; a named body keeps its words
    ("来源:某某县生态环境局 2021-05-06", ("某某县生态环境局", "2021-05-06", None, None)),
    ("来源:某某县人民政府办公室", ("某某县人民政府办公室", None, None, None)),
    ("来源:中国环境报  时间:2020-01-02", ("中国环境报", "2020-01-02", None, None)),
    ("发布时间:2021-03-05 来源:某某市生态环境局", ("某某市生态环境局", "2021-03-05", None, None)),
])
def test_a_named_source_keeps_its_name(text, found):
    assert _info(text) == found
