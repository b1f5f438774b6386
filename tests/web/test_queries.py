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
    assert set(query.get("params", [])) == {p for p in ("q", "days", "site", "region", "plan", "as_of") if f":{p}" in query["sql"]}


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
    assert [r["first_seen_at"] for r in found] == sorted((r["first_seen_at"] for r in found), reverse=True)


def test_latest_filters_by_site(rows, corpus):
    assert {r["document_link"] for r in rows("/archive/latest", site="js-sthjt")} == {
        corpus.ids["body_only"], corpus.ids["removed"]}


def test_open_gongshi_lists_windows_not_yet_closed(rows, corpus):
    found = {r["document_link"]: r for r in rows("/archive/open_gongshi")}
    assert set(found) == {corpus.ids["notice"], corpus.ids["removed"]}
    notice = found[corpus.ids["notice"]]
    assert notice["objection_end"] == notice["computed_deadline"]  # 10 working days, counted by the archive
    assert notice["days_left"] == (date.fromisoformat(notice["objection_end"]) - corpus.today).days >= 0
    assert found[corpus.ids["removed"]]["status"] == "removed"


def test_removed_says_when_and_after_how_long(rows, corpus):
    (row,) = rows("/archive/removed")
    assert row["document_link"] == corpus.ids["removed"]
    assert row["days_online"] == 3.0
    assert row["removed_during_objection_window"] == 1
    assert row["reason"] == "404"


def test_changes_show_a_compact_diff(rows, corpus):
    found = rows("/archive/changes")
    assert {r["document_link"] for r in found} == {corpus.ids["plan"], corpus.ids["xss"]}
    plan = [r for r in found if r["document_link"] == corpus.ids["plan"]]
    body_change = next(r for r in plan if "body" in r["changed_parts"])
    assert "<ins>" in body_change["diff_html"] and "<del>" in body_change["diff_html"]
    hostile = next(r for r in found if r["document_link"] == corpus.ids["xss"])
    assert "&lt;img src=x onerror=alert(3)&gt;" in hostile["diff_html"] and "<img" not in hostile["diff_html"]
    date_change = next(r for r in found if "dates" in r["changed_parts"])
    assert date_change["new_publish_date"] < date_change["old_publish_date"]


def test_backdating_flags_late_arrivals_and_dates_moved_earlier(rows, corpus):
    found = {r["document_link"]: r for r in rows("/archive/backdating")}
    assert set(found) == {corpus.ids["backdated"], corpus.ids["plan"]}
    assert found[corpus.ids["backdated"]]["days_earlier"] == 5
    assert found[corpus.ids["backdated"]]["reasons"] == "earlier_than_first_seen"
    assert found[corpus.ids["plan"]]["dates_moved_earlier"] == 1
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
    assert timeliness["全国"]["max_lag_days"] == 5.0
    assert timeliness["全国"]["backdated"] == 1 and timeliness["四川省"]["backdated"] == 1


def test_chart_links_preconfigure_vega(get):
    html = get("/").text
    assert "/archive/postings_per_month#g.mark=bar&amp;g.x_column=month" in html


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
