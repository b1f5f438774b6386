"""One crawl of a hostile site (simweb.hostile): every posting kept, memory bounded, nothing silent.

The site lists its postings in a ``<dl>`` whose 6th row never closes ``title="<script>…``, wraps
two postings in 300 and 50,000 ``<div>``s, serves a 30 MB posting, lists a posting of another
host and a URL that redirects to itself.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.demo import crawl_command
from simweb.hostile import PARAGRAPH, SITE_ID, HostileSite

BIG = 30 * 1024 * 1024
RSS_LIMIT_MB = 600  # 1,058 MB before (92 MB for the same crawl without the big page)
# runs the crawl as its child and prints the largest child's peak RSS (KiB) on its last line
MEASURE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    site = HostileSite(big_bytes=BIG)
    sites = tmp / "sites.yaml"
    sites.write_text(site.sites_yaml, encoding="utf-8")
    db = tmp / "archive.db"
    command = crawl_command(db=str(db), sites_file=str(sites), mirror=site.url, clock="2026-11-05T10:00:00+08:00")
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
                            timeout=600, check=False)
    site.close()
    *out, peak_kib = result.stdout.strip().splitlines()
    yield {"site": site, "db": db, "result": result, "stdout": "\n".join(out), "peak_mb": int(peak_kib) / 1024}


def rows(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def summary(db: Path) -> dict:
    return json.loads(rows(db, "SELECT summary FROM runs ORDER BY id DESC LIMIT 1")[0]["summary"])[SITE_ID]


def test_broken_list_row_hides_no_posting_and_no_page(hostile):
    live = {r["url"] for r in rows(hostile["db"], "SELECT url FROM documents WHERE status = 'live'")}
    assert live == hostile["site"].postings  # rows 6-10 and page 2 (reached through the recovered 下一页)
    assert summary(hostile["db"])["list_rows_recovered"] == 5  # rows 6-10


def test_deeply_nested_postings_keep_body_and_attachments(hostile):
    for name, note in (("deep300", None), ("deep50000", "flattened")):
        doc = rows(hostile["db"], "SELECT * FROM documents WHERE url LIKE ?", (f"%/{name}.html",))[0]
        assert doc["status"] == "live" and doc["attachment_count"] == 1
        version = rows(hostile["db"], "SELECT body_text FROM versions WHERE document_id = ?", (doc["id"],))[0]
        assert PARAGRAPH in version["body_text"]
        check = rows(hostile["db"], "SELECT outcome, reason FROM checks WHERE document_id = ?", (doc["id"],))[0]
        assert check["outcome"] == "new_version"
        assert (check["reason"] is None) if note is None else (note in check["reason"])
    assert rows(hostile["db"], "SELECT count(*) AS n FROM events WHERE kind = 'removed'")[0]["n"] == 0


def test_a_30_mb_page_costs_bounded_memory_and_its_truncation_is_recorded(hostile):
    assert hostile["peak_mb"] < RSS_LIMIT_MB, f"peak RSS {hostile['peak_mb']:.0f} MB"
    doc = rows(hostile["db"], "SELECT * FROM documents WHERE url LIKE '%/big.html'")[0]
    assert doc["status"] == "live"
    check = rows(hostile["db"], "SELECT reason, warc_file FROM checks WHERE document_id = ?", (doc["id"],))[0]
    assert f"page of {len(hostile['site']._cache['big'])} bytes" in check["reason"]
    assert "DUCHA_MAX_HTML_BYTES" in check["reason"]


def test_offsite_entries_are_skipped_and_counted(hostile):
    urls = {r["url"] for r in rows(hostile["db"], "SELECT url FROM documents")}
    assert hostile["site"].offsite_url not in urls
    assert all(u.startswith("http://hostile.example.gov.cn/") for u in urls)
    assert summary(hostile["db"])["offsite_skipped"] == 1


def test_a_redirect_loop_fails_the_run_naming_the_url(hostile):
    result = hostile["result"]
    assert result.returncode == 1
    loop = hostile["site"].loop_url
    assert f"FAILED {SITE_ID}: 1 posting(s) could not be archived: {loop} (IgnoreRequest: max redirections reached)" \
        in result.stderr
    assert rows(hostile["db"], "SELECT status FROM runs")[0]["status"] != "ok"
    status = subprocess.run([sys.executable, "-m", "crawler.cli", "status", "--db", str(hostile["db"])],
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "DUCHA_CLOCK": "2026-11-05T12:00:00+08:00"})
    assert status.returncode == 1
    assert "not_archived" in status.stdout
    assert f"{SITE_ID}: not archived in run #1: {loop} (IgnoreRequest: max redirections reached)" in status.stdout
