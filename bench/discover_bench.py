"""``ducha discover`` on every simulated city and district portal: top-3 recall and precision, cost per host.

    .venv/bin/python bench/discover_bench.py                    # 20 postings per channel, seed 1
    .venv/bin/python bench/discover_bench.py --docs-per-channel 200 --seed 7
    .venv/bin/python bench/discover_bench.py --crawl            # then crawl what it found, build the ledger, score

Discovery runs in process against the simulated web on loopback (no delay between requests, as in
the tests; the browser, DUCHA_BROWSER, for the one portal whose menu only a script shows); the truth is the manifest's ``portals`` (simweb.portals).  Prints one row per portal
(true channels, found in the top 3, wrong in the top 3, requests, seconds), then the totals.

``--crawl``: the sites file discovery writes (``--format yaml``), with each host's region and level filled in
as an operator does (discovery cannot know them) and the provincial department sites the registry already
watches, is crawled by the real ``ducha crawl``; then the recall of the close-outs archived and the ledger's
precision and recall against the manifest's ledger truth (plans, tasks, closure and cross-level links,
orphan close-outs).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from archive.ledger import ledger_data
from crawler.demo import crawl_command
from crawler.settings import DUCHA_BROWSER
from simweb.ledger import score
from simweb.portals import operator_filled, score_discovery
from simweb.server import serve_in_thread
from simweb.sites import sites_yaml as sim_sites_yaml
from simweb.world import World
from spiders.discover import HostResult, discover_hosts, sites_yaml

START = date(2026, 11, 2)


def discovered_sites_file(results: list[HostResult], truth: list[dict], world: World) -> str:
    """Discovery's sites-file entries with region and level filled in, and the provincial department sites."""
    return operator_filled(sites_yaml(results), truth, sim_sites_yaml(tuple(s for s in world.sites
                                                                            if s.level == "province")))


def print_crawl_cost(conn: sqlite3.Connection) -> None:
    """Per crawled site, from the run's summary: list pages, detail pages and attachments fetched (their sum: the
    requests, robots.txt aside); the hosts are crawled side by side, so only the run's seconds (above) are known."""
    (summary,) = conn.execute("SELECT summary FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    print(f"{'site':18} {'list pages':>10} {'details':>8} {'attachments':>11} {'requests':>8}")
    for site, c in sorted(json.loads(summary or "{}").items()):
        if isinstance(c, dict):
            fetched = (c.get("list_pages", 0), c.get("details", 0), c.get("attachments", 0))
            print(f"{site:18} {fetched[0]:>10} {fetched[1]:>8} {fetched[2]:>11} {sum(fetched):>8}")


def crawl_and_score(server_url: str, world: World, results: list[HostResult], truth: list[dict]) -> None:
    """Crawl the discovered channels (and the provinces), build the ledger, print recall and the ledger's score."""
    tmp = Path(tempfile.mkdtemp(prefix="discover-crawl-"))
    try:
        sites = tmp / "sites.yaml"
        sites.write_text(discovered_sites_file(results, truth, world), encoding="utf-8")
        db = tmp / "archive.db"
        started = time.perf_counter()
        done = subprocess.run(crawl_command(db=str(db), sites_file=str(sites), mirror=server_url,
                                            clock=f"{START}T10:00:00+08:00"),
                              check=False, capture_output=True, text=True, timeout=3600)
        print(f"crawl of the discovered channels (ledger built after the run): "
              f"{time.perf_counter() - started:.1f} s, exit {done.returncode}")
        manifest = world.manifest(0, hashes=False)
        conn = sqlite3.connect(db)
        archived = {u for (u,) in conn.execute("SELECT url FROM documents")}
        print_crawl_cost(conn)
        conn.close()
        closeouts = {p["url"] for p in manifest["postings"]
                     if p["doc_type"] == "acceptance_notice" and p["status"] == "live"}
        print(f"close-outs archived: {len(closeouts & archived)} of {len(closeouts)} "
              f"(recall {len(closeouts & archived) / len(closeouts):.3f})")
        result = score(manifest["ledger"], ledger_data(db, as_of=manifest["date"]))
        rows = [("plans", result["plans"]), ("tasks", result["tasks"]["all"]),
                ("closure links", result["closure_links"]), ("cross-level links", result["cross_level_links"])]
        rows += [(f" cites {k}", v) for k, v in result["cross_level_by_citation"].items()]
        rows += [("orphan close-outs", result["orphan_closeouts"]), ("close-outs accounted", result["closeouts"])]
        print(f"{'':22} {'expected':>8} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>6}")
        for name, r in rows:
            print(f"{name:22} {r['expected']:>8} {r['found']:>6} {r['correct']:>7} {r['precision']:>9.4f} "
                  f"{r['recall']:>6.4f}")
        print(f"missed links: {result['missed_links'][:3]}; wrong: {result['wrong_links'][:3]}")
        print(f"missed orphans: {result['missed_orphans'][:3]}; wrong: {result['wrong_orphans'][:3]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-per-channel", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crawl", action="store_true", help="crawl the discovered channels, build the ledger, score it")
    args = parser.parse_args()
    world = World(seed=args.seed, docs_per_site=args.docs_per_channel, start_date=START, sites="city")
    server = serve_in_thread(world, port=0, day=0)
    try:
        truth = world.manifest(0, hashes=False)["portals"]
        started = time.monotonic()
        results = discover_hosts([p["home_url"] for p in truth], user_agent="ducha-bench", mirror=server.url,
                                 today=START, browser=DUCHA_BROWSER)
        elapsed = time.monotonic() - started
        score_ = score_discovery(truth, {r.url: [c.url for c in r.channels] for r in results})
        print(f"{'host':24} {'template':10} true found wrong requests seconds")
        for row, result in zip(score_["portals"], results, strict=True):
            print(f"{row['host']:24} {row['template']:10} {row['true']:4} {row['found']:5} {row['wrong']:5} "
                  f"{result.requests:8} {result.seconds:7.3f}  {result.note}")
        requests = [r.requests for r in results]
        print(f"portals {len(results)}  top-3 recall {score_['recall']:.3f}  top-3 precision {score_['precision']:.3f}  "
              f"requests/host mean {sum(requests) / len(requests):.1f} max {max(requests)}  "
              f"seconds/host mean {elapsed / len(results):.3f}  total {elapsed:.2f} s")
        if args.crawl:
            crawl_and_score(server.url, world, results, truth)
    finally:
        server.close()


if __name__ == "__main__":
    main()
