"""Status tables of 整改进展 reports: rows read, classed and tied to the right plan's tasks."""
from __future__ import annotations

import pytest

from archive.ledger.link import PlanTask
from archive.ledger.progress import link_rows, progress_rows, status_class
from archive.ledger.tables import html_tables

TABLE = """<table border="1">
<tr><th>序号</th><th>整改任务</th><th>责任单位</th><th>整改时限</th><th>整改进展/完成情况</th></tr>
<tr><td>1</td><td>长江岸线生态修复不到位问题</td><td>省自然资源厅</td><td>2023年底前</td><td>已完成</td></tr>
<tr><td>2</td><td>建立长效监管机制</td><td>省生态环境厅</td><td>长期坚持</td><td>序时推进</td></tr>
<tr><td>3</td><td>城镇污水处理设施建设滞后问题</td><td>省住房城乡建设厅</td><td>2024年6月底前</td><td>未达到序时进度</td></tr>
<tr><td>4</td><td>没有这个任务</td><td>省林草局</td><td>2024年底前</td><td>基本完成</td></tr>
<tr><td>5</td><td>说明</td><td></td><td></td><td></td></tr>
</table>"""

PROVINCE = {1: {1: PlanTask(11, 1, 1, "长江岸线生态修复不到位问题"), 2: PlanTask(12, 1, 2, "城镇污水处理设施建设滞后问题"),
                3: PlanTask(13, 1, 3, "建立长效监管机制")}}


@pytest.mark.parametrize(("text", "cls"), [
    ("已完成", "done"), ("已完成整改", "done"), ("基本完成", "mostly_done"), ("序时推进", "on_track"),
    ("达到序时进度", "on_track"), ("未完成", "behind"), ("未达到序时进度", "behind"), ("长期坚持，持续推进", "ongoing"),
    ("正在办理", "on_track"), ("已经完成,长期坚持", "done"), ("已基本完成6项", "mostly_done"),
    ("虽然上报完成整改,但实际未整改到位", "behind"), ("整改完成情况:", "other"), ("其余39项整改任务正积极推进", "on_track"),
    ("已全部办结", "done"), ("突出问题整改进度缓慢", "behind"), ("3项因政策等客观原因未达到时序进度", "behind"),
    ("2022年应完成整改的4项问题达到时序进度", "on_track"), ("其他整改任务正在逐项推动解决", "on_track")])
def test_status_class(text, cls):
    assert status_class(text) == cls


def test_rows_are_read_and_linked_by_problem_text_whatever_their_number():
    rows = progress_rows(html_tables(TABLE), "html_table")
    assert [(r.number, r.progress) for r in rows] == [(1, "已完成"), (2, "序时推进"), (3, "未达到序时进度"), (4, "基本完成")]
    links = link_rows([("body", r) for r in rows], PROVINCE)
    got = [(pl.task_id, pl.row_number, pl.status_text, pl.link_status) for pl in links]
    # row 2 is the plan's task 3 and row 3 its task 2 (renumbered): the text decides; row 4 names no task,
    # and its number has no task either
    assert got == [(11, 1, "已完成", "confirmed"), (13, 2, "序时推进", "confirmed"), (12, 3, "未达到序时进度", "confirmed")]
    assert "matched by problem text" in (links[1].reason or "")


def test_a_number_in_two_different_plans_without_text_is_a_candidate():
    rows = progress_rows([[["序号", "整改任务", "整改进展"], ["1", "", "已完成"]]], "xlsx_table")
    plans = {1: {1: PlanTask(11, 1, 1, "长江岸线生态修复不到位问题")}, 2: {1: PlanTask(21, 2, 1, "建筑垃圾乱堆乱放问题")}}
    links = link_rows([("attachment:5", r) for r in rows], plans)
    assert {(pl.task_id, pl.link_status) for pl in links} == {(11, "candidate"), (21, "candidate")}
    assert "2 different plans" in (links[0].reason or "")


def test_a_republished_plan_gets_the_status_on_each_posting():
    plans = {1: {4: PlanTask(14, 1, 4, "黑臭水体整治不彻底问题")}, 2: {4: PlanTask(24, 2, 4, "黑臭水体整治不彻底问题")}}
    rows = progress_rows([[["序号", "问题", "完成情况"], ["4", "黑臭水体整治不彻底", "已完成"]]], "docx_table")
    assert {(pl.task_id, pl.link_status) for pl in link_rows([("attachment:1", r) for r in rows], plans)} == {
        (14, "confirmed"), (24, "confirmed")}


@pytest.mark.parametrize("header", ["整改进展", "完成情况", "整改进展/完成情况", "整改进度", "是否完成", "整改状态"])
def test_status_column_headers(header):
    rows = progress_rows([[["序号", "整改任务", "整改时限", header], ["2", "城镇污水处理设施建设滞后", "2024年底前", "已完成"]]],
                         "xlsx_table")
    assert [(r.number, r.problem, r.progress) for r in rows] == [(2, "城镇污水处理设施建设滞后", "已完成")]
