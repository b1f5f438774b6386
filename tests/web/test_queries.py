"""Every canned query, on the synthetic archive and on an empty one."""
from __future__ import annotations

import json
from datetime import date

import pytest

from archive.web.metadata import build_metadata, canned_queries

QUERIES = sorted(canned_queries())
PARAMS = {"search": {"q": "销号"}}


def test_metadata_file_is_generated_from_code():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "datasette-metadata.json"
    assert json.loads(path.read_text(encoding="utf-8")) == build_metadata()


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_is_documented(name):
    query = canned_queries()[name]
    assert query["title"] and query["description"]
    assert set(query.get("params", [])) == {p for p in ("q", "order", "page", "days", "site", "region", "type", "since",
                                                        "until", "plan", "as_of")
                                            if f":{p}" in query["sql"]}


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_runs_on_an_empty_archive(name, get_empty):
    response = get_empty(f"/archive/{name}.json", params={**PARAMS.get(name, {}), "_shape": "array"})
    assert response.status_code == 200, response.text
    expected_rows = {"site_health": 0}
    assert len(response.json()) == expected_rows.get(name, 0)


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_page_renders(name, get):
    response = get(f"/archive/{name}", params=PARAMS.get(name, {}))
    assert response.status_code == 200
    assert canned_queries()[name]["title"] in response.text


def test_latest_lists_newest_first(rows, corpus):
    found = rows("/archive/latest")
    assert len(found) == len(corpus.ids)
    assert found[0]["document_link"] == corpus.ids["backdated"]
    assert [r["首次发现"] for r in found] == sorted((r["首次发现"] for r in found), reverse=True)


def test_latest_filters_by_site(rows, corpus):
    assert {r["document_link"] for r in rows("/archive/latest", site="js-sthjt")} == {
        corpus.ids["body_only"], corpus.ids["removed"]}


LIST_PAGES = ["latest", "open_gongshi", "removed", "changes", "backdating"]


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_read_like_a_list(rows, name):
    """Title first, Chinese column names, flags as 是/否, no JSON or codes; the document link kept for scripts."""
    found = rows(f"/archive/{name}", site="", region="", days="")
    assert found, name
    columns = list(found[0])
    assert columns[0] == "标题" and "document_link" in columns and "站点" in columns and "类型" in columns
    assert all(c == "document_link" or not c.isascii() for c in columns), columns
    for row in found:
        for column, value in row.items():
            assert not str(value).startswith(("[", "{")), (column, value)
            assert value not in ("soft-404", "redirect-home", "live", "removed", "earlier_than_first_seen")


def test_open_gongshi_lists_windows_not_yet_closed(rows, corpus):
    found = {r["document_link"]: r for r in rows("/archive/open_gongshi")}
    assert set(found) == {corpus.ids["notice"], corpus.ids["removed"]}
    notice = found[corpus.ids["notice"]]
    assert notice["剩余天数"] == (date.fromisoformat(notice["公示截止"]) - corpus.today).days >= 0
    assert (found[corpus.ids["removed"]]["已撤下"], notice["已撤下"]) == ("是", "否")


def test_removed_says_when_why_and_after_how_long(rows, corpus):
    (row,) = rows("/archive/removed")
    assert row["document_link"] == corpus.ids["removed"]
    assert row["在线天数"] == 0.0  # last seen = first seen: observed online on one visit only
    assert row["公示期内删除"] == "是"
    assert row["原因"] == "页面不存在（404）"


def test_changes_show_a_compact_diff(rows, corpus):
    found = rows("/archive/changes")
    assert {r["document_link"] for r in found} == {corpus.ids["plan"], corpus.ids["xss"]}
    plan = [r for r in found if r["document_link"] == corpus.ids["plan"]]
    body_change = next(r for r in plan if "正文" in r["改动部分"])
    assert "<ins>" in body_change["改动摘要"] and "<del>" in body_change["改动摘要"]
    hostile = next(r for r in found if r["document_link"] == corpus.ids["xss"])
    assert "&lt;img src=x onerror=alert(3)&gt;" in hostile["改动摘要"] and "<img" not in hostile["改动摘要"]
    date_change = next(r for r in found if "日期" in r["改动部分"])
    old, new = date_change["发布日期改动"].split(" → ")
    assert new < old


def test_backdating_flags_late_arrivals_and_dates_moved_earlier(rows, corpus):
    found = {r["document_link"]: r for r in rows("/archive/backdating")}
    assert set(found) == {corpus.ids["backdated"], corpus.ids["plan"]}
    assert found[corpus.ids["backdated"]]["早了几天"] == 5
    assert found[corpus.ids["backdated"]]["原因"] == "日期早于首次发现"
    assert found[corpus.ids["plan"]]["日期被改"] == "是"
    assert {r["document_link"] for r in rows("/archive/backdating", days="10")} == {corpus.ids["plan"]}


