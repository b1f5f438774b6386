"""Progress per site while a crawl runs (a live table at a terminal, log lines otherwise), and a
closing summary per site."""
from __future__ import annotations

import logging
import sys
import time

from scrapy import signals
from twisted.internet import task

logger = logging.getLogger(__name__)

COUNTERS = ("list_pages", "entries", "details", "attachments", "new", "changed", "unchanged", "removed",
            "restored", "unreachable", "not_modified", "blocked", "errors", "list_errors", "parse_errors",
            "not_archived", "offsite_skipped", "list_rows_recovered", "list_warnings", "browser_launches")


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
