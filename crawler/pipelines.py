"""Item pipeline: hand every capture to the archive library and count what happened."""
from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from archive.models import CheckOutcome, PageCapture
from crawler.context import archive_for

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Write PageCapture / CheckOutcome items into the archive (one transaction per posting)."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.run_id = crawler.settings.getint("DUCHA_RUN_ID") or None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        archive = archive_for(self.crawler)
        if isinstance(item, PageCapture):
            result = archive.ingest(item, run_id=self.run_id)
        elif isinstance(item, CheckOutcome):
            result = archive.record_outcome(item, run_id=self.run_id)
        else:
            raise DropItem(f"not an archive item: {type(item).__name__}")
        self._count(item.site_id, result)
        return item

    def _count(self, site_id: str, result) -> None:
        stats = self.crawler.stats
        kind = result.kind
        stats.inc_value(f"ducha/events/{kind}")
        stats.inc_value(f"ducha/site/{site_id}/{kind}")
        if kind in ("new", "changed") or (kind == "restored" and result.version_id):
            stats.inc_value("ducha/versions_new")
