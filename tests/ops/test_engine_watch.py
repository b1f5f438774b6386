"""With an engine: workers, crawl nodes and the writer silent too long are alerted once per silence; the scheduler
watches them every minute and keeps the writer running."""
from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from archive.ops import engine
from archive.ops.config import AlertConfig, OpsConfig, load_config
from archive.ops.errors import EngineUnreachable
from archive.ops.writer_process import WriterProcess
from archive.store import Archive


def _status(silent_for: float, last_seen: str) -> dict:
    """The engine with one node ``abroad``, last heard at ``last_seen``, ``silent_for`` seconds ago."""
    nodes = [{"name": "abroad", "role": "node", "host": "far", "pid": 1, "last_seen": last_seen,
              "silent_seconds": silent_for}]
    status = {"broker": "redis://x", "queues": {}, "open_jobs": 0, "workers": [], "nodes": nodes}
    status["silent"] = engine.silent(status, after=120)
    return status


@pytest.fixture
def cfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsConfig:
    """An archive, an alert log and an engine URL (its status is faked by each test)."""
    Archive(tmp_path / "archive.db").close()
    monkeypatch.setattr(engine, "_ALERTED", {})
    return OpsConfig(db=str(tmp_path / "archive.db"), broker="redis://x", silent_after_s=120,
                     alerts=AlertConfig(log_file=str(tmp_path / "alerts.jsonl")))


def _alerts(cfg: OpsConfig) -> list[str]:
    log = Path(cfg.alerts.log_file or "")
    return [json.loads(line)["text"] for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def test_a_node_silent_too_long_is_alerted_once_per_silence(cfg, monkeypatch):
    states = iter([_status(30, "10:00"), _status(600, "10:00"), _status(660, "10:00"), _status(5, "10:11"),
                   _status(700, "10:11")])
    monkeypatch.setattr(engine, "engine_status", lambda url, **kw: next(states))
    sent = [engine.alert_silent(cfg) for _ in range(5)]
    assert [bool(s) for s in sent] == [False, True, False, False, True]  # heard again in between: a new silence
    assert len(_alerts(cfg)) == 2 and "node abroad silent for 600 s" in _alerts(cfg)[0]


def test_an_unreachable_engine_is_alerted_and_no_engine_means_no_watch(cfg, monkeypatch):
    def down(url, **kw):
        raise EngineUnreachable("cannot reach the engine at redis://x")

    monkeypatch.setattr(engine, "engine_status", down)
    assert engine.alert_silent(cfg) == ["cannot reach the engine at redis://x"]
    assert engine.alert_silent(OpsConfig(db=cfg.db)) == []


def test_the_scheduler_watches_the_engine_only_when_one_is_configured(tmp_path):
    import scheduler

    assert "engine-watch" not in scheduler.wanted_jobs(load_config(env={}))
    cfg = load_config(env={"DUCHA_BROKER": "redis://127.0.0.1:6379/0", "DUCHA_SILENT_AFTER": "300"})
    assert "engine-watch" in scheduler.wanted_jobs(cfg) and cfg.silent_after_s == 300


def test_the_writer_process_is_started_again_when_it_exits(tmp_path):
    writer = WriterProcess(OpsConfig(db=str(tmp_path / "a.db"), broker="redis://x", kill_grace_s=5),
                           restart_delay_s=0.05)
    writer.command = [sys.executable, "-c", "pass"]  # exits at once, as a crashed writer would
    writer.start()
    try:
        import time

        deadline = time.monotonic() + 30
        while writer.starts < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        writer.stop()
    assert writer.starts >= 3


def test_the_scheduler_keeps_the_writer_running_and_stops_it(tmp_path, redis_server, fake_schedule, start_scheduler,
                                                             poll):
    import redis

    url = redis_server.url(14)
    client = redis.Redis.from_url(url)
    client.flushdb()
    config = fake_schedule([{"name": "g", "hour": "3", "minute": "0"}], broker=url)
    sched = start_scheduler(config)
    poll(lambda: any(k.startswith(b"writer:") for k in client.hkeys("ducha:nodes")), timeout=60,
         what="the writer's heartbeat")
    (name,) = client.hkeys("ducha:nodes")
    pid = json.loads(client.hget("ducha:nodes", name))["pid"]
    os.kill(pid, signal.SIGKILL)  # a writer that dies is started again
    poll(lambda: any(json.loads(v)["pid"] != pid for v in client.hvals("ducha:nodes")), timeout=60,
         what="a new writer")
    assert sched.stop() == 0
    assert "the writer exited" in sched.output()
    poll(lambda: not [v for v in client.hvals("ducha:nodes") if json.loads(v)["pid"] != pid], timeout=30,
         what="the writer stopped with the scheduler")
