"""OCR benchmark: character accuracy per kind of scan, seconds per page and peak RSS, per engine.

    .venv/bin/python bench/ocr_bench.py                       # both engines, 3 pages per kind
    .venv/bin/python bench/ocr_bench.py --engine rapidocr --pages 2

Pages come from ``simweb.scans`` (the simulated web's own texts: 整改措施 paragraphs and 验收销号 /
整改任务 tables) as clean, noisy (rotation, grain, blur), stamped (红章 over text) and table pages
at 150, 200 and 300 dpi, full A4, plus two blank A4 pages (white; grain and a red seal) that must be
skipped before the engine.  Pages are rendered to PNG first; each engine (and each rapidocr setting,
``SETTINGS``) runs in its own process (``--child``) that reads the bytes as an attachment worker does
(``recognise_page``), so the peak RSS is a worker's; model loading is reported apart.

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
#: rapidocr settings compared: the default (detection in strips, one line per recognition call) and the
#: engine's own way (whole page, six lines per call), which peaked at 830 MB on these pages
SETTINGS = (("strips of 256 px, 1 line per call (default)", {}),
            ("whole page, 6 lines per call", {"DUCHA_OCR_DET_STRIP": "0", "DUCHA_OCR_REC_BATCH": "6"}))


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


def render_pages(pages: int, folder: str) -> list[dict]:
    """Render the bench pages to PNG files in ``folder`` (in this process, so a worker's peak RSS is its own);
    two blank A4 pages (white, and grain with a red seal only) close the list."""
    import os

    from PIL import Image, ImageDraw

    from simweb.scans import render_page

    out = []
    for n, spec in enumerate(specs(pages)):
        path = os.path.join(folder, f"{n:03}.png")
        render_page(spec).save(path)
        out.append({"path": path, "kind": spec.kind, "dpi": spec.dpi, "text": spec.text})
    width, height = round(8.27 * 200), round(11.69 * 200)
    rng = random.Random("bench|blank")
    blank = Image.new("RGB", (width, height), (252, 252, 250))
    seal = blank.copy()
    draw = ImageDraw.Draw(seal)
    for _ in range(4000):  # scanner grain
        x, y = rng.randrange(width), rng.randrange(height)
        draw.point((x, y), fill=(200, 200, 200))
    draw.ellipse((width - 600, height - 700, width - 200, height - 300), outline=(220, 40, 40), width=14)
    for name, img in (("blank", blank), ("seal-only", seal)):
        path = os.path.join(folder, f"{name}.png")
        img.save(path)
        out.append({"path": path, "kind": "blank", "dpi": 200, "text": ""})
    return out


def child(engine_name: str, pages_file: str) -> dict:
    """Recognise the rendered pages in this process as an attachment worker does (bytes → ``recognise_page``)."""
    from crawler.extraction.ocr import get_engine, recognise_page

    rows = []
    t0 = time.monotonic()
    engine = get_engine(engine_name)
    load = time.monotonic() - t0
    from pathlib import Path

    for page in json.loads(Path(pages_file).read_text(encoding="utf-8")):
        data = Path(page["path"]).read_bytes()
        started, cpu = time.monotonic(), _cpu()
        got = recognise_page(data, "image", 0, engine_name)
        seconds, cpu = time.monotonic() - started, _cpu() - cpu
        rows.append({"kind": page["kind"], "dpi": page["dpi"], "skipped": got.skipped,
                     "accuracy": char_accuracy(page["text"], got.text) if page["text"] else None,
                     "confidence": got.confidence, "seconds": seconds, "cpu": cpu})
    # this process's own peak (VmHWM): getrusage's ru_maxrss would carry the parent's peak across exec
    rss_mb = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                  if line.startswith("VmHWM")) / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"engine": engine.name, "version": engine.version, "load_s": load, "rows": rows,
            "peak_rss_mb": rss_mb, "peak_child_rss_mb": children_mb}


def report(result: dict, setting: str = "") -> list[str]:
    """Printable lines for one engine's figures."""
    out = [(f"## {result['engine']} {result['version']} {setting} (model load {result['load_s']:.1f} s, "
            f"peak RSS {result['peak_rss_mb']:.0f} MB, subprocess peak {result['peak_child_rss_mb']:.0f} MB)"),
           "| kind | pages | char accuracy (mean / min) | mean confidence | s per page | CPU s per page |",
           "|---|---|---|---|---|---|"]
    blank = [r for r in result["rows"] if r["kind"] == "blank"]
    result = {**result, "rows": [r for r in result["rows"] if r["kind"] != "blank"]}
    for kind in ("clean", "noisy", "stamped", "table"):
        rows = [r for r in result["rows"] if r["kind"] == kind]
        acc = [r["accuracy"] for r in rows]
        conf = [r["confidence"] for r in rows if r["confidence"] is not None]
        out.append(f"| {kind} | {len(rows)} | {statistics.mean(acc):.1%} / {min(acc):.1%} | "
                   f"{statistics.mean(conf) if conf else 0:.2f} | {statistics.mean(r['seconds'] for r in rows):.2f} | "
                   f"{statistics.mean(r['cpu'] for r in rows):.2f} |")
    out.append(f"blank pages: {len(blank)}, skipped before the engine: "
               f"{sum(1 for r in blank if r['skipped'] in ('blank page', 'near-blank page'))}, "
               f"CPU s per blank page {statistics.mean(r['cpu'] for r in blank) if blank else 0:.3f}")
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
    parser.add_argument("--child", metavar="PAGES_JSON", help=argparse.SUPPRESS)
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
        sys.stdout.write(json.dumps(child(engines[0], args.child)) + "\n")
        return
    import os
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ducha-ocr-bench-") as folder:
        pages_file = os.path.join(folder, "pages.json")
        with open(pages_file, "w", encoding="utf-8") as fh:
            json.dump(render_pages(args.pages, folder), fh, ensure_ascii=False)
        for name in engines:
            for label, env in (SETTINGS if name == "rapidocr" else (("", {}),)):
                proc = subprocess.run([sys.executable, __file__, "--child", pages_file, "--engine", name],
                                      capture_output=True, text=True, check=False, env={**os.environ, **env})
                if proc.returncode != 0:
                    sys.stdout.write(f"## {name} {label}: failed\n{proc.stderr[-2000:]}\n")
                    continue
                result = json.loads(proc.stdout.strip().splitlines()[-1])
                sys.stdout.write("\n".join(report(result, label)) + "\n\n")


if __name__ == "__main__":
    main()
