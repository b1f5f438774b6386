"""Daily runs against the simulated web re-check only what can change (policy: ``archive.recheck``).

Two sites of 40 postings: a first crawl, an unchanged re-run the same day, then simulated days 1 and 2.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from tests.crawler.conftest import START, make_sim_crawl

SITES = ("mee", "sc-sthjt")
LIST_KINDS = ("robots", "list", "json")


def _requests(crawl) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in crawl.server.stats()["sites"].values():
        for kind, n in counts.items():
            totals[kind] = totals.get(kind, 0) + n
    return totals


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The SimCrawl, the simulated web's request counts of each run (first, re-run, day 1, day 2), and the
    postings whose 公示 window was open after the first crawl."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("recheck"), docs_per_site=40)
    counts = []
    for day in (0, 0, 1, 2):
        crawl.server.reset_stats()
        result = crawl.crawl(day, *(arg for site in SITES for arg in ("--site", site)))
        assert result.returncode == 0, result.stderr[-2000:]
        counts.append(_requests(crawl))
        if len(counts) == 1:  # windows open today, or closed yesterday (one more run)
            open_windows = crawl.query("SELECT count(*) AS n FROM documents WHERE objection_end >= ?",
                                       ((START - timedelta(days=1)).isoformat(),))[0]["n"]
    yield crawl, counts, open_windows
    crawl.server.close()


def _checked(crawl, run_id: int) -> set[str]:
    return {r["url"] for r in crawl.query("SELECT d.url FROM checks c JOIN documents d ON d.id = c.document_id "
                                          "WHERE c.run_id = ?", (run_id,))}


def test_an_unchanged_rerun_fetches_the_lists_and_the_open_windows_only(runs):
    _, (first, rerun, _, _), open_windows = runs
    assert first["detail"] >= 80 and first["attachment"] > 0  # the first crawl fetched everything
    assert rerun.get("attachment", 0) == 0
    assert rerun.get("detail", 0) == rerun.get("not_modified", 0) == open_windows
    assert rerun["total"] == sum(first.get(k, 0) for k in LIST_KINDS) + open_windows


def test_the_arrivals_of_a_day_are_rechecked_the_next_day(runs):
    crawl, _, _ = runs
    arrivals = {c["url"] for c in crawl.world.manifest(1, hashes=False)["changes"]
                if c["kind"] == "new" and c["site_id"] in SITES}
    assert arrivals and arrivals <= _checked(crawl, 3)
    live_on_day_2 = {p["url"] for p in crawl.world.manifest(2, hashes=False)["postings"] if p["status"] == "live"}
    assert arrivals & live_on_day_2 <= _checked(crawl, 4)


@pytest.mark.parametrize("day", [1, 2])
def test_every_removal_is_recorded_the_run_it_leaves_the_list(runs, day):
    crawl, _, _ = runs
    removed = {c["url"] for c in crawl.world.manifest(day, hashes=False)["changes"]
               if c["kind"] == "remove" and c["site_id"] in SITES}
    recorded = {r["url"] for r in crawl.query("SELECT d.url FROM events e JOIN documents d ON d.id = e.document_id "
                                              "WHERE e.run_id = ? AND e.kind = 'removed'", (day + 2,))}
    assert removed and recorded == removed


def test_a_day_fetches_a_small_share_of_the_history(runs):
    _, (first, _, day1, day2), _ = runs
    for counts in (day1, day2):
        assert counts["detail"] < first["detail"] // 3
        assert counts.get("attachment", 0) < first["attachment"] // 3
