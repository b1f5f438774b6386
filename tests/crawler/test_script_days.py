"""Script-driven sites over simulated days 0→3 (``DAYS``): events equal the manifest (their faults: test_script_faults)."""
from __future__ import annotations

import pytest

from tests.crawler.conftest import make_sim_crawl
from tests.crawler.test_crawl_days import DAYS, expected_events, recorded_events

pytestmark = pytest.mark.timeout(1200)  # four crawls of six sites, one behind a challenge, on a shared machine


@pytest.fixture(scope="module")
def script_days(tmp_path_factory):
    """Days 0..3 of the script-driven sites, 21 postings each (every list two pages or more: no list or API shows
    more than 20 a page, ws-sthjj's 12 a page through its button pager; each day's changes those of 30 and 40:
    every site every kind), crawled with --full."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("script-days"), docs_per_site=21, sites="script")
    results = [crawl.crawl(day, "--full") for day in range(DAYS)]
    yield crawl, results
    crawl.server.close()


def test_every_daily_run_succeeds(script_days):
    _, results = script_days
    assert [r.returncode for r in results] == [0] * DAYS, results[-1].stderr[-2000:]


@pytest.mark.parametrize("day", range(DAYS))
def test_events_equal_the_manifest_changes(script_days, day):
    crawl, _ = script_days
    expected = expected_events(crawl.manifest(day))
    got = recorded_events(crawl, run_id=day + 1)
    for kind in ("new", "changed", "removed", "restored", "unreachable"):
        assert got[kind] == expected[kind], kind
    if day:
        assert all(expected[k] for k in ("new", "changed", "removed"))
