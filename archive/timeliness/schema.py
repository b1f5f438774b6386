"""Migrations for the timeliness tables (applied by ``archive.schema.ensure_schema``).

* ``timeliness`` — one row per document: lags, backdating flags with reasons, the objection
  window (stated and computed), the observed window, early removal, acceptance and feedback lags,
  and the calendar version (and state) the working-day figures were computed with.
* ``date_mentions`` — every date found for a document, with source and precision.
* views ``timeliness_by_site_month`` and ``timeliness_flags``.

The tables reference ``documents(id)`` from the core set, which ``ensure_schema`` applies first.
Add a new migration to change anything; never edit one that has shipped.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("ducha-timeliness")

#: The aggregate figures of the per-site and per-region month views (one definition for both).
_MONTH_FIGURES = """    count(*) AS postings,
    sum(t.baseline = 0) AS postings_seen_arriving,
    round(avg(CASE WHEN t.baseline = 0 THEN t.posting_lag_days END), 1) AS avg_posting_lag_days,
    max(CASE WHEN t.baseline = 0 THEN t.posting_lag_days END) AS max_posting_lag_days,
    sum(t.backdated) AS backdated,
    sum(t.date_changed) AS date_changed,
    sum(t.objection_status IS NOT NULL AND t.objection_status != 'no_window') AS objection_windows,
    sum(t.objection_meets_stated = 0) AS windows_shorter_than_stated,
    sum(t.early_removal = 1) AS early_removals,
    round(avg(t.acceptance_lag_days), 1) AS avg_acceptance_lag_days,
    round(avg(t.feedback_lag_workdays), 1) AS avg_feedback_lag_workdays,
    sum(t.calendar_status LIKE 'not_announced:%') AS calendar_not_announced,
    max(t.calendar_version) AS calendar_version
"""

_DDL = f"""
CREATE TABLE timeliness (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    site_id TEXT,
    doc_type TEXT,
    publish_date TEXT,
    publish_date_source TEXT,
    first_seen_date TEXT,               -- Asia/Shanghai
    previous_visit_date TEXT,           -- last successful visit of the site before first-seen
    baseline INTEGER NOT NULL DEFAULT 0, -- already online when the site was first crawled
    posting_lag_days INTEGER,           -- publish_date -> first_seen_date
    cms_lag_days INTEGER,
    stated_lag_days INTEGER,
    backdated INTEGER NOT NULL DEFAULT 0,
    backdated_reasons TEXT,             -- JSON list of {{kind, field, ...}}
    date_changed INTEGER NOT NULL DEFAULT 0,
    url_date TEXT,
    url_date_precision TEXT,
    url_disagreement_days INTEGER,      -- publish_date - url_date
    objection_status TEXT,              -- ok | incomplete | no_window | not_announced:YEAR
    objection_start TEXT,
    objection_end TEXT,
    objection_stated_start TEXT,
    objection_stated_end TEXT,
    objection_stated_length INTEGER,
    objection_stated_unit TEXT,
    objection_working_days INTEGER,
    objection_workdays_counted INTEGER,        -- stated start..end, first day counted
    objection_workdays_excluding_first INTEGER, -- the same, 民法典 Art. 201
    objection_meets_stated INTEGER,
    objection_deadline TEXT,
    objection_deadline_excluding_first_day TEXT,
    observed_from TEXT,
    observed_to TEXT,
    observed_basis TEXT,                -- removed | last_seen
    observed_window_days INTEGER,
    observed_workdays INTEGER,
    early_removal INTEGER,
    early_removal_excluding_first_day INTEGER,
    first_removed_date TEXT,            -- first removal seen, even if restored later
    acceptance_date TEXT,
    acceptance_lag_days INTEGER,
    feedback_date TEXT,
    feedback_date_redacted INTEGER NOT NULL DEFAULT 0,
    feedback_lag_days INTEGER,
    feedback_lag_workdays INTEGER,
    feedback_submission_mark TEXT,      -- feedback + 30 working days (submission, context)
    feedback_disclosure_mark TEXT,      -- that + 20 working days (条例 Art. 26, context)
    problem_count INTEGER,
    task_number TEXT,
    responsible_units TEXT,
    deadline_schedule TEXT,             -- JSON list
    objection_contact TEXT,             -- JSON object
    calendar_version TEXT,
    calendar_status TEXT,               -- ok | not_announced:YEAR
    tolerance_days INTEGER,
    computed_at TEXT
);
CREATE TABLE date_mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    version_id INTEGER,
    attachment_id INTEGER,
    source TEXT NOT NULL,               -- stated | cms | list | url | first_seen | last_seen | removed
    location TEXT,                      -- body | attachment | document
    value TEXT,
    precision TEXT,
    kind TEXT,
    redacted INTEGER NOT NULL DEFAULT 0,
    year_source TEXT,
    text TEXT,
    start INTEGER,
    note TEXT
);
CREATE INDEX idx_date_mentions_document_id ON date_mentions(document_id);
CREATE INDEX idx_timeliness_site_id ON timeliness(site_id);
CREATE VIEW timeliness_by_site_month AS
SELECT
    t.site_id AS site_id,
    s.region AS region,
    substr(coalesce(t.publish_date, t.first_seen_date), 1, 7) AS month,
{_MONTH_FIGURES}FROM timeliness t
LEFT JOIN sites s ON s.id = t.site_id
GROUP BY t.site_id, s.region, month;
CREATE VIEW timeliness_flags AS
SELECT
    t.document_id, t.site_id, s.region, d.url, d.title, t.doc_type, t.publish_date, t.first_seen_date,
    t.backdated, t.backdated_reasons, t.early_removal, t.objection_end, t.first_removed_date,
    t.observed_to, t.observed_basis,
    t.objection_meets_stated, t.calendar_version
