"""Crawl the simulated web and print throughput and request counts.

Usage: .venv/bin/python bench/crawl_bench.py [--docs-per-site 200]

Figures: pages/second of a first full crawl with delays off (lists, details, attachments over
loopback, extraction and archiving included), then the requests of an unchanged re-run
(lists + conditional re-checks) against that full crawl, and of the next simulated day.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World

START = date(2026, 11, 2)


def requests_by_kind(server) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in server.stats()["sites"].values():
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    return totals


def timed_crawl(server, db: Path, sites: Path, day: int, *extra: str) -> tuple[float, dict[str, int]]:
    server.set_day(day)
    server.reset_stats()
    clock = f"{START + timedelta(days=day)}T10:00:00+08:00"
    started = time.perf_counter()
    subprocess.run(crawl_command(db=str(db), sites_file=str(sites), mirror=server.url, clock=clock,
                                 extra=list(extra)), check=False, capture_output=True)
    return time.perf_counter() - started, requests_by_kind(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs-per-site", type=int, default=200)
    parser.add_argument("--per-host", type=int, default=1, help="CONCURRENT_REQUESTS_PER_DOMAIN for the first crawl")
    args = parser.parse_args()
    world = World(seed=1, docs_per_site=args.docs_per_site, start_date=START)
    server = serve_in_thread(world, port=0)
    with tempfile.TemporaryDirectory() as tmp:
        db, sites = Path(tmp) / "archive.db", Path(tmp) / "sites.yaml"
        sites.write_bytes(urllib.request.urlopen(f"{server.url}/_sim/sites.yaml").read())
        seconds, full = timed_crawl(server, db, sites, 0, "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={args.per_host}")
        pages = full.get("total", 0)
        print(f"sites: {len(server.stats()['sites'])}, postings per site: {args.docs_per_site}, "
              f"requests per host at once: {args.per_host}")
        print(f"first crawl: {pages} requests in {seconds:.1f} s (process start included) "
              f"= {pages / seconds:.0f} pages/s; lists {full.get('list', 0) + full.get('json', 0)}, "
              f"details {full.get('detail', 0)}, attachments {full.get('attachment', 0)}")
        seconds, rerun = timed_crawl(server, db, sites, 0)
        print(f"unchanged re-run: {rerun.get('total', 0)} requests ({100 * rerun.get('total', 0) / pages:.1f}% "
              f"of the full crawl) in {seconds:.1f} s; details {rerun.get('detail', 0)}, "
              f"of which 304 {rerun.get('not_modified', 0)}; attachments {rerun.get('attachment', 0)}")
        seconds, full_rerun = timed_crawl(server, db, sites, 0, "--full")
        print(f"unchanged re-run with --full: {full_rerun.get('total', 0)} requests in {seconds:.1f} s; "
              f"304 {full_rerun.get('not_modified', 0)}")
        seconds, next_day = timed_crawl(server, db, sites, 1)
        print(f"next simulated day: {next_day.get('total', 0)} requests in {seconds:.1f} s")
    server.close()


if __name__ == "__main__":
    main()
