"""Migrations for the rectification ledger (applied by ``archive.schema.ensure_schema``).

* ``inspections`` — one row per 督察 (central or provincial, round, batch) of one inspected region.
* ``plans`` — one row per 整改方案 posting: its inspection, region, publication date, the task count
  the text states and the count parsed from its tables or lists.
* ``tasks`` — one row per task of a plan: number, problem, lead and responsible units, target,
  deadline as written and as the last allowed day, measures, and where it was read.
* ``task_links`` — task → posting (``plan``, ``closure`` = 验收销号 / 完成情况 公示, ``progress``),
  with the evidence text, a confidence, and ``status`` ``confirmed`` or ``candidate`` (ambiguous:
  kept with its ``reason``, never counted as a close-out).
* ``task_progress`` — the status a 整改进展 report's table gives a task (as written and classed), with
  the report and its date (migration ``0003``).
* ``ledger_notices`` — bookkeeping: which version of each close-out / progress posting was linked,
  against which region's plans (a later build re-links only what changed).
* ``orphan_closeouts`` — close-outs whose plan is not in the archive: the inspection as the notice
  names it, the task numbers it cites and why nothing was linked (migration ``0004``).
* ``file_tables`` — the tables of a file (or page) as grids, by the digest of its bytes, the reader that read
  them and its version (``archive.ledger.table_cache``): read once, in the crawl's attachment workers or by a
  build, never again for the same bytes (migration ``0005``).
* the words a fact was read from, beside it (migration ``0006``): ``plans.task_count_text`` (the stated count's),
  ``plans.inspection_named_as`` (the inspection's naming), ``inspections.feedback_date_text`` and
  ``inspections.feedback_date_document_id`` (the feedback day's words and the posting they are in).

The ledger is derived data: ``archive.ledger.build.build_ledger`` rewrites it from the archive.
Add a new migration to change anything; never edit one that has shipped.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("ducha-ledger")

_DDL = """
CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    level TEXT,                         -- central | provincial
    round TEXT,                         -- 第二轮 / 第三轮 / 回头看 ... as written
    batch TEXT,                         -- 第一批 ... when stated
    region TEXT NOT NULL,               -- the inspected region (province, or province+city)
    feedback_date TEXT,                 -- stated in the feedback posting or in the plan
    feedback_document_id INTEGER REFERENCES documents(id),
    UNIQUE (level, round, batch, region)
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
    inspection_id INTEGER REFERENCES inspections(id),
    site_id TEXT,
    region TEXT,
    title TEXT,
    url TEXT,
    published TEXT,                     -- documents.publish_date
    task_count_stated INTEGER,          -- "68个问题" in the text
    task_count_parsed INTEGER,          -- tasks read from tables / lists
    count_mismatch INTEGER NOT NULL DEFAULT 0,
    task_sources TEXT,                  -- JSON list: html_table, docx_table, xlsx_table, pdf_table, text
    version_id INTEGER,                 -- the version the tasks were read from
    computed_at TEXT
);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    number INTEGER NOT NULL,
    problem TEXT,
    lead_units TEXT,
    responsible_units TEXT,
    target TEXT,
    deadline_text TEXT,
    deadline TEXT,                      -- last allowed day; NULL for 立行立改 without a date, 长期坚持, unknown
    deadline_kind TEXT,                 -- date | immediate | ongoing | recurring | relative | unknown
    measures TEXT,
    source TEXT,                        -- html_table | docx_table | xlsx_table | xls_table | pdf_table | text
    UNIQUE (plan_id, number)
);
CREATE TABLE task_links (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,                 -- plan | closure | progress
    status TEXT NOT NULL,               -- confirmed | candidate
    posted TEXT,                        -- the linked posting's publish_date (first seen date if none)
    location TEXT,                      -- title | body | attachment:ID
    evidence TEXT,                      -- the citing text
    confidence REAL,
    similarity REAL,                    -- problem text of the task vs the posting's task text
    reason TEXT,
    UNIQUE (task_id, document_id, kind)
);
CREATE INDEX idx_plans_region ON plans(region);
CREATE INDEX idx_tasks_deadline ON tasks(deadline);
CREATE INDEX idx_task_links_document_id ON task_links(document_id);
"""


@MIGRATIONS(name="0001_ledger")
def _m0001_ledger(db: Database) -> None:
    """Create ``inspections``, ``plans``, ``tasks`` and ``task_links``."""
    _run(db, _DDL)


_NOTICES_DDL = """
CREATE TABLE ledger_notices (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    version_id INTEGER,                 -- the version its links were computed from
    region TEXT,                        -- the region whose plans it was matched against
    links INTEGER NOT NULL DEFAULT 0,   -- confirmed + candidate links it has
    linked_at TEXT
);
"""


@MIGRATIONS(name="0002_ledger_notices")
def _m0002_ledger_notices(db: Database) -> None:
    """``ledger_notices``: what was linked, so a rebuild re-links only new or changed postings."""
    _run(db, _NOTICES_DDL)


_PROGRESS_DDL = """
CREATE TABLE task_progress (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),  -- the 整改进展 report
    posted TEXT,                        -- the report's publish_date (first seen date if none)
    status_text TEXT NOT NULL,          -- as written: 已完成 / 基本完成 / 序时推进 / 未完成 ...
    status TEXT NOT NULL,               -- done | mostly_done | on_track | behind | ongoing | other
    row_number INTEGER,                 -- the row's number in the report's table
    row_problem TEXT,                   -- the row's task text
    location TEXT,                      -- body | attachment:ID
    similarity REAL,                    -- row text vs the task's problem (NULL: matched by number alone)
    reason TEXT,                        -- how the row was matched when not by its number
    UNIQUE (task_id, document_id)
);
CREATE INDEX idx_task_progress_document_id ON task_progress(document_id);
"""


@MIGRATIONS(name="0003_task_progress")
def _m0003_task_progress(db: Database) -> None:
    """``task_progress``: per-task status rows read from the tables of 整改进展 reports."""
    _run(db, _PROGRESS_DDL)


_ORPHANS_DDL = """
CREATE TABLE orphan_closeouts (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    region TEXT,                        -- the region the notice speaks for
    inspection TEXT,                    -- as the notice names it: 省级第二轮生态环境保护督察 ...
    numbers TEXT,                       -- JSON list of the task numbers it cites
    reason TEXT NOT NULL                -- why no task was linked
);
"""


@MIGRATIONS(name="0004_orphan_closeouts")
def _m0004_orphan_closeouts(db: Database) -> None:
    """``orphan_closeouts``: close-outs kept with the reason their plan could not be found."""
    _run(db, _ORPHANS_DDL)


_FILE_TABLES_DDL = """
CREATE TABLE IF NOT EXISTS file_tables (
    sha256 TEXT NOT NULL,               -- digest of the bytes read (attachments.sha256)
    kind TEXT NOT NULL,                 -- the reader: pdf | docx | xlsx | xls | html
    reader TEXT NOT NULL,               -- the readers' version (archive.ledger.tables.READER_VERSION)
    grids TEXT NOT NULL,                -- JSON: the tables, each a list of rows of cell strings
    computed_at TEXT,
    PRIMARY KEY (sha256, kind, reader)
)
"""


@MIGRATIONS(name="0005_file_tables")
def _m0005_file_tables(db: Database) -> None:
    """``file_tables``: tables read from a file's bytes, kept by digest so no build reads them again."""
    _run(db, _FILE_TABLES_DDL)


