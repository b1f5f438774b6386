"""Mechanisms behind the status and deadline readers' dev misses on sets 31–35 (issue 21, the round on sets 31–35,
r35a), each pinned with positives in forms no row had and negatives where the cue comes without its licence; every
text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from archive.ledger.status import read_status
from tests.ledger.conftest import reads_status

# -- status: a shortfall naming the group a rule's sanction befalls (7cd502e8, 695b0fe1, afab08b3, 30dbe4aa) -------


@pytest.mark.parametrize(("text", "want"), [
    ('本次检查结束后,将对整改滞后的县区进行约谈。', 'other'),
    ('市政府将对进展缓慢、推进不力的乡镇主要负责人予以问责。', 'other'),
    ('领导小组要对检查中发现的整改不到位、未按期完成任务的单位予以通报曝光。', 'other'),
    ('对于巡查中发现整改进度滞后的,要予以通报曝光。', 'other'),
    ('未完成年度整改任务的,按差距大小进行扣分。', 'other'),
    ('逾期未整改到位的,按有关规定予以问责。', 'other'),
    ('市纪委对整改进度滞后的3个乡镇进行了约谈。', 'behind'),
    ('对整改不到位的2家企业已约谈其负责人。', 'behind'),
    ('检查发现,仍有4个点位整改滞后,将对相关单位进行约谈。', 'behind'),
    ('督查发现部分问题整改不到位,要求限期整改。', 'behind'),
    ('对推进工作进展缓慢的包抓单位予以重点提醒。', 'behind'),
    ('对还未整改到位的问题,要加大督办力度。', 'behind'),
    ('对逾期未完成整改任务的要及时启动问责程序。', 'other'),
    ('检查组对检查中整改不到位的点位逐一进行了反馈。', 'behind'),
    ('对整改不彻底的企业予以通报。', 'behind'),
    ('对整改不到位的企业要予以通报。', 'other'),
    ('对整改不到位的单位,将进行约谈。', 'other'),
])
def test_a_shortfall_naming_the_group_of_a_sanction_rule_states_none(text, want):
    """将对 / 要对 … 的 … 约谈 / 问责 / 通报曝光, a finding inside the topic under such a rule, a headless group (…的,按…扣分): none; a sanction or measure carried out on the group (进行了约谈, 已约谈, 进行了反馈, 予以提醒, no modal) is behind (the settled status-88b05249; 98918f47)."""
    reads_status(text, want)


# -- status: a check's topic group and a listed condition (c17971d1, 2cfe2ca4) -------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ('此次督查重点针对整改进度滞后的项目开展现场检查。', 'other'),
    ('聚焦进展缓慢的问题进行暗访督导。', 'other'),
    ('专项行动针对长期未整改到位的点位进行专项排查。', 'other'),
    ('督查组针对进展滞后的项目进行了现场检查,发现3个项目未开工。', 'behind'),
    ('检查发现,整改进度滞后的项目有3个。', 'behind'),
    ('(三)被责令限期整改,逾期未完成的;', 'other'),
    ('2.整改验收未通过,仍未整改到位的;', 'other'),
    ('有下列情形之一的,不予销号:1.整改未完成的;2.群众仍有投诉的。', 'other'),
    ('全县尚未完成的整改任务有5项。', 'behind'),
    ('截至目前,仍有2项整改任务未完成。', 'behind'),
    ('督查组针对进展滞后的项目进行了现场检查。', 'behind'),
])
def test_a_check_topic_and_a_listed_condition_state_none(text, want):
    """针对 / 聚焦 … 滞后的问题 + a check not carried out, and an item closed by a headless 的 (…尚未完成的;): none; a check carried out (进行了检查) or a finding keeps behind."""
    reads_status(text, want)


# -- status: a continuing duty of work announced (a60be63e, 185f80f2, 181209e5) ------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ('下一步,县水利局将继续加大河道采砂监管力度。', 'ongoing'),
    ('今后,我们将继续深入开展饮用水水源地环境问题排查整治工作。', 'ongoing'),
    ('该公司将持续加强施工现场扬尘管控。', 'ongoing'),
    ('下一步将继续加强对尾矿库的日常巡查。', 'ongoing'),
    ('将继续改善区域水环境质量。', 'other'),
    ('要求各地继续加大资金投入力度,确保按期完成。', 'other'),
    ('继续全面推进农村环境综合整治工作。', 'ongoing'),
])
def test_a_continuing_duty_announced_is_ongoing(text, want):
    """将继续加大…力度, 将继续深入开展…工作, 将持续加强…把控 / 巡查: ongoing (the settled status-181209e5); a trend (将继续改善…) or a requirement (要求各地继续…) is not."""
    reads_status(text, want)


def test_a_duty_negated_is_not_ongoing():
    assert read_status("未继续加大执法力度,导致问题反弹。").status != "ongoing"


# -- status: parts tallied by state, on track and behind together (30e10bc2, 6b78c181) -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ('截至6月底,15项任务中12项按计划推进,3项进度滞后。', 'behind'),
    ('达到序时进度的8个,未达到序时进度的2个。', 'behind'),
    ('其中按时间节点推进的有9项,推进缓慢的有1项。', 'behind'),
    ('12项任务均按计划推进,其余事项正在办理。', 'on_track'),
    ('各项任务按计划推进,整体进展顺利。', 'on_track'),
    ('已完成整改10项,未完成2项。', 'behind'),
    ('20个项目中,按序时推进的18个,进度滞后的2个。', 'behind'),
])
def test_counted_parts_on_track_and_behind_are_behind(text, want):
    """a counted part on track and a counted part behind: the weaker state (set 8's convention); a masked x项 counts."""
    reads_status(text, want)


# -- status: the rest in hand counted after a progressive's 的, and a rate judged against the plan (46f7263d, 1c93a55f, e384ab12) ---


@pytest.mark.parametrize(("text", "want"), [
    ('已经整改完成的有8家,正在整改的还有两家', 'on_track'),
    ('已办结的有12件,正在办理的有3件。', 'on_track'),
    ('正在开展的专项督查由市生态环境局牵头。', 'other'),
    ('截至6月底,35项问题已整改完成20项,整改完成率57%,超出计划目标7个百分点。', 'on_track'),
    ('已完成整改30项,完成率高于序时进度。', 'on_track'),
    ('该工程已累计完成总工程量的80%,进入设备安装阶段。', 'on_track'),
    ('项目已完成总投资的65%,正在进行设备安装。', 'on_track'),
    ('35项问题已全部整改完成,完成率100%。', 'done'),
    ('已完成整改10项,完成率低于序时进度。', 'behind'),
    ('目前已完成总工程量的70%,进入主体和附属工程施工建设。', 'on_track'),
    ('计划下月进入工程施工建设。', 'other'),
])
def test_the_rest_in_hand_and_the_pace_judged_decide_after_a_part(text, want):
    """正在整改的还有两家 counts the rest in hand (正在开展的专项督查 names a thing); 超出计划目标 / 高于 / 低于序时进度 after a part done decides; a share of the whole works done with works entered is on track."""
    reads_status(text, want)


# -- status: a finding of persistence, relapse or all short (73b20e2c, e59e7756, 48b677fb) -------------------------


@pytest.mark.parametrize(("text", "want"), [
    ('企业上报已全部完成整改,但此次督察发现,该区域仍存在大量违规堆放。', 'behind'),
    ('检查发现,已整改的12处点位中有3处反弹。', 'behind'),
    ('暗访发现,部分河段依然存在垃圾乱堆现象。', 'behind'),
    ('复查发现,该企业已拆除的设施又死灰复燃。', 'behind'),
    ('要加强巡查,防止问题反弹。', 'other'),
    ('对复查发现仍存在问题的企业,要依法从严处理。', 'other'),
    ('如发现问题反弹,要立即整改。', 'other'),
    ('抽查的20家企业落实整改要求均不到位。', 'behind'),
    ('抽查的15个点位整治均不彻底。', 'behind'),
    ('要确保各项整改要求不折不扣落实到位。', 'other'),
    ('防止整改要求落实不到位。', 'other'),
    ('对整改要求均不到位的企业,要依法处罚。', 'other'),
])
def test_a_finding_of_persistence_or_relapse_is_behind(text, want):
    """督察发现…仍存在, 检查发现…反弹, 抽查的…均不到位: behind, also after 但 over a reported completion; a guard (防止反弹), a condition (如发现…) or a group a duty is for (对…发现仍存在问题的企业,要…) is none."""
    reads_status(text, want)


# -- status: completion frames beyond 已完成 (29e4f0a5, 9b11aa08, 9d0bed23, eeb70c20, 67246015, 4ae4dea4, 6f72aa3f) ---


@pytest.mark.parametrize(("text", "want"), [
    ('截至5月底,该镇已将河道两岸堆放的垃圾全部清运完毕。', 'done'),
    ('我局已把违规设置的排污口封堵到位。', 'done'),
    ('已将整改任务交办到位。', 'other'),
    ('6家企业均已按照市生态环境局下发的整改通知书要求完成整改。', 'done'),
    ('要按照整改方案明确的要求完成整改。', 'other'),
    ('涉及的3个点位目前均已在6月底前完成整治。', 'done'),
    ('要在6月底前完成整治。', 'other'),
    ('经复查,该批次点位均已按要求进行清理。', 'done'),
    ('该公司根据整改方案完成了治理任务,并通过专家验收。', 'done'),
    ('是否完成了整改任务需经验收确认。', 'other'),
    ('执法人员对5家无证经营的小作坊进行了依法取缔。', 'done'),
    ('化学需氧量、氨氮排放量均顺利完成年度减排目标任务。', 'done'),
    ('要确保化学需氧量排放量顺利完成减排目标。', 'other'),
])
def test_completion_frames_beyond_yi_wancheng_are_done(text, want):
    """已将…清运完毕 (not 交办到位), 已按…要求完成 (a long manner), 已在…前完成, 均已按要求进行清理, 完成了 + its task, 进行了依法取缔, 均顺利完成 (需 in 化学需氧量 is no modal): done; the aims and questions are none."""
    reads_status(text, want)


# -- status: a shortfall inside a problem named by its topic (f83402f0) --------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ('省督察组反馈我县的关于污水管网建设滞后、雨污混流等问题已完成整改并销号。', 'done'),
    ('中央督察组指出的垃圾处理设施建设滞后,渗滤液外溢等问题已全部整改到位。', 'done'),
    ('交办的关于工业园区污水处理厂建设滞后等问题正在按序时推进。', 'on_track'),
    ('督察反馈的关于污水处理厂建设滞后等问题至今仍未完成整改。', 'behind'),
    ('督察组指出,该县污水管网建设滞后,雨污混流等问题突出。', 'behind'),
    ('省委巡视反馈的关于矿山修复工作推进缓慢等问题已全部整改销号。', 'done'),
    ('督察指出的关于工业园区污水处理设施建设滞后等问题已基本完成整改。', 'mostly_done'),
    ('省督察组反馈的关于城镇污水处理设施建设滞后等问题,整改进度缓慢。', 'behind'),
])
def test_a_shortfall_inside_a_named_problem_yields_to_its_predicate(text, want):
    """反馈的关于…滞后…等问题 + a status predicate: the predicate decides; a predicate behind or none keeps behind."""
    reads_status(text, want)


