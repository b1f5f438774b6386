"""The archive's SQLite schema, as code.

``ensure_schema(db)`` creates or upgrades a database idempotently: it applies the core
migration set ``CORE`` (``Migrations("ducha-core")``), then the timeliness, operations and ledger
sets owned by ``archive.timeliness``, ``archive.ops`` and ``archive.ledger``.  A test pins the resulting schema and the
README's schema section is generated from it with ``archive.schema_docs.schema_markdown``.

Add a new migration function to change the schema; never edit one that has shipped.
"""
from __future__ import annotations

import logging

from sqlite_utils import Database, Migrations

from archive import search

log = logging.getLogger(__name__)

CORE = Migrations("ducha-core")
#: Page size of new archive files (an existing file keeps its own until ``VACUUM`` after ``PRAGMA page_size``).
PAGE_SIZE = 16384

#: The contract's ``doc_type`` vocabulary: (code, label_zh, label_en).
DOC_TYPES: list[tuple[str, str, str]] = [
    ("rectification_plan", "整改方案", "Rectification plan"),
    ("acceptance_notice", "验收销号公示", "Acceptance / close-out notice"),
    ("rectification_progress", "整改进展", "Rectification progress"),
    ("inspection_feedback", "督察反馈", "Inspection feedback"),
    ("typical_case", "典型案例", "Typical case"),
    ("eia_notice", "环评公示", "EIA notice"),
    ("other", "其他", "Other"),
]

#: Tables in the order the README documents them (FTS shadow tables are left out).
TABLE_ORDER = [
    "sites",
    "doc_types",
    "documents",
    "versions",
    "attachments",
    "version_attachments",
    "events",
    "checks",
    "runs",
    "run_sites",
    "documents_fts",
]

_CORE_DDL = """
CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    name TEXT,
    region TEXT,
    level TEXT,
    profile TEXT,
    host TEXT,
    start_urls TEXT,            -- JSON list
    hints TEXT,                 -- JSON object: any other keys of the sites file
    updated_at TEXT
);
CREATE TABLE doc_types (
    code TEXT PRIMARY KEY,
    label_zh TEXT NOT NULL,
    label_en TEXT NOT NULL
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    pid INTEGER,
    command TEXT,
    code_version TEXT,
    calendar_version TEXT,
    warc_files TEXT,            -- JSON list
    summary TEXT                -- JSON object
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    publish_date TEXT,
    publish_date_source TEXT,
    cms_date TEXT,
    list_date TEXT,
    stated_date TEXT,
    url_date TEXT,
    publisher TEXT,
    doc_type TEXT NOT NULL DEFAULT 'other' REFERENCES doc_types(code),
    doc_numbers TEXT,           -- JSON list
    status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'removed', 'unreachable')),
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT,
    last_checked_at TEXT,
    removed_at TEXT,
    current_version_id INTEGER,
    version_count INTEGER NOT NULL DEFAULT 0,
    list_title TEXT,
    etag TEXT,
    last_modified TEXT,
    attachment_count INTEGER NOT NULL DEFAULT 0,
    objection_end TEXT
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    run_id INTEGER REFERENCES runs(id),
    captured_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    raw_sha256 TEXT,
    title TEXT,
    publish_date TEXT,
    cms_date TEXT,
    list_date TEXT,
    stated_date TEXT,
    url_date TEXT,
    body_text TEXT,
    attachment_sha256s TEXT,    -- JSON list, sorted
    changed_fields TEXT,        -- JSON list; NULL for the first version
    http_status INTEGER,
    warc_file TEXT,
    warc_offset INTEGER
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    url TEXT NOT NULL,
    name TEXT,
    sha256 TEXT,
    size INTEGER,
    content_type TEXT,
    text TEXT,
    error TEXT,
    first_seen_at TEXT,
    last_seen_at TEXT,
    warc_file TEXT,
    warc_offset INTEGER,
    UNIQUE (document_id, url, sha256)
);
CREATE TABLE version_attachments (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    PRIMARY KEY (version_id, attachment_id)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    run_id INTEGER REFERENCES runs(id),
    kind TEXT NOT NULL CHECK (kind IN ('new', 'changed', 'removed', 'restored', 'unreachable')),
    at TEXT NOT NULL,
    version_id INTEGER REFERENCES versions(id),
    previous_version_id INTEGER REFERENCES versions(id),
    detail TEXT                 -- JSON object
);
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),   -- NULL when the URL was never archived
    run_id INTEGER REFERENCES runs(id),
    at TEXT NOT NULL,
    http_status INTEGER,
    outcome TEXT NOT NULL CHECK (outcome IN
        ('same', 'new_version', 'not_modified', 'removed', 'unreachable', 'blocked')),
    reason TEXT,
    raw_sha256 TEXT,
    warc_file TEXT,
    warc_offset INTEGER,
    site_id TEXT,
    url TEXT
);
CREATE TABLE run_sites (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    site_id TEXT NOT NULL,
    pages INTEGER,
    postings_seen INTEGER,
    new INTEGER,
    changed INTEGER,
    removed INTEGER,
    restored INTEGER,
    unreachable INTEGER,
    blocked INTEGER,
    errors INTEGER,
    duration_s REAL,
    status TEXT,
    PRIMARY KEY (run_id, site_id)
);
CREATE INDEX idx_documents_site_id ON documents(site_id);
CREATE INDEX idx_documents_publish_date ON documents(publish_date);
CREATE INDEX idx_documents_status ON documents(status);
CREATE INDEX idx_documents_doc_type ON documents(doc_type);
CREATE INDEX idx_events_document_id ON events(document_id);
CREATE INDEX idx_events_kind_at ON events(kind, at);
CREATE INDEX idx_events_run_id ON events(run_id);
CREATE INDEX idx_versions_document_id ON versions(document_id);
CREATE INDEX idx_checks_document_id_at ON checks(document_id, at);
CREATE INDEX idx_checks_run_id ON checks(run_id);
CREATE INDEX idx_attachments_document_id ON attachments(document_id);
CREATE VIRTUAL TABLE documents_fts USING fts5(search_text, tokenize='unicode61');
"""


