"""Fixtures for the operations tests: loopback webhook and SMTP receivers, schedule files, a scheduler process."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
FAKE_CRAWL = Path(__file__).with_name("fake_crawl.py")


def query_rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows from an archive another process is writing; [] while it does not exist or is locked."""
    if not db.exists():
        return []
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def wait_for(predicate: Callable[[], object], *, timeout: float = 20.0, interval: float = 0.05,
             what: str = "condition") -> object:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


class Webhook:
    """Collected JSON bodies POSTed to a loopback HTTP server."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []
        self.status = 200
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                hook.bodies.append(json.loads(self.rfile.read(length)))
                self.send_response(hook.status)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    """A webhook receiver on 127.0.0.1, port chosen by the OS."""
    hook = Webhook()
    yield hook
    hook.server.shutdown()
    hook.server.server_close()


class _SmtpHandler:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[str, int, list]]:
    """An aiosmtpd server on 127.0.0.1; yields (host, port, received messages)."""
    from aiosmtpd.controller import Controller

    class AnyPortController(Controller):
        """Controller on port 0: learn the bound port before the start-up self-connection."""

        def _trigger_server(self) -> None:
            self.port = self.server.sockets[0].getsockname()[1]
            super()._trigger_server()

    handler = _SmtpHandler()
    controller = AnyPortController(handler, hostname="127.0.0.1", port=0)
    controller.start()
    try:
        yield "127.0.0.1", controller.port, handler.messages
    finally:
        controller.stop()


@pytest.fixture
def fake_schedule(tmp_path: Path) -> Callable[..., Path]:
    """Write a schedule.yaml that runs the fake crawl; returns a writer taking overrides."""

    def write(groups: list[dict], **extra: object) -> Path:
        control = tmp_path / "control.json"
        if not control.exists():
            control.write_text(json.dumps({"mode": "ok", "sleep": 0.3}))
        data = {
            "db": str(tmp_path / "archive.db"),
            "crawl_command": [sys.executable, str(FAKE_CRAWL), "crawl"],
            "extra_args": ["--log", str(tmp_path / "crawl.log"), "--control", str(control)],
            "kill_grace_s": 2, "misfire_grace_s": 3600, "groups": groups, **extra,
        }
        path = tmp_path / "schedule.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True))
        return path

    return write


def crawl_log(tmp_path: Path) -> list[dict]:
    """The fake crawl's start/end records."""
    path = tmp_path / "crawl.log"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


class SchedulerProcess:
    """``python scheduler.py --config …`` as a subprocess with its output in a file."""

    def __init__(self, config: Path, log: Path, *extra: str) -> None:
        self.log = log
        env = {**os.environ, "PYTHONPATH": str(REPO), "DUCHA_LOG_LEVEL": "INFO"}
        self.proc = subprocess.Popen([sys.executable, str(REPO / "scheduler.py"), "--config", str(config), *extra],
                                     cwd=REPO, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)

    def output(self) -> str:
        """Everything the scheduler logged so far."""
        return self.log.read_text(errors="replace")

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM and wait; returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)


@pytest.fixture
def start_scheduler(tmp_path: Path) -> Iterator[Callable[..., SchedulerProcess]]:
    """Start scheduler processes (stopped and reaped at the end of the test)."""
    started: list[SchedulerProcess] = []

    def start(config: Path, *extra: str) -> SchedulerProcess:
        proc = SchedulerProcess(config, tmp_path / f"scheduler-{len(started)}.log", *extra)
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.proc.poll() is None:
            proc.proc.kill()
            proc.proc.wait()


@pytest.fixture
def poll() -> Callable[..., object]:
    """``wait_for``: poll a predicate with a bounded wait."""
    return wait_for


@pytest.fixture
def crawl_records(tmp_path: Path) -> Callable[[], list[dict]]:
    """Reader of the fake crawl's start/end records."""
    return lambda: crawl_log(tmp_path)
