"""Task numbers and deadlines: every form the plans and close-out notices use."""
from __future__ import annotations

import pytest

from archive.ledger.numbers import citations, cited_numbers, deadline, number_value, task_number


@pytest.mark.parametrize(("text", "last_day", "kind"), [
    ("2022年12月底前", "2022-12-31", "date"),
    ("2020年2月底前", "2020-02-29", "date"),
    ("2023年2月底前", "2023-02-28", "date"),
    ("2023年9月30日前", "2023-09-30", "date"),
    ("2025年6月", "2025-06-30", "date"),
    ("2023年底前", "2023-12-31", "date"),
    ("二〇二四年六月底前", "2024-06-30", "date"),
    ("立行立改，2023年6月底前完成", "2023-06-30", "date"),
    ("2023年6月底前完成整治，2024年底前巩固提升", "2024-12-31", "date"),
    ("立行立改", None, "immediate"),
    ("长期坚持", None, "ongoing"),
    ("", None, "unknown"),
    ("2024年（略）月底前", None, "unknown"),
])
def test_deadline_is_the_last_allowed_day_never_invented(text, last_day, kind):
    d = deadline(text)
    assert (d.iso(), d.kind) == (last_day, kind)


def test_immediate_says_why_it_has_no_day():
    assert "no last day" in (deadline("立行立改").note or "")


def test_year_less_deadline_takes_the_plan_year():
    assert deadline("8月底前", context_year=2023).iso() == "2023-08-31"
    assert deadline("8月底前").iso() is None


@pytest.mark.parametrize(("text", "numbers"), [
    ("关于第3项整改任务验收销号的公示", [3]),
    ("第十二项整改任务", [12]),
    ("问题清单第12项", [12]),
    ("第5、11项", [5, 11]),
    ("第四项、第九项", [4, 9]),
    ("第3至6项", [3, 4, 5, 6]),
    ("第三十一项至第三十三项", [31, 32, 33]),
    ("第一百零二项", [102]),
    ("第二轮中央生态环境保护督察第一项整改任务", [1]),
    ("第五十四项（一）问题整改公示", [54]),
    ("自发布之日起10个工作日内，第一个工作日", []),
    ("第二轮督察第3条", []),
])
def test_cited_numbers(text, numbers):
    assert cited_numbers(text) == numbers


def test_sub_items_are_kept_with_the_citation():
    assert [c.sub_item for c in citations("第五十四项（一）问题整改公示 第3项第2小项")] == ["（一）", "第2小项"]


@pytest.mark.parametrize(("cell", "number"), [
    ("12", 12), ("十二", 12), ("第十二项", 12), ("⑫", 12), ("1.", 1), ("3、", 3), ("二十一", 21),
    ("一、水污染防治", None), ("", None), ("合计", None),
])
def test_task_number_of_a_cell(cell, number):
    assert task_number(cell) == number


def test_hundreds():
    assert [number_value(t) for t in ("一百", "一百零二", "一百一十", "两百三十四")] == [100, 102, 110, 234]


@pytest.mark.parametrize(("text", "numbers"), [
    ("反馈问题(省编号第41号):", [41]),
    ("关于铁东区中央生态环境保护督察“回头看”反馈问题整改任务(序号十)整改情况的公示", [10]),
    ("（序号一）", [1]),
    ("反馈问题(省编号 ):53", [53]),
    ("问题编号：12", [12]),
    ("附表:序号一任务公示表格", []),
    ("定西市新冠肺炎疫情联防联控领导小组办公室通告（第5号）", []),
    ("第十二条 本办法自发布之日起施行", []),
])
def test_citations_by_marker_and_their_negative_contexts(text, numbers):
    assert cited_numbers(text) == numbers


@pytest.mark.parametrize(("cell", "last_day", "kind"), [
    ("2020年", "2020-12-31", "date"),
    ("确保到2020年完成整治", "2020-12-31", "date"),
    ("2023-2025年完成", "2025-12-31", "date"),
    ("2021年第三季度末", "2021-09-30", "date"),
    ("2022年上半年", "2022-06-30", "date"),
    ("立行立改并长期坚持", None, "ongoing"),
    ("立行立改、长期坚持", None, "ongoing"),
    ("每季度报送一次工作进展情况", None, "recurring"),
    ("每年1月31日前", None, "recurring"),
    ("督促指导其在30个工作日内研究制定整改方案", None, "relative"),
    ("今年二季度开始将对2016年督查目标省(区)的整改工作进行“回头看”", None, "unknown"),
    ("2017年4月进驻，到12月底前全部办结", "2017-12-31", "date"),
])
def test_deadline_cells_bare_years_quarters_and_kinds(cell, last_day, kind):
    found = deadline(cell)
    assert (found.iso(), found.kind) == (last_day, kind)
