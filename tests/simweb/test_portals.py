"""The city and district portals (simweb.portals): off for the existing site sets, served by every simulated web."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from simweb.server import serve_in_thread
from simweb.world import World


@pytest.fixture(scope="module")
def classic_server():
    """A classic simulated web (the default site set)."""
    server = serve_in_thread(World(docs_per_site=5))
    yield server
    server.close()


def _get(server, host: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{server.url}/{host}{path}", timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_the_existing_site_sets_do_not_list_the_portals():
    for name in ("classic", "script", "all"):
        manifest = World(docs_per_site=2, sites=name).manifest(0, hashes=False)
        assert "portals" not in manifest
        assert not any(s["id"].endswith(("-dczg", "-tzgg", "-gsgg", "-hpgs")) for s in manifest["sites"])


def test_portal_pages_are_served_and_lead_to_the_channels(classic_server):
    status, home = _get(classic_server, "www.fc.gov.cn", "/")
    assert status == 200 and "navData" in home and 'href="/xxgk/index.html"' not in home  # menu built by script
    status, special = _get(classic_server, "www.my.gov.cn", "/ztzl/sthjbh/index.html")
    assert status == 200 and "/ztzl/sthjbh/dczg/index.shtml" in special
    status, channel = _get(classic_server, "www.my.gov.cn", "/ztzl/sthjbh/dczg/index.shtml")
    assert status == 200 and channel.count('<li><span class="date">') == 5
    status, menu = _get(classic_server, "fgw.my.gov.cn", "/api/menu.json")
    assert status == 200 and any(m["link"] == "/ztzl/index.html" for m in json.loads(menu)["data"])
    assert _get(classic_server, "www.my.gov.cn", "/no/such/page.html")[0] == 404
    assert _get(classic_server, "www.my.gov.cn", "/robots.txt")[0] == 200


def test_the_city_manifest_names_every_channel_of_every_portal():
    manifest = World(docs_per_site=2, sites="city").manifest(0, hashes=False)
    listed = {s["start_urls"][0] for s in manifest["sites"]}
    truth = [c for p in manifest["portals"] for c in p["channels"]]
    assert len(manifest["portals"]) == 14
    provinces = {s["start_urls"][0] for s in manifest["sites"] if s["level"] == "province"}
    assert {c["url"] for c in truth} == listed - provinces
    assert {s["id"] for s in manifest["sites"] if s["level"] == "province"} == {"sc-sthjt", "hn-sthjt"}
    assert {c["kind"] for c in truth} == {"rectification", "notices", "eia"}
