"""Script-driven sites that break: an API that breaks off mid-walk loses nothing and the run says which site
and why; rows found only in an HTML comment are a last resort with a warning.

Each test crawls its own small simulated web (a module apart from test_script_days, so that xdist's
``--dist loadscope`` runs it beside that module's six-day crawl instead of after it).
"""
from __future__ import annotations

import pytest

from tests.crawler.conftest import make_sim_crawl

pytestmark = pytest.mark.timeout(600)


@pytest.mark.parametrize("site_id", ["jx-sthjt", "cs-sthjj", "gs-sthj", "bs-sthjj"])
def test_an_api_failing_mid_walk_removes_nothing(tmp_path, site_id):
    crawl = make_sim_crawl(tmp_path, docs_per_site=40, sites="script")
    try:
        first = crawl.crawl(0, "--site", site_id)
        assert first.returncode == 0
        if site_id != "bs-sthjj":  # plain-HTTP sites never start a browser
            assert "ducha/browser_launches" not in first.stderr
        crawl.server.set_fault(site_id, "api-fails")  # page 1 answers, every later page is a 500
        result = crawl.crawl(1, "--site", site_id)
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
