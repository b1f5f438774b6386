"""Benchmark of the rectification ledger: full and incremental rebuild time.

    .venv/bin/python bench/ledger_bench.py --db archive.db          # an existing archive (e.g. the demo's)
    .venv/bin/python bench/ledger_bench.py --plans 10000            # synthetic: 10,000 plans of 12 tasks

Synthetic archives hold plans with numbered task lists in their text (no WARC: the text reader
applies) and four close-out notices per plan; five plans (five inspection rounds) per region and site.
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from archive.evidence import default_warc_dir
from archive.ledger import build_ledger
from archive.models import PageCapture
from archive.schema import ensure_schema
from archive.store import Archive

PROBLEMS = ("长江岸线生态修复不到位", "城镇污水处理设施建设滞后", "黑臭水体整治不彻底", "自然保护区违规开发",
            "“两高”项目盲目上马", "工业园区污水直排", "矿山生态修复进展缓慢", "生活垃圾填埋场渗滤液超标排放",
            "饮用水水源地保护区违法建筑", "农村生活污水治理滞后", "大气污染防治不力", "危险废物违规贮存")


def _synthetic(path: Path, plans: int) -> None:
    rng = random.Random(1)
    with Archive(path, warc_dir=path.parent / "warc") as a:
        n_sites = max(1, plans // 5)
        a.upsert_sites([{"id": f"s{i}", "name": f"第{i}市生态环境局", "region": f"省{i % 31}", "level": "city",
                         "start_urls": []} for i in range(n_sites)])
        for p in range(plans):
            site, rnd = f"s{p % n_sites}", f"第{'一二三四五六七八九十'[p // n_sites % 10]}轮"
            lines = [f"{rnd}中央生态环境保护督察反馈问题整改方案，对督察反馈的12个问题逐项整改。"]
            lines += [f"{n}. {PROBLEMS[n - 1]}（牵头单位：市生态环境局；整改时限：{2022 + n % 3}年{n}月底前）" for n in range(1, 13)]
            a.ingest(PageCapture(site_id=site, url=f"https://x{site}.gov.cn/plan/{p}", fetched_at="2024-01-01T09:00:00+08:00",
                                 http_status=200, title=f"第{p}号贯彻落实{rnd}中央生态环境保护督察报告整改方案",
                                 body_text="\n".join(lines), publish_date="2023-01-01", doc_type="rectification_plan"))
            for k in range(4):
                n = rng.randint(1, 12)
                a.ingest(PageCapture(site_id=site, url=f"https://x{site}.gov.cn/n/{p}/{k}", fetched_at="2024-01-01T09:00:00+08:00",
                                     http_status=200, title=f"关于{rnd}中央生态环境保护督察第{n}项整改任务验收销号的公示",
                                     body_text=f"“{PROBLEMS[n - 1]}”整改任务已整改完成。", publish_date="2023-06-01",
                                     doc_type="acceptance_notice"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing archive (copied first; its WARC folder is read in place)")
    parser.add_argument("--plans", type=int, default=1000, help="synthetic plans when no --db is given")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ledger-bench-"))
    try:
        path = tmp / "archive.db"
        if args.db:
            shutil.copy(args.db, path)
            warc_dir = default_warc_dir(args.db)
        else:
            started = time.perf_counter()
            _synthetic(path, args.plans)
            print(f"synthetic archive: {args.plans} plans, {args.plans * 4} notices in {time.perf_counter() - started:.1f} s")
            warc_dir = None
        db = Database(path)
        ensure_schema(db)
        full = build_ledger(db, warc_dir=warc_dir, full=True)
        print(f"full build:        {full.seconds:8.2f} s  {full.plans} plans, {full.tasks} tasks, "
              f"{full.links_confirmed} confirmed + {full.links_candidate} candidate links, {full.progress_rows} progress rows, "
              f"sources {full.sources}")
        again = build_ledger(db, warc_dir=warc_dir)
        print(f"incremental build: {again.seconds:8.2f} s  (nothing changed: {again.plans_read} plans re-read)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
