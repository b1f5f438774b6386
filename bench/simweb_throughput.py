"""Requests per second of the simulated web over loopback (2 client threads, keep-alive).

    .venv/bin/python bench/simweb_throughput.py [--seconds 3] [--docs-per-site 40]
"""
from __future__ import annotations

import argparse
import http.client
import threading
import time

from simweb.server import serve_in_thread
from simweb.sites import SITES
from simweb.world import World


def _mirror(url: str) -> str:
    return "/" + url.split("://", 1)[1]


def _run(port: int, paths: list[str], seconds: float, threads: int = 2) -> tuple[int, float]:
    """Fire GETs round-robin from `threads` threads for `seconds`; returns (requests, elapsed)."""
    count = [0] * threads
    stop = time.perf_counter() + seconds

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        k = i
        while time.perf_counter() < stop:
            conn.request("GET", paths[k % len(paths)])
            r = conn.getresponse()
            r.read()
            assert r.status == 200, (r.status, paths[k % len(paths)])
            count[i] += 1
            k += threads
        conn.close()

    t0 = time.perf_counter()
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(count), time.perf_counter() - t0


def main() -> None:
    """Measure list and detail throughput and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--docs-per-site", type=int, default=40)
    args = ap.parse_args()
    world = World(seed=1, docs_per_site=args.docs_per_site)
    sim = serve_in_thread(world, port=0, day=1)
    try:
        lists = [_mirror(s.start_url) for s in SITES]
        details = [_mirror(e.url) for s in SITES for e in world.list_entries(s.id, 1)[:10]]
        _run(sim.port, lists + details, 0.5)  # warm caches
        for name, paths in (("list", lists), ("detail", details)):
            n, el = _run(sim.port, paths, args.seconds)
            print(f"{name:6s} pages: {n / el:7.0f} req/s  ({n} requests in {el:.2f} s, 2 client threads, "
                  f"docs_per_site={args.docs_per_site})")
    finally:
        sim.close()


if __name__ == "__main__":
    main()
