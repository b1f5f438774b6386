"""Crawl the hostile site (simweb.hostile) and print the crawl process's peak RSS and outcome.

Usage: .venv/bin/python bench/hostile_bench.py [--big-mb 30] [-s NAME=VALUE ...]

Figures: peak resident memory of the ``ducha crawl`` process (VmHWM, sampled until it exits),
exit status, wall time, postings archived versus the site's ground truth, and the parse notes
recorded on checks (truncated or flattened pages).  Run once with ``--big-mb 0`` for the baseline.
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.demo import crawl_command
from simweb.hostile import HostileSite


def peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=float, default=30.0, help="size of the big posting (0: none)")
    parser.add_argument("-s", dest="settings", action="append", default=[], help="extra Scrapy setting")
    args = parser.parse_args()
    site = HostileSite(big_bytes=int(args.big_mb * 1024 * 1024))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sites = Path(tmp) / "sites.yaml"
            sites.write_text(site.sites_yaml, encoding="utf-8")
            db = Path(tmp) / "archive.db"
            extra = [x for pair in args.settings for x in ("-s", pair)]
            command = crawl_command(db=str(db), sites_file=str(sites), mirror=site.url,
                                    clock="2026-11-05T10:00:00+08:00", extra=extra)
            started = time.monotonic()
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            peak = 0.0
            while proc.poll() is None:
                peak = max(peak, peak_rss_mb(proc.pid) or 0.0)
                time.sleep(0.02)
            out, err = proc.communicate()
            wall = time.monotonic() - started
            conn = sqlite3.connect(db)
            archived = {r[0] for r in conn.execute("SELECT url FROM documents WHERE status = 'live'")}
            notes = conn.execute("SELECT d.url, c.reason FROM checks c JOIN documents d ON d.id = c.document_id"
                                 " WHERE c.reason IS NOT NULL").fetchall()
            conn.close()
    finally:
        site.close()
    print(f"big posting: {args.big_mb} MB; settings: {args.settings or 'defaults'}")
    print(f"crawl exit {proc.returncode}, wall {wall:.1f} s, peak RSS of the crawl process {peak:.0f} MB")
    print(f"archived {len(archived & site.postings)}/{len(site.postings)} postings; "
          f"off-site archived: {len(archived - site.postings)}")
    for url, reason in notes:
        print(f"  note {url}: {reason}")
    print("summary:", out.strip().replace("\n", " | "))
    failed = [ln for ln in err.splitlines() if ln.startswith("FAILED")]
    for line in failed:
        print(" ", line[:300])


if __name__ == "__main__":
    main()
