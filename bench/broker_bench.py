"""Recognition throughput on Redis workers vs in-process: pages/s with 1 and 2 ``ducha worker`` processes,
peak RSS per worker (the worker and its recognition process together), against ``ducha ocr`` as today.

    .venv/bin/python bench/broker_bench.py --pages 8

Pages: single-page image-only A4 PDFs from ``simweb.scans`` (the OCR bench's clean / noisy / stamped /
table pages), each a distinct file.  In-process: the ScanReader with one recognition process, as
``ducha ocr`` runs it.  Workers: a real ``redis-server`` (AOF on) on a free loopback port; the jobs are
sent first, then W ``ducha worker --burst`` processes start; wall time from their start until every
result is in the engine (model loading included on both sides).
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ocr_bench import specs
from tests.redis_server import RedisServer

IN_PROCESS_PEAK: list[int] = []  # RSS (kB) of this process and its recognition process, after the run


def pdfs(pages: int) -> list[bytes]:
    """``pages`` distinct one-page scanned PDFs."""
    from simweb.scans import image_only_pdf

    chosen = specs(max(1, (pages + 3) // 4))[:pages]
    return [image_only_pdf([spec]) for spec in chosen]


def in_process(files: list[bytes]) -> float:
    """Seconds for ``ducha ocr``'s path: ScanReader with one recognition process."""
    from crawler.attachment_worker import AttachmentTextWorker
    from crawler.scan_reader import OcrLimits, ScanReader

    worker = AttachmentTextWorker(timeout=120, workers=1)
    reader = ScanReader(worker, OcrLimits(max_pages=50, page_timeout=120), lambda _s, _e: None)
    started = time.monotonic()
    try:
        for data in files:
            asyncio.run(reader.read(data, hashlib.sha256(data).hexdigest(), "pdf", reader.budget()))
        IN_PROCESS_PEAK.append(_tree_rss_kb(os.getpid()))
    finally:
        worker.close()
    return time.monotonic() - started


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its children (kB), from /proc."""
    total = 0
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):  # any thread may have started the recognition process
        try:
            pids += [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def on_workers(files: list[bytes], workers: int, server: RedisServer, db: int) -> tuple[float, int]:
    """(seconds, peak RSS kB of one worker tree) with ``workers`` ``ducha worker --burst`` processes."""
    import redis

    from crawler.broker import RESULTS, connect, ocr_job_id, put_blob
    from crawler.extraction.ocr import describe_engine

    url = server.url(db)
    engine = connect(url)
    engine.redis.flushdb()
    name, version = describe_engine(None)
    for data in files:
        sha = put_blob(engine.redis, data)
        engine.recognise.send(ocr_job_id(sha, name, version), sha, "pdf", name, 50, 120.0, None)
    env = {**os.environ, "DUCHA_LOG_LEVEL": "WARNING"}
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "crawler.cli", "worker", "--broker", url, "--burst",
                               "--queues", "ocr"], env=env) for _ in range(workers)]
    peak = 0
    client = redis.Redis.from_url(url)
    while client.hlen(RESULTS) < len(files):
        peak = max([peak] + [_tree_rss_kb(p.pid) for p in procs])
        time.sleep(0.2)
    seconds = time.monotonic() - started
    for proc in procs:
        proc.wait(timeout=120)
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=8)
    args = parser.parse_args()
    files = pdfs(args.pages)
    rows = [f"{len(files)} one-page A4 scans, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", "",
            "| mode | seconds | pages/s | peak RSS per worker |", "|---|---:|---:|---:|"]
    seconds = in_process(files)
    rows.append(f"| in-process (ducha ocr) | {seconds:.1f} | {len(files) / seconds:.2f}"
                f" | {IN_PROCESS_PEAK[0] / 1024:.0f} MB (at the end) |")
    with tempfile.TemporaryDirectory() as folder:
        server = RedisServer(Path(folder))
        if server.exe is None:
            raise SystemExit("redis-server not installed (apt-get install redis-server)")
        server.start()
        try:
            for n, workers in enumerate((1, 2), start=1):
                seconds, peak = on_workers(files, workers, server, n)
                rows.append(f"| {workers} worker process(es) | {seconds:.1f} | {len(files) / seconds:.2f}"
                            f" | {peak / 1024:.0f} MB |")
        finally:
            server.stop()
    print("\n".join(rows))


if __name__ == "__main__":
    main()
