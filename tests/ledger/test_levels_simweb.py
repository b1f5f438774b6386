"""Across levels on the simulated web, over a real crawl: a city close-out citing the province's numbering
(省编号第N号 / （序号十） / 整改任务(序号三)) is linked to the task of the provincial plan the manifest says it
closes; close-outs whose plan the crawl does not hold are listed as orphans, exactly."""
from __future__ import annotations

import pytest

from archive.ledger import ledger_data
from simweb.ledger import only_sites, score
from tests.crawler.conftest import make_sim_crawl

SITES = ("hn-sthjt", "cs-sthjj")  # 湖南省生态环境厅 and 长沙市生态环境局 (its city)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Day 0 of the province and one of its cities, 80 postings each, crawled by the real ``ducha crawl``."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("levels"), docs_per_site=80, sites="all")
    result = crawl.crawl(0, *(x for site in SITES for x in ("--site", site)))
    manifest = crawl.manifest(0)
    yield crawl, {**manifest, "ledger": only_sites(manifest["ledger"], set(SITES))}, result
    crawl.server.close()


def test_city_closeout_citing_province_numbering_links_to_the_provincial_task(crawled):
    crawl, manifest, result = crawled
    assert result.returncode == 0, result.stderr[-3000:]
    truth = [(p["url"], t["number"], c["url"]) for p in manifest["ledger"]["plans"] if p["status"] == "live"
             for t in p["tasks"] for c in t["closures"] if c["cross_level"] and c["status"] == "live"]
    assert truth, "the manifest names a city close-out of a provincial plan's task"
    got = crawl.query("SELECT p.url AS plan, t.number, d.url AS notice, d.title, v.body_text FROM task_links l"
                      " JOIN tasks t ON t.id = l.task_id JOIN plans p ON p.id = t.plan_id"
                      " JOIN documents d ON d.id = l.document_id JOIN versions v ON v.id = d.current_version_id"
                      " WHERE l.kind = 'closure' AND l.status = 'confirmed' AND d.site_id = 'cs-sthjj'"
                      " AND p.site_id = 'hn-sthjt'")
    assert sorted((r["plan"], r["number"], r["notice"]) for r in got) == sorted(truth)
    assert all(f"省编号第{r['number']}号" in r["body_text"] for r in got)


def test_links_and_orphans_exact_across_levels(crawled):
    crawl, manifest, _ = crawled
    result = score(manifest["ledger"], ledger_data(crawl.db, as_of=manifest["date"]))
    assert (result["missed_links"], result["wrong_links"]) == ([], [])
    assert result["cross_level_links"]["expected"] > 0
    assert (result["cross_level_links"]["precision"], result["cross_level_links"]["recall"]) == (1.0, 1.0)
    assert result["orphan_closeouts"]["expected"] > 0
    assert (result["missed_orphans"], result["wrong_orphans"]) == ([], [])
