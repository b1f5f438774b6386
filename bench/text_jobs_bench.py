"""Attachment-text throughput: ``ducha texts`` in-process vs through Redis with 1 ``ducha worker``, and the
exactly-once counts (rows written = attachment rows, a second run finds nothing).

    .venv/bin/python bench/text_jobs_bench.py --docs 20

One crawl of the simulated web's ``mee`` site with a text time limit no extraction meets (every attachment
text fails), then on two copies of that archive: ``ducha texts`` (in-process, one extraction process) and
``ducha texts --broker`` with one ``ducha worker --burst`` on a real ``redis-server`` (AOF on, loopback).
Wall time of the command, extraction process start included on both sides; CPU-seconds of the commands (in
the worker mode: writer + worker, each with its extraction process; Redis itself not counted).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World
from tests.redis_server import RedisServer


def _ducha(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


def _summary(proc: subprocess.Popen) -> dict:
    out, _ = proc.communicate(timeout=1800)
    return json.loads(out.strip().splitlines()[-1])


def _children_cpu() -> float:
    """User + system CPU-seconds of the finished child processes (their own children included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20, help="postings of the site")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="textbench-"))
    world = World(seed=1, docs_per_site=args.docs, start_date=date(2026, 11, 2), scans=0)
    server = serve_in_thread(world, port=0, day=0)
    sites = tmp / "sites.yaml"
    with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30) as response:
        sites.write_bytes(response.read())
    base = tmp / "crawl"
    base.mkdir()
    command = crawl_command(db=str(base / "archive.db"), sites_file=str(sites), mirror=server.url,
                            clock="2026-11-02T10:00:00+08:00",
                            extra=["--site", "mee", "-s", "DUCHA_OCR=false", "-s", "DUCHA_ATTACHMENT_TIMEOUT=0.001"])
    subprocess.run(command, check=True, capture_output=True, timeout=1800)
    server.close()
    results = {}
    for mode in ("in-process", "1 worker"):
        folder = tmp / mode.replace(" ", "-")
        shutil.copytree(base, folder)
        db = str(folder / "archive.db")
        rows = sqlite3.connect(db).execute("SELECT count(*) FROM attachments WHERE sha256 IS NOT NULL").fetchone()[0]
        redis_server = None
        cpu_before = _children_cpu()
        started = time.monotonic()
        if mode == "in-process":
            summary = _summary(_ducha("texts", "--db", db))
        else:
            redis_server = RedisServer(tmp / "redis")
            (tmp / "redis").mkdir()
            redis_server.start()
            writer = _ducha("texts", "--db", db, "--broker", redis_server.url(0))
            worker = _ducha("worker", "--broker", redis_server.url(0), "--queues", "text", "--burst")
            summary = _summary(writer)
            worker.communicate(timeout=600)
        seconds = time.monotonic() - started
        cpu = _children_cpu() - cpu_before
        again = _summary(_ducha("texts", "--db", db, *(["--broker", redis_server.url(0)] if redis_server else [])))
        if redis_server is not None:
            redis_server.stop()
        results[mode] = {"files": summary["files"], "rows": rows, "rows_written": summary["rows"],
                         "with_text": summary["with_text"], "failed": len(summary["failed"]),
                         "seconds": round(seconds, 1), "jobs_per_s": round(summary["files"] / seconds, 2),
                         "cpu_seconds": round(cpu, 1), "cpu_ms_per_file": round(1000 * cpu / summary["files"]),
                         "second_run_files": again["files"], "second_run_rows": again["rows"]}
    load = os.getloadavg()[0]
    print(json.dumps({"load_average": round(load, 1), **results}, indent=1))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
