"""Search: one token per Han character, queries as phrases — exact recall and precision on Chinese words."""
from __future__ import annotations

import pytest

from archive.models import AttachmentCapture
from archive.search import MATCH_NOTHING, fts_query, index_text, search

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
WORDS = ["销号", "公示", "整改方案"]


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
    assert index_text("整改方案ab12") == "整 改 方 案 ab12"
    assert index_text("验收，销号。ＡＢ Cd-9 かな한글 㐀") == "验 收 销 号 ab cd 9 か な 한 글 㐀"
    assert fts_query("销号") == '"销 号"'
    assert fts_query("整改方案 2023") == '"整 改 方 案" "2023"'
    assert fts_query('a"b') == '"a b"'
    assert fts_query("") == fts_query("  ，。 ") == MATCH_NOTHING


@pytest.mark.parametrize("word", WORDS)
def test_exact_recall_and_precision(corpus, word):
    found = {r["id"] for r in search(corpus.db, word, limit=100)}
    assert found == expected(word)
    assert found  # the corpus has positives for every word


def test_multi_term_and_hostile_queries(corpus):
    assert {r["id"] for r in search(corpus.db, "整改方案 2023")} == {7}
    for hostile in ['"', 'NEAR(a b)', "销号 OR", "*", "a:b", "-销", "^公示", "公示)"]:
        search(corpus.db, hostile)  # never an FTS syntax error
    assert search(corpus.db, "") == [] and search(corpus.db, "，") == []


def test_snippet_and_rank(corpus):
    rows = search(corpus.db, "销号")
    assert rows == sorted(rows, key=lambda r: r["rank"])
    assert any("[销号]" in r["snippet"] for r in rows)
    assert all("brk" not in r["snippet"] for r in rows)
