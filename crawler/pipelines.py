"""Item pipeline: the one owner of the crawl's archive; every capture goes through it.

It opens the :class:`archive.store.Archive` when the spider opens, hands it to the spider (which reads
the known postings from it), and closes it when the spider closes.
"""
from __future__ import annotations

import logging
import sqlite3

from scrapy.exceptions import DropItem

from archive.errors import ArchiveError
from archive.models import CheckOutcome, PageCapture
from archive.store import Archive
from crawler.context import warc_dir_for
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
                               search_batch=settings.getint("DUCHA_SEARCH_BATCH", 200))
        self.crawler.spider.archive = self.archive

    def close_spider(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        archive = self.archive
        if not isinstance(item, (PageCapture, CheckOutcome)):
            raise DropItem(f"not an archive item: {type(item).__name__}")
        try:  # the archive waits and retries while locked; what still fails is named in the run's summary
            if isinstance(item, PageCapture):
                result = archive.ingest(item, run_id=self.run_id)
            else:
                result = archive.record_outcome(item, run_id=self.run_id)
        except (ArchiveError, sqlite3.Error) as exc:
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
