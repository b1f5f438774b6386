"""Search folds script: a query in traditional characters finds postings in simplified ones and the reverse,
snippets show the text as written, and an archive indexed before the fold is re-indexed once, in place."""
from __future__ import annotations

from archive import search_text
from archive.schema import migration_sets
from archive.search import search
from archive.store import Archive
from tests.archive.test_search import _Before

POSTINGS = [
    ("关于生态环境保护督察组反馈问题整改的公示", "督察组指出的问题已完成销号。"),  # simplified
    ("關於生態環境保護督察組反饋問題整改的公示", "督察組指出的問題已完成銷號。"),  # traditional (a mirror's copy)
    ("环境监测通知", "无关内容。"),                                               # neither
]


def _ingest(archive, make_capture) -> None:
    archive.upsert_sites([{"id": "mee", "name": "生态环境部"}])
    for i, (title, body) in enumerate(POSTINGS):
        archive.ingest(make_capture(url=f"https://x/{i}.html", title=title, body_text=body, attachments=[]))


def test_either_script_finds_both(archive, make_capture):
    _ingest(archive, make_capture)
    for query in ("生態環境", "生态环境", "督察組", "督察组", "督察組 销号", "生態環境保護督察組反饋"):
        assert {r["id"] for r in search(archive.db, query, limit=10)} == {1, 2}, query
    assert {r["id"] for r in search(archive.db, "环境 -督察組", limit=10)} == {3}
    assert [(r["id"], r["rank"]) for r in search(archive.db, "督察組", order="rank")] == [(2, 2), (1, 2)]


def test_snippets_and_highlights_show_the_characters_as_written(archive, make_capture):
    _ingest(archive, make_capture)
    snippets = {r["id"]: r["snippet"] for r in search(archive.db, "销号")}
    assert snippets == {1: "督察组指出的问题已完成[销号]。", 2: "督察組指出的問題已完成[銷號]。"}
    snippets = {r["id"]: r["snippet"] for r in search(archive.db, "督察組 问题")}
    assert snippets == {1: "关于生态环境保护[督察组]反馈[问题]整改的公示", 2: "關於生態環境保護[督察組]反饋[問題]整改的公示"}
    assert search_text.spans("中央生態環境保護督察組和生态环境", search_text.query_terms("生态环境")) == [(2, 6), (12, 16)]


def test_an_archive_indexed_before_the_fold_is_reindexed_once(tmp_path, make_capture, monkeypatch):
    from archive import schema

    path = tmp_path / "archive.db"
    monkeypatch.setattr(schema, "migration_sets", lambda: [_Before(m, "0011_search_script") for m in migration_sets()])
    monkeypatch.setattr(search_text, "_FOLD", search_text.BRACKETS)  # the index as main wrote it before 0011
    with Archive(path) as old:
        _ingest(old, make_capture)
        assert {r["id"] for r in search(old.conn, "生態環境")} == {2}  # one script only
    monkeypatch.undo()
    with Archive(path) as upgraded:
        conn = upgraded.conn
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_search_reindex'").fetchone()
        assert {r["id"] for r in search(conn, "生態環境")} == {1, 2}
        assert conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0] == 3
    with Archive(path) as again:  # opening again re-indexes nothing and finds the same
        assert not again.conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_search_reindex'").fetchone()
        assert {r["id"] for r in search(again.conn, "督察组")} == {1, 2}
        assert again.conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0] == 3


def test_a_mirrors_inline_pinyin_neither_hides_nor_breaks_a_word(archive, make_capture):
    """Mirror sites print pinyin after some characters (生態(tài)環(huán)境); a reader's 生态环境 must still find the posting,
    and the snippet marks the word as written, annotations included.  Brackets that are no pinyin stay text."""
    archive.upsert_sites([{"id": "mee", "name": "生态环境部"}])
    archive.ingest(make_capture(url="https://x/0.html", title="關於中央生態(tài)環(huán)境保護督察組進(jìn)駐的公告",
                                body_text="督察組(zǔ)指出的問題已整改(zhěng gǎi)完成。", attachments=[]))
    archive.ingest(make_capture(url="https://x/1.html", title="环境(一)监测", body_text="生态(二)环境", attachments=[]))
    for query in ("生态环境", "督察组进驻", "组指出", "整改完成", "生態環境保護"):
        assert [r["id"] for r in search(archive.db, query)] == [1], query
    assert search(archive.db, "tài") == []  # the annotation is not text a reader searches for
    assert [r["id"] for r in search(archive.db, "生态(二)环境")] == [2]  # a bracket of Han characters is kept
    assert [r["id"] for r in search(archive.db, "环境 -监测")] == [1]
    snippet = search(archive.db, "整改完成")[0]["snippet"]
    assert snippet == "督察組(zǔ)指出的問題已[整改(zhěng gǎi)完成]。"
    assert search_text.spans("生態(tài)環(huán)境與生态环境", search_text.query_terms("生态环境")) == [(0, 15), (16, 20)]


def test_an_archive_indexed_with_pinyin_is_reindexed_once(tmp_path, make_capture, monkeypatch):
    from archive import schema

    path = tmp_path / "archive.db"
    monkeypatch.setattr(schema, "migration_sets", lambda: [_Before(m, "0012_search_pinyin") for m in migration_sets()])
    monkeypatch.setattr(search_text, "unannotated", lambda text: (text, None))  # the index as written before 0012
    with Archive(path) as old:
        old.upsert_sites([{"id": "mee", "name": "生态环境部"}])
        old.ingest(make_capture(url="https://x/0.html", title="生態(tài)環(huán)境保護督察", body_text="正文", attachments=[]))
        assert search(old.conn, "生态环境") == []
    monkeypatch.undo()
    with Archive(path) as upgraded:
        assert [r["id"] for r in search(upgraded.conn, "生态环境")] == [1]
        assert not upgraded.conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_search_reindex'").fetchone()


def test_an_archive_indexed_with_toneless_pinyin_is_reindexed_once(tmp_path, make_capture, monkeypatch):
    """Some mirrors print toneless pinyin (來(lai)源, 湖北省(sheng)): an archive indexed before 0013 kept it as text."""
    from archive import schema

    path = tmp_path / "archive.db"
    monkeypatch.setattr(schema, "migration_sets",
                        lambda: [_Before(m, "0013_search_toneless_pinyin") for m in migration_sets()])
    monkeypatch.setattr(search_text, "unannotated", lambda text: (text, None))  # the index as written before 0013
    with Archive(path) as old:
        old.upsert_sites([{"id": "mee", "name": "生态环境部"}])
        old.ingest(make_capture(url="https://x/0.html", title="湖北省(sheng)生态(tai)环境(huan)督察", body_text="正文",
                                attachments=[]))
        old.ingest(make_capture(url="https://x/1.html", title="下载附件(pdf)说明", body_text="正文", attachments=[]))
        assert search(old.conn, "省生态环境") == []
    monkeypatch.undo()
    with Archive(path) as upgraded:
        assert [r["id"] for r in search(upgraded.conn, "省生态环境")] == [1]
        assert [r["id"] for r in search(upgraded.conn, "附件(pdf)")] == [2]  # a file type in brackets stays text
        assert not upgraded.conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_search_reindex'").fetchone()
