"""Crawl nodes through a real Redis: a node's captures reach the archive's writer exactly once, whoever dies
(a node or the writer killed, Redis restarted).

Two small simulated sites pinned to the node ``abroad``; the node crawls into its own scratch archive and
sends each capture (item + exchanges) to the stream; ``ducha writer`` stores them.  Each test counts the
archive against the simulated web's truth (one document and one version per posting) and runs
``ducha verify``.
"""
from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import yaml
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import main
from crawler.demo import crawl_command
from tests.crawler.conftest import START, SimCrawl, make_sim_crawl

SITES = ("mee", "hn-sthjt")
NODE = "abroad"


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimCrawl]:
    """A simulated web (8 postings per site) whose sites file pins two sites to the node ``abroad``."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("nodes"), docs_per_site=8)
    data = yaml.safe_load(crawl.sites_file.read_text(encoding="utf-8"))
    for site in data["sites"]:
        if site["id"] in SITES:
            site["node"] = NODE
    crawl.sites_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    yield crawl
    crawl.server.close()


def _node(sim: SimCrawl, url: str, db: Path, *extra: str) -> subprocess.Popen:
    command = crawl_command(db=str(db), sites_file=str(sim.sites_file), mirror=sim.server.url,
                            clock=f"{START}T10:00:00+08:00", extra=["--node", NODE, "--broker", url, *extra])
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _writer(db: Path, url: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", "writer", "--db", str(db), "--broker", url, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen, timeout: float = 300) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-3000:]
    return out


def _wait(predicate, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _engine(redis_server, db: int) -> tuple[str, redis.Redis]:
    url = redis_server.url(db)
    client = redis.Redis.from_url(url)
    client.flushdb()
    return url, client


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM node_captures").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def _assert_archived_once(sim: SimCrawl, db: Path) -> None:
    truth = {p["url"] for p in sim.manifest(0)["postings"] if p["site_id"] in SITES}
    conn = sqlite3.connect(db)
    docs = dict(conn.execute("SELECT url, id FROM documents"))
    versions = dict(conn.execute("SELECT document_id, count(*) FROM versions GROUP BY document_id"))
    new_events = conn.execute("SELECT count(*) FROM events WHERE kind = 'new'").fetchone()[0]
    conn.close()
    assert set(docs) == truth  # every posting of the node's sites, nothing else
    assert all(versions[i] == 1 for i in docs.values()) and new_events == len(truth)  # each once
    verify = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", "--db", str(db)], capture_output=True,
                            text=True, timeout=300, check=False)
    assert verify.returncode == 0, verify.stdout[-2000:]


def test_a_node_crawl_archives_like_a_local_crawl(sim, redis_server, tmp_path):
    url, client = _engine(redis_server, 8)
    _finish(_node(sim, url, tmp_path / "node.db"))
    out = _finish(_writer(tmp_path / "archive.db", url, "--burst"))
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["stored"] == {"new": 2 * 8} and summary["runs_ended"] == [1]
    _assert_archived_once(sim, tmp_path / "archive.db")
    local = tmp_path / "local.db"
    run = sim.crawl(0, "--db", str(local), *[arg for site in SITES for arg in ("--site", site)])
    assert run.returncode == 0, run.stderr[-2000:]

    def content(db: Path) -> set[tuple]:
        conn = sqlite3.connect(db)
        try:
            return set(conn.execute("SELECT d.url, v.sha256, v.title, v.body_text FROM versions v"
                                    " JOIN documents d ON d.id = v.document_id")) | set(conn.execute(
                "SELECT url, sha256, name, text FROM attachments"))
        finally:
            conn.close()

    assert content(tmp_path / "archive.db") == content(local)  # the same rows as a crawl on the archive machine
    conn = sqlite3.connect(tmp_path / "archive.db")
    assert conn.execute("SELECT status, command FROM runs").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM run_sites WHERE run_id = 1").fetchone() == (2,)
    assert client.xlen("ducha:captures") == 0  # acknowledged and deleted after the commit


def test_a_local_crawl_with_an_engine_leaves_pinned_sites_to_their_node(sim, redis_server, tmp_path):
    url, _ = _engine(redis_server, 9)
    run = sim.crawl(0, "--db", str(tmp_path / "a.db"), "--broker", url, "--site", "mee", "--site", "js-sthjt")
    assert run.returncode == 0, run.stderr[-2000:]
    sites = {r[0] for r in sqlite3.connect(tmp_path / "a.db").execute("SELECT DISTINCT site_id FROM documents")}
    assert sites == {"js-sthjt"}


def test_node_killed_mid_site_then_run_again_every_posting_archived_once(sim, redis_server, tmp_path):
    url, client = _engine(redis_server, 10)
    node_db = tmp_path / "node.db"
    first = _node(sim, url, node_db, "-s", "DOWNLOAD_DELAY=0.1")
    _wait(lambda: client.xlen("ducha:captures") >= 4)  # begin and a few captures sent, the walk not done
    first.send_signal(signal.SIGKILL)
    first.communicate()
    sent = client.xlen("ducha:captures") - 1
    assert 0 < sent < 2 * 8
    assert client.hexists("ducha:nodes", NODE)  # its heartbeat stays: `ducha status` reports it silent
    writer = _writer(tmp_path / "archive.db", url)
    try:
        _finish(_node(sim, url, node_db))  # the next run: what the killed one had not recorded is fetched again
        _wait(lambda: client.xlen("ducha:captures") == 0)
    finally:
        writer.send_signal(signal.SIGTERM)
        _finish(writer)
    _assert_archived_once(sim, tmp_path / "archive.db")
    assert not client.hexists("ducha:nodes", NODE)  # a node that stops cleanly leaves no heartbeat behind
    statuses = [r[0] for r in sqlite3.connect(tmp_path / "archive.db").execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["crashed", "ok"]  # the killed node's run, then the one that finished


def test_writer_killed_mid_batch_the_next_one_stores_what_it_left(sim, redis_server, tmp_path):
    url, client = _engine(redis_server, 11)
    _finish(_node(sim, url, tmp_path / "node.db"))
    archive = tmp_path / "archive.db"
    first = _writer(archive, url)
    _wait(lambda: _stored(archive) >= 3)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    pending = client.xpending("ducha:captures", "writer")["pending"]
    assert pending > 0  # read by the dead writer, never acknowledged
    out = _finish(_writer(archive, url, "--burst"))
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["claimed"] == pending
    _assert_archived_once(sim, archive)
    assert _stored(archive) == 2 * 8 and client.xlen("ducha:captures") == 0


def test_redis_restart_mid_crawl_loses_nothing(sim, redis_server, tmp_path):
    url, client = _engine(redis_server, 15)
    archive = tmp_path / "archive.db"
    writer = _writer(archive, url)
    node = _node(sim, url, tmp_path / "node.db", "-s", "DOWNLOAD_DELAY=0.1")
    try:
        _wait(lambda: _stored(archive) >= 2)  # captures flowing from node to writer
        redis_server.stop()
        time.sleep(1)  # node and writer meet a refused connection
        redis_server.start()
        _finish(node)
        _wait(lambda: client.xlen("ducha:captures") == 0 and _stored(archive) >= 2 * 8)
    finally:
        writer.send_signal(signal.SIGTERM)
        _finish(writer)
    _assert_archived_once(sim, archive)


def test_status_lists_nodes_and_the_writer_and_names_the_silent(sim, redis_server, tmp_path):
    url, client = _engine(redis_server, 12)
    beat = {"name": NODE, "role": "node", "host": "far", "pid": 1, "last_seen": "2026-11-02T02:00:00+00:00",
            "epoch": time.time() - 600}
    client.hset("ducha:nodes", NODE, json.dumps(beat))  # a node killed ten minutes ago
    db = tmp_path / "archive.db"
    Archive(db).close()
    result = CliRunner().invoke(main, ["status", "--db", str(db), "--broker", url, "--format", "json"],
                                env={"DUCHA_SILENT_AFTER": "120"})
    status = json.loads(result.output)["engine"]
    assert status["queues"] == {"ocr": 0, "text": 0, "captures": 0}, result.output
    assert [(n["name"], n["role"]) for n in status["nodes"]] == [(NODE, "node")]
    # the silence is counted from the heartbeat's epoch to the command's own clock: 600 s, or a few more on a busy machine
    silent = re.fullmatch(rf"node {NODE} silent for (\d+) s \(last heartbeat 2026-11-02T02:00:00\+00:00\)",
                          status["silent"][0])
    assert len(status["silent"]) == 1 and silent and 600 <= int(silent[1]) < 660, status["silent"]
    text = CliRunner().invoke(main, ["status", "--db", str(db), "--broker", url]).output
    assert f"node {NODE} on far: last heartbeat 2026-11-02T02:00:00+00:00" in text
    shown = re.search(rf"SILENT node {NODE} silent for (\d+) s", text)
    assert shown and 600 <= int(shown[1]) < 660, text


def test_a_node_without_pinned_sites_or_without_an_engine_is_refused(sim, tmp_path):
    runner = CliRunner()
    args = ["crawl", "--sites", str(sim.sites_file), "--db", str(tmp_path / "n.db"), "--node"]
    nothing = runner.invoke(main, [*args, "elsewhere", "--broker", "redis://127.0.0.1:1/0"])
    assert nothing.exit_code == 2 and "no site of the sites file is pinned to node 'elsewhere'" in nothing.output
    alone = runner.invoke(main, [*args, NODE], env={"DUCHA_BROKER": ""})
    assert alone.exit_code == 2 and "--node needs --broker" in alone.output
    assert not (tmp_path / "n.db").exists()


def test_an_entry_the_writer_cannot_read_is_set_aside_not_retried_forever(redis_server, tmp_path):
    from crawler.node_writer import REFUSED, run_writer

    url, client = _engine(redis_server, 13)
    client.xadd("ducha:captures", {"kind": "capture", "node": NODE, "run": "t", "data": json.dumps({"x": 1})})
    summary = run_writer(tmp_path / "archive.db", url, burst=True)
    assert summary.refused == 1 and client.xlen("ducha:captures") == 0
    ((_, fields),) = client.xrange(REFUSED)
    assert fields[b"error"].startswith(b"KeyError")
