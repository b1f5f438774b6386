"""Search: overlapping character pairs in a contentless FTS5 table — the same postings as a substring scan."""
from __future__ import annotations

import random
import re

import pytest

from archive import search as search_module
from archive.models import AttachmentCapture
from archive.schema import migration_sets
from archive.search import MATCH_NOTHING, fts_query, fts_query_rest, index_text, search
from archive.search_text import PART_SEP, matches, needs_check, normalise, parse
from archive.store import Archive
from tests.like_oracle import like_query

# (title, body, attachment text or None)
CORPUS = [
    ("关于验收销号的公示", "正文无关内容。", None),                        # 销号 in title, 公示 in title
    ("通知", "该问题已完成验收销号。", None),                              # 销号 in body
    ("通知", "详见附件。", "验收销号表"),                                  # 销号 in attachment only
    ("销毁编号说明", "销和号分开出现：注销账号、编号。", None),            # 销 … 号 apart: no match
    ("整改工作方案", "整改的方案，方案整改。", None),                      # 整改 + 方案 apart: no match
    ("某市整改方案", "第一部分", None),                                    # 整改方案 in title
    ("进展", "按照整改方案2023年版推进，公 示期满。", None),               # 整改方案 in body; spaced 公 示
    ("标题末尾是销", "号开头的正文", None),                                # spans a field boundary: no match
    ("公告", "公开示范", "附件：整改方案"),                                 # 公示 apart; 整改方案 in attachment
    ("ＡＢＣ公示", "latin Text 2023", None),                               # full-width latin, 公示
]
WORDS = ["销号", "公示", "整改方案", "销", "号"]


def expected(word: str) -> set[int]:
    """Ids (1-based, insertion order) of corpus documents with ``word`` inside one field (spaces ignored)."""
    return {i + 1 for i, fields in enumerate(CORPUS) if any(word in (f or "").replace(" ", "") for f in fields)}


@pytest.fixture
def corpus(archive, make_capture):
    """The archive with the synthetic corpus ingested."""
    for i, (title, body, att) in enumerate(CORPUS):
        atts = [AttachmentCapture(url=f"https://x/{i}.pdf", name="附件", sha256=f"{i:064x}", text=att)] if att else []
        res = archive.ingest(make_capture(url=f"https://x/{i}.html", title=title, body_text=body, attachments=atts))
        assert res.document_id == i + 1
    return archive


def test_index_text_and_fts_query():
    assert index_text("整改方案ab12") == ("整改 改方 方案 案a ab b1 12 丨brk 1 2 a b 改 整 方 案 丨brk "
                                          "丨t整改 丨t改方 丨t方案 丨t案a 丨tab 丨tb1 丨t12 "
                                          "丨t整 丨t改 丨t方 丨t案 丨ta 丨tb 丨t1 丨t2")
    assert index_text(["公　示", None, "ＡＢ"]) == "公示 丨brk ab 丨brk a b 公 示 丨brk 丨t公示 丨t公 丨t示"
    assert index_text([None, "正文"]) == "正文 丨brk 文 正"  # no title: no title tokens
    assert normalise("验收，销号。ＡＢ Cd-9\n㐀") == "验收,销号。abcd-9㐀"  # NFKC: full-width comma → ","
    assert fts_query("销号") == '"销号"'
    assert fts_query("整改方案 2023") == '"整改" "改方" "方案" "20" "02" "23"'
    assert fts_query("销") == '"销"'
    assert fts_query("销 号码", title=True) == '"丨t销" "丨t号码"'
    assert fts_query_rest("销号") == '("销号") NOT ("丨t销号")' and fts_query_rest("整改方案") == fts_query("整改方案")
    assert fts_query('a"b') == '"a""" """b"'
    assert not needs_check("销号 公示 销") and needs_check("公示 整改方案")
    assert matches("整改方案 2023", "按照整改方案", "2023年") and not matches("整改方案", "整改的方案")
    assert not matches("销号", "标题末尾是销" + PART_SEP + "号开头的附件")
    assert fts_query("") == fts_query("  \n ") == MATCH_NOTHING
    assert normalise("川环委〔2026〕50号 【1】 [2] （3）") == "川环委(2026)50号(1)(2)(3)"
    assert parse("督察 整改 OR 销号 -环评") == ([["督察"], ["整改", "销号"]], ["环评"])
    assert parse("OR 销号 OR") == ([["or"], ["销号"], ["or"]], [])  # OR only between two terms
    assert fts_query("销号 OR 公示 -环评") == '((("销号") OR ("公示"))) NOT "环评"'
    assert fts_query("-环评") == MATCH_NOTHING and not matches("-环评", "任何文字")
    assert matches("销号 OR 公示 -环评", "验收公示") and not matches("销号 OR 公示 -环评", "环评公示")
    assert matches("整改方案 -整改工作方案", "整改方案") and needs_check("公示 -整改工作方案")