_EVIDENCE_DDL = """
ALTER TABLE plans ADD COLUMN task_count_text TEXT;          -- the words task_count_stated was read from
ALTER TABLE plans ADD COLUMN inspection_named_as TEXT;      -- the words naming the plan's inspection
ALTER TABLE inspections ADD COLUMN feedback_date_text TEXT; -- the words feedback_date was read from
ALTER TABLE inspections ADD COLUMN feedback_date_document_id INTEGER REFERENCES documents(id);
UPDATE plans SET version_id = NULL;
UPDATE inspections SET feedback_date = NULL
"""


@MIGRATIONS(name="0006_ledger_evidence")
def _m0006_ledger_evidence(db: Database) -> None:
    """The words each fact read from language was read from: ``plans.task_count_text``, ``plans.inspection_named_as``,
    ``inspections.feedback_date_text`` and ``inspections.feedback_date_document_id`` (the posting the day and its words
    came from).  Every plan is marked unread and every feedback day cleared, so the next build re-reads each plan (as
    ``--full`` does: tasks again, close-outs re-linked) and reads each day with its words, never a day kept from
    before with no words."""
    _run(db, _EVIDENCE_DDL)


def _run(db: Database, ddl: str) -> None:
    lines = [line.split("--", 1)[0] for line in ddl.splitlines()]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            db.execute(statement.strip())
