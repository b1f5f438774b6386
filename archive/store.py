"""The archive: turns captures and check outcomes into rows (documents, versions, events, checks).

```
PageCapture ──ingest──► attachments (one row per distinct url+sha256)
                        content_hash(title, detail dates, body, attachment digests)
                          ├─ differs ─► versions row, event new/changed/restored, documents_fts
                          └─ same ────► nothing but the documents' current state
                        checks row (same / new_version)         — all in one transaction
CheckOutcome ─record_outcome─► checks row, status transition, event removed/unreachable/restored once
```

Status machine (``documents.status``, ``removed_at`` remembers a removal while unreachable):

* live ─removed─► removed (event ``removed``, once)
* live|removed ─unreachable/blocked─► unreachable (event ``unreachable``, once per transition;
  a block is never a removal)
* unreachable ─removed─► removed (event ``removed`` unless it was already removed before)
* removed, or unreachable after a removal ─content or 304─► live (event ``restored``; its detail
  carries ``changed`` when the content differs, and a new version is written)
* unreachable (never removed) ─content─► live: no event if the content hash is unchanged,
  ``changed`` otherwise.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

from sqlite_utils import Database

from archive import ingest as _ingest
from archive import search
from archive.errors import ArchiveBusyError, ArchiveError, ArchiveFullError, UnknownRunError, is_disk_full
from archive.models import (
    AttachmentCapture,
    CheckOutcome,
    IngestResult,
    KnownDocument,
    OutcomeResult,
    PageCapture,
)
from archive.opening import BUSY_TIMEOUT_S, check_writable, translate
from archive.recheck import RECHECK_DAYS, due
from archive.schema import ensure_schema

log = logging.getLogger(__name__)

#: The write-ahead log is checkpointed when it holds this many bytes and cut back to this size afterwards.
#: SQLite's default (1,000 pages) is 16 MB with the archive's 16 KiB pages: 8 times a one-site archive.
WAL_LIMIT_BYTES = 2 * 1024 * 1024
#: The longest a queued posting waits for its search row while ingests go on (``Archive(search_batch=...)``).
SEARCH_FLUSH_SECONDS = 10.0
#: Write transactions tried this often when another writer keeps the lock beyond the busy timeout.
WRITE_ATTEMPTS = 4
T = TypeVar("T")
_SITE_COLUMNS = ("name", "region", "level", "profile", "host", "start_urls")
_RUN_SITE_COUNTS = (
    "pages", "postings_seen", "new", "changed", "removed", "restored", "unreachable", "blocked",
    "errors", "duration_s", "status",
)


class _TransactionLost(Exception):
    """SQLite rolled a batch's transaction back while writing one of its items (``__cause__``: why)."""


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _now_iso(now: str | datetime | None) -> str:
    if now is None:
        return datetime.now().astimezone().isoformat(timespec="seconds")
    return now.isoformat(timespec="seconds") if isinstance(now, datetime) else now


