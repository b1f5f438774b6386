"""Fault profiles: challenge, flaky (5xx, reset, truncation, 429, latency), blocked, layout-broken; 304s."""
from __future__ import annotations

import http.client
import re

import pytest

from simweb.sites import SITE_BY_ID


def test_challenge_412_then_pass_with_cookie(fresh_client) -> None:
    assert fresh_client.post("/_sim/faults?site=hb-sthjt&profile=challenge", "").status == 200
    site = SITE_BY_ID["hb-sthjt"]
    r = fresh_client.get(site.start_url)
    assert r.status == 412
    html = r.text()
    assert re.search(r'<meta [^>]*content="\{[0-9a-f]{200,}" r=\'m\'>', html) and "<script type=\"text/javascript\" r='m'>" in html
    token = re.search(r'var _\$tk="([0-9a-f]+)";document\.cookie="FSSBBIl1UgzbN7N80T="', html).group(1)
    ok = fresh_client.get(site.start_url, headers={"Cookie": f"FSSBBIl1UgzbN7N80S=x; FSSBBIl1UgzbN7N80T={token}"})
    assert ok.status == 200 and "countPage" in ok.text()
    assert fresh_client.get(site.start_url, headers={"Cookie": "FSSBBIl1UgzbN7N80T=wrong"}).status == 412
    assert fresh_client.get(SITE_BY_ID["mee"].start_url).status == 200  # other sites unaffected


def test_blocked_is_403_everywhere(fresh_client, world) -> None:
    fresh_client.sim.set_fault("gd-gdee", "blocked")
    site = SITE_BY_ID["gd-gdee"]
    for url in (site.start_url, world.list_entries("gd-gdee", 0)[0].url, site.home_url + "robots.txt"):
        assert fresh_client.get(url).status == 403
    assert fresh_client.get("/_sim/health").status == 200


def test_layout_broken_lists_have_no_postings(fresh_client, world) -> None:
    fresh_client.sim.set_fault("all", "layout-broken")
    for site_id in ("mee", "js-sthjt", "sc-sthjt", "gd-gdee", "zt-sthjj", "pj-sthjj"):
        site = SITE_BY_ID[site_id]
        r = fresh_client.get(site.start_url)
        text = r.text("gbk" if site_id == "zt-sthjj" else "utf-8")
        assert r.status == 200
        assert not any(e.title in text for e in world.list_entries(site_id, 0)[:20]), site_id
    assert fresh_client.get(world.list_entries("mee", 0)[0].url).status == 200  # details still served


def _raw(port: int, path: str) -> tuple[int | None, str]:
    """(status or None, outcome) of one raw request: 'ok', 'reset', 'truncated'."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        try:
            r.read()
        except http.client.IncompleteRead:
            return r.status, "truncated"
        return r.status, "retry_after=" + str(r.getheader("Retry-After"))
    except (TimeoutError, ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError):
        return None, "reset"
    finally:
        conn.close()


def test_flaky_is_deterministic_by_counter(fresh_client) -> None:
    sim = fresh_client.sim
    sim.set_fault("sc-sthjt", "flaky")
    path = fresh_client.mirror_path(SITE_BY_ID["sc-sthjt"].start_url)
    outcomes = [_raw(sim.port, path) for _ in range(20)]
    by_slot = {i + 1: o for i, o in enumerate(outcomes)}
    assert by_slot[3][0] == 503 and by_slot[4][0] == 500
    assert by_slot[7] == (None, "reset")
    assert by_slot[11] == (200, "truncated")
    assert by_slot[15] == (429, "retry_after=1")
    assert sum(1 for o in outcomes if o == (200, "retry_after=None")) == 15
    stats = fresh_client.get("/_sim/stats").text()
    assert '"fault_reset": 1' in stats and '"fault_429": 1' in stats


def test_unknown_profile_rejected(fresh_client) -> None:
    assert fresh_client.post("/_sim/faults?site=mee&profile=nonsense", "").status == 400
    with pytest.raises(ValueError):
        fresh_client.sim.set_fault("mee", "nonsense")


def test_conditional_requests_get_304(client, world) -> None:
    p = next(p for p in world.manifest(0)["postings"] if p["attachments"])
    for url in (p["url"], p["attachments"][0]["url"]):
        first = client.get(url)
        etag, lm = first.headers["etag"], first.headers["last-modified"]
        assert client.get(url, headers={"If-None-Match": etag}).status == 304
        assert client.get(url, headers={"If-Modified-Since": lm}).status == 304
        assert client.get(url, headers={"If-None-Match": '"other"'}).status == 200
        assert client.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status == 200
    assert p["etag"] == client.get(p["url"]).headers["etag"]


def test_etag_changes_with_content(fresh_client, world) -> None:
    change = next(c for c in world.manifest(1)["changes"] if c["kind"] == "edit_body")
    old = fresh_client.get(change["url"]).headers["etag"]
    fresh_client.sim.set_day(1)
    r = fresh_client.get(change["url"], headers={"If-None-Match": old})
    assert r.status == 200 and r.headers["etag"] != old


def test_stats_count_requests_per_kind(fresh_client, world) -> None:
    fresh_client.post("/_sim/stats/reset", "")
    fresh_client.get(SITE_BY_ID["pj-sthjj"].start_url)
    fresh_client.get(world.list_entries("pj-sthjj", 0)[0].url)
    stats = fresh_client.sim.stats()["sites"]["pj-sthjj"]
    assert stats["list"] == 1 and stats["detail"] == 1 and stats["total"] == 2
