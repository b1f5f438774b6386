"""``ducha probe`` over the simulated web: every site reported right, exit 1 on a broken one."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

import pytest

from crawler.robots import disallowing_rule
from simweb.server import serve_in_thread
from simweb.world import World

DELIVERY = {"jx-sthjt": "profile API", "cs-sthjj": "profile API", "gs-sthj": "profile API",
            "bs-sthjj": "learned API", "ws-sthjj": "rendered"}


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    """The whole simulated web (classic and script-driven sites) and its sites file."""
    server = serve_in_thread(World(docs_per_site=40, sites="all"))
    sites_file = tmp_path_factory.mktemp("probe") / "sites.yaml"
    sites_file.write_bytes(urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30).read())
    yield server, sites_file
    server.close()


def _probe(server, sites_file, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "crawler.cli", "probe", "--sites", str(sites_file), "--mirror", server.url,
               *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def test_probe_reports_every_simulated_site_right(sim):
    server, sites_file = sim
    server.set_fault("gs-sthj", "ruishu-short")  # 甘肃's 瑞数 cookie, passed in the browser
    try:
        result = _probe(server, sites_file, "--format", "json")
    finally:
        server.set_fault("gs-sthj", "none")
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {r["site"]: r for r in json.loads(result.stdout)}
    manifest = server.world.manifest(0, hashes=False)
    assert set(rows) == {s["id"] for s in manifest["sites"]}
    for site_id, row in rows.items():
        live = [p for p in manifest["postings"] if p["site_id"] == site_id and p["status"] == "live"]
        assert row["status"] == "ok", row
        assert row["delivery"] == DELIVERY.get(site_id, "static"), row
        assert 10 <= row["postings"] <= 20, row
        assert row["newest"] == max(p["list_date"] for p in live), row
        assert row["pagination"], row
    assert "challenge passed in the browser" in rows["gs-sthj"]["note"]
    assert "pageNo" in rows["bs-sthjj"]["note"]


def test_probe_exits_1_naming_a_broken_site(sim):
    server, sites_file = sim
    server.set_fault("jx-sthjt", "layout-broken")
    server.set_fault("sc-sthjt", "blocked")
    try:
        result = _probe(server, sites_file, "--site", "jx-sthjt", "--site", "sc-sthjt", "--site", "mee")
    finally:
        server.set_fault("jx-sthjt", "none")
        server.set_fault("sc-sthjt", "none")
    assert result.returncode == 1
    named = result.stderr.split("no postings from:", 1)[1].strip()
    assert set(named.split(", ")) == {"jx-sthjt", "sc-sthjt"}
    lines = {line.split("|")[1].strip(): line for line in result.stdout.splitlines()[2:]}
    assert "| empty |" in lines["jx-sthjt"] and "| blocked |" in lines["sc-sthjt"] and "| ok |" in lines["mee"]


def test_probe_csv_has_one_row_per_start_url(sim):
    server, sites_file = sim
    result = _probe(server, sites_file, "--site", "mee", "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "\ufeffsite,start_url,status,delivery,postings,newest,pagination,note"  # BOM: Excel
    assert len(result.stdout.splitlines()) == 2


def test_robots_rule_that_disallows_is_named():
    robots = "User-agent: *\nDisallow: /xxgk/\nAllow: /xxgk/gsgg/\n\nUser-agent: DuchaArchive\nDisallow: /api/\n"
    ua = "DuchaArchive/0.1 (+https://example.org)"
    assert disallowing_rule(robots, "http://h/api/list", ua) == "Disallow: /api/"
    assert disallowing_rule(robots, "http://h/xxgk/x.html", ua) is None  # our own group applies, not *
    assert disallowing_rule(robots, "http://h/xxgk/x.html", "Other/1.0") == "Disallow: /xxgk/"
    assert disallowing_rule(robots, "http://h/xxgk/gsgg/index.html", "Other/1.0") is None  # longer Allow wins
