"""Item pipeline: the one owner of the crawl's archive; every capture goes through it.

It opens the :class:`archive.store.Archive` when the spider opens, hands it to the spider (which reads
the known postings from it), and closes it when the spider closes.
"""
from __future__ import annotations

import logging
import sqlite3

from scrapy.exceptions import DropItem

from archive.errors import ArchiveError, is_disk_full
from archive.models import CheckOutcome, PageCapture
from archive.store import Archive
from crawler.context import warc_dir_for
from crawler.extensions import stop_when_disk_full
from crawler.scope import not_archived

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Write PageCapture / CheckOutcome items into the archive (one transaction per posting)."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.run_id = crawler.settings.getint("DUCHA_RUN_ID") or None
        self.archive: Archive | None = None

    def open_spider(self) -> None:
        settings = self.crawler.settings
        self.archive = Archive(settings.get("DUCHA_DB"), warc_dir=warc_dir_for(settings),
                               search_batch=settings.getint("DUCHA_SEARCH_BATCH", 200),
                               max_pages=settings.getint("DUCHA_MAX_DB_PAGES"))
        self.crawler.spider.archive = self.archive

    def close_spider(self) -> None:
        if self.archive is not None:
            try:
                self.archive.close()
            except Exception as exc:
                if not is_disk_full(exc):
                    raise
                logger.error("disk full: the last postings' search rows stay queued (the next crawl indexes them)")
            finally:
                self.archive = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        archive = self.archive
        if not isinstance(item, (PageCapture, CheckOutcome)):
            raise DropItem(f"not an archive item: {type(item).__name__}")
        if self.crawler.stats.get_value("ducha/disk_full"):  # the crawl is stopping: no write can succeed
            self.crawler.stats.inc_value("ducha/not_written_disk_full")
            raise DropItem(f"disk full: {item.url} not archived", log_level="DEBUG")
        try:  # the archive waits and retries while locked; what still fails is named in the run's summary
            if isinstance(item, PageCapture):
                result = archive.ingest(item, run_id=self.run_id)
            else:
                result = archive.record_outcome(item, run_id=self.run_id)
        except (ArchiveError, sqlite3.Error, OSError) as exc:
            if stop_when_disk_full(self.crawler, exc, f"the archive ({item.url})"):
                raise DropItem(f"disk full: {item.url} not archived", log_level="DEBUG") from exc
            not_archived(self.crawler.stats, item.site_id, item.url, f"could not be written to the archive: {exc}")
            raise DropItem(f"{item.url}: not archived: {exc}") from exc
        self._count(item.site_id, result)
        return item

    def _count(self, site_id: str, result) -> None:
        stats = self.crawler.stats
        kind = result.kind
        stats.inc_value(f"ducha/events/{kind}")
        stats.inc_value(f"ducha/site/{site_id}/{kind}")
        if kind in ("new", "changed") or (kind == "restored" and result.version_id):
            stats.inc_value("ducha/versions_new")
