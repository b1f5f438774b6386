"""Across levels on the simulated city web, over a real crawl of four portals and their province: close-outs of
a government portal, a district and a 发改委 that cite the province's numbering (省编号 / 序号) or — a
district's — the central inspection's numbering are linked to the provincial plan's task the manifest names;
close-outs whose plan is not archived (not posted, or no site serves it: 云南省) are orphans with their
reason; the counts per publishing body are the manifest's.  Exact, P = R = 1.0."""
from __future__ import annotations

import pytest

from archive.ledger import ledger_data
from simweb.ledger import only_sites, score
from tests.crawler.conftest import make_sim_crawl

pytestmark = pytest.mark.timeout(600)
PORTALS = ("my", "fc", "myfgw", "ql")  # 绵阳市人民政府, 涪城区 (district), 绵阳市发改委, 麒麟区 (云南省: no province site)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Day 0 of four portals' channels and 四川省生态环境厅, 30 postings each, crawled by the real ``ducha crawl``."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("city-levels"), docs_per_site=30, sites="city")
    manifest = crawl.manifest(0)
    sites = {s["id"] for s in manifest["sites"] if s["id"].split("-")[0] in PORTALS} | {"sc-sthjt"}
    result = crawl.crawl(0, *(x for site in sorted(sites) for x in ("--site", site)))
    yield crawl, {**manifest, "ledger": only_sites(manifest["ledger"], sites)}, result
    crawl.server.close()


def test_city_and_district_closeouts_link_to_the_provincial_plan_exactly(crawled):
    crawl, manifest, result = crawled
    assert result.returncode == 0, result.stderr[-3000:]
    scored = score(manifest["ledger"], ledger_data(crawl.db, as_of=manifest["date"]))
    for kind in ("plans", "closure_links", "cross_level_links", "orphan_closeouts", "closeouts", "publishers"):
        assert (scored[kind]["precision"], scored[kind]["recall"]) == (1.0, 1.0), (kind, scored[kind])
    assert scored["tasks"]["all"]["recall"] == scored["tasks"]["all"]["precision"] == 1.0
    for kind, pr in scored["cross_level_by_citation"].items():  # 省编号 and the central inspection's numbering
        assert pr["expected"] > 0 and (pr["precision"], pr["recall"]) == (1.0, 1.0), kind
    assert set(scored["orphans_by_reason"]) == {"plan_not_posted", "no_site_serves_the_plan"}
    assert all(pr["expected"] > 0 and pr["recall"] == 1.0 for pr in scored["orphans_by_reason"].values())


def test_a_district_citing_the_central_numbering_closes_the_provinces_task(crawled):
    crawl, manifest, _ = crawled
    truth = sorted((p["url"], t["number"], c["url"]) for p in manifest["ledger"]["plans"] if p["status"] == "live"
                   for t in p["tasks"] for c in t["closures"]
                   if c["status"] == "live" and c["url"].startswith("http://www.fc.gov.cn/") and c["cross_level"])
    got = crawl.query("SELECT p.url AS plan, t.number, d.url AS notice, d.title FROM task_links l"
                      " JOIN tasks t ON t.id = l.task_id JOIN plans p ON p.id = t.plan_id"
                      " JOIN documents d ON d.id = l.document_id WHERE l.kind = 'closure' AND l.status = 'confirmed'"
                      " AND d.url LIKE 'http://www.fc.gov.cn/%' AND p.site_id = 'sc-sthjt'")
    assert truth and sorted((r["plan"], r["number"], r["notice"]) for r in got) == truth
    assert any("中央" in r["title"] and "省编号" not in r["title"] and "序号" not in r["title"] for r in got)


def test_orphans_name_their_reason_and_the_scorecard_counts_per_city(crawled):
    crawl, manifest, _ = crawled
    data = ledger_data(crawl.db, as_of=manifest["date"])
    yunnan = [o for o in data["orphan_closeouts"] if o["url"].startswith("http://www.ql.gov.cn/")]
    assert yunnan and all("云南省" in o["reason"] for o in yunnan)
    city = {"sc": "四川省", "ql": "云南省曲靖市"}
    expected: dict[str, list[int]] = {}
    for c in manifest["ledger"]["closeouts"]:
        if c["status"] == "live":
            row = expected.setdefault(city.get(c["site_id"].split("-")[0], "四川省绵阳市"), [0, 0])
            row[0] += 1
            row[1] += c["cross_level"] and c["orphan"] is None
    assert {r["city"]: [r["closeouts"], r["cross_level"]] for r in data["closeouts_by_city"]} == expected
    assert expected["云南省曲靖市"][1] == 0 < expected["四川省绵阳市"][1]


def test_plans_are_linked_to_feedback_naming_the_provincial_group(crawled):
    """A feedback titled 省第N生态环境保护督察组向…反馈督察情况 (a group number, the round only in its body's
    第二轮省级… sentence) is the 督察反馈 of the region's plan of that provincial round."""
    crawl, manifest, _ = crawled
    region = {"sc": "四川省", "ql": "云南省曲靖市麒麟区", "fc": "四川省绵阳市涪城区"}
    feedback: dict[tuple[str, str], set[str]] = {}
    for r in crawl.query("SELECT d.url, d.site_id, d.title, v.body_text FROM documents d JOIN versions v"
                         " ON v.id = d.current_version_id WHERE d.doc_type = 'inspection_feedback'"):
        if r["title"].startswith("省第") and "督察组" in r["title"]:
            rnd = r["body_text"].split("轮省级", 1)[0][-2:] + "轮"
            feedback.setdefault((region.get(r["site_id"].split("-")[0], "四川省绵阳市"), rnd), set()).add(r["url"])
    plans = [p for p in ledger_data(crawl.db, as_of=manifest["date"])["plans"] if "轮省级" in p["title"]]
    linked = [p for p in plans if (p["region"], p["title"].split("贯彻落实", 1)[1][:3]) in feedback]
    assert linked and all(p["feedback_url"] in feedback[(p["region"], p["title"].split("贯彻落实", 1)[1][:3])]
                          for p in linked)
