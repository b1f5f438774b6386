"""The ledger pages in the real Datasette (in process): plan page, index, scorecard with its SVG chart."""
from __future__ import annotations

import re
from html import unescape

import pytest
from lxml import html as lxml_html
from sqlite_utils import Database

from archive.ledger import ledger_data
from archive.ledger.view import plan_views, scorecard
from tests.ledger.conftest import C, P

AS_OF = "2024-07-01"


def _doc_id(db_path, url):
    return Database(db_path).execute("SELECT id FROM documents WHERE url = ?", [url]).fetchone()[0]


def _rows(page):
    tree = lxml_html.fromstring(page)
    return [(int(tr.get("data-number")), tr.get("data-status"), tr.get("data-overdue") == "1",
             [a.get("href") for a in tr.cssselect("td.closures .closure a")])
            for tr in tree.cssselect("table.ledger-tasks tr.task")]


def test_plan_page_shows_the_reports_tasks_statuses_and_evidence(get, db_path):
    for url in (P + "plan", C + "plan"):
        response = get(f"/-/ducha/ledger/{_doc_id(db_path, url)}?as_of={AS_OF}")
        assert response.status_code == 200
        assert "script-src 'self'" in response.headers["content-security-policy"]
        report = next(p for p in ledger_data(db_path, as_of=AS_OF)["plans"] if p["url"] == url)
        expected = [(t["number"], t["status"], t["overdue"],
                     [f"/-/ducha/document/{_doc_id(db_path, u)}" for u in t["closure_urls"]]) for t in report["tasks"]]
        assert _rows(response.text) == expected
    province = get(f"/-/ducha/ledger/{_doc_id(db_path, P + 'plan')}?as_of={AS_OF}").text
    assert _rows(province) == [(1, "open", True, []),
                               (2, "closure_notice", False, [f"/-/ducha/document/{_doc_id(db_path, P + 'n2')}"]),
                               (3, "ongoing", False, [])]
    text = " ".join(unescape(province).split())
    assert "2024-06-20 → 2024-07-04" in text  # the close-out's 公示 window, from timeliness
    assert "自 since 2024-01-01" in text  # overdue from the day after the deadline 2023-12-31
    assert "文中所述 stated <strong>4</strong>" in text and "不一致 mismatch" in text
    assert "33.3%" in text and "-10 天 days" in text


def test_plan_page_as_of_moves_statuses_and_bad_input_is_refused(get, db_path):
    plan = _doc_id(db_path, P + "plan")
    assert [r[1] for r in _rows(get(f"/-/ducha/ledger/{plan}?as_of=2024-07-05").text)] == ["open", "closed", "ongoing"]
    assert get(f"/-/ducha/ledger/{plan}?as_of=2024-13-01").status_code == 400
    assert get(f"/-/ducha/ledger/{_doc_id(db_path, P + 'n2')}").status_code == 404  # a notice is no plan
    assert get("/-/ducha/ledger/99999999999999999999").status_code == 404


def test_a_script_in_a_task_problem_renders_inert(get, db_path):
    db = Database(db_path)
    db.execute("UPDATE tasks SET problem = '<script>alert(1)</script>污水' WHERE number = 1")
    db.conn.commit()
    page = get(f"/-/ducha/ledger/{_doc_id(db_path, P + 'plan')}?as_of={AS_OF}").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;污水" in page


def test_candidates_are_shown_as_candidates_with_their_reason(get, db_path):
    db = Database(db_path)
    task = db.execute("SELECT t.id FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.url = ? AND number = 3",
                      [P + "plan"]).fetchone()[0]
    db.execute("INSERT INTO task_links (task_id, document_id, kind, status, posted, reason) VALUES (?, ?, 'closure',"
               " 'candidate', '2024-06-01', '问题文字不符 problem text differs')", [task, _doc_id(db_path, C + "n1")])
    db.conn.commit()
    tree = lxml_html.fromstring(get(f"/-/ducha/ledger/{_doc_id(db_path, P + 'plan')}?as_of={AS_OF}").text)
    row = tree.cssselect("tr#task-3")[0]
    assert row.get("data-status") == "ongoing"  # a candidate never closes a task
    assert " ".join(row.cssselect(".candidate")[0].text_content().split()).endswith("问题文字不符 problem text differs")


