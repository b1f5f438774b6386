"""``ducha ocr``: recognise scans already in the archive — pages left by the per-posting cap, files
recognised by another engine version (``--engine-version-changed``), files archived before OCR (``--missing``).

The bytes come from the WARC evidence the attachment rows point at; each file is committed as soon
as it is done (pages and all), so an interrupted run resumes where it stopped.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive import ocr as archive_ocr
from archive.evidence import default_warc_dir
from archive.models import WarcRef
from archive.store import Archive
from archive.warc import read_record
from crawler.attachment_worker import AttachmentTextWorker
from crawler.extraction.ocr import describe_engine
from crawler.scan_reader import OcrLimits, ScanReader

logger = logging.getLogger(__name__)


@dataclass
class OcrRunSummary:
    """What one ``ducha ocr`` run did."""

    engine: str
    files: int = 0
    done: int = 0
    pages: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: the files closed so far (a result a Redis restart brought back, its delete lost from the AOF, is stored again,
    #: idempotently, but counted once)
    closed: set[str] = field(default_factory=set, repr=False)


def rerecognise(db_path: str | Path, *, warc_dir: str | Path | None = None, engine: str | None = None,
                version_changed: bool = False, missing: bool = False, limits: OcrLimits | None = None,
                progress: Callable[[OcrRunSummary, str], None] | None = None) -> OcrRunSummary:
    """Recognise what the archive still lacks (see the module docstring); resumable, one commit per file."""
    name, version = describe_engine(engine)
    limits = limits or OcrLimits(engine=name)
    limits.engine = name
    warc_dir = Path(warc_dir) if warc_dir else default_warc_dir(db_path)
    started = time.monotonic()
    with Archive(db_path, warc_dir=warc_dir) as archive:
        rows = archive_ocr.pending(archive.conn, engine=name, engine_version=version,
                                   version_changed=version_changed, missing=missing)
        summary = OcrRunSummary(engine=f"{name} {version}", files=len(rows))
        worker = AttachmentTextWorker(timeout=max(60.0, limits.page_timeout), workers=1)

        def lookup(sha256: str, engine_name: str) -> archive_ocr.OcrRecord | None:
            record = archive_ocr.load(archive.conn, sha256, engine_name)
            return record if record is not None and record.engine_version == version else None

        reader = ScanReader(worker, limits, lookup)
        try:
            for sha256, url, warc_file, warc_offset in rows:
                pages = asyncio.run(_one(archive, reader, sha256, warc_dir, WarcRef(warc_file, warc_offset)))
                if pages is None:
                    summary.failed.append(url)
                else:
                    summary.done += 1
                    summary.pages += pages
                summary.seconds = time.monotonic() - started
                logger.info("ocr: %d/%d files, %d pages, %.0f s — %s", summary.done + len(summary.failed),
                            summary.files, summary.pages, summary.seconds, url)
                if progress is not None:
                    progress(summary, url)
        finally:
            worker.close()
    return summary


async def _one(archive: Archive, reader: ScanReader, sha256: str, warc_dir: Path, ref: WarcRef) -> int | None:
    """Recognise one file until all its pages are done; pages recognised, or None when it cannot be read."""
    try:
        _, data = read_record(warc_dir, ref)
    except Exception as exc:  # noqa: BLE001 - a missing WARC file is reported, the run goes on
        logger.warning("ocr: %s: evidence not readable: %s", sha256[:12], exc)
        return None
    kind = "pdf" if data[:1024].find(b"%PDF-") != -1 else "image"
    recognised = 0
    while True:
        before = archive_ocr.load(archive.conn, sha256, reader.engine)
        result = await reader.read(data, sha256, kind, reader.budget())
        record = result.record
        if record is None:
            return recognised
        with archive.db.atomic():
            archive_ocr.save(archive.conn, record)
            archive_ocr.apply_to_attachments(archive.conn, record,
                                             typed_of=lambda i: archive_ocr.typed_text(archive.conn, i))
        gained = record.pages_done - (before.pages_done if before and before.engine_version == reader.version else 0)
        recognised += max(0, gained)
        if record.pages_done >= record.pages_total or gained <= 0:
            return recognised
