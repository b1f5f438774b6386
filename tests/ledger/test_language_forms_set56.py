"""Forms fresh sets 5 and 6 showed unread, read as grammar (issue 21): progress status by its head verb and result
complement (and the rest's state after a part done), stated task counts of a plan only, deadlines that are last days
only, feedback only from the environmental inspectors."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import deadline
from archive.ledger.progress import read_status, status_class
from archive.timeliness.fields import feedback_date, problem_count


@pytest.mark.parametrize(("text", "status"), [
    # 基本 / 大部分 before a completion verb; the main works finished while the rest is not
    ("湿地修复工程,已基本完工", "mostly_done"), ("群众举报问题已基本办结", "mostly_done"), ("大部分已完成整改", "mostly_done"),
    ("已完成大部分", "mostly_done"), ("工程于6月开工建设,目前主体工程已完工。", "mostly_done"),
    # on track: 正在 + up to six words + the verb, 稳步推进, a target's progress reached
    ("正在按照《整改方案》时限要求,稳步推进", "on_track"), ("正在按要求持续推进", "on_track"),
    ("其余50项达到或超过目标进度", "on_track"),
    # behind: 偏慢 / 缓慢 / 滞后, after a 但 that turns the wording
    ("已提前完成16项民生实事,但仍有8项进展偏慢", "behind"), ("整改推进迟缓", "behind"),
    # done: 已 + manner adverb + verb + result complement, 全面完成 stated (not aimed at), a terminal verb after 已
    ("所有提案均已按期答复完毕", "done"), ("已按时完成", "done"), ("3个项目全面完成任务", "done"), ("裸土已全覆盖", "done"),
    ("确保2020年底前全面完成", "other"), ("力争全面完成", "other"), ("设备运行正常", "other"),
    ("整改完毕", "done"), ("确保整改完毕", "other"), ("未整改完毕", "behind"),
    # a part done, then the rest on track or behind: the plan is not done
    ("整改任务已经完成19项,其他整改任务正在按要求持续推进", "on_track"), ("已办结154件,其他任务和案件正在有序推进", "on_track"),
    ("56个项目已完成12项,42个项目正在按计划推进", "on_track"), ("已完成16项,其余8项未完成", "behind"),
    ("提前完成整改交账5项,其余10项均达到序时进度要求", "on_track"),
    # …but a done head stays done when nothing said of the rest is on track or behind
    ("已完成整改,正在组织验收", "done"), ("已完成5项,其余3项长期坚持", "done"), ("已完成整改,目前长期坚持", "done"),
    # (a part mostly done beside a part done is the weaker state: set 8's convention, tests of sets 11 and 12)
    ("整改完成1个,基本整改完成1个", "mostly_done"), ("已全部交办到位,相关单位正在办理中", "on_track"),
])
def test_status_by_head_verb_and_the_rest(text, status):
    assert status_class(text) == status


def test_a_later_clause_stating_the_present_decides_with_its_wording():
    found = read_status("已完成项目用地和报建工作,工程于2025年6月23日开工建设,目前主体工程已完工。")
    assert (found.status, found.head) == ("mostly_done", "主体工程已完工")


@pytest.mark.parametrize(("text", "count"), [
    ("截至11月底,59个具体问题已完成整改32个,其余问题正在有序推进。", 59),  # a total, then the part done
    ("第二轮中央生态环保督察整改44个问题中31个已完成整改", 44),
    ("歸納整理出41個問題,對問題的整改實施清單制管理", 41),  # what the plan sorted them into
    ("將整改任務細化為39個問題,提出…186條具體整改措施", 39),  # problems, not measures
    ("对62个问题以清单的形式,实行挂图作战", 62),
    ("针对曝光的四个方面问题细化制定了20条具体整改措施", None),  # measures are no task count
    ("梳理出4大类56条整改措施清单", 56),  # …but a list of measures is the plan's task list
    ("办好65件民生实事项目是县政府的庄严承诺", None),  # another list's items
    ("省、市两级为民办实事项目涉及我区共38项", None), ("2025年《政府工作报告》明确145项目标任务", None),
    ("2024年第五次县政府常务会议确定事项43件", None), ("34项区政府实事项目具体事项都在积极推进", None),
])
def test_task_counts_of_a_plans_tasks_only(text, count):
    assert problem_count(text) == count


@pytest.mark.parametrize(("text", "last_day"), [
    ("2020年年底前,全面完成省级攻坚考核目标", "2020-12-31"), ("确保2020年年内全面完成", "2020-12-31"), ("2025年年底前,实现生态环境质量名列省内前茅", "2025-12-31"),
    ("2025年全市焦化产能将达到1400万吨,远超规划产能限额", None),  # a forecast quantity
    ("2020年将完成其余9项整改任务", "2020-12-31"),  # a commitment stays a last day
    ("(截至时间:2021年4月11日)", None), ("2022年度市县民生实事未完成项目进度表(截至10月31日)", None),
    ("市人大常委会听取和审议了《重庆市人民政府关于2017年度环境保护工作情况的报告》", None),  # a title's year
    ("关于2017年度环境保护工作情况", None),
    ("我市对各县区开展为期1个月(时间为2月15日-3月15日)的环保督查", None),  # an activity's stay in brackets
    ("请在公示期间(2023年1月9日至2023年1月20日,共10个工作日)向验收单位反映", "2023-01-20"),  # a window stays
    ("公示时间(2020年3月27日-4月2日),请社会各界予以监督", "2020-04-02"),
])
def test_deadlines_are_last_days_only(text, last_day):
    assert deadline(text, context_year=2017).iso() == last_day


@pytest.mark.parametrize(("text", "context_year", "date"), [
    ("自治区第二生态环境保护督察组2024年4月10日至29日对和田地区开展督察,8月16日向和田地区反馈", None, "2024-08-16"),
    ("10月29日,国家林业和草原局武汉专员办对我县目标责任制和森林督查检查意见反馈会召开。", 2018, None),  # a check's
    ("5月3日,市审计局向区政府反馈了审计意见", 2020, None),  # an audit's
    ("5月3日,我市向督察组反馈了信访件办理情况", 2020, None),  # a body reporting back to the inspectors
])
def test_feedback_only_from_the_inspectors(text, context_year, date):
    found = feedback_date(text, context_year=context_year)
    assert (found.iso() if found else None) == date