@pytest.mark.parametrize("word", WORDS)
def test_exact_recall_and_precision(corpus, word):
    found = {r["id"] for r in search(corpus.db, word, limit=100)}
    assert found == expected(word)
    assert found  # the corpus has positives for every word


def test_multi_term_and_hostile_queries(corpus):
    assert {r["id"] for r in search(corpus.db, "整改方案 2023")} == {7}
    for hostile in ['"', 'NEAR(a b)', "销号 OR", "*", "a:b", "-销", "^公示", "公示)", '""', "AND"]:
        search(corpus.db, hostile)  # never an FTS syntax error
    assert search(corpus.db, "") == [] and search(corpus.db, " \t") == []


def test_newest_first_by_default_and_rank_on_request(corpus):
    rows = search(corpus.db, "销号")
    assert [r["id"] for r in rows] == sorted(expected("销号"), reverse=True)
    ranked = search(corpus.db, "销号", order="rank")
    in_titles = sorted((i + 1 for i, (title, _, _) in enumerate(CORPUS) if "销号" in title), reverse=True)
    assert [r["id"] for r in ranked] == in_titles + sorted(expected("销号") - set(in_titles), reverse=True)
    assert [r["rank"] for r in ranked] == [2] * len(in_titles) + [1] * (len(ranked) - len(in_titles))
    assert in_titles  # the corpus has a title match and other matches
    # 3+-character terms: the title's pairs apart (整改工作方案) are not a title match
    ranked = search(corpus.db, "整改方案", order="rank")
    assert [(r["id"], r["rank"]) for r in ranked] == [(6, 2), (9, 1), (7, 1)]


def test_snippet_marks_the_match_in_the_original_text(corpus):
    rows = {r["id"]: r["snippet"] for r in search(corpus.db, "公示")}
    assert rows[7] == "按照整改方案2023年版推进，[公 示]期满。"
    assert rows[10] == "ＡＢＣ[公示]"
    assert "[销号]" in {r["id"]: r["snippet"] for r in search(corpus.db, "销号")}[3]  # from the attachment
    assert {r["id"]: r["snippet"] for r in search(corpus.db, "abc")}[10] == "[ＡＢＣ]公示"


# --- exactness against a brute-force LIKE scan on a random sample --------------------------------------

_ALPHABET = list("整改方案验收销号公示督察环评川委文件") + list("ab12〔〕()【】[]。 ")
_QUERIES = ["销", "号", "〔", "1", "a", "销号", "公示", "2〕", "b1", "整改方案", "验收销号", "川环委〔2023〕1号",
            "委〔", "公示 销号", "整改 1号", "a 〔", "案验收", "示督", "川环委(2023)1号", "川环委[2023]1号",
            "(20", "销号 OR 公示", "整改方案 OR 验收销号 1", "公示 -销号", "整改 -整改方案", "a OR b -1 -验收销号"]


def _random_text(rng: random.Random, n: int) -> str:
    text = "".join(rng.choices(_ALPHABET, k=n))
    for word in ("川环委〔2023〕1号", "整改方案", "验收销号"):
        if rng.random() < 0.15:
            cut = rng.randint(0, len(text))
            text = text[:cut] + word + text[cut:]
    return text


