"""The ledger's web faces on an archive: every plan page against ``ducha report ledger``, and their cost.

    .venv/bin/python bench/ledger_pages_bench.py --db archive.db [--as-of 2026-11-30]

Serves the archive in process (Datasette with ``datasette-metadata.json``, as ``ducha serve``), fetches
``/-/ducha/ledger/ID`` for every plan, reads the task rows (number, status, overdue, close-out links) and
compares them with ``archive.ledger.ledger_data``; then times the index, the scorecard and the Atom feed.
Prints the figures (no assertion: a mismatch is counted and named).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from datasette.app import Datasette
from lxml import etree
from lxml import html as lxml_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.ledger import ledger_data

REPO = Path(__file__).resolve().parents[1]


def _rows(page: str) -> list[tuple]:
    tree = lxml_html.fromstring(page)
    return [(int(tr.get("data-number")), tr.get("data-status"), tr.get("data-overdue") == "1",
             [a.get("href") for a in tr.cssselect("td.closures .closure a")])
            for tr in tree.cssselect("table.ledger-tasks tr.task")]


async def run(db: Path, as_of: str) -> None:
    ds = Datasette([str(db)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")))
    name = db.stem
    conn = sqlite3.connect(db)
    doc_of_url = dict(conn.execute("SELECT url, id FROM documents"))
    plans = {p["url"]: p for p in ledger_data(db, as_of=as_of)["plans"]}
    times, mismatched, tasks = [], [], 0
    for url, plan in plans.items():
        started = time.perf_counter()
        response = await ds.client.get(f"/-/ducha/ledger/{doc_of_url[url]}?as_of={as_of}")
        times.append(time.perf_counter() - started)
        expected = [(t["number"], t["status"], t["overdue"], [f"/-/ducha/document/{doc_of_url[u]}"
                                                              for u in t["closure_urls"]]) for t in plan["tasks"]]
        tasks += len(expected)
        if response.status_code != 200 or _rows(response.text) != expected:
            mismatched.append(url)
    print(f"plan pages: {len(plans)} plans, {tasks} tasks; pages equal to the report: {len(plans) - len(mismatched)}"
          f"/{len(plans)}; median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    for url in mismatched:
        print(f"  MISMATCH {url}")
    for path in ("/-/ducha/ledger", "/-/ducha/ledger/scorecard", f"/{name}/feed_ledger.atom"):
        started = time.perf_counter()
        response = await ds.client.get(f"{path}?as_of={as_of}" if path.startswith("/-/") else path)
        took = (time.perf_counter() - started) * 1000
        extra = ""
        if path.endswith(".atom"):
            entries = etree.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
            ids = [e.findtext("{http://www.w3.org/2005/Atom}id") for e in entries]
            kinds = {k: sum(i.split(":")[3] == k for i in ids) for k in ("overdue", "closure")}
            extra = f" · {len(ids)} entries ({kinds['overdue']} overdue, {kinds['closure']} close-outs), ids unique: " \
                    f"{len(set(ids)) == len(ids)}"
        print(f"{path}: HTTP {response.status_code}, {len(response.content):,} bytes, {took:.0f} ms{extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: today in China)")
    args = parser.parse_args()
    from archive.ledger.view import as_of_date

    asyncio.run(run(args.db.resolve(), as_of_date(args.as_of)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
