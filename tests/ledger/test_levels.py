"""Close-outs across levels: a city notice citing the province's numbering closes the provincial task;
one whose plan is not in the archive is kept as an orphan close-out with its reason."""
from __future__ import annotations

import asyncio
import json

import pytest
from datasette.app import Datasette
from lxml import html as lxml_html
from sqlite_utils import Database

from archive.ledger import build_ledger, ledger_data, render_ledger
from archive.ledger.closeouts import city_of
from archive.ledger.levels import province_of
from archive.ledger.speaks_for import region_of
from archive.store import Archive
from tests.ledger.conftest import REPO, capture

GS = "https://sthj.gansu.gov.cn/art/"
DX = "https://www.dingxi.gov.cn/art/"
PLAN = ("甘肃省贯彻落实第二轮中央生态环境保护督察报告整改方案\n"
        "1. 祁连山生态修复不到位（牵头单位：省林草局；整改时限：2022年底前）\n"
        "2. 黄河流域城镇污水收集率偏低（牵头单位：省住房城乡建设厅；整改时限：2023年底前）\n"
        "3. 渭河支流水质不稳定（牵头单位：省生态环境厅；整改时限：2023年6月底前）")
SITES = [{"id": "gs", "name": "甘肃省生态环境厅", "region": "甘肃省", "level": "province", "start_urls": []},
         {"id": "dx", "name": "定西市人民政府", "region": "甘肃省", "level": "city", "start_urls": []}]


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory):
    """A province plan, a city close-out citing 省编号第3号 and a city close-out whose plan is absent."""
    tmp = tmp_path_factory.mktemp("levels")
    path = tmp / "archive.db"
    with Archive(path, warc_dir=tmp / "warc") as a:
        a.upsert_sites(SITES)
        a.ingest(capture(GS + "plan", "gs", "甘肃省贯彻落实第二轮中央生态环境保护督察报告整改方案", PLAN, "2022-03-01",
                         "rectification_plan"))
        a.ingest(capture(DX + "c3", "dx", "定西市关于第二轮中央生态环境保护督察反馈问题整改完成情况的公示",
                         "反馈问题(省编号第3号):渭河支流水质不稳定。经验收，已完成整改，现予公示。", "2023-07-01",
                         "acceptance_notice"))
        a.ingest(capture(DX + "c16", "dx", "定西市省级第二轮生态环境保护督察反馈问题第16项整改任务完成情况公示",
                         "省级第二轮生态环境保护督察反馈问题第16项：城区建筑垃圾乱堆乱放。已整改完成，现予公示。",
                         "2022-01-05", "acceptance_notice"))
    build_ledger(Database(path))
    return path


def test_city_closeout_citing_province_numbering_closes_the_provincial_task(ledger_db):
    (plan,) = ledger_data(ledger_db, as_of="2024-01-01")["plans"]
    assert {t["number"]: t["closure_urls"] for t in plan["tasks"]} == {1: [], 2: [], 3: [DX + "c3"]}


def test_closeout_without_its_plan_is_kept_as_an_orphan_with_its_reason(ledger_db):
    data = ledger_data(ledger_db, as_of="2024-01-01")
    assert [(o["url"], o["site_id"], o["numbers"]) for o in data["orphan_closeouts"]] == [(DX + "c16", "dx", [16])]
    orphan = data["orphan_closeouts"][0]
    assert "省级第二轮生态环境保护督察" in orphan["inspection"]
    assert "provincial" in orphan["reason"] and "甘肃省定西市" in orphan["reason"]
    assert ledger_data(ledger_db, as_of="2021-12-31")["orphan_closeouts"] == []
    assert "Close-outs whose plan is not in the archive" in render_ledger(ledger_db, as_of="2024-01-01", fmt="md")


@pytest.mark.parametrize(("region", "province"), [("甘肃省定西市", "甘肃省"), ("天津市", "天津市"),
                                                  ("广西壮族自治区南宁市", "广西壮族自治区")])
