"""Mechanisms behind the readers' dev misses on set 39 (issue 21, the round on set 39, r39: clearance campaigns tied to
督察 — sand yards, kilns, fish pens, quarries): each pinned with positives in forms no row had and negatives where the cue
comes without its licence.  Every text here is our own (row ids are named in comments only), none copied from the
corpus."""
from __future__ import annotations

import pytest

from archive.ledger.deadlines import deadline
from tests.ledger.conftest import reads_status

# -- D5 deadline: an at-once adverb whose act comes after the target or the people it sets to work, in one clause
# (立即对…采取关停行动, 立即组织…整改, 立即停下来; 906927b5, 761b5f2b, cee8771c); 边督边改组 names a group (9cf762be) ---------


@pytest.mark.parametrize(("text", "want"), [
    ("要求属地立即对该砖厂采取断电措施", "immediate"),
    ("镇政府立即组织执法人员拆除违建", "immediate"),
    ("区水利局立即督促业主清理河道堆砂", "immediate"),
    ("发现后立即责令企业停产整治", "immediate"),
    ("县里立即对全县采石场开展排查", "immediate"),
    ("凡私自复产的,立即停下", "immediate"),
    ("市生态环境局立即安排专人检查", "immediate"),
    ("立即对非法码头采取取缔行动", "immediate"),
    # the cue unlicensed: negated, no act in its clause, the act in a later clause, or a group's name
    ("该镇未立即组织人员检查", "unknown"),
    ("没有立即对砂场采取关停措施", "unknown"),
    ("立即对群众反映的问题高度重视", "unknown"),
    ("立即通知各乡镇,次日开始检查", "unknown"),
    ("边督边改组加强信访问题督促", "unknown"),
    ("边督边改小组赴现场复查", "unknown"),
])
def test_an_at_once_act_after_its_target_is_immediate(text, want):
    assert deadline(text).kind == want


# -- S1 status: a cleared site given back to land or green (复垦 / 复绿 / 恢复平整) is the clearance's last step: done after 已
# or 全部, mostly done after 基本 — and after a done clause, the weaker state (e7360dfd, 52b61c08) ---------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("原采砂点已全部复垦", "done"),
    ("关停的砖厂厂区已复绿", "done"),
    ("该矿山已恢复平整", "done"),
    ("矿坑已基本恢复地貌", "mostly_done"),
    ("砂堆已全部清运,基本恢复平整", "mostly_done"),
    ("窑体已拆除,场地基本复垦", "mostly_done"),
    ("违建已彻底拆除,基本复绿。", "mostly_done"),
    ("堆场已基本复绿", "mostly_done"),
    # the cue unlicensed: an aim, a plan, a condition, a negation
    ("确保年底前基本恢复植被", "other"),
    ("待场地基本恢复平整后再验收", "other"),
    ("计划明年开春复绿", "other"),
    ("要求矿山企业全部复垦", "other"),
    ("场地尚未复垦", "behind"),
    ("该区域已覆土,计划开春撒草籽复绿", "other"),
])
def test_a_cleared_site_restored_is_done_or_mostly_done(text, want):
    reads_status(text, want)


# -- S2 status: stopping the works and cutting their supply (停止生产, 断电, 断水) are ending acts: done when stated with
# 已 / 全部, behind after 仍未, none when ordered (b68077cd) ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("9家砖窑全部断电、断水了", "done"),
    ("辖区洗砂点已全部停止生产", "done"),
    ("涉事石场均已停止开采", "done"),
    ("15个采砂点已断电", "done"),
    ("沿河砂场全部停止作业", "done"),
    ("该厂已停止营业并拆除设备", "done"),
    ("该窑厂仍未停止生产", "behind"),
    ("部分砂场至今没有断电", "behind"),
    # the cue unlicensed: ordered, forbidden or aimed at
    ("责令该厂停止生产", "other"),
    ("严禁恢复生产,一律断电", "other"),
    ("要求砂场全部停止作业", "other"),
    ("确保月底前全部停止开采", "other"),
])
def test_works_stopped_or_cut_off_are_done(text, want):
    reads_status(text, want)


# -- S3 status: 于 + a day of the page's year + an act closed by 完毕 / 到位 / 完成, narrated (7d3c438a); a limit (前), an aim
# or the future is none ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "want"), [
    ("非法码头于5月18日拆除完毕", "done"),
    ("违建厂房于3月2日下午全部拆除完毕", "done"),
    ("网箱于11月20日清理完毕", "done"),
    ("该养殖场于9月6日关停到位", "done"),
    ("石料厂于7月1日整治完毕,场地平整", "done"),
    ("两处砂场于4月30日拆除完成", "done"),
    # the cue unlicensed: a limit, an aim, the future, a duty, or no completion after the day
    ("非法码头于5月18日前拆除完毕", "other"),
    ("要求非法码头于5月18日拆除完毕", "other"),
    ("网箱将于11月20日清理完毕", "other"),
    ("该养殖场必须于9月6日关停到位", "other"),
    ("于6月22日召开拆除工作推进会", "other"),
    ("计划于7月1日整治完毕", "other"),
])
def test_a_narrated_day_before_a_completion_is_done(text, want):
    reads_status(text, want)


# -- S4 status: after a step done, a later clause of its sentence saying the work itself is still needed (仍需全面完成…,
# 尚需拆除2处) is work going on, on track (711918c5); keeping up what is done (仍需巩固, 加强监管, 长期坚持) leaves it done ------


@pytest.mark.parametrize(("text", "want"), [
    ("工程已通过初步验收,仍需全面完成补植补种", "on_track"),
    ("已拆除违建5处,尚需拆除2处", "on_track"),
    ("码头主体已拆除,还需完成岸线复绿", "on_track"),
    ("砂场已关停,仍须清理堆砂", "on_track"),
    ("已完成设备拆除,尚需进一步完成场地修复", "on_track"),
    ("整改方案已完成,还要实施生态修复", "on_track"),
    # the cue unlicensed: upkeep of what is done, another sentence, or no step done before it
    ("已完成整改,仍需长期坚持", "done"),
    ("已完成整改,仍需加强监管", "done"),
    ("已全部拆除,还需持续巩固", "done"),
    ("已完成整改任务,仍需进一步落实长效机制", "done"),
    ("已完成验收。仍需完成补种工作", "done"),
    ("仍需全面完成补植补种", "other"),
])
def test_work_still_needed_after_a_step_done_is_on_track(text, want):
    reads_status(text, want)
