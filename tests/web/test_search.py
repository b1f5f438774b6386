"""Chinese full-text search through Datasette: the table search box and the ``search`` canned query."""
from __future__ import annotations

import pytest

WORDS = ["销号", "公示", "整改方案"]


@pytest.mark.parametrize("word", WORDS)
def test_table_search_finds_exactly_the_postings_containing_the_word(word, rows, corpus):
    found = {r["id"] for r in rows("/archive/documents", _search=word, _col="title")}
    assert found == corpus.containing(word)
    assert found


@pytest.mark.parametrize("word", WORDS)
def test_search_query_finds_exactly_the_postings_containing_the_word(word, rows, corpus):
    found = rows("/archive/search", q=word)
    assert {r["document_link"] for r in found} == corpus.containing(word)


def test_near_misses_are_not_matches(rows, corpus):
    # 撤销…编号 and 整改工作方案 contain the characters but not the words
    assert corpus.ids["near_miss"] not in {r["id"] for r in rows("/archive/documents", _search="销号")}
    assert corpus.ids["near_miss"] not in {r["id"] for r in rows("/archive/documents", _search="整改方案")}


def test_attachment_text_is_searched(rows, corpus):
    found = {r["document_link"]: r for r in rows("/archive/search", q="销号")}
    assert "<mark>销号</mark>" in found[corpus.ids["attachment_only"]]["snippet_html"]


def test_snippet_marks_the_match_in_the_original_text(rows, corpus):
    hit = {r["document_link"]: r for r in rows("/archive/search", q="销号")}[corpus.ids["body_only"]]
    assert hit["snippet_html"] == "已完成整改并申请<mark>销号</mark>。"


def test_snippet_of_markup_is_escaped(rows, corpus):
    hit = {r["document_link"]: r for r in rows("/archive/search", q="公示")}[corpus.ids["xss"]]
    assert "<img" not in hit["snippet_html"] and "<script" not in hit["snippet_html"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in hit["snippet_html"]


def test_search_filters_by_region(rows, corpus):
    found = {r["document_link"] for r in rows("/archive/search", q="销号", region="四川省")}
    assert found == {corpus.ids["plan"], corpus.ids["attachment_only"]}


def test_fts_operators_in_a_query_are_text(rows):
    assert rows("/archive/documents", _search='销号" OR "公示') == []
    assert rows("/archive/search", q="NEAR(销号 公示)") == []


def test_empty_query_matches_nothing(rows):
    assert rows("/archive/search", q="") == []


def test_search_page_renders_marks_but_not_archived_markup(get):
    html = get("/archive/search", params={"q": "公示"}).text
    assert "<mark>公示</mark>" in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_table_search_box_page(get, corpus):
    response = get("/archive/documents", params={"_search": "销号"})
    assert response.status_code == 200
    assert f'href="/-/ducha/document/{corpus.ids["notice"]}"' in response.text
    assert 'rel="nofollow noopener noreferrer"' in response.text


def test_search_is_newest_first_and_relevance_on_request(rows, corpus):
    newest = rows("/archive/search", q="公示")
    assert [r["document_link"] for r in newest] == sorted(corpus.containing("公示"), reverse=True)
    assert all(r["rank"] is None for r in newest)
    ranked = rows("/archive/search", q="公示", order="relevance")
    assert {r["document_link"] for r in ranked} == corpus.containing("公示")
    assert [r["rank"] for r in ranked] == sorted((r["rank"] for r in ranked), reverse=True)


def test_one_character_and_two_term_queries_are_exact(rows, corpus):
    assert {r["document_link"] for r in rows("/archive/search", q="销")} == corpus.containing("销")
    both = corpus.containing("公示") & corpus.containing("整改")
    assert {r["document_link"] for r in rows("/archive/search", q="公示 整改")} == both
    assert {r["id"] for r in rows("/archive/documents", _search="公示 整改", _col="title")} == both


def test_large_table_search_is_capped_not_counted(get, corpus, monkeypatch):
    from archive.web import search_page

    small = get("/archive/documents", params={"_search": "销号"}).text
    assert "超过" not in small and 'class="facet-info' in small  # few matches: exact count and facets
    monkeypatch.setattr(search_page, "COUNT_CAP", 1)
    page = get("/archive/documents", params={"_search": "销号"})
    assert page.status_code == 200
    assert "超过 1 条" in page.text and 'class="facet-info' not in page.text
    assert f'href="/-/ducha/document/{corpus.ids["notice"]}"' in page.text
    asked = get("/archive/documents", params={"_search": "销号", "_facet": "status"}).text
    assert "超过" not in asked and 'class="facet-info' in asked  # a reader who asks for facets gets them


def test_search_filters_by_type_and_date_range_before_paging(rows, corpus):
    """The search's type and date pickers agree with the table's own filters, code or Chinese label."""
    def table(**filters):
        return {r["id"] for r in rows("/archive/documents", _search="公示", **filters)}

    label = rows("/archive/doc_types", code="acceptance_notice")[0]["label_zh"]
    for value in ("acceptance_notice", label):
        found = {r["document_link"] for r in rows("/archive/search", q="公示", type=value)}
        assert found == table(doc_type="acceptance_notice") and found
    dates = sorted({r["publish_date"] for r in rows("/archive/documents", _search="整改") if r["publish_date"]})
    assert len(dates) > 1
    found = {r["document_link"] for r in rows("/archive/search", q="整改", since=dates[0], until=dates[-2])}
    expected = {r["id"] for r in rows("/archive/documents", _search="整改", publish_date__gte=dates[0],
                                       publish_date__lte=dates[-2])}
    assert found == expected and found
    assert found != {r["id"] for r in rows("/archive/documents", _search="整改")}  # the range excluded some
