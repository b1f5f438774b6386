"""The city web's ledger truth (simweb.ledger with simweb.portals): who publishes which plan, and which plan each
close-out of a city, district or department site closes, citing whose numbering."""
from __future__ import annotations

from datetime import date

import pytest

from simweb.ledger import plan_for
from simweb.portals import plan_owner
from simweb.world import World


@pytest.fixture(scope="module")
def city():
    """The city web's manifest (30 postings per site) and its world."""
    world = World(seed=1, docs_per_site=30, start_date=date(2026, 11, 2), sites="city")
    return world, world.manifest(0, hashes=False)


def _posting(world, site_id, url):
    return next(v for key in world.keys(site_id, 0) if (v := world.doc_view(site_id, key, 0)) and v.url == url)


def test_a_department_reposts_its_citys_plan_and_a_district_answers_provincial_rounds(city):
    _, manifest = city
    assert plan_owner("myfgw-tzgg") == plan_owner("my-dczg") == "my-portal" and plan_owner("fc-dczg") == "fc-portal"
    assert plan_owner("sc-sthjt") == "sc-sthjt"
    assert plan_for(1, "myfgw-tzgg", "第二轮中央生态环境保护督察") == plan_for(1, "my-hpgs", "第二轮中央生态环境保护督察")
    districts = [p for p in manifest["ledger"]["plans"] if p["site_id"].split("-")[0] in ("fc", "cp", "ls", "ql")]
    assert districts and all("省级" in p["round"] for p in districts)


def test_closeouts_say_whose_numbering_they_cite_and_which_plan_they_close(city):
    world, manifest = city
    closeouts = [c for c in manifest["ledger"]["closeouts"] if c["status"] == "live"]
    level = {s["id"]: s["level"] for s in manifest["sites"]}
    central = [c for c in closeouts if c["cites"] == "central"]
    province = [c for c in closeouts if c["cites"] == "province"]
    assert central and all(level[c["site_id"]] == "county" and "中央" in c["round"] for c in central)
    assert {level[c["site_id"]] for c in province} == {"city", "county"}
    assert any(c["site_id"].startswith(("myfgw", "ybsj", "zzfgw", "qjsj")) for c in province)  # a department's
    for c in central + province:
        assert c["cross_level"] and c["plan_site_id"] in ("sc-sthjt", "hn-sthjt", "云南省", "辽宁省")
    for c in central[:5]:  # the central inspection's numbering (第N项), the province's plan named in the body
        view = _posting(world, c["site_id"], c["url"])
        assert "省编号" not in view.title and "序号" not in view.title and "省编号" not in view.body_text
        assert f"《{view.site.region}贯彻落实{c['round']}反馈意见整改方案》" in view.body_text
    for c in province[:5]:
        view = _posting(world, c["site_id"], c["url"])
        assert f"省编号第{c['numbers'][0]}号" in view.body_text


def test_orphans_are_named_with_their_reason(city):
    _, manifest = city
    closeouts = [c for c in manifest["ledger"]["closeouts"] if c["status"] == "live"]
    live = {(p["plan_owner"], p["round"]) for p in manifest["ledger"]["plans"] if p["status"] == "live"}
    for c in closeouts:
        assert (c["orphan"] is None) == ((c["plan_site_id"], c["round"]) in live)
    reasons = {c["orphan"] for c in closeouts}
    assert reasons == {None, "plan_not_posted", "no_site_serves_the_plan"}
    assert {c["plan_site_id"] for c in closeouts if c["orphan"] == "no_site_serves_the_plan"} == {"云南省", "辽宁省"}
