"""The registry of prefecture-level bodies (spiders/sites-cities.yaml): loadable, cited, no guessed hosts."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from spiders.registry import Sites, bundled_sites_path, city_sites_path, load_sites

PROVINCES = {"河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省",
             "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "四川省", "贵州省",
             "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"}
KINDS = {"government-portal", "ecology-bureau"}
SOURCES = {"curated-list", "provincial-portal-link-list", "page-on-host", "code"}
# a government host: labels of letters, digits and hyphens under gov.cn (none of the 333 portals or their
# bureaus uses another suffix in the sources cited)
GOV_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+gov\.cn$")
DIVISION = re.compile(r"(市|自治州|地区|盟)$")


@pytest.fixture(scope="module")
def sites() -> Sites:
    return load_sites(city_sites_path())


def test_the_city_registry_loads_whole_with_the_sites_file_loader(sites) -> None:
    assert city_sites_path() == bundled_sites_path().with_name("sites-cities.yaml")
    assert not sites.rejected
    assert len(sites) >= 150
    assert {s.level for s in sites} == {"city"}
    assert {s.options["kind"] for s in sites} <= KINDS


def test_every_entry_cites_at_least_one_public_url_for_its_host(sites) -> None:
    for site in sites:
        citations = site.options["citations"]
        assert citations, site.id
        for citation in citations:
            assert re.match(r"^https?://\S+$", citation["url"]), (site.id, citation)
            assert citation["source"] in SOURCES, (site.id, citation)
            assert citation["seen"].strip(), (site.id, citation)
            if citation["source"] == "code":  # found through the public code index: its id says where
                assert isinstance(citation["code_index"], int), (site.id, citation)


def test_hosts_are_unique_gov_cn_hostnames_and_start_at_the_base_url(sites) -> None:
    hosts = Counter(s.host for s in sites)
    assert [h for h, n in hosts.items() if n > 1] == []
    for site in sites:
        assert GOV_HOST.match(site.host), site.id
        base = site.options["base_url"]
        assert re.match(rf"^https?://{re.escape(site.host)}/$", base), site.id
        assert site.options["discovered"] is False, site.id  # nothing here came from `ducha discover` yet
        if site.options["channels"] == "none":
            assert site.start_urls == (base,), site.id
        else:  # an evidenced channel: on the site's host and quoted by one of its citations
            assert site.options["channels"] == "evidenced", site.id
            cited = " ".join(c["url"] + " " + c["seen"] for c in site.options["citations"])
            for url in site.start_urls:
                assert url.split("/")[2] == site.host and url in cited, (site.id, url)


def test_provinces_divisions_and_names_agree(sites) -> None:
    codes: dict[str, str] = {}
    for site in sites:
        province, division, code = (site.options[k] for k in ("province", "division", "division_code"))
        assert province in PROVINCES, site.id
        assert DIVISION.search(division), site.id
        assert site.region == province + division, site.id
        assert re.match(r"^\d{4}00$", code) and not code.endswith("0000"), site.id
        assert codes.setdefault(code, division) == division, site.id
        assert site.name.startswith(division), site.id
        suffix = "生态环境局" if site.options["kind"] == "ecology-bureau" else ("人民政府", "行政公署")
        assert site.name.endswith(suffix), site.id
    assert len(set(codes)) <= 333
    by_kind = Counter((s.options["kind"], s.options["division_code"]) for s in sites)
    assert max(by_kind.values()) == 1  # one portal and at most one bureau per division


def test_counts_by_kind_and_province_match_the_documented_figures(sites) -> None:
    kinds = Counter(s.options["kind"] for s in sites)
    assert kinds["government-portal"] == 333
    assert len({s.options["province"] for s in sites}) == 27
    doc = (Path(__file__).resolve().parents[2] / "docs" / "registry.md").read_text(encoding="utf-8")
    assert f"{kinds['ecology-bureau']} ecology-bureau" in doc and f"{len(sites)} entries" in doc


def test_the_bundled_default_registry_is_unchanged() -> None:
    sites = load_sites()
    assert len(sites) == 32 and not any(s.level == "city" for s in sites)
