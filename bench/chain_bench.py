"""Cost of the daily chain and size of a posting's WACZ, over real crawls of the simulated web.

    .venv/bin/python bench/chain_bench.py                       # 3 days, every classic site (the demo's size)
    .venv/bin/python bench/chain_bench.py --days 30 --site pj-sthjj

Crawls ``--days`` simulated days with a signing key (``ducha crawl`` processes, as the scheduler runs them),
then reports per run: the manifest's bytes (+ signature), the time ``write_manifest`` took (re-done on a
copy, run by run, exactly as the after-run step does), ``ducha verify --chain`` over the whole chain, and the
size of one posting's WACZ (the posting with the most versions).
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from archive.chain import chain_dir, init_keys, verify_chain, write_manifest
from archive.wacz import export_wacz
from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World

START = date(2026, 11, 2)


def crawl_days(folder: Path, days: int, docs_per_site: int, sites: list[str]) -> Path:
    """Crawl ``days`` simulated days into ``folder/archive.db`` (a key made first); return the database path."""
    world = World(seed=1, docs_per_site=docs_per_site, start_date=START)
    server = serve_in_thread(world, port=0, day=0)
    db = folder / "archive.db"
    sites_file = folder / "sites.yaml"
    try:
        with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30) as response:
            sites_file.write_bytes(response.read())
        init_keys(db)
        extra = [a for site in sites for a in ("--site", site)]
        for day in range(days):
            server.set_day(day)
            clock = f"{START + timedelta(days=day)}T10:00:00+08:00"
            started = time.perf_counter()
            result = subprocess.run(crawl_command(db=str(db), sites_file=str(sites_file), mirror=server.url,
                                                  clock=clock, extra=extra), capture_output=True, text=True, check=False)
            print(f"day {day}: crawl exit {result.returncode} in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        server.close()
    return db


def rewrite_chain(db: Path) -> list[tuple[int, float, int]]:
    """Drop the chain and write it again run by run: (run, seconds, bytes of manifest + signature)."""
    for path in chain_dir(db).glob("*.json"):
        path.unlink()
    for path in chain_dir(db).glob("*.sig"):
        path.unlink()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM chain_manifests")
    out = []
    for (run_id,) in conn.execute("SELECT id FROM runs ORDER BY id").fetchall():
        started = time.perf_counter()
        entry = write_manifest(conn, db, run_id, now="2026-12-01T00:00:00+08:00")
        seconds = time.perf_counter() - started
        out.append((run_id, seconds, entry.path.stat().st_size + entry.path.with_suffix(".sig").stat().st_size))
    conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--docs-per-site", type=int, default=40)
    parser.add_argument("--site", action="append", default=[], help="only this site (repeatable; default: all)")
    parser.add_argument("--keep", type=Path, help="keep the archive in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="chain-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = crawl_days(folder, args.days, args.docs_per_site, args.site)
    conn = sqlite3.connect(db)
    versions = conn.execute("SELECT count(*) FROM versions").fetchone()[0]
    warc_bytes = sum(p.stat().st_size for p in (folder / "warc").glob("*.warc.gz"))
    posting, count = conn.execute("SELECT document_id, count(*) AS n FROM versions GROUP BY document_id"
                                  " ORDER BY n DESC, document_id LIMIT 1").fetchone()
    conn.close()
    started = time.perf_counter()
    report = verify_chain(db)
    verify_s = time.perf_counter() - started
    print(f"verify --chain: {report.manifests} manifests, {report.signed} signed, ok={report.ok} in {verify_s:.2f} s;"
          f" problems {report.problems[:3]}")
    runs = rewrite_chain(db)
    seconds = [s for _, s, _ in runs]
    sizes = [b for _, _, b in runs]
    print(f"{len(runs)} runs, {versions} versions, {warc_bytes / 1e6:.1f} MB of WARC")
    print(f"chain per run: median {statistics.median(seconds) * 1000:.1f} ms (max {max(seconds) * 1000:.1f} ms), "
          f"median {statistics.median(sizes):,.0f} bytes (max {max(sizes):,}); first run {seconds[0] * 1000:.1f} ms, "
          f"{sizes[0]:,} bytes")
    started = time.perf_counter()
    package = export_wacz(db, folder / f"{posting}.wacz", document_id=posting)
    wacz_s = time.perf_counter() - started
    print(f"WACZ of document {posting} ({count} versions): {package.size:,} bytes, {package.records} index lines, "
          f"{wacz_s:.2f} s")
    validator = Path(sys.executable).with_name("wacz")
    if validator.exists():
        result = subprocess.run([str(validator), "validate", "-f", str(package.path)], capture_output=True, text=True,
                                check=False)
        print("wacz validate:", result.stdout.strip().splitlines()[-1])
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
