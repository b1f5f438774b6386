"""Status tables of 整改进展 reports, from their archived page bytes (WARC) to the report and the plan page:
the newest reported status per task, and "reported 已完成 but no close-out 公示" flagged."""
from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

from datasette.app import Datasette
from lxml import html as lxml_html
from sqlite_utils import Database

from archive.ledger import ledger_data, render_ledger
from tests.ledger.conftest import P

REPO = Path(__file__).resolve().parents[2]
def _tasks(data: dict) -> dict[int, dict]:
    return {t["number"]: t for t in next(p for p in data["plans"] if p["url"] == P + "plan")["tasks"]}


def test_latest_reported_status_per_task_and_the_claim_without_close_out(progress_db):
    tasks = _tasks(ledger_data(progress_db, as_of="2024-07-01"))
    assert [(n, t["latest_progress"]["status_text"], t["latest_progress"]["posted"], t["latest_progress"]["url"],
             t["claimed_done_without_closeout"]) for n, t in tasks.items()] == [
        (1, "已完成", "2024-05-01", P + "p2", True),  # done, says the report; no 验收销号 公示
        (2, "已完成", "2024-05-01", P + "p2", False),  # closed out by n2 (2024-06-20)
        (3, "持续推进", "2024-05-01", P + "p2", False)]
    assert [e["status_text"] for e in tasks[1]["progress"]] == ["序时推进", "已完成"]
    before = _tasks(ledger_data(progress_db, as_of="2024-01-01"))
    assert before[1]["latest_progress"]["status_text"] == "序时推进" and not before[1]["claimed_done_without_closeout"]
    assert before[2]["latest_progress"] is None
    rows = Database(progress_db).execute(
        "SELECT t.number, p.status, p.row_number, p.location, p.reason IS NOT NULL FROM task_progress p"
        " JOIN tasks t ON t.id = p.task_id JOIN documents d ON d.id = p.document_id WHERE d.url = ? ORDER BY t.number",
        [P + "p2"]).fetchall()
    assert rows == [(1, "done", 1, "body", 0), (2, "done", 3, "body", 1), (3, "ongoing", 2, "body", 1)]


def test_report_formats_show_the_reported_progress(progress_db):
    md = render_ledger(progress_db, as_of="2024-07-01", fmt="md")
    assert "1 task(s) reported 已完成 by a progress report without a close-out 公示." in md
    assert f"reported 已完成 on 2024-05-01 in {P}p2 — **no close-out 公示**" in md
    rows = list(csv.DictReader(io.StringIO(render_ledger(progress_db, as_of="2024-07-01", fmt="csv"))))
    first = next(r for r in rows if r["plan_url"] == P + "plan" and r["number"] == "1")
    assert (first["reported_progress"], first["reported_status"], first["reported_on"], first["reported_in"],
            first["claimed_done_without_closeout"]) == ("已完成", "done", "2024-05-01", P + "p2", "1")


def test_plan_page_shows_the_reported_progress_and_flags_the_claim(progress_db):
    ds = Datasette([str(progress_db)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    doc = Database(progress_db).execute("SELECT id FROM documents WHERE url = ?", [P + "plan"]).fetchone()[0]
    page = asyncio.run(ds.client.get(f"/-/ducha/ledger/{doc}?as_of=2024-07-01")).text
    tree = lxml_html.fromstring(page)
    cells = {int(tr.get("data-number")): tr.cssselect("td.progress")[0] for tr in tree.cssselect("tr.task")}
    assert " ".join(cells[1].text_content().split()).startswith("报告 reported 已完成 on 2024-05-01 in #")
    assert cells[1].cssselect(".claimed-done") and not cells[2].cssselect(".claimed-done")
    assert cells[1].cssselect("div.reported")[0].get("data-status") == "done"
    assert "共 2 份进展报告" in cells[1].text_content()
    assert tree.cssselect("li.claimed-done-count strong")[0].text == "1"


def test_scorecard_counts_the_claims(progress_db):
    import sqlite3

    from archive.ledger.view import plan_views, scorecard

    rows = scorecard(plan_views(sqlite3.connect(progress_db), as_of="2024-07-01"))
    assert [(r["region"], r["claimed_done_without_closeout"]) for r in rows] == [("四川省", 1), ("四川省绵阳市", 0)]
    ds = Datasette([str(progress_db)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    page = asyncio.run(ds.client.get("/-/ducha/ledger/scorecard?as_of=2024-07-01")).text
    cell = lxml_html.fromstring(page).cssselect('tr[data-region="四川省"] td.claimed_done_without_closeout')[0]
    assert cell.text_content() == "1"


def test_canned_query_lists_exactly_the_flagged_tasks(progress_db):
    import sqlite3

    from archive.web.ledger_meta import LEDGER_QUERIES

    sql = LEDGER_QUERIES["ledger_claimed_done"]["sql"]
    conn = sqlite3.connect(progress_db)
    for as_of in ("2024-01-01", "2024-05-01", "2024-06-19", "2024-07-01"):
        report = ledger_data(progress_db, as_of=as_of)
        flagged = sorted((p["region"], t["number"], t["latest_progress"]["posted"]) for p in report["plans"]
                         for t in p["tasks"] if t["claimed_done_without_closeout"])
        rows = conn.execute(sql, {"region": "", "as_of": as_of}).fetchall()
        assert sorted((r[0], r[1], r[7]) for r in rows) == flagged, as_of
    # 2024-06-19: tasks 1 and 2 reported done on 05-01, task 2's close-out comes on 06-20
    assert [(r[1], r[6], r[8]) for r in conn.execute(sql, {"region": "四川", "as_of": "2024-06-19"})] == [
        (1, "已完成", P + "p2"), (2, "已完成", P + "p2")]
    assert conn.execute(sql, {"region": "四川省绵阳市", "as_of": "2024-07-01"}).fetchall() == []
