"""Why Dramatiq: ``kill -9`` of a worker mid-job — does the job come back, and is its result written once?

    python3 -m venv /tmp/probe && /tmp/probe/bin/pip install rq==2.12.0 'dramatiq[redis]==2.2.1' redis==8.1.0
    /tmp/probe/bin/python bench/broker_kill_probe.py dramatiq
    /tmp/probe/bin/python bench/broker_kill_probe.py rq

A real ``redis-server`` (AOF on) on a free loopback port; one job that marks its start, works 2 s and
appends its name to the list ``done``; the worker is killed with SIGKILL (its children too) as soon as
the job started, a second worker starts, and the probe waits up to 240 s for ``done``.
RQ gets every help it offers (``Retry(max=3)``, maintenance every second); Dramatiq a 5 s heartbeat
time-out and a dead-worker check on every command.  Measured 2026-12-06 (Redis 7.0.15):
Dramatiq 2.2.1 — back after 7.2 s, started twice, result written once;
RQ 2.12.0 — not back after 240 s (started once, result never written).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

URL = os.environ.get("PROBE_URL", "redis://127.0.0.1:1/0")


def work(name: str) -> None:
    """The job: mark the start, work 2 s, write the result."""
    import redis

    client = redis.Redis.from_url(URL)
    client.incr("starts")
    client.set(f"started:{name}", 1)
    time.sleep(2)
    client.rpush("done", name)


if sys.argv[1:2] == ["dramatiq-actor"] or os.environ.get("PROBE_LIB") == "dramatiq":
    import dramatiq
    from dramatiq.brokers.redis import RedisBroker

    dramatiq.set_broker(RedisBroker(url=URL, heartbeat_timeout=5000, maintenance_chance=1_000_000))
    dramatiq_work = dramatiq.actor(work, actor_name="work", queue_name="probe", max_retries=0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _kill_tree(proc: subprocess.Popen) -> None:
    """SIGKILL a worker and its children (Dramatiq's worker processes)."""
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True,
                              check=False).stdout.split()
    for pid in [*map(int, children), proc.pid]:
        os.kill(pid, signal.SIGKILL)
    proc.wait()


def main(lib: str) -> None:
    import redis

    port, folder = _free_port(), tempfile.mkdtemp()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--appendonly", "yes",
                               "--dir", folder, "--save", ""], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    here = os.path.dirname(os.path.abspath(__file__))
    env = {**os.environ, "PROBE_URL": url, "PROBE_LIB": lib, "PYTHONPATH": here}
    if lib == "rq":
        from rq import Queue, Retry

        Queue("probe", connection=client).enqueue("broker_kill_probe.work", "J1", retry=Retry(max=3), job_timeout=30)
        cmd = [sys.executable, "-c", ("import redis; from rq import Queue, Worker; r = redis.Redis.from_url("
               f"'{url}'); Worker([Queue('probe', connection=r)], connection=r, maintenance_interval=1).work()")]
    else:
        subprocess.run([sys.executable, "-c", "import broker_kill_probe as p; p.dramatiq_work.send('J1')"],
                       env=env, check=True)
        cmd = [sys.executable, "-m", "dramatiq", "broker_kill_probe", "-p", "1", "-t", "1", "-Q", "probe"]
    first = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not client.get("started:J1"):
        time.sleep(0.05)
    _kill_tree(first)
    killed = time.monotonic()
    second = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.monotonic() - killed < 240 and not client.llen("done"):
        time.sleep(0.2)
    back = time.monotonic() - killed
    time.sleep(3)
    written = client.llen("done")
    when = f"back after {back:.1f} s" if written else "not back after 240 s"
    print(f"{lib}: {when}; started {int(client.get('starts') or 0)}×, result written {written}×")
    _kill_tree(second)
    server.kill()


if __name__ == "__main__":
    main(sys.argv[1])
