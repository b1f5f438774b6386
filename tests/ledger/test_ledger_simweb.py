"""A real crawl of the simulated web, then the ledger, exact against the manifest's ground truth:
tasks per source format (HTML table, numbered text, XLSX, DOCX, PDF), deadlines, closure links (cited in
the title as 第3项 / 第十二项 / 第4、9项 / 第四项、第九项, or only in the attached 验收销号表) and
overdue flags."""
from __future__ import annotations

import re

import pytest

from archive.ledger import ledger_data
from simweb.ledger import PROGRESS_FORMATS, TASK_FORMATS, score
from tests.crawler.conftest import shared_day0


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Day 0, 40 postings per site, crawled by the real ``ducha crawl`` (the ledger is built after the run)."""
    crawl, result = shared_day0(tmp_path_factory, tmp_path_factory.mktemp("ledger"))  # the session's day-0 crawl
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


def test_the_real_forms_occur_and_are_read_exactly(crawled):
    """Bare-year deadlines (2024年 → 12-31), combined status words (已经完成，长期坚持), task counts beside
    category counts (整改任务清单包括N项 … 涉及M个方面) and city close-outs citing the province's numbering,
    whose plan the crawl does not hold: orphans, exact against the manifest."""
    crawl, manifest, _ = crawled
    bare = crawl.query("SELECT deadline_text, deadline FROM tasks WHERE deadline_text GLOB '[0-9][0-9][0-9][0-9]年'")
    assert bare and all(r["deadline"] == r["deadline_text"][:4] + "-12-31" for r in bare)
    combined = crawl.query("SELECT status_text, status FROM task_progress WHERE status_text LIKE '%，%'")
    assert {(r["status_text"], r["status"]) for r in combined} >= {("已经完成，长期坚持", "done")}
    counted = [p for p in manifest["postings"] if p["doc_type"] == "rectification_plan" and "个方面" in p["body_text"]]
    assert counted  # their stated counts are exact: test_tasks_exact_per_source_format
    data = ledger_data(crawl.db, as_of=manifest["date"])
    result = score(manifest["ledger"], data)
    upward = [c for c in manifest["ledger"]["closeouts"] if c["cross_level"] and c["status"] == "live"]
    assert upward and {c["url"] for c in upward} <= {o["url"] for o in data["orphan_closeouts"]}
    assert result["orphan_closeouts"]["expected"] > 0
    assert (result["missed_orphans"], result["wrong_orphans"]) == ([], [])


def test_provincial_plans_are_linked_to_feedback_naming_the_group(crawled):
    """A 督察反馈 posting titled 省第N生态环境保护督察组向…反馈督察情况 (a group number, no round) is the
    feedback of the province's plan of the provincial round its body names."""
    crawl, manifest, _ = crawled
    feedback = [p for p in manifest["postings"] if p["doc_type"] == "inspection_feedback" and p["status"] == "live"
                and p["title"].startswith("省第")]
    data = ledger_data(crawl.db, as_of=manifest["date"])
    linked = [p for p in data["plans"] if p["feedback_url"] in {f["url"] for f in feedback}]
    assert linked
    for plan in linked:
        body = next(f["body_text"] for f in feedback if f["url"] == plan["feedback_url"])
        round_named = next(r for r in ("第二轮省级", "第三轮省级") if r in body)
        assert round_named in plan["title"]


