"""Atom feeds: the four feed queries, filters, empty results, escaping."""
from __future__ import annotations

from xml.etree import ElementTree

import pytest

from tests.web.corpus import XSS_TITLE_V2

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["feed_new", "feed_gongshi", "feed_removed", "feed_changed"]


def entries(response) -> list[ElementTree.Element]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def titles(response) -> set[str]:
    return {e.findtext(f"{ATOM}title") for e in entries(response)}


@pytest.mark.parametrize("name", FEEDS)
def test_feeds_are_valid_when_empty(name, get_empty):
    response = get_empty(f"/archive/{name}.atom")
    assert entries(response) == []
    assert ElementTree.fromstring(response.content).findtext(f"{ATOM}updated")


@pytest.mark.parametrize("name", FEEDS)
def test_feeds_filtered_to_nothing_are_valid(name, get):
    assert entries(get(f"/archive/{name}.atom", params={"site": "js-sthjt", "region": "四川"})) == []


def test_new_postings_feed(get, corpus):
    found = entries(get("/archive/feed_new.atom"))
    assert len(found) == len(corpus.ids)
    first = found[0]
    assert first.find(f"{ATOM}link").get("href").startswith("http://localhost/-/ducha/document/")
    assert first.findtext(f"{ATOM}updated").endswith("+08:00")


def test_gongshi_feed_only_has_gongshi(get):
    assert titles(get("/archive/feed_gongshi.atom")) == {
        "关于第一批整改任务验收销号情况的公示", "某项目环评受理公示", XSS_TITLE_V2}


def test_gongshi_feed_filters_by_region(get):
    assert titles(get("/archive/feed_gongshi.atom", params={"region": "江苏省"})) == {"某项目环评受理公示"}


def test_removed_feed(get):
    assert titles(get("/archive/feed_removed.atom")) == {"已删除 Removed: 某项目环评受理公示"}


def test_changed_feed_describes_the_change(get):
    found = entries(get("/archive/feed_changed.atom", params={"site": "sc-sthjt"}))
    assert len(found) == 2
    contents = " ".join(e.findtext(f"{ATOM}content") for e in found)
    assert "{+" in contents and "逐项销号" in contents


def test_feed_escapes_archived_markup(get):
    response = get("/archive/feed_new.atom")
    assert b"<script>" not in response.content and b"<img" not in response.content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_atom_renderer_reads_naive_timestamps_as_china_time(get_empty):
    sql = "select 1 as atom_id, 't' as atom_title, '2026-11-01T08:00:00' as atom_updated"
    found = entries(get_empty("/archive.atom", params={"sql": sql}))
    assert found[0].findtext(f"{ATOM}updated") == "2026-11-01T08:00:00+08:00"


def test_atom_html_content_is_sanitised(get_empty):
    sql = ("select 1 as atom_id, 't' as atom_title, '2026-11-01' as atom_updated,"
           " '<ins>a</ins><script>alert(1)</script><img src=x onerror=alert(1)>' as atom_content_html")
    content = entries(get_empty("/archive.atom", params={"sql": sql}))[0].findtext(f"{ATOM}content")
    assert content == "<ins>a</ins>"


def test_region_feed_as_readers_type_it(get, corpus):
    short = get("/archive/feed_new.atom", params={"region": "四川"})
    assert titles(short) == titles(get("/archive/feed_new.atom", params={"region": "四川省"})) != set()
    assert ElementTree.fromstring(short.content).findtext(f"{ATOM}title") == "新公告 Atom 订阅 New postings feed（地区 四川）"
    unknown = get("/archive/feed_new.atom", params={"region": "火星"})
    assert unknown.status_code == 400 and "四川省" in unknown.text and "江苏省" in unknown.text


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("params", [{}, {"region": "四川"}, {"site": "mee"}])
def test_feeds_parse_in_a_real_feed_reader(get, name, params):
    import feedparser

    response = get(f"/archive/{name}.atom", params=params)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    for value in params.values():
        assert value in parsed.feed.title
    for entry in parsed.entries:
        assert entry.title and entry.updated_parsed and entry.link.startswith("http://localhost/-/ducha/document/")


def test_feed_links_use_the_base_url_when_served_behind_a_proxy(get, monkeypatch):
    monkeypatch.setenv("DUCHA_BASE_URL", "https://ducha.example.org/")
    links = {e.find(f"{ATOM}link").get("href") for e in entries(get("/archive/feed_new.atom"))}
    assert links and all(link.startswith("https://ducha.example.org/-/ducha/document/") for link in links)
