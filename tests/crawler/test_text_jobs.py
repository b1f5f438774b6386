"""Attachment texts extracted again (``ducha texts``), locally and as jobs on workers through a real Redis.

One crawl of a site whose attachment texts all failed (a time limit no extraction meets); each test works
on a fresh copy: every attachment's text must end up archived once, as the simulated web wrote it, and be
found by search.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from archive.ops.engine import queue_depth
from archive.search import search
from archive.search_text import normalise
from crawler.extraction.attachments import EXTRACTOR
from tests.crawler.conftest import SimCrawl, make_sim_crawl
from tests.crawler.test_broker import _copy, _ducha, _in_flight, _wait


@pytest.fixture(scope="module")
def failed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SimCrawl, dict[str, str]]]:
    """An archive of one site whose attachment texts timed out, and each typed attachment's probe (the truth)."""
    sim = make_sim_crawl(tmp_path_factory.mktemp("texts"), docs_per_site=3)
    run = sim.crawl(0, "--site", "mee", "-s", "DUCHA_OCR=false", "-s", "DUCHA_ATTACHMENT_TIMEOUT=0.001")
    assert run.returncode == 0, run.stderr[-2000:]
    truth = {a["url"]: a["text_probe"] for p in sim.manifest(0)["postings"] if p["site_id"] == "mee"
             for a in p["attachments"] if a["text_probe"] and not a.get("scan")}
    yield sim, truth
    sim.server.close()


def _summary(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def _attachments(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    try:
        return {r[0]: r[1:] for r in conn.execute(
            "SELECT url, text, error, text_extractor, sha256 FROM attachments WHERE sha256 IS NOT NULL")}
    finally:
        conn.close()


def _assert_archived(db: Path, truth: dict[str, str]) -> None:
    rows = _attachments(db)
    assert set(truth) <= set(rows)
    wrong = [url for url, probe in truth.items()
             if rows[url][1] is not None or normalise(probe) not in normalise(rows[url][0] or "")]
    assert wrong == []
    assert {row[2] for row in rows.values()} == {EXTRACTOR}
    conn = sqlite3.connect(db)
    try:  # search reads the new texts (documents_fts refreshed)
        probe = next(iter(truth.values()))
        assert search(conn, probe), probe
    finally:
        conn.close()


def test_the_crawl_left_the_texts_failed(failed):
    sim, truth = failed
    rows = _attachments(sim.db)
    assert len(truth) >= 3
    assert all(rows[url][0] is None and "took longer" in rows[url][1] for url in truth)


def test_texts_locally_stores_every_text_once(failed, tmp_path):
    sim, truth = failed
    db = _copy(sim, tmp_path / "archive")
    first = _summary(_ducha("texts", "--db", str(db)))
    assert first["failed"] == [] and first["done"] == first["files"] >= len(truth)
    _assert_archived(db, truth)
    again = _summary(_ducha("texts", "--db", str(db)))
    assert again["files"] == again["rows"] == 0  # nothing left: not extracted twice
    _assert_verified(db)


def _fresh(failed: tuple[SimCrawl, dict[str, str]], url: str, tmp_path: Path
           ) -> tuple[dict[str, str], Path, str, redis.Redis]:
    """The truth, a fresh copy of the archive, and an empty engine database."""
    sim, truth = failed
    client = redis.Redis.from_url(url)
    client.flushdb()
    return truth, _copy(sim, tmp_path / "archive"), url, client


def _assert_verified(db: Path) -> None:
    verify = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", "--db", str(db)], capture_output=True,
                            text=True, timeout=300, check=False)
    assert verify.returncode == 0, verify.stdout[-2000:]


def test_worker_killed_mid_job_its_job_comes_back_and_every_text_is_stored_once(failed, redis_server, tmp_path):
    truth, db, url, client = _fresh(failed, redis_server.url(6), tmp_path)
    expected_rows = len(_attachments(db))
    writer = _ducha("texts", "--db", str(db), "--broker", url)
    first = _ducha("worker", "--broker", url, "--queues", "text")
    second = None
    try:
        _wait(lambda: _in_flight(client) > 0)  # the first job: the worker starts its extraction process
        first.send_signal(signal.SIGKILL)
        first.wait()
        assert _in_flight(client) > 0  # the killed worker's job is unacknowledged
        second = _ducha("worker", "--broker", url, "--queues", "text", "--burst")
        summary = _summary(writer)
        second.communicate(timeout=120)
    finally:
        for proc in (writer, first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
    assert summary["failed"] == [] and summary["done"] == summary["files"]
    assert summary["rows"] == expected_rows  # each row written once
    _assert_archived(db, truth)
    assert client.scard("ducha:jobs:open-text") == 0 and client.hlen("ducha:results") == 0
    assert not client.keys("ducha:blob:*")
    # a result delivered again (a job that ran twice, a writer that died before letting it go) changes nothing
    sha = next(iter(_attachments(db).values()))[3]
    client.hset("ducha:results", f"text:{sha}:{EXTRACTOR}",
                json.dumps({"sha256": sha, "text": "another text", "error": None}))
    again = _summary(_ducha("texts", "--db", str(db), "--broker", url))
    assert again["files"] == 0 and again["done"] == 1 and again["rows"] == 0
    _assert_archived(db, truth)
    _assert_verified(db)


def test_writer_killed_after_sending_a_new_writer_stores_the_results_once(failed, redis_server, tmp_path):
    truth, db, url, client = _fresh(failed, redis_server.url(7), tmp_path)
    files = len({row[3] for row in _attachments(db).values()})
    writer = _ducha("texts", "--db", str(db), "--broker", url)
    try:
        _wait(lambda: client.scard("ducha:jobs:open-text") == files)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        worker = _ducha("worker", "--broker", url, "--queues", "text", "--burst")
        worker.communicate(timeout=120)
        assert client.hlen("ducha:results") == files  # the results wait for a writer
        summary = _summary(_ducha("texts", "--db", str(db), "--broker", url))
    finally:
        if writer.poll() is None:
            writer.kill()
    assert summary["files"] == summary["done"] == files and summary["rows"] == len(_attachments(db))
    assert queue_depth(client, "text") == 0  # nothing sent twice (it would wait for a worker)
    _assert_archived(db, truth)


def test_redis_restart_mid_run_loses_nothing_and_stores_each_text_once(failed, redis_server, tmp_path):
    truth, db, url, client = _fresh(failed, redis_server.url(8), tmp_path)
    writer = _ducha("texts", "--db", str(db), "--broker", url)
    worker = _ducha("worker", "--broker", url, "--queues", "text")
    try:
        _wait(lambda: client.scard("ducha:jobs:open-text") > 0 and _in_flight(client) > 0)
        redis_server.stop()
        time.sleep(1)  # writer and worker meet a refused connection
        redis_server.start()
        summary = _summary(writer)
    finally:
        for proc in (writer, worker):
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    assert summary["failed"] == [] and summary["done"] == summary["files"]
    assert summary["rows"] == len(_attachments(db))
    _assert_archived(db, truth)
