"""Recognised text in the archive: stored beside typed text, cached by digest, searchable, shown as recognised."""
from __future__ import annotations

from archive import ocr
from archive.models import AttachmentCapture, PageCapture
from archive.search import search
from archive.store import Archive


def _record(sha: str, pages: list[tuple[int, str, float]], total: int, version: str = "1.4.4") -> ocr.OcrRecord:
    return ocr.OcrRecord(sha256=sha, engine="rapidocr", engine_version=version, pages_total=total,
                         pages=[{"index": i, "text": t, "confidence": c, "seconds": 1.0, "skipped": None}
                                for i, t, c in pages])


def _capture(attachments: list[AttachmentCapture], at: str = "2026-11-02T10:00:00+08:00") -> PageCapture:
    return PageCapture(site_id="s", url="https://x.gov.cn/a.html", fetched_at=at, http_status=200,
                       title="关于整改任务验收销号情况的公示", body_text="见附件。", attachments=attachments)


def test_recognised_text_is_stored_marked_and_searchable(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.upsert_sites([{"id": "s", "name": "x"}])
        scan = AttachmentCapture(url="https://x.gov.cn/scan.pdf", name="scan.pdf", sha256="a" * 64, size=10,
                                 text=None, ocr=_record("a" * 64, [(0, "尾矿库隐患已经销号", 0.98)], 2))
        typed = AttachmentCapture(url="https://x.gov.cn/t.pdf", name="t.pdf", sha256="b" * 64, size=10,
                                  text="打字的正文")
        result = archive.ingest(_capture([scan, typed]))
        rows = {r["url"]: r for r in archive.db.query("SELECT * FROM attachments")}
        row = rows["https://x.gov.cn/scan.pdf"]
        assert (row["text"], row["text_source"], row["ocr_engine"]) == ("尾矿库隐患已经销号", "ocr", "rapidocr 1.4.4")
        assert (row["ocr_confidence"], row["ocr_pages_done"], row["ocr_pages_total"]) == (0.98, 1, 2)
        assert rows["https://x.gov.cn/t.pdf"]["text_source"] == "typed"
        assert [r["id"] for r in search(archive.db, "尾矿库")] == [result.document_id]
        shown = ocr.display(row)
        assert shown["typed_text"] is None
        assert shown["ocr"]["confidence"] == "98%" and shown["ocr"]["pending"] == 1


def test_more_pages_later_update_text_and_search_without_a_new_version(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.upsert_sites([{"id": "s", "name": "x"}])
        first = AttachmentCapture(url="https://x.gov.cn/scan.pdf", name="scan.pdf", sha256="a" * 64, size=10,
                                  text="第一页打字", ocr=_record("a" * 64, [(1, "第二页识别", 0.9)], 2))
        archive.ingest(_capture([first]))
        more = AttachmentCapture(url="https://x.gov.cn/scan.pdf", name="scan.pdf", sha256="a" * 64, size=10,
                                 text="第一页打字",
                                 ocr=_record("a" * 64, [(1, "第二页识别", 0.9), (2, "第三页湿地", 0.7)], 2))
        again = archive.ingest(_capture([more], at="2026-11-03T10:00:00+08:00"))
        assert again.kind == "unchanged"
        row = next(iter(archive.db.query("SELECT * FROM attachments")))
        assert row["text"] == "第一页打字\n第二页识别\n第三页湿地" and row["text_source"] == "typed+ocr"
        assert ocr.typed_text(archive.conn, row["id"]) == "第一页打字"
        assert ocr.display(row)["typed_text"] == "第一页打字"
        assert len(search(archive.db, "湿地")) == 1
        cached = ocr.load(archive.conn, "a" * 64, "rapidocr")
        assert cached is not None and cached.pages_done == 2 and abs(cached.confidence - 0.8) < 1e-9


def test_apply_rewrites_every_row_of_the_file_and_pending_finds_old_versions(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.upsert_sites([{"id": "s", "name": "x"}])
        att = AttachmentCapture(url="https://x.gov.cn/s.jpg", name="s.jpg", sha256="c" * 64, size=10,
                                ocr=_record("c" * 64, [(0, "旧版本识别", 0.6)], 1, version="1.0"))
        archive.ingest(_capture([att]))
        stale = ocr.pending(archive.conn, engine="rapidocr", engine_version="1.4.4", version_changed=True)
        assert [row[0] for row in stale] == []  # no WARC record to read the file from
        archive.conn.execute("UPDATE attachments SET warc_file = 'w.warc.gz', warc_offset = 0")
        stale = ocr.pending(archive.conn, engine="rapidocr", engine_version="1.4.4", version_changed=True)
        assert [row[0] for row in stale] == ["c" * 64]
        assert ocr.pending(archive.conn, engine="rapidocr", engine_version="1.4.4") == []
        new = _record("c" * 64, [(0, "新版本识别", 0.99)], 1)
        with archive.db.atomic():
            ocr.save(archive.conn, new)
            ocr.apply_to_attachments(archive.conn, new, typed_of=lambda i: ocr.typed_text(archive.conn, i))
        row = next(iter(archive.db.query("SELECT text, ocr_engine FROM attachments")))
        assert row == {"text": "新版本识别", "ocr_engine": "rapidocr 1.4.4"}
        assert len(search(archive.db, "新版本")) == 1 and search(archive.db, "旧版本") == []
        assert search(archive.db, "旧版") == []  # 2-character words come from the index alone: no stale row
