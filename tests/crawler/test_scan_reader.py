"""Recognition limits in the attachment workers: a slow page is abandoned, the page cap leaves the rest queued."""
from __future__ import annotations

import asyncio

from archive.ocr import OcrRecord
from crawler.attachment_worker import AttachmentTextWorker
from crawler.scan_reader import OcrLimits, ScanReader
from simweb.scans import ScanSpec, image_only_pdf

LINES = ("整改任务验收销号情况的公示", "经现场核查，该问题已整改到位。")


def _read(limits: OcrLimits, data: bytes, cached: dict[str, OcrRecord]) -> tuple[OcrRecord | None, str | None, bool]:
    async def go():
        worker = AttachmentTextWorker(timeout=60, workers=1)
        try:
            reader = ScanReader(worker, limits, lambda sha, engine: cached.get(sha))
            budget = reader.budget()
            result = await reader.read(data, "f" * 64, "pdf", budget)
            return result.record, result.note, budget.capped
        finally:
            worker.close()

    return asyncio.run(go())


def test_a_page_over_its_time_limit_is_abandoned_and_the_posting_goes_on():
    data = image_only_pdf([ScanSpec("clean", 150, LINES)])
    record, note, _ = _read(OcrLimits(engine="rapidocr", page_timeout=0.05), data, {})
    assert record is not None and record.pages_done == 1 and record.text == ""
    assert record.pages[0]["skipped"].startswith("took longer than")
    assert note is None


def test_the_page_cap_queues_the_rest_and_a_cached_record_is_continued_not_redone():
    data = image_only_pdf([ScanSpec("clean", 150, LINES), ScanSpec("clean", 150, LINES[:1]),
                           ScanSpec("clean", 150, LINES[1:])])
    cached = {"f" * 64: OcrRecord(sha256="f" * 64, engine="rapidocr", engine_version="1.4.4", pages_total=3,
                                  pages=[{"index": 0, "text": "已识别的第一页", "confidence": 0.9, "seconds": 1.0}])}
    record, note, capped = _read(OcrLimits(engine="rapidocr", max_pages=1), data, cached)
    assert [p["index"] for p in record.pages] == [0, 1]  # page 0 from the cache, page 1 recognised now
    assert record.pages[0]["text"] == "已识别的第一页"
    assert "整改任务验收销号" in record.pages[1]["text"]
    assert capped and note.startswith("recognised 2 of 3 scanned pages")


def test_an_image_without_text_is_looked_at_once():
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (900, 300), (200, 220, 240)).save(buf, "PNG")  # a banner: large, no text
    remembered: dict[str, OcrRecord] = {}

    async def go():
        worker = AttachmentTextWorker(timeout=60, workers=1)
        try:
            reader = ScanReader(worker, OcrLimits(engine="rapidocr"), lambda sha, engine: remembered.get(sha),
                                lambda record: remembered.__setitem__(record.sha256, record))
            first = await reader.read(buf.getvalue(), "b" * 64, "image", reader.budget())
            second = await reader.read(buf.getvalue(), "b" * 64, "image", reader.budget())
            return first, second, reader.counts
        finally:
            worker.close()

    first, second, counts = asyncio.run(go())
    assert first.skipped == "blank page" and second.skipped == "blank page"  # no ink: never given to the engine
    assert counts["pages"] == 1 and counts["cached_files"] == 1