@CORE(name="0001_core")
def _m0001_core(db: Database) -> None:
    """Create the core tables, their indexes, the FTS table, and seed ``doc_types``."""
    for statement in _split_sql(_CORE_DDL):
        db.execute(statement)
    db.table("doc_types").insert_all(
        [{"code": c, "label_zh": zh, "label_en": en} for c, zh, en in DOC_TYPES], pk="code"
    )


@CORE(name="0002_attachment_validators")
def _m0002_attachment_validators(db: Database) -> None:
    """ETag / Last-Modified of attachments, so they can be re-verified with conditional requests."""
    db.execute("ALTER TABLE attachments ADD COLUMN etag TEXT")
    db.execute("ALTER TABLE attachments ADD COLUMN last_modified TEXT")


@CORE(name="0003_search_bigrams")
def _m0003_search_bigrams(db: Database) -> None:
    """``documents_fts`` becomes a contentless index of character pairs (``archive.search``).

    The old table (one token per Han character, a copy of every text) is dropped; the postings are
    indexed again by ``ensure_schema`` through ``archive.search.reindex`` — batch by batch, resumable.
    """
    db.execute("DROP TABLE IF EXISTS documents_fts")
    db.execute(search.CREATE_FTS)
    search.start_reindex(db.conn)


@CORE(name="0004_display_date")
def _m0004_display_date(db: Database) -> None:
    """The date the detail page itself displays (发布日期/日期 line of its info block), kept apart from
    the CMS date of its metadata: they can disagree, and that is evidence."""
    db.execute("ALTER TABLE documents ADD COLUMN display_date TEXT")


@CORE(name="0005_search_pending")
def _m0005_search_pending(db: Database) -> None:
    """The queue of postings whose search row must be rebuilt (``archive.search.mark_stale``)."""
    db.execute(search.CREATE_PENDING)


@CORE(name="0006_search_title")
def _m0006_search_title(db: Database) -> None:
    """Titles indexed a second time with marked tokens (``archive.search.TITLE_MARK``): relevance order puts
    title matches first.  The postings are indexed again by ``ensure_schema`` (batch by batch, resumable)."""
    search.start_reindex(db.conn)


@CORE(name="0007_search_brackets")
def _m0007_search_brackets(db: Database) -> None:
    """Bracket forms folded in the index (``archive.search.BRACKETS``: 〔〕 【】 [] read as ()), so a 文号 typed with
    any of them is found.  The postings are indexed again by ``ensure_schema`` (batch by batch, resumable)."""
    search.start_reindex(db.conn)


REDIRECT_HOPS_DDL = """
CREATE TABLE IF NOT EXISTS redirect_hops (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),
    row_table TEXT NOT NULL CHECK (row_table IN ('versions', 'checks', 'attachments')),
    row_id INTEGER NOT NULL,        -- the row whose final response this chain led to
    hop INTEGER NOT NULL,           -- 0: the URL first asked for
    url TEXT NOT NULL,              -- the URL asked
    http_status INTEGER,            -- 301 / 302 / 303 / 307 / 308
    location TEXT NOT NULL,         -- the URL it sent us to (the next hop's, or the final response's)
    raw_sha256 TEXT,                -- of the redirect answer's body as received
    warc_file TEXT,
    warc_offset INTEGER,
    UNIQUE (row_table, row_id, hop)
);
CREATE INDEX IF NOT EXISTS idx_redirect_hops_document_id ON redirect_hops(document_id);
"""


@CORE(name="0008_redirect_hops")
def _m0008_redirect_hops(db: Database) -> None:
    """The evidence of a redirect is a chain: each 3xx answer's WARC record, then the final response's
    (the row's own ``warc_file``/``warc_offset``).  ``archive.verify`` follows it."""
    for statement in _split_sql(REDIRECT_HOPS_DDL):
        db.execute(statement)


