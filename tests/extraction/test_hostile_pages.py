"""Hostile detail pages: deep nesting keeps the body (and says so), huge pages are parsed only so far."""
from __future__ import annotations

import pytest

from crawler.extraction.decode import decode_html, limit_text
from crawler.extraction.page import extract_page

BODY = ('<div class="TRS_Editor"><p>经现场核查，第3项整改任务已完成，现将验收销号情况予以公示，公示期为十个工作日。</p>'
        '<p>附件：<a href="./P0201.pdf">验收材料.pdf</a></p></div>')
URL = "http://sthjj.example.gov.cn/gsgg/2026/t20261103_3.html"


def page(wrap: int, *, between: str = "") -> str:
    return ('<html><head><meta name="ArticleTitle" content="关于第3项整改任务验收销号的公示"><title>公示</title></head>'
            f'<body>{("<div>" + between) * wrap}{BODY}{"</div>" * wrap}</body></html>')


@pytest.mark.parametrize(("wrap", "between", "note"), [
    (300, "", None),                 # beyond libxml2's default 256 levels
    (3000, "", "flattened"),          # beyond 2,048 even with huge_tree: runs of wrappers flattened
    (50_000, "", "flattened"),
    (3000, "\n栏目 ", "dropped"),      # text between the wrappers: no run to flatten, wrappers dropped
])
def test_deeply_nested_page_keeps_body_and_attachments(wrap, between, note):
    got = extract_page(page(wrap, between=between), URL)
    assert "第3项整改任务已完成" in got.body_text
    assert got.attachments == [{"url": "http://sthjj.example.gov.cn/gsgg/2026/P0201.pdf", "name": "验收材料.pdf"}]
    assert not got.is_soft_404
    assert (not got.notes) if note is None else (note in got.notes[0])


def test_a_huge_page_is_cut_with_a_note_and_decoding_stays_cheap():
    unit = "<p>经现场核查，该项整改任务已按要求完成，整改措施落实到位。</p>\n"
    body = ("<html><body><div class='TRS_Editor'>" + unit * 100_000 + "</div></body></html>").encode()
    text, codec = decode_html(body)
    assert codec == "utf-8" and len(text) < len(body)
    cut, note = limit_text(text, len(body), 1024 * 1024)
    assert note == f"page of {len(body)} bytes: only its first 1048576 bytes were parsed (DUCHA_MAX_HTML_BYTES)"
    assert abs(len(cut.encode()) - 1024 * 1024) < 1024
    assert limit_text(text, len(body), 0) == (text, None)
    assert limit_text(text, len(body), len(body)) == (text, None)
