"""Document page latency while anonymous SQL hammers the server.

Usage: .venv/bin/python bench/web_attack_bench.py [--postings 10000] [--attackers 8] [--requests 100]
       [--code DIR]   (serve with the code in DIR, e.g. an older checkout, for a before/after figure)

Builds a synthetic archive (bench/web_bench.py), starts ``datasette serve`` as ``ducha serve`` does
(real HTTP, Datasette's SQL threads), runs ``--attackers`` threads that each send a query running
into the time limit again and again, and meanwhile times ``--requests`` document pages.
Prints p50/p95/max of the document page and the attackers' answers by status.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.web_bench import build
from crawler.serve import datasette_args, write_metadata

SLOW_SQL = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--attackers", type=int, default=8)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--code", default=str(REPO), help="serve with the code of this checkout")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        build(db, args.postings)
        port = free_port()
        command = [sys.executable, "-m", "datasette",
                   *datasette_args(str(db), host="127.0.0.1", port=port, metadata=write_metadata(Path(tmp), db))]
        server = subprocess.Popen(command, cwd=args.code, env={**os.environ, "PYTHONPATH": args.code},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    fetch(base + "/-/versions.json")
                    break
                except OSError:
                    time.sleep(0.1)
            quiet = []
            for n in range(20):
                t0 = time.monotonic()
                fetch(f"{base}/-/ducha/document/{n + 1}")
                quiet.append(time.monotonic() - t0)
            stop = threading.Event()
            answers: dict[int, int] = {}
            lock = threading.Lock()

            def attack() -> None:
                url = f"{base}/archive.json?" + urllib.parse.urlencode({"sql": SLOW_SQL})
                while not stop.is_set():
                    status = fetch(url)
                    with lock:
                        answers[status] = answers.get(status, 0) + 1
                    if status == 429:
                        time.sleep(0.05)  # a polite client would wait Retry-After; a hostile one barely does

            threads = [threading.Thread(target=attack, daemon=True) for _ in range(args.attackers)]
            for thread in threads:
                thread.start()
            time.sleep(1.0)
            times = []
            for n in range(args.requests):
                t0 = time.monotonic()
                status = fetch(f"{base}/-/ducha/document/{n % args.postings + 1}")
                times.append(time.monotonic() - t0)
                assert status == 200, status
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
        finally:
            server.terminate()
            server.wait(timeout=30)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"code: {args.code}; {args.postings} postings; {args.attackers} attackers sending a slow query in a loop")
    print(f"document page without attack: p50 {statistics.median(quiet) * 1000:.0f} ms")
    print(f"document page under attack ({len(times)} requests): p50 {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")
    print(f"attackers' answers by HTTP status: {dict(sorted(answers.items()))}")


if __name__ == "__main__":
    main()
