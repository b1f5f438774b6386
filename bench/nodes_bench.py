"""Two crawl nodes on one host set: politeness per host across nodes, and queue-to-archive latency.

    .venv/bin/python bench/nodes_bench.py --docs 20 --delay 0.5

A real ``redis-server`` (AOF on) and the simulated web in this process; its request handler is wrapped to
time every request per host (measured at the simulated web, not by the crawler).  The sites file pins two
sites to node ``a`` and copies of the same two sites (same hosts, same start URLs) to node ``b``, so both
nodes crawl both hosts at once; ``ducha writer`` runs beside them.  Reported per run: max requests per host
in any 1-second window, the smallest gap between two requests to one host, wall time, and the writer's
queue-to-archive latency (XADD on the node to commit in the archive).  Run with host leases on (the default)
and off (``-s DUCHA_HOST_LEASE=False``: each node alone is polite, together they are not).
"""
from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World
from tests.redis_server import RedisServer

SITES = ("mee", "hn-sthjt")


def pinned_sites(text: str) -> str:
    """The simulated web's sites file: ``SITES`` on node a, copies of them (``<id>-b``) on node b."""
    data = yaml.safe_load(text)
    chosen = [s for s in data["sites"] if s["id"] in SITES]
    data["sites"] = [{**s, "node": "a"} for s in chosen] + [{**s, "id": f"{s['id']}-b", "node": "b"} for s in chosen]
    return yaml.safe_dump(data, allow_unicode=True)


def window_max(times: list[float], width: float = 1.0) -> int:
    """Most requests in any ``width``-second window."""
    times, best, start = sorted(times), 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= width:
            start += 1
        best = max(best, end - start + 1)
    return best


def run(docs: int, delay: float, lease: bool) -> dict:
    """One two-node crawl with the writer running; the measures."""
    folder = Path(tempfile.mkdtemp(prefix="nodes-bench-"))
    server = serve_in_thread(World(seed=1, docs_per_site=docs, start_date=date(2026, 11, 2)), port=0, day=0)
    hits: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()
    counted = server.next_request

    def timed(site_id: str) -> int:
        with lock:
            hits[site_id].append(time.monotonic())
        return counted(site_id)

    server.next_request = timed  # type: ignore[method-assign]
    redis_server = RedisServer(folder)
    redis_server.start()
    url = redis_server.url(0)
    try:
        import urllib.request

        with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30) as response:
            sites = folder / "sites.yaml"
            sites.write_text(pinned_sites(response.read().decode("utf-8")), encoding="utf-8")
        writer = subprocess.Popen([sys.executable, "-m", "crawler.cli", "writer", "--db", str(folder / "archive.db"),
                                   "--broker", url], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        settings = ["-s", f"DOWNLOAD_DELAY={delay}", "-s", f"DUCHA_HOST_LEASE={lease}"]
        started = time.monotonic()
        nodes = [subprocess.Popen(crawl_command(db=str(folder / f"node-{n}.db"), sites_file=str(sites),
                                                mirror=server.url, clock="2026-11-02T10:00:00+08:00",
                                                extra=["--node", n, "--broker", url, *settings]),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for n in ("a", "b")]
        codes = [p.wait(timeout=1800) for p in nodes]
        crawl_s = time.monotonic() - started
        import redis

        client = redis.Redis.from_url(url)
        while client.xlen("ducha:captures"):
            time.sleep(0.1)
        writer.send_signal(signal.SIGTERM)
        out, _ = writer.communicate(timeout=120)
        summary = json.loads(out.strip().splitlines()[-1])
    finally:
        redis_server.stop()
        server.close()
    per_host = {site: {"requests": len(t), "max_per_s": window_max(t),
                       "min_gap_s": round(min((b - a for a, b in zip(sorted(t), sorted(t)[1:])), default=0), 3)}
                for site, t in sorted(hits.items())}
    return {"lease": lease, "delay_s": delay, "node_exit_codes": codes, "crawl_wall_s": round(crawl_s, 1),
            "hosts": per_host, "writer": summary}


def main() -> None:
    """Parse arguments, run with leases on and off, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20, help="postings per site")
    parser.add_argument("--delay", type=float, default=0.5, help="DOWNLOAD_DELAY (seconds) on each node")
    args = parser.parse_args()
    for lease in (True, False):
        print(json.dumps(run(args.docs, args.delay, lease), ensure_ascii=False))


if __name__ == "__main__":
    main()
