"""The README's first command: ``ducha demo`` (here without serving) crawls every simulated family."""
from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys

from archive.store import Archive


def test_demo_crawls_every_family_on_each_simulated_day(tmp_path):
    db = tmp_path / "archive.db"
    command = [sys.executable, "-m", "crawler.cli", "demo", "--db", str(db), "--days", "1",
               "--docs-per-site", "10", "--no-serve"]
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Remote control HTTP server" not in result.stderr, "a crawl must not open a code-execution port"
    assert "Telnet console listening" not in result.stderr
    conn = sqlite3.connect(db)
    assert [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")] == ["ok", "ok"]
    per_site = dict(conn.execute("SELECT site_id, count(*) FROM documents GROUP BY site_id").fetchall())
    assert set(per_site) == {"mee", "hn-sthjt", "js-sthjt", "sc-sthjt", "gd-gdee", "hb-sthjt", "zt-sthjj", "pj-sthjj"}
    assert all(n >= 10 for n in per_site.values())
    untitled = conn.execute("SELECT count(*) FROM documents WHERE title IS NULL OR title = '' "
                            "OR title LIKE '%…' OR title LIKE '%...' OR publish_date IS NULL").fetchone()[0]
    assert untitled == 0
    assert (tmp_path / "warc").is_dir()


def run_demo_command(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """``ducha demo`` in a subprocess (a short timeout: these refusals must come before any crawl)."""
    return subprocess.run([sys.executable, "-m", "crawler.cli", "demo", *args], check=False, capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)


def test_demo_on_a_busy_port_fails_before_crawling(tmp_path):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        result = run_demo_command(tmp_path, "--db", "archive.db", "--port", str(port), "--days", "0",
                                  "--docs-per-site", "10")
    assert result.returncode != 0
    assert f"port {port} is not free" in result.stderr and "--port" in result.stderr
    assert not (tmp_path / "archive.db").exists(), "nothing was crawled"


def test_demo_refuses_an_archive_that_already_holds_runs(tmp_path):
    db = tmp_path / "archive.db"
    with Archive(db) as archive:
        archive.finish_run(archive.begin_run(now="2026-11-02T10:00:00+08:00"), status="ok")
    result = run_demo_command(tmp_path, "--db", str(db), "--no-serve", "--days", "0", "--docs-per-site", "10")
    assert result.returncode == 2
    assert "--fresh" in result.stderr and "--db" in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1, "no false day 0 was added"
