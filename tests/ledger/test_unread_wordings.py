"""What no reader could read — a plan's inspection, deadline and status cells, a close-out's task — is listed for a
person to check: in ``ducha report ledger`` (md and JSON), as the ``ledger_unread`` Datasette query (the same rows),
counted on the scorecard and, for a watched region's close-out, alerted once; cells that say nothing (—) are not."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import UTC, datetime

import pytest
from datasette.app import Datasette
from lxml import html as lxml_html
from sqlite_utils import Database

from archive.ledger import build_ledger, ledger_data, render_ledger
from archive.store import Archive
from archive.timeliness import compute_measures
from archive.warc import WarcWriter
from archive.web.ledger_meta import LEDGER_QUERIES
from tests.ledger.conftest import REPO, ROUND, _page, built_once, capture, copy_built, ingest_ledger_postings

G = "https://sthjt.guizhou.gov.cn/p/"
GUIZHOU_PLAN = (
    f"{ROUND}组于2021年12月10日向贵州省进行了反馈。对督察反馈的3个问题，制定整改方案如下。\n"
    "1. 赤水河流域违规小水电整治不到位（牵头单位：省水利厅；整改时限：视项目进度确定）\n"
    "2. 磷石膏堆场渗漏问题（牵头单位：省生态环境厅；整改时限：—）\n"
    "3. 工业园区污水管网缺失（牵头单位：省住房城乡建设厅；整改时限：2024年底前）"
)
UNNAMED_TITLE = "关于印发《草海保护区督察反馈问题整改方案》的通知"


@pytest.fixture
def unread_db(tmp_path, tmp_path_factory):
    """The archive of ``_build_unread`` (built once, copied for each test)."""
    return copy_built(built_once(tmp_path_factory, "unread", _build_unread), tmp_path)


def _build_unread(tmp_path):
    """The ledger fixture archive plus a Guizhou plan (one deadline unread, one a bare dash), two of its progress
    reports (one status unread, one a dash, then a second unread one later), a plan naming its inspection only inside
    《》 and a close-out citing no task."""
    path, warc = tmp_path / "archive.db", tmp_path / "warc"
    reports = [("r1", "2024-05-01", [("1", "赤水河流域违规小水电整治不到位", "报省级复核中"), ("2", "磷石膏堆场渗漏问题", "—"),
                                     ("3", "工业园区污水管网缺失", "已完成")]),
               ("r2", "2024-08-01", [("1", "赤水河流域违规小水电整治不到位", "见附件"), ("3", "工业园区污水管网缺失", "已完成")])]
    with WarcWriter(warc, run_id="t") as writer, Archive(path, warc_dir=warc) as a:
        ingest_ledger_postings(a)
        a.upsert_sites([{"id": "gz", "name": "贵州省生态环境厅", "region": "贵州省", "level": "province",
                         "start_urls": []}])
        a.ingest(capture(G + "plan", "gz", f"贵州省贯彻落实{ROUND}报告整改方案", GUIZHOU_PLAN, "2022-06-15",
                         "rectification_plan"))
        # a plan that names no inspection the readers know: no feedback, no lag, no link to its 督察反馈
        a.ingest(capture(G + "plan2", "gz", UNNAMED_TITLE, "现将整改方案印发如下。\n1. 草海保护区违规养殖（牵头单位：省林业局；"
                         "整改时限：2024年底前）", "2022-08-01", "rectification_plan"))
        for name, posted, rows in reports:
            page = capture(G + name, "gz", f"贵州省{ROUND}反馈问题整改进展情况公开", f"{ROUND}整改进展", posted,
                           "rectification_progress")
            page.warc = writer.write_exchange(url=G + name, status=200, body=_page(rows),
                                              response_headers=[("Content-Type", "text/html; charset=utf-8")])
            a.ingest(page)
        # a close-out whose task the readers cannot tell (no number, no task's words): tied to no task, no orphan
        a.ingest(capture(G + "n1", "gz", "关于贵州省某县整改任务验收销号情况的公示",
                         "经验收，该项目已完成整改，符合销号条件，现予公示。公示期为2024年6月3日至2024年6月14日。",
                         "2024-06-03", "acceptance_notice"))
    db = Database(path)
    compute_measures(db, now=datetime(2024, 9, 1, 10, tzinfo=UTC))
    build_ledger(db, warc_dir=warc)
    db.close()
    return path


def _listed(data: dict) -> list[tuple]:
    return [(w["region"], w["kind"], w["number"], w["words"], w["posted"], w["posted_in"])
            for w in data["unread_wordings"]]


CLOSEOUT = ("贵州省", "closeout", None, "关于贵州省某县整改任务验收销号情况的公示", "2024-06-03", G + "n1")


def test_exactly_the_unread_cells_are_listed_by_as_of(unread_db):
    assert _listed(ledger_data(unread_db, as_of="2024-06-01")) == [
        ("贵州省", "deadline", 1, "视项目进度确定", "2022-06-15", G + "plan"),
        ("贵州省", "status", 1, "报省级复核中", "2024-05-01", G + "r1"),
        ("贵州省", "inspection", None, UNNAMED_TITLE, "2022-08-01", G + "plan2")]
    # the close-out once posted, then the later report's cell; every Sichuan cell is read (dates, 长期坚持, 立行立改,
    # 已完成 …) and both Sichuan close-outs are linked
    assert _listed(ledger_data(unread_db, as_of="2024-07-01"))[3:] == [CLOSEOUT]
    assert _listed(ledger_data(unread_db, as_of="2024-09-01"))[2:] == [
        ("贵州省", "status", 1, "见附件", "2024-08-01", G + "r2"),
        ("贵州省", "inspection", None, UNNAMED_TITLE, "2022-08-01", G + "plan2"), CLOSEOUT]
    assert _listed(ledger_data(unread_db, region="四川省", as_of="2024-09-01")) == []


def test_the_canned_query_lists_the_same_rows(unread_db):
    sql = LEDGER_QUERIES["ledger_unread"]["sql"]
    conn = sqlite3.connect(unread_db)
    for region in ("", "贵州", "四川省"):
        for as_of in ("2024-06-01", "2024-07-01", "2024-09-01"):
            rows = conn.execute(sql, {"region": region, "as_of": as_of}).fetchall()
            assert [r[:6] for r in rows] == _listed(ledger_data(unread_db, region=region or None, as_of=as_of)), (
                region, as_of)
    assert len(conn.execute(sql, {"region": "", "as_of": "2024-09-01"}).fetchall()) == 5


def test_the_report_says_how_many_and_lists_them(unread_db):
    md = render_ledger(unread_db, as_of="2024-07-01", fmt="md")
    assert "4 wording(s) no reader could read" in md
    section = md.split("## Wordings no reader could read", 1)[1]
    assert f"| 1 | deadline | 视项目进度确定 | 2022-06-15 | {G}plan |" in section
    assert f"| 1 | status | 报省级复核中 | 2024-05-01 | {G}r1 |" in section
    assert f"| 贵州省 |  |  | closeout | 关于贵州省某县整改任务验收销号情况的公示 | 2024-06-03 | {G}n1 |" in section
    assert "—" not in section.split("|---|", 1)[1]  # a dash says nothing
    data = json.loads(render_ledger(unread_db, as_of="2024-07-01", fmt="json"))
    assert [w["words"] for w in data["unread_wordings"]] == ["视项目进度确定", "报省级复核中", UNNAMED_TITLE, CLOSEOUT[3]]
    read_all = render_ledger(unread_db, region="四川省", as_of="2024-07-01", fmt="md")
    assert "no reader could read" not in read_all


def test_datasette_serves_the_query_with_its_description(unread_db):
    metadata = json.loads((REPO / "datasette-metadata.json").read_text("utf-8"))
    query = metadata["databases"]["archive"]["queries"]["ledger_unread"]
    assert query["params"] == ["region", "as_of"] and "check" in query["description"]
    ds = Datasette([str(unread_db)], metadata=metadata)
    db_name = unread_db.stem
    page = asyncio.run(ds.client.get(f"/{db_name}/ledger_unread?region=&as_of=2024-09-01"))
    assert page.status_code == 200
    cells = [td.text_content().strip() for td in lxml_html.fromstring(page.text).cssselect("td.col-words")]
    assert cells == ["视项目进度确定", "报省级复核中", "见附件", UNNAMED_TITLE, CLOSEOUT[3]]


def test_the_ledger_index_links_the_list(unread_db):
    ds = Datasette([str(unread_db)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    page = asyncio.run(ds.client.get("/-/ducha/ledger?as_of=2024-09-01&region=贵州省"))
    links = [a.get("href") for a in lxml_html.fromstring(page.text).cssselect("a")
             if a.text_content().startswith("未能识别的措辞")]
    assert links == ["/archive/ledger_unread?as_of=2024-09-01&region=%E8%B4%B5%E5%B7%9E%E7%9C%81"]
    listed = asyncio.run(ds.client.get(links[0]))
    assert [td.text_content().strip() for td in lxml_html.fromstring(listed.text).cssselect("td.col-words")] == [
        "视项目进度确定", "报省级复核中", "见附件", UNNAMED_TITLE, CLOSEOUT[3]]


def test_the_scorecard_counts_them_per_region_and_links_the_list(unread_db):
    from archive.ledger.view import plan_views, scorecard

    rows = scorecard(plan_views(sqlite3.connect(unread_db), as_of="2024-09-01"))
    assert [(r["region"], r["unread"]) for r in rows] == [("四川省", 0), ("四川省绵阳市", 0), ("贵州省", 4)]
    ds = Datasette([str(unread_db)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    page = lxml_html.fromstring(asyncio.run(ds.client.get("/-/ducha/ledger/scorecard?as_of=2024-09-01")).text)
    cell = page.cssselect('tr[data-region="贵州省"] td.unread a')[0]
    assert cell.text_content() == "4" and cell.get("href").startswith("/archive/ledger_unread?region=")
    assert page.cssselect('tr[data-region="四川省"] td.unread')[0].text_content() == "0"


def test_a_watched_regions_close_out_tied_to_no_task_alerts_once(unread_db, tmp_path):
    """Without it a close-out the readers could not tie to a task would pass a watched region in silence."""
    from tests.ledger.test_ledger_alerts import _after

    n1 = Database(unread_db).execute("SELECT id FROM documents WHERE url = ?", [G + "n1"]).fetchone()[0]
    first = _after(unread_db, tmp_path, "2024-07-01", regions=("贵州",), overdue=False)
    assert [(e.key, e.kind, e.notice_url, e.posted) for e in first.ledger] == [
        (f"unlinked:{n1}", "unlinked", G + "n1", "2024-06-03")]
    sent = json.loads((tmp_path / "alerts.jsonl").read_text("utf-8").splitlines()[-1])
    assert "1 close-out(s) tied to no task" in sent["subject"]
    assert (f"  - 贵州省 — close-out posted 2024-06-03, tied to no task: {CLOSEOUT[3]}\n    {G}n1"
            in sent["text"])
    assert _after(unread_db, tmp_path, "2024-07-02", regions=("贵州",), overdue=False).ledger == []  # once
    elsewhere = _after(unread_db, tmp_path, "2024-07-03", regions=("四川",), overdue=False)
    assert elsewhere.ledger and {e.kind for e in elsewhere.ledger} == {"closure"}  # Sichuan's are all linked
