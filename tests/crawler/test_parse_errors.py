"""A page the crawler cannot process fails the run loudly; the other postings are archived."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.crawler.fakesite import SITES, FakeSite


def test_a_parser_exception_fails_the_site_and_names_the_page(tmp_path):
    site = FakeSite()
    sites, db = tmp_path / "sites.yaml", tmp_path / "archive.db"
    sites.write_text(SITES, encoding="utf-8")
    script = Path(__file__).with_name("broken_extractor_crawl.py")
    try:
        result = subprocess.run(
            [sys.executable, str(script), "crawl", "--sites", str(sites), "--mirror", site.url, "--db", str(db),
             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DUCHA_CLOCK=2026-11-20T10:00:00+08:00"],
            check=False, capture_output=True, text=True, timeout=300)
    finally:
        site.close()
    assert result.returncode == 1
    assert "FAILED ex-sthjj: 1 page(s) could not be processed" in result.stderr
    assert "doc2.html failed: ValueError('simulated parser bug')" in result.stderr
    conn = sqlite3.connect(db)
    urls = sorted(u.rsplit("/", 1)[-1] for (u,) in conn.execute("SELECT url FROM documents"))
    assert urls == ["doc1.html", "doc3.html"]
    # the other pages' attachments are read as usual (their text workers once re-ran this script and crashed)
    assert conn.execute("SELECT count(*), count(text), count(error) FROM attachments").fetchone() == (2, 2, 0)
    assert conn.execute("SELECT status FROM runs").fetchone()[0] == "failed"
