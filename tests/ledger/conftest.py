"""Fixtures for the ledger tests: a small archive with a province plan, a city plan and close-out notices."""
from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from datasette.app import Datasette
from sqlite_utils import Database

from archive.ledger import build_ledger
from archive.models import PageCapture
from archive.store import Archive
from archive.timeliness import compute_measures
from archive.warc import WarcWriter

T0 = "2024-07-01T09:00:00+08:00"
PROVINCE_PLAN = (
    "第二轮中央生态环境保护督察组于2021年12月10日向四川省进行了反馈。对督察反馈的4个问题，制定整改方案如下。\n"
    "1. 长江岸线生态修复不到位（牵头单位：省自然资源厅；整改时限：2023年底前）\n"
    "2. 城镇污水处理设施建设滞后（牵头单位：省住房城乡建设厅；整改时限：2024年6月底前）\n"
    "3. 建立长效监管机制（牵头单位：省生态环境厅；整改时限：长期坚持）"
)
CITY_PLAN = (
    "第二轮中央生态环境保护督察反馈问题整改方案。\n"
    "1. 建筑垃圾乱堆乱放（牵头单位：市住房城乡建设局；整改时限：2023年6月底前）\n"
    "2. 燃煤锅炉淘汰整治不到位（牵头单位：市生态环境局；整改时限：立行立改）"
)
P = "https://sthjt.sc.gov.cn/p/"
C = "https://sthjj.my.gov.cn/p/"


def capture(url, site, title, body, date, doc_type):
    return PageCapture(site_id=site, url=url, fetched_at=T0, http_status=200, title=title, body_text=body,
                       publish_date=date, publish_date_source="cms", dates={"cms": date}, doc_type=doc_type)


def ingest_ledger_postings(a: Archive) -> None:
    """The province plan, the city plan (same task numbers) and two close-out notices, with their sites."""
    a.upsert_sites([{"id": "sc", "name": "四川省生态环境厅", "region": "四川省", "level": "province", "start_urls": []},
                    {"id": "my", "name": "绵阳市生态环境局", "region": "四川省", "level": "city", "start_urls": []}])
    a.ingest(capture(P + "plan", "sc", "四川省贯彻落实第二轮中央生态环境保护督察报告整改方案", PROVINCE_PLAN,
                      "2022-06-01", "rectification_plan"))
    a.ingest(capture(C + "plan", "my", "绵阳市贯彻落实第二轮中央生态环境保护督察报告整改方案", CITY_PLAN,
                      "2022-07-01", "rectification_plan"))
    a.ingest(capture(C + "n1", "my", "关于第二轮中央生态环境保护督察反馈问题第1项整改任务验收销号情况的公示",
                      "《整改方案》中“建筑垃圾乱堆乱放”整改任务已整改完成，现予公示。"
                      "公示期为2023年5月10日至2023年5月24日。", "2023-05-10", "acceptance_notice"))
    a.ingest(capture(P + "n2", "sc", "关于第二轮中央生态环境保护督察第二项整改任务验收销号的公示",
                      "“城镇污水处理设施建设滞后”整改任务已整改完成。公示期为2024年6月20日至2024年7月4日。",
                      "2024-06-20", "acceptance_notice"))


def _build_ledger_archive(folder: Path) -> Path:
    """The archive of ``db_path`` built in ``folder``."""
    path = folder / "archive.db"
    with Archive(path, warc_dir=folder / "warc") as a:
        ingest_ledger_postings(a)
    db = Database(path)
    compute_measures(db, now=datetime(2024, 7, 1, 10, tzinfo=UTC))  # the 公示 windows, as after a crawl run
    build_ledger(db)
    db.close()
    return path


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], object]) -> Path:
    """``build(folder)`` run once per worker into a folder of its own (the built archive is the same every time);
    each test copies that folder (``copy_built``), so it may write to its archive freely."""
    folder = tmp_path_factory.getbasetemp() / f"built-{name}"
    if not (folder / ".built").exists():
        shutil.rmtree(folder, ignore_errors=True)  # a build that failed half-way
        folder.mkdir()
        build(folder)
        (folder / ".built").touch()
    return folder


def copy_built(folder: Path, tmp_path: Path) -> Path:
    """A copy of a ``built_once`` folder in ``tmp_path`` (files written in place: same paths as a fresh build)."""
    shutil.copytree(folder, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".built"))
    return tmp_path / "archive.db"


@pytest.fixture
def db_path(tmp_path, tmp_path_factory):
    """An archive with a province plan, a city plan (same task numbers) and close-out notices."""
    return copy_built(built_once(tmp_path_factory, "ledger", _build_ledger_archive), tmp_path)


ROUND = "第二轮中央生态环境保护督察"


def _page(rows: list[tuple[str, str, str]]) -> bytes:
    cells = "".join(f"<tr><td>{n}</td><td>{problem}</td><td>{status}</td></tr>" for n, problem, status in rows)
    return (f"<html><body><p>现将{ROUND}反馈问题整改进展情况公开如下。</p><table border=1>"
            f"<tr><th>序号</th><th>整改任务</th><th>整改进展</th></tr>{cells}</table></body></html>").encode()


def _build_progress_archive(folder: Path) -> Path:
    """The archive of ``progress_db`` built in ``folder``."""
    db_path = _build_ledger_archive(folder)
    warc = folder / "warc"
    reports = [("p1", "2023-10-01", [("1", "长江岸线生态修复不到位", "序时推进")]),
               # renumbered rows: the text decides (row 2 is task 3, row 3 is task 2)
               ("p2", "2024-05-01", [("1", "长江岸线生态修复不到位", "已完成"), ("2", "建立长效监管机制", "持续推进"),
                                     ("3", "城镇污水处理设施建设滞后", "已完成")])]
    with WarcWriter(warc, run_id="t") as writer, Archive(db_path, warc_dir=warc) as a:
        for name, posted, rows in reports:
            ref = writer.write_exchange(url=P + name, status=200, body=_page(rows),
                                        response_headers=[("Content-Type", "text/html; charset=utf-8")])
            page = capture(P + name, "sc", f"四川省{ROUND}反馈问题整改进展情况公开", f"{ROUND}整改进展", posted,
                           "rectification_progress")
            page.warc = ref
            a.ingest(page)
    db = Database(db_path)
    compute_measures(db, now=datetime(2024, 7, 1, 10, tzinfo=UTC))
    stats = build_ledger(db, warc_dir=warc)
    assert stats.progress_rows == 4
    db.close()
    return db_path


@pytest.fixture
def progress_db(db_path, tmp_path, tmp_path_factory):
    """The ledger fixture archive plus two progress reports of the province, their pages kept as WARC."""
    return copy_built(built_once(tmp_path_factory, "progress", _build_progress_archive), tmp_path)


REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def get(db_path):
    """GET a path from Datasette over the ledger archive, configured as ``ducha serve`` does."""
    ds = Datasette([str(db_path)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    loop = asyncio.new_event_loop()
    yield lambda path: loop.run_until_complete(ds.client.get(path))
    loop.close()


def reads_status(text: str, want: str) -> None:
    """The status read of ``text`` is ``want`` and, when it is a status, the head wording read is a span of the text
    (the rounds' form tests: ``test_language_forms_round35_r35a``, ``…_round36``)."""
    from archive.ledger.status import read_status

    found = read_status(text)
    assert found.status == want, (text, found)
    if want != "other":
        assert found.head and found.head in text  # the span read
