"""The archive pipeline: a posting the archive cannot take is named in the run's summary, never dropped silently."""
from __future__ import annotations

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
    crawler = get_crawler(settings_dict={"DUCHA_DB": str(db), "DUCHA_RUN_ID": 0, "DUCHA_SEARCH_BATCH": 1})
    crawler.spider = SimpleNamespace()
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    pipeline.archive.conn.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(DropItem, match="not archived"):
        pipeline.process_item(capture())
    holder.execute("COMMIT")
    holder.close()
    pipeline.process_item(capture(URL.replace("_1", "_2")))
    pipeline.close_spider()

    stats = crawler.stats.get_stats()
    result = summarise(1, ["mee"], {**stats, "ducha/site/mee/entries": 2})
    assert result.status == "failed"  # its only site failed: exit 1 either way
    assert URL in result.failed["mee"] and "locked" in result.failed["mee"]
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT url FROM documents")] == [URL.replace("_1", "_2")]
    conn.close()