def test_same_postings_as_like_on_a_random_sample(archive, make_capture):
    rng = random.Random(7)
    for i in range(300):
        atts = ([AttachmentCapture(url=f"https://x/{i}.pdf", name="附件", sha256=f"{i:064x}",
                                   text=_random_text(rng, 80))] if i % 4 == 0 else [])
        archive.ingest(make_capture(url=f"https://x/{i}.html", title=_random_text(rng, 12),
                                    body_text=_random_text(rng, 60), attachments=atts))
    for i in range(0, 300, 7):  # a new version for some: the old text must stop matching
        archive.ingest(make_capture(url=f"https://x/{i}.html", title=_random_text(rng, 12),
                                    body_text=_random_text(rng, 60), fetched_at="2026-11-24T09:00:00+08:00"))
    conn = archive.conn
    for query in _QUERIES:
        expected_ids = like_query(conn, query)
        found = {r["id"] for r in search(conn, query, limit=1000)}
        assert found == expected_ids, query
        assert len(found) >= 1, query


# --- ingest keeps the index current --------------------------------------------------------------------

def test_new_version_replaces_the_indexed_text(archive, make_capture):
    url = "https://x/a.html"
    archive.ingest(make_capture(url=url, title="甲乙", body_text="原来的正文提到销号。", attachments=[]))
    assert [r["id"] for r in search(archive.db, "销号")] == [1]
    archive.ingest(make_capture(url=url, title="甲乙", body_text="改过的正文只有公示。", attachments=[],
                                fetched_at="2026-11-24T09:00:00+08:00"))
    assert search(archive.db, "销号") == [] and search(archive.db, "原来") == []
    assert [r["id"] for r in search(archive.db, "公示")] == [1]
    assert archive.conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0] == 1


def test_attachment_text_filled_in_later_is_indexed(archive, make_capture):
    url = "https://x/b.html"
    att = AttachmentCapture(url="https://x/b.pdf", name="附件", sha256="b" * 64, text=None)
    archive.ingest(make_capture(url=url, body_text="正文", attachments=[att]))
    assert search(archive.db, "识别文字") == []
    att2 = AttachmentCapture(url="https://x/b.pdf", name="附件", sha256="b" * 64, text="识别文字")
    archive.ingest(make_capture(url=url, body_text="正文", attachments=[att2], fetched_at="2026-11-24T09:00:00+08:00"))
    assert [r["id"] for r in search(archive.db, "识别文字")] == [1]
    assert [r["id"] for r in search(archive.db, "正文")] == [1]


# --- migration from the old layout (one token per Han character, contentful) ----------------------------

_OLD_TOKEN = re.compile("[\u4e00-\u9fff]|[^\\W_\u4e00-\u9fff]+")


def _old_write_fts(conn, document_id, parts, old_parts=None):
    """What main wrote before 0003: one token per Han character in a contentful table."""
    text = " 丨brk\n".join(" ".join(t.lower() for t in _OLD_TOKEN.findall(p)) for p in parts if p)
    conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (document_id,))
    conn.execute("INSERT INTO documents_fts (rowid, search_text) VALUES (?, ?)", (document_id, text))


