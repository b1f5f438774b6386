"""``ducha demo``: the simulated web on loopback, one crawl process per simulated day."""
from __future__ import annotations

import logging
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from archive.ops.execute import crawl_command_line
from simweb.server import serve_in_thread
from simweb.world import World

logger = logging.getLogger(__name__)
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "DUCHA_PROGRESS_INTERVAL": "0"}


def crawl_command(*, db: str, sites_file: str, mirror: str, clock: str, extra: list[str] | None = None) -> list[str]:
    """The ``ducha crawl`` command line the demo (and tests) run for one simulated day."""
    return crawl_command_line(db=db, sites_file=sites_file, mirror=mirror,
                              settings={**FAST, "DUCHA_CLOCK": clock}, extra_args=extra or [])


def existing_runs(db: str) -> int:
    """How many runs an archive file already holds (0 when there is none)."""
    if not Path(db).exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def port_in_use(port: int, host: str = "127.0.0.1") -> str | None:
    """Why Datasette could not listen on ``host:port`` (another program holds it), or None when it can."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will: TIME_WAIT is no obstacle
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def remove_archive(db: str) -> None:
    """Delete an archive file, its WAL/SHM companions, the WARC folder and the chain manifests beside it (the
    signing key and its published public key stay)."""
    path = Path(db)
    for companion in (path, Path(f"{db}-wal"), Path(f"{db}-shm")):
        companion.unlink(missing_ok=True)
    shutil.rmtree(path.resolve().parent / "warc", ignore_errors=True)
    for manifest in (path.resolve().parent / "chain").glob("[0-9]*.*"):
        manifest.unlink()


def run_demo(*, db: str, days: int = 3, docs_per_site: int = 40, seed: int = 1) -> int:
    """Crawl simulated days 0..days into ``db``; returns how many runs reported failed sites."""
    start = date.today() - timedelta(days=days)
    world = World(seed=seed, docs_per_site=docs_per_site, start_date=start)
    server = serve_in_thread(world, port=0, day=0)
    failures = 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sites_file = Path(tmp) / "sites.yaml"
            with urllib.request.urlopen(f"{server.url}/_sim/sites.yaml") as response:
                sites_file.write_bytes(response.read())
            for day in range(days + 1):
                server.set_day(day)
                clock = f"{start + timedelta(days=day)}T10:00:00+08:00"
                logger.info("demo: crawling simulated day %d (%s) from %s", day, clock, server.url)
                status = subprocess.call(crawl_command(db=db, sites_file=str(sites_file), mirror=server.url,
                                                       clock=clock))
                failures += status != 0
    finally:
        server.close()
    return failures
