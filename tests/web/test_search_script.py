"""The search pages fold script: 生態環境 / 督察組 find postings written 生态环境 / 督察组 and the reverse, and the
snippets mark the characters as the posting writes them."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date

import httpx
import pytest

from archive.store import Archive
from tests.web.conftest import _datasette
from tests.web.corpus import SITES, _capture, _ts

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def get(tmp_path_factory: pytest.TempPathFactory, loop: asyncio.AbstractEventLoop) -> Callable[..., httpx.Response]:
    """GET from Datasette over an archive of one simplified, one traditional and one unrelated posting."""
    path = tmp_path_factory.mktemp("script") / "archive.db"
    postings = [("生态环境保护督察组反馈意见整改方案", "督察组指出的问题已完成销号。"),
                ("生態環境保護督察組反饋意見整改方案", "督察組指出的問題已完成銷號。"),
                ("环境监测通知", "无关内容。")]
    site = SITES[0]["id"]
    with Archive(path) as archive:
        archive.upsert_sites(SITES, now=_ts(DAY, 8))
        for i, (title, body) in enumerate(postings):
            archive.ingest(_capture(site, f"https://x.gov.cn/{i}.html", _ts(DAY), title, body, DAY))
    ds = _datasette(path)
    return lambda url, **kw: loop.run_until_complete(ds.client.get(url, **kw))


def _rows(get: Callable[..., httpx.Response], url: str, **params: str) -> list[dict]:
    response = get(url + ".json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("query", ["生態環境", "生态环境", "督察組", "督察组", "督察組反饋意見"])
def test_either_script_finds_both_postings(get, query):
    assert {r["document_link"] for r in _rows(get, "/archive/search", q=query)} == {1, 2}
    assert {r["id"] for r in _rows(get, "/archive/documents", _search=query, _col="title")} == {1, 2}


def test_snippets_mark_the_text_as_written(get):
    snippets = {r["document_link"]: r["snippet_html"] for r in _rows(get, "/archive/search", q="销号")}
    assert snippets == {1: "督察组指出的问题已完成<mark>销号</mark>。", 2: "督察組指出的問題已完成<mark>銷號</mark>。"}
    html = get("/archive/search", params={"q": "督察组"}).text
    assert "<mark>督察組</mark>" in html and "<mark>督察组</mark>" in html
