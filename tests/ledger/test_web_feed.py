"""The ledger's Atom feed (``feed_ledger.atom``): tasks that became overdue and close-outs, exact."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from lxml import etree
from sqlite_utils import Database

from archive.ledger import ledger_data
from archive.web.feeds import parse_updated
from tests.ledger.conftest import C, P

ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(response):
    assert response.status_code == 200, response.text
    feed = etree.fromstring(response.content)
    return sorted((e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}updated"), e.findtext(f"{ATOM}title"),
                   e.find(f"{ATOM}link").get("href")) for e in feed.iter(f"{ATOM}entry"))


def test_feed_lists_each_task_that_became_overdue_and_each_close_out_once(get, db_path):
    db = Database(db_path)
    doc = {url: db.execute("SELECT id, first_seen_at FROM documents WHERE url = ?", [url]).fetchone()
           for url in (P + "plan", C + "plan", P + "n2", C + "n1")}
    p, c, n2, n1 = (doc[u][0] for u in (P + "plan", C + "plan", P + "n2", C + "n1"))
    seen = {u: parse_updated(doc[u][1]).isoformat() for u in (P + "n2", C + "n1")}
    assert _entries(get("/archive/feed_ledger.atom")) == sorted([
        (f"urn:ducha:ledger:overdue:{p}:1", "2024-01-01T00:00:00+08:00", "逾期未销号 Overdue: 四川省 第1项 长江岸线生态修复不到位",
         f"http://localhost/-/ducha/ledger/{p}#task-1"),
        (f"urn:ducha:ledger:closure:{p}:2:{n2}", seen[P + "n2"], "验收销号 Close-out: 四川省 第2项 城镇污水处理设施建设滞后",
         f"http://localhost/-/ducha/document/{n2}"),
        (f"urn:ducha:ledger:closure:{c}:1:{n1}", seen[C + "n1"], "验收销号 Close-out: 四川省绵阳市 第1项 建筑垃圾乱堆乱放",
         f"http://localhost/-/ducha/document/{n1}"),
    ])
    # the date an entry gives is the day the report itself first calls the task overdue
    day = date(2024, 1, 1)
    assert next(t for pl in ledger_data(db_path, as_of=day)["plans"] if pl["url"] == P + "plan"
                for t in pl["tasks"] if t["number"] == 1)["overdue"] is True
    assert next(t for pl in ledger_data(db_path, as_of=day - timedelta(days=1))["plans"] if pl["url"] == P + "plan"
                for t in pl["tasks"] if t["number"] == 1)["overdue"] is False


def test_feed_ids_are_stable_across_a_full_rebuild_and_a_late_close_out_keeps_the_overdue_entry(get, db_path, tmp_path):
    from archive.ledger import build_ledger
    from archive.store import Archive
    from tests.ledger.conftest import capture

    before = _entries(get("/archive/feed_ledger.atom"))
    build_ledger(Database(db_path), full=True)  # plans and tasks get new row ids
    assert _entries(get("/archive/feed_ledger.atom")) == before
    with Archive(db_path, warc_dir=tmp_path / "warc") as a:
        a.ingest(capture(P + "n3", "sc", "关于第二轮中央生态环境保护督察第1项整改任务验收销号的公示",
                         "“长江岸线生态修复不到位”整改任务已整改完成。", "2024-06-25", "acceptance_notice"))
    build_ledger(Database(db_path))
    after = _entries(get("/archive/feed_ledger.atom"))
    n3 = Database(db_path).execute("SELECT id FROM documents WHERE url = ?", [P + "n3"]).fetchone()[0]
    plan = Database(db_path).execute("SELECT id FROM documents WHERE url = ?", [P + "plan"]).fetchone()[0]
    assert [e[0] for e in after if e not in before] == [f"urn:ducha:ledger:closure:{plan}:1:{n3}"]
    assert set(before) <= set(after)  # the task did become overdue on 2024-01-01; the close-out came later


def test_feed_region_filter_takes_a_city_and_refuses_an_unknown_region(get, db_path):
    city = _entries(get("/archive/feed_ledger.atom?region=四川省绵阳市"))
    assert [e[2] for e in city] == ["验收销号 Close-out: 四川省绵阳市 第1项 建筑垃圾乱堆乱放"]
    assert len(_entries(get("/archive/feed_ledger.atom?region=四川"))) == 3
    bad = get("/archive/feed_ledger.atom?region=湖南")
    assert bad.status_code == 400 and "四川省绵阳市" in bad.text


def test_feed_is_listed_in_the_metadata_and_never_dated_in_the_future(get, db_path):
    from archive.web.metadata import canned_queries

    assert "feed_ledger" in canned_queries()
    db = Database(db_path)
    db.execute("UPDATE tasks SET deadline = '2999-12-31' WHERE number = 1")
    db.conn.commit()
    entries = _entries(get("/archive/feed_ledger.atom"))
    assert all(datetime.fromisoformat(e[1]).year < 2999 for e in entries)
    assert not any(e[0].startswith("urn:ducha:ledger:overdue:") for e in entries)


def test_ledger_queries_take_a_city_region_as_json_and_refuse_an_unknown_one(get):
    city = get("/archive/ledger_overdue.json?region=四川省绵阳市&as_of=2024-07-01&_shape=array")
    assert city.status_code == 200 and city.json() == []  # the city's one dated task was closed in time
    province = get("/archive/ledger_overdue.json?region=四川&as_of=2024-07-01&_shape=array")
    assert [(r["region"], r["number"], r["days_overdue"]) for r in province.json()] == [("四川省", 1, 183)]
    bad = get("/archive/ledger_overdue.json?region=湖南&as_of=2024-07-01")
    assert bad.status_code == 400 and bad.json()["valid_regions"] == ["四川省", "四川省绵阳市"]
    page = get("/archive/ledger_overdue?region=四川省绵阳市&as_of=2024-07-01")
    assert page.status_code == 200 and "未知地区" not in page.text


def test_feed_lists_a_task_reported_done_with_no_close_out_to_this_day(get, progress_db):
    db = Database(progress_db)
    p, p2 = (db.execute("SELECT id FROM documents WHERE url = ?", [u]).fetchone()[0] for u in (P + "plan", P + "p2"))
    seen = parse_updated(db.execute("SELECT first_seen_at FROM documents WHERE id = ?", [p2]).fetchone()[0]).isoformat()
    claimed = [e for e in _entries(get("/archive/feed_ledger.atom")) if ":claimed:" in e[0]]
    # task 1: 已完成 in p2, never closed out; task 2 says 已完成 too but n2 closed it out: no entry
    assert claimed == [(f"urn:ducha:ledger:claimed:{p}:1:{p2}", seen,
                        "称已完成无销号 Reported done, no close-out: 四川省 第1项 长江岸线生态修复不到位",
                        f"http://localhost/-/ducha/ledger/{p}#task-1")]


def test_feed_site_filter_keeps_that_sites_plans_and_close_outs(get, db_path):
    city = _entries(get("/archive/feed_ledger.atom?site=my"))
    assert [e[2] for e in city] == ["验收销号 Close-out: 四川省绵阳市 第1项 建筑垃圾乱堆乱放"]
    province = _entries(get("/archive/feed_ledger.atom?site=sc"))
    assert len(province) == 2 and all("绵阳市" not in e[2] for e in province)
    assert get("/archive/feed_ledger.atom?site=nosuch").status_code == 400
