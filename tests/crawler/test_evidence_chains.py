"""A redirect's evidence is a chain (the 3xx record, then the target's): verify follows it, evidence exports it,
the document page names the target; snapshots link our archived attachments, not the government server."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from datasette.app import Datasette

from tests.crawler.conftest import SimCrawl, shared_day0
from tests.web.conftest import METADATA, SETTINGS

SITE = ("--site", "pj-sthjj")
#: Removed on simulated day 1 by redirecting to the home page (seed 1, 40 postings per site).
REDIRECTED = "http://sthjj.panjin.gov.cn/xxgk/wzxx/20260903/3999811.htm"
HOME = "http://sthjj.panjin.gov.cn/"


@pytest.fixture(scope="module")
def two_days(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimCrawl]:
    """pj-sthjj crawled on simulated days 0 (the session's shared crawl) and 1 (one posting removed by a redirect to
    the home page)."""
    sim, day0 = shared_day0(tmp_path_factory, tmp_path_factory.mktemp("chains"), *SITE)
    try:
        assert day0.returncode == 0, day0.stderr[-2000:]
        result = sim.crawl(1, *SITE)
        assert result.returncode == 0, result.stderr[-2000:]
    finally:
        sim.server.close()
    return sim


def _cli(sim: SimCrawl, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args, "--db", str(sim.db)],
                          capture_output=True, text=True, timeout=300, check=False)


def _get(sim: SimCrawl, path: str):
    ds = Datasette([str(sim.db)], metadata=json.loads(METADATA.read_text(encoding="utf-8")), settings=SETTINGS)
    return asyncio.run(ds.client.get(path))


def test_redirect_removal_is_stored_as_a_chain_and_verifies(two_days):
    doc = two_days.query("SELECT id, status FROM documents WHERE url = ?", (REDIRECTED,))[0]
    assert doc["status"] == "removed"
    hops = two_days.query("SELECT h.* FROM redirect_hops h JOIN checks c ON c.id = h.row_id AND h.row_table = 'checks'"
                          " WHERE c.document_id = ? AND c.outcome = 'removed'", (doc["id"],))
    assert [(h["hop"], h["url"], h["http_status"], h["location"]) for h in hops] == [(0, REDIRECTED, 302, HOME)]
    assert hops[0]["warc_file"] and hops[0]["raw_sha256"]
    result = _cli(two_days, "verify")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "not " + REDIRECTED not in result.stderr


def test_evidence_of_a_redirect_removal_exports_every_record_of_the_chain(two_days, tmp_path):
    doc_id = two_days.query("SELECT id FROM documents WHERE url = ?", (REDIRECTED,))[0]["id"]
    result = _cli(two_days, "evidence", str(doc_id), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((tmp_path / f"{doc_id}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["missing"] == []
    hop = manifest["redirect_hops"][0]
    assert (hop["url"], hop["location"], hop["digest_matches"]) == (REDIRECTED, HOME, True)
    targets = [(r["target_uri"], r["status_line"].split()[0]) for r in manifest["records"]]
    assert (REDIRECTED, "302") in targets and (HOME, "200") in targets
    # the exported WARC holds the 302 and the home page, readable without the archive
    from warcio.archiveiterator import ArchiveIterator
    with open(tmp_path / f"{doc_id}.warc.gz", "rb") as fh:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert REDIRECTED in uris and HOME in uris


def test_document_page_says_where_the_posting_was_redirected(two_days):
    doc_id = two_days.query("SELECT id FROM documents WHERE url = ?", (REDIRECTED,))[0]["id"]
    page = _get(two_days, f"/-/ducha/document/{doc_id}")
    assert page.status_code == 200
    assert f'跳转到 <a href="{HOME}"' in page.text


def test_snapshot_links_attachments_to_our_archived_copy(two_days):
    rows = two_days.query("SELECT v.id AS version_id, a.id AS attachment_id, a.url FROM versions v"
                          " JOIN version_attachments va ON va.version_id = v.id"
                          " JOIN attachments a ON a.id = va.attachment_id WHERE a.warc_file IS NOT NULL LIMIT 1")
    assert rows, "no archived attachment in the crawl"
    row = rows[0]
    page = _get(two_days, f"/-/ducha/snapshot/{row['version_id']}")
    assert page.status_code == 200
    assert f'href="/-/ducha/attachment/{row["attachment_id"]}"' in page.text
    assert f'href="{row["url"]}"' not in page.text
    copy = _get(two_days, f"/-/ducha/attachment/{row['attachment_id']}")
    assert copy.status_code == 200 and copy.headers["x-ducha-sha256-verified"] == "yes"
    assert copy.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in page.headers["content-security-policy"] or "default-src" in page.headers[
        "content-security-policy"]
