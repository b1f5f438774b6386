"""Linking close-out notices to plan tasks: by number within the right plan, confirmed by text."""
from __future__ import annotations

from archive.ledger.link import PlanTask, link_notice, similarity

PROVINCE = {1: {1: PlanTask(11, 1, 1, "城镇污水处理设施建设滞后问题"), 2: PlanTask(12, 1, 2, "黑臭水体整治不彻底问题"),
                4: PlanTask(14, 1, 4, "河道非法采砂问题"), 9: PlanTask(19, 1, 9, "危险废物违规贮存问题")}}
CITY = {2: {1: PlanTask(21, 2, 1, "矿山生态修复进展缓慢问题"), 2: PlanTask(22, 2, 2, "建筑垃圾乱堆乱放问题")}}


def _links(texts, plans):
    return {(link.task_id, link.status) for link in link_notice(texts, plans)}


def test_number_in_the_title_confirmed_by_the_quoted_problem():
    texts = [("title", "关于第二轮中央生态环境保护督察反馈问题第2项整改任务验收销号情况的公示", []),
             ("body", "《整改方案》中“黑臭水体整治不彻底问题”整改任务已整改完成", [])]
    links = link_notice(texts, PROVINCE)
    assert [(link.task_id, link.status, link.location) for link in links] == [(12, "confirmed", "title")]
    assert links[0].similarity == 1.0


def test_a_notice_closing_two_tasks_closes_each():
    texts = [("title", "关于第四项、第九项整改任务验收销号的公示", []), ("body", "", [])]
    assert _links(texts, PROVINCE) == {(14, "confirmed"), (19, "confirmed")}


def test_a_city_notice_only_sees_the_city_plan():
    """The caller passes the plans of the notice's own region: task 1 of the province is out of reach."""
    texts = [("title", "关于第1项整改任务验收销号的公示", []), ("body", "“矿山生态修复进展缓慢问题”已整改完成", [])]
    assert _links(texts, CITY) == {(21, "confirmed")}


def test_number_cited_only_in_the_attachment_form():
    texts = [("title", "黑臭水体整治不彻底问题任务验收销号意见公开公示内容", []), ("body", "现予公示（见附件）。", []),
             ("attachment:5", "整改任务验收销号表", [[["整改任务", "第二轮中央生态环境保护督察第二项整改任务：黑臭水体整治不彻底问题"]]])]
    links = link_notice(texts, PROVINCE)
    assert [(link.task_id, link.status, link.location) for link in links] == [(12, "confirmed", "attachment:5")]


def test_number_whose_problem_reads_differently_is_only_a_candidate():
    texts = [("title", "关于第2项整改任务验收销号的公示", []), ("body", "“尾矿库环境风险隐患突出问题”整改任务已完成", [])]
    links = link_notice(texts, PROVINCE)
    assert [(link.task_id, link.status) for link in links] == [(12, "candidate")]
    assert "differs" in (links[0].reason or "")


def test_same_number_in_two_different_plans_is_ambiguous_without_text():
    plans = {**PROVINCE, **CITY}
    links = link_notice([("title", "关于第1项整改任务验收销号的公示", []), ("body", "", [])], plans)
    assert {(link.task_id, link.status) for link in links} == {(11, "candidate"), (21, "candidate")}
    assert all("2 different plans" in (link.reason or "") for link in links)


def test_the_problem_text_picks_the_plan_when_the_number_is_in_both():
    plans = {**PROVINCE, **CITY}
    texts = [("title", "关于第1项整改任务验收销号的公示", []), ("body", "“矿山生态修复进展缓慢问题”整改任务已整改完成", [])]
    assert _links(texts, plans) == {(21, "confirmed")}


def test_no_number_anywhere_matches_by_text_only_when_unique():
    texts = [("title", "关于整改任务“河道非法采砂问题”验收销号的公示", []), ("body", "", [])]
    links = link_notice(texts, PROVINCE)
    assert [(link.task_id, link.status) for link in links] == [(14, "confirmed")]
    assert "matched by problem text" in (links[0].reason or "")
    assert link_notice([("title", "关于整改任务验收销号的公示", []), ("body", "", [])], PROVINCE) == []


def test_similarity():
    assert similarity("黑臭水体整治不彻底", "黑臭水体整治不彻底问题") == 1.0
    assert similarity("黑臭水体整治不彻底", "河道非法采砂") < 0.2
    assert similarity("", "x") == 0.0


def test_exact_wording_picks_one_of_several_close_problems():
    plans = {1: {3: PlanTask(31, 1, 3, "河道非法采砂问题（2022年方案）")}, 2: {3: PlanTask(32, 2, 3, "河道非法采砂问题（2023年方案）")}}
    texts = [("title", "关于第3项整改任务验收销号的公示", []), ("body", "“河道非法采砂问题（2023年方案）”整改任务已完成", [])]
    assert _links(texts, plans) == {(32, "confirmed")}


def test_nested_quotes_and_numbered_titles():
    plans = {1: {5: PlanTask(55, 1, 5, "“两高”项目盲目上马")}}
    texts = [("title", "关于第二轮中央生态环境保护督察第5项整改任务验收销号的公示", []),
             ("body", "“““两高”项目盲目上马”整改任务已整改完成。".replace("““", "“", 1), [])]
    links = link_notice(texts, plans)
    assert [(link.task_id, link.status, link.similarity) for link in links] == [(55, "confirmed", 1.0)]
