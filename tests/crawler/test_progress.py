"""The operator's progress display: numbers from Scrapy's stats, a live table at a terminal."""
from __future__ import annotations

import re

from rich.console import Console

from crawler.progress import overall, probe_progress, progress_lines, progress_table
from tests.crawler.conftest import make_sim_crawl

STATS = {"ducha/site/mee/list_pages": 3, "ducha/site/mee/entries": 40, "ducha/site/mee/details": 12,
         "ducha/site/mee/new": 10, "ducha/site/mee/changed": 1, "ducha/site/mee/not_modified": 1,
         "ducha/site/mee/list_errors": 1, "downloader/request_count": 60,
         "scheduler/enqueued": 90, "scheduler/dequeued": 60}


def test_progress_lines_count_found_fetched_archived_and_errors():
    (line,) = progress_lines(STATS, ["mee"])
    assert (line.found, line.fetched, line.archived, line.errors) == (40, 12, 12, 1)


def test_rate_and_eta_come_from_the_requests_done_and_still_queued():
    total = overall(STATS, elapsed_s=30.0)
    assert (total.requests, total.rate, total.queued) == (60, 2.0, 30)
    assert total.eta_s == 15.0
    assert overall({}, elapsed_s=5.0).eta_s is None  # nothing done yet: no ETA is invented


def test_the_table_shows_every_site_and_the_eta():
    console = Console(record=True, width=140, force_terminal=False)
    console.print(progress_table(progress_lines(STATS, ["mee", "sc-sthjt"]), overall(STATS, 30.0)))
    text = console.export_text()
    assert re.search(r"mee\s+│\s+3\s+│\s+40\s+│\s+12\s+│\s+12\b", text)
    assert "sc-sthjt" in text and "2.0 req/s" in text and "30 queued" in text and "ETA 15 s" in text


def test_a_real_crawl_shows_the_table_with_the_final_counts(tmp_path):
    crawl = make_sim_crawl(tmp_path, docs_per_site=10)
    try:
        done = crawl.crawl(0, "-s", "DUCHA_PROGRESS=table", "--site", "mee")
    finally:
        crawl.server.close()
    assert done.returncode == 0, done.stderr[-2000:]
    listed = sum(1 for p in crawl.manifest(0)["postings"] if p["site_id"] == "mee" and p["status"] == "live")
    row = re.search(r"mee\s+│\s+(\d+)\s+│\s+(\d+)\s+│\s+(\d+)\s+│\s+(\d+)\s+│\s+(\d+)", done.stderr)
    assert row, done.stderr[-2000:]
    assert int(row.group(2)) == listed and int(row.group(4)) == listed and int(row.group(5)) == listed


def test_probe_progress_counts_start_urls_and_names_the_last_site():
    from types import SimpleNamespace

    console = Console(record=True, width=140, force_terminal=False)
    with probe_progress(3, enabled=True, console=console) as tick:
        tick(SimpleNamespace(site="mee", status="ok", postings=20))
        tick(SimpleNamespace(site="jx-sthjt", status="empty", postings=0))
    text = console.export_text()
    assert "2/3" in text and "jx-sthjt empty (0)" in text
    with probe_progress(3, enabled=False) as tick:  # not a terminal: nothing drawn, the callback still works
        assert tick(SimpleNamespace(site="x", status="ok", postings=1)) is None
