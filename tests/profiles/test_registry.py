"""The sites registry: the bundled file and validation errors that name the site and field."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spiders.registry import (
    Site,
    SitesFileError,
    bundled_sites_path,
    for_node,
    load_sites,
    parse_sites,
    select_sites,
)

SIMULATED = {
    "mee": "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml",
    "js-sthjt": "http://sthjt.jiangsu.gov.cn/col/col84025/index.html",
    "sc-sthjt": "https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml",
    "gd-gdee": "http://gdee.gd.gov.cn/ggtz3126/index.html",
    "hb-sthjt": "http://sthjt.hubei.gov.cn/fbjd/tzgg/index.shtml",
}


def _site(**over: object) -> dict:
    base = {"id": "x-sthj", "name": "某厅", "region": "某省", "level": "province",
            "start_urls": ["http://x.gov.cn/tzgg/"]}
    base.update(over)
    return base


def test_bundled_registry_covers_ministry_and_31_provinces() -> None:
    sites = load_sites()
    assert bundled_sites_path().name == "sites.yaml" and bundled_sites_path().is_file()
    assert len(sites) == 32
    assert [s.id for s in sites if s.level == "national"] == ["mee"]
    assert len({s.region for s in sites if s.level == "province"}) == 31
    by_id = {s.id: s for s in sites}
    for sid, url in SIMULATED.items():
        assert by_id[sid].start_urls[0] == url
    assert {by_id[s].profile for s in ("mee", "hb-sthjt")} == {"trs"}
    assert (by_id["js-sthjt"].profile, by_id["sc-sthjt"].profile, by_id["gd-gdee"].profile) == ("hanweb", "ucap", "nfcms")
    assert "https://www.mee.gov.cn/ywdt/gsgg/index.shtml" in by_id["mee"].start_urls


def test_registry_follows_the_list_delivery_evidence() -> None:
    """Issue 10: script-driven provinces get the profile that calls their API (real-list-endpoints.md)."""
    by_id = {s.id: s for s in load_sites()}
    assert {s.options.get("delivery") for s in by_id.values()} == {"static", "api", "browser"}
    assert all(s.options.get("delivery") for s in by_id.values())
    hn = by_id["hn-sthjt"]
    assert hn.profile == "hunan" and [u.rsplit("/", 2)[-2] for u in hn.start_urls] == ["tz", "gg"]
    jx = by_id["jx-sthjt"]
    assert (jx.profile, jx.start_urls[0]) == ("jpaas", "https://sthjt.jiangxi.gov.cn/jxssthjt/col/col42150/index.html")
    assert (by_id["zj-sthjt"].profile, by_id["zj-sthjt"].options["delivery"]) == (None, "browser")
    js = by_id["js-sthjt"].options
    assert (js["hanweb_method"], js["challenge"]) == ("post", "browser")
    assert by_id["gs-sthj"].options["challenge"] == "browser" and by_id["gs-sthj"].profile == "ucap"


def test_minimal_site_and_extra_keys_become_options(tmp_path: Path) -> None:
    f = tmp_path / "sites.yaml"
    f.write_text("sites:\n  - id: pj-sthjj\n    name: 盘锦市生态环境局\n    region: 辽宁省盘锦市\n    level: city\n"
                 "    start_urls: http://sthjj.panjin.gov.cn/xxgk/gsgg/\n    delay: 2\n    options: {max_pages: 3}\n",
                 encoding="utf-8")
    assert load_sites(f) == [Site(id="pj-sthjj", name="盘锦市生态环境局", region="辽宁省盘锦市", level="city",
                                  start_urls=("http://sthjj.panjin.gov.cn/xxgk/gsgg/",), profile=None,
                                  options={"delay": 2, "max_pages": 3})]


VALID = {"id": "ok-sthj", "name": "好厅", "region": "某省", "level": "province", "start_urls": ["http://ok.gov.cn/"]}


@pytest.mark.parametrize(("sites", "label", "message"), [
    ([_site(id="Bad_ID")], "Bad_ID", "site 'Bad_ID': field 'id' must match [a-z0-9-]+"),
    ([_site(), _site()], "x-sthj", "site 'x-sthj': field 'id' is used by more than one site (entries #1 and #2)"),
    ([_site(level="town")], "x-sthj", "site 'x-sthj': field 'level' must be one of national, province, city, county"),
    ([_site(start_urls=[])], "x-sthj", "site 'x-sthj': field 'start_urls' needs at least one http(s) URL"),
    ([_site(start_urls=["ftp://x.gov.cn/"])], "x-sthj", "site 'x-sthj': field 'start_urls' has a non-http(s) URL"),
    ([_site(start_urls=["htps://x.gov.cn/"])], "x-sthj", "field 'start_urls' has a non-http(s) URL: 'htps://"),
    ([_site(name="")], "x-sthj", "site 'x-sthj': field 'name' is required"),
    ([_site(profile="dedecms")], "x-sthj", "site 'x-sthj': field 'profile' must be one of"),
    ([_site(options=[1])], "x-sthj", "site 'x-sthj': field 'options' must be a mapping"),
    (["just a string"], "site #2", "site #2: each site must be a mapping"),
])
def test_a_bad_entry_is_refused_by_name_and_the_valid_sites_kept(sites: list, label: str, message: str) -> None:
    """One typo must not stop an unattended run: the valid site survives, the bad entry is named with why."""
    entries = [VALID, *sites] if label == "site #2" else [*sites, VALID]
    parsed = parse_sites({"sites": entries}, source="t.yaml")
    assert [s.id for s in parsed] == ["ok-sthj"]
    assert list(parsed.rejected) == [label]
    assert message in parsed.rejected[label] and parsed.rejected[label].startswith("t.yaml")


def test_a_file_without_a_sites_list_is_refused_whole() -> None:
    with pytest.raises(SitesFileError, match="^t.yaml: expected a top-level 'sites:' list"):
        parse_sites({"site": []}, source="t.yaml")


def test_url_schemes_and_hosts_are_case_insensitive_and_stored_lower_case() -> None:
    parsed = parse_sites({"sites": [_site(start_urls=["HTTPS://Sthjt.SC.gov.cn/x/ZcList.shtml?A=1",
                                                      "Http://user@X.GOV.CN:8080/Path"])]})
    assert not parsed.rejected
    assert parsed[0].start_urls == ("https://sthjt.sc.gov.cn/x/ZcList.shtml?A=1", "http://user@x.gov.cn:8080/Path")
    assert parsed[0].host == "sthjt.sc.gov.cn"


def test_select_sites_keeps_only_the_chosen_refusals_and_refuses_a_file_with_no_valid_site(tmp_path: Path) -> None:
    f = tmp_path / "sites.yaml"
    f.write_text(yaml.safe_dump({"sites": [VALID, _site(level="town"), _site(id="y-sthj", start_urls="ftp://y/")]}),
                 encoding="utf-8")
    chosen = select_sites(f, ["ok-sthj", "x-sthj"])
    assert [s.id for s in chosen] == ["ok-sthj"] and list(chosen.rejected) == ["x-sthj"]
    assert list(select_sites(f).rejected) == ["x-sthj", "y-sthj"]
    with pytest.raises(SitesFileError, match="no valid site to crawl in .*'y-sthj'.*non-http"):
        select_sites(f, ["y-sthj"])


def test_invalid_yaml_is_reported_with_the_path(tmp_path: Path) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text("sites: [\n", encoding="utf-8")
    with pytest.raises(SitesFileError, match="broken.yaml: not valid YAML"):
        load_sites(f)


def test_a_site_can_be_pinned_to_a_crawl_node_by_a_valid_name() -> None:
    sites = parse_sites([_site(id="a-sthj", node="abroad"), _site(id="b-sthj"), _site(id="c-sthj", node="Far Away")])
    assert [(s.id, s.node) for s in sites] == [("a-sthj", "abroad"), ("b-sthj", None)]
    assert "field 'node' must be a node name" in sites.rejected["c-sthj"]
    assert "node" not in sites[0].options
    assert [s.id for s in for_node(sites, "abroad")] == ["a-sthj"]
    assert [s.id for s in for_node(sites, None)] == ["b-sthj"] and for_node(sites, None).rejected == sites.rejected
