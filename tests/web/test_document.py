"""The document page, its evidence manifest and WARC records."""
from __future__ import annotations

import gzip
import io
import re

from warcio.archiveiterator import ArchiveIterator


def test_document_page_shows_text_dates_versions_and_events(get, corpus):
    response = get(f"/-/ducha/document/{corpus.ids['plan']}")
    assert response.status_code == 200
    html = response.text
    assert "四川省第三轮督察整改方案" in html
    assert "逐项销号" in html  # current text
    assert html.count('class="version"') == 3
    assert "<ins>" in html and "<del>" in html  # inline diff between v1 and v2
    assert "publish_date: <del>" in html  # v3 moved the dates
    for label in ("CMS 日期", "列表页日期", "落款日期", "URL 日期", "首次发现", "最后在线"):
        assert label in html
    assert re.search(r"<strong>changed</strong>", html)


def test_document_page_links_the_original_without_referrer(get, corpus):
    html = get(f"/-/ducha/document/{corpus.ids['notice']}").text
    assert 'href="https://www.mee.gov.cn/dczg/t1.shtml" rel="nofollow noopener noreferrer"' in html
    assert f'/-/ducha/evidence/{corpus.ids["notice"]}.json' in html
    assert "/-/ducha/warc/" in html


def test_document_page_shows_attachment_text(get, corpus):
    html = get(f"/-/ducha/document/{corpus.ids['attachment_only']}").text
    assert "附件1：验收表.pdf" in html and "验收意见：同意销号。" in html


def test_removed_document_shows_removal(get, corpus):
    html = get(f"/-/ducha/document/{corpus.ids['removed']}").text
    assert "已删除 removed" in html and "<strong>removed</strong>" in html and "404" in html


def test_archived_markup_renders_as_text(get, corpus):
    response = get(f"/-/ducha/document/{corpus.ids['xss']}")
    html = response.text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;x&lt;/script&gt;.pdf" in html


def test_pages_carry_a_strict_csp(get, corpus):
    response = get(f"/-/ducha/document/{corpus.ids['xss']}")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_unknown_document_is_404(get, get_empty):
    assert get("/-/ducha/document/999999").status_code == 404
    assert get_empty("/-/ducha/document/1").status_code == 404
    assert get_empty("/-/ducha/evidence/1.json").status_code == 404
    assert get_empty("/-/ducha/warc/1").status_code == 404


def test_evidence_manifest_lists_digests_and_record_links(get, corpus):
    response = get(f"/-/ducha/evidence/{corpus.ids['notice']}.json")
    assert response.status_code == 200
    manifest = response.json()
    assert manifest["document"]["url"] == "https://www.mee.gov.cn/dczg/t1.shtml"
    (version,) = manifest["versions"]
    assert version["raw_sha256"] == "f" * 64
    assert version["warc_record_url"].endswith(f"/-/ducha/warc/{version['id']}")
    assert [e["kind"] for e in manifest["events"]] == ["new"]


def test_warc_record_download_is_a_single_response_record(get, corpus):
    manifest = get(f"/-/ducha/evidence/{corpus.ids['notice']}.json").json()
    response = get(f"/-/ducha/warc/{manifest['versions'][0]['id']}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/warc"
    gzip.decompress(response.content)  # one valid gzip member
    records = list(ArchiveIterator(io.BytesIO(response.content)))
    assert [r.rec_type for r in records] == ["response"]
    assert records[0].rec_headers.get_header("WARC-Target-URI") == "https://www.mee.gov.cn/dczg/t1.shtml"


def test_version_without_warc_is_404(get, corpus):
    manifest = get(f"/-/ducha/evidence/{corpus.ids['plan']}.json").json()
    assert get(f"/-/ducha/warc/{manifest['versions'][0]['id']}").status_code == 404


def test_static_css_is_served(get):
    response = get("/-/ducha/static/ducha.css")
    assert response.status_code == 200 and "mark" in response.text
    assert get("/-/ducha/static/../plugin.py").status_code == 404
