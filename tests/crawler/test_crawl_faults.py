"""Faults of the simulated web: flaky servers lose nothing; blocks are never removals."""
from __future__ import annotations

import pytest

from tests.crawler.conftest import SimCrawl, make_sim_crawl, shared_day0
from tests.crawler.test_crawl_days import expected_events, recorded_events

# retries without the waits of a real site: backoff from 0.05 s, a Retry-After (1 s here) cut to 0.05 s
FAST_RETRIES = ("-s", "DUCHA_RETRY_BACKOFF_BASE=0.05", "-s", "DUCHA_RETRY_AFTER_MAX=0.05", "-s", "RETRY_TIMES=6")


@pytest.fixture
def fresh_web(tmp_path):
    """A fresh simulated web at 21 postings per site (every list two pages or more: no family shows more than 20 a
    page; day 1's changes per site the same kinds, removal styles and replaced attachments as at 30 and 40) and an
    empty archive."""
    crawl = make_sim_crawl(tmp_path, docs_per_site=21)
    yield crawl
    crawl.server.close()


def test_flaky_sites_two_runs_miss_nothing_and_remove_nothing_wrongly(fresh_web):
    sim_crawl = fresh_web
    sim_crawl.server.set_fault("all", "flaky")
    results = [sim_crawl.crawl(day, "--full", *FAST_RETRIES) for day in (0, 1)]
    assert [r.returncode for r in results] == [0, 0], results[-1].stderr[-3000:]
    stats = sim_crawl.server.stats()["sites"]
    faults = sum(v for s in stats.values() for k, v in s.items() if k.startswith("fault_"))
    assert faults > 50, "the flaky profile must really have been exercised"
    for day in (0, 1):
        got = {k: v for k, v in recorded_events(sim_crawl, run_id=day + 1).items() if v}
        assert got == {k: v for k, v in expected_events(sim_crawl.manifest(day)).items() if v}
    live = {p["url"] for p in sim_crawl.manifest(1)["postings"] if p["status"] == "live"}
    archived_live = {r["url"] for r in sim_crawl.query("SELECT url FROM documents WHERE status = 'live'")}
    assert archived_live == live


@pytest.fixture
def day0_copy(tmp_path_factory, tmp_path):
    """A copy of the session's day-0 crawl (40 postings per site, classic sites) and its simulated web."""
    crawl, day0 = shared_day0(tmp_path_factory, tmp_path)
    assert day0.returncode == 0, day0.stderr[-2000:]
    yield crawl
    crawl.server.close()


def test_challenge_and_block_are_unreachable_never_removed(day0_copy: SimCrawl):
    day0_copy.server.set_fault("hb-sthjt", "challenge")
    day0_copy.server.set_fault("gd-gdee", "blocked")
    result = day0_copy.crawl(0, "--full")
    assert result.returncode == 1
    assert "FAILED hb-sthjt" in result.stderr and "FAILED gd-gdee" in result.stderr
    assert "FAILED mee" not in result.stderr
    rows = day0_copy.query("SELECT d.site_id, d.status, count(*) AS n FROM documents d "
                           "WHERE d.site_id IN ('hb-sthjt', 'gd-gdee') GROUP BY d.site_id, d.status")
    assert {(r["site_id"], r["status"]) for r in rows} == {("hb-sthjt", "unreachable"), ("gd-gdee", "unreachable")}
    assert day0_copy.query("SELECT count(*) AS n FROM events WHERE kind = 'removed'")[0]["n"] == 0
    blocked = day0_copy.query("SELECT count(*) AS n FROM checks WHERE outcome = 'blocked'")[0]["n"]
    assert blocked == 80
    assert day0_copy.query("SELECT status FROM runs ORDER BY id DESC LIMIT 1")[0]["status"] == "partial"


def test_broken_layout_fails_the_site_loudly(day0_copy: SimCrawl):
    day0_copy.server.set_fault("js-sthjt", "layout-broken")
    result = day0_copy.crawl(1, "--site", "js-sthjt")  # the claim is about that site alone
    assert result.returncode == 1
    assert "FAILED js-sthjt: no postings found" in result.stderr
    removed = {r["url"] for r in day0_copy.query("SELECT url FROM documents WHERE site_id = 'js-sthjt' "
                                                 "AND status = 'removed'")}
    really_removed = {p["url"] for p in day0_copy.manifest(1)["postings"]
                      if p["site_id"] == "js-sthjt" and p["status"] == "removed"}
    assert removed <= really_removed, "an empty list must not make postings look removed"
