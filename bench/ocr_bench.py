"""OCR benchmark: character accuracy per kind of scan, seconds per page and peak RSS, per engine.

    .venv/bin/python bench/ocr_bench.py                       # both engines, 3 pages per kind
    .venv/bin/python bench/ocr_bench.py --engine rapidocr --pages 2

Pages come from ``simweb.scans`` (the simulated web's own texts: 整改措施 paragraphs and 验收销号 /
整改任务 tables) as clean, noisy (rotation, grain, blur), stamped (红章 over text) and table pages
at 150, 200 and 300 dpi, full A4.  Each engine runs in its own process (``--child``) so the peak
RSS is that engine's; the first page's time includes loading the models and is reported apart.

Accuracy = 1 − (edit distance / ground-truth length), whitespace removed on both sides.

    .venv/bin/python bench/ocr_bench.py --crawl --docs-per-site 12 --scans 4 --delay 1

``--crawl``: real ``ducha crawl`` runs over the simulated web (all sites, one posting in ``--scans`` a scan)
for day 0 (the first crawl: the whole backlog) and day 1 (a daily run), with the polite delay per host,
once with recognition and once with ``DUCHA_OCR=false``: wall time, requests, pages recognised.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time

DPIS = (150, 200, 300)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (characters)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_accuracy(truth: str, got: str) -> float:
    """1 − edit distance / length of the truth, whitespace ignored (0 when worse than nothing)."""
    t, g = "".join(truth.split()), "".join(got.split())
    return max(0.0, 1 - edit_distance(t, g) / max(1, len(t)))


def specs(pages: int):  # type: ignore[no-untyped-def]
    """ScanSpec per kind × page (deterministic)."""
    from simweb import templates_zh as T
    from simweb.scans import ScanSpec

    out = []
    for kind in ("clean", "noisy", "stamped", "table"):
        for n in range(pages):
            rng = random.Random(f"bench|{kind}|{n}")
            dpi = DPIS[n % len(DPIS)]
            if kind == "table":
                rows = [("序号", "整改任务", "牵头单位", "整改时限", "整改进展")]
                rows += [(str(i), rng.choice(T.TASKS), rng.choice(T.UNITS), f"{rng.choice((2024, 2025))}年底前",
                          rng.choice(("已完成", "序时推进"))) for i in range(1, 6)]
                spec = ScanSpec(kind, dpi, (f"{rng.choice(T.ROUNDS)}整改任务清单",), tuple(rows), seed=n,
                                full_page=True)
            else:
                lines = (f"{rng.choice(T.ROUNDS)}整改任务验收销号情况", *rng.sample(T.MEASURES, 5),
                         rng.choice(T.CHECKS), "生态环境保护督察整改工作领导小组办公室")
                spec = ScanSpec(kind, dpi, lines, seed=n, full_page=True)
            out.append(spec)
    return out


def _cpu() -> float:
    """CPU seconds of this process and its finished children (tesseract runs as a subprocess)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(engine_name: str, pages: int) -> dict:
    """Run one engine over the pages in this process; figures as a dict."""
    from crawler.extraction.ocr import get_engine, prepare
    from simweb.scans import render_page

    rows = []
    t0 = time.monotonic()
    engine = get_engine(engine_name)
    load = time.monotonic() - t0
    for spec in specs(pages):
        image = render_page(spec)
        started, cpu = time.monotonic(), _cpu()
        lines, conf = engine.recognise(prepare(image))
        seconds, cpu = time.monotonic() - started, _cpu() - cpu
        rows.append({"kind": spec.kind, "dpi": spec.dpi, "accuracy": char_accuracy(spec.text, "\n".join(lines)),
                     "confidence": conf, "seconds": seconds, "cpu": cpu, "size": list(image.size)})
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"engine": engine.name, "version": engine.version, "load_s": load, "rows": rows,
            "peak_rss_mb": rss_mb, "peak_child_rss_mb": children_mb}


