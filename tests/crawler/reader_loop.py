"""Open the archive for reading in a loop until a stop file appears; print the opens per kind as JSON.

Used by test_readers_during_crawl.py as a script: ``python reader_loop.py DB STOP_FILE`` (a process of its own,
so the readers share no interpreter lock with the simulated web the crawl fetches from).
"""
import json
import sys
from collections import Counter
from pathlib import Path

from archive import search
from archive.opening import connect_read
from archive.ops.status import format_runs, format_status
from archive.timeliness.report import render_report


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


def main(db: Path, stop: Path) -> None:
    opens: Counter = Counter()
    errors: list[str] = []
    while not stop.exists():
        try:
            read_once(db, opens)
        except Exception as exc:  # noqa: BLE001 — a reader's failure is what the test looks for
            errors.append(repr(exc))
            break
    sys.stdout.write(json.dumps({"opens": opens, "errors": errors}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
