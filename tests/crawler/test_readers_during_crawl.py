"""Readers looping beside real crawls of the simulated web: the crawl stays ok and loses nothing.

Daily crawls (small search batches, so the queue is rarely empty) run while reader processes open the
archive each time the crawl wrote to it (at most ten times a second) — the ``ducha status`` / ``runs`` views, the
timeliness report, a read-only search — and a thread runs ``ducha status`` processes.  After each crawl every live posting of the simulated web is in ``documents``
and every posting with content is in the search index, posting by posting.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Self

import pytest

from archive import search
from archive.store import Archive
from tests.crawler.conftest import make_sim_crawl

log = logging.getLogger(__name__)
DAYS = 2
DOCS_PER_SITE = 10
DUCHA = str(Path(sys.executable).with_name("ducha"))
LOOP = Path(__file__).with_name("reader_loop.py")


class Readers:
    """Reader processes reading the archive whenever the crawl wrote to it (``reader_loop.py``) and a thread running
    ``ducha status`` processes, until stopped; ``opens`` counts the archive opens per kind, ``errors`` keeps any
    failure."""

    #: Seconds between two ``ducha status`` processes (each is a Python start: one a second is load enough)
    STATUS_PAUSE_S = 1.0

    def __init__(self, db: Path, *, processes: int = 2) -> None:
        self.db, self.stop = db, threading.Event()
        self.opens: Counter[str] = Counter()
        self.errors: list[str] = []
        stop_read, self._stop_write = os.pipe()  # the readers stop at the end of their input: when this closes
        try:
            self.procs = [subprocess.Popen([sys.executable, str(LOOP), str(db)], stdin=stop_read,
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                          for _ in range(processes)]
        finally:
            os.close(stop_read)
        self.thread = threading.Thread(target=self._status_processes, daemon=True)

    def _status_processes(self) -> None:
        while not self.stop.is_set():
            done = subprocess.run([DUCHA, "status", "--db", str(self.db)], check=False, capture_output=True,
                                  text=True, timeout=120)
            if done.returncode not in (0, 1, 3) or "Traceback" in done.stderr:
                self.errors.append(f"ducha status exited {done.returncode}: {done.stderr[-500:]}")
                return
            self.opens["process"] += 1
            self.stop.wait(self.STATUS_PAUSE_S)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self._stop_write)
        self.stop.set()
        self.thread.join(timeout=120)
        for proc in self.procs:
            out, err = proc.communicate(timeout=120)
            found = json.loads(out or "{}")
            self.opens.update(found.get("opens", {}))
            self.errors += found.get("errors", []) + ([err[-500:]] if proc.returncode else [])


@pytest.fixture(scope="module")
def crawled_with_readers(tmp_path_factory):
    """Days 0 and 1 crawled (search batch 25) while the readers loop; yields the crawl, results and readers.
    (``bench/readers_bench.py`` runs the same with more days and postings and reports the numbers.)"""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("readers"), docs_per_site=DOCS_PER_SITE)
    Archive(crawl.db).close()  # an empty archive: readers never see one half created
    results, checks = [], []
    with Readers(crawl.db) as readers:
        for day in range(DAYS):
            results.append(crawl.crawl(day, "-s", "DUCHA_SEARCH_BATCH=25"))
            checks.append(state(crawl, day))
    log.info("readers: %s opens during %d crawls", dict(readers.opens), DAYS)
    yield crawl, results, checks, readers
    crawl.server.close()


def state(crawl, day: int) -> dict:
    """What the archive holds right after the day's crawl, compared with the simulated web's manifest."""
    live = {p["url"] for p in crawl.manifest(day)["postings"] if p["status"] == "live"}
    docs = {r["url"]: r["id"] for r in crawl.query("SELECT id, url FROM documents WHERE current_version_id IS NOT NULL")}
    titles = {r["id"]: r["title"] for r in crawl.query("SELECT id, title FROM documents")}
    rows = {r[0] for r in crawl.query("SELECT rowid FROM documents_fts")}
    found = {doc_id for doc_id in docs.values()
             if crawl.query("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?",
                            (search.fts_query(titles[doc_id][:2]), doc_id))}
    return {"missing_documents": sorted(live - set(docs)), "not_indexed": sorted(set(docs.values()) - found),
            "index_rows": len(rows), "documents": len(docs),
            "queued": crawl.query(f"SELECT count(*) AS n FROM {search.PENDING}")[0]["n"]}


def test_crawls_stay_ok_beside_looping_readers(crawled_with_readers):
    _, results, _, readers = crawled_with_readers
    assert [r.returncode for r in results] == [0] * DAYS, results[-1].stderr[-2000:]
    assert all("could not be archived" not in r.stderr and "database is locked" not in r.stderr for r in results)
    assert readers.errors == []
    assert min(readers.opens[name] for name in ("status", "runs", "report", "search", "process")) > 0


@pytest.mark.parametrize("day", range(DAYS))
def test_every_posting_is_archived_and_indexed(crawled_with_readers, day):
    _, _, checks, _ = crawled_with_readers
    found = checks[day]
    assert found["missing_documents"] == []
    assert found["not_indexed"] == [] and found["queued"] == 0
    assert found["index_rows"] == found["documents"] > 0
