"""A crawl killed mid-run leaves a consistent archive; the next run is recorded and completes the work."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from crawler.demo import crawl_command
from tests.crawler.conftest import START, make_sim_crawl


def _versions(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM versions").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


@pytest.fixture
def sim_crawl(tmp_path):
    """A fresh simulated web at 20 postings per site (160: the kill after 40 versions is still mid-walk) and an
    empty archive."""
    crawl = make_sim_crawl(tmp_path, docs_per_site=20)
    yield crawl
    crawl.server.close()


def test_killed_crawl_is_marked_crashed_and_the_next_run_completes_it(sim_crawl):
    clock = f"{START}T10:00:00+08:00"
    slow = crawl_command(db=str(sim_crawl.db), sites_file=str(sim_crawl.sites_file), mirror=sim_crawl.server.url,
                         clock=clock, extra=["-s", "DOWNLOAD_DELAY=0.05", "-s", "DOWNLOAD_DELAY_JITTER=0"])
    child = subprocess.Popen(slow, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _versions(sim_crawl.db) < 40 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # polling observable state, not waiting for time to pass
    assert child.poll() is None, "the crawl finished before it could be killed: slow it down"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)

    conn = sqlite3.connect(sim_crawl.db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = conn.execute("SELECT count(*) FROM documents d WHERE d.current_version_id IS NOT NULL AND NOT EXISTS "
                           "(SELECT 1 FROM versions v WHERE v.id = d.current_version_id)").fetchone()[0]
    assert orphans == 0
    conn.close()

    result = sim_crawl.crawl(0)
    assert result.returncode == 0, result.stderr[-2000:]
    assert [r["status"] for r in sim_crawl.query("SELECT status FROM runs ORDER BY id")] == ["crashed", "ok"]
    live = {p["url"] for p in sim_crawl.manifest(0)["postings"] if p["status"] == "live"}
    assert {r["url"] for r in sim_crawl.query("SELECT url FROM documents")} == live
    new_events = sim_crawl.query("SELECT d.url, count(*) AS n FROM events e JOIN documents d ON d.id = e.document_id "
                                 "WHERE e.kind = 'new' GROUP BY d.url")
    assert len(new_events) == len(live) and {r["n"] for r in new_events} == {1}
    assert sim_crawl.query("SELECT count(*) AS n FROM events WHERE kind != 'new'")[0]["n"] == 0
