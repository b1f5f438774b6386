"""Benchmark of the archive library: ingest rate, database size, diff time, search latency.

    .venv/bin/python bench/archive_bench.py            # 20,000 postings
    .venv/bin/python bench/archive_bench.py --n 100000 # the size the search figures are quoted for

Synthetic postings: ~3 KB Chinese bodies built from sentences of督察 vocabulary, one attachment
text in five.  Everything is written to a temporary folder (``--keep DIR`` to keep it).
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from archive.diff import inline_diff
from archive.models import AttachmentCapture, PageCapture
from archive.search import fts_query, search
from archive.store import Archive
from archive.warc import WarcWriter

_DOMAIN = ("整改 方案 验收 销号 公示 督察 反馈 问题 责任 单位 目标 措施 完成 情况 生态 环境 保护 治理 污染 排放 "
           "企业 项目 审批 环评 监测 水质 大气 土壤 固废 河道 湖泊 湿地 矿山 修复 执法 检查 处罚 整治 落实 推进 "
           "加强 开展 建立 健全 机制 制度 工作 部门 市县 乡镇 群众 举报 信访 核查 公开 期限 异议 联系 电话")
WORDS = _DOMAIN.split()
ONE_CHAR = ["销", "湿", "的", "矿"]
TWO_CHAR = ["销号", "公示", "督察", "验收", "整改", "环评", "水质", "举报", "矿山", "湿地"]
TWO_TERMS = ["销号 公示", "整改方案 验收", "水质 举报"]
FOUR_CHAR = ["整改方案", "验收销号", "生态环境", "污染排放", "信访举报", "河道整治", "矿山修复", "环评审批"]


COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
          "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去"
          "把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气"
          "第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特")


def vocabulary(rng: random.Random) -> list[str]:
    """The domain words plus 600 random two-character words (so a domain word is not in every posting)."""
    return WORDS + ["".join(rng.choices(COMMON, k=2)) for _ in range(600)]


def sentence_pool(rng: random.Random, size: int = 4000) -> list[str]:
    """Random sentences of 8–20 words."""
    words = vocabulary(rng)
    return ["".join(rng.choice(words) for _ in range(rng.randint(8, 20))) + rng.choice("。，；")
            for _ in range(size)]


def captures(n: int, seed: int = 1):
    """Yield ``n`` synthetic PageCaptures with ~3 KB bodies."""
    rng = random.Random(seed)
    pool = sentence_pool(rng)
    for i in range(n):
        body = "\n".join("".join(rng.choices(pool, k=6)) for _ in range(4))[:1000]
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        atts = []
        if i % 5 == 0:
            atts = [AttachmentCapture(url=f"https://bench.gov.cn/{i}/P1.pdf", name="附件1.pdf",
                                      sha256=hashlib.sha256(f"att{i}".encode()).hexdigest(),
                                      text="".join(rng.choices(pool, k=10)))]
        yield PageCapture(
            site_id=f"site-{i % 30}", url=f"https://bench.gov.cn/{i % 30}/t{i}.shtml",
            fetched_at="2026-11-23T09:00:00+08:00", http_status=200,
            title="关于" + "".join(rng.choices(WORDS, k=5)) + "的公示", body_text=body,
            publish_date=day, publish_date_source="cms", dates={"cms": day, "url": day},
            doc_type="acceptance_notice", attachments=atts)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="postings to ingest")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--keep", type=Path, default=None, help="keep the database in this folder")
    parser.add_argument("--search-batch", type=int, default=200,
                        help="index for search every N postings, as a crawl does (DUCHA_SEARCH_BATCH); 1 = at once")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ducha-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "archive.db"
    archive = Archive(db_path, warc_dir=folder / "warc", search_batch=args.search_batch)
    archive.upsert_sites([{"id": f"site-{k}", "name": f"站点{k}"} for k in range(30)])
    writer = WarcWriter(folder / "warc", run_id=1)
    raw_bytes = 0
    ingest_s = 0.0
    warc_s = 0.0
    run = archive.begin_run(now="2026-11-23T09:00:00+08:00")
    for i, cap in enumerate(captures(args.n)):
        html = f"<html><head><title>{cap.title}</title></head><body>{cap.body_text}</body></html>".encode()
        raw_bytes += len(html)
        t0 = time.perf_counter()
        cap.warc = writer.write_exchange(url=cap.url, status=200, body=html, fetched_at=cap.fetched_at,
                                         response_headers=[("Content-Type", "text/html; charset=utf-8")])
        t1 = time.perf_counter()
        archive.ingest(cap, run_id=run)
        ingest_s += time.perf_counter() - t1
        warc_s += t1 - t0
        if (i + 1) % 20_000 == 0:
            print(f"  … {i + 1:,} postings, {(i + 1) / ingest_s:,.0f}/s")
    t1 = time.perf_counter()
    archive.flush_search()  # the last batch is part of the ingest
    ingest_s += time.perf_counter() - t1
    writer.close()
    archive.finish_run(run, now="2026-11-23T10:00:00+08:00")
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_size = db_path.stat().st_size
    warc_size = sum(p.stat().st_size for p in (folder / "warc").glob("*.warc.gz"))
    per_k = 1000 / args.n
    print(f"postings: {args.n:,}")
    print(f"ingest: {args.n / ingest_s:,.0f} postings/s ({ingest_s:.1f} s; one transaction per posting;"
          f" search rows every {args.search_batch})")
    print(f"WARC write: {args.n / warc_s:,.0f} exchanges/s")
    print(f"DB size: {db_size / 1e6:,.1f} MB total, {db_size * per_k / 1e6:.2f} MB per 1,000 postings")
    print(f"WARC (raw bodies {raw_bytes * per_k / 1e6:.2f} MB per 1,000): {warc_size * per_k / 1e6:.2f} MB per 1,000;"
          f" DB + WARC {(db_size + warc_size) * per_k / 1e6:.2f} MB per 1,000")

    rng = random.Random(2)
    old = "".join(rng.choices(sentence_pool(rng, 400), k=1000))[:20_000]
    new = old[:3000] + "新增内容" + old[3000:8000] + old[8010:12000] + "改" + old[12001:16000] + "（更正）" + old[16000:]
    new = new[:19000] + "销号" + new[19002:]
    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        inline_diff(old, new)
        timings.append((time.perf_counter() - t0) * 1000)
    print(f"inline_diff 20k chars / 5 edits: best {min(timings):.2f} ms, median {statistics.median(timings):.2f} ms")

    for label, words in (("1-char", ONE_CHAR), ("2-char", TWO_CHAR), ("4-char", FOUR_CHAR), ("two terms", TWO_TERMS)):
        for order in ("newest", "rank"):
            lat, hits = [], []
            for q in range(args.queries):
                word = words[q % len(words)]
                t0 = time.perf_counter()
                rows = search(archive.db, word, limit=20, order=order)
                lat.append((time.perf_counter() - t0) * 1000)
                hits.append(len(rows))
            hits_note = f"; {sum(1 for h in hits if not h)} of {len(hits)} found nothing" if min(hits) == 0 else ""
            print(f"search {label} ({order}, limit 20 + snippets) over {args.n:,}: p50 {percentile(lat, 50):.1f} ms,"
                  f" p95 {percentile(lat, 95):.1f} ms{hits_note}")
        lat, counts = [], []
        for q in range(args.queries):
            word = words[q % len(words)]
            t0 = time.perf_counter()
            counts.append(archive.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                                               (fts_query(word),)).fetchone()[0])
            lat.append((time.perf_counter() - t0) * 1000)
        print(f"  count(*) of index candidates {label}: p50 {percentile(lat, 50):.1f} ms,"
              f" p95 {percentile(lat, 95):.1f} ms; candidates per query: median {statistics.median(counts):,.0f}"
              f" of {args.n:,}")
    archive.close()
    if args.keep is None:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
