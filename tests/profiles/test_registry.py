"""The sites registry: the bundled file and validation errors that name the site and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from spiders.registry import Site, SitesFileError, bundled_sites_path, load_sites, parse_sites

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


@pytest.mark.parametrize(("sites", "message"), [
    ([_site(id="Bad_ID")], "site 'Bad_ID': field 'id' must match [a-z0-9-]+"),
    ([_site(), _site()], "site 'x-sthj': field 'id' is used by more than one site"),
    ([_site(level="town")], "site 'x-sthj': field 'level' must be one of national, province, city, county"),
    ([_site(start_urls=[])], "site 'x-sthj': field 'start_urls' needs at least one http(s) URL"),
    ([_site(start_urls=["ftp://x.gov.cn/"])], "site 'x-sthj': field 'start_urls' has a non-http(s) URL"),
    ([_site(name="")], "site 'x-sthj': field 'name' is required"),
    ([_site(profile="dedecms")], "site 'x-sthj': field 'profile' must be one of"),
    ([_site(options=[1])], "site 'x-sthj': field 'options' must be a mapping"),
    (["just a string"], "site #1: each site must be a mapping"),
    ({"site": []}, "expected a top-level 'sites:' list"),
])
def test_validation_errors_name_site_and_field(sites: object, message: str) -> None:
    with pytest.raises(SitesFileError) as err:
        parse_sites({"sites": sites} if isinstance(sites, list) else sites, source="t.yaml")
    assert message in str(err.value)
    assert str(err.value).startswith("t.yaml")


def test_invalid_yaml_is_reported_with_the_path(tmp_path: Path) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text("sites: [\n", encoding="utf-8")
    with pytest.raises(SitesFileError, match="broken.yaml: not valid YAML"):
        load_sites(f)
