"""The manifest matches what the server serves."""
from __future__ import annotations

import hashlib
import json

from simweb.sites import SITES


def _encoding(site_id: str) -> str:
    return "gbk" if site_id == "zt-sthjj" else "utf-8"


def test_manifest_endpoint_equals_world_manifest(client, world) -> None:
    served = json.loads(client.get("/_sim/manifest").body)
    assert served == json.loads(json.dumps(world.manifest(0), ensure_ascii=False))
    assert served["day"] == 0 and served["date"] == "2026-11-02"
    assert {s["id"] for s in served["sites"]} == {s.id for s in SITES}
    assert all(c["kind"] == "new" for c in served["changes"])


def test_every_manifest_url_answers_with_its_title_and_attachments(client, world) -> None:
    m = world.manifest(0)
    assert len(m["postings"]) == 40 * len(SITES)
    for p in m["postings"]:
        r = client.get(p["url"])
        assert r.status == 200, p["url"]
        assert p["title"] in r.text(_encoding(p["site_id"]))
        assert p["body_text"].split("\n")[0] in r.text(_encoding(p["site_id"])).replace("&quot;", '"')
        for a in p["attachments"]:
            got = client.get(a["url"])
            assert got.status == 200 and hashlib.sha256(got.body).hexdigest() == a["sha256"]


def test_list_pages_enumerate_exactly_the_live_postings(client, world) -> None:
    m = world.manifest(0)
    for site in SITES:
        listed = client.enumerate_list(site)
        live = {(p["url"], p["title"]) for p in m["postings"] if p["site_id"] == site.id and p["status"] == "live"}
        assert len(listed) == len(set(listed)), site.id
        assert set(listed) == live, site.id


def test_manifest_fields(world) -> None:
    m = world.manifest(0)
    types = {p["doc_type"] for p in m["postings"]}
    assert types == {"acceptance_notice", "rectification_plan", "rectification_progress", "inspection_feedback",
                     "typical_case", "eia_notice", "other"}
    notices = [p for p in m["postings"] if p["doc_type"] == "acceptance_notice"]
    assert all(p["objection"]["working_days"] == 10 for p in notices)
    assert {p["objection"]["end"] is None for p in notices} == {True, False}
    numbers = [n for p in m["postings"] for n in p["doc_numbers"]]
    assert any("〔" in n for n in numbers) and any("[" in n or "(" in n or "號" in n for n in numbers)
    for p in m["postings"]:
        assert p["body_sha256"] == hashlib.sha256(p["body_text"].encode()).hexdigest()
        assert p["status"] == "live" and p["removal"] is None and p["version"] == 1
        assert p["publish_date"] == p["cms_date"] == p["list_date"]
        assert p["body_text"].split("\n")[-2] == p["publisher"]  # signature: publisher, then the stated date


def test_sites_yaml_lists_the_simulated_sites(client) -> None:
    import yaml

    data = yaml.safe_load(client.get("/_sim/sites.yaml").text())
    by_id = {s["id"]: s for s in data["sites"]}
    assert set(by_id) == {s.id for s in SITES}
    assert by_id["sc-sthjt"]["start_urls"] == ["https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml"]
    assert by_id["sc-sthjt"]["profile"] == "ucap" and "profile" not in by_id["pj-sthjj"]
    assert {s["level"] for s in data["sites"]} == {"national", "province", "city"}


def test_head_and_health(client, world) -> None:
    e = world.list_entries("mee", 0)[0]
    r = client.request(e.url, method="HEAD")
    assert r.status == 200 and r.body == b"" and int(r.headers["content-length"]) > 1000 and "etag" in r.headers
    health = json.loads(client.get("/_sim/health").body)
    assert health["ok"] and health["day"] == 0 and health["docs_per_site"] == 40


def test_manifest_filters(client) -> None:
    m = json.loads(client.get("/_sim/manifest?day=1&site=mee&hashes=0").body)
    assert m["day"] == 1 and {p["site_id"] for p in m["postings"]} == {"mee"}
    assert all("sha256" not in a and a["text_probe"] for p in m["postings"] for a in p["attachments"])
    assert {c["site_id"] for c in m["changes"]} == {"mee"}
