"""Runs that end honestly: a real ``ducha crawl`` stopped by SIGINT / SIGTERM mid-crawl, or by a full archive.

Each crawl runs against one shared simulated web (70 postings per site, 560 in all); the signal is sent
once the archive holds some postings (a row count, never a timer), so the walk is surely unfinished.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from crawler.demo import crawl_command
from tests.crawler.conftest import START, SimCrawl, make_sim_crawl
from tests.ops.conftest import query_rows, wait_for

DOCS_PER_SITE = 70
TOTAL = 8 * DOCS_PER_SITE


@pytest.fixture(scope="module")
def web(tmp_path_factory) -> SimCrawl:
    """One simulated web (70 postings per site) shared by the module's crawls."""
    crawl = make_sim_crawl(tmp_path_factory.mktemp("web"), docs_per_site=DOCS_PER_SITE)
    yield crawl
    crawl.server.close()


def start_crawl(web: SimCrawl, db: Path, *extra: str, log: Path | None = None) -> tuple[subprocess.Popen, Path]:
    """A real ``ducha crawl`` of simulated day 0 into ``db``; its stderr goes to ``log`` (default: beside it)."""
    command = crawl_command(db=str(db), sites_file=str(web.sites_file), mirror=web.server.url,
                            clock=f"{START}T10:00:00+08:00", extra=list(extra))
    log = log or db.with_suffix(".log")
    with open(log, "wb") as err:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True)
    return child, log


def documents(db: Path) -> int:
    """Postings archived so far (0 while the archive is being created)."""
    rows = query_rows(db, "SELECT count(*) FROM documents")
    return rows[0][0] if rows else 0


# a single SIGINT takes the SIGTERM path (Scrapy's graceful stop) with another exit code: SIGINT is sent twice
@pytest.mark.parametrize(("sig", "times"), [(signal.SIGTERM, 1), (signal.SIGINT, 2)], ids=["sigterm", "sigint-twice"])
def test_a_crawl_stopped_by_a_signal_is_recorded_interrupted(web, tmp_path, sig, times):
    db = tmp_path / "archive.db"
    child, log = start_crawl(web, db)
    try:
        wait_for(lambda: documents(db) >= 30, timeout=120, what="30 archived postings")
        child.send_signal(sig)
        if times == 2:
            wait_for(lambda: b"shutting down gracefully" in log.read_bytes(), what="Scrapy's graceful stop")
            child.send_signal(sig)
        out, _ = child.communicate(timeout=120)
    finally:
        child.kill()
    assert child.returncode == 128 + sig, log.read_text(errors="replace")[-3000:]
    run_id, status, summary = query_rows(db, "SELECT id, status, summary FROM runs")[0]
    assert status == "interrupted"
    assert f"run {run_id}: interrupted" in out
    archived = documents(db)
    assert 30 <= archived < TOTAL, "the crawl was stopped before it finished"
    site_statuses = {s for (s,) in query_rows(db, "SELECT status FROM run_sites WHERE run_id = ?", (run_id,))}
    assert site_statuses == {"interrupted"}
    assert '"new"' in summary  # what was done is recorded
    new = sum(n for (n,) in query_rows(db, "SELECT new FROM run_sites WHERE run_id = ?", (run_id,)))
    assert new == archived
    assert query_rows(db, "SELECT count(*) FROM events WHERE kind = 'removed'") == [(0,)]
    assert query_rows(db, "SELECT count(*) FROM health_checks WHERE status = 'fail'") == [(0,)], \
        "an unfinished walk proves nothing: no health check fails on it"
    assert not db.with_name("archive.db.lock").exists()


def test_the_scheduler_records_a_stopped_crawl_interrupted(web, tmp_path):
    from archive.ops.config import load_config
    from archive.ops.execute import Supervisor, run_group

    db = tmp_path / "archive.db"
    config = tmp_path / "schedule.yaml"
    config.write_text(yaml.safe_dump({
        "db": str(db), "sites_file": str(web.sites_file), "mirror": web.server.url,
        "crawl_command": [sys.executable, "-m", "crawler.cli", "crawl"],
        "extra_args": ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DUCHA_PROGRESS_INTERVAL=0",
                       "-s", f"DUCHA_CLOCK={START}T10:00:00+08:00"],
        "groups": [{"name": "all", "sites": [], "hour": "9", "timeout_s": 300}],
    }))
    supervisor = Supervisor()
    results = []
    worker = threading.Thread(target=lambda: results.append(run_group(load_config(config), "all",
                                                                      supervisor=supervisor)))
    worker.start()
    wait_for(lambda: documents(db) >= 30, timeout=120, what="30 archived postings")
    supervisor.stop()  # what the scheduler does on SIGTERM: SIGTERM to the running crawl
    worker.join(timeout=120)
    assert results and results[0].outcome == "interrupted", results
    assert results[0].exit_code == 128 + signal.SIGTERM
    assert query_rows(db, "SELECT outcome FROM scheduled_runs") == [("interrupted",)]
    assert query_rows(db, "SELECT status FROM runs") == [("interrupted",)]


@pytest.mark.parametrize("code", [130, 143])
def test_the_scheduler_reads_a_crawl_stopped_from_outside_as_interrupted(code):
    """systemd or an operator may signal the crawl itself: its exit status says interrupted, not error."""
    from archive.ops.config import Group, OpsConfig
    from archive.ops.execute import Supervisor, _wait

    child = subprocess.Popen([sys.executable, "-c", f"raise SystemExit({code})"])
    assert _wait(child, Group(name="all"), OpsConfig(), Supervisor()) == (code, "interrupted")


def assert_stopped_at_the_first_failed_write(child: subprocess.Popen, db: Path, log: Path) -> None:
    """Exit 74 with a summary, a few error lines (not one per posting), the run and its sites recorded."""
    out, _ = child.communicate(timeout=300)
    text = log.read_text(errors="replace")
    assert child.returncode == 74, text[-3000:]
    assert "run 1: failed" in out and "STOPPED: disk full" in text
    assert text.count(" ERROR: ") <= 12, "stop at once, do not try every posting"
    assert "Traceback" not in text
    assert query_rows(db, "SELECT status FROM runs") == [("failed",)]
    assert {s for (s,) in query_rows(db, "SELECT status FROM run_sites")} == {"interrupted"}
    assert 0 < documents(db) < TOTAL
    assert not db.with_name("archive.db.lock").exists()


def test_a_size_capped_archive_stops_the_crawl_at_the_first_failed_write(web, tmp_path):
    db = tmp_path / "archive.db"
    child, log = start_crawl(web, db, "-s", "DUCHA_MAX_DB_PAGES=100")  # 80 pages hold the empty schema
    assert_stopped_at_the_first_failed_write(child, db, log)


@pytest.fixture
def small_disk(tmp_path) -> Path:
    """An 8 MB tmpfs (needs root; skipped otherwise)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=False,
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_stops_the_crawl_at_the_first_failed_write(web, tmp_path, small_disk):
    db = small_disk / "archive.db"
    child, log = start_crawl(web, db, log=tmp_path / "crawl.log")
    assert_stopped_at_the_first_failed_write(child, db, log)
