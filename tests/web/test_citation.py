"""The citation box, our archived copies of attachments and the sanitised snapshot of an archived page."""
from __future__ import annotations

import html
import re
import sqlite3
from hashlib import sha256

import pytest

from archive.web.archived import download_headers
from tests.web.corpus import HOSTILE_ATTACHMENT, PDF_BYTES


def _one(corpus, sql: str, *params):
    with sqlite3.connect(corpus.path) as conn:
        return conn.execute(sql, params).fetchone()


def test_citation_box_has_everything_a_citation_needs(get, corpus):
    doc_id = corpus.ids["notice"]
    page = get(f"/-/ducha/document/{doc_id}").text
    url, first_seen, last_seen, title = _one(corpus, "SELECT url, first_seen_at, last_seen_at, title FROM documents"
                                                     " WHERE id = ?", doc_id)
    captured, raw = _one(corpus, "SELECT captured_at, raw_sha256 FROM versions WHERE document_id = ?", doc_id)
    box = page.split('<section class="ducha-citation"', 1)[1].split("</section>", 1)[0]
    permalink = f"http://localhost/-/ducha/document/{doc_id}"
    for needed in (permalink, url, first_seen, last_seen, captured, raw):
        assert needed in box, needed
    texts = [html.unescape(t) for t in re.findall(r'<textarea class="cite-text"[^>]*>(.*?)</textarea>', box, re.DOTALL)]
    zh, en = texts
    assert f"《{title}》" in zh and permalink in zh and url in zh and raw in zh and "存档于" in zh
    assert f"“{title}”" in en and "Archived by Ducha Archive" in en and permalink in en
    assert 'href="/-/ducha/snapshot/' in box


def test_attachment_served_from_our_copy_with_its_digest(get, corpus):
    (att_id,) = _one(corpus, "SELECT id FROM attachments WHERE document_id = ?", corpus.ids["attachment_only"])
    page = get(f"/-/ducha/document/{corpus.ids['attachment_only']}").text
    assert f'class="archived-copy" href="/-/ducha/attachment/{att_id}"' in page
    response = get(f"/-/ducha/attachment/{att_id}")
    assert response.status_code == 200 and response.content == PDF_BYTES
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E9%99%84%E4%BB%B61" in response.headers["content-disposition"]
    assert response.headers["x-ducha-sha256-verified"] == "yes"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_hostile_attachment_is_never_rendered(get, corpus):
    (att_id,) = _one(corpus, "SELECT id FROM attachments WHERE document_id = ?", corpus.ids["xss"])
    response = get(f"/-/ducha/attachment/{att_id}")
    assert response.content == HOSTILE_ATTACHMENT and sha256(response.content).hexdigest()
    assert response.headers["content-type"] == "application/octet-stream"  # archived as text/html
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "sandbox" in response.headers["content-security-policy"]
    assert "<script>" not in response.headers["content-disposition"]


def test_snapshot_is_sanitised_and_marked_as_archived(get, corpus):
    (version_id,) = _one(corpus, "SELECT id FROM versions WHERE document_id = ? ORDER BY id DESC", corpus.ids["xss"])
    response = get(f"/-/ducha/snapshot/{version_id}")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    assert "存档快照 Archived snapshot" in page and "不是原网页" in page
    snapshot = page.split('<div class="ducha-snapshot">', 1)[1].split("<!-- /ducha-snapshot -->", 1)[0]
    assert "<h1>关于某化工厂整改情况的公示</h1>" in snapshot and "现予公示。" in snapshot
    for forbidden in ("<script", "alert(", "onload", "onerror", "<img", "<form", "<iframe", "<style", "javascript:"):
        assert forbidden not in snapshot, forbidden
    assert 'href="https://www.mee.gov.cn/dczg/P020.pdf"' in snapshot  # relative links made absolute, nofollow
    assert get("/-/ducha/snapshot/999999").status_code == 404


def test_document_page_shows_full_digests(get, corpus):
    page = get(f"/-/ducha/document/{corpus.ids['attachment_only']}").text
    assert sha256(PDF_BYTES).hexdigest() in page


@pytest.mark.parametrize("declared,served,disposition", [
    ("text/html; charset=utf-8", "application/octet-stream", "attachment"),
    ("image/svg+xml", "application/octet-stream", "attachment"),
    ("application/xhtml+xml", "application/octet-stream", "attachment"),
    ("application/x-javascript", "application/octet-stream", "attachment"),
    ("text/xml", "application/octet-stream", "attachment"),
    ("application/pdf", "application/pdf", "attachment"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment"),
    ("image/png", "image/png", "inline"),
    (None, "application/octet-stream", "attachment"),
])
def test_download_headers_never_let_a_browser_render_script(declared, served, disposition):
    headers = download_headers('附件"1\r\n.html', declared, "attachment-1")
    assert headers["Content-Type"] == served
    assert headers["Content-Disposition"].split(";")[0] == disposition
    assert "\r" not in headers["Content-Disposition"] and "\n" not in headers["Content-Disposition"]
    assert headers["X-Content-Type-Options"] == "nosniff" and "sandbox" in headers["Content-Security-Policy"]


def test_document_events_in_words(get, corpus):
    page = get(f"/-/ducha/document/{corpus.ids['removed']}").text
    timeline = page.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert "<strong>已删除</strong>" in timeline and "页面不存在（404）" in timeline
    plan = get(f"/-/ducha/document/{corpus.ids['plan']}").text.split('<ol class="timeline">', 1)[1]
    assert "改动 正文" in plan and "改动 日期" in plan
