"""Fixtures that crawl the simulated web with the real ``ducha crawl`` process."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from crawler.demo import crawl_command
from simweb.server import SimServer, serve_in_thread
from simweb.world import World

START = date(2026, 11, 2)


@dataclass
class SimCrawl:
    """A simulated web, an archive file and a way to crawl one simulated day into it."""

    world: World
    server: SimServer
    db: Path
    sites_file: Path

    def crawl(self, day: int, *extra: str) -> subprocess.CompletedProcess:
        """Set the simulated day and run one real ``ducha crawl`` process against it."""
        self.server.set_day(day)
        clock = f"{START + timedelta(days=day)}T10:00:00+08:00"
        command = crawl_command(db=str(self.db), sites_file=str(self.sites_file), mirror=self.server.url,
                                clock=clock, extra=list(extra))
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=600)

    def manifest(self, day: int) -> dict:
        """The simulated web's ground truth for ``day``."""
        return self.world.manifest(day)

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """Rows from the archive."""
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()


def make_sim_crawl(tmp: Path, *, docs_per_site: int, seed: int = 1, scans: int = 0,
                   sites: str = "classic") -> SimCrawl:
    """Start a simulated web in a thread and fetch its sites file (``scans=N``: one posting in N is a scan;
    ``sites``: classic, script or all)."""
    world = World(seed=seed, docs_per_site=docs_per_site, start_date=START, scans=scans, sites=sites)
    server = serve_in_thread(world, port=0, day=0)
    sites_file = tmp / "sites.yaml"
    with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml", timeout=30) as response:
        sites_file.write_bytes(response.read())
    return SimCrawl(world=world, server=server, db=tmp / "archive.db", sites_file=sites_file)


def copy_crawl(crawl: SimCrawl, dest: Path) -> SimCrawl:
    """A copy of ``crawl``'s archive folder (database, WARC files) in ``dest`` with a simulated web of its own: the
    same world, its own faults and request counts. Stop its server with ``.server.close()``."""
    shutil.copytree(crawl.db.parent, dest, dirs_exist_ok=True)
    world = crawl.world
    return make_sim_crawl(dest, docs_per_site=world.docs_per_site, seed=world.seed, scans=world.scans,
                          sites=world.site_set)


def session_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this test session shares (the session's own temp folder alone)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_day0(tmp_path_factory: pytest.TempPathFactory, tmp: Path, *args: str, docs_per_site: int = 40
                ) -> tuple[SimCrawl, subprocess.CompletedProcess]:
    """A simulated web of its own and, in ``tmp``, a copy of the archive of day 0's crawl (classic sites, seed 1;
    ``args``: the crawl's options, such as ``"--site", "pj-sthjj"``): ``shared_day0_stats`` without the counts."""
    crawl, result, _ = shared_day0_stats(tmp_path_factory, tmp, *args, docs_per_site=docs_per_site)
    return crawl, result


def shared_day0_stats(tmp_path_factory: pytest.TempPathFactory, tmp: Path, *args: str, docs_per_site: int = 40,
                      sites: str = "classic") -> tuple[SimCrawl, subprocess.CompletedProcess, dict]:
    """A simulated web of its own and, in ``tmp``, a copy of the archive of day 0's crawl (seed 1; ``sites``:
    classic, script or all; ``args``: the crawl's options), the crawl's result and the simulated web's request
    counts per site during that crawl (``SimServer.stats()["sites"]``).

    Each such crawl runs once per test session: the first worker that asks crawls under a file lock, the others
    wait for it and copy its folder (database and WARC files), so a module may write to its copy freely.
    """
    name = ["shared-day0", *([] if sites == "classic" else [sites]), str(docs_per_site), *(a.strip("-") for a in args)]
    root = session_dir(tmp_path_factory) / "-".join(name)
    root.mkdir(exist_ok=True)
    done = root / "result.json"
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(root / "archive", ignore_errors=True)  # a worker that died mid-crawl left it unfinished
            (root / "archive").mkdir()
            first = make_sim_crawl(root / "archive", docs_per_site=docs_per_site, sites=sites)
            try:
                ran = first.crawl(0, *args)
                stats = first.server.stats()["sites"]
            finally:
                first.server.close()
            done.write_text(json.dumps({"args": ran.args, "returncode": ran.returncode, "stdout": ran.stdout,
                                        "stderr": ran.stderr, "stats": stats}), encoding="utf-8")
    shutil.copytree(root / "archive", tmp, dirs_exist_ok=True)
    saved = json.loads(done.read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess(saved["args"], saved["returncode"], saved["stdout"], saved["stderr"])
    return make_sim_crawl(tmp, docs_per_site=docs_per_site, sites=sites), result, saved["stats"]


@pytest.fixture
def sim_crawl(tmp_path):
    """A fresh simulated web (40 postings per site) and an empty archive."""
    crawl = make_sim_crawl(tmp_path, docs_per_site=40)
    yield crawl
    crawl.server.close()
