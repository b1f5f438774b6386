"""Archive.ingest / record_outcome: versions, events, checks and their transitions."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from archive import search
from archive.models import AttachmentCapture, PageCapture
from archive.store import Archive
from archive.timeliness.compute import compute_measures

URL = "https://www.mee.gov.cn/dczg/202611/t20261120_1.shtml"


def count(archive: Archive, table: str, where: str = "1", params: tuple = ()) -> int:
    """Rows of ``table`` matching ``where``."""
    return archive.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]


def events(archive: Archive) -> list[tuple[str, dict | None]]:
    """(kind, detail) of every event in order."""
    rows = archive.conn.execute("SELECT kind, detail FROM events ORDER BY id").fetchall()
    return [(k, json.loads(d) if d else None) for k, d in rows]


def snapshot(archive: Archive) -> dict[str, int]:
    """Row counts of the content tables (checks left out: every call adds one)."""
    return {t: count(archive, t) for t in ("documents", "versions", "attachments", "version_attachments",
                                           "events", "documents_fts")}


def test_first_ingest_writes_document_version_event_check(archive, make_capture):
    res = archive.ingest(make_capture(), run_id=None)
    assert (res.kind, res.event, res.version_id) == ("new", "new", 1)
    doc = archive.db["documents"].get(res.document_id)
    assert doc["status"] == "live" and doc["version_count"] == 1 and doc["current_version_id"] == 1
    assert (doc["cms_date"], doc["list_date"], doc["stated_date"], doc["url_date"]) == ("2026-11-20",) * 4
    assert doc["publish_date_source"] == "cms" and doc["attachment_count"] == 1
    assert events(archive) == [("new", None)]
    assert [r[0] for r in archive.conn.execute("SELECT outcome FROM checks")] == ["new_version"]
    assert count(archive, "version_attachments") == 1


def test_ingesting_the_same_capture_twice_changes_nothing(archive, make_capture):
    run = archive.begin_run(now="2026-11-23T09:00:00+08:00")
    archive.ingest(make_capture(), run_id=run)
    before = snapshot(archive)
    res = archive.ingest(make_capture(), run_id=run)
    assert (res.kind, res.event, res.changed) == ("unchanged", None, [])
    assert snapshot(archive) == before
    assert [r[0] for r in archive.conn.execute("SELECT outcome FROM checks ORDER BY id")] == ["new_version", "same"]


@pytest.mark.parametrize("edit", [
    {"body_text": "根据督察整改工作安排，  现将验收销号情况予以公示。\r\n\r\n\u3000公示期为10个工作日。\u200b"},
    {"body_text": "根据督察整改工作安排，现将验收销号情况予以公示。 公示期为１０个工作日。"},
    {"title": " 关于某某问题整改验收销号情况的公示\n"},
    {"dates": {"cms": "2026-11-20", "stated": "2026-11-20", "url": "2026-11-20"}},  # list date absent on re-check
    {"list_title": "关于某某问题整改..."},
])
def test_whitespace_width_and_list_only_edits_make_no_version(archive, make_capture, edit):
    archive.ingest(make_capture())
    res = archive.ingest(make_capture(**edit))
    assert res.kind == "unchanged"
    assert count(archive, "versions") == 1 and count(archive, "events") == 1


@pytest.mark.parametrize(("edit", "changed"), [
    ({"body_text": "根据督察整改工作安排，现将验收销号情况予以公示。\n公示期为5个工作日。"}, ["body"]),
    ({"title": "关于某某问题整改验收销号情况的公示（更正）"}, ["title"]),
    ({"dates": {"cms": "2026-11-18", "stated": "2026-11-20", "url": "2026-11-20"}}, ["dates"]),
    ({"title": "新标题", "dates": {"stated": "2026-11-19"}}, ["title", "dates"]),
])
def test_one_edit_makes_exactly_one_version_and_changed_event(archive, make_capture, edit, changed):
    archive.ingest(make_capture())
    res = archive.ingest(make_capture(**edit))
    assert (res.kind, res.changed) == ("changed", changed)
    assert count(archive, "versions") == 2
    assert events(archive) == [("new", None), ("changed", {"changed": changed})]
    version = archive.db["versions"].get(res.version_id)
    assert json.loads(version["changed_fields"]) == changed
    again = archive.ingest(make_capture(**edit))
    assert again.kind == "unchanged" and count(archive, "versions") == 2


def test_replaced_attachment_is_a_new_row_and_a_change(archive, make_capture):
    first = make_capture()
    archive.ingest(first)
    replaced = replace(first, attachments=[replace(first.attachments[0], sha256="b" * 64, text="新附件 内容")])
    res = archive.ingest(replaced)
    assert res.changed == ["attachments"]
    assert count(archive, "attachments") == 2
    assert count(archive, "version_attachments", "version_id = ?", (res.version_id,)) == 1
    assert [r["id"] for r in search.search(archive.db, "新附件")] == [res.document_id]
    assert search.search(archive.db, "验收销号表") == []  # the old attachment text left the index


def test_failed_attachment_download_reuses_last_good_file(archive, make_capture):
    first = make_capture()
    archive.ingest(first)
    failed = replace(first, attachments=[AttachmentCapture(url=first.attachments[0].url, name="附件1.pdf",
                                                           error="timeout")])
    assert archive.ingest(failed).kind == "unchanged"
    assert count(archive, "attachments") == 1


def test_removed_then_restored_with_changed_content(archive, make_capture, make_outcome):
    archive.ingest(make_capture())
    out = archive.record_outcome(make_outcome("removed", http_status=404, reason="404",
                                              fetched_at="2026-11-24T09:00:00+08:00"))
    assert (out.event, out.status) == ("removed", "removed")
    assert archive.record_outcome(make_outcome("removed", http_status=404)).event is None
    doc = archive.db["documents"].get(1)
    assert doc["status"] == "removed" and doc["removed_at"] == "2026-11-24T09:00:00+08:00"
    res = archive.ingest(make_capture(body_text="恢复后的正文"))
    assert (res.kind, res.changed) == ("restored", ["body"])
    assert [k for k, _ in events(archive)] == ["new", "removed", "restored"]
    assert events(archive)[-1][1] == {"changed": ["body"], "previous_status": "removed"}
    doc = archive.db["documents"].get(1)
    assert doc["status"] == "live" and doc["removed_at"] is None and doc["version_count"] == 2


def test_blocked_is_never_removed_and_unreachable_once(archive, make_capture, make_outcome):
    archive.ingest(make_capture())
    for _ in range(3):
        archive.record_outcome(make_outcome("blocked", http_status=412, reason="412 challenge"))
    archive.record_outcome(make_outcome("unreachable", reason="timeout"))
    assert [k for k, _ in events(archive)] == ["new", "unreachable"]
    assert events(archive)[1][1]["outcome"] == "blocked"
    assert archive.db["documents"].get(1)["status"] == "unreachable"
    assert count(archive, "checks") == 5
    # content comes back unchanged: status returns to live, no event
    res = archive.ingest(make_capture())
    assert (res.kind, res.event) == ("unchanged", None)
    assert archive.db["documents"].get(1)["status"] == "live"
    assert [k for k, _ in events(archive)] == ["new", "unreachable"]


def test_unreachable_after_removal_then_content_is_a_restoration(archive, make_capture, make_outcome):
    archive.ingest(make_capture())
    archive.record_outcome(make_outcome("removed", http_status=404))
    archive.record_outcome(make_outcome("blocked", http_status=403))
    assert archive.db["documents"].get(1)["status"] == "unreachable"
    archive.record_outcome(make_outcome("removed", http_status=404))  # same removal: no second event
    archive.record_outcome(make_outcome("unreachable"))
    res = archive.ingest(make_capture())
    assert (res.kind, res.changed) == ("restored", [])
    assert [k for k, _ in events(archive)] == ["new", "removed", "unreachable", "unreachable", "restored"]


def test_not_modified_updates_seen_times_only(archive, make_capture, make_outcome):
    archive.ingest(make_capture())
    before = snapshot(archive)
    out = archive.record_outcome(make_outcome("not_modified", http_status=304,
                                              fetched_at="2026-11-30T09:00:00+08:00"))
    assert out.event is None and snapshot(archive) == before
    doc = archive.db["documents"].get(1)
    assert doc["last_seen_at"] == doc["last_checked_at"] == "2026-11-30T09:00:00+08:00"


def test_outcome_for_unknown_url_is_a_check_without_document(archive, make_outcome):
    out = archive.record_outcome(make_outcome("blocked", url="https://x.gov.cn/a.html", http_status=412))
    assert out.document_id is None and count(archive, "documents") == 0
    assert count(archive, "checks", "url = ? AND document_id IS NULL", ("https://x.gov.cn/a.html",)) == 1


def test_crash_in_the_middle_of_ingest_leaves_no_partial_rows(archive, make_capture, monkeypatch):
    archive.ingest(make_capture(url="https://www.mee.gov.cn/dczg/a.shtml"))
    before = snapshot(archive), count(archive, "checks")

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search, "flush_pending", boom)
    with pytest.raises(RuntimeError):
        archive.ingest(make_capture())
    with pytest.raises(RuntimeError):
        archive.ingest(make_capture(url="https://www.mee.gov.cn/dczg/a.shtml", body_text="改了"))
    assert (snapshot(archive), count(archive, "checks")) == before
    monkeypatch.undo()
    assert archive.ingest(make_capture()).kind == "new"


def test_unknown_site_and_doc_type_are_tolerated(archive, make_capture):
    res = archive.ingest(make_capture(site_id="zz-new", doc_type="no-such-type"))
    assert archive.db["documents"].get(res.document_id)["doc_type"] == "other"
    assert archive.db["sites"].get("zz-new")["id"] == "zz-new"


def test_objection_end_comes_from_the_one_timeliness_computation_and_no_dates_are_invented(archive, make_capture):
    body = "公示期为2026年11月20日至2026年12月3日。如有异议，请联系。"
    res = archive.ingest(make_capture(dates={}, publish_date=None, publish_date_source=None, body_text=body,
                                      extra={"objection": {"end": "2099-01-01"}}))  # a caller's guess is ignored
    doc = archive.db["documents"].get(res.document_id)
    assert doc["objection_end"] is None  # not computed at ingest
    compute_measures(archive.db, now=datetime(2026, 11, 21, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    doc = archive.db["documents"].get(res.document_id)
    assert doc["objection_end"] == archive.db["timeliness"].get(res.document_id)["objection_end"] == "2026-12-03"
    assert [doc[k] for k in ("publish_date", "cms_date", "list_date", "stated_date", "url_date")] == [None] * 5


def test_runs_and_run_sites(archive):
    run = archive.begin_run(command="crawl", now="2026-11-23T09:00:00+08:00", code_version="0.1.0")
    archive.finish_run(run, status="partial", now="2026-11-23T09:10:00+08:00",
                       summary={"mee": {"new": 3, "blocked": 1, "status": "ok"}})
    row = archive.db["runs"].get(run)
    assert row["status"] == "partial" and json.loads(row["summary"])["mee"]["new"] == 3
    assert archive.db["run_sites"].get((run, "mee"))["new"] == 3


def test_sites_keep_extra_keys_as_hints(archive):
    archive.upsert_sites([{"id": "mee", "name": "生态环境部", "profile": "trs", "delay": 3,
                           "start_urls": ["https://www.mee.gov.cn/x/"]}])
    site = archive.db["sites"].get("mee")
    assert json.loads(site["hints"]) == {"delay": 3} and site["host"] == "www.mee.gov.cn"


def test_the_write_ahead_log_stays_bounded_during_a_long_run(tmp_path):
    bound = 4 * 2**20  # twice the 2 MiB at which the WAL is checkpointed (SQLite's default: 16 MB here)
    db = tmp_path / "archive.db"
    wal, peak = tmp_path / "archive.db-wal", 0
    with Archive(db) as archive:
        archive.upsert_sites([{"id": "sc", "name": "四川省生态环境厅", "region": "四川省", "level": "province"}])
        for n in range(240):  # about 8 MB of text, one transaction per posting as a crawl writes them
            archive.ingest(PageCapture(site_id="sc", url=f"https://sthjt.sc.gov.cn/p/{n}.shtml",
                                       fetched_at="2026-11-02T10:00:00+08:00", http_status=200,
                                       title=f"整改方案 {n}", body_text=f"第{n}号 " + "督察整改落实情况" * 2000))
            peak = max(peak, wal.stat().st_size)
        assert db.stat().st_size + wal.stat().st_size > bound
    assert peak <= bound, f"WAL reached {peak / 2**20:.1f} MB"


def test_the_space_reserve_is_held_beside_the_archive_and_given_back(tmp_path):
    from archive.reserve import SpaceReserve

    reserve = SpaceReserve(tmp_path / "archive.db", size=64 * 1024)
    assert reserve.hold() and reserve.path == tmp_path / "archive.db.reserve"
    assert reserve.path.stat().st_size == 64 * 1024
    reserve.release()
    assert not reserve.path.exists()
    reserve.release()  # twice is harmless
    nowhere = SpaceReserve(tmp_path / "missing" / "archive.db")
    assert nowhere.hold() is False and not nowhere.path.exists()  # no room: a warning, nothing left behind


def test_a_batch_records_each_posting_alone_and_stops_at_a_full_archive(tmp_path, make_capture):
    """``record_all``: one transaction, a savepoint per item — what fits is kept and reported, the first write that
    finds the archive full is refused with everything after it, and nothing is half-written."""
    from archive.errors import is_disk_full
    from archive.store import IngestResult

    db = tmp_path / "archive.db"
    Archive(db).close()
    pages = Archive(db).conn.execute("PRAGMA page_count").fetchone()[0]
    captures = [make_capture(url=f"https://www.mee.gov.cn/dczg/{n}.shtml", body_text=f"第{n}号 " + "整改落实" * 3000)
                for n in range(40)]
    with Archive(db, max_pages=pages + 12) as archive:
        results = archive.record_all(captures)
        kept = [c.url for c, r in zip(captures, results) if isinstance(r, IngestResult)]
        assert 0 < len(kept) < len(captures)
        assert results[:len(kept)] == [r for r in results if isinstance(r, IngestResult)]  # the first ones only
        assert all(is_disk_full(r) for r in results[len(kept):])
        assert [r[0] for r in archive.conn.execute("SELECT url FROM documents ORDER BY id")] == kept
        assert archive.conn.execute("SELECT count(*) FROM versions").fetchone()[0] == len(kept)