def test_site_health_reports_runs_and_failures(rows):
    found = {r["site_id"]: r for r in rows("/archive/site_health")}
    assert set(found) == {"mee", "sc-sthjt", "js-sthjt"}
    assert found["js-sthjt"]["last_run_outcome"] == "failed"
    assert found["js-sthjt"]["failures_last_10_runs"] == 1
    assert found["mee"]["last_run_outcome"] == "ok" and found["mee"]["failures_last_10_runs"] == 0
    assert found["mee"]["last_ok_run"] > found["js-sthjt"]["last_ok_run"]
    assert found["js-sthjt"]["removed"] == 1


def test_chart_queries_count_postings_and_removals(rows, corpus):
    per_month = rows("/archive/postings_per_month")
    assert sum(r["postings"] for r in per_month) == len(corpus.ids)
    assert rows("/archive/removals_over_time")[0]["removals"] == 1
    timeliness = {r["region"]: r for r in rows("/archive/timeliness_by_region")}
    assert timeliness["全国"]["max_posting_lag_days"] == 5
    assert timeliness["全国"]["backdated"] == 1 and timeliness["四川省"]["backdated"] == 1


def test_chart_queries_draw_an_svg_chart_equal_to_their_rows(get, rows):
    """每月公告数 draws on the server (no script): one bar per month, one segment per region and its count."""
    import lxml.html

    tree = lxml.html.fromstring(get("/archive/postings_per_month").text)
    drawn = {(g.get("data-label"), r.get("data-kind")): int(r.get("data-value"))
             for g in tree.xpath("//svg//g[@data-label]") for r in g.xpath(".//rect")}
    assert drawn == {(r["month"], r["region"]): r["postings"] for r in rows("/archive/postings_per_month")}


def test_document_links_in_tables(get, corpus):
    for table in ("versions", "events", "attachments"):
        html = get(f"/archive/{table}").text
        assert 'class="ducha-doc" href="/-/ducha/document/' in html, table


def test_year_facet_on_documents(get):
    data = get("/archive/documents.json", params={"_facet_year": "publish_date"}).json()
    years = data["facet_results"]["publish_date"]["results"]
    assert sum(y["count"] for y in years) == data["filtered_table_rows_count"]
    first = years[0]
    filtered = get(first["toggle_url"].replace("http://localhost", "")).json()
    assert filtered["filtered_table_rows_count"] == first["count"]


def test_timeliness_on_the_web_is_the_cli_report(rows, corpus):
    from archive.timeliness.report import summarise

    web = rows("/archive/timeliness_by_region")
    assert sorted(web, key=lambda r: r["region"]) == sorted(summarise(corpus.path), key=lambda r: r["region"])
    assert all(r["windows_shorter_than_stated"] is None for r in web if r["windows_checked"] == 0)
    assert [r["median_posting_lag_days"] for r in web] == sorted((r["median_posting_lag_days"] for r in web),
                                                                 reverse=True)


@pytest.mark.parametrize("name", ["latest", "removed", "backdating", "open_gongshi", "changes"])
def test_region_as_readers_type_it(rows, name):
    full = rows(f"/archive/{name}", region="四川省", site="", days="", q="")
    assert rows(f"/archive/{name}", region="四川", site="", days="", q="") == full
    assert full or name != "latest"


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_page_titles_link_to_the_document(get, rows, name):
    html = get(f"/archive/{name}").text
    for row in rows(f"/archive/{name}", site="", region="", days=""):
        assert f'class="ducha-title" href="/-/ducha/document/{row["document_link"]}"' in html
    assert "<script>alert(1)</script>" not in html


def test_journalist_tasks_in_one_form(rows, corpus):
    """四川 整改方案 of the last month (by label or code), and what was removed this week."""
    from datetime import timedelta

    month_ago = (corpus.today - timedelta(days=30)).isoformat()
    assert rows("/archive/latest", region="四川", type="整改方案", since=month_ago) == []  # its date moved 40 days back
    two_months = (corpus.today - timedelta(days=60)).isoformat()
    assert [r["document_link"] for r in rows("/archive/latest", region="四川", type="整改方案", since=two_months)] == [
        corpus.ids["plan"]]
    assert rows("/archive/latest", region="四川", type="rectification_plan", since="") == rows(
        "/archive/latest", region="四川", type="整改方案", since="")
    assert {r["document_link"] for r in rows("/archive/latest", region="四川", type="其他", since=month_ago)} == {
        corpus.ids["attachment_only"]}
    week_ago = (corpus.today - timedelta(days=7)).isoformat()
    assert [r["document_link"] for r in rows("/archive/removed", since=week_ago)] == [corpus.ids["removed"]]
    assert rows("/archive/removed", since=corpus.today.isoformat()) == []


def test_not_computed_is_shown_as_such(get):
    page = get("/archive/timeliness_by_region").text
    assert '<span class="not-computed">未计算</span>' in page
