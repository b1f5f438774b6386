"""The home page, table metadata, robots policy and permissions."""
from __future__ import annotations

from sqlite_utils import Database

from archive.schema import TABLE_ORDER
from archive.web.tables import TABLES


def test_home_page_links_search_queries_and_feeds(get):
    response = get("/")
    assert response.status_code == 200
    html = response.text
    assert '<form class="ducha-search" action="/archive/search" method="get">' in html
    for path in ("/archive/latest", "/archive/open_gongshi", "/archive/removed", "/archive/changes",
                 "/archive/backdating", "/archive/site_health", "/archive/feed_new.atom",
                 "/archive/feed_gongshi.atom", "/archive/feed_removed.atom", "/archive/feed_changed.atom",
                 "/archive/feed_ledger.atom", "/-/ducha/ledger", "/-/ducha/ledger/scorecard"):
        assert f'href="{path}' in html, path
    assert "督察公示存档" in html


def test_every_schema_table_is_described(corpus):
    tables = set(Database(corpus.path).table_names())
    public = {t for t in tables if not t.startswith(("_", "sqlite_", "documents_fts_"))}
    assert public - set(TABLES) == set()
    for name in public:
        assert TABLES[name]["description"]
    for name in TABLE_ORDER:  # the core tables document every column
        columns = {c.name for c in Database(corpus.path)[name].columns}
        assert columns - {"id"} <= set(TABLES[name]["columns"]), name


def test_documents_sorted_by_publish_date_desc(rows):
    dates = [r["publish_date"] for r in rows("/archive/documents", _size="max")]
    assert dates == sorted(dates, reverse=True)


def test_documents_facets(get):
    facets = get("/archive/documents.json").json()["facet_results"]
    assert {"site_id", "doc_type", "status", "publish_date"} <= set(facets)


def test_table_descriptions_shown(get):
    assert "每个公告（详情页 URL）一行" in get("/archive/documents").text


def test_robots_allows_home_and_documents_only(get):
    robots = get("/robots.txt").text
    lines = robots.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /-/ducha/document/" in lines and "Disallow: /archive" in lines and "Disallow: /-/" in lines


def test_anonymous_sql_is_read_only(get):
    assert get("/archive.json", params={"sql": "select count(*) as n from documents"}).status_code == 200
    response = get("/archive.json", params={"sql": "delete from documents"})
    assert response.status_code == 400
    assert get("/archive.json", params={"sql": "select count(*) as n from documents", "_shape": "array"}).json()[0]["n"]


def test_no_write_endpoints(get):
    plugins = {p["name"] for p in get("/-/plugins.json").json()}
    assert not {n for n in plugins if "write" in n or "upload" in n or "insert" in n or "edit" in n}


def test_facet_suggestions_are_off(get):
    assert get("/archive/documents.json", params={"_search": "公示"}).json()["suggested_facets"] == []


def test_home_links_this_weeks_removals(get, rows, corpus):
    from datetime import timedelta

    week_ago = (corpus.today - timedelta(days=7)).isoformat()
    html = get("/").text
    assert f'class="removed-week" href="/archive/removed?since={week_ago}">1 本周删除' in html
    assert [r["document_link"] for r in rows("/archive/removed", since=week_ago)] == [corpus.ids["removed"]]
