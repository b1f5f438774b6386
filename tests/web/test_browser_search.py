"""A reader in headless Chromium: searches one province over a date range, reads the true total, clicks 下一页
to the last page and downloads the CSV with every match (Datasette in a subprocess, as ``ducha serve`` runs it)."""
from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.models import PageCapture
from archive.store import Archive
from tests.web.browser import MISSING, chromium_path, serve

SINCE, UNTIL = "2026-02-01", "2026-10-31"


def _build(path: Path) -> None:
    """Two provinces, 60 postings each dated through 2026; every third posting is a 公示."""
    with Archive(path) as archive:
        archive.upsert_sites([{"id": "sc", "name": "四川省生态环境厅", "region": "四川省"},
                              {"id": "js", "name": "江苏省生态环境厅", "region": "江苏省"}])
        for site in ("sc", "js"):
            for i in range(60):
                day = f"2026-{1 + i // 5:02d}-{1 + i % 5 * 5:02d}"
                title = f"关于第{i}项整改任务{'验收销号的公示' if i % 3 else '的通知'}"
                archive.ingest(PageCapture(site_id=site, url=f"https://{site}.example/{i}.html",
                                           fetched_at="2026-11-23T09:00:00+08:00", http_status=200, title=title,
                                           body_text=f"正文{i}。", publish_date=day))


def _expected(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute(
            "SELECT id FROM documents WHERE site_id = 'sc' AND title LIKE '%公示%' AND publish_date BETWEEN ? AND ?"
            " ORDER BY id DESC", (SINCE, UNTIL))]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[int]]]:
    """``ducha serve`` over the two-province archive: (base URL, the ids the search must find, newest first)."""
    if chromium_path() is None:
        pytest.fail(MISSING)
    path = tmp_path_factory.mktemp("browser-search") / "archive.db"
    _build(path)
    with serve(path) as url:
        yield url, _expected(path)


def test_search_a_province_and_dates_to_the_last_page_and_the_full_csv(site, tmp_path):
    from playwright.sync_api import sync_playwright

    url, expected = site
    assert len(expected) > 20  # more than one page
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_context(accept_downloads=True).new_page()
            page.goto(url + "/archive/search?q=公示")
            page.select_option("select[name=region]", "四川省")
            assert page.get_attribute("input[name=until]", "type") == "date"
            page.fill("input[name=since]", SINCE)
            page.fill("input[name=until]", UNTIL)
            page.click("input[type=submit]")
            page.wait_for_load_state()
            heading = page.inner_text("h3")
            assert f"共 {len(expected)} 条，第 1 / 2 页" in heading, heading
            seen: list[int] = []
            while True:
                seen += [int(h.rsplit("/", 1)[-1]) for h in page.eval_on_selector_all(
                    "td a.ducha-doc", "links => links.map(a => a.getAttribute('href'))")]
                if not page.query_selector("nav.ducha-pager a.ducha-next"):
                    break
                page.click("nav.ducha-pager a.ducha-next")
                page.wait_for_load_state()
            assert "第 2 / 2 页" in page.inner_text("h3")
            assert seen == expected
            with page.expect_download() as download:
                page.click("a.ducha-csv")
            saved = tmp_path / "search.csv"
            download.value.save_as(saved)
        finally:
            browser.close()
    data = saved.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [int(r["document_link"]) for r in rows] == expected
