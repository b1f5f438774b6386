"""The archive's write-ahead log during a crawl: its peak size against the database's.

Usage: .venv/bin/python bench/wal_bench.py [--docs-per-site 125]

Crawls the eight classic simulated sites (125 postings each: 1,000 postings) into a fresh archive in a
``ducha crawl`` subprocess while a thread samples the size of ``archive.db-wal`` every 20 ms; prints the
WAL's peak, the database's size at the end and the crawl's duration.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World

START = "2026-11-02"
MB = 1024 * 1024


def sample_peak(path: Path, stop: threading.Event, peak: list[int]) -> None:
    """Keep the largest size ``path`` had until ``stop`` is set (0 while it does not exist)."""
    while not stop.wait(0.02):
        try:
            peak[0] = max(peak[0], path.stat().st_size)
        except FileNotFoundError:
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs-per-site", type=int, default=125)
    args = parser.parse_args()
    server = serve_in_thread(World(seed=1, docs_per_site=args.docs_per_site), port=0)
    with tempfile.TemporaryDirectory() as tmp:
        db, sites = Path(tmp) / "archive.db", Path(tmp) / "sites.yaml"
        sites.write_bytes(urllib.request.urlopen(f"{server.url}/_sim/sites.yaml").read())
        stop, peak = threading.Event(), [0]
        sampler = threading.Thread(target=sample_peak, args=(Path(f"{db}-wal"), stop, peak))
        sampler.start()
        started = time.perf_counter()
        done = subprocess.run(crawl_command(db=str(db), sites_file=str(sites), mirror=server.url,
                                            clock=f"{START}T10:00:00+08:00"), check=False, capture_output=True)
        seconds = time.perf_counter() - started
        stop.set()
        sampler.join()
        size = db.stat().st_size
        print(f"crawl of {8 * args.docs_per_site} postings: exit {done.returncode} in {seconds:.0f} s; "
              f"database {size / MB:.1f} MB, WAL peak {peak[0] / MB:.1f} MB ({peak[0] / size:.1f}x the database)")
    server.close()


if __name__ == "__main__":
    main()