def _old_archive(path, make_capture, monkeypatch, n=25):
    """An archive at the schema before 0003, with its old index, as main made it."""
    from archive import schema

    real_reindex = search_module.reindex
    monkeypatch.setattr(schema, "migration_sets", lambda: [_Upto0002(m) for m in migration_sets()])
    monkeypatch.setattr(search_module, "mark_stale", lambda conn, doc_id, old: _old_write_fts(
        conn, doc_id, search_module.document_parts(conn, conn.execute(
            "SELECT current_version_id FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])))
    monkeypatch.setattr(search_module, "flush_pending", lambda conn: 0)
    monkeypatch.setattr(search_module, "reindex", lambda *a, **k: 0)
    with Archive(path) as old:
        old.upsert_sites([{"id": "mee", "name": "生态环境部"}])
        for i in range(n):
            old.ingest(make_capture(url=f"https://x/{i}.html", title=f"第{i}号公示", body_text=f"正文{i}验收销号"
                                    if i % 2 else f"正文{i}整改方案", attachments=[]))
        assert old.conn.execute("SELECT search_text FROM documents_fts WHERE rowid = 2").fetchone()[0]
    monkeypatch.undo()
    assert search_module.reindex is real_reindex


class _Upto0002:
    """A migration set that stops before 0003 (as main's code had it)."""

    def __init__(self, migrations):
        self.m, self.name = migrations, migrations.name

    def pending(self, db):
        return [m for m in self.m.pending(db) if m.name != "0003_search_bigrams"]

    def apply(self, db):
        self.m.apply(db, stop_before="0003_search_bigrams")


def test_migration_reindexes_an_old_archive_in_place(tmp_path, make_capture, monkeypatch):
    path = tmp_path / "archive.db"
    _old_archive(path, make_capture, monkeypatch)
    with Archive(path) as upgraded:
        conn = upgraded.conn
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_search_reindex'").fetchone()
        assert "content=''" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
        assert {r["id"] for r in search(conn, "销号", limit=100)} == set(range(2, 26, 2))
        assert {r["id"] for r in search(conn, "整改方案", limit=100)} == set(range(1, 26, 2))
        assert {r["id"] for r in search(conn, "第1号", limit=100)} == {2}
        assert conn.execute("SELECT search_text FROM documents_fts WHERE rowid = 2").fetchone()[0] is None


def test_interrupted_reindex_resumes(tmp_path, make_capture, monkeypatch):
    path = tmp_path / "archive.db"
    _old_archive(path, make_capture, monkeypatch)
    seen = []

    def stop_after_first_batch(done, total):
        seen.append((done, total))
        raise KeyboardInterrupt

    monkeypatch.setattr(search_module, "reindex",
                        lambda conn, **kw: _real_reindex(conn, batch=10, progress=stop_after_first_batch))
    with pytest.raises(KeyboardInterrupt):
        Archive(path)
    monkeypatch.undo()
    assert seen == [(10, 25)]
    with Archive(path) as resumed:
        assert {r["id"] for r in search(resumed.conn, "销号", limit=100)} == set(range(2, 26, 2))
        assert resumed.conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0] == 25


_real_reindex = search_module.reindex


class _Before(_Upto0002):
    """A migration set that stops before ``name`` (the layout of an earlier main)."""

    def __init__(self, migrations, name):
        super().__init__(migrations)
        self.stop = name

    def pending(self, db):
        names = [m.name for m in self.m.pending(db)]
        return [m for m in self.m.pending(db) if self.stop not in names or names.index(m.name) < names.index(self.stop)]

    def apply(self, db):
        if self.m.name == "ducha-core":
            self.m.apply(db, stop_before=self.stop)
        else:
            self.m.apply(db)


def _untitled_index_text(parts):
    """``index_text`` as main wrote it before 0006: no marked title tokens."""
    text = _real_index_text(parts)
    return text.split(f" {search_module.FIELD_BREAK} {search_module.TITLE_MARK}")[0]


_real_index_text = search_module.index_text


def test_an_archive_of_the_previous_main_gets_title_relevance_after_its_migration(tmp_path, make_capture, monkeypatch):
    """An archive at 0004 (bigrams, no queue, no title tokens), as main made it, upgraded in place."""
    from archive import schema

    path = tmp_path / "archive.db"
    monkeypatch.setattr(schema, "migration_sets", lambda: [_Before(m, "0005_search_pending") for m in migration_sets()])
    monkeypatch.setattr(search_module, "index_text", _untitled_index_text)
    monkeypatch.setattr(search_module, "mark_stale", lambda conn, doc_id, old: search_module.replace_document(
        conn, doc_id, search_module.document_parts(conn, conn.execute(
            "SELECT current_version_id FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]), None))
    monkeypatch.setattr(search_module, "flush_pending", lambda conn: 0)
    with Archive(path) as old:
        old.upsert_sites([{"id": "mee", "name": "生态环境部"}])
        for i in range(30):
            old.ingest(make_capture(url=f"https://x/{i}.html", title=f"第{i}号验收销号公示" if i % 3 == 0 else f"第{i}号通知",
                                    body_text=f"正文{i}，验收销号。", attachments=[]))
        assert not old.conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_search_pending'").fetchone()
        assert search(old.conn, "销号", order="rank")[0]["rank"] == 1  # no title tokens: no title tier yet
    monkeypatch.undo()
    with Archive(path) as upgraded:
        ranked = search(upgraded.conn, "销号", order="rank", limit=30)
        assert [(r["id"], r["rank"]) for r in ranked] == [(i + 1, 2) for i in range(27, -1, -3)] + \
            [(i + 1, 1) for i in range(29, -1, -1) if i % 3]
        assert {r["id"] for r in search(upgraded.conn, "1号", limit=30)} == {2, 12, 22}
        assert upgraded.conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0] == 30
