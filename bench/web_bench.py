"""Benchmark the web face on a large synthetic archive: ``.venv/bin/python bench/web_bench.py [--postings N]``.

Builds an archive of N (default 100,000) synthetic postings with bulk inserts (schema from
``archive.schema``; FTS rows from ``archive.search.index_text``), then times, through Datasette in
process (``ds.client``, settings as ``ducha serve``), the search page (canned ``search`` query and the
table search box) and the document page.  Prints p50/p95 per page.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from datasette.app import Datasette

from archive.search import index_text
from archive.store import Archive

REPO = Path(__file__).resolve().parents[1]
WORDS = ["销号", "公示", "整改方案", "督察", "验收", "环评", "典型案例", "整改进展", "反馈意见", "生态环境"]
FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def _body(rng: random.Random, length: int = 300) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < length:
        parts.append(rng.choice(WORDS) if rng.random() < 0.08 else "".join(rng.choices(FILLER, k=rng.randint(4, 12))))
        if rng.random() < 0.15:
            parts.append("。")
    return "".join(parts)


def build(path: Path, postings: int, *, seed: int = 1) -> None:
    """Write ``postings`` synthetic postings (one version, one ``new`` event each) with bulk inserts."""
    rng = random.Random(seed)
    sites = [{"id": f"site-{i}", "name": f"站点{i}", "region": f"地区{i % 31}", "level": "province"} for i in range(40)]
    with Archive(path) as archive:
        archive.upsert_sites(sites)
        run_id = archive.begin_run(now="2026-01-01T08:00:00+08:00")
        conn = archive.conn
        conn.execute("PRAGMA synchronous = OFF")
        batch = 5000
        for start in range(1, postings + 1, batch):
            docs, versions, events, fts = [], [], [], []
            for doc_id in range(start, min(start + batch, postings + 1)):
                day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                seen = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T09:00:00+08:00"
                title = f"关于{rng.choice(WORDS)}{rng.choice(WORDS)}情况的公告{doc_id}"
                body = _body(rng)
                site = sites[doc_id % len(sites)]["id"]
                docs.append((doc_id, site, f"https://example.gov.cn/{site}/{doc_id}.html", title, day, "cms", day,
                             day, day, day, "other", "live", seen, seen, seen, doc_id, 1))
                versions.append((doc_id, doc_id, run_id, seen, f"{doc_id:064x}", title, day, day, day, body))
                events.append((doc_id, run_id, "new", seen, doc_id))
                fts.append((doc_id, index_text(title) + "\n" + index_text(body)))
            with conn:
                conn.executemany(
                    "INSERT INTO documents (id, site_id, url, title, publish_date, publish_date_source, cms_date,"
                    " list_date, stated_date, url_date, doc_type, status, first_seen_at, last_seen_at,"
                    " last_checked_at, current_version_id, version_count) VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", docs)
                conn.executemany(
                    "INSERT INTO versions (id, document_id, run_id, captured_at, sha256, title, publish_date,"
                    " cms_date, stated_date, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", versions)
                conn.executemany(
                    "INSERT INTO events (document_id, run_id, kind, at, version_id) VALUES (?, ?, ?, ?, ?)", events)
                conn.executemany("INSERT INTO documents_fts (rowid, search_text) VALUES (?, ?)", fts)
        archive.finish_run(run_id, now="2026-01-01T10:00:00+08:00")
        conn.execute("ANALYZE")


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


async def measure(path: Path, postings: int, repeat: int) -> dict[str, list[float]]:
    """Response times in milliseconds per page kind."""
    metadata = json.loads((REPO / "datasette-metadata.json").read_text(encoding="utf-8"))
    ds = Datasette([str(path)], metadata=metadata, settings={"sql_time_limit_ms": 3000, "default_page_size": 50})
    rng = random.Random(2)
    pages = {
        "search query (HTML)": lambda: f"/archive/search?q={rng.choice(WORDS)}",
        "table search box (HTML)": lambda: f"/archive/documents?_search={rng.choice(WORDS)}",
        "document page": lambda: f"/-/ducha/document/{rng.randint(1, postings)}",
        "feed_new.atom": lambda: "/archive/feed_new.atom",
    }
    await ds.client.get("/")  # start-up
    times: dict[str, list[float]] = {}
    for name, make in pages.items():
        for _ in range(repeat):
            path = make()
            started = time.perf_counter()
            response = await ds.client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
            times.setdefault(name, []).append(elapsed)
    return times


def main() -> int:
    """Build, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--db", type=Path, help="reuse or create this archive.db instead of a temporary one")
    args = parser.parse_args()
    if args.db and args.db.stem != "archive":
        parser.error("--db must be named archive.db (Datasette names the database after the file)")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "archive.db"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.postings)
            print(f"built {args.postings:,} postings in {time.perf_counter() - started:.1f} s "
                  f"({path.stat().st_size / 1e6:.0f} MB)")
        times = asyncio.run(measure(path, args.postings, args.repeat))
    print(f"{'page':28} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in times.items():
        print(f"{name:28} {len(values):4d} {statistics.median(values):8.1f} {_pct(values, 95):8.1f} {max(values):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
