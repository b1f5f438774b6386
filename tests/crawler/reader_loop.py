"""Open the archive for reading each time the crawl has written to it, until told to stop; print the opens per kind
as JSON.

Used by test_readers_during_crawl.py as a script: ``python reader_loop.py DB`` (a process of its own, so the readers
share no interpreter lock with the simulated web the crawl fetches from), stopped by the end of its standard input.
A round of reads starts when the archive's files (the database and its write-ahead log) changed since the last round,
at most one every ``PAUSE_S`` seconds: each round reads what the crawl wrote since the last one, and the readers
leave the cores to the crawl (looping without a pause, two readers took 16 CPU seconds of the test's 35).
"""
import json
import select
import sys
from collections import Counter
from pathlib import Path

from archive import search
from archive.opening import connect_read
from archive.ops.status import format_runs, format_status
from archive.timeliness.report import render_report

PAUSE_S = 0.1


def read_once(db: Path, opens: Counter) -> None:
    """One round of readers: the status and runs views, the timeliness report, a read-only search."""
    format_status(db, config=None)
    opens["status"] += 1
    format_runs(db)
    opens["runs"] += 1
    render_report(db)
    opens["report"] += 1
    conn = connect_read(db)
    try:
        search.search(conn, "公示", limit=5)
    finally:
        conn.close()
    opens["search"] += 1


def written(db: Path) -> tuple:
    """What changes when the crawl writes: the modification time and size of the database and its log."""
    marks = []
    for path in (db, db.with_name(db.name + "-wal")):
        try:
            stat = path.stat()
        except FileNotFoundError:
            marks.append(None)
        else:
            marks.append((stat.st_mtime_ns, stat.st_size))
    return tuple(marks)


def stopped(timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for the end of standard input (the test closes it to stop the readers)."""
    ready, _, _ = select.select([sys.stdin], [], [], timeout)
    return bool(ready)


def main(db: Path) -> None:
    opens: Counter = Counter()
    errors: list[str] = []
    seen = None
    while not stopped(PAUSE_S):
        now = written(db)
        if now == seen:
            continue
        seen = now
        try:
            read_once(db, opens)
        except Exception as exc:  # noqa: BLE001 — a reader's failure is what the test looks for
            errors.append(repr(exc))
            break
    sys.stdout.write(json.dumps({"opens": opens, "errors": errors}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