def test_the_tables_of_plan_files_are_read_during_the_crawl_and_never_again(crawled, tmp_path, monkeypatch):
    """Every page and PDF/DOCX/XLSX of a plan or progress report has its tables kept by digest from the crawl
    itself; a full rebuild of the ledger reads none of them again and finds the same tasks."""
    from sqlite_utils import Database

    from archive.ledger import build_ledger
    from archive.ledger.table_cache import TABLE_DOC_TYPES
    from archive.ledger.tables import TABLE_KINDS, TableReaders

    crawl, _, _ = crawled
    files = crawl.query(
        "SELECT a.name, a.url, a.content_type, a.sha256, (SELECT count(*) FROM file_tables t WHERE t.sha256 = a.sha256)"
        " AS kept FROM attachments a JOIN documents d ON d.id = a.document_id"
        f" WHERE d.doc_type IN ({','.join('?' * len(TABLE_DOC_TYPES))})", tuple(TABLE_DOC_TYPES))
    tabled = [f for f in files if re.search(r"\.(pdf|docx|xlsx)$", f["url"])]
    assert len(tabled) > 20 and all(f["kept"] == 1 for f in tabled)
    pages = crawl.query("SELECT (SELECT count(*) FROM file_tables t WHERE t.sha256 = v.raw_sha256 AND t.kind = 'html')"
                        " AS kept FROM documents d JOIN versions v ON v.id = d.current_version_id"
                        f" WHERE d.doc_type IN ({','.join('?' * len(TABLE_DOC_TYPES))})", tuple(TABLE_DOC_TYPES))
    assert len(pages) > 20 and all(p["kept"] == 1 for p in pages)

    copy = Database(tmp_path / "archive.db")
    source = Database(crawl.db)
    source.conn.backup(copy.conn)
    source.close()
    before = copy.execute("SELECT number, problem, deadline FROM tasks ORDER BY plan_id, number").fetchall()
    kinds: list[str] = []
    real_read = TableReaders.read
    monkeypatch.setattr(TableReaders, "read", lambda self, jobs: kinds.extend(k for k, _ in jobs) or real_read(self, jobs))
    build_ledger(copy, warc_dir=crawl.db.parent / "warc", full=True)
    assert kinds == [], set(kinds) & TABLE_KINDS
    assert copy.execute("SELECT number, problem, deadline FROM tasks ORDER BY plan_id, number").fetchall() == before


def test_the_postings_whose_files_the_crawl_reads_tables_of_are_the_ones_the_ledger_reads():
    from archive.ledger.build import NOTICE_KINDS, PLAN_TYPES
    from archive.ledger.table_cache import TABLE_DOC_TYPES

    assert TABLE_DOC_TYPES == {*PLAN_TYPES, *(t for t, kind in NOTICE_KINDS.items() if kind == "progress")}


def test_the_cells_no_reader_reads_are_listed_exactly(crawled):
    """Deadline cells stating no time (视项目进度确定) and status cells stating no status (详见附件), as real plans and
    reports have them: never given a day or a class, and listed by ``ledger_unread`` exactly (the live plans' cells)."""
    import sqlite3

    from archive.web.ledger_meta import LEDGER_QUERIES

    crawl, manifest, _ = crawled
    live = [p for p in manifest["ledger"]["plans"] if p["status"] == "live"]
    deadlines = {(p["url"], t["number"], t["deadline_text"]) for p in live for t in p["tasks"]
                 if t["deadline_kind"] == "unknown"}
    statuses = {(e["url"], t["number"], e["status_text"]) for p in live for t in p["tasks"] for e in t["progress"]
                if e["status_class"] == "other" and e["status"] == "live" and e["posted"] <= manifest["date"]}
    assert deadlines and statuses, "the simulated web writes both kinds of unread cell"
    rows = sqlite3.connect(crawl.db).execute(LEDGER_QUERIES["ledger_unread"]["sql"],
                                             {"region": "", "as_of": manifest["date"]}).fetchall()
    assert {(r[5], r[2], r[3]) for r in rows if r[1] == "deadline"} == deadlines
    assert {(r[5], r[2], r[3]) for r in rows if r[1] == "status"} == statuses
    listed = ledger_data(crawl.db, as_of=manifest["date"])["unread_wordings"]
    assert sorted((w["posted_in"], w["number"], w["words"]) for w in listed) == sorted((r[5], r[2], r[3]) for r in rows)