class Archive:
    """The archive database (and optionally its WARC folder); opening it ensures the schema.

    Each ``ingest`` / ``record_outcome`` call is one ``BEGIN IMMEDIATE`` transaction, so a crash leaves every
    posting either fully recorded or untouched; one that finds the archive locked waits (busy timeout) and is
    tried again, then raises ``ArchiveBusyError`` — never dropped silently.
    """

    def __init__(self, path: str | Path, *, warc_dir: str | Path | None = None, search_batch: int = 1,
                 max_pages: int = 0) -> None:
        """Open (creating or upgrading) the archive at ``path``.

        ``search_batch``: index new and changed postings for search every this many ingests (and at least
        every ``SEARCH_FLUSH_SECONDS``, and on ``close``) instead of at once.  A crawl passes
        ``DUCHA_SEARCH_BATCH``; the postings are recorded at once either way, only their search row waits.
        ``max_pages``: SQLite's ``max_page_count`` for this connection (0: no limit): a size-capped archive,
        which fails its writes as a full disk does (``DUCHA_MAX_DB_PAGES``).
        """
        self.path = Path(path)
        self.search_batch = max(1, int(search_batch))
        self._unflushed = 0
        self._flushed_at = time.monotonic()
        self.warc_dir = Path(warc_dir) if warc_dir is not None else None
        check_writable(self.path)  # a damaged file is refused before SQLite writes into it
        self.db = Database(self.path)
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        try:
            ensure_schema(self.db)
        except sqlite3.Error as exc:
            self.db.close()
            raise (translate(exc, self.path) or exc) from exc
        self.db.execute("PRAGMA foreign_keys = ON")
        # WAL + NORMAL: a commit survives an application crash; a power cut may lose the last
        # transactions but never corrupts or half-writes a posting
        self.db.execute("PRAGMA synchronous = NORMAL")
        page_size = self.db.conn.execute("PRAGMA page_size").fetchone()[0]
        self.db.execute(f"PRAGMA wal_autocheckpoint = {max(16, WAL_LIMIT_BYTES // page_size)}")
        self.db.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
        if max_pages > 0:
            self.db.execute(f"PRAGMA max_page_count = {int(max_pages)}")
        self.conn: sqlite3.Connection = self.db.conn
        self._doc_types = {r[0] for r in self.conn.execute("SELECT code FROM doc_types")}
        self._sites: set[str] = set()
        self._reload_sites()

    # --- lifecycle --------------------------------------------------------------------------
    def close(self) -> None:
        """Index what is queued for search, then close the database connection."""
        try:
            self.flush_search()
        finally:
            self.db.close()

    def flush_search(self) -> int:
        """Index the postings queued for search (one transaction); returns how many."""
        done = self._write(lambda: search.flush_pending(self.conn))
        self._unflushed, self._flushed_at = 0, time.monotonic()
        if done > 1:
            log.debug("search index: %d postings indexed", done)
        return done

    def _write(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one ``BEGIN IMMEDIATE`` transaction (the write lock first: a deferred one that read
        before writing fails at once, without waiting, when another writer committed meanwhile); tried again
        while the archive stays locked, then ``ArchiveBusyError``.  Inside a caller's transaction: run as is."""
        if self.conn.in_transaction:
            return work()
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work()
                except BaseException:
                    self.conn.rollback()
                    self._reload_sites()  # undo rolled-back adds
                    raise
                self.conn.commit()
                return result
            except sqlite3.OperationalError as exc:
                error = translate(exc, self.path)
                if not isinstance(error, ArchiveBusyError):
                    raise
                self._reload_sites()  # undo rolled-back adds
                if attempt == WRITE_ATTEMPTS:
                    raise error from exc
                log.warning("%s is locked by another writer (%s): attempt %d of %d", self.path, exc, attempt,
                            WRITE_ATTEMPTS)
                time.sleep(min(2.0, 0.1 * 2 ** attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sites and runs -----------------------------------------------------------------------
    def upsert_sites(self, rows: list[dict], *, now: str | datetime | None = None) -> None:
        """Insert or update watched sites; keys beyond the table's columns are kept in ``hints`` (JSON)."""
        at = _now_iso(now)
        with self.db.atomic():
            for row in rows:
                start_urls = list(row.get("start_urls") or [])
                host = row.get("host") or (urlsplit(start_urls[0]).hostname if start_urls else None)
                hints = {k: v for k, v in row.items() if k != "id" and k not in _SITE_COLUMNS}
                self.conn.execute(
                    """INSERT INTO sites (id, name, region, level, profile, host, start_urls, hints, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET name=excluded.name, region=excluded.region,
                         level=excluded.level, profile=excluded.profile, host=excluded.host,
                         start_urls=excluded.start_urls, hints=excluded.hints, updated_at=excluded.updated_at""",
                    (row["id"], row.get("name"), row.get("region"), row.get("level"), row.get("profile"),
                     host, _json(start_urls), _json(hints or None), at),
                )
                self._sites.add(row["id"])

    def begin_run(
        self, *, command: str = "crawl", now: str | datetime | None = None, code_version: str | None = None,
        calendar_version: str | None = None, pid: int | None = None,
    ) -> int:
        """Record the start of a crawl run (status ``running``) and return its id."""
        with self.db.atomic():
            cur = self.conn.execute(
                """INSERT INTO runs (started_at, status, pid, command, code_version, calendar_version)
                   VALUES (?, 'running', ?, ?, ?, ?)""",
                (_now_iso(now), os.getpid() if pid is None else pid, command, code_version, calendar_version),
            )
        return int(cur.lastrowid or 0)

    def finish_run(
        self, run_id: int, *, status: str = "ok", now: str | datetime | None = None,
        summary: dict | None = None, warc_files: list[str] | None = None,
    ) -> None:
        """Close a run: status, end time, summary JSON; a per-site summary also fills ``run_sites``.

        On a full disk the summary cannot be written: the status and end time alone are tried (they fit in
        the row's page), then ``ArchiveFullError`` is raised so the caller can say what was lost.
        """
        try:
            self._finish_run(run_id, status=status, now=now, summary=summary, warc_files=warc_files)
        except sqlite3.Error as exc:
            if not is_disk_full(exc):
                raise
            log.error("disk full: run %d's summary could not be written; recording its status alone", run_id)
            try:
                with self.db.atomic():
                    self.conn.execute("UPDATE runs SET finished_at = ?, status = ? WHERE id = ?",
                                      (_now_iso(now), status, run_id))
            except sqlite3.Error as again:
                raise ArchiveFullError(f"disk full: run {run_id} could not be closed ({again}); "
                                       "the next run marks it crashed") from again
            raise ArchiveFullError(f"disk full: run {run_id} recorded '{status}' without its summary") from exc

    def _finish_run(self, run_id: int, *, status: str, now: str | datetime | None, summary: dict | None,
                    warc_files: list[str] | None) -> None:
        with self.db.atomic():
            cur = self.conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, summary = ?, warc_files = coalesce(?, warc_files)"
                " WHERE id = ?",
                (_now_iso(now), status, _json(summary), _json(warc_files), run_id),
            )
            if cur.rowcount == 0:
                raise UnknownRunError(f"no run with id {run_id}")
            for site_id, counts in (summary or {}).items():
                if not isinstance(counts, dict):
                    continue
                values = {k: counts.get(k) for k in _RUN_SITE_COUNTS}
                cols = ", ".join(values)
                self.conn.execute(
                    f"INSERT OR REPLACE INTO run_sites (run_id, site_id, {cols})"
                    f" VALUES (?, ?, {', '.join('?' * len(values))})",
                    (run_id, site_id, *values.values()),
                )

    # --- postings -------------------------------------------------------------------------------
    def ingest(self, capture: PageCapture, *, run_id: int | None = None) -> IngestResult:
        """Record a detail page that answered with content; see the module docstring for what it writes."""
        result = self._write(lambda: self._ingest(capture, run_id))
        self._queued_for_search(1)
        return result

    def record_outcome(self, outcome: CheckOutcome, *, run_id: int | None = None) -> OutcomeResult:
        """Record a check without content (304, removal, unreachable, blocked): a check row and at most one event."""
        return self._write(lambda: _ingest.record_outcome(self.conn, outcome, run_id=run_id))

    def record_all(self, items: Sequence[PageCapture | CheckOutcome], *,
                   run_id: int | None = None) -> list[IngestResult | OutcomeResult | Exception]:
        """Record captures and check outcomes in order, in one transaction: one commit for many postings (a crawl
        writes in batches; a commit per posting rewrote the same pages of the write-ahead log again and again).

        Each item is written in its own savepoint: one that fails is rolled back alone and its exception is
        returned in its place.  After a full disk the items left are not tried (the same exception stands for
        them); when SQLite rolls the whole transaction back (it may on a full disk) the items are written again
        one transaction each, so what fits is kept.  Nothing is recorded unless its transaction commits; a
        failure of the transaction itself (the archive locked past the retries) raises.
        """
        try:
            results = self._write(lambda: self._record_each(items, run_id, lost_raises=True))
        except _TransactionLost as lost:
            log.warning("a batch of %d was rolled back (%s): writing them one by one", len(items), lost.__cause__)
            results = self._record_each(items, run_id, lost_raises=False)
        self._queued_for_search(sum(isinstance(r, IngestResult) for r in results))
        return results

    def _record_each(self, items: Sequence[PageCapture | CheckOutcome], run_id: int | None, *,
                     lost_raises: bool) -> list[IngestResult | OutcomeResult | Exception]:
        """Each item in a savepoint of the open transaction, or (not ``lost_raises``) in a transaction of its own."""
        results: list[IngestResult | OutcomeResult | Exception] = []
        full: Exception | None = None
        for item in items:
            if full is not None:
                results.append(full)
                continue
            try:
                if lost_raises:
                    results.append(self._in_savepoint(item, run_id))
                else:
                    results.append(self._write(lambda item=item: self._record(item, run_id)))  # type: ignore[misc]
            except (ArchiveError, sqlite3.Error, OSError) as exc:
                results.append(exc)
                full = exc if is_disk_full(exc) else None
        return results

    def _in_savepoint(self, item: PageCapture | CheckOutcome, run_id: int | None) -> IngestResult | OutcomeResult:
        self.conn.execute("SAVEPOINT ducha_item")
        try:
            result = self._record(item, run_id)
        except (ArchiveError, sqlite3.Error, OSError) as exc:
            if not self.conn.in_transaction:  # SQLite rolled the whole transaction back
                raise _TransactionLost() from exc
            self.conn.execute("ROLLBACK TO ducha_item")
            self.conn.execute("RELEASE ducha_item")
            self._reload_sites()
            raise
        self.conn.execute("RELEASE ducha_item")
        return result

    def _record(self, item: PageCapture | CheckOutcome, run_id: int | None) -> IngestResult | OutcomeResult:
        if isinstance(item, PageCapture):
            return self._ingest(item, run_id)
        return _ingest.record_outcome(self.conn, item, run_id=run_id)

    def _ingest(self, capture: PageCapture, run_id: int | None) -> IngestResult:
        self._ensure_site(capture.site_id)
        return _ingest.ingest(self.conn, capture, run_id=run_id, doc_type=self._doc_type(capture.doc_type),
                              defer_search=self.search_batch > 1)

    def _queued_for_search(self, postings: int) -> None:
        """Index the postings queued for search when ``search_batch`` of them wait, or the oldest waited too long."""
        if self.search_batch <= 1 or not postings:
            return
        self._unflushed += postings
        if self._unflushed >= self.search_batch or time.monotonic() - self._flushed_at > SEARCH_FLUSH_SECONDS:
            try:
                self.flush_search()
            except ArchiveBusyError as exc:  # the postings are recorded and queued: a later flush indexes them
                log.warning("search index not updated now: %s", exc)

    def known_documents(self, site_id: str) -> dict[str, KnownDocument]:
        """Every archived posting of ``site_id`` keyed by URL."""
        cur = self.conn.execute(
            """SELECT id, site_id, url, status, etag, last_modified, publish_date, first_seen_at,
                      last_checked_at, objection_end, removed_at, title, list_date, list_title,
                      (SELECT min(e.run_id) FROM events e WHERE e.document_id = documents.id AND e.kind = 'new')
               FROM documents WHERE site_id = ? ORDER BY id""",
            (site_id,),
        )
        return {row[2]: KnownDocument(*row) for row in cur.fetchall()}

    def current_attachments(self, document_id: int) -> list[AttachmentCapture]:
        """The attachments of a posting's current version, with their validators (for re-checks)."""
        cur = self.conn.execute(
            """SELECT a.url, a.name, a.sha256, a.size, a.content_type, a.etag, a.last_modified
               FROM attachments a JOIN version_attachments va ON va.attachment_id = a.id
               JOIN documents d ON d.current_version_id = va.version_id
               WHERE d.id = ? ORDER BY a.id""",
            (document_id,),
        )
        return [AttachmentCapture(url=r[0], name=r[1], sha256=r[2], size=r[3], content_type=r[4], etag=r[5],
                                  last_modified=r[6]) for r in cur.fetchall()]

    def due_for_recheck(
        self, site_id: str, *, now: str | datetime, full: bool = False, recheck_days: int = RECHECK_DAYS
    ) -> list[KnownDocument]:
        """Known postings of ``site_id`` to fetch again in a run at ``now`` (policy in ``archive.recheck``)."""
        return due(self.known_documents(site_id).values(), now=now, full=full, recheck_days=recheck_days)

    def export_evidence(self, document_id: int, out_dir: str | Path) -> dict:
        """Shortcut for ``archive.evidence.export_evidence`` with this archive's paths."""
        from archive.evidence import export_evidence

        return export_evidence(self.path, document_id, out_dir, warc_dir=self.warc_dir)

    # --- helpers --------------------------------------------------------------------------------
    def _reload_sites(self) -> None:
        """The registered sites as the database has them (after a rollback undid some added here)."""
        try:
            self._sites = {r[0] for r in self.conn.execute("SELECT id FROM sites")}
        except sqlite3.Error:  # unreadable now: forget them all (``_ensure_site`` adds a missing row again)
            self._sites = set()

    def _ensure_site(self, site_id: str) -> None:
        if site_id not in self._sites:
            log.warning("site %s is not registered: adding a bare sites row", site_id)
            self.conn.execute("INSERT OR IGNORE INTO sites (id) VALUES (?)", (site_id,))
            self._sites.add(site_id)

    def _doc_type(self, code: str | None) -> str:
        if code in self._doc_types:
            return str(code)
        if code:
            log.warning("unknown doc_type %r stored as 'other'", code)
        return "other"
