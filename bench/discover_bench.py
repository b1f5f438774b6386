"""``ducha discover`` on every simulated city and district portal: top-3 recall and precision, cost per host.

    .venv/bin/python bench/discover_bench.py                    # 20 postings per channel, seed 1
    .venv/bin/python bench/discover_bench.py --docs-per-channel 200 --seed 7

Discovery runs in process against the simulated web on loopback (no delay between requests, as in
the tests; the browser, DUCHA_BROWSER, for the one portal whose menu only a script shows); the truth is the manifest's ``portals`` (simweb.portals).  Prints one row per portal
(true channels, found in the top 3, wrong in the top 3, requests, seconds), then the totals.
"""
from __future__ import annotations

import argparse
import time
from datetime import date

from crawler.settings import DUCHA_BROWSER
from simweb.portals import score_discovery
from simweb.server import serve_in_thread
from simweb.world import World
from spiders.discover import discover_hosts

START = date(2026, 11, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-per-channel", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    world = World(seed=args.seed, docs_per_site=args.docs_per_channel, start_date=START, sites="city")
    server = serve_in_thread(world, port=0, day=0)
    try:
        truth = world.manifest(0, hashes=False)["portals"]
        started = time.monotonic()
        results = discover_hosts([p["home_url"] for p in truth], user_agent="ducha-bench", mirror=server.url,
                                 today=START, browser=DUCHA_BROWSER)
        elapsed = time.monotonic() - started
    finally:
        server.close()
    score = score_discovery(truth, {r.url: [c.url for c in r.channels] for r in results})
    print(f"{'host':24} {'template':10} true found wrong requests seconds")
    for row, result in zip(score["portals"], results, strict=True):
        print(f"{row['host']:24} {row['template']:10} {row['true']:4} {row['found']:5} {row['wrong']:5} "
              f"{result.requests:8} {result.seconds:7.3f}  {result.note}")
    requests = [r.requests for r in results]
    print(f"portals {len(results)}  top-3 recall {score['recall']:.3f}  top-3 precision {score['precision']:.3f}  "
          f"requests/host mean {sum(requests) / len(requests):.1f} max {max(requests)}  "
          f"seconds/host mean {elapsed / len(results):.3f}  total {elapsed:.2f} s")


if __name__ == "__main__":
    main()