def report(result: dict) -> list[str]:
    """Printable lines for one engine's figures."""
    out = [(f"## {result['engine']} {result['version']}  (model load {result['load_s']:.1f} s, "
            f"peak RSS {result['peak_rss_mb']:.0f} MB, subprocess peak {result['peak_child_rss_mb']:.0f} MB)"),
           "| kind | pages | char accuracy (mean / min) | mean confidence | s per page | CPU s per page |",
           "|---|---|---|---|---|---|"]
    for kind in ("clean", "noisy", "stamped", "table"):
        rows = [r for r in result["rows"] if r["kind"] == kind]
        acc = [r["accuracy"] for r in rows]
        conf = [r["confidence"] for r in rows if r["confidence"] is not None]
        out.append(f"| {kind} | {len(rows)} | {statistics.mean(acc):.1%} / {min(acc):.1%} | "
                   f"{statistics.mean(conf) if conf else 0:.2f} | {statistics.mean(r['seconds'] for r in rows):.2f} | "
                   f"{statistics.mean(r['cpu'] for r in rows):.2f} |")
    seconds = [r["seconds"] for r in result["rows"]]
    out.append(f"all pages: {statistics.mean(r['cpu'] for r in result['rows']):.2f} CPU s per page")
    out.append(f"all pages: {statistics.mean(seconds):.2f} s per page (median {statistics.median(seconds):.2f}, "
               f"max {max(seconds):.2f}); by dpi: " + ", ".join(
                   f"{d} dpi {statistics.mean(r['seconds'] for r in result['rows'] if r['dpi'] == d):.2f} s"
                   for d in DPIS if any(r["dpi"] == d for r in result["rows"])))
    return out


def crawl(docs_per_site: int, scans: int, delay: float, days: int) -> list[str]:
    """Time real crawls with and without recognition; printable lines."""
    import re
    import tempfile
    import urllib.request
    from datetime import date, timedelta
    from pathlib import Path

    from crawler.demo import crawl_command
    from simweb.server import serve_in_thread
    from simweb.world import World

    start = date(2026, 11, 2)
    out = [f"## crawl: {docs_per_site} postings per site, one in {scans} a scan, DOWNLOAD_DELAY={delay} s",
           "| OCR | day | wall s | requests | pages recognised | scans in the world |", "|---|---|---|---|---|---|"]
    for ocr_on in (True, False):
        world = World(seed=1, docs_per_site=docs_per_site, start_date=start, scans=scans)
        server = serve_in_thread(world, port=0, day=0)
        with tempfile.TemporaryDirectory() as tmp:
            sites = Path(tmp) / "sites.yaml"
            with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30) as response:
                sites.write_bytes(response.read())
            for day in range(days):
                server.set_day(day)
                command = crawl_command(db=f"{tmp}/archive.db", sites_file=str(sites), mirror=server.url,
                                        clock=f"{start + timedelta(days=day)}T06:30:00+08:00",
                                        extra=["-s", f"DOWNLOAD_DELAY={delay}", "-s", "AUTOTHROTTLE_ENABLED=False",
                                               "-s", f"DUCHA_OCR={ocr_on}"])
                started = time.monotonic()
                proc = subprocess.run(command, capture_output=True, text=True, check=False)
                wall = time.monotonic() - started
                requests = re.search(r"'downloader/request_count': (\d+)", proc.stderr)
                pages = re.search(r"'ducha/ocr/pages': (\d+)", proc.stderr)
                manifest = world.manifest(day, hashes=False)
                n_scans = sum(1 for p in manifest["postings"] if any(a["kind"] in ("scanpdf", "jpg")
                                                                    for a in p["attachments"]) or "body_images" in p)
                out.append(f"| {'on' if ocr_on else 'off'} | {day} | {wall:.0f} | "
                           f"{requests.group(1) if requests else '?'} | {pages.group(1) if pages else 0} | {n_scans} |"
                           + ("" if proc.returncode == 0 else f" exit {proc.returncode}"))
        server.close()
    return out


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", action="append", choices=("rapidocr", "tesseract"))
    parser.add_argument("--pages", type=int, default=3, help="pages per kind")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--crawl", action="store_true", help="time real crawls with and without recognition")
    parser.add_argument("--docs-per-site", type=int, default=12)
    parser.add_argument("--scans", type=int, default=4, help="one posting in N is a scan")
    parser.add_argument("--delay", type=float, default=1.0, help="DOWNLOAD_DELAY per host")
    parser.add_argument("--days", type=int, default=2)
    args = parser.parse_args()
    if args.crawl:
        sys.stdout.write("\n".join(crawl(args.docs_per_site, args.scans, args.delay, args.days)) + "\n")
        return
    engines = args.engine or ["rapidocr", "tesseract"]
    if args.child:
        sys.stdout.write(json.dumps(child(engines[0], args.pages)) + "\n")
        return
    for name in engines:
        proc = subprocess.run([sys.executable, __file__, "--child", "--engine", name, "--pages", str(args.pages)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.stdout.write(f"## {name}: failed\n{proc.stderr[-2000:]}\n")
            continue
        sys.stdout.write("\n".join(report(json.loads(proc.stdout.strip().splitlines()[-1]))) + "\n\n")


if __name__ == "__main__":
    main()
