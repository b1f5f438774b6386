"""The FTS query layer at a million postings, built from a smaller bench archive in SQLite's own code.

    .venv/bin/python bench/fts_scale.py --source /tmp/b100k/archive.db --times 10 --out /tmp/b1m/archive.db

Building a million realistic postings takes hours here (FTS5 writes ~1 µs per token and a posting of
the web bench has ~2,300 tokens, on a 2-core machine shared with other jobs), so this tokenises the
source archive's postings once and inserts the index text ``--times`` times under new ids
(``INSERT … SELECT``), with a ``documents`` row (id, site, dates) per copy so the page queries' join is
real.  Every benchmark word then has the same share of postings as in the source and posting lists
``--times`` as long.  ``--lean`` (the default) indexes per posting only its title and the benchmark
words it contains: the index has no positions (``detail=none``), so a word's posting list is its list
of document ids and is the same as in a full index — the dictionary is smaller, the lists the queries
read are not.  ``--full`` indexes the whole text (hours at a million).  Then times ``web_bench.measure_fts``: newest 20 joined to documents, bm25
top 20, the count capped at 1,001, and the exact count, per query kind.  Texts are not copied, so the
exact check of 3+-character terms (which reads only the candidates shown) is not part of this figure.
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_bench import KINDS, _pct, measure_fts, report_shares

from archive.search import document_parts, index_text
from archive.store import Archive


def _lean_text(parts: list[str | None]) -> str:
    """Index text of the title plus each benchmark word the posting contains (as its own field)."""
    words = sorted({w for words in KINDS.values() for q in words for w in q.split()})
    found = [w for w in words if any(w in (p or "") for p in parts)]
    return index_text([parts[0] if parts else None, *found])


def build(source: Path, out: Path, times: int, *, lean: bool = True) -> None:
    """``times`` copies of ``source``'s postings (documents rows and index entries) in ``out``."""
    with Archive(out) as archive:
        conn = archive.conn
        conn.execute("PRAGMA synchronous = OFF")
        src = sqlite3.connect(source)
        conn.executemany("INSERT OR IGNORE INTO sites (id, name, region) VALUES (?, ?, ?)",
                         src.execute("SELECT id, name, region FROM sites").fetchall())
        n = src.execute("SELECT max(id) FROM documents").fetchone()[0]
        conn.execute("CREATE TEMP TABLE idx (id INTEGER PRIMARY KEY, text TEXT)")
        started = time.perf_counter()
        rows = src.execute("SELECT id, current_version_id FROM documents ORDER BY id").fetchall()
        for start in range(0, len(rows), 5000):
            with conn:
                conn.executemany("INSERT INTO temp.idx (id, text) VALUES (?, ?)",
                                 [(doc_id, (_lean_text if lean else index_text)(document_parts(src, vid)))
                                  for doc_id, vid in rows[start:start + 5000]])
        print(f"  tokenised {len(rows):,} postings in {time.perf_counter() - started:.0f} s")
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        for k in range(times):
            started = time.perf_counter()
            with conn:
                conn.execute(
                    "INSERT INTO documents (id, site_id, url, title, publish_date, doc_type, status, first_seen_at,"
                    " current_version_id) SELECT id + ?1, site_id, url || '#' || ?1, title, publish_date, doc_type,"
                    " status, first_seen_at, NULL FROM src.documents", (k * n,))
                conn.execute("INSERT INTO documents_fts (rowid, search_text) SELECT id + ?, text FROM temp.idx",
                             (k * n,))
            print(f"  copy {k + 1} of {times}: {time.perf_counter() - started:.0f} s")
        conn.execute("DETACH DATABASE src")
        conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')")
        conn.commit()


def main() -> int:
    """Build (unless ``--out`` exists) and time the FTS layer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="a bench archive.db (bench/web_bench.py --db)")
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--full", action="store_true", help="index the whole text of every copy (slow)")
    args = parser.parse_args()
    if not args.out.exists():
        started = time.perf_counter()
        build(args.source, args.out, args.times, lean=not args.full)
        print(f"built in {time.perf_counter() - started:.0f} s")
    postings = sqlite3.connect(args.out).execute("SELECT count(*) FROM documents").fetchone()[0]
    print(f"{postings:,} postings (index and documents rows only)")
    report_shares(args.out)
    times = measure_fts(args.out, args.repeat)
    print(f"{'FTS query · kind':44} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in times.items():
        print(f"{name:44} {len(values):4d} {statistics.median(values):8.1f} {_pct(values, 95):8.1f} {max(values):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
