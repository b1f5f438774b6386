"""The forms the rounds left unread, swept (issue 21, t2): a close-out table's second numbering column cites the plan's
item; a check's problems on a numbered task are no plan's count; as many cases handled as were received is done.  Each
mechanism has positives in forms no corpus row had and negatives where its cue stands without its licence.  Every text
here is our own, not a corpus row."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import cited_numbers
from archive.ledger.status import status_class
from archive.timeliness.task_counts import problem_count
from tests.ledger.conftest import reads_status


@pytest.mark.parametrize(("text", "want"), [
    # the notice's own serial first, the plan's item second, one cell a line or one row a line
    ("序号 |\n问题编号 |\n整改任务 |\n责任单位 |\n3 |\n27 |\n城区黑臭水体整治不到位 |\n住建局 |", [27]),
    ("编号 | 原序号 | 反馈问题 | 整改时限 | 整改情况\n1 | 42 | 部分园区污水管网未闭合 | 2022年底 | 已完成", [42]),
    # several rows: each row's second cell
    ("序号 | 任务编号 | 整改任务 | 完成情况\n1 | 8 | 关停小散乱污企业 | 完成\n2 | 13 | 整治入河排污口 | 完成", [8, 13]),
])
def test_a_close_out_tables_second_numbering_column_cites(text, want):
    assert cited_numbers(text) == want


@pytest.mark.parametrize("text", [
    # one numbering column: the list's own serial
    "序号 |\n反馈问题 |\n整改时限 |\n1 |\n整治入河排污口 |",
    # two numbering columns, but the rows are no problems or tasks (a list of firms)
    "序号 | 编号 | 企业名称 | 地址\n1 | 23 | 某某化工有限公司 | 某某路8号",
    # the same head twice is no pair
    "序号 | 序号 | 反馈问题\n1 | 2 | 整治入河排污口",
    # the second cell is no numeral
    "编号 | 序号 | 反馈问题\n1 | 见附件 | 整治入河排污口",
])
def test_a_table_without_two_numbering_columns_over_problems_cites_none(text):
    assert cited_numbers(text) == []


@pytest.mark.parametrize("text", [
    "督导组对第七十一项整改任务进行了现场督察督导,并反馈了3条问题",  # the form's own order
    "市督查组对第3项、第5项整改任务开展核查,发现问题6个",
    "省督察组对第12号整改任务进行验收时指出问题4个",
    "对第二十项整改任务开展“回头看”督导检查,共反馈问题7个",
])
def test_a_checks_problems_on_a_numbered_task_are_no_plans_count(text):
    assert problem_count(text) is None


@pytest.mark.parametrize(("text", "want"), [
    # a task named by its content, not by the plan's number: the feedback's count stands
    ("督察组对黑臭水体整治进行了督导,反馈问题3个", 3),
    # the numbered task's check after the count, in another clause: the count is the feedback's
    ("中央督察组反馈我市问题45个,对第3项整改任务进行了督导", 45),
    # an ordinal of a round, no task: the feedback's
    ("对第一轮中央环保督察反馈的32个问题,逐一制定整改措施", 32),
])
def test_a_count_with_no_numbered_task_checked_before_it_counts(text, want):
    assert problem_count(text) == want


@pytest.mark.parametrize("text", [
    "共收到群众信访举报18件,已办理18件。",
    "县里接收转办件7件,截至目前已处理7件",
    "今年共受理交办件125件,已全部办理125件。",
    "第二批转交信访件9件,已经办理完毕9件",
])
def test_as_many_cases_handled_as_received_is_done(text):
    reads_status(text, "done")


@pytest.mark.parametrize("text", [
    "已办理18件。",  # no count received: handling, not closing
    "共收到群众信访举报18件,已办理12件。",  # fewer handled than received
    "共收到群众信访举报18件,将于月底前办理18件。",  # the future
    "收到交办件18件,对已办理18件的单位进行回访。",  # an attribute
])
def test_handled_without_the_count_received_is_not_done(text):
    assert status_class(text) != "done"
