"""A posting's attachments and text-bearing body images: fetched inline, read in worker processes, recognised.

Files are downloaded with ``engine.download_async`` (so they pass the same middlewares and WARC writer as
pages), their text is extracted in ``crawler.attachment_worker`` processes with a time limit, and scans
go through ``crawler.scan_reader`` (OCR, cached by file digest in the archive).  The files of plan and
progress postings have their tables read there too, for the ledger (``archive.ledger.table_cache``): the
crawl's second core reads them while the first fetches, not the ledger after the crawl.  Behind a page
that answered 304 the attachments are re-verified with conditional requests: files can be swapped silently.
"""
from __future__ import annotations

import hashlib
import logging
from concurrent.futures.process import BrokenProcessPool
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import DownloadCancelledError
from scrapy.http import Request, Response

from archive import ocr as archive_ocr
from archive.ledger import table_cache
from archive.ledger.sources import table_kind
from archive.ledger.tables import TABLE_KINDS, tables_of
from archive.models import AttachmentCapture
from crawler.attachment_worker import AttachmentTextWorker
from crawler.middlewares import redirect_chain
from crawler.scan_reader import OcrLimits, ScanReader

logger = logging.getLogger(__name__)

#: Statuses our callbacks want to see instead of Scrapy dropping them (redirects are still followed).
HANDLED_STATUSES = [s for s in range(300, 600) if s not in (301, 302, 303, 307, 308)]
MAX_ATTACHMENTS = 40
MAX_BODY_IMAGES = 20


def header(response: Response, name: bytes) -> str | None:
    """A response header as text (latin-1, as HTTP defines), or None."""
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _filename(url: str, name: str) -> str:
    path_name = urlsplit(url).path.rsplit("/", 1)[-1]
    return path_name if "." in path_name else name


