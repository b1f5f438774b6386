"""Downloader middlewares: retries with backoff and Retry-After, and WARC evidence.

``WarcEvidenceMiddleware`` sits next to the downloader (priority 950, above
HttpCompressionMiddleware) so it records every response as received, including the ones
that are retried or redirected.  The WarcRef of the last recorded response of a request is
left in ``request.meta["ducha_warc"]``; each redirect answer (301/302/303/307/308 with a Location)
is added to ``request.meta["ducha_redirects"]``, which the redirected request inherits, so
``redirect_chain(response)`` gives the whole chain of a response: its evidence.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response

from archive.errors import is_disk_full
from archive.models import RedirectHop
from archive.warc import WarcWriter
from crawler.clock import now_iso
from crawler.context import warc_dir_for
from crawler.extensions import stop_when_disk_full

logger = logging.getLogger(__name__)

#: Answers Scrapy's redirect middleware follows (when they carry a Location).
REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))


def retry_after_seconds(value: bytes | str | None, *, now: datetime | None = None) -> float | None:
    """Parse a Retry-After header (seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry middleware, waiting before each retry: Retry-After when given, else backoff."""

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("DUCHA_RETRY_BACKOFF_BASE")
        self.backoff_max = settings.getfloat("DUCHA_RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("DUCHA_RETRY_AFTER_MAX")

    def _wait_for(self, request: Request, response: Response | None) -> float:
        retries = request.meta.get("retry_times", 0)
        wait = min(self.backoff_max, self.backoff_base * (2**retries))
        if response is not None:
            after = retry_after_seconds(response.headers.get(b"Retry-After"))
            if after is not None:
                wait = min(self.retry_after_max, after)
        return wait

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        wait = self._wait_for(request, response)
        if wait > 0:
            logger.info("HTTP %s for %s: retrying in %.1f s", response.status, request.url, wait)
            self.crawler.stats.inc_value("ducha/retry_wait_seconds", wait)
            await asyncio.sleep(wait)
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if request.meta.get("dont_retry", False) or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        wait = self._wait_for(request, None)
        if wait > 0:
            await asyncio.sleep(wait)
        return retry


class WarcEvidenceMiddleware:
    """Write every request/response exchange to the run's WARC file."""

    def __init__(self, writer: WarcWriter, crawler) -> None:
        self.writer = writer
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        warc_dir = warc_dir_for(settings)
        run_id = settings.getint("DUCHA_RUN_ID")
        if not run_id:
            raise NotConfigured("no DUCHA_RUN_ID: WARC evidence needs a run")
        writer = WarcWriter(warc_dir, run_id=run_id)
        middleware = cls(writer, crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Request, response: Response) -> Response:
        try:
            ref = self._write(request, response)
        except Exception as exc:
            if stop_when_disk_full(self.crawler, exc, f"WARC evidence ({request.url})"):
                raise IgnoreRequest(f"disk full: no WARC record for {request.url}") from exc
            raise
        request.meta["ducha_warc"] = ref
        # the digest of the bytes as received, as the WARC record holds them (before any decompression)
        raw = hashlib.sha256(response.body).hexdigest()
        request.meta["ducha_raw_sha256"] = raw
        if response.status in REDIRECT_STATUSES and response.headers.get(b"Location"):
            # a new list: the redirected request gets a copy of this meta, and a retry must not see later hops
            hop = RedirectHop(url=request.url, http_status=response.status, location="", raw_sha256=raw, warc=ref)
            request.meta["ducha_redirects"] = [*request.meta.get("ducha_redirects", []), hop]
        self.crawler.stats.inc_value("ducha/warc_records")
        return response

    def _write(self, request: Request, response: Response):
        return self.writer.write_exchange(**self.exchange(request, response))

    def exchange(self, request: Request, response: Response) -> dict:
        """The arguments of ``WarcWriter.write_exchange`` for one exchange (a crawl node sends them on)."""
        return {"url": request.url, "method": request.method, "request_headers": _headers(request.headers),
                "request_body": request.body or b"", "status": response.status, "reason": "",
                "response_headers": _headers(response.headers), "body": response.body,
                "fetched_at": now_iso(self.crawler.settings)}

    def spider_closed(self, spider) -> None:
        try:
            self.writer.close()
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            logger.error("disk full: the run's last WARC file could not be closed cleanly (%s); its records "
                         "written before are complete", exc)


def redirect_chain(response: Response) -> list[RedirectHop]:
    """The redirect answers that led to ``response``, in order, each naming the URL it sent us to.

    Empty when the response was not reached through a redirect.  Hops are filled in from the
    URLs Scrapy actually followed, so the chain ends at ``response.url``."""
    final_ref = response.meta.get("ducha_warc")
    hops = [h for h in response.meta.get("ducha_redirects", []) if h.warc != final_ref]
    if not response.meta.get("redirect_urls"):
        return []
    nexts = [h.url for h in hops[1:]] + [response.url]
    return [RedirectHop(url=h.url, http_status=h.http_status, location=n, raw_sha256=h.raw_sha256, warc=h.warc)
            for h, n in zip(hops, nexts)]


def _headers(headers) -> list[tuple[str, str]]:
    pairs = []
    for key, values in headers.items():
        name = key.decode("latin-1")
        for value in values:
            pairs.append((name, value.decode("latin-1")))
    return pairs
