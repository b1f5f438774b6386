"""Crawl the simulated web and print throughput and request counts, beside `scrapy bench` on the same machine.

Usage: .venv/bin/python bench/crawl_bench.py [--docs-per-site 200] [--days 30] [--repeat 3] [--no-scrapy-bench]

Figures: `scrapy bench` pages/second (run as a subprocess, outside the project, right before the crawl);
pages/second of a first full crawl with delays off (lists, details, attachments over loopback,
extraction and archiving included; process start and after-run bookkeeping included), each also as
CPU-seconds per page (the crawl process with its attachment workers, plus the simulated web's server thread;
`scrapy bench` with its server process) — the figure a shared, loaded machine distorts least; ``--repeat N``
measures the pair N times back to back, with the load average, and prints the range.  Then the requests
of an unchanged re-run (all requests counted, lists included) against that first crawl; then
``--days`` simulated daily runs with what the re-check policy (archive/recheck.py) promises, read back
from the archive: every posting of the first crawl re-checked at least once, every removal recorded
(days after it happened), every arrival re-checked every run of its first 30 days; last an unchanged
re-run with ``--full``.
"""
from __future__ import annotations

import argparse
import ast
import os
import re
import resource
import sqlite3
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
LIST_KINDS = ("robots", "list", "json", "home")


def requests_by_kind(server) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in server.stats()["sites"].values():
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    return totals


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed_crawl(server, db: Path, sites: Path, day: int, *extra: str) -> tuple[float, dict[str, int]]:
    seconds, counts, _ = measured_crawl(server, db, sites, day, *extra)
    return seconds, counts


def measured_crawl(server, db: Path, sites: Path, day: int, *extra: str) -> tuple[float, dict[str, int], float]:
    """(wall seconds, requests by kind, CPU-seconds: the crawl process and its children, plus this process —
    the simulated web's server thread — meanwhile)."""
    server.set_day(day)
    server.reset_stats()
    clock = f"{START + timedelta(days=day)}T10:00:00+08:00"
    started, cpu = time.perf_counter(), _cpu(resource.RUSAGE_CHILDREN) + _cpu(resource.RUSAGE_SELF)
    subprocess.run(crawl_command(db=str(db), sites_file=str(sites), mirror=server.url, clock=clock,
                                 extra=list(extra)), check=False, capture_output=True)
    cpu = _cpu(resource.RUSAGE_CHILDREN) + _cpu(resource.RUSAGE_SELF) - cpu
    return time.perf_counter() - started, requests_by_kind(server), cpu


