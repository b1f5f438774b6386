"""The archive pipeline: a posting the archive cannot take is named in the run's summary, never dropped silently."""
from __future__ import annotations

import asyncio
import sqlite3
from types import SimpleNamespace

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

import archive.store
from archive.models import PageCapture
from archive.store import Archive
from crawler.pipelines import ArchivePipeline
from crawler.runner import summarise

URL = "https://www.mee.gov.cn/dczg/202611/t20261120_1.shtml"


def capture(url: str = URL) -> PageCapture:
    """A minimal detail-page capture of the site ``mee``."""
    return PageCapture(site_id="mee", url=url, fetched_at="2026-11-23T09:00:00+08:00", http_status=200,
                       title="关于整改验收销号情况的公示", body_text="现予以公示。", publish_date="2026-11-20")


def test_a_posting_the_locked_archive_refuses_makes_the_run_partial_with_its_url(tmp_path, monkeypatch):
    """Another writer holding the lock past the busy timeout and the retries: the posting is counted as not
    archived with its URL and reason, the site fails and the run is partial (exit 1), the next posting goes in."""
    db = tmp_path / "archive.db"
    Archive(db).close()
    monkeypatch.setattr(archive.store, "WRITE_ATTEMPTS", 2)
    crawler = get_crawler(settings_dict={"DUCHA_DB": str(db), "DUCHA_RUN_ID": 0, "DUCHA_SEARCH_BATCH": 1,
                                         "DUCHA_WRITE_BATCH": 1})
    crawler.spider = SimpleNamespace()
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    pipeline.archive.conn.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(DropItem, match="not archived"):
        asyncio.run(pipeline.process_item(capture()))
    holder.execute("COMMIT")
    holder.close()
    asyncio.run(pipeline.process_item(capture(URL.replace("_1", "_2"))))
    pipeline.close_spider()

    stats = crawler.stats.get_stats()
    result = summarise(1, ["mee"], {**stats, "ducha/site/mee/entries": 2})
    assert result.status == "failed"  # its only site failed: exit 1 either way
    assert URL in result.failed["mee"] and "locked" in result.failed["mee"]
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT url FROM documents")] == [URL.replace("_1", "_2")]
    conn.close()


def pipeline_for(db, *, batch: int) -> ArchivePipeline:
    """An open archive pipeline writing ``batch`` items per transaction."""
    crawler = get_crawler(settings_dict={"DUCHA_DB": str(db), "DUCHA_RUN_ID": 0, "DUCHA_WRITE_BATCH": batch})
    crawler.spider = SimpleNamespace()
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def archived_urls(db) -> set[str]:
    """What another process sees in the archive: committed postings only."""
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT url FROM documents")}
    finally:
        conn.close()


def test_a_batch_counts_as_archived_only_once_it_is_committed(tmp_path):
    """Postings waiting for their batch are neither visible to readers nor counted (a crash loses nothing the run
    reported); the batch's last posting writes all of them at once, and each is counted."""
    db = tmp_path / "archive.db"
    pipeline = pipeline_for(db, batch=3)
    urls = [URL.replace("_1", f"_{n}") for n in range(1, 4)]

    async def crawl() -> None:
        waiting = [asyncio.ensure_future(pipeline.process_item(capture(u))) for u in urls[:2]]
        await asyncio.sleep(0)  # let both reach the pipeline's queue
        assert archived_urls(db) == set()
        assert pipeline.crawler.stats.get_value("ducha/site/mee/new") is None
        await pipeline.process_item(capture(urls[2]))
        await asyncio.gather(*waiting)

    asyncio.run(crawl())
    assert archived_urls(db) == set(urls)
    assert pipeline.crawler.stats.get_value("ducha/site/mee/new") == 3
    pipeline.close_spider()


def test_a_posting_that_fails_in_a_batch_leaves_the_others_archived(tmp_path, monkeypatch):
    """One posting the archive cannot take is rolled back alone: named as not archived, the rest of its batch kept."""
    db = tmp_path / "archive.db"
    pipeline = pipeline_for(db, batch=3)
    urls = [URL.replace("_1", f"_{n}") for n in range(1, 4)]
    real = archive.store._ingest.ingest

    def failing(conn, item, **kwargs):
        result = real(conn, item, **kwargs)  # written, then refused: the savepoint must undo it
        if item.url == urls[1]:
            raise sqlite3.IntegrityError("refused for the test")
        return result

    monkeypatch.setattr(archive.store._ingest, "ingest", failing)

    async def crawl() -> list:
        return await asyncio.gather(*(pipeline.process_item(capture(u)) for u in urls), return_exceptions=True)

    results = asyncio.run(crawl())
    pipeline.close_spider()
    assert isinstance(results[1], DropItem) and not isinstance(results[0], Exception)
    assert archived_urls(db) == {urls[0], urls[2]}
    stats = pipeline.crawler.stats.get_stats()
    assert stats["ducha/site/mee/new"] == 2
    assert [f["url"] for f in stats["ducha/site/mee/not_archived_urls"]] == [urls[1]]


def test_postings_waiting_when_the_crawl_is_forced_to_stop_are_written_and_counted(tmp_path):
    """A forced stop closes the pipeline while postings wait for their batch: they are written and counted at once,
    so the run's summary and the archive agree even though the waiting items never resume."""
    db = tmp_path / "archive.db"
    pipeline = pipeline_for(db, batch=50)
    urls = [URL.replace("_1", f"_{n}") for n in range(1, 3)]

    async def crawl() -> None:
        waiting = [asyncio.ensure_future(pipeline.process_item(capture(u))) for u in urls]
        await asyncio.sleep(0)  # both queued, their batch not yet due
        pipeline.close_spider()
        for task in waiting:
            task.cancel()

    asyncio.run(crawl())
    assert archived_urls(db) == set(urls)
    assert pipeline.crawler.stats.get_value("ducha/site/mee/new") == 2
