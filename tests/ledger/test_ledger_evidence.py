"""Every fact the ledger reads from language keeps the words it was read from (issue 21): the stated task count
(``plans.task_count_text``), the feedback day (``inspections.feedback_date_text`` and the posting it is in) and the
inspection's naming (``plans.inspection_named_as``) — exact substrings that read back to the same fact, on the simulated
web's day-0 crawl; an archive built before migration 0006 gains them on its next build; the pages show them escaped."""
from __future__ import annotations

import re
from html import unescape

import pytest
from sqlite_utils import Database

from archive.ledger import build_ledger, ledger_data, render_ledger
from archive.ledger.evidence import feedback_read, inspection_named, stated_count
from archive.ledger.numbers import number_value
from archive.ledger.schema import MIGRATIONS as LEDGER
from archive.ledger.speaks_for import inspection_of
from archive.script_fold import for_reading
from archive.store import Archive
from archive.timeliness.fields import feedback_date
from tests.crawler.conftest import shared_day0
from tests.ledger.conftest import P, ingest_ledger_postings

_NUMERAL = re.compile(r"[0-9]+|[〇零一二三四五六七八九十百千两]+")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The session's day-0 crawl of the simulated web (the one ``test_ledger_simweb`` reads), its ledger built."""
    crawl, result = shared_day0(tmp_path_factory, tmp_path_factory.mktemp("evidence"))
    assert result.returncode == 0, result.stderr[-3000:]
    yield crawl
    crawl.server.close()


def _numbers(text: str) -> set[int | None]:
    return {number_value(n) for n in _NUMERAL.findall(for_reading(text)[1])}


def test_a_stated_count_keeps_the_words_of_the_plan_it_was_read_from(crawled):
    rows = crawled.query("SELECT p.task_count_stated AS n, p.task_count_text AS words, v.body_text AS body"
                         " FROM plans p JOIN versions v ON v.id = p.version_id WHERE p.task_count_stated IS NOT NULL")
    assert len(rows) >= 5
    for row in rows:
        assert row["words"] and row["words"] in row["body"], dict(row)
        assert row["n"] in _numbers(row["words"]), dict(row)
        assert len(row["words"]) <= 120, dict(row)
    assert crawled.query("SELECT count(*) AS n FROM plans WHERE task_count_stated IS NULL"
                         " AND task_count_text IS NOT NULL")[0]["n"] == 0


def test_a_feedback_day_keeps_its_words_and_the_posting_they_are_in(crawled):
    rows = crawled.query(
        "SELECT i.feedback_date AS day, i.feedback_date_text AS words, d.doc_type, d.publish_date, v.body_text AS body"
        " FROM inspections i JOIN documents d ON d.id = i.feedback_date_document_id"
        " JOIN versions v ON v.id = d.current_version_id WHERE i.feedback_date IS NOT NULL")
    assert len(rows) == crawled.query("SELECT count(*) AS n FROM inspections WHERE feedback_date IS NOT NULL")[0]["n"] > 0
    assert {r["doc_type"] for r in rows} == {"rectification_plan", "inspection_feedback"}
    for row in rows:
        assert row["words"] and row["words"] in row["body"], dict(row)
        again = feedback_date(row["words"], context_year=int(row["publish_date"][:4]) if row["publish_date"] else None)
        assert again is not None and again.iso() == row["day"], dict(row)


def test_a_plans_inspection_keeps_the_words_naming_it(crawled):
    rows = crawled.query("SELECT p.inspection_named_as AS words, i.level, i.round, i.batch FROM plans p"
                         " JOIN inspections i ON i.id = p.inspection_id")
    assert len(rows) >= 5
    for row in rows:
        assert row["words"], dict(row)
        again = inspection_of(row["words"])
        assert again == {"level": row["level"], "round": row["round"], "batch": row["batch"]}, dict(row)
    assert crawled.query("SELECT count(*) AS n FROM plans WHERE inspection_id IS NULL"
                         " AND inspection_named_as IS NOT NULL")[0]["n"] == 0


def test_words_widen_to_what_reads_back():
    # a bare count is read in its clause; a day whose month and year the stay before it gives keeps that sentence
    assert stated_count("一、总体要求。对督察反馈的4个问题，制定方案。") == (4, "对督察反馈的4个问题")
    text = "督查组于11月11日至14日对某省进行督察。14日上午，督查组向某省进行了反馈。此后各地整改。"
    day, words = feedback_read(text, context_year=2022) or (None, "")
    assert (day.iso() if day else None, words) == ("2022-11-14", "督查组于11月11日至14日对某省进行督察。14日上午，督查组向某省进行了反馈")
    assert feedback_read("督察组于2022年5月■日进行了反馈。", context_year=2022) is None  # redacted: no day, no words
    # the round a later naming fills in comes with its words
    key, named_as = inspection_named("某市贯彻落实省生态环境保护督察反馈意见整改方案",
                                     "根据第二轮省级生态环境保护督察工作安排，督察组对我市开展督察。") or ({}, "")
    assert key == {"level": "provincial", "round": "第二轮", "batch": ""}
    assert named_as.endswith(" … 第二轮省级生态环境保护督察") and inspection_of(named_as) == key
    # …and a round stated beside the naming, not in its span, comes with the naming's sentence
    assert inspection_named("某省整改方案", "2018年6月，中央第五环境保护督察组对我省开展督察“回头看”。此后各地整改。") == (
        {"level": "central", "round": "回头看", "batch": ""}, "2018年6月，中央第五环境保护督察组对我省开展督察“回头看”")


