"""Script-driven list pages (issue 10), 40 postings per site, crawled by the real ``ducha crawl``.

jx-sthjt (jpaas ``/queryList``), cs-sthjj (Hunan's search API on api.hunan.gov.cn), gs-sthj (the
cNNNNNN shell with ``<meta name="channelId">`` and ``/common/search``), wx-sthjj (Hanweb with a
POST-only ``dataproxy.jsp`` behind a cookie challenge), bs-sthjj (an API no profile describes:
the generic browser fallback learns it) and ws-sthjj (rows only in inline script data, a button pager:
read from the rendered pages) must be archived completely and exactly.
"""
from __future__ import annotations

import sqlite3

import pytest

from archive.normalise import normalise_text
from tests.crawler.conftest import copy_crawl, make_sim_crawl, shared_day0_stats

pytestmark = pytest.mark.timeout(1200)  # six sites x 40 postings with a browser, on a shared 2-core machine
#: Every site's list takes several pages or calls (2 to 8 requests: wx-sthjj's 2 behind its challenge, ws-sthjj's
#: rendered pages 3, bs-sthjj's learned API 8) and every site shows all seven document types and the three attachment
#: kinds: the 40-posting manifest has every feature the 100-posting one has (100 and 200 showed no case more).
DOCS_PER_SITE = 40
PROFILED = ["jx-sthjt", "cs-sthjj", "gs-sthj", "wx-sthjj"]
ALL = [*PROFILED, "bs-sthjj", "ws-sthjj"]


@pytest.fixture(scope="module")
def script_day0(tmp_path_factory):
    """Day 0 of the script-driven sites, 40 postings each, one crawl."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("script"), docs_per_site=DOCS_PER_SITE, sites="script")
    result = crawl.crawl(0)
    yield crawl, crawl.manifest(0), result, crawl.server.stats()["sites"]
    crawl.server.close()


def _live(manifest: dict, site_id: str) -> dict[str, dict]:
    return {p["url"]: p for p in manifest["postings"] if p["site_id"] == site_id and p["status"] == "live"}


def test_the_run_succeeds(script_day0):
    crawl, _, result, _ = script_day0
    assert result.returncode == 0, result.stderr[-3000:]
    assert [r["status"] for r in crawl.query("SELECT status FROM runs")] == ["ok"]


@pytest.mark.parametrize("site_id", ALL)
def test_every_posting_archived_exactly(script_day0, site_id):
    crawl, manifest, _, _ = script_day0
    expected = _live(manifest, site_id)
    rows = crawl.query("SELECT d.url, d.title, d.publish_date, v.body_text FROM documents d "
                       "JOIN versions v ON v.id = d.current_version_id WHERE d.site_id = ?", (site_id,))
    got = {r["url"]: r for r in rows}
    assert len(expected) == DOCS_PER_SITE
    assert set(got) == set(expected), "recall and precision must both be 100%"
    assert [u for u in expected if got[u]["title"] != expected[u]["title"]] == []
    assert [u for u in expected if got[u]["publish_date"] != expected[u]["publish_date"]] == []
    assert [u for u in expected
            if normalise_text(got[u]["body_text"]) != normalise_text(expected[u]["body_text"])] == []


def test_the_apis_were_really_used(script_day0):
    _, _, result, stats = script_day0
    for site_id in ("jx-sthjt", "cs-sthjj", "gs-sthj", "bs-sthjj"):
        assert stats[site_id]["json"] >= DOCS_PER_SITE // 20, site_id
    assert stats["wx-sthjj"].get("fault_412", 0) >= 1, "the POST-only Hanweb site must have challenged us"
    assert "'ducha/site/bs-sthjj/delivery': 'learned_api'" in result.stderr
    assert "'ducha/site/ws-sthjj/delivery': 'rendered'" in result.stderr
    assert "WARNING ws-sthjj: its list came from a last-resort source" in result.stderr  # browser needed every run


@pytest.fixture(scope="module")
def learned_day0(tmp_path_factory):
    """Day 0 of bs-sthjj alone (40 postings; its list API learned with a browser; the session's copy, shared with
    test_script_faults): the crawl, its result and the simulated web's request counts for the site during it. Each
    test crawls on from a copy (``copy_crawl``)."""
    crawl, result, stats = shared_day0_stats(tmp_path_factory, tmp_path_factory.mktemp("learned"),
                                             "--site", "bs-sthjj", sites="script")
    yield crawl, result, stats["bs-sthjj"]
    crawl.server.close()


def test_second_run_walks_the_learned_api_without_a_browser(learned_day0, tmp_path):
    day0, first, stats_first = learned_day0
    crawl = copy_crawl(day0, tmp_path)
    try:
        second = crawl.crawl(1, "--site", "bs-sthjj")
        stats_second = crawl.server.stats()["sites"]["bs-sthjj"]
        assert (first.returncode, second.returncode) == (0, 0), second.stderr[-2000:]
        assert "'ducha/browser_launches': 1" in first.stderr
        assert "browser_launches" not in second.stderr and "renders" not in second.stderr
        assert "'ducha/site/bs-sthjj/learned_api_walks': 1" in second.stderr
        assert stats_first["list"] >= 1 and stats_second.get("list", 0) == 0, "the shell is not fetched again"
        live = _live(crawl.manifest(1), "bs-sthjj")
        got = {r["url"] for r in crawl.query("SELECT url FROM documents WHERE site_id = 'bs-sthjj' AND status = 'live'")}
        assert got == set(live)
        learned = crawl.query("SELECT delivery, uses, dropped_at FROM learned_lists WHERE site_id = 'bs-sthjj'")
        assert [dict(r) for r in learned] == [{"delivery": "learned_api", "uses": 1, "dropped_at": None}]
    finally:
        crawl.server.close()


def test_a_learned_api_that_stops_answering_is_learned_again(learned_day0, tmp_path):
    day0, first, _ = learned_day0
    assert first.returncode == 0, first.stderr[-2000:]
    crawl = copy_crawl(day0, tmp_path)
    try:
        conn = sqlite3.connect(crawl.db)
        conn.execute("UPDATE learned_lists SET recipe = replace(recipe, '/api/v2/notice/query', '/api/v1/gone')")
        conn.commit()
        conn.close()
        result = crawl.crawl(1, "--site", "bs-sthjj")
        assert result.returncode == 0, result.stderr[-2000:]
        assert "stopped answering" in result.stderr
        live = _live(crawl.manifest(1), "bs-sthjj")
        got = {r["url"] for r in crawl.query("SELECT url FROM documents WHERE site_id = 'bs-sthjj' AND status = 'live'")}
        assert got == set(live)
        assert crawl.query("SELECT count(*) AS n FROM events WHERE kind = 'removed'")[0]["n"] == len(
            [c for c in crawl.manifest(1)["changes"] if c["site_id"] == "bs-sthjj" and c["kind"] == "remove"])
    finally:
        crawl.server.close()
