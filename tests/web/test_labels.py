"""One home for column labels: every column a reader can meet — of a table, a view or a canned query — has a
Chinese label, and table and query pages show it (the name stays in ``title`` and ``data-column``)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from archive.web.labels import has_label, label
from archive.web.plugin import prepare_connection
from tests.web.conftest import METADATA

#: SQLite's and the full-text index's own tables, which no reader browses.
INTERNAL = ("sqlite_", "_sqlite_", "documents_fts", "_search_pending")


def test_every_column_of_every_table_view_and_query_has_a_chinese_label(corpus):
    conn = sqlite3.connect(corpus.path)
    prepare_connection(conn)
    missing = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"):
        if not name.startswith(INTERNAL):
            missing += [(name, c[1]) for c in conn.execute(f"PRAGMA table_info([{name}])") if not has_label(c[1], name)]
    for name, query in json.loads(METADATA.read_text("utf-8"))["databases"]["archive"]["queries"].items():
        cursor = conn.execute(query["sql"], {p: "" for p in query.get("params", [])})
        missing += [(name, d[0]) for d in cursor.description if not has_label(d[0])]
    assert missing == []


def test_labels_follow_the_table_then_the_query_names():
    assert label("status", "documents") == "状态" and label("status", "task_links") == "关联状态"
    assert label("publish_date") == "发布日期" and label("document_link") == "公告"
    assert label("site_id_label", "documents") == "站点（名称）"
    assert label("标题") == "标题"


@pytest.mark.parametrize("path,shown,name", [
    ("/archive/search?q=%E9%94%80%E5%8F%B7", '>公告</th>', "document_link"),
    ("/archive/postings_per_month", ">公告数</th>", "postings"),
    ("/archive/timeliness_flags", '>公告</a>', "document_id"),
])
def test_pages_show_labels_and_keep_names_for_machines(get, path, shown, name):
    page = get(path).text
    assert shown in page and f'title="{name}"' in page and f">{name}<" not in page


def test_every_canned_query_parameter_has_a_chinese_label():
    from archive.web.furniture import PARAM_LABELS

    queries = json.loads(METADATA.read_text("utf-8"))["databases"]["archive"]["queries"]
    params = {p for query in queries.values() for p in query.get("params", [])}
    assert sorted(params - set(PARAM_LABELS)) == []