def scrapy_bench() -> tuple[float, float] | None:
    """`scrapy bench` (its own local server and spider, Scrapy's default settings): (pages/second, CPU-seconds
    per page of the command with its server process)."""
    cpu = _cpu(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:  # outside the project: no scrapy.cfg, no project settings
        result = subprocess.run([str(Path(sys.executable).parent / "scrapy"), "bench"], cwd=tmp,
                                capture_output=True, text=True, check=False)
    cpu = _cpu(resource.RUSAGE_CHILDREN) - cpu
    found = re.search(r"Dumping Scrapy stats:\s*(\{.*?\})\s*\n\S", result.stderr, re.DOTALL)
    if not found:
        return None
    stats = ast.literal_eval(re.sub(r"datetime\.datetime\([^)]*\)", "None", found.group(1)))
    pages = stats["response_received_count"]
    return pages / stats["elapsed_time_seconds"], cpu / pages


def _load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _crawl_seconds(db: Path, *, run_id: int) -> float | None:
    """Scrapy's own elapsed time of a run (``run_sites.duration_s``)."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT max(duration_s) FROM run_sites WHERE run_id = ?", (run_id,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def lists(counts: dict[str, int]) -> int:
    return sum(counts.get(k, 0) for k in LIST_KINDS)


def policy_report(db: Path, world: World, days: int, first_run: int = 1, day1_run: int = 3) -> None:
    """What the daily runs did, read back from the archive against the simulated web's manifests."""
    conn = sqlite3.connect(db)
    run_of_day = {day: day1_run + day - 1 for day in range(1, days + 1)}
    checked: dict[str, set[int]] = {}
    for url, run in conn.execute("SELECT d.url, c.run_id FROM checks c JOIN documents d ON d.id = c.document_id"):
        checked.setdefault(url, set()).add(run)
    history = [u for (u,) in conn.execute("SELECT d.url FROM documents d JOIN events e ON e.document_id = d.id "
                                          "WHERE e.kind = 'new' AND e.run_id = ?", (first_run,))]
    daily = set(run_of_day.values())
    never = [u for u in history if not checked.get(u, set()) & daily]
    print(f"over {days} days: {len(history) - len(never)} of {len(history)} postings of the first crawl "
          f"re-checked at least once")
    removed_runs: dict[str, list[int]] = {}
    for url, run in conn.execute("SELECT d.url, e.run_id FROM events e JOIN documents d ON d.id = e.document_id "
                                 "WHERE e.kind = 'removed' ORDER BY e.run_id"):
        removed_runs.setdefault(url, []).append(run)
    manifests = {day: world.manifest(day, hashes=False) for day in range(1, days + 1)}
    live = {day: {p["url"] for p in m["postings"] if p["status"] == "live"} for day, m in manifests.items()}
    delays, missed, arrivals, arrival_misses = [], 0, 0, 0
    for day, manifest in manifests.items():
        for change in manifest["changes"]:
            if change["kind"] == "remove":
                run = next((r for r in removed_runs.get(change["url"], []) if r >= run_of_day[day]), None)
                if run is None:
                    missed += 1
                else:
                    delays.append(run - run_of_day[day])
            elif change["kind"] == "new":
                arrivals += 1
                wanted = {run_of_day[d] for d in range(day + 1, min(day + 30, days) + 1) if change["url"] in live[d]}
                arrival_misses += bool(wanted - checked.get(change["url"], set()))
    print(f"removals: {len(delays)} recorded, {missed} not; days after the removal: "
          f"{sum(d == 0 for d in delays)} the same run, max {max(delays, default=0)}")
    print(f"arrivals: {arrivals}, {arrival_misses} of them missed a daily re-check in their first 30 days "
          "(while live)")
    conn.close()


def first_crawl(server, db: Path, sites: Path, args: argparse.Namespace, attempt: int) -> tuple[int, float | None]:
    """`scrapy bench`, then a first crawl right after it into ``db``; prints both; returns (the crawl's requests,
    its pages/s over scrapy bench's or None)."""
    print(f"-- pair {attempt}: {_load()}")
    reference = None if args.no_scrapy_bench else scrapy_bench()
    sites.write_bytes(urllib.request.urlopen(f"{server.url}/_sim/sites.yaml").read())
    seconds, full, cpu = measured_crawl(server, db, sites, 0, "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={args.per_host}")
    pages = full.get("total", 0) or 1
    print(f"sites: {len(server.stats()['sites'])}, postings per site: {args.docs_per_site}, "
          f"requests per host at once: {args.per_host}")
    rate = pages / seconds
    print(f"first crawl: {pages} requests in {seconds:.1f} s (process start included) "
          f"= {rate:.0f} pages/s, {1000 * cpu / pages:.1f} ms CPU a page; lists {lists(full)}, "
          f"details {full.get('detail', 0)}, attachments {full.get('attachment', 0)}")
    crawling = _crawl_seconds(db, run_id=1)
    if crawling:
        print(f"  of which crawling (Scrapy's elapsed time, without process start-up and the after-run timeliness, "
              f"ledger and alerts): {crawling:.1f} s = {pages / crawling:.0f} pages/s")
    print(f"   {_load()}")
    if not reference:
        return pages, None
    bench_rate, bench_cpu = reference
    print(f"scrapy bench: {bench_rate:.0f} pages/s, {1000 * bench_cpu:.1f} ms CPU a page; first crawl / scrapy bench "
          f"= {rate / bench_rate:.2f}" + (f" (crawling alone {pages / crawling / bench_rate:.2f})" if crawling else "")
          + f"; CPU a page, scrapy bench / first crawl = {bench_cpu * pages / cpu:.2f}")
    return pages, rate / bench_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs-per-site", type=int, default=200)
    parser.add_argument("--per-host", type=int, default=1, help="CONCURRENT_REQUESTS_PER_DOMAIN for the first crawl")
    parser.add_argument("--days", type=int, default=1, help="simulated daily runs after the first crawl")
    parser.add_argument("--no-scrapy-bench", action="store_true", help="skip the `scrapy bench` comparison")
    parser.add_argument("--repeat", type=int, default=1, help="measure scrapy bench + first crawl this many times")
    args = parser.parse_args()
    world = World(seed=1, docs_per_site=args.docs_per_site, start_date=START)
    server = serve_in_thread(world, port=0)
    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(1, max(1, args.repeat) + 1):
            db, sites = Path(tmp) / f"archive-{attempt}" / "archive.db", Path(tmp) / "sites.yaml"
            db.parent.mkdir()
            pages, ratio = first_crawl(server, db, sites, args, attempt)
            if ratio is not None:
                ratios.append(ratio)
        if len(ratios) > 1:
            print(f"first crawl / scrapy bench over {len(ratios)} back-to-back pairs: "
                  f"{min(ratios):.2f}-{max(ratios):.2f}")
        seconds, rerun = timed_crawl(server, db, sites, 0)
        total = rerun.get("total", 0)
        print(f"unchanged re-run: {total} requests ({100 * total / pages:.1f}% of the first crawl's, lists included; "
              f"{100 * (total - lists(rerun)) / pages:.1f}% without the lists) in {seconds:.1f} s; "
              f"details {rerun.get('detail', 0)}, of which 304 {rerun.get('not_modified', 0)}; "
              f"attachments {rerun.get('attachment', 0)}")
        per_day = []
        for day in range(1, args.days + 1):
            seconds, counts = timed_crawl(server, db, sites, day)
            per_day.append(counts.get("total", 0))
            if day == 1:
                print(f"next simulated day: {per_day[0]} requests in {seconds:.1f} s; details {counts.get('detail', 0)}, "
                      f"attachments {counts.get('attachment', 0)}")
        if per_day:
            print(f"days 1-{args.days}: {sum(per_day) / len(per_day):.0f} requests a day on average, "
                  f"max {max(per_day)} ({100 * max(per_day) / pages:.1f}% of the first crawl's)")
            policy_report(db, world, args.days)
        seconds, full_rerun = timed_crawl(server, db, sites, args.days, "--full")
        print(f"unchanged re-run with --full: {full_rerun.get('total', 0)} requests in {seconds:.1f} s; "
              f"304 {full_rerun.get('not_modified', 0)}")
    server.close()


if __name__ == "__main__":
    main()
