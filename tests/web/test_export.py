"""下载 CSV（Excel）: BOM, every row, plain text, URL and permalink columns."""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from archive.web.export import all_rows_sql, plain_text
from archive.web.queries import unordered

LISTS = ["latest", "open_gongshi", "removed", "changes", "backdating", "search"]


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("name", LISTS)
def test_every_list_downloads_as_excel_csv(get, rows, name):
    params = {"q": "销号"} if name == "search" else {}
    response = get(f"/-/ducha/csv/{name}", params=params)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith(f'attachment; filename="ducha-{name}-')
    found = _csv(response)
    shown = rows(f"/archive/{name}", **params) if name == "search" else rows(f"/archive/{name}", site="", region="",
                                                                               days="")
    assert [int(r["document_link"]) for r in found] == [r["document_link"] for r in shown]
    for row in found:
        assert row["存档页"] == f"http://localhost/-/ducha/document/{row['document_link']}"
        assert row["原文地址"].startswith("http")
        assert not any("<mark>" in v or "<ins>" in v or "<del>" in v for v in row.values())


def test_csv_has_every_row_beyond_the_page_limit(tmp_path, get, corpus):
    assert all_rows_sql("SELECT 1\nORDER BY 1\nLIMIT 200") == "SELECT 1\nORDER BY 1"
    # the true total counts without the final sort (kept inside subqueries and string literals)
    assert unordered("SELECT a FROM (SELECT a FROM t ORDER BY a) WHERE b = ' ORDER BY (' ORDER BY (a) DESC") == \
        "SELECT a FROM (SELECT a FROM t ORDER BY a) WHERE b = ' ORDER BY ('"
    with sqlite3.connect(corpus.path) as conn:
        total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert len(_csv(get("/-/ducha/csv/latest"))) == total


def test_csv_keeps_the_filters_and_the_diff_as_text(get, corpus):
    only = _csv(get("/-/ducha/csv/latest", params={"region": "四川"}))
    assert {int(r["document_link"]) for r in only} == {corpus.ids["plan"], corpus.ids["attachment_only"]}
    changes = _csv(get("/-/ducha/csv/changes"))
    assert any("【+" in r["改动摘要"] for r in changes)
    assert plain_text("a<mark>销号</mark>&lt;b&gt;") == "a销号<b>"
    assert get("/-/ducha/csv/no_such_list").status_code == 404
    unknown = get("/-/ducha/csv/latest", params={"region": "火星"})
    assert unknown.status_code == 400 and "四川省" in unknown.text
