"""Mechanisms behind the readers' dev misses on set 48 (issue 21, the round on set 48, r48: sector pages on plastic film
and pesticide packaging, tailings, rural toilets and refuse, sand mining, the 长江 shoreline, discharge permits, off-road
machinery, soil conservation, sewage plants, construction waste and subsidence areas): each pinned with positives in
forms no row had and negatives where the cue comes without its licence.  Every text here is our own (row ids are named
in comments only), none copied from the corpus."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from crawler.extraction.info import info_block
from tests.ledger.conftest import reads_status


def _reads_deadline(text: str, context_year: int | None = None) -> tuple[str | None, str] | None:
    d = deadline(text, context_year=context_year)
    return None if d.kind == "unknown" else (d.iso(), d.kind)


# -- S1 status: a share of the works after a completion is the works in hand (fc9e5067, 57f6f55c) -------------------


@pytest.mark.parametrize(("text", "want"), [
    ("截至6月底,示范区治理已完成投资的40%,其余资金正在拨付", "on_track"),
    ("二期管网已累计完成总工程量约60%", "on_track"),
    ("土建已完成,设备安装进度已完成约40%", "on_track"),
    ("目前,厂房主体已完工,管网铺设进度已完成55%。", "on_track"),
    # a share that is no share of the works stays a part done (S5 of earlier rounds), the whole works done stays done
    ("已完成整改,投资1200万元", "done"),
    ("河道清淤已完成", "done"),
])
def test_a_share_of_the_works_is_the_works_in_hand(text, want):
    reads_status(text, want)


# -- S2 status: the works begun, all of them or after 已 (46322300) -------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("12个治理项目均已开工建设", "on_track"),
    ("全县8座污水站全部开工,其中3座已建成", "on_track"),
    # not begun, or begun as the aim
    ("尚有2个项目未开工", "behind"),
    ("确保年底前全部开工", "other"),
])
def test_the_works_begun_are_on_track(text, want):
    reads_status(text, want)


# -- S3 status: a completion said to be hard (很难 / 难于) is not able to finish (13eb0e2b) --------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("受汛期影响,部分矿山很难如期完成复绿,经批准延期", "behind"),
    ("3处堆场难于按期完成清运", "behind"),
    # done, no difficulty stated
    ("3处堆场已按期完成清运", "done"),
])
def test_a_completion_said_to_be_hard_is_behind(text, want):
    reads_status(text, want)


# -- S4 status: 做到 sets what is to be achieved (e022e87e) ----------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("做到底数清、去向明,基本消除尾矿库环境隐患", "other"),
    ("各乡镇要做到全部整改到位", "other"),
    # reported with 已 or 了
    ("全县已做到应收尽收,基本消除露天堆放", "mostly_done"),
])
def test_what_is_to_be_achieved_is_no_status(text, want):
    reads_status(text, want)


# -- S5 status: sanctions graded by 甚至 / 直至 after a topic's group are a rule's scale (925773a2) --------------------


@pytest.mark.parametrize(("text", "want"), [
    ("对推进缓慢、成效不明显的乡镇核减补助资金,直至取消评优资格。", "other"),
    ("对进展滞后的企业约谈负责人,甚至停止其申报资格", "other"),
    # the sanction carried out finds the cases
    ("对进展滞后的企业约谈了负责人,甚至停止了其申报资格", "behind"),
])
def test_graded_sanctions_are_a_rule(text, want):
    reads_status(text, want)


# -- S6 status: a campaign's progress since its plan or start (22fbfbbf) ---------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("专项行动开展以来,全市秸秆禁烧工作取得明显进展", "on_track"),
    ("《三年行动计划》实施以来,农膜回收取得积极进展", "on_track"),
    # a general remark with no start named
    ("生态环境保护取得积极进展", "other"),
])
def test_a_campaign_progress_since_its_start(text, want):
    reads_status(text, want)


# -- S7 status: a target met ahead of time or exceeded after the subject's tally (6fe2ea4f; 0672c299) ----------------


@pytest.mark.parametrize(("text", "want"), [
    ("全年治理水土流失面积120平方公里,超额完成年度目标任务", "done"),
    ("全市回收农药包装废弃物80吨,提前完成省定年度任务", "done"),
    # aimed at, or no target named
    ("力争提前完成年度目标任务", "other"),
    ("全市回收80吨,按时完成", "other"),
])
def test_a_target_met_ahead_after_the_tally(text, want):
    reads_status(text, want)


# -- S8 status: all passing a check (均…通过…验收) (f324981c) ---------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("12个乡镇均顺利通过市级达标验收", "done"),
    ("5家企业均通过县级核查", "done"),
    # to pass, not passed
    ("各乡镇均要通过市级验收", "other"),
])
def test_all_passing_a_check_is_done(text, want):
    reads_status(text, want)


# -- S9 status: a thing not yet treated before a task judged heavy is the need, no progress (0254781e) ----------------


@pytest.mark.parametrize(("text", "want"), [
    ("全县仍有300公顷废弃矿山尚未得到修复,修复任务相当繁重", "other"),
    # tasks not done, their weight judged: behind (the task not done, not the thing not treated)
    ("仍有3项整改任务尚未完成,整改任务依然艰巨", "behind"),
    ("全县仍有300公顷废弃矿山尚未修复", "behind"),
])
def test_a_need_before_a_heavy_task_is_no_progress(text, want):
    reads_status(text, want)


# -- D1 deadline: a year before a blank month is no year's end (d31f9443) --------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("经研究,于2023年X月X日召开专题会议", None),
    ("工作专班已于2021年×月×日成立", None),
    # a year's end stated
    ("2023年底前完成全部整改", ("2023-12-31", "date")),
])
def test_a_blank_month_is_no_year_end(text, want):
    assert _reads_deadline(text) == want


# -- D2 deadline: a campaign's span — its actors before the verb, lasting until a time, stages listed ----------------
# (9c1d0383, 73163a92, 0763f4f9)


@pytest.mark.parametrize(("text", "want"), [
    ("定于2024年3月至8月,省生态环境厅会同各市组织开展固废专项整治行动", ("2024-08-31", "date")),
    ("全市尾矿库专项整治攻坚行动将持续至2025年6月", ("2025-06-30", "date")),
    ("行动分三个阶段:摸底(2024年5月)、整治(2024年6月—9月)、验收(2024年10月—11月)", ("2024-11-30", "date")),
    # a campaign told in the past, a stay with no campaign
    ("2017年8月至9月,市局开展了专项整治", None),
    ("2024年3月至8月,督察组进驻某市", None),
])
def test_a_campaign_span_closes_on_its_last_day(text, want):
    assert _reads_deadline(text) == want


# -- D3 deadline: 定期 consulting jointly is recurring (3682c0bf) ------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("两地环保部门定期协商,联合执法", (None, "recurring")),
    ("建立上下游定期研商机制", (None, "recurring")),
    ("不定期协商", None),
])
def test_regular_consulting_is_recurring(text, want):
    assert _reads_deadline(text) == want


# -- D4 deadline: 到 after a clause's connective sets a target time (7ed5efe1) ----------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("年内要建成转运站,并到2025年9月各乡镇都要实现全覆盖", ("2025-09-30", "date")),
    ("各地要建立台账,最终到2026年3月全部完成清理", ("2026-03-31", "date")),
    # 到 a place, no time
    ("同时到现场核查整改情况", None),
])
def test_to_after_a_connective_is_a_target_time(text, want):
    assert _reads_deadline(text) == want


# -- I1 info block: a name any path reads that names no body is none (75369a46) ---------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("2022-03-01 09:30   来源: 网络", (None, "2022-03-01", None, None)),
    ("2022-03-01 09:30   来源: 互联网", (None, "2022-03-01", None, None)),
    ("2022-03-01 09:30   来源: 中国环境报", ("中国环境报", "2022-03-01", None, None)),
])
def test_a_name_of_no_body_after_a_day_is_none(text, want):
    assert info_block(text).value() == want


# -- I2 info block: an attachment heading run onto a flattened signature line (76547818) -----------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("某某省生态环境厅 二〇二二年三月五日 附件:1.名单", (None, None, "2022-03-05", None)),
    ("某某县人民政府 2019年4月8日 附件", (None, None, "2019-04-08", None)),
    # the attachment heading on its own line still cuts as before
    ("某某县人民政府\n2019年4月8日\n附件:\n2019年5月1日", (None, None, "2019-04-08", None)),
])
def test_an_attachment_heading_run_on_opens_its_own_line(text, want):
    assert info_block(text).value() == want
