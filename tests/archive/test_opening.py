"""Opening the archive: readers change nothing, the search queue loses nothing, writers wait for a lock."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from sqlite_utils import Database

from archive import search
from archive.errors import ArchiveBusyError, ArchiveCorruptError, ArchiveOutdatedError
from archive.opening import connect_read
from archive.ops.db import opened
from archive.ops.status import format_runs, format_status, status_exit_code
from archive.schema import CORE
from archive.store import Archive
from archive.timeliness.report import render_report

OTHER = "https://www.mee.gov.cn/dczg/202611/t20261120_2.shtml"


def indexed(conn: sqlite3.Connection, document_id: int, title: str) -> bool:
    """Whether the search index finds ``document_id`` by the first two characters of ``title``."""
    return conn.execute("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?",
                        (search.fts_query(title[:2]), document_id)).fetchone() is not None


def test_a_posting_queued_while_the_queue_is_flushed_is_never_lost(tmp_path, make_capture):
    """The queue is read and emptied in one write transaction: a posting another connection queues between
    the read and the delete is indexed, or stays queued — never dropped (issue: 1 of 984 postings lost)."""
    db = tmp_path / "archive.db"
    with Archive(db, search_batch=1000) as writer:
        first = writer.ingest(make_capture()).document_id
        other = sqlite3.connect(db, timeout=0)
        flusher = sqlite3.connect(db, timeout=0)
        late: dict[str, object] = {}

        def queue_another(statement: str) -> None:  # runs between the flusher's read of the queue and its delete
            if "documents_fts" in statement and "done" not in late:
                late["done"] = True
                try:
                    with other:
                        search.mark_stale(other, first + 1000, None)
                    late["queued"] = True
                except sqlite3.OperationalError as exc:  # the flusher holds the write lock: queue afterwards
                    late["blocked"] = str(exc)

        flusher.set_trace_callback(queue_another)
        with flusher:
            assert search.flush_pending(flusher) == 1
        flusher.set_trace_callback(None)
        if "blocked" in late:
            with other:
                search.mark_stale(other, first + 1000, None)
        queued = [r[0] for r in other.execute(f"SELECT document_id FROM {search.PENDING}")]
        other.close()
        flusher.close()
        assert indexed(writer.conn, first, make_capture().title)
        assert queued == [first + 1000]


def test_readers_change_nothing_and_leave_the_queue_to_the_writer(tmp_path, make_capture):
    """``status``, ``runs``, the timeliness report and read-only opens neither flush the search queue nor
    migrate: the archive's bytes and mtime stay as they were while a crawl still holds postings queued."""
    db = tmp_path / "archive.db"
    writer = Archive(db, search_batch=1000)
    writer.ingest(make_capture())
    writer.ingest(make_capture(url=OTHER, title="另一条公示"))
    writer.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    wal = db.with_name(db.name + "-wal")
    wal_before = wal.read_bytes()
    try:
        format_status(db, config=None)
        format_runs(db)
        status_exit_code(db)
        render_report(db)
        with opened(db, write=False) as handle:
            assert handle.execute(f"SELECT count(*) FROM {search.PENDING}").fetchone()[0] == 2
        reader = connect_read(db)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("DELETE FROM _search_pending")
        reader.close()
        assert (db.read_bytes(), db.stat().st_mtime_ns) == before
        assert wal.read_bytes() == wal_before
        assert writer.conn.execute(f"SELECT count(*) FROM {search.PENDING}").fetchone()[0] == 2
    finally:
        writer.close()
    conn = sqlite3.connect(db)
    assert conn.execute(f"SELECT count(*) FROM {search.PENDING}").fetchone()[0] == 0  # the writer flushed them
    conn.close()


def test_an_outdated_archive_is_refused_by_readers_until_a_writer_migrates_it(tmp_path):
    """Readers never migrate: an archive a migration behind says so and names ``ducha migrate``."""
    db = tmp_path / "archive.db"
    Archive(db).close()
    handle = Database(db)
    last = [m.name for m in CORE._migrations][-1]
    handle.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", [CORE.name, last])
    handle.close()
    with pytest.raises(ArchiveOutdatedError, match=f"ducha-core/{last}.*ducha migrate"):
        format_runs(db)
    with opened(db) as writer:  # what `ducha migrate` does
        writer.execute("SELECT 1")
    assert "(no runs yet)" in format_runs(db)


def test_a_sqlite_file_that_is_no_archive_is_named(tmp_path):
    db = tmp_path / "other.db"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ArchiveCorruptError, match="not a Ducha archive"):
        format_runs(db)


def test_a_write_waits_for_another_writer_then_goes_through(tmp_path, make_capture, monkeypatch):
    """A write that meets the lock is retried, not dropped; one locked beyond the retries raises ArchiveBusyError."""
    import archive.store

    db = tmp_path / "archive.db"
    monkeypatch.setattr(archive.store, "WRITE_ATTEMPTS", 2)
    writer = Archive(db)
    writer.conn.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(ArchiveBusyError, match="locked"):
        writer.ingest(make_capture())
    holder.execute("COMMIT")
    result = writer.ingest(replace(make_capture()))
    assert result.kind == "new"
    assert writer.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    holder.close()
    writer.close()


def test_a_header_check_beside_an_open_writer_never_lets_another_process_delete_its_wal(tmp_path, make_capture):
    """Closing any descriptor of a file drops this process's POSIX locks on it (SQLite's too): a second
    ``Archive`` opened beside the first (the crawl's pipeline beside its runner) used to read the header with a
    plain ``open()``; another process's connection then found the file unlocked, checkpointed and deleted the
    WAL, and the run's last commit was lost (seen as a run left ``running`` and "disk I/O error")."""
    import subprocess
    import sys

    db = tmp_path / "archive.db"
    with Archive(db) as runner:
        run_id = runner.begin_run(now="2026-12-01T10:00:00+08:00")
        with Archive(db) as pipeline:  # the header check of a second opening in the same process
            pipeline.ingest(make_capture())
            other = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                     "c.execute('SELECT count(*) FROM runs').fetchone(); c.close()")
            subprocess.run([sys.executable, "-c", other, str(db)], check=True)
            runner.finish_run(run_id, status="interrupted", now="2026-12-01T10:05:00+08:00")
            assert db.with_name("archive.db-wal").exists(), "the WAL of open connections was deleted"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone() == ("interrupted",)
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_a_look_that_straddles_a_closing_writers_checkpoint_is_no_truncation(tmp_path, make_capture, monkeypatch):
    """A reader opening the archive just as the crawl's last connection closes: the closing checkpoint writes the
    header (page count ahead of the file's size), extends the file, then deletes the WAL.  A look that straddles
    it sees a short file and no WAL; the archive must open, not be called truncated.  A file really cut short,
    which looks the same twice, still is."""
    from archive import opening

    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.upsert_sites([{"id": "mee", "name": "生态环境部"}])
        archive.ingest(make_capture(url="https://x/1.html", title="公示", body_text="正文", attachments=[]))
    real_look = opening._look
    size, header, live = real_look(path)
    assert not live and size % 4096 == 0
    straddled = (size - 4096 * 2, header, False)  # header already written, the pages extending the file not yet
    looks = iter([straddled])
    monkeypatch.setattr(opening, "_look", lambda p: next(looks, None) or real_look(p))
    assert opening.check_file(path) is True
    conn = connect_read(path)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()
    monkeypatch.undo()
    with open(path, "r+b") as fh:  # now really cut short: two looks agree
        fh.truncate(size - 4096 * 2)
    with pytest.raises(ArchiveCorruptError, match="is truncated"):
        opening.check_file(path)
