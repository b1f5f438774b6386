"""Every canned query, feed and page on an archive built by the real ``ducha crawl`` against the simulated web."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from datasette.app import Datasette

from archive.web.metadata import canned_queries
from tests.crawler.conftest import make_sim_crawl
from tests.web.conftest import METADATA, SETTINGS

QUERIES = sorted(canned_queries())
PARAMS = {"search": {"q": "销号"}}
FEEDS = [name for name in QUERIES if name.startswith("feed_")]
#: The simulated web starts on a fixed date, so every objection window has closed by "today".
MAY_BE_EMPTY = {"open_gongshi"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An archive from three simulated days (0..2) crawled by the real ``ducha crawl`` process."""
    sim = make_sim_crawl(tmp_path_factory.mktemp("real"), docs_per_site=10)
    try:
        for day in range(3):
            result = sim.crawl(day)
            assert result.returncode == 0, result.stderr[-2000:]
    finally:
        sim.server.close()
    return sim.db


@pytest.fixture(scope="module")
def real_get(crawled: Path) -> Iterator[Callable[..., httpx.Response]]:
    """GET a path from Datasette over the crawled archive, configured as ``ducha serve`` does."""
    ds = Datasette([str(crawled)], metadata=json.loads(METADATA.read_text(encoding="utf-8")), settings=SETTINGS)
    loop = asyncio.new_event_loop()
    yield lambda path, **kw: loop.run_until_complete(ds.client.get(path, **kw))
    loop.close()


def _rows(real_get: Callable[..., httpx.Response], name: str, **params: str) -> list[dict]:
    response = real_get(f"/archive/{name}.json", params={**PARAMS.get(name, {}), **params, "_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


def _sql(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("name", QUERIES)
def test_every_canned_query_answers_with_rows(name, real_get):
    assert _rows(real_get, name) or name in MAY_BE_EMPTY, f"{name} is empty on a real crawl"
    assert real_get(f"/archive/{name}", params=PARAMS.get(name, {})).status_code == 200


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_is_atom_with_entries(name, real_get):
    response = real_get(f"/archive/{name}.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    assert response.text.count("<entry>") >= 1


def test_removed_lists_exactly_the_removed_documents(real_get, crawled):
    expected = {row[0] for row in _sql(crawled, "SELECT id FROM documents WHERE status = 'removed'")}
    found = _rows(real_get, "removed")
    assert expected and {r["document_link"] for r in found} == expected
    assert all(r["删除时间"] and r["在线天数"] is not None and r["原因"] for r in found)
    phrases = {"页面不存在（404）", "页面已删除（410）", "页面显示“不存在”", "跳转到首页"}
    assert {r["原因"] for r in found} <= phrases


def test_changes_lists_exactly_the_changed_events(real_get, crawled):
    expected = _sql(crawled, "SELECT document_id, at FROM events WHERE kind = 'changed'")
    found = _rows(real_get, "changes")
    assert expected and sorted((r["document_link"], r["改动时间"]) for r in found) == sorted(expected)
    assert all("<ins>" in r["改动摘要"] or "<del>" in r["改动摘要"] for r in found)


def test_backdating_and_open_gongshi_follow_the_timeliness_table(real_get, crawled):
    backdated = {row[0] for row in _sql(crawled, "SELECT document_id FROM timeliness WHERE backdated = 1")}
    assert {r["document_link"] for r in _rows(real_get, "backdating")} == backdated
    today = _sql(crawled, "SELECT date('now', '+8 hours')")[0][0]
    open_windows = {row[0] for row in _sql(
        crawled, f"SELECT document_id FROM timeliness WHERE objection_end >= '{today}'")}
    assert {r["document_link"] for r in _rows(real_get, "open_gongshi")} == open_windows


def test_site_health_has_every_site_ok(real_get, crawled):
    sites = {row[0] for row in _sql(crawled, "SELECT id FROM sites")}
    found = {r["site_id"]: r for r in _rows(real_get, "site_health")}
    assert set(found) == sites
    assert {r["last_run_outcome"] for r in found.values()} == {"ok"}


def test_document_page_of_a_changed_posting_shows_an_inline_diff(real_get, crawled):
    (document_id,) = _sql(crawled, "SELECT document_id FROM events WHERE kind = 'changed' ORDER BY id LIMIT 1")[0]
    html = real_get(f"/-/ducha/document/{document_id}").text
    assert "<ins>" in html or "<del>" in html
    assert "时效 Timeliness" in html


def test_evidence_links_answer(real_get, crawled):
    (document_id, version_id) = _sql(
        crawled, "SELECT d.id, d.current_version_id FROM documents d JOIN events e ON e.document_id = d.id"
                 " WHERE e.kind = 'removed' LIMIT 1")[0]
    manifest = real_get(f"/-/ducha/evidence/{document_id}.json").json()
    assert manifest["versions"] and any(c["outcome"] == "removed" for c in manifest["checks"])
    record = real_get(f"/-/ducha/warc/{version_id}")
    assert record.status_code == 200 and record.content[:2] == b"\x1f\x8b"


def test_home_page_shows_todays_figures(real_get, crawled):
    html = real_get("/").text
    removed = _sql(crawled, "SELECT count(*) FROM documents WHERE status = 'removed'")[0][0]
    assert f"<strong>{removed}</strong> 已删除 removed" in html
