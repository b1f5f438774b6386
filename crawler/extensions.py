"""Progress per site while a crawl runs (a live table at a terminal, log lines otherwise), and a
closing summary per site."""
from __future__ import annotations

import logging
import sys
import time

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

logger = logging.getLogger(__name__)

COUNTERS = ("list_pages", "entries", "details", "attachments", "new", "changed", "unchanged", "removed",
            "restored", "unreachable", "not_modified", "blocked", "errors", "list_errors", "parse_errors",
            "not_archived", "offsite_skipped", "list_rows_recovered", "list_warnings", "browser_launches", "interrupted")


def site_counts(stats: dict, site_id: str) -> dict[str, int]:
    """The per-site counters a crawl left in Scrapy's stats."""
    prefix = f"ducha/site/{site_id}/"
    return {name: int(stats.get(prefix + name, 0)) for name in COUNTERS}


class SiteErrors:
    """Spider middleware: an exception in a callback is counted against its site and logged with its URL,
    so a parser bug fails the run loudly instead of silently losing postings."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception) -> None:
        """Count and log; returning nothing lets Scrapy go on with its own handling."""
        site_id = response.meta.get("site_id", "unknown")
        self.crawler.stats.inc_value(f"ducha/site/{site_id}/parse_errors")
        logger.error("%s: processing %s failed: %r", site_id, response.url, exception,
                     exc_info=(type(exception), exception, exception.__traceback__))


class SiteProgress:
    """Progress while crawling and a summary at the end.

    ``DUCHA_PROGRESS``: ``auto`` (default) shows a live table (rich) when stderr is a terminal and logs
    one line per site every ``DUCHA_PROGRESS_INTERVAL`` seconds otherwise; ``table`` / ``log`` force one;
    ``off`` (or an interval of 0) shows nothing but the summary.
    """

    def __init__(self, crawler, interval: float, mode: str = "log") -> None:
        self.crawler = crawler
        self.interval = interval
        self.mode = mode
        self.loop = None
        self.live = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        mode = (crawler.settings.get("DUCHA_PROGRESS") or "auto").lower()
        if mode == "auto":
            mode = "table" if sys.stderr.isatty() else "log"
        ext = cls(crawler, crawler.settings.getfloat("DUCHA_PROGRESS_INTERVAL"), mode)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _site_ids(self) -> list[str]:
        spider = self.crawler.spider
        return [s.id for s in getattr(spider, "sites", [])]

    def spider_opened(self, spider) -> None:
        self.started = time.monotonic()
        if self.mode == "table":
            from rich.console import Console
            from rich.live import Live

            self.live = Live(self._table(), console=Console(stderr=True), refresh_per_second=2, transient=False)
            self.live.start()
            self.loop = task.LoopingCall(self._refresh)
            self.loop.start(0.5, now=False)
        elif self.mode == "log" and self.interval > 0:
            self.loop = task.LoopingCall(self.log_progress)
            self.loop.start(self.interval, now=False)

    def _table(self):
        from crawler.progress import overall, progress_lines, progress_table

        stats = self.crawler.stats.get_stats()
        return progress_table(progress_lines(stats, self._site_ids()),
                              overall(stats, time.monotonic() - self.started))

    def _refresh(self) -> None:
        if self.live is not None:
            self.live.update(self._table())

    def log_progress(self) -> None:
        stats = self.crawler.stats.get_stats()
        for site_id in self._site_ids():
            c = site_counts(stats, site_id)
            if c["list_pages"] or c["details"]:
                logger.info("progress %-12s lists %d  postings %d  fetched %d  new %d  changed %d  removed %d  errors %d",
                            site_id, c["list_pages"], c["entries"], c["details"], c["new"], c["changed"],
                            c["removed"], c["errors"] + c["list_errors"])

    def spider_closed(self, spider, reason) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.live is not None:
            self.live.update(self._table())
            self.live.stop()
            self.live = None
        stats = self.crawler.stats.get_stats()
        logger.info("summary per site (%s):", reason)
        for site_id in self._site_ids():
            c = site_counts(stats, site_id)
            logger.info("  %-12s lists %d  postings %d  new %d  changed %d  removed %d  restored %d  "
                        "unreachable %d  blocked %d  errors %d", site_id, c["list_pages"], c["entries"], c["new"],
                        c["changed"], c["removed"], c["restored"], c["unreachable"], c["blocked"],
                        c["errors"] + c["list_errors"])


def stop_when_disk_full(crawler, exc: BaseException, what: str) -> bool:
    """If ``exc`` is a full disk, stop the crawl at once (the first time) and return True.

    Every later write would fail the same way, so trying the remaining postings only floods the log;
    the runner records the run ``failed`` with ``ducha/disk_full`` as the reason.
    """
    from archive.errors import is_disk_full

    if not is_disk_full(exc):
        return False
    if not crawler.stats.get_value("ducha/disk_full"):
        crawler.stats.set_value("ducha/disk_full", f"{what}: {exc}")
        logger.error("disk full while writing %s (%s): stopping the crawl; free space (or raise the limit) "
                     "and run again, postings already archived are kept", what, exc)
        deferred_from_coro(crawler.engine.close_spider_async(reason="disk_full"))
    return True
