"""Script-driven sites that break: an API that breaks off mid-walk loses nothing and the run says which site
and why; rows found only in an HTML comment are a last resort with a warning.

The three plain-HTTP sites share one day-0 crawl (each test walks on from a copy); bs-sthjj, whose list is learned
in a browser, walks on from a copy of the session's bs-sthjj day 0 (shared with test_script_sites). A module apart
from test_script_days, so that xdist's ``--dist loadscope`` runs it beside that module's crawls instead of after it.
"""
from __future__ import annotations

import pytest

from tests.crawler.conftest import copy_crawl, make_sim_crawl, shared_day0_stats

pytestmark = pytest.mark.timeout(600)
PLAIN_HTTP = ["jx-sthjt", "cs-sthjj", "gs-sthj"]
FAST_RETRIES = ("-s", "DUCHA_RETRY_BACKOFF_BASE=0.05")  # the 500s retried without a real site's waits (7.5 s each)


@pytest.fixture(scope="module")
def plain_day0(tmp_path_factory):
    """Day 0 of the three plain-HTTP script sites (40 postings each), one crawl, and its result."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("plain"), docs_per_site=40, sites="script")
    result = crawl.crawl(0, *(arg for site_id in PLAIN_HTTP for arg in ("--site", site_id)))
    yield crawl, result
    crawl.server.close()


@pytest.mark.parametrize("site_id", [*PLAIN_HTTP, "bs-sthjj"])
def test_an_api_failing_mid_walk_removes_nothing(plain_day0, tmp_path_factory, tmp_path, site_id):
    if site_id in PLAIN_HTTP:
        day0, first = plain_day0
        crawl = copy_crawl(day0, tmp_path)
        assert "ducha/browser_launches" not in first.stderr  # plain-HTTP sites never start a browser
    else:
        crawl, first, _ = shared_day0_stats(tmp_path_factory, tmp_path, "--site", site_id, sites="script")
    try:
        assert first.returncode == 0, first.stderr[-2000:]
        crawl.server.set_fault(site_id, "api-fails")  # page 1 answers, every later page is a 500
        result = crawl.crawl(1, "--site", site_id, *FAST_RETRIES)
        assert crawl.server.stats()["sites"][site_id].get("fault_api_500", 0) >= 1
        removed_now = {c["url"] for c in crawl.manifest(1)["changes"] if c["kind"] == "remove"}
        got = {r["url"] for r in crawl.query("SELECT d.url FROM events e JOIN documents d ON d.id = e.document_id "
                                             "WHERE e.run_id = 2 AND e.kind = 'removed'")}
        assert got <= removed_now, "a posting the broken walk did not reach must not be taken for removed"
        assert f"{site_id}: list page" in result.stderr and "answered 500" in result.stderr
        assert "list walk incomplete" in result.stderr
    finally:
        crawl.server.close()


def test_comment_hidden_rows_are_a_last_resort_with_a_warning(tmp_path):
    crawl = make_sim_crawl(tmp_path, docs_per_site=40, sites="script")
    try:
        crawl.server.set_fault("gs-sthj", "layout-broken")  # /common/search answers no rows
        result = crawl.crawl(1, "--site", "gs-sthj")
        assert result.returncode == 0, result.stderr[-2000:]
        assert "WARNING gs-sthj: its list came from a last-resort source" in result.stderr
        assert "rows hidden in an HTML comment" in result.stderr
        stale = {e.url for e in crawl.world.list_entries("gs-sthj", 0)[:20]}  # the comment holds yesterday's page 1
        live_today = {p["url"]: p for p in crawl.manifest(1)["postings"] if p["site_id"] == "gs-sthj"
                      and p["status"] == "live"}
        got = {r["url"]: r["title"] for r in crawl.query("SELECT url, title FROM documents WHERE status = 'live'")}
        assert set(got) == stale & set(live_today)
        assert all(got[u] == live_today[u]["title"] for u in got)
    finally:
        crawl.server.close()
