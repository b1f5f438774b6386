"""Close-outs across levels: a city notice citing the province's numbering closes the provincial task;
one whose plan is not in the archive is kept as an orphan close-out with its reason."""
from __future__ import annotations

import pytest
from sqlite_utils import Database

from archive.ledger import build_ledger, ledger_data, render_ledger
from archive.ledger.levels import province_of
from archive.store import Archive
from tests.ledger.conftest import capture

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