# -- status: a problem not checked, a plan not issued, a sham deceiving the inspectors (98836cef, 2add771d, be18eaf4) ---


@pytest.mark.parametrize(("text", "want"), [
    ('河北省某县虚假整改应付督察', 'behind'),
    ('某市表面整改糊弄群众。', 'behind'),
    ('严禁虚假整改应付督察。', 'other'),
    ('坚决杜绝表面整改、敷衍整改应付检查。', 'other'),
    ('虽开展了专项整治,但违法排污现象仍未得到有效遏制。', 'behind'),
    ('非法采砂行为没有完全得到遏制。', 'behind'),
    ('要确保非法采砂行为得到有效遏制。', 'other'),
    ('该集团虽然编制了整改方案,但未经领导班子研究,也未印发实施。', 'behind'),
    ('整改方案至今未正式印发实施。', 'behind'),
    ('方案经研究后印发实施。', 'other'),
])
def test_unchecked_problems_unissued_plans_and_shams_found_are_behind(text, want):
    """仍未得到有效遏制, 未印发实施, …县虚假整改应付督察: behind; guarded (严禁 / 杜绝) or aimed (要确保…遏制) none."""
    reads_status(text, want)



# -- deadline: cadences, immediacy, labels, hours, cut-offs, years and ranges ----------------------------------------------
# (26ddc26c 按月跟进, b6b63626 按天调度, ff7182ea 季度抽查+年度核查, 565e1a71 立接立办, 8b88eac7 hours, cd0d0fb4 截止日期是,
# 0a5b6677 拟销号时间, a7d0607f 截至…共, 543b63c4 完成2021年度…工作, c45df33f / 5dca003e a table row's date cell,
# ac985505 a year's event, 479340e0 an undated event's eve, 61c05d2a a range from a period's end)


