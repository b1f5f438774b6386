"""Time ``ducha verify`` (archive.verify.verify_archive) per 10,000 WARC records.

Usage: .venv/bin/python bench/verify_bench.py [--records 10000] [--page-kb 30]

Builds an archive of N postings, each with one version whose response record (a Chinese page of
about ``--page-kb`` KB) is written by the crawler's own ``WarcWriter``, then verifies it all:
figures are seconds, records/second and seconds per 10,000 records; then flips one byte and
checks that exactly one posting is named.
"""
from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.store import Archive
from archive.verify import verify_archive
from archive.warc import WarcWriter

UNIT = "<p>经现场核查，该项整改任务已按要求完成，整改措施落实到位，现将验收销号情况予以公示。</p>\n"


def build(folder: Path, records: int, page_kb: int) -> Path:
    db = folder / "archive.db"
    archive = Archive(str(db), warc_dir=str(folder / "warc"))
    archive.upsert_sites([{"id": "bench", "name": "bench", "region": "测试省", "level": "city",
                           "profile": None, "host": "bench.example.gov.cn", "start_urls": []}])
    archive.close()
    writer = WarcWriter(folder / "warc", run_id=1)
    repeat = max(1, page_kb * 1024 // len(UNIT.encode()))
    rows = []
    for n in range(records):
        url = f"http://bench.example.gov.cn/gsgg/{n}.html"
        body = f"<html><body><h1>第{n}号公示</h1>{UNIT * repeat}</body></html>".encode()
        ref = writer.write_exchange(url=url, status=200, response_headers=[("Content-Type", "text/html")],
                                    body=body, fetched_at="2026-11-05T10:00:00+08:00")
        rows.append((n + 1, url, hashlib.sha256(body).hexdigest(), ref.file, ref.offset))
    writer.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany("INSERT INTO documents (id, site_id, url, first_seen_at) VALUES (?, 'bench', ?, "
                         "'2026-11-05T10:00:00+08:00')", [(i, u) for i, u, *_ in rows])
        conn.executemany("INSERT INTO versions (document_id, captured_at, sha256, raw_sha256, title, warc_file,"
                         " warc_offset) VALUES (?, '2026-11-05T10:00:00+08:00', ?, ?, 't', ?, ?)",
                         [(i, d, d, f, o) for i, _, d, f, o in rows])
    conn.close()
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--page-kb", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        db = build(Path(tmp), args.records, args.page_kb)
        built = time.monotonic() - started
        size = sum(p.stat().st_size for p in (Path(tmp) / "warc").glob("*.warc.gz"))
        report = verify_archive(db)
        assert report.ok, report.problems[:3]
        per10k = report.seconds * 10_000 / report.records
        print(f"built {args.records} records ({size / 2**20:.1f} MB of WARC) in {built:.1f} s")
        print(f"verify: {report.records} records in {report.seconds:.2f} s "
              f"({report.records / report.seconds:.0f} records/s, {per10k:.1f} s per 10,000 records)")
        conn = sqlite3.connect(db)
        name, offset = conn.execute("SELECT warc_file, warc_offset FROM versions WHERE document_id = ?",
                                    (args.records // 2,)).fetchone()
        conn.close()
        warc = Path(tmp) / "warc" / name
        data = bytearray(warc.read_bytes())
        data[offset + 60] ^= 0xFF  # inside the compressed response of the middle posting
        warc.write_bytes(bytes(data))
        damaged = verify_archive(db)
        print(f"after flipping one byte: {len(damaged.failing_documents)} posting(s) named "
              f"({', '.join(p.kind for p in damaged.problems)})")


if __name__ == "__main__":
    main()
