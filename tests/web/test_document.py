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
    assert re.search(r"<strong>已修改</strong> <span class=\"small\">changed</span>", html)


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
    assert "已删除 removed" in html and "<strong>已删除</strong>" in html and "404" in html


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


def _version_ids(get, document_id: int) -> list[int]:
    return [v["id"] for v in get(f"/-/ducha/evidence/{document_id}.json").json()["versions"]]


def test_document_page_links_each_later_version_to_its_side_by_side_diff(get, corpus):
    doc_id = corpus.ids["plan"]
    html = get(f"/-/ducha/document/{doc_id}").text
    _, v2, v3 = _version_ids(get, doc_id)
    links = re.findall(rf'href="/-/ducha/document/{doc_id}/diff/(\d+)">并排对比 side by side', html)
    assert sorted(map(int, links)) == [v2, v3]


def test_side_by_side_shows_both_versions(get, corpus):
    doc_id = corpus.ids["plan"]
    _, v2, v3 = _version_ids(get, doc_id)
    response = get(f"/-/ducha/document/{doc_id}/diff/{v2}")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == get(f"/-/ducha/document/{doc_id}").headers[
        "content-security-policy"]
    html = response.text
    assert '<table class="diff"' in html and "旧版本 old" in html and "新版本 new" in html
    table = html.split('<div class="side-by-side">')[1].split("</table>")[0]
    cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", table)]
    assert "共68个问题，2025年底前完成。" in cells and "共68个问题，2026年底前完成，逐项销号。" in cells  # both sides
    assert 'class="diff_chg"' in html or 'class="diff_add"' in html
    assert "正文 Body" in html and "标题未变 title unchanged" in html
    assert "style=" not in table and "href=" not in table and "nowrap" not in table
    dates_only = get(f"/-/ducha/document/{doc_id}/diff/{v3}").text  # v3 moved the dates, not the text
    assert "publish_date: <del>" in dates_only and "正文未变 body unchanged" in dates_only


def test_side_by_side_is_404_for_a_first_or_foreign_version(get, corpus):
    plan_v1 = _version_ids(get, corpus.ids["plan"])[0]
    xss_v2 = _version_ids(get, corpus.ids["xss"])[1]
    assert get(f"/-/ducha/document/{corpus.ids['plan']}/diff/{plan_v1}").status_code == 404
    assert get(f"/-/ducha/document/{corpus.ids['plan']}/diff/{xss_v2}").status_code == 404
    assert get(f"/-/ducha/document/{corpus.ids['xss']}/diff/999999").status_code == 404
    assert get(f"/-/ducha/document/999999/diff/{xss_v2}").status_code == 404


def test_side_by_side_renders_archived_markup_as_text(get, corpus):
    doc_id = corpus.ids["xss"]
    response = get(f"/-/ducha/document/{doc_id}/diff/{_version_ids(get, doc_id)[1]}")
    assert response.status_code == 200
    html = response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title diff
    assert "onerror=alert(1)&gt;" in html and "onerror=alert(3)&gt;" in html  # both sides of the body table
    assert "<script" not in html.lower() or all(  # Datasette's own script tags only, never archived ones
        "alert" not in chunk.split("</script>")[0] for chunk in html.lower().split("<script")[1:])
    assert not re.search(r"<[^>]*\son\w+\s*=", html)  # no event handler inside any tag
    assert "<img" not in html and "<svg" not in html