@pytest.mark.parametrize(("text", "kind", "day"), [
    ('专人按月跟进落实整改进展。', 'recurring', None),
    ('要严格按照时间节点,按天调度,确保如期完成。', 'recurring', None),
    ('各乡镇按周跟进问题整改情况。', 'recurring', None),
    ('建立“日常巡查+季度抽查+年度核查”监管机制。', 'recurring', None),
    ('实行周巡查、月抽查制度。', 'recurring', None),
    ('2021年度核查结果显示,水质达标。', 'unknown', None),
    ('接到信访件后,立接立办。', 'immediate', None),
    ('对违法建设立即予以拆除。', 'immediate', None),
    ('发现问题立即依法关停。', 'immediate', None),
    ('未立即予以关停,造成污染扩大。', 'unknown', None),
    ('举报电话受理时间为每周一至周五上午9:00-12:00。', 'unknown', None),
    ('每周一召开整改调度会。', 'recurring', None),
    ('改造工作的截止日期是2014年12月31日。', 'date', '2014-12-31'),
    ('拟销号时间 2025年4月21日', 'date', '2025-04-21'),
    ('计划完成时间:2023年6月30日', 'date', '2023-06-30'),
    ('截至2023年底全区共建成污水处理厂13座。', 'unknown', None),
    ('保质保量完成2021年度河湖监督检查工作。', 'date', '2021-12-31'),
    ('截至6月底累计完成整改问题45个。', 'unknown', None),
    ('截至2018年10月底完成全部整改任务。', 'date', '2018-10-31'),
    ('确保完成2022年度水污染防治目标任务。', 'date', '2022-12-31'),
    ('已完成2021年度河湖监督检查工作。', 'unknown', None),
])
def test_deadline_duties_labels_and_cut_offs(text, kind, day):
    found = deadline(text)
    assert (found.kind, found.iso()) == (kind, day), (text, found)
    assert kind == "unknown" or (found.read and found.read.replace(" ", "") in text.replace(" ", ""))  # the span read


