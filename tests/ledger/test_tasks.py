"""Task tables (HTML rowspan/colspan, XLSX merged cells, DOCX merged cells) and enumerated text,
each fixture beside its expected tasks in tests/fixtures/ledger/."""
from __future__ import annotations

import json
from pathlib import Path

from archive.ledger.tables import tables_of
from archive.ledger.tasks import form_fields, tasks_from_grids, tasks_from_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
FIELDS = ("number", "problem", "lead_units", "responsible_units", "deadline_text")


def _expected(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["tasks"]


def test_html_table_with_rowspan_colspan_two_header_rows_and_category_rows():
    grids = tables_of("html", (FIXTURES / "plan_rowspan.html").read_bytes())
    tasks = tasks_from_grids(grids, "html_table")
    got = [{**{f: getattr(t, f) for f in FIELDS}, "target": t.target, "deadline": t.deadline.iso(),
            "deadline_kind": t.deadline.kind} for t in tasks]
    assert got == _expected("plan_rowspan.json")
    assert {t.source for t in tasks} == {"html_table"}


def test_xlsx_merged_cells_give_one_task_with_both_units():
    tasks = tasks_from_grids(tables_of("xlsx", (FIXTURES / "plan_merged.xlsx").read_bytes()), "xlsx_table")
    assert [(t.number, t.problem, t.responsible_units, t.deadline.iso()) for t in tasks] == [
        (1, "赤水河流域保护治理不到位", "镇雄县政府\n威信县政府", "2024-12-31"),
        (2, "渔洞水库水环境问题", "昭阳区政府", "2025-12-31"),
        (3, "城区扬尘污染（略）", "（略）", "2023-12-31"),
    ]
    assert tasks[0].measures == "开展专项整治\n建设污水管网"


def test_docx_chinese_numbers_and_vertical_merges():
    tasks = tasks_from_grids(tables_of("docx", (FIXTURES / "plan_merged.docx").read_bytes()), "docx_table")
    assert [(t.number, t.lead_units, t.responsible_units, t.deadline.iso()) for t in tasks] == [
        (11, "省经济和信息化厅", "各市政府\n省市场监管局", "2022-12-31"),
        (12, "省农业农村厅", "沿湖各县", "2023-09-30"),
    ]


def test_enumerated_text_takes_only_items_with_labelled_fields():
    tasks = tasks_from_text((FIXTURES / "plan_enumerated.txt").read_text(encoding="utf-8"))
    got = [{**{f: getattr(t, f) for f in FIELDS}, "deadline": t.deadline.iso()} for t in tasks]
    assert got == _expected("plan_enumerated.json")


def test_a_table_without_number_and_problem_columns_is_not_a_task_table():
    grid = [["序号", "姓名", "性别", "岗位"], ["1", "张明", "男", "执法"]]
    assert tasks_from_grids([grid], "xlsx_table") == []


def test_unreadable_files_give_no_tables():
    assert tables_of("xlsx", b"not a zip") == []
    assert tables_of("docx", b"PK\x03\x04broken") == []
    assert tables_of("exe", b"MZ") == []


def test_form_fields_of_an_acceptance_form():
    grid = [["整改任务", "第二轮中央生态环境保护督察第一项整改任务：某问题"], ["整改责任单位", "省生态环境厅"],
            ["验收销号意见", "同意通过验收。"]]
    assert form_fields(grid) == {"整改任务": "第二轮中央生态环境保护督察第一项整改任务：某问题",
                                 "整改责任单位": "省生态环境厅", "验收销号意见": "同意通过验收。"}


def test_pdf_ruled_table():
    tasks = tasks_from_grids(tables_of("pdf", (FIXTURES / "plan_ruled.pdf").read_bytes()), "pdf_table")
    assert [(t.number, t.problem, t.lead_units, t.deadline.iso(), t.deadline.kind) for t in tasks] == [
        (1, "饮用水水源地保护区违法建筑", "市水务局", "2023-09-30", "date"),
        (2, "尾矿库环境风险隐患突出", "市应急管理局", "2024-12-31", "date"),
        (3, "医疗废物收集处置能力不足", "市卫生健康委", None, "ongoing"),
    ]


def test_pdf_cells_wrapped_inside_chinese_text_are_joined_without_a_space():
    from archive.ledger.tables import _clean

    assert _clean("立行立改，2019年7月\n底前完成", wrapped=True) == "立行立改，2019年7月底前完成"
    assert _clean("Line one\nline two", wrapped=True) == "Line one line two"
    assert _clean("省生态环境厅\n省水利厅") == "省生态环境厅 省水利厅"  # DOCX/XLSX: a break separates units


def test_gbk_page_declared_utf8_is_still_read():
    html = (FIXTURES / "plan_rowspan.html").read_text(encoding="utf-8")
    tasks = tasks_from_grids(tables_of("html", html.encode("gbk")), "html_table")
    assert [t.problem for t in tasks][:2] == ["城镇污水处理设施建设滞后", "黑臭水体整治不彻底"]


def test_pdf_without_ruled_lines_is_read_from_word_positions():
    """No ruled lines (pdfplumber's ruled strategy finds nothing): columns from the header words, a problem
    wrapped at the column's edge re-joined, two units on two lines kept apart, category rows skipped, the
    table continued on page 2 without a header, the note under it left out (fixture: make_plan_unruled.py)."""
    data = (FIXTURES / "plan_unruled.pdf").read_bytes()
    tasks = tasks_from_grids(tables_of("pdf", data), "pdf_table")
    assert [(t.number, t.problem, t.lead_units, t.responsible_units, t.deadline_text, t.deadline.iso(), t.deadline.kind)
            for t in tasks] == [
        (1, "饮用水水源地保护区内违法建筑清理整治不到位问题", "市水务局", "各县（区）政府", "2023年9月30日前", "2023-09-30", "date"),
        (2, "城镇污水处理设施建设滞后", "市住房城乡建设局", "市生态环境局 市发展改革委", "立行立改，2024年6月底前完成",
         "2024-06-30", "date"),
        (3, "尾矿库环境风险隐患突出", "市应急管理局", "市自然资源局", "2024年底前", "2024-12-31", "date"),
        (4, "医疗废物收集处置能力不足", "市卫生健康委", "市生态环境局", "长期坚持", None, "ongoing"),
        (5, "矿山生态修复进展缓慢", "市自然资源局", "各县（区）政府", "2025年6月", "2025-06-30", "date"),
    ]


def test_the_unruled_fallback_leaves_ruled_tables_and_prose_pdfs_alone():
    from simweb.attachments import build_pdf
    from simweb.bodies import AttachmentText

    assert len(tables_of("pdf", (FIXTURES / "plan_ruled.pdf").read_bytes())) == 1  # the ruled table only
    prose = build_pdf(AttachmentText(heading="整改方案", lines=("一、总体要求", "序号 问题 整改时限 说明文字"), table=(), probe=""))
    assert tables_of("pdf", prose) == []


def test_table_readers_in_other_processes_give_the_same_grids_and_survive_a_dead_worker():
    from archive.ledger.tables import TableReaders

    jobs = [("pdf", (FIXTURES / "plan_ruled.pdf").read_bytes()), ("xlsx", (FIXTURES / "plan_merged.xlsx").read_bytes()),
            ("pdf", b"%PDF-1.4 broken")]
    expected = [tables_of(kind, data) for kind, data in jobs]
    assert expected[0] and expected[1] and expected[2] == []
    with TableReaders(workers=2) as readers:
        assert readers.read(jobs)() == expected
        pending = readers.read(jobs)
        for process in readers._pool._processes.values():  # workers killed (out of memory): the rest read here
            process.kill()
        assert pending() == expected
        assert readers.read(jobs)() == expected
    assert TableReaders(workers=1).read(jobs)() == expected
