"""Datasette's own ``.csv`` (tables, views, canned queries): a BOM for Excel and a header of Chinese labels;
the rows untouched and the JSON keeping the machine names."""
from __future__ import annotations

import csv
import io

import pytest

from archive.web.csv_labels import labelled_header

BOM = "\ufeff".encode()


@pytest.mark.parametrize("path,header", [
    ("/archive/ledger_overdue.csv", None),
    ("/archive/search.csv?q=%E9%94%80%E5%8F%B7", ["公告", "匹配片段", "标题", "发布日期"]),
    ("/archive/documents.csv?_labels=on", ["编号", "站点", "站点（名称）", "原文地址"]),
    ("/archive/timeliness_flags.csv", ["公告", "站点"]),
    ("/archive/postings_per_month.csv", ["月份", "地区", "公告数"]),
])
def test_datasette_csv_has_a_bom_and_chinese_header(get, path, header):
    response = get(path)
    assert response.status_code == 200, response.text
    assert response.content.startswith(BOM) and not response.content.startswith(BOM + BOM)
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert not [name for name in table[0] if name.isascii() and name not in ("SHA-256",)], table[0]
    if header:
        assert table[0][:len(header)] == header


def test_csv_rows_equal_the_json_rows_which_keep_machine_names(get):
    rows = get("/archive/postings_per_month.json", params={"_shape": "array"}).json()
    assert set(rows[0]) == {"month", "region", "postings"}
    table = list(csv.reader(io.StringIO(get("/archive/postings_per_month.csv").content.decode("utf-8-sig"))))
    assert table[1:] == [[r["month"], r["region"], str(r["postings"])] for r in rows]


def test_streamed_csv_of_every_row(get, corpus):
    response = get("/archive/documents.csv", params={"_stream": "on", "_size": "max"})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.content.startswith(BOM) and table[0][0] == "编号" and len(table) == len(corpus.ids) + 1


def test_labelled_header_keeps_the_line_end_and_quotes():
    assert labelled_header("month,region,postings\r\n", None) == "月份,地区,公告数\r\n"
    assert labelled_header('"a,b",rank\n', None) == '"a,b",相关度\n'


def test_csv_of_arbitrary_sql_keeps_its_authors_names_and_gets_the_bom(get):
    response = get("/archive.csv", params={"sql": "select id, url from documents order by id limit 1"})
    assert response.status_code == 200, response.text
    assert response.content.decode("utf-8").splitlines()[0] == "\ufeffid,url"
