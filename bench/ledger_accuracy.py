"""Precision and recall of the ledger on the simulated web: one real crawl, then the score.

    .venv/bin/python bench/ledger_accuracy.py                     # day 0, 40 postings per site
    .venv/bin/python bench/ledger_accuracy.py --docs-per-site 200

Prints task precision/recall per source format (HTML table, numbered text, XLSX, DOCX, PDF), closure
links, overdue flags, per-task progress rows of 整改进展 status tables (HTML body, XLSX, DOCX, unruled PDF) and the
"reported 已完成, no close-out 公示" flags, cross-level links (a city or district close-out citing the province's
numbering, or a district's citing the central inspection's, linked to the provincial plan's task; per numbering),
orphan close-outs (url and cited numbers, their plan absent from the crawl; per reason), close-outs accounted
for (linked or orphan) and the counts per publishing body, against the manifest's ``ledger`` ground truth, and
the crawl time.  ``--sites city``: the city and district portals with their provinces' department sites.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from archive.ledger import ledger_data
from crawler.demo import crawl_command
from simweb.ledger import only_sites, score
from simweb.server import serve_in_thread
from simweb.world import World

START = date(2026, 11, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-per-site", type=int, default=40)
    parser.add_argument("--day", type=int, default=0)
    parser.add_argument("--sites", default="classic", help="simulated site set: classic, script, all or city")
    parser.add_argument("--site", action="append", default=[], help="crawl only these site ids (repeatable)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ledger-acc-"))
    world = World(seed=1, docs_per_site=args.docs_per_site, start_date=START, sites=args.sites)
    server = serve_in_thread(world, port=0, day=args.day)
    try:
        sites = tmp / "sites.yaml"
        with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30) as response:
            sites.write_bytes(response.read())
        db = tmp / "archive.db"
        started = time.perf_counter()
        command = crawl_command(db=str(db), sites_file=str(sites), mirror=server.url,
                                clock=f"{START + timedelta(days=args.day)}T10:00:00+08:00",
                                extra=[x for site in args.site for x in ("--site", site)])
        done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=3600)
        print(f"crawl (with the ledger built after the run): {time.perf_counter() - started:.1f} s, exit {done.returncode}")
        manifest = world.manifest(args.day)
        if args.site:
            manifest["ledger"] = only_sites(manifest["ledger"], set(args.site))
        data = ledger_data(db, as_of=manifest["date"])
        result = score(manifest["ledger"], data)
        print(f"{'':24} {'expected':>8} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>6}")
        rows = [("plans", result["plans"])] + [(f"tasks {k}", v) for k, v in result["tasks"].items()]
        rows += [("closure links", result["closure_links"]), ("cross-level", result["cross_level_links"])]
        rows += [(f" cites {k}", v) for k, v in result["cross_level_by_citation"].items()]
        rows += [("orphan closes", result["orphan_closeouts"])]
        rows += [(f" {k}", v) for k, v in result["orphans_by_reason"].items()]
        rows += [("close-outs", result["closeouts"]), ("per publisher", result["publishers"]),
                 ("overdue flags", result["overdue"])]
        rows += [(f"progress {k}", v) for k, v in result["progress_rows"].items()]
        rows += [("done, no close", result["claimed_done_without_closeout"])]
        rows += [("unread cells", result["unread_cells"])]
        for name, r in rows:
            print(f"{name:24} {r['expected']:>8} {r['found']:>6} {r['correct']:>7} {r['precision']:>9.4f} {r['recall']:>6.4f}")
        print(f"stated task counts wrong: {len(result['stated_counts_wrong'])}")
        print(f"missed progress rows: {result['missed_progress'][:5]}; wrong: {result['wrong_progress'][:5]}")
        print(f"missed links: {result['missed_links'][:3]}; wrong: {result['wrong_links'][:3]}")
        print(f"missed orphans: {result['missed_orphans'][:3]}; wrong: {result['wrong_orphans'][:3]}")
    finally:
        server.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
