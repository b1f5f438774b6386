"""Day 0 of the simulated web, 40 postings per site, crawled by the real ``ducha crawl`` (the session's shared
day-0 crawl, ``shared_day0``).

Every family (TRS, Hanweb, UCAP, NFCMS, the GBK city site and the unprofiled site found by
generic discovery) must be archived completely and exactly: the simulated web's manifest
is the ground truth.
"""
from __future__ import annotations

import pytest

from archive.normalise import normalise_text
from tests.crawler.conftest import shared_day0

pytestmark = pytest.mark.timeout(900)  # one crawl of 320 postings and their attachments, on a shared machine

#: Every site's list takes two pages or more (15 or 20 rows a page, NFCMS's JSON 10) and every site shows all seven
#: document types, the three attachment kinds and every date, objection and publisher case of the manifest (100 per
#: site, as before, showed no case more: the same manifest features, 283 attachments here).
DOCS_PER_SITE = 40


@pytest.fixture(scope="module")
def day0(tmp_path_factory):
    """The session's day-0 crawl (40 postings per site) in a copy; returns (SimCrawl, manifest, result)."""
    crawl, result = shared_day0(tmp_path_factory, tmp_path_factory.mktemp("day0"), docs_per_site=DOCS_PER_SITE)
    yield crawl, crawl.manifest(0), result
    crawl.server.close()


def _site_ids(manifest: dict) -> list[str]:
    return [s["id"] for s in manifest["sites"]]


def _live(manifest: dict, site_id: str) -> dict[str, dict]:
    return {p["url"]: p for p in manifest["postings"] if p["site_id"] == site_id and p["status"] == "live"}


def _docs(crawl, site_id: str) -> dict[str, dict]:
    return {r["url"]: dict(r) for r in crawl.query("SELECT * FROM documents WHERE site_id = ?", (site_id,))}


def test_run_succeeds_for_every_site(day0):
    crawl, manifest, result = day0
    assert result.returncode == 0, result.stderr[-3000:]
    assert [r["status"] for r in crawl.query("SELECT status FROM runs")] == ["ok"]
    assert len(_site_ids(manifest)) >= 8


@pytest.mark.parametrize("site_id", ["mee", "hn-sthjt", "js-sthjt", "sc-sthjt", "gd-gdee", "hb-sthjt",
                                     "zt-sthjj", "pj-sthjj"])
def test_every_posting_archived_exactly(day0, site_id):
    crawl, manifest, _ = day0
    expected, got = _live(manifest, site_id), _docs(crawl, site_id)
    assert len(expected) >= DOCS_PER_SITE
    assert set(got) == set(expected), "recall and precision must both be 100%"
    wrong_titles = [u for u in expected if got[u]["title"] != expected[u]["title"]]
    assert wrong_titles == []
    wrong_dates = [u for u in expected if got[u]["publish_date"] != expected[u]["publish_date"]]
    assert wrong_dates == []
    wrong_types = [u for u in expected if got[u]["doc_type"] != expected[u]["doc_type"]]
    assert len(wrong_types) <= 0.05 * len(expected)


@pytest.mark.parametrize("site_id", ["mee", "js-sthjt", "sc-sthjt", "gd-gdee", "zt-sthjj", "pj-sthjj"])
def test_bodies_are_the_document_once_without_chrome(day0, site_id):
    crawl, manifest, _ = day0
    expected = _live(manifest, site_id)
    rows = crawl.query("SELECT d.url, v.body_text FROM documents d JOIN versions v ON v.id = d.current_version_id "
                       "WHERE d.site_id = ?", (site_id,))
    bodies = {r["url"]: r["body_text"] for r in rows}
    differing = [u for u in expected if normalise_text(bodies[u]) != normalise_text(expected[u]["body_text"])]
    assert differing == []
    chrome = ("浏览次数", "扫一扫", "版权所有", "ICP备", "网站标识码", "分享到", "字号")
    assert [u for u, b in bodies.items() if any(c in b for c in chrome)] == []


def test_every_attachment_downloaded_with_its_text(day0):
    crawl, manifest, _ = day0
    rows = crawl.query("SELECT d.url AS doc, a.url, a.text, a.sha256 FROM attachments a "
                       "JOIN documents d ON d.id = a.document_id")
    stored = {(r["doc"], r["url"]): r for r in rows}
    expected = [(p["url"], a) for p in manifest["postings"] if p["status"] == "live" for a in p["attachments"]]
    assert len(expected) > 100
    missing = [a["url"] for doc, a in expected if (doc, a["url"]) not in stored]
    assert missing == []
    wrong = [a["url"] for doc, a in expected
             if stored[(doc, a["url"])]["sha256"] != a["sha256"]
             or normalise_text(a["text_probe"]) not in normalise_text(stored[(doc, a["url"])]["text"] or "")]
    assert wrong == []


def test_every_version_has_its_evidence_in_warc(day0):
    crawl, _, _ = day0
    rows = crawl.query("SELECT count(*) AS n, sum(warc_file IS NULL) AS missing FROM versions")
    assert rows[0]["n"] >= 8 * DOCS_PER_SITE
    assert rows[0]["missing"] == 0
