"""Recognition of scans during a crawl (and ``ducha ocr``): which pages, within which limits, cached by digest.

::

    file bytes ─ocr_plan (worker)─► pages without a text layer / image frames
        cached OcrRecord for the digest? ─► only the pages it lacks (an unchanged file is never recognised again)
        per page: recognise_page in an attachment worker, killed after DUCHA_OCR_PAGE_TIMEOUT
        per posting: at most DUCHA_OCR_MAX_PAGES pages and DUCHA_OCR_POSTING_TIMEOUT seconds per run;
                     the pages left are recognised by later runs (the record says pages_done < pages_total)
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from archive.models import AttachmentCapture
from archive.ocr import OcrRecord
from crawler.attachment_worker import AttachmentTextWorker
from crawler.extraction.ocr import (
    OcrPlan,
    OcrUnavailable,
    describe_engine,
    ocr_plan,
    recognise_page,
)
from crawler.extraction.page_images import sniff_image

logger = logging.getLogger(__name__)


@dataclass
class OcrLimits:
    """Recognition limits (the ``DUCHA_OCR_*`` settings)."""

    enabled: bool = True
    engine: str = ""
    max_pages: int = 20
    page_timeout: float = 60.0
    posting_timeout: float = 300.0

    @classmethod
    def from_settings(cls, settings) -> OcrLimits:  # type: ignore[no-untyped-def]
        """From Scrapy settings."""
        return cls(enabled=settings.getbool("DUCHA_OCR", True), engine=settings.get("DUCHA_OCR_ENGINE") or "",
                   max_pages=settings.getint("DUCHA_OCR_MAX_PAGES", 20),
                   page_timeout=settings.getfloat("DUCHA_OCR_PAGE_TIMEOUT", 60.0),
                   posting_timeout=settings.getfloat("DUCHA_OCR_POSTING_TIMEOUT", 300.0))


@dataclass
class PostingBudget:
    """What one posting may still spend on recognition in this run."""

    pages: int
    deadline: float
    capped: bool = False

    def seconds_left(self) -> float:
        """Seconds left before the posting's limit."""
        return self.deadline - time.monotonic()


@dataclass
class ScanResult:
    """Recognition of one file: the record (None when nothing needed recognising) and a note for ``error``."""

    record: OcrRecord | None = None
    note: str | None = None
    skipped: str | None = None  # an image not worth reading (icon, logo, QR code, few characters)
    stats: dict = field(default_factory=dict)


def file_kind(data: bytes, sniffed: str) -> str | None:
    """'pdf' or 'image' when the file may need recognition, else None."""
    if sniffed == "pdf":
        return "pdf"
    return "image" if sniff_image(data) else None


class ScanReader:
    """Recognises scans in the attachment workers; ``lookup(sha256, engine)`` gives cached records."""

    def __init__(self, worker: AttachmentTextWorker, limits: OcrLimits,
                 lookup: Callable[[str, str], OcrRecord | None],
                 remember: Callable[[OcrRecord], None] | None = None) -> None:
        self.worker = worker
        self.limits = limits
        self.lookup = lookup
        self.remember = remember  # keeps results that are not stored with an attachment (images without text)
        self.unavailable: str | None = None
        self.counts = {"pages": 0, "cached_files": 0, "capped_files": 0}  # the crawl's stats ducha/ocr/…
        self.engine, self.version = "", ""
        if limits.enabled:
            try:
                self.engine, self.version = describe_engine(limits.engine or None)
            except OcrUnavailable as exc:
                self.unavailable = str(exc)
                logger.warning("scans will not be recognised: %s", exc)

    def budget(self) -> PostingBudget:
        """A fresh per-posting budget."""
        return PostingBudget(pages=self.limits.max_pages, deadline=time.monotonic() + self.limits.posting_timeout)

    async def read(self, data: bytes, sha256: str, kind: str, budget: PostingBudget) -> ScanResult:
        """Recognise what needs it in one file (``kind`` 'pdf' or 'image'), within ``budget``."""
        if not self.limits.enabled:
            return ScanResult()
        try:
            plan: OcrPlan = await self.worker.run(ocr_plan, data, kind)
        except Exception as exc:  # noqa: BLE001 - a broken file is recorded, never raised
            return ScanResult(note=f"not recognised: {type(exc).__name__}: {exc}"[:300])
        if plan.skipped:
            return ScanResult(skipped=plan.skipped)
        if not plan.pages:
            return ScanResult()
        if self.unavailable:
            return ScanResult(note=f"{len(plan.pages)} page(s) are scans but not recognised: {self.unavailable}")
        record = self.lookup(sha256, self.engine)
        if record is None or (record.engine_version != self.version and record.pages_done < record.pages_total):
            record = OcrRecord(sha256=sha256, engine=self.engine, engine_version=self.version,
                               pages_total=len(plan.pages))
        done = {p["index"] for p in record.pages}
        if done >= set(plan.pages):
            self.counts["cached_files"] += 1
        for index in plan.pages:
            if index in done:
                continue
            if budget.pages <= 0 or budget.seconds_left() <= 0:
                budget.capped = True
                break
            limit = min(self.limits.page_timeout, max(1.0, budget.seconds_left()))
            budget.pages -= 1
            self.counts["pages"] += 1
            try:
                page = await self.worker.run(recognise_page, data, kind, index, self.engine, timeout=limit)
                record.pages.append({"index": index, "text": page.text, "confidence": page.confidence,
                                     "seconds": round(page.seconds, 3), "skipped": page.skipped})
            except TimeoutError:
                logger.warning("recognition of page %d of %s… took longer than %.0f s: abandoned", index + 1,
                               sha256[:12], limit)
                record.pages.append({"index": index, "text": "", "confidence": None, "seconds": limit,
                                     "skipped": f"took longer than {limit:.0f} s"})
            except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
                record.pages.append({"index": index, "text": "", "confidence": None, "seconds": 0,
                                     "skipped": f"{type(exc).__name__}: {exc}"[:200]})
        note = None
        if record.pages_done < record.pages_total:
            self.counts["capped_files"] += 1
            note = (f"recognised {record.pages_done} of {record.pages_total} scanned pages; the rest in later runs "
                    "(DUCHA_OCR_MAX_PAGES / DUCHA_OCR_POSTING_TIMEOUT)")
        if kind == "image" and not record.text:
            if self.remember is not None:
                self.remember(record)  # a banner shown on every posting is looked at once
            skipped = next((p["skipped"] for p in record.pages if p.get("skipped")), "no text")
            return ScanResult(record=record, skipped=skipped)
        return ScanResult(record=record, note=note)

    async def complete(self, capture: AttachmentCapture, data: bytes, sniffed: str, budget: PostingBudget, *,
                       body_image: bool = False) -> AttachmentCapture | None:
        """``capture`` with the recognition of its scans; None for a body image without text (icon, logo, QR)."""
        kind = file_kind(data, sniffed)
        if kind is None or capture.sha256 is None:
            return None if body_image else capture
        scan = await self.read(data, capture.sha256, kind, budget)
        if body_image and (scan.skipped or scan.record is None or not scan.record.text):
            return None
        capture.ocr = scan.record
        recognised = bool(scan.record and scan.record.text)
        if kind == "image":
            capture.error = None if recognised else f"not recognised: {scan.skipped or scan.note}"
        elif recognised and capture.text is None:
            capture.error = None  # "no text layer" is answered by the recognised text
        if scan.note:
            capture.error = scan.note if capture.error is None else f"{capture.error}; {scan.note}"
        return capture
