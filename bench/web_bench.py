"""Benchmark the search pages over HTTP against ``ducha serve``: ``.venv/bin/python bench/web_bench.py [--postings N]``.

Builds (when ``--db`` does not exist) an archive of N (default 100,000) synthetic postings with bulk
inserts — bodies of realistic length (log-normal, median ~800 characters, up to 6,000), one posting in
ten with a long attachment text (2,000–15,000 characters), words drawn from a Zipf-like vocabulary so
character pairs repeat as in real text, and query words planted at known rates.  Then starts
``ducha serve`` on it and times, over HTTP, per query kind (a 1-character word, a 2-character word in
about half the postings, a rare 4-character word, two terms):

* the home search ``/archive/search?q=`` newest first (default) and ``&order=relevance``,
* the table search box ``/archive/documents?_search=`` (sorted by publish date, as configured),

plus the document page and a feed.  Prints p50/p95 per page and kind, and the size per 1,000 postings.
``--fts-only`` times only the FTS query layer (newest 20, bm25 top 20, capped count) without a server.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from archive.search import fts_query, index_text
from archive.store import Archive

FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非连断深难近千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
#: Query words planted in a share of the postings (the rest of the text never contains them: their
#: characters 号公示验案督察环评典矿湖 are kept out of the filler; 公 is in every title's 公告).
PLANTED = {"公示": 0.5, "督察": 0.3, "整改方案": 0.2, "环评": 0.1, "典型案例": 0.03, "矿湖治理": 0.005}
KINDS = {
    "1-char": ["的", "公", "督", "矿"],
    "2-char": ["公示"],
    "4-char": ["矿湖治理", "典型案例"],
    "two terms": ["公示 督察", "整改方案 环评"],
}
_KEEP_OUT = set("号公示验案督察环评典矿湖")


def _sentences(rng: random.Random, count: int = 20_000) -> list[str]:
    """Sentences of 4–30 words from a Zipf-like vocabulary (so character pairs repeat as in real text)."""
    chars = [c for c in FILLER if c not in _KEEP_OUT]
    words = ["".join(rng.choices(chars, k=rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(6000)]
    weights = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(words))))
    return ["".join(rng.choices(words, cum_weights=weights, k=rng.randint(4, 30))) + rng.choice("，。；、")
            for _ in range(count)]


def _text(rng: random.Random, sentences: list[str], length: int) -> str:
    out, size = [], 0
    while size < length:
        out.append(rng.choice(sentences))
        size += len(out[-1])
    return "".join(out)[:length]


def _plant(rng: random.Random, text: str, word: str) -> str:
    cut = rng.randint(0, len(text))
    return text[:cut] + word + text[cut:]


def build(path: Path, postings: int, *, seed: int = 1) -> None:
    """Write ``postings`` synthetic postings (one version, one ``new`` event each) with bulk inserts."""
    rng = random.Random(seed)
    vocab = _sentences(rng)
    sites = [{"id": f"site-{i}", "name": f"站点{i}", "region": f"地区{i % 31}", "level": "province"} for i in range(40)]
    with Archive(path) as archive:
        archive.upsert_sites(sites)
        run_id = archive.begin_run(now="2026-01-01T08:00:00+08:00")
        conn = archive.conn
        conn.execute("PRAGMA synchronous = OFF")
        batch = 5000
        att_id = 0
        for start in range(1, postings + 1, batch):
            docs, versions, events, fts, atts, links = [], [], [], [], [], []
            for doc_id in range(start, min(start + batch, postings + 1)):
                day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                seen = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T09:00:00+08:00"
                title = f"关于{_text(rng, vocab, rng.randint(6, 20))}的公告{doc_id}"
                body = _text(rng, vocab, min(6000, max(100, int(rng.lognormvariate(math.log(800), 0.6)))))
                for word, share in PLANTED.items():
                    if rng.random() < share:
                        body = _plant(rng, body, word)
                parts = [title, body]
                if rng.random() < 0.1:
                    att_id += 1
                    text = _text(rng, vocab, rng.randint(2000, 15000))
                    atts.append((att_id, doc_id, f"https://example.gov.cn/{doc_id}/P{att_id}.pdf", "附件1.pdf",
                                 f"{att_id:064x}", text, seen, seen))
                    links.append((doc_id, att_id))
                    parts.append(text)
                site = sites[doc_id % len(sites)]["id"]
                docs.append((doc_id, site, f"https://example.gov.cn/{site}/{doc_id}.html", title, day, "cms", day,
                             day, day, day, "other", "live", seen, seen, seen, doc_id, 1, len(parts) - 2))
                versions.append((doc_id, doc_id, run_id, seen, f"{doc_id:064x}", title, day, day, day, body))
                events.append((doc_id, run_id, "new", seen, doc_id))
                fts.append((doc_id, index_text(parts)))
            with conn:
                conn.executemany(
                    "INSERT INTO documents (id, site_id, url, title, publish_date, publish_date_source, cms_date,"
                    " list_date, stated_date, url_date, doc_type, status, first_seen_at, last_seen_at,"
                    " last_checked_at, current_version_id, version_count, attachment_count) VALUES"
                    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", docs)
                conn.executemany(
                    "INSERT INTO versions (id, document_id, run_id, captured_at, sha256, title, publish_date,"
                    " cms_date, stated_date, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", versions)
                conn.executemany(
                    "INSERT INTO attachments (id, document_id, url, name, sha256, text, first_seen_at, last_seen_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", atts)
                conn.executemany("INSERT INTO version_attachments (version_id, attachment_id) VALUES (?, ?)", links)
                conn.executemany(
                    "INSERT INTO events (document_id, run_id, kind, at, version_id) VALUES (?, ?, ?, ?, ?)", events)
                conn.executemany("INSERT INTO documents_fts (rowid, search_text) VALUES (?, ?)", fts)
            if start % 100_000 == 1 and start > 1:
                print(f"  … {start - 1:,} postings")
        archive.finish_run(run_id, now="2026-01-01T10:00:00+08:00")
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')")
        conn.execute("ANALYZE")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure_http(path: Path, postings: int, repeat: int) -> dict[str, list[float]]:
    """Response times in milliseconds per page and query kind, over HTTP against ``ducha serve``'s Datasette."""
    port = _free_port()
    ducha = Path(sys.executable).with_name("ducha")
    server = subprocess.Popen([str(ducha), "serve", "--db", str(path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    times: dict[str, list[float]] = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(200):
                try:
                    client.get("/-/versions.json")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            rng = random.Random(2)
            pages = {}
            for kind, words in KINDS.items():
                pages[f"home search, newest · {kind}"] = (lambda w=words: ("/archive/search", {"q": rng.choice(w)}))
                pages[f"home search, relevance · {kind}"] = (
                    lambda w=words: ("/archive/search", {"q": rng.choice(w), "order": "relevance"}))
                pages[f"table search · {kind}"] = (lambda w=words: ("/archive/documents", {"_search": rng.choice(w)}))
            pages["document page"] = lambda: (f"/-/ducha/document/{rng.randint(1, postings)}", {})
            pages["feed_new.atom"] = lambda: ("/archive/feed_new.atom", {})
            for name, make in pages.items():
                url, params = make()
                client.get(url, params=params)  # warm the page's code path once
                for _ in range(repeat):
                    url, params = make()
                    started = time.perf_counter()
                    response = client.get(url, params=params)
                    elapsed = (time.perf_counter() - started) * 1000
                    if response.status_code != 200:
                        raise SystemExit(f"{url} {params}: HTTP {response.status_code}")
                    times.setdefault(name, []).append(elapsed)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return times


def measure_fts(path: Path, repeat: int) -> dict[str, list[float]]:
    """The FTS query layer alone: newest 20 with the documents join, title matches' newest 20 (relevance's
    first tier), bm25 top 20 (the relevance order before title tokens), count capped at 1,001."""
    conn = sqlite3.connect(path)
    queries = {
        "newest 20": "SELECT d.id FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                     " WHERE documents_fts MATCH ? ORDER BY documents_fts.rowid DESC LIMIT 20",
        "title newest 20": "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT 20",
        "bm25 top 20": "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT 20",
        "count ≤ 1,001": "SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1001)",
        "exact count": "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
    }
    rng = random.Random(3)
    times: dict[str, list[float]] = {}
    for kind, words in KINDS.items():
        for label, sql in queries.items():
            for _ in range(repeat):
                match = fts_query(rng.choice(words), title=label.startswith("title"))
                started = time.perf_counter()
                conn.execute(sql, (match,)).fetchall()
                times.setdefault(f"{label} · {kind}", []).append((time.perf_counter() - started) * 1000)
    conn.close()
    return times


def report_shares(path: Path) -> None:
    """How many postings each benchmark word matches (so "common" and "rare" are facts, not hopes)."""
    conn = sqlite3.connect(path)
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    shares = []
    for words in KINDS.values():
        for word in words:
            n = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                             (fts_query(word),)).fetchone()[0]
            shares.append(f"{word} {n / total:.1%}")
    conn.close()
    print("matches per word: " + ", ".join(shares))


def main() -> int:
    """Build, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", type=Path, help="reuse or create this archive.db instead of a temporary one")
    parser.add_argument("--fts-only", action="store_true", help="time the FTS query layer only (no server)")
    args = parser.parse_args()
    if args.db and args.db.stem != "archive":
        parser.error("--db must be named archive.db (Datasette names the database after the file)")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "archive.db"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.postings)
            print(f"built {args.postings:,} postings in {time.perf_counter() - started:.1f} s")
        postings = sqlite3.connect(path).execute("SELECT count(*) FROM documents").fetchone()[0]
        size = path.stat().st_size
        print(f"{postings:,} postings; archive.db {size / 1e6:,.0f} MB, {size / postings * 1000 / 1e6:.2f} MB"
              " per 1,000 postings")
        report_shares(path)
        times = measure_fts(path, args.repeat) if args.fts_only else measure_http(path, postings, args.repeat)
    print(f"{'page · query kind':44} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in times.items():
        print(f"{name:44} {len(values):4d} {statistics.median(values):8.1f} {_pct(values, 95):8.1f} {max(values):8.1f}")
    print(json.dumps({k: [round(statistics.median(v), 1), round(_pct(v, 95), 1)] for k, v in times.items()},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