class AttachmentFetcher:
    """Fetch and read the attachments of the spider's postings (``spider.archive`` is read when needed)."""

    def __init__(self, crawler: Any, spider: Any) -> None:
        settings = crawler.settings
        self.crawler, self.spider = crawler, spider
        self.max_bytes = settings.getint("DUCHA_MAX_ATTACHMENT_BYTES")
        self.text_worker = AttachmentTextWorker(timeout=settings.getfloat("DUCHA_ATTACHMENT_TIMEOUT"),
                                                workers=settings.getint("DUCHA_ATTACHMENT_WORKERS"))
        self.scans = ScanReader(self.text_worker, OcrLimits.from_settings(settings), self._cached_ocr,
                                self._remember_ocr)

    def close(self) -> None:
        """Stop the worker processes; record what recognition did (stats ``ducha/ocr/…``)."""
        self.text_worker.close()
        for name, value in self.scans.counts.items():
            self.crawler.stats.set_value(f"ducha/ocr/{name}", value)

    async def of_page(self, page: Any, site_id: str) -> list[Any]:
        """The page's attachments (up to ``MAX_ATTACHMENTS``) and its body images that carry recognised text."""
        budget = self.scans.budget()  # recognition limits per posting
        tables = page.doc_type in table_cache.TABLE_DOC_TYPES
        captures = [await self.fetch(a["url"], a["name"], site_id, budget, tables=tables)
                    for a in page.attachments[:MAX_ATTACHMENTS]]
        for image in page.images[:MAX_BODY_IMAGES]:
            capture = await self.fetch(image["url"], image["name"], site_id, budget, body_image=True)
            if capture is not None:
                captures.append(capture)
        return captures

    async def fetch(self, url: str, name: str, site_id: str, budget: Any, *,
                    body_image: bool = False, tables: bool = False) -> AttachmentCapture | None:
        """One file: its capture (with an ``error`` when it could not be had), or None for a body image without text;
        ``tables``: its tables too, when it is of a kind the ledger reads tables from."""
        request = Request(url, dont_filter=True, meta={
            "handle_httpstatus_list": HANDLED_STATUSES, "site_id": site_id, "download_maxsize": self.max_bytes})
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception as exc:  # noqa: BLE001 - network errors are data here: recorded, not raised
            logger.warning("%s: attachment %s failed: %s", site_id, url, exc)
            error = f"download failed: {type(exc).__name__}: {exc}"
            if isinstance(exc, DownloadCancelledError):  # Scrapy cancels what exceeds download_maxsize
                error += f" (files over DUCHA_MAX_ATTACHMENT_BYTES={self.max_bytes} are not downloaded)"
            return None if body_image else AttachmentCapture(url=url, name=name, error=error[:500])
        self.crawler.stats.inc_value(f"ducha/site/{site_id}/attachments")
        warc = response.meta.get("ducha_warc")  # the record of the file itself, not a redirect before it
        redirects = redirect_chain(response)
        if response.status != 200:
            return None if body_image else AttachmentCapture(url=url, name=name, error=f"HTTP {response.status}",
                                                             warc=warc, redirects=redirects)
        body = response.body
        content_type = header(response, b"Content-Type")
        kind = table_kind(name, url, content_type) if tables else None
        # in a worker process with a time limit: a slow or hostile file must not stall the run
        filename, grids = _filename(url, name), None
        if kind in TABLE_KINDS:  # its tables too, for the ledger: one job, a PDF parsed once
            result, grids = await self.text_worker.extract_with_tables(
                body, filename=filename, content_type=content_type, max_bytes=self.max_bytes, table_kind=kind)
        else:
            result = await self.text_worker.extract(body, filename=filename, content_type=content_type,
                                                    max_bytes=self.max_bytes)
        capture = AttachmentCapture(
            url=url, name=name, sha256=hashlib.sha256(body).hexdigest(), size=len(body),
            content_type=content_type, text=result.text, error=result.error, warc=warc,
            etag=header(response, b"ETag"), last_modified=header(response, b"Last-Modified"), redirects=redirects,
        )
        if kind in TABLE_KINDS:
            capture.tables, capture.table_kind = grids, kind
        return await self.scans.complete(capture, body, result.kind, budget, body_image=body_image)

    async def tables(self, kind: str, body: bytes, url: str) -> list | None:
        """The tables of a file or page (``kind``: its reader) read in a worker process (None when that failed:
        the ledger reads them itself)."""
        try:
            return await self.text_worker.run(tables_of, kind, body)
        except (TimeoutError, BrokenProcessPool) as exc:
            logger.warning("tables of %s not read during the crawl (%s): the ledger reads them", url,
                           type(exc).__name__)
            return None

    async def changed_behind_304(self, site_id: str, known: Any, url: str) -> bool:
        """True when an attachment of a posting whose page answered 304 changed (or answers with another file)."""
        if known is None:
            return False
        for attachment in self.spider.archive.current_attachments(known.id):
            headers = {}
            if attachment.etag:
                headers["If-None-Match"] = attachment.etag
            if attachment.last_modified:
                headers["If-Modified-Since"] = attachment.last_modified
            request = Request(attachment.url, headers=headers or None, dont_filter=True,
                              meta={"handle_httpstatus_list": HANDLED_STATUSES, "site_id": site_id})
            try:
                response = await self.crawler.engine.download_async(request)
            except Exception as exc:  # noqa: BLE001 - unreachable now is not a change: the next check retries
                logger.info("%s: attachment %s not re-verified: %s", site_id, attachment.url, exc)
                continue
            if response.status == 304:
                continue
            if response.status != 200 or hashlib.sha256(response.body).hexdigest() != attachment.sha256:
                logger.info("%s: attachment %s of %s changed behind an unchanged page", site_id, attachment.url, url)
                return True
        return False

    def _cached_ocr(self, sha256: str, engine: str) -> Any:
        return archive_ocr.load(self.spider.archive.conn, sha256, engine)

    def _remember_ocr(self, record: Any) -> None:
        with self.spider.archive.db.atomic():
            archive_ocr.save(self.spider.archive.conn, record)
