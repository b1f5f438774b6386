"""Migrations for the operations tables (applied by ``archive.schema.ensure_schema``).

* ``scheduled_runs`` — one row per scheduler job execution (the ``ducha crawl`` subprocess it started,
  its exit code and outcome, including runs that timed out, crashed or were skipped on a busy lock).
* ``run_ops`` — marks a run as processed by ``archive.ops.after_run`` (idempotence).
* ``health_checks`` — one row per (run, site, check) with status ``ok`` / ``fail`` / ``skip``.
* ``watches`` / ``watch_matches`` — saved keyword watches and the postings that matched them (once each).
* ``alerts_sent`` — one row per alert message per channel, with its delivery result.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("ducha-ops")

_OPS_DDL = """
CREATE TABLE scheduled_runs (
    id INTEGER PRIMARY KEY,
    group_name TEXT NOT NULL,
    scheduled_for TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    start_delay_s REAL,
    duration_s REAL,
    pid INTEGER,
    exit_code INTEGER,
    outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN
        ('running', 'ok', 'failed_sites', 'error', 'timeout', 'crashed', 'interrupted', 'skipped_locked')),
    run_id INTEGER REFERENCES runs(id),
    command TEXT,
    detail TEXT
);
CREATE TABLE run_ops (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id),
    processed_at TEXT NOT NULL,
    checks_failed INTEGER NOT NULL DEFAULT 0,
    watch_matches INTEGER NOT NULL DEFAULT 0,
    alerts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE health_checks (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    site_id TEXT NOT NULL,
    "check" TEXT NOT NULL CHECK ("check" IN
        ('zero_postings', 'stale_newest', 'error_rate', 'block_rate', 'unreached')),
    status TEXT NOT NULL CHECK (status IN ('ok', 'fail', 'skip')),
    value REAL,
    threshold REAL,
    detail TEXT,
    at TEXT NOT NULL,
    UNIQUE (run_id, site_id, "check")
);
CREATE TABLE watches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    region TEXT,
    site_id TEXT,
    doc_type TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE watch_matches (
    watch_id INTEGER NOT NULL REFERENCES watches(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    run_id INTEGER REFERENCES runs(id),
    matched_at TEXT NOT NULL,
    PRIMARY KEY (watch_id, document_id)
);
CREATE TABLE alerts_sent (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id),
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'job')),
    channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email', 'log')),
    sent_at TEXT NOT NULL,
    subject TEXT,
    ok INTEGER NOT NULL,
    error TEXT,
    checks_failed INTEGER NOT NULL DEFAULT 0,
    watch_matches INTEGER NOT NULL DEFAULT 0,
    payload TEXT                -- JSON object as sent
);
CREATE INDEX idx_scheduled_runs_started_at ON scheduled_runs(started_at);
CREATE INDEX idx_health_checks_site_at ON health_checks(site_id, at);
CREATE INDEX idx_health_checks_run_id ON health_checks(run_id);
CREATE INDEX idx_watch_matches_run_id ON watch_matches(run_id);
CREATE INDEX idx_alerts_sent_run_id ON alerts_sent(run_id)
"""


@MIGRATIONS(name="0001_ops")
def _m0001_ops(db: Database) -> None:
    """Create the operations tables and their indexes."""
    for statement in _OPS_DDL.split(";"):
        lines = [line.split("--", 1)[0] for line in statement.splitlines()]
        sql = "\n".join(lines).strip()
        if sql:
            db.execute(sql)
