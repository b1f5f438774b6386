"""A site behind a 瑞数-style 412 JavaScript-cookie challenge, passed with headless Chromium."""
from __future__ import annotations

import shutil

import yaml


def _mark_for_browser(sites_file, site_id: str) -> None:
    data = yaml.safe_load(sites_file.read_text(encoding="utf-8"))
    for site in data["sites"]:
        if site["id"] == site_id:
            site["challenge"] = "browser"
    sites_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_challenge_site_marked_for_the_browser_is_crawled_completely(sim_crawl):
    assert shutil.which("chromium"), "Debian's chromium is needed: run bash scripts/setup.sh --test"
    _mark_for_browser(sim_crawl.sites_file, "hb-sthjt")
    sim_crawl.server.set_fault("hb-sthjt", "challenge")
    result = sim_crawl.crawl(0, "--site", "hb-sthjt")
    assert result.returncode == 0, result.stderr[-3000:]
    challenges = sim_crawl.server.stats()["sites"]["hb-sthjt"].get("fault_412", 0)
    assert challenges >= 1, "the simulated site must really have challenged us"
    live = {p["url"] for p in sim_crawl.manifest(0)["postings"] if p["site_id"] == "hb-sthjt"}
    archived = {r["url"] for r in sim_crawl.query("SELECT url FROM documents WHERE status = 'live'")}
    assert archived == live
    assert sim_crawl.query("SELECT count(*) AS n FROM checks WHERE outcome = 'blocked'")[0]["n"] == 0
