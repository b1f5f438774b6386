"""build_ledger over a real archive, the report (md/csv/json) and ``ducha report ledger``."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from archive.ledger import build_ledger, ledger_data, render_ledger
from archive.store import Archive
from crawler.cli import main
from tests.ledger.conftest import PROVINCE_PLAN, C, P, capture


def _tasks(data, plan_url):
    plan = next(p for p in data["plans"] if p["url"] == plan_url)
    return {t["number"]: t for t in plan["tasks"]}


def test_city_notice_closes_the_city_task_not_the_province_task(db_path):
    data = ledger_data(db_path, as_of="2024-07-01")
    assert _tasks(data, C + "plan")[1]["closure_urls"] == [C + "n1"]
    assert _tasks(data, P + "plan")[1]["closure_urls"] == []
    assert _tasks(data, P + "plan")[2]["closure_urls"] == [P + "n2"]


def test_status_and_overdue_as_of_a_date(db_path):
    data = ledger_data(db_path, as_of="2024-07-01")
    province, city = _tasks(data, P + "plan"), _tasks(data, C + "plan")
    assert [(n, t["deadline"], t["status"], t["overdue"]) for n, t in sorted(province.items())] == [
        (1, "2023-12-31", "open", True),
        (2, "2024-06-30", "closure_notice", False),  # 公示 window runs to 2024-07-04
        (3, None, "ongoing", False),
    ]
    assert [(n, t["deadline"], t["status"], t["overdue"]) for n, t in sorted(city.items())] == [
        (1, "2023-06-30", "closed", False),
        (2, None, "open", False),  # 立行立改: no last day, so never "overdue" by an invented date
    ]
    before = _tasks(ledger_data(db_path, as_of="2023-05-01"), C + "plan")[1]
    assert (before["status"], before["closure_urls"], before["overdue"]) == ("open", [], False)
    late = _tasks(ledger_data(db_path, as_of="2024-07-05"), P + "plan")[2]
    assert late["status"] == "closed"


def test_stated_and_parsed_counts_and_inspection(db_path):
    data = ledger_data(db_path, as_of="2024-07-01")
    plan = next(p for p in data["plans"] if p["url"] == P + "plan")
    assert (plan["task_count_stated"], plan["task_count"], plan["region"]) == (4, 3, "四川省")
    db = Database(db_path)
    assert db.execute("SELECT count_mismatch FROM plans WHERE url = ?", [P + "plan"]).fetchone()[0] == 1
    assert db.execute("SELECT level, round, region, feedback_date FROM inspections WHERE region = '四川省'").fetchall() \
        == [("central", "第二轮", "四川省", "2021-12-10")]
    assert db.execute("SELECT count(*) FROM task_links WHERE kind = 'plan'").fetchone()[0] == 5


def test_region_filter_includes_cities_of_a_province(db_path):
    assert [p["region"] for p in ledger_data(db_path, region="四川省绵阳市", as_of="2024-07-01")["plans"]] == ["四川省绵阳市"]
    assert len(ledger_data(db_path, region="四川省", as_of="2024-07-01")["plans"]) == 2


def test_rebuild_is_idempotent_and_incremental(db_path):
    db = Database(db_path)
    before = db.execute("SELECT * FROM tasks ORDER BY id").fetchall()
    sql = ("SELECT p.url, t.number, l.document_id, l.kind, l.status FROM task_links l JOIN tasks t ON t.id = l.task_id"
           " JOIN plans p ON p.id = t.plan_id ORDER BY 1, 2, 3, 4")
    links = db.execute(sql).fetchall()
    stats = build_ledger(db)
    assert (stats.plans_read, stats.notices_linked, stats.plans, stats.links_confirmed) == (0, 0, 2, 2)
    assert db.execute("SELECT * FROM tasks ORDER BY id").fetchall() == before
    full = build_ledger(db, full=True)
    assert (full.plans_read, full.notices_linked) == (2, 2)
    assert db.execute(sql).fetchall() == links


def test_a_new_notice_is_linked_alone_and_a_changed_plan_relinks_its_region(db_path, tmp_path):
    with Archive(db_path, warc_dir=tmp_path / "warc") as a:
        a.ingest(capture(P + "n3", "sc", "关于第二轮中央生态环境保护督察第1项整改任务验收销号的公示",
                          "“长江岸线生态修复不到位”整改任务已整改完成。", "2024-06-25", "acceptance_notice"))
    db = Database(db_path)
    stats = build_ledger(db)
    assert (stats.plans_read, stats.notices_linked, stats.links_confirmed) == (0, 1, 3)
    with Archive(db_path, warc_dir=tmp_path / "warc") as a:  # the province edits its plan
        a.ingest(capture(P + "plan", "sc", "四川省贯彻落实第二轮中央生态环境保护督察报告整改方案",
                          PROVINCE_PLAN + "\n4. 危险废物违规贮存（牵头单位：省生态环境厅；整改时限：2025年底前）",
                          "2022-06-01", "rectification_plan"))
    stats = build_ledger(db)
    assert (stats.plans_read, stats.notices_linked, stats.links_confirmed) == (1, 2, 3)  # 四川省's two notices
    assert _tasks(ledger_data(db_path, as_of="2024-07-01"), P + "plan")[1]["closure_urls"] == [P + "n3"]


def test_formats(db_path):
    md = render_ledger(db_path, as_of="2024-07-01", fmt="md")
    assert "2 plan(s), 5 task(s): 1 closed, 1 in a close-out 公示 window, 1 ongoing, 1 overdue." in md
    assert "stated 4, parsed 3" in md
    rows = list(csv.DictReader(io.StringIO(render_ledger(db_path, as_of="2024-07-01", fmt="csv"))))
    assert len(rows) == 5 and rows[0]["deadline"] == "2023-12-31" and rows[0]["overdue"] == "1"
    # every task row carries its plan's stated count with the words it was read from, and the count parsed
    mismatched = [r for r in rows if r["plan_task_count_stated"] == "4"]
    assert mismatched and all(r["plan_task_count_parsed"] == "3" and "4" in r["plan_task_count_text"]
                              for r in mismatched)
    with pytest.raises(ValueError, match="format"):
        render_ledger(db_path, fmt="xml")


def test_cli_json_matches_the_contract(db_path):
    result = CliRunner().invoke(main, ["report", "ledger", "--db", str(db_path), "--as-of", "2024-07-01",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2024-07-01"
    assert set(data["plans"][0]) >= {"url", "title", "region", "published", "feedback_url", "task_count", "tasks"}
    assert set(data["plans"][0]["tasks"][0]) == {"number", "problem", "lead_units", "responsible_units", "deadline",
                                                 "deadline_text", "status", "closure_urls", "overdue",
                                                 "progress", "latest_progress", "claimed_done_without_closeout"}


def test_cli_errors(tmp_path, db_path):
    missing = CliRunner().invoke(main, ["report", "ledger", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "no archive" in missing.output
    bad = CliRunner().invoke(main, ["report", "ledger", "--db", str(db_path), "--as-of", "2024-13-01"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_canned_queries_agree_with_the_report(db_path):
    import sqlite3

    from archive.web.ledger_meta import LEDGER_QUERIES

    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    overdue = conn.execute(LEDGER_QUERIES["ledger_overdue"]["sql"], {"region": "", "as_of": "2024-07-01"}).fetchall()
    assert [(r["region"], r["number"], r["days_overdue"]) for r in overdue] == [("四川省", 1, 183)]
    rows = conn.execute(LEDGER_QUERIES["ledger_plan"]["sql"], {"plan": "", "region": "四川省绵阳市", "as_of": "2024-07-01"})
    report = ledger_data(db_path, region="四川省绵阳市", as_of="2024-07-01")["plans"][0]["tasks"]
    assert [(r["number"], r["status"], r["overdue"]) for r in rows] == [(t["number"], t["status"], int(t["overdue"]))
                                                                       for t in report]


def test_ministry_postings_are_filed_under_the_province_they_speak_for(tmp_path):
    path = tmp_path / "archive.db"
    plan = "1. {}（牵头单位：省生态环境厅；整改时限：2023年底前）"
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.upsert_sites([{"id": "mee", "name": "生态环境部", "region": "全国", "level": "national", "start_urls": []}])
        for url, place, problem in (("hb", "河北省", "矿山生态修复进展缓慢"), ("sx", "山西省", "燃煤锅炉淘汰整治不到位")):
            a.ingest(capture(f"https://www.mee.gov.cn/{url}", "mee", f"{place}贯彻落实第二轮中央生态环境保护督察报告整改方案",
                              plan.format(problem), "2022-06-01", "rectification_plan"))
        a.ingest(capture("https://www.mee.gov.cn/n", "mee", "验收销号意见公开公示内容",
                          "《河北省第二轮中央生态环境保护督察整改方案》第1项整改任务已整改完成。", "2023-06-01",
                          "acceptance_notice"))
    db = Database(path)
    build_ledger(db)
    data = ledger_data(path, as_of="2024-07-01")
    assert {p["region"]: p["tasks"][0]["closure_urls"] for p in data["plans"]} == {
        "河北省": ["https://www.mee.gov.cn/n"], "山西省": []}


def test_inspection_named_with_its_round_wins_and_feedback_is_linked(tmp_path):
    from archive.ledger.speaks_for import inspection_of

    assert inspection_of("中央第三生态环境保护督察组向湖南省反馈督察情况", "第二轮中央生态环境保护督察组对湖南开展了督察") == {
        "level": "central", "round": "第二轮", "batch": ""}
    assert inspection_of("关于做好第二轮省级生态环境保护督察整改工作的通知")["level"] == "provincial"
    path = tmp_path / "archive.db"
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.upsert_sites([{"id": "sc", "name": "四川省生态环境厅", "region": "四川省", "level": "province", "start_urls": []}])
        a.ingest(capture(P + "fb", "sc", "中央第五生态环境保护督察组向四川省反馈督察情况",
                          "经党中央、国务院批准，第二轮中央生态环境保护督察组对四川省开展了督察。2021年12月10日，督察组向四川省进行了反馈。",
                          "2021-12-11", "inspection_feedback"))
        a.ingest(capture(P + "plan", "sc", "四川省贯彻落实第二轮中央生态环境保护督察报告整改方案", PROVINCE_PLAN,
                          "2022-06-01", "rectification_plan"))
    build_ledger(Database(path))
    plan = ledger_data(path, as_of="2024-07-01")["plans"][0]
    assert plan["feedback_url"] == P + "fb"
    # feedback 2021-12-10 → plan 2022-06-01: 173 days; 117 working days (counted by hand with the 2022 holidays
    # and make-up days: 元旦, 春节 31 Jan–4 Feb, 清明 4–5 Apr, 劳动节 2–4 May; worked 29–30 Jan, 2 and 24 Apr, 7 May)
    assert (plan["feedback_date"], plan["feedback_to_plan_days"], plan["feedback_to_plan_working_days"]) == (
        "2021-12-10", 173, 117)
    assert "published 173 days (117 working days) after the feedback of 2021-12-10" in render_ledger(
        path, as_of="2024-07-01", fmt="md")


def test_plan_summary_share_closed_and_median_lateness(db_path):
    plans = {p["url"]: p for p in ledger_data(db_path, as_of="2024-07-01")["plans"]}
    assert (plans[C + "plan"]["closed_share"], plans[C + "plan"]["median_days_deadline_to_closure"]) == (0.5, -51)
    assert (plans[P + "plan"]["closed_share"], plans[P + "plan"]["median_days_deadline_to_closure"]) == (0.333, -10)
    assert "median close-out -51 days after the deadline" in render_ledger(db_path, as_of="2024-07-01")


def test_cli_rejects_an_unknown_region_naming_the_known_ones(db_path):
    bad = CliRunner().invoke(main, ["report", "ledger", "--db", str(db_path), "--region", "湖南省"])
    assert bad.exit_code == 2
    assert "unknown region '湖南省'; valid regions: 四川省, 四川省绵阳市" in bad.output
    city = CliRunner().invoke(main, ["report", "ledger", "--db", str(db_path), "--region", "四川省绵阳", "--as-of",
                                     "2024-07-01", "--format", "json"])
    assert city.exit_code == 0, city.output
    assert [p["region"] for p in json.loads(city.output)["plans"]] == ["四川省绵阳市"]
    province = CliRunner().invoke(main, ["report", "ledger", "--db", str(db_path), "--region", "四川"])
    assert province.exit_code == 0 and "2 plan(s), 5 task(s)" in province.output


@pytest.mark.parametrize("report", [["ledger", "--as-of", "2024-07-01"], ["timeliness"]])
def test_cli_csv_reports_start_with_a_bom_for_excel(db_path, report):
    """Excel reads a CSV without a byte-order mark in the local code page: the Chinese became mojibake."""
    result = CliRunner().invoke(main, ["report", report[0], "--db", str(db_path), *report[1:], "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith("\ufeff".encode()) and not result.output.startswith("\ufeff\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix("\ufeff"))))
    assert rows and "region" in rows[0]
    md = CliRunner().invoke(main, ["report", report[0], "--db", str(db_path), *report[1:]])
    assert not md.stdout_bytes.startswith("\ufeff".encode())  # Markdown stays as it was
