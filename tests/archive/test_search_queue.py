"""Search rows written in batches (``Archive(search_batch=N)``): same index as at once, nothing lost on a crash."""
from __future__ import annotations

import random
import sqlite3
import unicodedata

from archive.models import AttachmentCapture
from archive.normalise import nfkc
from archive.search import PENDING, search
from archive.store import Archive

QUERIES = ["销号", "公示", "整改方案", "改了", "一次", "识别文字", "第3号", "号", "正文7"]


def _captures(make_capture):
    """New postings, edits of earlier ones, and an attachment whose text arrives later, interleaved."""
    out = []
    for i in range(12):
        out.append(make_capture(url=f"https://x/{i}.html", title=f"第{i}号公示", attachments=[],
                                body_text=f"正文{i}验收销号" if i % 2 else f"正文{i}整改方案"))
        if i % 4 == 3:  # edit an earlier posting twice: the index must forget both old texts
            for n, body in enumerate(("改了一次", "改了两次整改方案")):
                out.append(make_capture(url=f"https://x/{i - 2}.html", title=f"第{i - 2}号公示", attachments=[],
                                        body_text=body, fetched_at=f"2026-11-2{n + 1}T09:00:00+08:00"))
    pdf = AttachmentCapture(url="https://x/b.pdf", name="附件", sha256="b" * 64, text=None)
    out.append(make_capture(url="https://x/a.html", body_text="正文", attachments=[pdf]))
    out.append(make_capture(url="https://x/a.html", body_text="正文", fetched_at="2026-11-24T09:00:00+08:00",
                            attachments=[AttachmentCapture(url="https://x/b.pdf", name="附件", sha256="b" * 64,
                                                           text="识别文字")]))
    return out


def _results(path) -> dict[str, list[int]]:
    conn = sqlite3.connect(path)
    try:
        return {q: [r["id"] for r in search(conn, q, limit=100)] for q in QUERIES}
    finally:
        conn.close()


def _build(path, captures, batch: int) -> Archive:
    archive = Archive(path, search_batch=batch)
    archive.upsert_sites([{"id": "mee", "name": "生态环境部"}])
    for capture in captures:
        archive.ingest(capture)
    return archive


def test_batched_index_equals_the_index_written_at_once(tmp_path, make_capture):
    captures = _captures(make_capture)
    _build(tmp_path / "now.db", captures, batch=1).close()
    _build(tmp_path / "batched.db", captures, batch=5).close()
    expected = _results(tmp_path / "now.db")
    assert expected["一次"] == [] and expected["改了"] == [10, 6, 2] and expected["识别文字"] == [13]
    assert _results(tmp_path / "batched.db") == expected
    conn = sqlite3.connect(tmp_path / "batched.db")
    assert conn.execute(f"SELECT count(*) FROM {PENDING}").fetchone()[0] == 0
    conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 0)")  # raises if corrupt


def test_queued_postings_wait_for_the_batch_then_are_found(tmp_path, make_capture):
    archive = _build(tmp_path / "archive.db", _captures(make_capture)[:3], batch=10)
    try:
        assert _results(tmp_path / "archive.db")["公示"] == []  # recorded, not yet searchable
        assert archive.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
        assert archive.flush_search() == 3
        assert _results(tmp_path / "archive.db")["公示"] == [3, 2, 1]
    finally:
        archive.close()


def test_a_writer_that_dies_before_flushing_loses_nothing(tmp_path, make_capture):
    archive = _build(tmp_path / "archive.db", _captures(make_capture), batch=1000)
    archive.db.close()  # the process dies: no close(), no flush
    assert _results(tmp_path / "archive.db")["公示"] == []
    Archive(tmp_path / "archive.db").close()  # the next opening indexes the queue
    _build(tmp_path / "now.db", _captures(make_capture), batch=1).close()
    assert _results(tmp_path / "archive.db") == _results(tmp_path / "now.db")


def test_nfkc_shortcut_equals_unicodedata_on_mixed_text():
    rng = random.Random(7)
    pool = ([chr(c) for c in range(0xFF01, 0xFF5F)] + ["\u3000", "\u0301", "\u0308", "①", "ﬁ", "㎡", "Ａ\u0301",
            "。", "、", "《", "》", "“", "”", "a", "e", " ", "\n"] + [chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(40)])
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), repr(text)