def test_province_of(region, province):
    assert province_of(region) == province


@pytest.mark.parametrize(("site", "speaks_for", "city"), [
    (("四川省", "county", "绵阳市涪城区人民政府"), "四川省绵阳市涪城区", "四川省绵阳市"),  # not its city's plans
    (("湖南省", "county", "岳阳市屈原管理区"), "湖南省岳阳市屈原管理区", "湖南省岳阳市"),
    (("湖北省", "county", "松滋市人民政府"), "湖北省松滋市", "湖北省松滋市"),  # a county-level city
    (("四川省", "city", "绵阳市发展和改革委员会"), "四川省绵阳市", "四川省绵阳市"),
    (("辽宁省盘锦市", "city", "盘锦市生态环境局"), "辽宁省盘锦市", "辽宁省盘锦市"),  # the registry names the city
    (("四川省", "province", "四川省生态环境厅"), "四川省", "四川省"),
])
def test_the_region_a_publisher_speaks_for_and_its_city(site, speaks_for, city):
    assert region_of(*site) == speaks_for
    assert city_of(speaks_for) == city


def test_an_orphan_is_linked_once_its_plan_arrives(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.upsert_sites(SITES)
        a.ingest(capture(DX + "c3", "dx", "定西市关于第二轮中央生态环境保护督察反馈问题整改完成情况的公示",
                         "反馈问题(省编号第3号):渭河支流水质不稳定。经验收，已完成整改，现予公示。", "2023-07-01",
                         "acceptance_notice"))
    build_ledger(Database(path))
    assert [o["numbers"] for o in ledger_data(path, as_of="2024-01-01")["orphan_closeouts"]] == [[3]]
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.ingest(capture(GS + "plan", "gs", "甘肃省贯彻落实第二轮中央生态环境保护督察报告整改方案", PLAN, "2022-03-01",
                         "rectification_plan"))
    build_ledger(Database(path))
    data = ledger_data(path, as_of="2024-01-01")
    assert data["orphan_closeouts"] == [] and data["plans"][0]["tasks"][2]["closure_urls"] == [DX + "c3"]


def _ledger(tmp_path, plan: tuple[str, str, str], notice: tuple[str, str, str]):
    """A plan (url, site, text; its title is the text's first line) and a 定西 close-out (url, title, body)."""
    path = tmp_path / "archive.db"
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.upsert_sites(SITES)
        a.ingest(capture(*plan[:2], plan[2].split("\n")[0], plan[2], "2022-03-01", "rectification_plan"))
        a.ingest(capture(notice[0], "dx", *notice[1:], "2023-07-01", "acceptance_notice"))
    build_ledger(Database(path))
    return ledger_data(path, as_of="2024-01-01")


CITY_PLAN = ("定西市贯彻落实第二轮中央生态环境保护督察报告整改方案\n"
             "1. 城区建筑垃圾乱堆乱放（牵头单位：市住房城乡建设局；整改时限：2022年底前）\n"
             "2. 农村生活污水治理滞后（牵头单位：市生态环境局；整改时限：2023年底前）\n"
             "3. 渭河支流水质不稳定（牵头单位：市生态环境局；整改时限：2023年6月底前）")


def test_a_citation_of_province_numbering_never_closes_the_citys_own_task(tmp_path):
    """The city's own plan of the inspection is there, the province's is not: the 省编号 close-out is an
    orphan of the province's plan, not a close-out of the city's task 3 (same wording, other list)."""
    data = _ledger(tmp_path, (DX + "plan", "dx", CITY_PLAN), (
        DX + "c3", "定西市关于中央环保督察反馈问题（省编号第3号）整改完成情况的公示",
        "《甘肃省第二轮中央生态环境保护督察整改方案》中反馈问题(省编号第3号):“渭河支流水质不稳定”整改任务已整改完成，现予公示。"))
    assert [t["closure_urls"] for t in data["plans"][0]["tasks"]] == [[], [], []]
    (orphan,) = data["orphan_closeouts"]
    assert (orphan["url"], orphan["numbers"]) == (DX + "c3", [3])
    assert "甘肃省" in orphan["reason"] and "定西市" not in orphan["reason"]


def test_a_closeout_of_an_absent_city_plan_is_an_orphan_when_the_provinces_task_reads_differently(tmp_path):
    """No city plan: the province's plan is tried; its task 2 is another problem, so no link is confirmed and
    the close-out is listed as an orphan of the city's plan (a candidate link stays for the reader to judge)."""
    data = _ledger(tmp_path, (GS + "plan", "gs", PLAN), (
        DX + "c2", "定西市第二轮中央生态环境保护督察反馈问题第2项整改任务完成情况公示",
        "《定西市第二轮中央生态环境保护督察整改方案》中“农村生活污水治理滞后”整改任务已整改完成，现予公示。"))
    assert all(t["closure_urls"] == [] for t in data["plans"][0]["tasks"])
    (orphan,) = data["orphan_closeouts"]
    assert (orphan["url"], orphan["numbers"]) == (DX + "c2", [2])
    assert "甘肃省定西市" in orphan["reason"]


def test_the_report_lists_orphans_per_inspection_and_closeouts_per_publisher(ledger_db):
    data = ledger_data(ledger_db, as_of="2024-01-01")
    assert data["closeouts_by_publisher"] == [
        {"site_id": "dx", "publisher": "定西市人民政府", "level": "city", "region": "甘肃省定西市", "closeouts": 2,
         "linked": 1, "cross_level": 1, "orphans": 1}]
    assert data["closeouts_by_city"] == [
        {"city": "甘肃省定西市", "publishers": 1, "closeouts": 2, "linked": 1, "cross_level": 1, "orphans": 1}]
    md = render_ledger(ledger_db, as_of="2024-01-01", fmt="md")
    assert "### 省级第二轮生态环境保护督察 (1)" in md
    assert "| 定西市人民政府 | dx | city | 2 | 1 | 1 | 1 |" in md
    assert "| 甘肃省定西市 | 1 | 2 | 1 | 1 | 1 |" in md


@pytest.fixture(scope="module")
def page(ledger_db):
    """GET a path from Datasette over ``ledger_db``, configured as ``ducha serve`` does."""
    ds = Datasette([str(ledger_db)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    loop = asyncio.new_event_loop()
    yield lambda path: loop.run_until_complete(ds.client.get(path))
    loop.close()


def test_ledger_pages_list_orphans_per_inspection_and_closeouts_per_publisher(page):
    index = lxml_html.fromstring(page("/-/ducha/ledger?as_of=2024-01-01").text)
    (heading,) = index.cssselect("h3.ledger-orphans")
    assert "省级第二轮生态环境保护督察" in heading.text_content() and "（1）" in heading.text_content()
    (item,) = index.cssselect("ul.ledger-orphans li")
    assert "任务 16" in item.text_content() and item.cssselect("a")[0].get("href").startswith("/-/ducha/document/")
    assert index.cssselect("h3.ledger-orphans") and not lxml_html.fromstring(
        page("/-/ducha/ledger?as_of=2021-12-31").text).cssselect("h3.ledger-orphans")
    card = lxml_html.fromstring(page("/-/ducha/ledger/scorecard?as_of=2024-01-01").text)
    (row,) = card.cssselect("table.ledger-publishers tbody tr")
    cells = {td.get("class"): td.text_content().strip() for td in row.cssselect("td")}
    assert (row.get("data-site"), cells["closeouts"], cells["linked"], cells["cross_level"], cells["orphans"]) == (
        "dx", "2", "1", "1", "1")
    (city,) = card.cssselect("table.ledger-cities tbody tr")
    cells = {td.get("class"): td.text_content().strip() for td in city.cssselect("td")}
    assert (city.get("data-city"), cells["publishers"], cells["closeouts"], cells["cross_level"]) == (
        "甘肃省定西市", "1", "2", "1")
