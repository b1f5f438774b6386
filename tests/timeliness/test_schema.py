"""Tests for archive.timeliness.schema: the migration applies after the core set and is idempotent."""
from __future__ import annotations

from sqlite_utils import Database

from archive.schema import ensure_schema
from archive.timeliness.schema import DATE_MENTION_COLUMNS, TIMELINESS_COLUMNS


def test_tables_views_and_columns() -> None:
    db = Database(memory=True)
    ensure_schema(db)
    ensure_schema(db)  # idempotent
    assert tuple(db["timeliness"].columns_dict) == TIMELINESS_COLUMNS
    assert tuple(db["date_mentions"].columns_dict) == DATE_MENTION_COLUMNS
    assert {"timeliness_by_site_month", "timeliness_by_region_month", "timeliness_flags"} <= set(db.view_names())
    assert [fk.other_table for fk in db["timeliness"].foreign_keys] == ["documents"]
    assert TIMELINESS_COLUMNS[0] == "document_id" and "calendar_version" in TIMELINESS_COLUMNS
    names = [r["name"] for r in db.query(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'ducha-timeliness'")]
    assert names == ["0001_timeliness", "0002_region_view", "0003_median_views", "0004_display_date",
                     "0005_implausible_dates"]