RECAPTURES_DDL = """
CREATE TABLE IF NOT EXISTS evidence_recaptures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    run_id INTEGER REFERENCES runs(id),
    at TEXT NOT NULL,               -- when the posting was fetched again
    row_table TEXT NOT NULL,        -- versions | checks | attachments | redirect_hops: the row whose record was lost
    row_id INTEGER NOT NULL,
    problem TEXT NOT NULL,          -- truncated | missing | unreadable | altered: what verify found
    detail TEXT,
    check_id INTEGER REFERENCES checks(id),   -- the fetch that re-captured it
    warc_file TEXT,                 -- the record that now stands for the lost one
    warc_offset INTEGER,
    raw_sha256 TEXT                 -- its payload's SHA-256
);
CREATE INDEX IF NOT EXISTS idx_evidence_recaptures_row ON evidence_recaptures(row_table, row_id);
CREATE INDEX IF NOT EXISTS idx_evidence_recaptures_document_id ON evidence_recaptures(document_id);
"""


@CORE(name="0009_evidence_recaptures")
def _m0009_evidence_recaptures(db: Database) -> None:
    """Evidence lost (a cut or damaged WARC file) and captured again by a later crawl; the lost row keeps
    its original reference, this table says what replaced it (``archive.recapture``)."""
    for statement in _split_sql(RECAPTURES_DDL):
        db.execute(statement)


CHAIN_DDL = """
CREATE TABLE IF NOT EXISTS chain_manifests (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id),
    file TEXT NOT NULL,             -- in chain/ beside the archive: N.json (+ N.sig, N.tsr)
    sha256 TEXT NOT NULL,           -- of the manifest file's bytes
    previous_run_id INTEGER,        -- the manifest it links to (NULL for the first)
    previous_sha256 TEXT,
    signed INTEGER NOT NULL DEFAULT 0,
    timestamped INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
"""


@CORE(name="0010_chain_manifests")
def _m0010_chain_manifests(db: Database) -> None:
    """The daily chain: one signed manifest per run, linked by hash (``archive.chain``)."""
    for statement in _split_sql(CHAIN_DDL):
        db.execute(statement)


@CORE(name="0011_search_script")
def _m0011_search_script(db: Database) -> None:
    """Traditional script folded to simplified in the index (``archive.search_text.fold``), so 生態環境 finds
    生态环境 and the reverse.  The postings are indexed again by ``ensure_schema`` (batch by batch, resumable)."""
    search.start_reindex(db.conn)


@CORE(name="0012_search_pinyin")
def _m0012_search_pinyin(db: Database) -> None:
    """A mirror's inline pinyin (``生態(tài)環(huán)境``) taken out of the index (``archive.search_text.normalise``), so
    生态环境 finds it.  The postings are indexed again by ``ensure_schema`` (batch by batch, resumable)."""
    search.start_reindex(db.conn)


@CORE(name="0013_search_toneless_pinyin")
def _m0013_search_toneless_pinyin(db: Database) -> None:
    """A mirror's toneless inline pinyin (``來(lai)源``, ``省(sheng)``) taken out of the index too, as the tone-marked
    kind since 0012.  The postings are indexed again by ``ensure_schema`` (batch by batch, resumable)."""
    search.start_reindex(db.conn)


def _split_sql(script: str) -> list[str]:
    """Split a DDL script into statements (no semicolons inside our literals or comments)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def migration_sets() -> list[Migrations]:
    """All migration sets in the order ``ensure_schema`` applies them."""
    from archive.attachment_text import MIGRATIONS as TEXT
    from archive.learned import MIGRATIONS as LEARNED
    from archive.ledger.schema import MIGRATIONS as LEDGER
    from archive.nodes import MIGRATIONS as NODES
    from archive.ocr import MIGRATIONS as OCR
    from archive.ops.schema import MIGRATIONS as OPS
    from archive.retype import MIGRATIONS as RETYPE
    from archive.timeliness.schema import MIGRATIONS as TIMELINESS

    return [CORE, TIMELINESS, OPS, OCR, TEXT, LEARNED, RETYPE, NODES, LEDGER]  # the ledger reads the others: last


def ensure_schema(db: Database) -> None:
    """Create or upgrade the archive schema in ``db`` (idempotent), switch to WAL and enable foreign keys.

    For writers only (``Archive``, ``archive.ops.db.opened``): readers open with ``archive.opening.connect_read``,
    which changes nothing and refuses an archive that still needs this.

    Finishes a pending search re-index (``archive.search.reindex``, after migration 0003) batch by batch,
    and indexes postings a writer queued but did not index (``archive.search.flush_pending``).
    """
    if not db.memory:
        if db.conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            # a new file: 16 KiB pages hold several 2–3 KB version rows each (4 KiB pages hold one, half empty)
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    for migrations in migration_sets():
        pending = [m.name for m in migrations.pending(db)]
        if pending:
            log.info("applying %s migrations: %s", migrations.name, ", ".join(pending))
        migrations.apply(db)
    search.reindex(db.conn)
    with db.conn:  # flush_pending reads and empties the queue in one BEGIN IMMEDIATE transaction
        flushed = search.flush_pending(db.conn)  # left by a writer that stopped before flushing
    if flushed:
        log.info("search index: %d queued postings indexed", flushed)

