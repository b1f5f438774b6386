"""Cost of the daily chain and size of a posting's WACZ, over real crawls of the simulated web.

    .venv/bin/python bench/chain_bench.py                       # 3 days, every classic site (the demo's size)
    .venv/bin/python bench/chain_bench.py --days 30 --site pj-sthjj

Crawls ``--days`` simulated days with a signing key (``ducha crawl`` processes, as the scheduler runs them),
then reports per run: the manifest's bytes (+ signature), the time ``write_manifest`` took (re-done on a
copy, run by run, exactly as the after-run step does), ``ducha verify --chain`` over the whole chain, and the
size of one posting's WACZ (the posting with the most versions); with ``.venv-pywb`` (``scripts/setup.sh
--test``), whether pywb replays each of that posting's versions byte for byte, and how long that took.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from archive.chain import chain_dir, init_keys, verify_chain, write_manifest
from archive.wacz import export_wacz
from crawler.demo import crawl_command
from simweb.server import serve_in_thread
from simweb.world import World

START = date(2026, 11, 2)
PYWB = Path(__file__).resolve().parents[1] / ".venv-pywb" / "bin"  # pywb's own venv (scripts/setup.sh --test)


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


def rewrite_chain(db: Path) -> list[tuple[int, float, float, int]]:
    """Drop the chain and write it again run by run: (run, seconds, CPU seconds, bytes of manifest + signature)."""
    for path in chain_dir(db).glob("*.json"):
        path.unlink()
    for path in chain_dir(db).glob("*.sig"):
        path.unlink()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM chain_manifests")
    out = []
    for (run_id,) in conn.execute("SELECT id FROM runs ORDER BY id").fetchall():
        started, cpu = time.perf_counter(), time.process_time()
        entry = write_manifest(conn, db, run_id, now="2026-12-01T00:00:00+08:00")
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        out.append((run_id, seconds, cpu, entry.path.stat().st_size + entry.path.with_suffix(".sig").stat().st_size))
    conn.close()
    return out


def replay_in_pywb(db: Path, posting: int, package: Path, folder: Path) -> None:
    """Add the WACZ to a pywb collection, start ``wayback`` and fetch every version at its own time (``id_``):
    how many come back byte for byte (SHA-256 = the version's ``raw_sha256``), and how long each step took."""
    conn = sqlite3.connect(db)
    url = conn.execute("SELECT url FROM documents WHERE id = ?", (posting,)).fetchone()[0]
    versions = conn.execute("SELECT captured_at, raw_sha256 FROM versions WHERE document_id = ? ORDER BY id",
                            (posting,)).fetchall()
    conn.close()
    folder.mkdir()
    started = time.perf_counter()
    for args in (["init", "c"], ["add", "--unpack-wacz", "c", str(package)]):
        subprocess.run([str(PYWB / "wb-manager"), *args], cwd=folder, capture_output=True, check=True)
    added = time.perf_counter() - started
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    server = subprocess.Popen([str(PYWB / "wayback"), "-b", "127.0.0.1", "-p", str(port)], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        started = time.perf_counter()
        while time.perf_counter() - started < 60:  # polls until wayback answers
            try:
                opener.open(f"http://127.0.0.1:{port}/", timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        ready = time.perf_counter() - started
        started, same = time.perf_counter(), 0
        for captured_at, raw_sha256 in versions:
            ts = datetime.fromisoformat(captured_at).astimezone(UTC).strftime("%Y%m%d%H%M%S")
            with opener.open(f"http://127.0.0.1:{port}/c/{ts}id_/{url}", timeout=30) as response:
                same += hashlib.sha256(response.read()).hexdigest() == raw_sha256
        print(f"pywb: {same}/{len(versions)} versions replayed byte for byte; wb-manager add {added:.2f} s, "
              f"wayback answering after {ready:.1f} s, {len(versions)} replays in {time.perf_counter() - started:.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=10)


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
    seconds = [s for _, s, _, _ in runs]
    cpu = [c for _, _, c, _ in runs]
    sizes = [b for _, _, _, b in runs]
    print(f"{len(runs)} runs, {versions} versions, {warc_bytes / 1e6:.1f} MB of WARC")
    print(f"chain per run: median {statistics.median(seconds) * 1000:.1f} ms (max {max(seconds) * 1000:.1f} ms), "
          f"median {statistics.median(sizes):,.0f} bytes (max {max(sizes):,}); first run {seconds[0] * 1000:.1f} ms, "
          f"{sizes[0]:,} bytes; CPU median {statistics.median(cpu) * 1000:.1f} ms (max {max(cpu) * 1000:.1f} ms)")
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
    if PYWB.exists():
        replay_in_pywb(db, posting, package.path, folder / "pywb")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
