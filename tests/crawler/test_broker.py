"""Recognition on workers through a real Redis: a worker killed mid-job, a Redis restarted mid-run.

One crawl of a site whose postings are scans, with recognition off (so the scans are left over); each
test works on a fresh copy of that archive: ``ducha ocr --broker`` (the one writer) sends the files,
``ducha worker`` processes recognise them, and every scanned page of the simulated web must end up in
the archive exactly once.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from bench.ocr_bench import char_accuracy
from crawler.cli import main
from tests.crawler.conftest import SimCrawl, make_sim_crawl

ENV = {**os.environ, "DUCHA_BROKER_HEARTBEAT": "3", "DUCHA_BROKER_MAINTENANCE": "1000000"}


@pytest.fixture(scope="module")
def left_over(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SimCrawl, dict[str, list[str]]]]:
    """An archive of one site's scans crawled without recognition, and each scan's page texts (the truth)."""
    sim = make_sim_crawl(tmp_path_factory.mktemp("broker"), docs_per_site=3, scans=1)
    run = sim.crawl(0, "--site", "mee", "-s", "DUCHA_OCR=false")
    assert run.returncode == 0, run.stderr[-2000:]
    truth = {a["url"]: [p["text"] for p in a["scan"]["pages"]]
             for p in sim.manifest(0)["postings"] if p["site_id"] == "mee"
             for a in p["attachments"] if a.get("scan")}
    yield sim, truth
    sim.server.close()


def _copy(sim: SimCrawl, dest: Path) -> Path:
    shutil.copytree(sim.db.parent, dest, ignore=shutil.ignore_patterns("sites.yaml"))
    return dest / sim.db.name


def _ducha(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", *args], env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait(predicate, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _in_flight(client: redis.Redis) -> int:
    """Messages a worker holds unacknowledged (it is working on them)."""
    return sum(client.scard(k) for k in client.keys("dramatiq:__acks__.*"))


def _start(sim: SimCrawl, url: str, tmp_path: Path):
    """A fresh copy of the archive, an empty engine database, the writer (one page per pass) and a worker."""
    db = _copy(sim, tmp_path / "archive")
    client = redis.Redis.from_url(url)
    client.flushdb()
    writer = _ducha("ocr", "--db", str(db), "--missing", "--max-pages", "1", "--broker", url)
    return db, url, client, writer, _ducha("worker", "--broker", url)


def _assert_archived_once(db: Path, truth: dict[str, list[str]], writer: subprocess.Popen) -> dict:
    out, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err[-3000:]
    summary = json.loads(out.strip().splitlines()[-1])
    conn = sqlite3.connect(db)
    rows = {url: (text, done, total, sha) for url, text, done, total, sha in conn.execute(
        "SELECT url, text, ocr_pages_done, ocr_pages_total, sha256 FROM attachments WHERE sha256 IS NOT NULL")
        if url in truth}
    assert set(rows) == set(truth)
    for url, pages in truth.items():
        text, done, total, sha = rows[url]
        assert done == total == len(pages)
        (stored,) = conn.execute("SELECT pages FROM ocr_results WHERE sha256 = ?", (sha,)).fetchone()
        assert sorted(p["index"] for p in json.loads(stored)) == list(range(len(pages)))  # each page once
        expected = "".join("".join(pages).split())
        got = "".join(text.split())
        assert char_accuracy(expected, got) >= 0.9 and len(got) < 1.2 * len(expected)  # recognised, not doubled
    conn.close()
    assert summary["failed"] == [] and summary["done"] == summary["files"] == len(truth)
    return summary


def test_worker_killed_mid_job_its_job_comes_back_and_every_page_is_archived_once(left_over, redis_server,
                                                                                   tmp_path):
    sim, truth = left_over
    assert truth and any(len(p) > 1 for p in truth.values())  # a two-page scan goes out twice (--max-pages 1)
    db, url, client, writer, first = _start(sim, redis_server.url(1), tmp_path)
    try:
        _wait(lambda: _in_flight(client) > 0)
        first.send_signal(signal.SIGKILL)
        first.wait()
        assert _in_flight(client) > 0  # the killed worker's job is unacknowledged
        second = _ducha("worker", "--broker", url, "--burst")
        summary = _assert_archived_once(db, truth, writer)
        second.communicate(timeout=120)
        assert second.returncode == 0
    finally:
        for proc in (writer, first):
            if proc.poll() is None:
                proc.kill()
    assert summary["pages"] == sum(len(p) for p in truth.values())
    assert client.scard("ducha:jobs:open") == 0 and client.hlen("ducha:results") == 0
    assert not client.keys("ducha:blob:*")  # the bytes leave the engine once stored
    verify = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", "--db", str(db)], capture_output=True,
                            text=True, timeout=300, check=False)
    assert verify.returncode == 0, verify.stdout[-2000:]


def test_redis_restart_mid_run_loses_nothing(left_over, redis_server, tmp_path):
    sim, truth = left_over
    db, _, client, writer, worker = _start(sim, redis_server.url(2), tmp_path)
    try:
        _wait(lambda: client.scard("ducha:jobs:open") > 0 and _in_flight(client) > 0)
        redis_server.stop()
        time.sleep(1)  # writer and worker meet a refused connection
        redis_server.start()
        _assert_archived_once(db, truth, writer)
    finally:
        for proc in (writer, worker):
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def test_a_job_whose_bytes_are_gone_is_reported_failed_and_nothing_is_invented(left_over, redis_server,
                                                                                tmp_path):
    sim, truth = left_over
    db = _copy(sim, tmp_path / "archive")
    url = redis_server.url(5)
    client = redis.Redis.from_url(url)
    client.flushdb()
    writer = _ducha("ocr", "--db", str(db), "--missing", "--broker", url)
    _wait(lambda: client.scard("ducha:jobs:open") == len(truth))
    client.delete(*client.keys("ducha:blob:*"))  # lost before any worker ran (e.g. an evicting Redis)
    worker = _ducha("worker", "--broker", url, "--burst")
    try:
        out, err = writer.communicate(timeout=300)
        worker.communicate(timeout=120)
    finally:
        for proc in (writer, worker):
            if proc.poll() is None:
                proc.kill()
    assert writer.returncode == 1, err[-2000:]
    summary = json.loads(out.strip().splitlines()[-1])
    assert len(summary["failed"]) == len(truth) and summary["done"] == summary["pages"] == 0
    assert sqlite3.connect(db).execute("SELECT count(*) FROM ocr_results").fetchone() == (0,)


def test_status_shows_queue_depths_and_worker_heartbeats(left_over, redis_server):
    sim, _ = left_over
    url = redis_server.url(3)
    client = redis.Redis.from_url(url)
    client.flushdb()
    runner = CliRunner()
    from crawler.broker import connect

    connect(url).recognise.send("ocr:x", "0" * 64, "pdf", "rapidocr", 1, 1.0, None)  # no worker yet
    result = runner.invoke(main, ["status", "--db", str(sim.db), "--broker", url, "--format", "json"])
    assert json.loads(result.output)["queues"] == {"ocr": 1, "text": 0, "captures": 0}
    worker = _ducha("worker", "--broker", url, "--queues", "text")
    try:
        _wait(lambda: client.hlen("ducha:workers") == 1, 60)
        result = runner.invoke(main, ["status", "--db", str(sim.db), "--broker", url])
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    assert f"engine {url}: ocr 1 queued, text 0 queued" in result.output
    assert f"worker {os.uname().nodename}:{worker.pid} (text): last heartbeat" in result.output
    assert client.hlen("ducha:workers") == 0  # a worker that stops says so


def test_status_without_broker_needs_no_engine(left_over):
    sim, _ = left_over
    result = CliRunner().invoke(main, ["status", "--db", str(sim.db)], env={"DUCHA_BROKER": ""})
    assert "engine" not in result.output and "site" in result.output


def test_attachment_text_job_runs_on_a_worker_and_refuses_altered_bytes_or_another_version(redis_server, tmp_path):
    import docx

    from crawler.broker import RESULTS, connect, put_blob, text_job_id

    url = redis_server.url(4)
    engine = connect(url)
    engine.redis.flushdb()
    document = docx.Document()
    document.add_paragraph("第三轮中央生态环境保护督察整改任务验收销号公示")
    document.save(tmp_path / "a.docx")
    sha = put_blob(engine.redis, (tmp_path / "a.docx").read_bytes())
    engine.extract_text.send(text_job_id(sha), sha, "a.docx", None, 10_000_000)
    engine.redis.set("ducha:blob:" + "1" * 64, b"not what the digest says")
    engine.extract_text.send(text_job_id("1" * 64), "1" * 64, "b.docx", None, 10_000_000)
    engine.extract_text.send("text:" + sha + ":ducha-text 0", sha, "a.docx", None, 10_000_000)  # another version
    worker = _ducha("worker", "--broker", url, "--queues", "text", "--burst")
    try:
        worker.communicate(timeout=120)
    finally:
        worker.kill()
    assert worker.returncode == 0
    good = json.loads(engine.redis.hget(RESULTS, text_job_id(sha)))
    assert good["text"].strip() == "第三轮中央生态环境保护督察整改任务验收销号公示" and good["error"] is None
    assert engine.redis.hget(RESULTS, text_job_id("1" * 64)) is None  # refused, never a made-up text
    assert engine.redis.hlen(RESULTS) == 1  # a job for another extractor version is refused too


def test_a_result_found_again_after_its_commit_sends_the_next_pages_and_a_stale_one_sends_nothing(
        left_over, redis_server, tmp_path):
    """The writer's decisions at the moments a Redis restart can cut a pass: decided from the archive, not
    from what the pass added (a pass cut after its commit once closed a two-page scan holding one page)."""
    from archive.ops.engine import OCR_QUEUE, OPEN, queue_depth
    from archive.store import Archive
    from crawler.broker import RESULTS, connect, ocr_job_id
    from crawler.broker_writer import SENT, _finish, drop_result, store_result
    from crawler.extraction.ocr import describe_engine
    from crawler.ocr_command import OcrRunSummary
    from crawler.scan_reader import OcrLimits

    sim, truth = left_over
    file_url, pages = next((u, p) for u, p in truth.items() if len(p) > 1)
    db = _copy(sim, tmp_path / "archive")
    url = redis_server.url(9)
    engine = connect(url)
    client = engine.redis
    client.flushdb()
    name, version = describe_engine(None)
    limits = OcrLimits(engine=name, max_pages=1)
    summary = OcrRunSummary(engine=name)

    def result(based_on: int, done: int) -> bytes:
        record = {"sha256": sha, "engine": name, "engine_version": version, "pages_total": len(pages),
                  "pages": [{"index": i, "text": pages[i], "confidence": 0.9} for i in range(done)]}
        return json.dumps({"job_id": job_id, "sha256": sha, "based_on": based_on, "record": record}).encode()

    def finish(raw: bytes) -> None:
        client.hset(RESULTS, job_id, raw)
        _finish(archive, engine, job_id, raw, name, version, limits, summary)

    with Archive(db) as archive:
        (sha,) = archive.conn.execute("SELECT sha256 FROM attachments WHERE url = ?", (file_url,)).fetchone()
        job_id = ocr_job_id(sha, name, version)
        client.sadd(OPEN, job_id)
        client.hset(SENT, job_id, 0)
        first = result(0, 1)
        assert store_result(archive, json.loads(first)) == 1  # the pass committed, then Redis went away
        finish(first)  # found again after the restart: nothing to add, but page 2 is still owed
        assert queue_depth(client, OCR_QUEUE) == 1 and client.sismember(OPEN, job_id) and summary.done == 0
        assert not client.hexists(RESULTS, job_id)
        finish(first)  # the first message ran twice: its copy neither sends again nor closes the job
        assert queue_depth(client, OCR_QUEUE) == 1 and client.sismember(OPEN, job_id) and summary.done == 0
        newer = result(1, 2)
        client.hset(RESULTS, job_id, newer)
        drop_result(client, job_id, first)  # a pass that read the old copy leaves the newer result alone
        assert client.hget(RESULTS, job_id) == newer
        finish(result(1, 1))  # the latest message's own result, no further page: closed, partial, counted once
        assert not client.sismember(OPEN, job_id) and summary.done == 1
        assert archive.conn.execute("SELECT ocr_pages_done FROM attachments WHERE url = ?",
                                    (file_url,)).fetchone() == (1,)
