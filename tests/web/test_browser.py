"""Real headless Chromium against ``datasette serve`` in a subprocess (as ``ducha serve`` runs it).

Fails, not skips, when Chromium is missing: ``scripts/setup.sh --test`` installs it.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

from tests.web.browser import MISSING, chromium_path, dump_dom, page_widths, serve
from tests.web.corpus import Corpus, build_corpus


class _Elements(HTMLParser):
    """Collect (tag, attributes, text) of the elements in a dumped DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), []))

    def handle_data(self, data):
        if self.elements:
            self.elements[-1][2].append(data)


def elements(dom: str) -> list[tuple[str, dict[str, str | None], str]]:
    parser = _Elements()
    parser.feed(dom)
    return [(tag, attrs, "".join(text)) for tag, attrs, text in parser.elements]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Corpus]]:
    """A Datasette subprocess over the synthetic archive: (base URL, corpus)."""
    if chromium_path() is None:
        pytest.fail(MISSING)
    corpus = build_corpus(tmp_path_factory.mktemp("browser") / "archive.db")
    with serve(corpus.path) as url:
        yield url, corpus


def test_home_page(site):
    url, _ = site
    dom = dump_dom(url + "/")
    assert "督察公示存档 Ducha Archive" in dom
    assert re.search(r'<form class="ducha-search" action="/archive/search"', dom)
    assert 'href="/archive/feed_gongshi.atom"' in dom


def test_search_for_xiaohao(site):
    url, corpus = site
    dom = dump_dom(url + "/archive/search?q=%E9%94%80%E5%8F%B7")
    linked = {int(m) for m in re.findall(r'class="ducha-doc" href="/-/ducha/document/(\d+)"', dom)}
    assert linked == corpus.containing("销号")
    assert dom.count("<mark>销号</mark>") >= len(linked)


def test_table_search_box(site):
    url, corpus = site
    dom = dump_dom(url + "/archive/documents?_search=%E9%94%80%E5%8F%B7")
    linked = {int(m) for m in re.findall(r'href="/-/ducha/document/(\d+)"', dom)}
    assert linked == corpus.containing("销号")


def test_document_page_with_diff(site):
    url, corpus = site
    dom = dump_dom(f"{url}/-/ducha/document/{corpus.ids['plan']}")
    found = elements(dom)
    inserted = [text for tag, _, text in found if tag == "ins"]
    deleted = [text for tag, _, text in found if tag == "del"]
    assert any("销号" in t for t in inserted) and any(t.strip() for t in deleted)
    assert dom.count('class="version"') == 3


def test_feed(site):
    url, _ = site
    dom = dump_dom(url + "/archive/feed_new.atom")
    assert "&lt;entry&gt;" in dom and "关于典型案例的通报" in dom
    assert not [tag for tag, _, _ in elements(dom) if tag == "script"]


def test_empty_feed(site):
    url, _ = site
    dom = dump_dom(url + "/archive/feed_removed.atom?site=js-sthjt&region=%E5%9B%9B%E5%B7%9D")  # valid, no rows
    assert "&lt;feed" in dom and "&lt;entry&gt;" not in dom
    assert "未知站点" in dump_dom(url + "/archive/feed_removed.atom?site=no-such-site")  # a typo is an error


def _latest_version(corpus: Corpus, key: str) -> int:
    with sqlite3.connect(corpus.path) as conn:
        return conn.execute("SELECT id FROM versions WHERE document_id = ? ORDER BY captured_at DESC, id DESC",
                            [corpus.ids[key]]).fetchone()[0]


@pytest.mark.parametrize("path", ["/-/ducha/document/{xss}", "/-/ducha/document/{xss}/diff/{xss_v2}",
                                  "/archive/documents/{xss}", "/archive/search?q=公示", "/archive/latest"])
def test_archived_markup_renders_as_text(site, path):
    url, corpus = site
    dom = dump_dom(url + path.format(xss=corpus.ids["xss"], xss_v2=_latest_version(corpus, "xss")))
    found = elements(dom)
    assert "alert(1)" in dom  # the text is there …
    for tag, attrs, text in found:  # … but never as markup
        assert not (tag == "script" and "alert" in text), text
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (tag == "img" and attrs.get("src") == "x")
        assert tag != "svg"
    assert not re.search(r"<body[^>]*data-pwned", dom)


PHONE_PAGES = ["/-/ducha/document/{plan}", "/-/ducha/document/{attachment_only}", "/-/ducha/document/{xss}",
               "/-/ducha/document/{xss}/diff/{xss_v2}", "/-/ducha/snapshot/{xss_v2}",
               "/archive/latest", "/archive/open_gongshi", "/archive/removed", "/archive/changes",
               "/archive/backdating", "/-/ducha/timeliness", "/"]


def test_no_horizontal_overflow_on_a_phone(site):
    """At 390 px (an iPhone's width) no page is wider than the screen: long URLs and hashes wrap."""
    url, corpus = site
    paths = [p.format(**corpus.ids, xss_v2=_latest_version(corpus, "xss")) for p in PHONE_PAGES]
    widths = page_widths([url + p for p in paths])
    too_wide = {u.removeprefix(url): w for u, w in widths.items() if w > 390}
    assert not too_wide, too_wide


def test_reader_pages_in_chromium(site):
    """The list, citation and snapshot pages as Chromium builds them."""
    url, corpus = site
    removed = elements(dump_dom(url + "/archive/removed"))
    headers = [text.strip() for tag, _, text in removed if tag == "th"]
    assert headers[:3] == ["标题", "删除时间", "原因"]
    links = [attrs.get("href") for tag, attrs, _ in removed if tag == "a"]
    assert f"/-/ducha/document/{corpus.ids['removed']}" in links
    assert any(href and href.startswith("/-/ducha/csv/removed") for href in links)
    document = dump_dom(f"{url}/-/ducha/document/{corpus.ids['notice']}")
    assert 'class="ducha-citation"' in document and "督察公示存档（Ducha Archive）存档于" in document
    snapshot = elements(dump_dom(f"{url}/-/ducha/snapshot/{_latest_version(corpus, 'xss')}"))
    assert any(tag == "h1" and "关于某化工厂整改情况的公示" in text for tag, _, text in snapshot)
    assert not any(tag in ("img", "iframe", "form") for tag, _, _ in snapshot)
    assert not any(name.startswith("on") for _, attrs, _ in snapshot for name in attrs)
