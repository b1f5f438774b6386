"""Readers looping beside real crawls: does any posting drop out of the archive or its search index?

``python bench/readers_bench.py [--days 3] [--docs-per-site 40] [--readers 2]`` crawls the simulated web once per
day (``ducha crawl`` processes, search batch 25) while reader processes open the archive whenever the crawl wrote
to it (status and runs views, the timeliness report, a read-only search) and a thread runs ``ducha status``
processes; after each crawl it compares ``documents`` with the simulated web's manifest and the FTS rows with
``documents``, posting by posting.  Prints one JSON object: per day the crawl's exit code and seconds, postings
missing from ``documents``, postings missing from the index, index rows vs documents; the reader opens per kind.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.store import Archive
from tests.crawler.conftest import make_sim_crawl
from tests.crawler.test_readers_during_crawl import Readers, state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--docs-per-site", type=int, default=40)
    parser.add_argument("--readers", type=int, default=2, help="reader processes (plus one ducha status loop)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="readers-bench-") as tmp:
        crawl = make_sim_crawl(Path(tmp), docs_per_site=args.docs_per_site)
        Archive(crawl.db).close()
        days = []
        try:
            with Readers(crawl.db, processes=args.readers) as readers:
                for day in range(args.days):
                    started = time.monotonic()
                    result = crawl.crawl(day, "-s", "DUCHA_SEARCH_BATCH=25")
                    found = state(crawl, day)
                    days.append({"day": day, "exit": result.returncode,
                                 "seconds": round(time.monotonic() - started, 1),
                                 "missing_documents": len(found["missing_documents"]),
                                 "not_indexed": len(found["not_indexed"]), "index_rows": found["index_rows"],
                                 "documents": found["documents"], "queued": found["queued"]})
        finally:
            crawl.server.close()
    sys.stdout.write(json.dumps({"days": days, "reader_opens": dict(readers.opens),
                                 "reader_errors": readers.errors}, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