def test_an_archive_built_before_0006_gains_the_words_on_its_next_build(tmp_path, monkeypatch):
    path = tmp_path / "archive.db"
    # the ledger's migrations as main had them before 0006
    monkeypatch.setattr(LEDGER, "_migrations", [m for m in LEDGER._migrations if m.name != "0006_ledger_evidence"])
    with Archive(path) as old:
        ingest_ledger_postings(old)
        assert "task_count_text" not in old.db["plans"].columns_dict
        doc_id, version = old.conn.execute("SELECT id, current_version_id FROM documents WHERE url = ?",
                                           [P + "plan"]).fetchone()
        # the ledger as the build before 0006 wrote it: the count and the day, no words
        old.conn.execute("INSERT INTO inspections (id, level, round, batch, region, feedback_date)"
                         " VALUES (1, 'central', '第二轮', '', '四川省', '2021-12-10')")
        old.conn.execute("INSERT INTO plans (document_id, inspection_id, site_id, region, task_count_stated,"
                         " task_count_parsed, count_mismatch, version_id) VALUES (?, 1, 'sc', '四川省', 4, 3, 1, ?)",
                         [doc_id, version])
        old.conn.commit()
    monkeypatch.undo()
    with Archive(path) as upgraded:  # a writer opens it: 0006 runs
        assert {"task_count_text", "inspection_named_as"} <= set(upgraded.db["plans"].columns_dict)
        assert {"feedback_date_text", "feedback_date_document_id"} <= set(upgraded.db["inspections"].columns_dict)
    db = Database(path)
    stats = build_ledger(db)
    assert stats.plans_read == 2  # every plan re-read, though its version was read before
    plan = db.execute("SELECT p.task_count_text, p.inspection_named_as, i.feedback_date, i.feedback_date_text,"
                      " i.feedback_date_document_id FROM plans p JOIN inspections i ON i.id = p.inspection_id"
                      " WHERE p.document_id = ?", [doc_id]).fetchone()
    assert plan == ("对督察反馈的4个问题", "第二轮中央生态环境保护督察", "2021-12-10",
                    "第二轮中央生态环境保护督察组于2021年12月10日向四川省进行了反馈", doc_id)


def test_the_plan_page_shows_the_words_escaped(get, db_path):
    doc_id = Database(db_path).execute("SELECT id FROM documents WHERE url = ?", [P + "plan"]).fetchone()[0]
    page = unescape(" ".join(get(f"/-/ducha/ledger/{doc_id}?as_of=2024-07-01").text.split()))
    assert "文中所述 stated <strong>4</strong>" in page and "对督察反馈的4个问题" in page
    assert "第二轮中央生态环境保护督察组于2021年12月10日向四川省进行了反馈" in page
    db = Database(db_path)
    db.execute("UPDATE plans SET task_count_text = '<script>alert(1)</script>对督察反馈的4个问题'")
    db.execute("UPDATE inspections SET feedback_date_text = '<img src=x onerror=alert(2)>反馈'")
    db.conn.commit()
    for path in (f"/-/ducha/ledger/{doc_id}?as_of=2024-07-01", "/-/ducha/ledger?as_of=2024-07-01"):
        html = get(path).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;对督察反馈的4个问题" in html, path
        assert "<script>alert(1)" not in html and "<img src=x" not in html, path
    assert "&lt;img src=x onerror=alert(2)&gt;反馈" in get(f"/-/ducha/ledger/{doc_id}?as_of=2024-07-01").text


def test_the_report_gives_the_words_beside_a_mismatch_and_a_lag(db_path):
    md = render_ledger(db_path, as_of="2024-07-01", fmt="md")
    assert "**stated 4, parsed 3** (“对督察反馈的4个问题”)" in md
    assert "after the feedback of 2021-12-10 (“第二轮中央生态环境保护督察组于2021年12月10日向四川省进行了反馈”)" in md
    plan = next(p for p in ledger_data(db_path, as_of="2024-07-01")["plans"] if p["url"] == P + "plan")
    assert (plan["task_count_text"], plan["feedback_date_text"]) == (
        "对督察反馈的4个问题", "第二轮中央生态环境保护督察组于2021年12月10日向四川省进行了反馈")