def test_index_lists_plans_per_region_and_links_the_scorecard(get, db_path):
    page = get(f"/-/ducha/ledger?as_of={AS_OF}").text
    tree = lxml_html.fromstring(page)
    assert [h.text_content() for h in tree.cssselect("h2.ledger-region")] == ["四川省", "四川省绵阳市"]
    links = [a.get("href") for a in tree.cssselect("ul.ledger-plans a")]
    assert links == [f"/-/ducha/ledger/{_doc_id(db_path, P + 'plan')}?as_of={AS_OF}",
                     f"/-/ducha/ledger/{_doc_id(db_path, C + 'plan')}?as_of={AS_OF}"]
    assert "/-/ducha/ledger/scorecard" in page
    assert get("/-/ducha/ledger?region=湖南").status_code == 400
    assert "可选 valid regions: 四川省、四川省绵阳市" in get("/-/ducha/ledger?region=湖南").text


def test_scorecard_table_and_svg_chart_equal_the_scorecard_numbers(get, db_path):
    import sqlite3

    conn = sqlite3.connect(db_path)
    rows = scorecard(plan_views(conn, as_of=AS_OF))
    assert [(r["region"], r["tasks"], r["closed"], r["closure_notice"], r["overdue"], r["median_lateness_days"])
            for r in rows] == [("四川省", 3, 0, 1, 1, -10), ("四川省绵阳市", 2, 1, 0, 0, -51)]
    page = get(f"/-/ducha/ledger/scorecard?as_of={AS_OF}").text
    tree = lxml_html.fromstring(page)
    assert not tree.xpath('//section[@class="content"]//script')  # the chart needs no script (the CSP refuses inline)
    assert not tree.xpath("//svg//*[@onload or @onclick or @onmouseover]")
    for row in rows:
        bar = tree.xpath(f'//svg//g[@data-region="{row["region"]}"]')[0]
        values = {seg.get("data-kind"): int(seg.get("data-value")) for seg in bar.xpath(".//rect")}
        expected = {"closed": row["closed"], "closure_notice": row["closure_notice"], "overdue": row["overdue"],
                    "open": row["open"] - row["overdue"], "ongoing": row["ongoing"]}
        assert values == {k: v for k, v in expected.items() if v}
        assert sum(values.values()) == row["tasks"] == int(bar.get("data-tasks"))
        cells = tree.xpath(f'//table[contains(@class, "ledger-scorecard")]//tr[@data-region="{row["region"]}"]')[0]
        assert [cells.cssselect(f"td.{k}")[0].text_content() for k in ("tasks", "closed", "closure_notice")] == [
            str(row["tasks"]), str(row["closed"]), str(row["closure_notice"])]
    widths = {g.get("data-region"): sum(float(r.get("width")) for r in g.xpath(".//rect"))
              for g in tree.xpath("//svg//g[@data-region]")}
    assert widths["四川省"] == pytest.approx(400.0, abs=0.2) and widths["四川省绵阳市"] == pytest.approx(266.7, abs=0.2)
    assert re.search(r"median.*-10", " ".join(page.split()))


def test_plan_published_before_the_feedback_date_is_said_so_in_chinese(get, db_path):
    """A negative feedback → plan lag is shown truthfully (反馈前 N 天), flagged, with no English tacked on."""
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE inspections SET feedback_date = '2022-07-31' WHERE id = "
                     "(SELECT inspection_id FROM plans WHERE url = ?)", [P + "plan"])
    page = " ".join(get(f"/-/ducha/ledger/{_doc_id(db_path, P + 'plan')}?as_of={AS_OF}").text.split())
    assert "反馈前 60 天发布" in page and "请核对日期" in page
    assert "-60" not in page and "days after the feedback" not in page
