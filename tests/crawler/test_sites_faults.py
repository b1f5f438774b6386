"""A sites file with a bad entry: the valid sites are crawled, the bad one fails by name; a refused crawl writes nothing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from crawler.cli import main
from tests.crawler.conftest import make_sim_crawl

BAD = {"id": "bad-typo", "name": "笔误厅", "region": "四川省", "level": "province",
       "start_urls": ["htps://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml"]}


@pytest.fixture(scope="module")
def typo_crawl(tmp_path_factory):
    """One real crawl of sc-sthjt (start URL in capitals) beside an entry with an unknown scheme."""
    tmp = tmp_path_factory.mktemp("typo")
    sim = make_sim_crawl(tmp, docs_per_site=10)
    data = yaml.safe_load(sim.sites_file.read_text(encoding="utf-8"))
    for site in data["sites"]:
        if site["id"] == "sc-sthjt":
            site["start_urls"] = [u.replace("https://sthjt.sc.gov.cn", "HTTPS://Sthjt.SC.gov.cn")
                                  for u in site["start_urls"]]
    data["sites"].append(BAD)
    sim.sites_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = sim.crawl(0, "--site", "sc-sthjt", "--site", "bad-typo")
    yield sim, result
    sim.server.close()


def test_the_valid_site_is_archived_and_the_bad_entry_fails_by_name(typo_crawl):
    sim, result = typo_crawl
    assert result.returncode == 1, result.stderr[-2000:]
    assert "FAILED bad-typo: refused by the sites file" in result.stderr
    assert "non-http(s) URL: 'htps://" in result.stderr
    assert "FAILED sc-sthjt" not in result.stderr
    live = sim.query("SELECT count(*) FROM documents WHERE site_id = 'sc-sthjt'")[0][0]
    assert live >= 10
    assert sim.query("SELECT start_urls FROM sites WHERE id = 'sc-sthjt'")[0][0].count("https://sthjt.sc.gov.cn/") >= 1
    run = sim.query("SELECT status, summary FROM runs")[0]
    summary = json.loads(run["summary"])
    assert run["status"] == "partial" and summary["bad-typo"]["invalid"] == 1
    assert dict(sim.query("SELECT site_id, status FROM run_sites")) == {"sc-sthjt": "ok", "bad-typo": "invalid"}


def test_status_names_the_refused_entry(typo_crawl):
    sim, _ = typo_crawl
    shown = CliRunner().invoke(main, ["status", "--db", str(sim.db)])
    line = next(x for x in shown.output.splitlines() if x.startswith("bad-typo"))
    assert " invalid " in line
    assert "bad-typo: refused by the sites file in run #1:" in shown.output
    assert shown.exit_code != 0


def test_probe_reports_the_refused_entry(typo_crawl):
    sim, _ = typo_crawl
    result = subprocess.run([sys.executable, "-m", "crawler.cli", "probe", "--sites", str(sim.sites_file),
                             "--mirror", sim.server.url, "--site", "sc-sthjt", "--site", "bad-typo"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "INVALID bad-typo:" in result.stderr and "| sc-sthjt" in result.stdout
    assert "no postings from" not in result.stderr


@pytest.mark.parametrize("case", ["not yaml", "no valid site", "unknown site", "bad setting"])
def test_a_refused_crawl_creates_no_file(tmp_path, case):
    """No archive, no WARC folder, no lock file when the crawl is refused before it starts."""
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites: [\n" if case == "not yaml" else yaml.safe_dump({"sites": [BAD]}), encoding="utf-8")
    args = ["crawl", "--sites", str(sites), "--db", str(tmp_path / "out" / "archive.db")]
    args += {"unknown site": ["--site", "no-such-site"], "bad setting": ["-s", "NOEQUALS"]}.get(case, [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["sites.yaml"]
