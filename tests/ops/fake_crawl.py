"""A fast stand-in for ``ducha crawl`` (the scheduler tests where the real crawl is not the point).

It behaves as the wired crawl command would: takes ``crawl_lock``, records a run with
``Archive.begin_run`` / ``finish_run`` (summary of crawler counters), calls ``after_run``, and
appends ``start``/``end`` JSON lines to ``--log``.  ``--control FILE`` (JSON, re-read every run)
says what to do: ``{"mode": "ok"|"hang"|"stubborn"|"fail"|"exit"|"finish_then_exit", "sleep": seconds, "code": N}``
(``exit``: leave the run ``running`` and exit with ``code``, as a crawl stopped by a signal it handled;
``finish_then_exit``: record the run ``ok``, then exit with ``code``, as a crawl the stop signal reached as it
ended; ``stubborn``: hang ignoring SIGTERM).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

from archive.ops import after_run, crawl_lock
from archive.ops.errors import CrawlLockBusy
from archive.store import Archive


def _log(path: str, **values: object) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"pid": os.getpid(), "t": time.time(), **values}) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--db", required=True)
    parser.add_argument("--site", action="append", default=[])
    parser.add_argument("--sites")
    parser.add_argument("--mirror")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--log", required=True)
    parser.add_argument("--control", required=True)
    args = parser.parse_args()
    control = json.loads(Path(args.control).read_text())
    if control.get("mode") == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with crawl_lock(args.db):
            with Archive(args.db) as archive:
                run_id = archive.begin_run(command="crawl", code_version="fake", calendar_version="fake")
            _log(args.log, event="start", mode=control.get("mode", "ok"), run_id=run_id)
            time.sleep(float(control.get("sleep", 0.3)))
            if control.get("mode") in ("hang", "stubborn"):
                time.sleep(3600)
            if control.get("mode") == "exit":
                return int(control["code"])
            counts = {"list_pages": 1, "entries": 5, "details": 5, "new": 0, "errors": 0}
            status = "ok" if control.get("mode") != "fail" else "failed"
            with Archive(args.db) as archive:
                archive.finish_run(run_id, status=status, summary={s: counts for s in args.site or ["fake"]})
            _log(args.log, event="end", run_id=run_id)
            if control.get("mode") == "finish_then_exit":
                return int(control["code"])
    except CrawlLockBusy as exc:
        print(exc, file=sys.stderr)
        return 75
    after_run(args.db, run_id)
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
