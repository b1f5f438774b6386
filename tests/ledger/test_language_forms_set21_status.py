"""Classes of construction the dev rows of fresh sets 21, 22 and 23 showed unread by the status and deadline readers
(issue 21), each pinned with positives and near-miss negatives; every text here is our own, built on the
construction, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import status_class


@pytest.mark.parametrize("text", [
    "按要求全面建成污水处理厂",
    "今年5月按要求全面完成河道清淤",
    "已按要求全面建成投运",
    "按照要求全部完成整治",
    "镇污水站于去年底按要求全面建成",
    "按要求全面完工并通过验收",
    "按要求圆满完成了各项任务",
    "該工程於3月按要求全面建成",
])
def test_a_manner_before_a_completion_leaves_it_stated(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "要求全面建成污水处理厂",
    "确保按要求全面完成",
    "上级要求全部完成整治",
    "督促企业按要求全面完成整改后上报",
    "目标要求全面建成",
])
def test_a_requirement_before_a_completion_stays_an_aim(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "117项探采矿项目全部关停",
    "保护区内违建房屋全部拆除",
    "沿河12个排污口全部封堵",
    "涉及的23家企业全部取缔",
    "散乱污企业全部淘汰",
    "饮用水源地内养殖场全部搬迁",
    "非法码头全部关闭",
    "保护区内8座小水电全面退出",
    "違建全部拆除",
])
def test_all_of_a_thing_ended_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "确保违建全部拆除",
    "要求非法码头全部关闭",
    "2025年底前全部关停",
    "督察组全部实现进驻",
    "力争散乱污企业全部淘汰",
    "排污口没全部封堵",
])
def test_all_of_a_thing_aimed_at_or_no_work_ended_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "部分地区整改仍不到位",
    "一些县区整改工作还不到位",
    "该市治理工作依然不到位",
    "落实仍然不到位",
    "整治工作尚不到位",
    "部分问题整改依旧不到位",
    "黑臭水体治理还不到位",
    "相關地方整改仍不到位",
])
def test_the_work_said_still_not_in_place_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "仍有一些地方整改工作不到位",
    "严防整改不到位",
    "对整改不到位的,严肃问责",
    "整改已到位",
])
def test_not_in_place_without_persistence_or_a_finding_is_not_behind(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "相关方面的拆除工作均未达到要求",
    "整改工作未达到要求",
    "清理工作仍未达到督办要求",
    "治理未能达到要求",
    "修复工作没有达到要求",
    "整治工作都未达到省里要求",
    "落实未达到要求",
    "該區整改工作未達到要求",
])
def test_the_work_not_reaching_its_requirement_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "整改工作已达到要求",
    "整改达到要求后销号",
    "拆除工作均达到要求",
    "排放未达到标准的企业名单",
])
def test_the_work_reaching_its_requirement_is_not_behind(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "各责任单位要第一时间赶赴现场做好调查处置",
    "接到交办件后立即组织核查",
    "发现问题第一时间处置",
    "对群众举报问题即刻进行调查",
    "乡镇要马上整改",
    "立刻组织清理",
    "第一时间到达现场调查",
    "接報後第一時間趕赴現場",
])
def test_an_at_once_adverb_before_acting_is_immediate(text):
    assert deadline(text).kind == "immediate"


@pytest.mark.parametrize("text", [
    "未第一时间处置",
    "第一时间公开整改情况",
    "没立即整改",
    "第一时间上报信息",
])
def test_an_at_once_adverb_negated_or_before_reporting_is_not_immediate(text):
    assert deadline(text).kind != "immediate"


@pytest.mark.parametrize("text", [
    "按时完成了砖瓦窑厂的拆除工作任务",
    "如期完成了12处排污口封堵",
    "提前完成了年度治理任务",
    "该县按期完成了整改",
    "顺利完成了验收",
    "及时完成了清运",
    "依法完成了关停",
    "各乡镇按要求完成了排查",
])
def test_a_manner_adverb_before_the_perfective_completion_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "确保按时完成",
    "要按时完成了才能销号",
    "没按时完成",
    "如果按时完成了就予以销号",
    "按时完成",
])
def test_a_manner_adverb_before_a_completion_aimed_or_negated_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "已到达整改考核要求",
    "已达到整改考核要求",
    "已符合验收销号条件",
    "已满足整改销号要求",
    "已经符合整改验收标准",
    "水质已全部达到整改要求",
    "已按期到达整改要求",
    "已符合整改要求",
])
def test_a_requirement_reached_after_yi_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "符合整改要求的予以销号",
    "不符合整改要求",
    "未满足验收条件",
    "未达到整改考核要求",
])
def test_a_requirement_named_as_a_group_or_negated_is_not_done(text):
    assert status_class(text) != "done"


@pytest.mark.parametrize("text", [
    "在正在进行的专项督查中,被发现对污染问题整改不力",
    "在正在开展的检查中发现该企业整改仍不到位",
    "正在进行的督察中,3个项目进度滞后",
    "正在实施的工程中有2个未按期完工",
    "在環保部正在進行的強化督查中,被發現整改不力",
    "正在推进的整改任务中,1项逾期未完成",
    "从正在开展的排查看,部分问题整改不力",
    "仍在进行的督查发现2个问题进展缓慢",
])
def test_a_progressive_closed_by_de_names_a_thing_and_the_finding_decides(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "项目正在建设",
    "3个问题正在整改",
    "正在建设的3个项目进展顺利",
    "整改工作正在推进中",
])
def test_a_progressive_as_the_predicate_stays_on_track(text):
    assert status_class(text) == "on_track"


@pytest.mark.parametrize("text", [
    "针对工作中进展缓慢、推进滞后等情形进行督察",
    "聚焦整改不力、进度滞后等问题开展专项督查",
    "对于未按期完成等情况,将予以通报",
    "围绕进度滞后等问题开展调研",
    "重点督查整改不到位、虚假整改等行为",
    "針對進展緩慢等情形開展督察",
    "瞄准推进滞后等现象开展暗访",
    "针对整改不力、敷衍塞责等问题,开展专项整治",
])
def test_behind_kinds_in_the_object_of_a_topic_are_no_state(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "针对发现的进度滞后等问题,进行约谈",
    "项目进展缓慢、推进滞后",
    "督察发现整改不力、进度滞后等问题",
    "3个项目进度滞后等问题突出",
])
def test_behind_kinds_found_or_stated_stay_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "46项年度整改任务全面完成,10项长期整改任务正在全力推进",
    "其中“立行立改,长期坚持”类15个,已完成6个,正在整改9个",
    "“长期坚持”类问题8个,已完成3个,正在推进5个",
    "长期坚持型任务6项正在按计划推进",
    "其中长期类问题已完成4个,其余2个正在整改",
    "长期整改任务正在有序推进",
    "12项长期治理任务均按序时推进",
    "长期整改事项正在办理中",
])
def test_a_kept_up_duty_naming_a_category_or_a_task_noun_is_no_state(text):
    assert status_class(text) == "on_track"


@pytest.mark.parametrize("text", [
    "需长期坚持",
    "整改时限:立行立改,长期坚持",
    "已完成整改,长期坚持",
    "该问题需长期持续整改",
])
def test_a_kept_up_duty_as_the_predicate_stays_ongoing_or_done(text):
    assert status_class(text) in ("ongoing", "done")


@pytest.mark.parametrize("text", [
    "地区生产总值增长6.1%,低于目标0.9个百分点",
    "社会消费品零售总额增长4%,低于年度目标2个百分点",
    "城镇新增就业增长率低于预期目标1.5个百分点",
    "优良天数比例比目标低3个百分点",
    "进出口总额增长2.3%,比全年目标低2.7个百分点",
    "固定资产投资增长5%,低于计划目标1个百分点",
    "一般公共预算收入增长3.2%,低于预期1.8个百分点",
    "規上工業增加值增長5%,低於目標1個百分點",
])
def test_a_target_missed_by_a_margin_in_points_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "增长5%,高于目标0.5个百分点",
    "PM2.5浓度低于目标值",
    "确保降幅不低于目标",
    "比目标高1.2个百分点",
])
def test_a_target_beaten_or_a_bound_is_not_behind(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "有关部门监督管理不到位,甚至违规审批",
    "当地监管不到位,甚至出现虚假整改",
    "企业主体责任不到位,甚至长期偷排",
    "执法不到位,甚至存在以罚代管",
    "整改措施不到位,甚至敷衍应付",
    "督察指出该市监管不到位",
    "檢查發現執法不到位",
    "部分县区落实不到位、甚至还有弄虚作假",
])
def test_a_shortcoming_found_or_escalated_is_behind(text):
    assert status_class(text) == "behind"


@pytest.mark.parametrize("text", [
    "对监管不到位的严肃追责",
    "防止责任不到位",
    "严禁执法不到位",
    "监管不到位将被约谈",
])
def test_a_shortcoming_as_a_rule_or_guard_is_not_behind(text):
    assert status_class(text) != "behind"


@pytest.mark.parametrize("text", [
    "该公司已规范填写危险废物标牌信息",
    "企业已规范设置危废贮存场所",
    "已规范张贴警示标识",
    "已全部规范贮存",
    "已规范化建设危废仓库",
    "厂区已规范存放原料",
    "均已规范设置排污口标志牌",
    "該企業已規範設置標識",
])
def test_work_done_to_standard_after_yi_is_done(text):
    assert status_class(text) == "done"


@pytest.mark.parametrize("text", [
    "要规范设置标识",
    "未规范贮存危险废物",
    "督促企业规范填写台账",
    "危废未规范存放",
])
def test_work_to_standard_aimed_or_negated_is_not_done(text):
    assert status_class(text) != "done"
