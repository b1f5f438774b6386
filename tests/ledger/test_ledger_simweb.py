"""A real crawl of the simulated web, then the ledger, exact against the manifest's ground truth:
tasks per source format (HTML table, numbered text, XLSX, DOCX, PDF), deadlines, closure links (cited in
the title as 第3项 / 第十二项 / 第4、9项 / 第四项、第九项, or only in the attached 验收销号表) and
overdue flags."""
from __future__ import annotations

import re

import pytest

from archive.ledger import ledger_data
from simweb.ledger import PROGRESS_FORMATS, TASK_FORMATS, score
from tests.crawler.conftest import make_sim_crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Day 0, 40 postings per site, crawled by the real ``ducha crawl`` (the ledger is built after the run)."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("ledger"), docs_per_site=40)
    result = crawl.crawl(0)
    manifest = crawl.manifest(0)
    yield crawl, manifest, result
    crawl.server.close()


def test_crawl_builds_the_ledger(crawled):
    crawl, manifest, result = crawled
    assert result.returncode == 0, result.stderr[-3000:]
    truth = [p for p in manifest["ledger"]["plans"] if p["status"] == "live"]
    assert len(crawl.query("SELECT * FROM plans")) == len(truth) > 0
    assert len(crawl.query("SELECT * FROM tasks")) == sum(len(p["tasks"]) for p in truth)


def test_tasks_exact_per_source_format(crawled):
    crawl, manifest, _ = crawled
    result = score(manifest["ledger"], ledger_data(crawl.db, as_of=manifest["date"]))
    assert result["plans"]["precision"] == result["plans"]["recall"] == 1.0
    for fmt in TASK_FORMATS:
        assert result["tasks"][fmt]["expected"] > 0, f"no {fmt} plan on the simulated web"
        assert (result["tasks"][fmt]["precision"], result["tasks"][fmt]["recall"]) == (1.0, 1.0), fmt
    assert result["stated_counts_wrong"] == []
    sources = {r["source"] for r in crawl.query("SELECT DISTINCT source FROM tasks")}
    assert sources == {"html_table", "text", "xlsx_table", "docx_table", "pdf_table"}


def test_closure_links_and_overdue_exact(crawled):
    crawl, manifest, _ = crawled
    result = score(manifest["ledger"], ledger_data(crawl.db, as_of=manifest["date"]))
    assert result["closure_links"]["expected"] > 20
    assert (result["missed_links"], result["wrong_links"]) == ([], [])
    assert result["overdue"]["expected"] > 0
    assert (result["overdue"]["precision"], result["overdue"]["recall"]) == (1.0, 1.0)


def test_every_citation_form_occurs_and_is_linked(crawled):
    crawl, manifest, _ = crawled
    closures = [c for p in manifest["ledger"]["plans"] for t in p["tasks"] for c in t["closures"]]
    assert {c["cited_in"] for c in closures} == {"title", "attachment"}
    titles = [r["title"] for r in crawl.query("SELECT d.title FROM task_links l JOIN documents d ON d.id = l.document_id"
                                               " WHERE l.kind = 'closure' AND l.status = 'confirmed'")]
    assert any("、" in t and "项" in t for t in titles), "a notice closing two tasks"
    assert any(re.search(r"第[一二三四五六七八九十]+项", t) for t in titles), "Chinese numerals"
    locations = {r["location"].split(":")[0] for r in crawl.query("SELECT location FROM task_links WHERE kind = 'closure'")}
    assert locations == {"title", "attachment"}


def test_links_stay_within_the_region_of_the_notice(crawled):
    crawl, _, _ = crawled
    crossed = crawl.query("SELECT l.id FROM task_links l JOIN tasks t ON t.id = l.task_id JOIN plans p ON p.id = t.plan_id"
                          " JOIN documents d ON d.id = l.document_id WHERE d.site_id != p.site_id")
    assert crossed == []
    assert crawl.query("SELECT count(*) AS n FROM task_links WHERE status = 'candidate'")[0]["n"] == 0


def test_progress_rows_and_claims_without_close_out_exact(crawled):
    """Status tables of 整改进展 reports (HTML body, XLSX, DOCX, PDF without ruled lines; some renumbered 1, 2, 3 …) → per-task
    reported status, exact against the manifest; "reported 已完成 but no close-out 公示" flags exact."""
    crawl, manifest, _ = crawled
    result = score(manifest["ledger"], ledger_data(crawl.db, as_of=manifest["date"]))
    for fmt in PROGRESS_FORMATS:
        assert result["progress_rows"][fmt]["expected"] > 0, f"no {fmt} progress table on the simulated web"
    assert (result["missed_progress"], result["wrong_progress"]) == ([], [])
    assert result["progress_rows"]["all"]["correct"] == result["progress_rows"]["all"]["expected"] > 50
    flags = result["claimed_done_without_closeout"]
    assert flags["expected"] > 0 and (flags["precision"], flags["recall"]) == (1.0, 1.0)
    renumbered = crawl.query("SELECT count(*) AS n FROM task_progress WHERE reason LIKE 'row % is task %'")
    assert renumbered[0]["n"] > 0, "a renumbered status table, tied to the tasks by their text"
    locations = {r["location"].split(":")[0] for r in crawl.query("SELECT location FROM task_progress")}
    assert locations == {"body", "attachment"}