FROM timeliness t
JOIN documents d ON d.id = t.document_id
LEFT JOIN sites s ON s.id = t.site_id
WHERE t.backdated = 1 OR t.early_removal = 1 OR t.objection_meets_stated = 0;
"""


@MIGRATIONS(name="0001_timeliness")
def _m0001_timeliness(db: Database) -> None:
    """Create ``timeliness``, ``date_mentions`` and the two views."""
    lines = [line.split("--", 1)[0] for line in _DDL.splitlines()]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            db.execute(statement.strip())


@MIGRATIONS(name="0002_region_view")
def _m0002_region_view(db: Database) -> None:
    """``timeliness_by_region_month``: the site figures rolled up per region (province and its cities)."""
    db.execute(f"""
CREATE VIEW timeliness_by_region_month AS
SELECT
    s.region AS region,
    substr(coalesce(t.publish_date, t.first_seen_date), 1, 7) AS month,
    count(DISTINCT t.site_id) AS sites,
{_MONTH_FIGURES}FROM timeliness t
LEFT JOIN sites s ON s.id = t.site_id
GROUP BY s.region, month""")


def _columns(table: str) -> tuple[str, ...]:
    """Column names of ``table`` as declared in ``_DDL`` (the order rows are written in)."""
    body = _DDL.split(f"CREATE TABLE {table} (", 1)[1].split("\n);", 1)[0]
    lines = [line.split("--", 1)[0].strip() for line in body.splitlines()]
    return tuple(line.split()[0] for line in lines if line)


#: Columns of ``timeliness`` / ``date_mentions``: ``posting_measures`` returns exactly TIMELINESS_COLUMNS.
TIMELINESS_COLUMNS = (*_columns("timeliness"), "display_date", "display_date_differs", "implausible_dates")
DATE_MENTION_COLUMNS = _columns("date_mentions")


@MIGRATIONS(name="0003_median_views")
def _m0003_median_views(db: Database) -> None:
    """The month views with medians and their n (``archive.timeliness.summary``), not averages; a count
    nothing in the group could compute (``windows_shorter_than_stated``) is NULL, not 0."""
    from archive.timeliness.summary import summary_sql

    for view, keys in (("timeliness_by_site_month", ("site_id", "region", "month")),
                       ("timeliness_by_region_month", ("region", "month"))):
        db.execute(f"DROP VIEW IF EXISTS {view}")
        db.execute(f"CREATE VIEW {view} AS {summary_sql(keys)}")


@MIGRATIONS(name="0004_display_date")
def _m0004_display_date(db: Database) -> None:
    """The date a detail page displays (日期：… in its info block) and whether it disagrees with the CMS date."""
    db.execute("ALTER TABLE timeliness ADD COLUMN display_date TEXT")
    db.execute("ALTER TABLE timeliness ADD COLUMN display_date_differs INTEGER")


@MIGRATIONS(name="0005_implausible_dates")
def _m0005_implausible_dates(db: Database) -> None:
    """Dates on the page that cannot be true (before 1990, after the posting was first seen), as JSON."""
    db.execute("ALTER TABLE timeliness ADD COLUMN implausible_dates TEXT")
