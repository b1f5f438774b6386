"""The ledger tables are pinned here: change them with a new migration and update this test."""
from __future__ import annotations

from sqlite_utils import Database

from archive.ledger.schema import MIGRATIONS
from archive.schema import ensure_schema, migration_sets

EXPECTED = {
    "inspections": "id level round batch region feedback_date feedback_document_id feedback_date_text"
                   " feedback_date_document_id",
    "plans": "id document_id inspection_id site_id region title url published task_count_stated task_count_parsed"
             " count_mismatch task_sources version_id computed_at task_count_text inspection_named_as",
    "tasks": "id plan_id number problem lead_units responsible_units target deadline_text deadline deadline_kind"
             " measures source",
    "task_links": "id task_id document_id kind status posted location evidence confidence similarity reason",
    "ledger_notices": "document_id version_id region links linked_at",
    "task_progress": "id task_id document_id posted status_text status row_number row_problem location similarity"
                     " reason",
    "orphan_closeouts": "document_id region inspection numbers reason",
    "file_tables": "sha256 kind reader grids computed_at",
}


def test_ledger_schema_is_pinned(tmp_path):
    db = Database(tmp_path / "a.db")
    ensure_schema(db)
    assert {t: " ".join(db[t].columns_dict) for t in EXPECTED} == EXPECTED
    assert [m.name for m in MIGRATIONS.applied(db)] == ["0001_ledger", "0002_ledger_notices", "0003_task_progress",
                                                      "0004_orphan_closeouts", "0005_file_tables",
                                                      "0006_ledger_evidence"]
    assert migration_sets()[-1] is MIGRATIONS
    fks = {(t, fk.column, fk.other_table) for t in EXPECTED for fk in db[t].foreign_keys}
    assert fks == {("inspections", "feedback_document_id", "documents"),
                   ("inspections", "feedback_date_document_id", "documents"), ("plans", "document_id", "documents"),
                   ("plans", "inspection_id", "inspections"), ("tasks", "plan_id", "plans"),
                   ("task_links", "task_id", "tasks"), ("task_links", "document_id", "documents"),
                   ("ledger_notices", "document_id", "documents"), ("task_progress", "task_id", "tasks"),
                   ("task_progress", "document_id", "documents"), ("orphan_closeouts", "document_id", "documents")}
    indexes = {(t, tuple(i.columns)) for t in EXPECTED for i in db[t].indexes}
    assert {("plans", ("region",)), ("tasks", ("deadline",)), ("task_links", ("document_id",)),
            ("task_progress", ("document_id",))} <= indexes


def test_existing_archive_gains_the_ledger_tables_once(tmp_path):
    db = Database(tmp_path / "a.db")
    ensure_schema(db)
    db.execute("INSERT INTO sites (id) VALUES ('x')")
    ensure_schema(Database(tmp_path / "a.db"))
    assert Database(tmp_path / "a.db").execute("SELECT count(*) FROM sites").fetchone()[0] == 1
