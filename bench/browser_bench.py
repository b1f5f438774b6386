"""What the browser fallback costs, on the simulated web.

Usage: .venv/bin/python bench/browser_bench.py [--docs-per-site 200]

Three crawls of day 0 into fresh archives, then one more run of each:
- ``bs-sthjj`` (an API no profile describes): run 1 learns it in the browser, run 2 walks the
  learned API over plain HTTP;
- ``gs-sthj`` behind the short-lived 瑞数-style cookie: the browser earns it again mid-crawl;
- ``jx-sthjt`` (a profile API over plain HTTP): must never start a browser.
Per run: browser launches, pages rendered, seconds per render, requests to the site, wall time and
peak memory of the crawl process *with its browser children* (sampled from /proc every 0.1 s): summed
RSS (shared pages counted per process) and PSS (shared pages split).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World

START = date(2026, 11, 2)
PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of ``pid`` and all its descendants.  Summed RSS counts pages shared between
    Chromium's processes once per process (an upper bound); PSS splits them (the fair figure)."""
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            rss += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            pss += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:"))) * 1024
        except (OSError, StopIteration, ValueError):
            continue
        stack += _children(p)
    return rss, pss


def stat(stderr: str, name: str) -> float:
    m = re.search(rf"'{re.escape(name)}': ([\d.]+)", stderr)
    return float(m.group(1)) if m else 0.0


def run(server, db: Path, sites: Path, site: str, day: int) -> dict:
    server.set_day(day)
    server.reset_stats()
    clock = f"{START + timedelta(days=day)}T10:00:00+08:00"
    command = crawl_command(db=str(db), sites_file=str(sites), mirror=server.url, clock=clock,
                            extra=["--site", site])
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, pss = tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate(timeout=1200)
    done.set()
    sampler.join()
    seconds = time.monotonic() - started
    renders = stat(stderr, "ducha/browser_renders")
    return {"rc": proc.returncode, "seconds": seconds, "launches": int(stat(stderr, "ducha/browser_launches")),
            "renders": int(renders), "s_per_render": stat(stderr, "ducha/browser_render_seconds") / renders
            if renders else 0.0, "challenge_renders": int(stat(stderr, "ducha/challenge_renders")),
            "requests": server.stats()["sites"][site].get("total", 0), "peak_rss_mb": peak[0] / 2**20,
            "peak_pss_mb": peak[1] / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-per-site", type=int, default=200)
    args = parser.parse_args()
    world = World(docs_per_site=args.docs_per_site, start_date=START, sites="script")
    server = serve_in_thread(world)
    server.set_fault("gs-sthj", "ruishu-short")
    print(f"browser fallback bench: {args.docs_per_site} postings per site")
    print(f"{'site':<10} {'run':<4} {'rc':>2} {'wall s':>7} {'launches':>8} {'renders':>7} {'s/render':>8} "
          f"{'cookie':>6} {'requests':>8} {'peak RSS MB':>11} {'peak PSS MB':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        sites = Path(tmp) / "sites.yaml"
        sites.write_bytes(urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30).read())
        for site in ("bs-sthjj", "gs-sthj", "jx-sthjt"):
            db = Path(tmp) / f"{site}.db"
            for n, day in ((1, 0), (2, 1)):
                r = run(server, db, sites, site, day)
                print(f"{site:<10} {n:<4} {r['rc']:>2} {r['seconds']:>7.1f} {r['launches']:>8} {r['renders']:>7} "
                      f"{r['s_per_render']:>8.2f} {r['challenge_renders']:>6} {r['requests']:>8} "
                      f"{r['peak_rss_mb']:>11.0f} {r['peak_pss_mb']:>11.0f}")
    server.close()


if __name__ == "__main__":
    main()
