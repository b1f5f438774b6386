"""Measure the scheduler under faults with the real ``ducha crawl`` against the simulated web.

    .venv/bin/python bench/scheduler_faults_bench.py [--repeat 3]

* kill -9 of the scheduler while its crawl runs: seconds until the crawl process is gone (the kernel's
  parent-death SIGTERM, then Scrapy's graceful stop), and what the run row says;
* restart: seconds from the new scheduler's spawn until the row the dead one left ``running`` is closed;
* ``ducha schedule --list``: wall time (median of 3) beside the running scheduler.
"""
from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.ops.runs import pid_alive
from simweb.server import serve_in_thread
from simweb.world import World


def _rows(db: Path, sql: str) -> list[tuple]:
    if not db.exists():
        return []
    try:
        conn = sqlite3.connect(db, timeout=10)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def _until(predicate, timeout: float = 60.0) -> float:
    """Seconds until ``predicate()`` is true (polling every 10 ms); raises after ``timeout``."""
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise TimeoutError("condition not met")
        time.sleep(0.01)
    return time.monotonic() - start


def _scheduler(config: Path, log: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, str(REPO / "scheduler.py"), "--config", str(config), *extra],
                            cwd=REPO, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)


def one_round(server, tmp: Path) -> dict:
    """kill -9 of a scheduler mid-crawl, then a restart; returns the timings."""
    sites = tmp / "sites.yaml"
    sites.write_bytes(urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30).read())
    db, config = tmp / "archive.db", tmp / "schedule.yaml"
    config.write_text(yaml.safe_dump({
        "db": str(db), "sites_file": str(sites), "mirror": server.url, "kill_grace_s": 5,
        "crawl_command": [sys.executable, "-m", "crawler.cli", "crawl"], "extra_args": ["-s", "DOWNLOAD_DELAY=0.3"],
        "groups": [{"name": "g", "sites": ["sc-sthjt"], "hour": "*", "minute": "*", "second": "*/3"}]}))
    log = tmp / "scheduler.log"
    sched = _scheduler(config, log)
    _until(lambda: _rows(db, "SELECT 1 FROM scheduled_runs WHERE run_id IS NOT NULL"))
    row_id, crawl_pid = _rows(db, "SELECT id, pid FROM scheduled_runs ORDER BY id LIMIT 1")[0]
    time.sleep(1.0)  # let the crawl get going
    started = time.monotonic()
    os.kill(sched.pid, signal.SIGKILL)
    sched.wait()
    _until(lambda: not pid_alive(crawl_pid))
    gone = time.monotonic() - started
    run_status = _rows(db, "SELECT status FROM runs ORDER BY id LIMIT 1")
    spawned = time.monotonic()
    sched = _scheduler(config, log)
    _until(lambda: _rows(db, f"SELECT outcome FROM scheduled_runs WHERE id = {row_id}")[0][0] != "running")
    closed = time.monotonic() - spawned
    outcome = _rows(db, f"SELECT outcome FROM scheduled_runs WHERE id = {row_id}")[0][0]
    list_times = []
    for _ in range(3):
        t0 = time.monotonic()
        subprocess.run([sys.executable, str(REPO / "scheduler.py"), "--config", str(config), "--list"], cwd=REPO,
                       env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, check=True)
        list_times.append(time.monotonic() - t0)
    sched.send_signal(signal.SIGTERM)
    sched.wait(timeout=60)
    return {"crawl_gone_s": gone, "run_status": run_status[0][0] if run_status else None,
            "restart_closed_s": closed, "row_outcome": outcome, "list_s": statistics.median(list_times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    server = serve_in_thread(World(seed=1, docs_per_site=40, start_date=date.today()), day=0)
    try:
        results = []
        for i in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="ducha-sched-faults-") as tmp:
                results.append(one_round(server, Path(tmp)))
            r = results[-1]
            sys.stdout.write(f"round {i + 1}: crawl gone {r['crawl_gone_s']:.2f} s after kill -9 (run row "
                             f"{r['run_status']}); restart closed the row in {r['restart_closed_s']:.2f} s "
                             f"({r['row_outcome']}); --list beside it {r['list_s']:.2f} s\n")
    finally:
        server.close()
    for key in ("crawl_gone_s", "restart_closed_s", "list_s"):
        values = [r[key] for r in results]
        sys.stdout.write(f"{key}: median {statistics.median(values):.2f} s (min {min(values):.2f}, "
                         f"max {max(values):.2f})\n")


if __name__ == "__main__":
    main()