@pytest.mark.parametrize(("text", "kind", "day"), [
    ('立即整改 | 2018年11月 |', 'date', '2018-11-30'),
    ('立行立改 | 2019年6月 |', 'date', '2019-06-30'),
    ('2018年核查发现的12处黑臭水体已于2020年底完成整治。', 'unknown', None),
    ('2019年督察发现的问题已全部整改。', 'unknown', None),
    ('2020年完成全部整改任务。', 'date', '2020-12-31'),
    ('要求在2015年加油站年审前完成油气回收改造。', 'unknown', None),
    ('2021年省督察进驻前完成自查。', 'unknown', None),
    ('确保2021年底前完成整改。', 'date', '2021-12-31'),
    ('2022年内全面完成。', 'date', '2022-12-31'),
    ('县城建成区黑臭水体已于2019年完成整治。', 'unknown', None),
    ('2023年8月底至12月中旬,市委第一巡察组对市自然资源局开展了巡察。', 'unknown', None),
    ('确保2021年3月底至5月底完成集中整治。', 'date', '2021-05-31'),
    ('2020年6月底至9月,督察组对全省开展了专项检查。', 'unknown', None),
    ('2020年6月底前完成整改。', 'date', '2020-06-30'),
])
def test_deadline_cells_years_events_and_ranges(text, kind, day):
    found = deadline(text)
    assert (found.kind, found.iso()) == (kind, day), (text, found)
    assert kind == "unknown" or (found.read and found.read.replace(" ", "") in text.replace(" ", ""))  # the span read
