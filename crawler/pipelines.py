"""Item pipeline: the one owner of the crawl's archive; every capture goes through it.

It opens the :class:`archive.store.Archive` when the spider opens, hands it to the spider (which reads
the known postings from it), and closes it when the spider closes.  Items are written in batches — one
transaction for up to ``DUCHA_WRITE_BATCH`` items, or what arrived within ``WRITE_BATCH_SECONDS`` — and an
item counts as archived (stats, progress, the run's summary) only once its batch has committed: a crash
loses at most the last batch, which the run never reported, and the next run fetches those postings again.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3

from scrapy.exceptions import DropItem

from archive.errors import ArchiveError, is_disk_full
from archive.models import CheckOutcome, IngestResult, OutcomeResult, PageCapture
from archive.store import Archive
from crawler.context import warc_dir_for
from crawler.extensions import stop_when_disk_full
from crawler.scope import not_archived

logger = logging.getLogger(__name__)

#: The longest an item waits for its batch to be written (seconds).
WRITE_BATCH_SECONDS = 0.5
#: A batch is written once its texts reach this many characters: a transaction's pages stay in the write-ahead
#: log until it commits, so this bounds the log (``archive.store.WAL_LIMIT_BYTES``) whatever the postings hold.
WRITE_BATCH_CHARS = 256 * 1024

Item = PageCapture | CheckOutcome
Outcome = IngestResult | OutcomeResult | Exception


class ArchivePipeline:
    """Write PageCapture / CheckOutcome items into the archive, a batch of them per transaction."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.run_id = crawler.settings.getint("DUCHA_RUN_ID") or None
        self.batch_size = max(1, crawler.settings.getint("DUCHA_WRITE_BATCH", 50))
        self.archive: Archive | None = None
        self._pending: list[tuple[Item, asyncio.Future[Outcome | DropItem]]] = []
        self._pending_chars = 0
        self._timer: asyncio.TimerHandle | None = None

    def open_spider(self) -> None:
        settings = self.crawler.settings
        self.archive = Archive(settings.get("DUCHA_DB"), warc_dir=warc_dir_for(settings),
                               search_batch=settings.getint("DUCHA_SEARCH_BATCH", 200),
                               max_pages=settings.getint("DUCHA_MAX_DB_PAGES"))
        self.crawler.spider.archive = self.archive

    def close_spider(self) -> None:
        if self.archive is not None:
            try:
                self.write_pending()  # a forced stop leaves items waiting: written and counted all the same
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

    async def process_item(self, item):
        if not isinstance(item, (PageCapture, CheckOutcome)):
            raise DropItem(f"not an archive item: {type(item).__name__}")
        if self.crawler.stats.get_value("ducha/disk_full"):  # the crawl is stopping: no write can succeed
            self.crawler.stats.inc_value("ducha/not_written_disk_full")
            raise DropItem(f"disk full: {item.url} not archived", log_level="DEBUG")
        loop = asyncio.get_running_loop()
        written: asyncio.Future[Outcome | DropItem] = loop.create_future()
        self._pending.append((item, written))
        self._pending_chars += _chars(item)
        if len(self._pending) >= self.batch_size or self._pending_chars >= WRITE_BATCH_CHARS:
            self.write_pending()
        elif self._timer is None:
            self._timer = loop.call_later(WRITE_BATCH_SECONDS, self.write_pending)
        result = await written
        if isinstance(result, DropItem):
            raise result
        return item

    def write_pending(self) -> None:
        """Write the waiting items in one transaction and hand each its result (or its exception)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._pending, self._pending_chars = self._pending, [], 0
        if not batch:
            return
        results: list[Outcome]
        try:  # the archive waits and retries while locked; what still fails is named in the run's summary
            if self.archive is None:
                raise ArchiveError("the archive is closed")
            results = self.archive.record_all([item for item, _ in batch], run_id=self.run_id)
        except (ArchiveError, sqlite3.Error, OSError) as exc:
            results = [exc] * len(batch)
        # counted here, with the commit: a forced stop may never resume the items waiting for it
        for (item, written), result in zip(batch, results):
            outcome: Outcome | DropItem
            if isinstance(result, Exception):
                outcome = self._dropped(item, result)
                outcome.__cause__ = result
            else:
                self._count(item.site_id, result)
                outcome = result
            if not written.done():
                written.set_result(outcome)

    def _dropped(self, item: Item, exc: Exception) -> DropItem:
        if stop_when_disk_full(self.crawler, exc, f"the archive ({item.url})"):
            return DropItem(f"disk full: {item.url} not archived", log_level="DEBUG")
        not_archived(self.crawler.stats, item.site_id, item.url, f"could not be written to the archive: {exc}")
        return DropItem(f"{item.url}: not archived: {exc}")

    def _count(self, site_id: str, result) -> None:
        stats = self.crawler.stats
        kind = result.kind
        stats.inc_value(f"ducha/events/{kind}")
        stats.inc_value(f"ducha/site/{site_id}/{kind}")
        if kind in ("new", "changed") or (kind == "restored" and result.version_id):
            stats.inc_value("ducha/versions_new")


def _chars(item: Item) -> int:
    """The text an item brings (its body and attachment texts)."""
    if not isinstance(item, PageCapture):
        return 0
    return len(item.body_text or "") + sum(len(a.text or "") for a in item.attachments)
