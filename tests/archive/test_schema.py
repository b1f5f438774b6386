"""The schema is pinned here: change it with a new migration and update this test."""
from __future__ import annotations

from sqlite_utils import Database

from archive.schema import CORE, DOC_TYPES, TABLE_ORDER, ensure_schema
from archive.schema_docs import schema_columns, schema_markdown

EXPECTED = {
    "sites": "id name region level profile host start_urls hints updated_at",
    "doc_types": "code label_zh label_en",
    "documents": "id site_id url title publish_date publish_date_source cms_date list_date stated_date url_date"
                 " publisher doc_type doc_numbers status first_seen_at last_seen_at last_checked_at removed_at"
                 " current_version_id version_count list_title etag last_modified attachment_count objection_end"
                 " display_date",
    "versions": "id document_id run_id captured_at sha256 raw_sha256 title publish_date cms_date list_date"
                " stated_date url_date body_text attachment_sha256s changed_fields http_status warc_file warc_offset",
    "attachments": "id document_id url name sha256 size content_type text error first_seen_at last_seen_at"
                   " warc_file warc_offset etag last_modified text_source ocr_text ocr_engine ocr_confidence"
                   " ocr_pages_done ocr_pages_total text_extractor",
    "version_attachments": "version_id attachment_id",
    "events": "id document_id run_id kind at version_id previous_version_id detail",
    "checks": "id document_id run_id at http_status outcome reason raw_sha256 warc_file warc_offset site_id url",
    "runs": "id started_at finished_at status pid command code_version calendar_version warc_files summary",
    "run_sites": "run_id site_id pages postings_seen new changed removed restored unreachable blocked errors"
                 " duration_s status",
    "documents_fts": "search_text",
}

EXPECTED_INDEXES = {
    ("documents", ("site_id",)), ("documents", ("publish_date",)), ("documents", ("status",)),
    ("documents", ("doc_type",)), ("events", ("document_id",)), ("events", ("kind", "at")),
    ("versions", ("document_id",)), ("checks", ("document_id", "at")), ("attachments", ("document_id",)),
}


def _dump(db: Database) -> list[tuple]:
    return db.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_core_schema_is_pinned(tmp_path):
    db = Database(tmp_path / "a.db")
    ensure_schema(db)
    columns = schema_columns(db)
    assert {t: " ".join(c for c, _ in columns[t]) for t in TABLE_ORDER} == EXPECTED
    indexes = {(t, tuple(i.columns)) for t in TABLE_ORDER if t != "documents_fts" for i in db[t].indexes}
    assert EXPECTED_INDEXES <= indexes
    assert [r["code"] for r in db.query("SELECT code FROM doc_types ORDER BY rowid")] == [c for c, _, _ in DOC_TYPES]
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [m.name for m in CORE.applied(db)] == ["0001_core", "0002_attachment_validators", "0003_search_bigrams",
                                                 "0004_display_date", "0005_search_pending",
                                                 "0006_search_title", "0007_search_brackets",
                                                 "0008_redirect_hops", "0009_evidence_recaptures",
                                                 "0010_chain_manifests", "0011_search_script",
                                                 "0012_search_pinyin", "0013_search_toneless_pinyin"]
    assert " ".join(c for c, _ in columns["redirect_hops"]) == (
        "id document_id row_table row_id hop url http_status location raw_sha256 warc_file warc_offset")
    assert " ".join(c for c, _ in columns["chain_manifests"]) == (
        "run_id file sha256 previous_run_id previous_sha256 signed timestamped created_at")
    assert " ".join(c for c, _ in columns["evidence_recaptures"]) == (
        "id document_id run_id at row_table row_id problem detail check_id warc_file warc_offset raw_sha256")
    assert " ".join(c for c, _ in columns["ocr_results"]) == (
        "sha256 engine engine_version pages_total pages_done pages confidence seconds updated_at")


def test_ensure_schema_twice_changes_nothing(tmp_path):
    db = Database(tmp_path / "a.db")
    ensure_schema(db)
    before = _dump(db), db.conn.execute("SELECT count(*) FROM doc_types").fetchone()
    ensure_schema(db)
    db2 = Database(tmp_path / "a.db")
    ensure_schema(db2)
    assert (_dump(db2), db2.conn.execute("SELECT count(*) FROM doc_types").fetchone()) == before


def test_schema_markdown_lists_every_table():
    db = Database(memory=True)
    ensure_schema(db)
    md = schema_markdown(db)
    for table in EXPECTED:
        assert f"### `{table}`" in md
    assert "| `site_id` | TEXT | → `sites.id` |" in md
