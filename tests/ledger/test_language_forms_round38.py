"""Mechanisms behind the readers' dev misses on set 38 (issue 21, the round on set 38, r38: clearance and close-out
pages — 取缔 / 拆除 / 关停 / 清理 / 整治): each pinned with positives in forms no row had and negatives where the cue comes
without its licence.  Every text here is our own (row ids are named in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status

# -- R1 status: a tally of ended things counted approximately (600多栋, 300余处) or by a building's classifier (栋 / 幢 /
# 间), under 共 / 累计 / 依法 or straight after the verb (cabd0ed9, 04bb9cf4) -------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("截至9月底,全县共拆除违法建筑300多栋", "done"),
    ("三个街道累计关停小作坊120余家", "done"),
    ("沿湖共清退养殖户40余户", "done"),
    ("摸排出违建房屋87幢,其中依法拆除80幢", "done"),
    ("今年以来依法拆除违章厂房56间", "done"),
    ("镇里拆除了简易棚房20多间", "done"),
    # the cue unlicensed: a plan, a target, a limit, a negation
    ("计划共拆除违法建筑300多栋", "other"),
    ("年底前共拆除违建200余栋", "other"),
    ("力争拆除违建别墅100多栋", "other"),
    ("全年拆除违建300余栋的任务", "other"),
    ("将依法拆除违章厂房56间", "other"),
    ("目标是累计关停小作坊120余家以上", "other"),
])
def test_an_approximate_or_building_count_after_a_verb_of_ending_is_done(text, want):
    reads_status(text, want)


# -- R2 status: counted things as the subject of an act that ends them, closed by 完毕 / 到位 with no 已 (4b457cbb); the
# work brought up to standard after 已 (已经整改达标, f1ba4e7f) --------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("沿河12处违建砂场拆除完毕。", "done"),
    ("列入名单的8家小炼油厂关停到位", "done"),
    ("全乡36个畜禽养殖场清退完毕,河道恢复畅通", "done"),
    ("3处非法码头清理到位", "done"),
    ("列入名单的锅炉均已治理达标", "done"),
    ("砖瓦窑企业全部已经整改达标", "done"),
    # the cue unlicensed: a limit, a plan, a demand, a negation
    ("5个违建项目要在6月底前拆除完毕", "other"),
    ("确保12处砂场拆除完毕", "other"),
    ("8家小炼油厂将于年底关停到位", "other"),
    ("责令3处非法码头限期清理到位", "other"),
    ("2个养殖场尚未清退完毕", "behind"),
    ("20个点位中仅有14个清理到位", "other"),
    ("要求企业尽快整改达标", "other"),
])
def test_counted_things_ended_to_completion_or_brought_up_to_standard_are_done(text, want):
    reads_status(text, want)


# -- R3 status: the work said nearly over (接近尾声, bcbeca9f; set 38's written convention: mostly done) --------------


@pytest.mark.parametrize(("text", "want"), [
    ("历时半年的河道采砂专项整治接近尾声", "mostly_done"),
    ("目前拆除工作已近尾声", "mostly_done"),
    ("网箱清理工作临近尾声", "mostly_done"),
    ("复绿工程步入尾声", "mostly_done"),
    # the cue unlicensed: a forecast, an aim, a negation
    ("预计拆除工作下月接近尾声", "other"),
    ("整治工作即将接近尾声", "other"),
    ("力争年底前步入尾声", "other"),
    ("盼望清理工作早日接近尾声", "other"),
    ("争取拆除工作尽快步入尾声", "other"),
])
def test_work_nearly_over_is_mostly_done(text, want):
    reads_status(text, want)


# -- R4 status: a part done limited by 仅 / 只 with its object between the verb and the part, or a measured amount (只完成
# 某湖区40公顷, 0073058c), licensed by what was due before it or by the rest said not begun after it (3ea74a6f) ---------


@pytest.mark.parametrize(("text", "want"), [
    ("按计划应于去年底前完成退田还湖300亩,目前只完成东湖片区120亩", "behind"),
    ("原定年内完成的修复任务,目前仅完成矿区边坡30%", "behind"),
    ("应于2021年前完成清淤12公里,截至目前仅完成主河道4公里", "behind"),
    ("该工程仅完成首段工程40%的任务,其余两段仍在设计阶段", "behind"),
    ("仅拆除一号码头2座,其余码头尚未启动拆除", "behind"),
    ("只完成东片区复绿60%,剩余区域还处于前期阶段", "behind"),
    # the cue unlicensed: no due, no rest; the rest in hand; 不仅
    ("目前仅完成东湖片区120亩", "other"),
    ("仅完成一期工程50%的任务,其余工程正在施工", "on_track"),
    ("不仅完成主河道清淤4公里,还新建了护岸", "other"),
    ("仅用3个月就完成拆除", "other"),
])
def test_a_part_limited_by_only_with_its_object_between_is_behind_when_licensed(text, want):
    reads_status(text, want)


# -- R5 status: after a part done, the rest scheduled with its limit in its own clause (69abfaf6: on track); done and in
# hand stated as alternatives of one subject (2fb91918: the weaker state) ------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("已关停小砖窑20家,其余6家将于9月底前全部关停", "on_track"),
    ("已拆除网箱80%,剩余部分计划在春节前全部拆除", "on_track"),
    ("已依法取缔12处砂场,其他3处将在本月内取缔", "on_track"),
    ("已完成整治15条,其余5条预计年底前完成", "on_track"),
    ("每个乡镇至少有1个污水站已建成投运或正在建设", "on_track"),
    ("集中供热站已建成或正在施工", "on_track"),
    # the cue unlicensed: the rest with no limit, a rest not scheduled, done alone, a separate sentence
    ("已关停小砖窑20家,其余6家将依法处理", "done"),
    ("已关停小砖窑20家。其余6家将于9月底前全部关停", "done"),
    ("已建成污水站3座,运营良好", "done"),
    ("已依法取缔12处砂场,其余3处尚未取缔", "behind"),
])
def test_the_rest_scheduled_or_in_hand_as_an_alternative_is_on_track(text, want):
    reads_status(text, want)


# -- R6 status: a continuing duty announced with a manner of force (将继续强力推进…工作, 1096a8c5), or 继续 opening a
# clause that governs the next clause's effort (将继续出重拳,加大…力度, 5aabb3b5); a negated or stopped 继续 is none ------


@pytest.mark.parametrize(("text", "want"), [
    ("下一步,我镇将继续大力开展河道清理工作", "ongoing"),
    ("将继续全力推进违建别墅拆除工作,严格把好验收关", "ongoing"),
    ("下一步,县里将继续保持高压态势,加大非法采砂打击力度", "ongoing"),
    ("我们将继续亮剑,加大对违法排污的查处力度", "ongoing"),
    ("区里将继续坚决推进砖瓦窑关停工作", "ongoing"),
    # the cue unlicensed: negated or stopped, no work named, the effort in another sentence
    ("不再继续强力推进拆除工作", "other"),
    ("停止继续施工,加大整改力度", "other"),
    ("未继续开展巡查工作", "other"),
    ("将继续强力推进", "other"),
    ("继续出重拳。加大巡查力度", "other"),
])
def test_a_continuing_duty_with_force_or_governing_the_next_clause_is_ongoing(text, want):
    reads_status(text, want)


def _deadline(text: str, context_year: int | None = None) -> tuple[str | None, str]:
    read = deadline(text, context_year=context_year)
    return (read.last_day.isoformat() if read.last_day else None, read.kind)


# -- D1 deadline: an at-once adverb before acting in general (立即行动, 立即采取有效措施; e015f0a0, 281c487e) -----------


@pytest.mark.parametrize(("text", "want"), [
    ("各乡镇要立即行动,彻底清理河道堆砂", (None, "immediate")),
    ("要求立即采取有效措施,防止污染扩大", (None, "immediate")),
    ("责令其马上采取措施,停止违法采砂", (None, "immediate")),
    ("相关部门立刻行动起来,对砖瓦窑进行排查", (None, "immediate")),
    ("必须第一时间采取果断措施", (None, "immediate")),
    # the cue unlicensed: negated, a noun, no adverb
    ("当地未立即采取措施", (None, "unknown")),
    ("没有立即行动,致使污染扩大", (None, "unknown")),
    ("采取有效措施,防止污染扩大", (None, "unknown")),
])
def test_an_at_once_adverb_before_acting_in_general_is_immediate(text, want):
    assert _deadline(text) == want


# -- D2 deadline: 定期 + 落实 is a recurring duty (93621f15); 常态化 naming a mechanism with a recurring duty stated too
# (落实常态化巡查机制,定期开展巡查: afa664e0) reads the duty's period, not a kept-up one ------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("各单位定期落实整改进展情况", (None, "recurring")),
    ("建立常态化巡查机制,定期开展河道巡查", (None, "recurring")),
    ("落实常态化监管制度,每月开展一次执法检查", (None, "recurring")),
    ("完善常态化督导机制,定期及不定期通报进展", (None, "recurring")),
    # the cue unlicensed: 不定期 / 规定期限 alone; 常态化 without a mechanism named, or with no recurring duty
    ("不定期落实检查", (None, "unknown")),
    ("在规定期限落实整改", (None, "unknown")),
    ("建立常态化巡查机制", (None, "ongoing")),
    # (r40: a regular duty beside a kept-up cue decides, as sets 34's and 40's labels have it — this case read ongoing
    # until then)
    ("坚持常态化巡查,定期开展检查", (None, "recurring")),
])
def test_a_mechanisms_recurring_duty_is_recurring(text, want):
    assert _deadline(text) == want


# -- D3 deadline: the page's year left out before 内 / 底 with a modal between it and the completion (年内将完成, 58bf80c2);
# a month of the next year with an act that ends the work after it (明年四月全部拆除, be388101) -----------------------


@pytest.mark.parametrize(("text", "year", "want"), [
    ("污泥处理工程年内将完成开工准备", 2009, ("2009-12-31", "date")),
    ("砂场年底要全部完成清理", 2019, ("2019-12-31", "date")),
    ("养殖网箱明年四月全部拆除", 2016, ("2017-04-30", "date")),
    ("明年三月份全面完成清退", 2020, ("2021-03-31", "date")),
    ("剩余码头明年6月关停", 2018, ("2019-06-30", "date")),
    # the cue unlicensed: a report, an event, another year, no page year
    ("年内已完成开工准备", 2009, (None, "unknown")),
    ("年底将召开推进会", 2009, (None, "unknown")),
    ("明年4月将召开推进会", 2016, (None, "unknown")),
    ("次年4月全部拆除", 2016, (None, "unknown")),
    ("明年四月全部拆除了", 2016, (None, "unknown")),
])
def test_a_modal_year_end_or_a_next_years_month_before_an_ending_act_is_a_limit(text, year, want):
    assert _deadline(text, year) == want


# -- D4 deadline: a past start running up to now (自2018年7月底至今, ab786a1c) is no limit -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("自2019年3月底至今,全县共关停砖瓦窑40座", (None, "unknown")),
    ("从2020年6月到现在,专项行动已开展三轮", (None, "unknown")),
    ("2018年5月迄今,河道采砂整治一直在进行", (None, "unknown")),
    ("自去年10月至目前,累计清理网箱3万平方米", (None, "unknown")),
    # a limit kept: the end of a window, a limit after 至
    ("整治时间为2019年3月至2019年6月底", ("2019-06-30", "date")),
    ("2019年6月底前全部拆除", ("2019-06-30", "date")),
    ("要求至2020年底全部关停", ("2020-12-31", "date")),
    ("自即日起至2019年12月31日止开展专项整治", ("2019-12-31", "date")),
])
def test_a_past_start_up_to_now_is_no_limit(text, want):
    assert _deadline(text) == want


# -- R7 status: a check's counted sample qualified by a completion claimed (抽查7家已上报完成清理的企业), the result after
# it decides (结果4家未清理 → behind; ac176ffd); the requirement reached for the most part after 已 (已基本达到整改目标,
# 1ba8aeae: set 38's written convention, the claim as stated) ------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("抽查10家已销号的养殖场,结果3家未拆除栏舍", "behind"),
    ("现场抽查8处已上报整改到位的砂场,结果5处未清理", "behind"),
    ("检查发现5处砂场仍未拆除", "behind"),
    ("市里认为整改任务已基本达到整改目标", "mostly_done"),
    ("治理工程已基本达到验收标准", "mostly_done"),
    # the cue unlicensed: a sample with a good or no result, a completion not in a sample, a condition
    ("抽检5处已上报整改到位的点位,结果均符合要求", "other"),
    ("抽查7家已上报完成清理的企业", "other"),
    ("已完成清理的企业有7家", "done"),
    ("已基本达到验收标准后申请销号", "other"),
])
def test_a_sampled_claim_and_its_result_and_a_target_mostly_reached(text, want):
    reads_status(text, want)


# -- R8 status: work under way stated by its stage or its share (已进入集中攻坚区, 0107642b; 土建任务完成过半, 58c5ee75), and a
# required act not done in time (未按要求及时拆除, e0661631) -----------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("秦岭违建整治已进入集中攻坚阶段", "on_track"),
    ("清退工作全面进入攻坚期", "on_track"),
    ("污水厂土建任务完成过半", "on_track"),
    ("复绿工程完成了工程量的过半", "on_track"),
    ("个别采砂点未按要求及时拆除洗砂设备", "behind"),
    ("3家砖厂没有按规定彻底关停", "behind"),
    # the cue unlicensed: an aim, a time before it, a step ahead
    ("即将进入攻坚阶段", "other"),
    ("力争年底前完成过半", "other"),
    ("计划上半年完成工程量的过半", "other"),
    ("要求按规定及时拆除洗砂设备", "other"),
])
def test_work_under_way_by_its_stage_or_share_and_an_act_not_done_in_time(text, want):
    reads_status(text, want)


# -- B1 info block: a source office before a bracketed reporter or correspondent (2322a7f6): the office is the publisher,
# the person none ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("来源:县环保督察整改办(通讯员:王小明)", "县环保督察整改办"),
    ("来源:某县生态环境局（通讯员 张三）", "某县生态环境局"),
    ("来源:市融媒体中心(记者:李四 通讯员:赵五)", "市融媒体中心"),
    ("来源:县林业局(见习记者 钱六)", "县林业局"),
    # the bracket is no person: kept as written; a person alone is no publisher
    ("来源:县生态环境局(办公室)", "县生态环境局(办公室)"),
    ("来源:(记者 王明)", None),
    ("来源:通讯员 王明", None),
    ("来源:本网", None),
])
def test_a_source_office_before_a_bracketed_reporter_is_the_publisher(text, want):
    assert (info_block(text).value() or (None,))[0] == want
