"""Day evolution: every change kind by day 5, removals served as the manifest says, determinism."""
from __future__ import annotations

import re
from collections import defaultdict

from simweb.sites import SITES
from simweb.world import World

KINDS = {"new", "edit_body", "retitle", "replace_attachment", "backdate", "remove", "restore"}


def test_every_kind_on_every_site_by_day_5(world) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for day in range(1, 6):
        for c in world.manifest(day)["changes"]:
            assert c["day"] == day
            seen[c["site_id"]].add(c["kind"])
    for site in SITES:
        assert seen[site.id] == KINDS, site.id
    late = [p for p in world.manifest(5)["postings"] if p["backdated_on_arrival"]]
    assert late and all(p["first_day"] > 0 and p["publish_date"] < p["url_date"] for p in late if p["url_date"])


def test_changes_are_reflected_in_postings(world) -> None:
    m4, m5 = world.manifest(4), world.manifest(5)
    before = {p["url"]: p for p in m4["postings"]}
    after = {p["url"]: p for p in m5["postings"]}
    for c in m5["changes"]:
        new, old = after[c["url"]], before.get(c["url"])
        if c["kind"] == "new":
            assert old is None and new["first_day"] == 5
        elif c["kind"] == "edit_body":
            assert new["body_sha256"] != old["body_sha256"] and new["version"] == old["version"] + 1
        elif c["kind"] == "retitle":
            assert new["title"] != old["title"] == c["detail"]["old"]
        elif c["kind"] == "replace_attachment":
            i = c["detail"]["index"]
            assert new["attachments"][i]["url"] == old["attachments"][i]["url"]
            assert new["attachments"][i]["sha256"] != old["attachments"][i]["sha256"]
        elif c["kind"] == "backdate":
            assert new["publish_date"] < old["publish_date"]
        elif c["kind"] == "remove":
            assert old["status"] == "live" and new["status"] == "removed" and new["removal"] == c["detail"]["style"]
        elif c["kind"] == "restore":
            assert old["status"] == "removed" and new["status"] == "live"


def test_server_follows_the_day(fresh_client, world) -> None:
    sim = fresh_client.sim
    assert fresh_client.post("/_sim/day?set=5", "").status == 200 and sim.day == 5
    m = world.manifest(5)
    styles = set()
    for p in m["postings"]:
        r = fresh_client.get(p["url"])
        if p["status"] == "live":
            assert r.status == 200
            enc = "gbk" if p["site_id"] == "zt-sthjj" else "utf-8"
            assert p["title"] in r.text(enc) and "今天是2026年11月07日" in r.text(enc)
            continue
        styles.add(p["removal"])
        if p["removal"] == "404":
            assert r.status == 404
        elif p["removal"] == "soft404":
            assert r.status == 200 and "页面不存在" in r.text("gbk" if p["site_id"] == "zt-sthjj" else "utf-8")
        else:
            site = next(s for s in SITES if s.id == p["site_id"])
            assert r.status == 302 and r.headers["location"] == site.home_url
        for a in p["attachments"]:
            assert fresh_client.get(a["url"]).status == 404
    assert styles == {"404", "soft404", "redirect_home"}
    for site in SITES:
        listed = set(fresh_client.enumerate_list(site))
        live = {(p["url"], p["title"]) for p in m["postings"] if p["site_id"] == site.id and p["status"] == "live"}
        assert listed == live, site.id
    assert fresh_client.post("/_sim/advance", "").status == 200 and sim.day == 6


def test_new_postings_push_items_to_later_pages(world) -> None:
    day0 = world.list_entries("mee", 0)
    day3 = world.list_entries("mee", 3)
    new_keys = {e.key for e in day3 if e.key.startswith("n")}
    assert new_keys and day3[0].key in new_keys
    assert [e.key for e in day3].index(day0[19].key) > 19 or day0[19].key not in {e.key for e in day3}


def test_same_seed_same_bytes_except_counters(world, client) -> None:
    from simweb.server import serve_in_thread

    from .conftest import Client

    other = serve_in_thread(World(seed=1, docs_per_site=40), port=0)
    try:
        c2 = Client(other)
        for site in SITES:
            e = world.list_entries(site.id, 0)[3]
            for url in (site.start_url, e.url):
                a, b = client.get(url).body, c2.get(url).body
                mask = re.compile(rb"<em id=\"views\">\d+</em>")
                assert mask.sub(b"", a) == mask.sub(b"", b)
        assert World(seed=1).manifest(2) == world.manifest(2)
        other_seed = [p["body_text"] for p in World(seed=2).manifest(0)["postings"][:20]]
        assert other_seed != [p["body_text"] for p in world.manifest(0)["postings"][:20]]
    finally:
        other.close()


def test_view_counter_changes_on_every_request(client, world) -> None:
    e = world.list_entries("sc-sthjt", 0)[0]
    counts = [re.search(r'<em id="views">(\d+)</em>', client.get(e.url).text()).group(1) for _ in range(3)]
    assert len(set(counts)) == 3
