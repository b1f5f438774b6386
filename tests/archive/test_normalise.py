"""normalise_text / content_hash: what a reader cares about, nothing else."""
from __future__ import annotations

from archive.normalise import changed_parts, content_hash, content_parts, normalise_text, tidy_text

DATES = {"cms": "2026-11-20", "stated": "2026-11-20"}


def test_normalise_text():
    assert normalise_text("ＡＢＣ１２３，（公示）") == "ABC123,(公示)"
    assert normalise_text("整改\u200b完成\ufeff") == "整改完成"
    assert normalise_text("  第一段 \r\n\r\n\t第二段\u3000内容 \xa0") == "第一段第二段内容"
    assert normalise_text("latin  words\nstay   apart") == "latin words stay apart"
    assert normalise_text(None) == ""


def test_tidy_text_keeps_lines_and_punctuation():
    assert tidy_text(" 第一段，\r\n\r\n  第二段\u200b ") == "第一段，\n第二段"


def test_hash_ignores_whitespace_width_and_order_of_attachments():
    base = content_hash("标题", DATES, "正文第一段。\n正文第二段。", ["b" * 64, "a" * 64])
    assert content_hash(" 标题 ", {**DATES, "list": None}, "正文 第一段。\n\n\n正文第二段。 ", ["A" * 64, "b" * 64]) == base
    assert content_hash("标题", DATES, "正文第一段。正文第二段。", ["a" * 64, "b" * 64, None]) == base


def test_hash_changes_with_each_component():
    base = content_hash("标题", DATES, "正文", ["a" * 64])
    variants = [content_hash("标题2", DATES, "正文", ["a" * 64]),
                content_hash("标题", {**DATES, "url": "2026-11-19"}, "正文", ["a" * 64]),
                content_hash("标题", DATES, "正文改", ["a" * 64]),
                content_hash("标题", DATES, "正文", ["b" * 64])]
    assert len({base, *variants}) == 5


def test_changed_parts():
    old = content_parts("标题", DATES, "正文", ["a" * 64])
    new = content_parts("新标题", DATES, "正文", ["b" * 64])
    assert changed_parts(old, new) == ["title", "attachments"]
