"""What a reader sees on an archive: phone widths, CSV exports, archived attachments, timeliness figures.

    .venv/bin/ducha demo --no-serve --fresh --db /tmp/demo/archive.db
    .venv/bin/python bench/reader_face.py --db /tmp/demo/archive.db

Serves the archive as ``ducha serve`` does, measures ``document.documentElement.scrollWidth`` at 390 px in
Chromium for the document (longest URL), diff, snapshot, list and comparison pages, times the CSV export
of each list (rows, BOM) and one archived attachment, and prints the per-region medians with n.
"""
from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.timeliness.report import summarise
from tests.web.browser import page_widths, serve

BOM = "\ufeff".encode()
LISTS = ("latest", "open_gongshi", "removed", "changes", "backdating")


def main(argv: list[str] | None = None) -> int:
    """Print the figures for ``--db``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="an archive, e.g. the demo's")
    args = parser.parse_args(argv)
    conn = sqlite3.connect(args.db)
    longest = conn.execute("SELECT id FROM documents ORDER BY length(url) DESC LIMIT 1").fetchone()[0]
    changed = conn.execute("SELECT document_id, version_id FROM events WHERE kind = 'changed'"
                           " AND version_id IS NOT NULL ORDER BY at DESC LIMIT 1").fetchone()
    attachment = conn.execute("SELECT id, size FROM attachments WHERE warc_file IS NOT NULL"
                              " ORDER BY size DESC LIMIT 1").fetchone()
    pages = [f"/-/ducha/document/{longest}", "/-/ducha/timeliness", *(f"/archive/{name}" for name in LISTS)]
    if changed:
        pages += [f"/-/ducha/document/{changed[0]}/diff/{changed[1]}", f"/-/ducha/snapshot/{changed[1]}"]
    with serve(args.db) as url:
        for page, width in page_widths([url + p for p in pages]).items():
            print(f"width at 390 px  {width:5d}  {page.removeprefix(url)}")
        for name in LISTS:
            start = time.perf_counter()
            response = httpx.get(f"{url}/-/ducha/csv/{name}", timeout=120)
            rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
            bom = response.content.startswith(BOM)
            print(f"csv {name:13s} HTTP {response.status_code} BOM {bom}"
                  f" rows {len(rows):6d}  {1000 * (time.perf_counter() - start):7.0f} ms")
        if attachment:
            start = time.perf_counter()
            response = httpx.get(f"{url}/-/ducha/attachment/{attachment[0]}", timeout=120)
            print(f"attachment {attachment[0]} ({attachment[1]} B): HTTP {response.status_code}"
                  f" {response.headers.get('content-type')} verified {response.headers.get('x-ducha-sha256-verified')}"
                  f" {1000 * (time.perf_counter() - start):.0f} ms")
    for row in summarise(args.db):
        print(f"{row['region']}: median {row['median_posting_lag_days']} d (n = {row['posting_lag_n']}),"
              f" max {row['max_posting_lag_days']}, windows checked {row['windows_checked']},"
              f" shorter than stated {row['windows_shorter_than_stated'] if row['windows_checked'] else '未计算'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
