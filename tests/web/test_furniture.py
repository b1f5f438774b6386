"""Chinese furniture on Datasette's own pages, pickers, list links and the unknown-region message."""
from __future__ import annotations

from pathlib import Path

import datasette
import pytest

from archive.web.furniture import TRANSLATIONS

DEFAULT_TEMPLATES = Path(datasette.__file__).parent / "templates"


@pytest.mark.parametrize("name", sorted(TRANSLATIONS))
def test_every_translation_still_finds_its_string(name):
    source = (DEFAULT_TEMPLATES / name).read_text(encoding="utf-8")
    missing = [old for old, _ in TRANSLATIONS[name] if old not in source]
    assert not missing, f"Datasette's {name} changed; update archive.web.furniture: {missing}"


@pytest.mark.parametrize("path,chinese,english", [
    ("/archive/latest", ["检索条件", 'value="查询"', "结果：共 8 条", "首页 home</a>", "Datasette</a> 驱动"],
     ["Run SQL", "Custom SQL query returning", "Powered by", "Query parameters"]),
    ("/archive/documents", ["应用 Apply", "- 列 column -", "行", 'title="title">', ">标题</a>", ">首次发现</a>"],
     ['value="Apply"', ">first_seen_at</a>"]),
    ("/archive", ["运行 SQL", "数据表 Tables"], ['value="Run SQL"']),
    ("/archive?sql=select+1", ["运行 SQL Run SQL"], ['value="Run SQL"']),
])
def test_datasette_pages_speak_chinese(get, path, chinese, english):
    page = get(path).text
    for text in chinese:
        assert text in page, text
    for text in english:
        assert text not in page, text


def test_list_pages_have_pickers_and_links(get):
    page = get("/archive/removed", params={"region": "江苏", "since": "2000-01-01", "type": ""}).text
    assert "<title>已删除 Removed postings · 督察公示存档</title>" in page
    assert '<select id="qp2" name="region">' in page and '<option value="江苏" selected>江苏</option>' in page
    assert '<option value="四川省">四川省</option>' in page
    assert '<option value="sc-sthjt">四川省生态环境厅（sc-sthjt）</option>' in page
    assert 'href="/-/ducha/csv/removed?region=' in page and "下载 CSV（Excel）" in page
    assert 'class="ducha-feed" href="/archive/feed_removed.atom?region=%E6%B1%9F%E8%8B%8F"' in page
    assert 'class="ducha-full" href="/archive/documents?status=removed"' in page


def test_unknown_region_is_named_with_the_valid_ones(get):
    page = get("/archive/latest", params={"region": "火星"}).text
    assert "未知地区 unknown region “火星”；可选 valid regions: 全国、四川省、江苏省" in page
    assert "未知地区" not in get("/archive/latest", params={"region": "四川"}).text


def test_a_list_cut_by_its_limit_says_so(get):
    from archive.web import furniture

    class _Request:
        path = "/archive/latest"

    class _Datasette:
        @staticmethod
        def metadata(database=None):
            return {"queries": {"latest": {"sql": "SELECT 1\nLIMIT 2"}}}

    assert furniture._final_limit(_Datasette(), "archive", _Request()) == 2
    assert "结果：共 8 条" in get("/archive/latest").text  # 8 < 200: the true count


def test_unknown_region_in_json_is_an_error_for_scripts(get):
    response = get("/archive/latest.json", params={"region": "火星"})
    assert response.status_code == 400
    assert response.json() == {"ok": False, "error": "未知地区 unknown region “火星”；可选 valid regions: 全国、四川省、江苏省",
                               "parameter": "region", "valid": ["全国", "四川省", "江苏省"],
                               "valid_regions": ["全国", "四川省", "江苏省"]}
    assert get("/archive/latest.json", params={"region": "四川"}).status_code == 200
    assert get("/archive/documents.json", params={"region": "火星"}).status_code == 200  # tables: no region param
