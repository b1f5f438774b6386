"""A city plan is linked to its 督察反馈 posting however the feedback names the provincial inspection."""
from __future__ import annotations

import pytest
from sqlite_utils import Database

from archive.ledger import build_ledger, ledger_data
from archive.store import Archive
from tests.ledger.conftest import capture

DX = "https://www.dingxi.gov.cn/art/"
PLAN = ("定西市贯彻落实省级第二轮生态环境保护督察反馈意见整改方案\n"
        "1. 城区建筑垃圾乱堆乱放（牵头单位：市住房城乡建设局；整改时限：2022年底前）\n"
        "2. 渭河支流水质不稳定（牵头单位：市生态环境局；整改时限：立行立改并长期坚持）")


@pytest.mark.parametrize("feedback", [
    "2021年9月1日，省第二生态环境保护督察组向我市反馈了督察情况。",  # a group number, no round
    "2021年9月1日，省级第二轮生态环境保护督察向我市进行了反馈。",  # level before round
])
def test_city_plan_is_linked_to_its_provincial_feedback(tmp_path, feedback):
    path = tmp_path / "archive.db"
    with Archive(path, warc_dir=tmp_path / "warc") as a:
        a.upsert_sites([{"id": "dx", "name": "定西市人民政府", "region": "甘肃省", "level": "city", "start_urls": []}])
        a.ingest(capture(DX + "fb", "dx", "省生态环境保护督察组向定西市反馈督察情况", feedback, "2021-09-02",
                         "inspection_feedback"))
        a.ingest(capture(DX + "plan", "dx", "定西市贯彻落实省级第二轮生态环境保护督察反馈意见整改方案", PLAN,
                         "2021-11-20", "rectification_plan"))
    build_ledger(Database(path))
    (plan,) = ledger_data(path, as_of="2022-06-01")["plans"]
    assert (plan["feedback_url"], plan["feedback_date"]) == (DX + "fb", "2021-09-01")
    assert [t["deadline"] for t in plan["tasks"]] == ["2022-12-31", None]
