"""One error path for an archive that cannot be used: every command names the file and what to do, exits with
the documented code (docs/operations.md, "Exit codes"), prints no traceback and leaves the file untouched.
Readers work on read-only media; writers say they cannot write there."""
from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.models import PageCapture
from archive.store import Archive
from archive.warc import WarcWriter
from crawler.cli import main

URL = "https://www.mee.gov.cn/dczg/202611/t20261120_1.shtml"
DUCHA = str(Path(sys.executable).with_name("ducha"))
READERS = [["status"], ["runs"], ["verify"], ["evidence", "1"], ["report", "timeliness"], ["report", "ledger"],
           ["serve", "--port", "1"]]
WRITERS = [["crawl", "--sites", "SITES"], ["ocr"], ["migrate"]]
LIST = ["schedule", "--list"]


def build_archive(db: Path) -> None:
    """A small real archive: one site, one posting whose WARC evidence verifies, the WAL checkpointed away."""
    page = "<html><body>关于整改验收销号情况的公示</body></html>".encode()
    with Archive(db, warc_dir=db.parent / "warc") as archive:
        archive.upsert_sites([{"id": "mee", "name": "生态环境部", "region": "全国", "level": "national",
                               "start_urls": ["https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml"]}])
        with WarcWriter(db.parent / "warc", run_id=1) as writer:
            ref = writer.write_exchange(url=URL, status=200, response_headers=[("Content-Type", "text/html")],
                                        body=page, fetched_at="2026-11-23T09:00:00+08:00")
        archive.ingest(PageCapture(site_id="mee", url=URL, fetched_at="2026-11-23T09:00:00+08:00", http_status=200,
                                   title="关于整改验收销号情况的公示", body_text="现予以公示。",
                                   publish_date="2026-11-20", raw_sha256=hashlib.sha256(page).hexdigest(), warc=ref))


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    """A usable archive file (copied by each case)."""
    db = tmp_path_factory.mktemp("good") / "archive.db"
    build_archive(db)
    return db


def damaged(kind: str, folder: Path, good: Path) -> Path:
    """An archive path in ``folder``: random bytes, a truncated copy of a real archive, or none."""
    db = folder / "archive.db"
    if kind == "random":
        db.write_bytes(os.urandom(50_000))
    elif kind == "truncated":
        data = good.read_bytes()
        db.write_bytes(data[: len(data) // 2])
    return db


def invoke(args: list[str], db: Path, tmp: Path):
    """Run ``ducha ARGS --db DB`` in process (``schedule --list`` gets the archive through DUCHA_DB)."""
    sites = tmp / "sites.yaml"
    sites.write_text("sites: []\n", encoding="utf-8")
    args = [str(sites) if a == "SITES" else a for a in args]
    if args[0] == "schedule":
        return CliRunner().invoke(main, args, env={"DUCHA_DB": str(db), "DUCHA_SCHEDULE": None})
    return CliRunner().invoke(main, [*args, "--db", str(db), *(["--out", str(tmp / "ev")] if "evidence" in args
                                                                else [])])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in ``folder`` with its bytes and mtime (``-wal``, ``-shm``, journals and lock files included)."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


CASES = [("random", 65, "is not an SQLite database"), ("truncated", 65, "is truncated"), ("missing", 66, "no archive here")]


@pytest.mark.parametrize("kind, code, message, args", [
    pytest.param(*case, args, id=f"{' '.join(args[:2])}-{case[0]}") for case in CASES
    for args in [*READERS, *WRITERS, LIST] if not (case[0] == "missing" and args[0] == "crawl")])  # a crawl creates it
def test_an_unusable_archive_gives_a_message_and_its_exit_code(tmp_path, good, kind, code, message, args):
    folder = tmp_path / "data"
    folder.mkdir()
    db = damaged(kind, folder, good)
    before = snapshot(folder)
    result = invoke(args, db, tmp_path)
    if kind == "missing" and args[0] == "schedule":  # the scheduler needs no archive to list its jobs
        code, message = 0, "none yet"
    assert result.exit_code == code, result.output
    assert message in result.output and (code == 0 or str(db) in result.output)
    assert "Traceback" not in result.output and isinstance(result.exception, (SystemExit, type(None)))
    assert snapshot(folder) == before  # nothing written, created or touched beside it either


def test_no_traceback_from_a_real_process(tmp_path):
    """The same through the console script: one line on stderr, exit 65."""
    db = tmp_path / "archive.db"
    db.write_bytes(b"not sqlite at all" * 100)
    done = subprocess.run([DUCHA, "status", "--db", str(db)], check=False, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 65
    assert done.stderr.strip().splitlines() == [(
        f"ducha: {db}: is not an SQLite database (a Ducha archive is one); the file was left as it is: restore it "
        "from a backup, or move it away and let `ducha crawl` start a new archive")]


@pytest.fixture
def read_only(tmp_path, good):
    """A usable archive (with its WARC folder) on read-only media: a read-only bind mount as root, else
    permissions (which do not stop root)."""
    src, mnt = tmp_path / "src", tmp_path / "ro"
    shutil.copytree(good.parent, src)
    mnt.mkdir()
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "--bind", "-o", "ro", str(src), str(mnt)], check=False, capture_output=True,
                              text=True)
        if done.returncode != 0:
            pytest.skip(f"a read-only bind mount is not allowed here: {done.stderr.strip()}")
        try:
            yield mnt / "archive.db"
        finally:
            if subprocess.run(["umount", str(mnt)], check=False).returncode:
                subprocess.run(["umount", "-l", str(mnt)], check=True)  # still open somewhere: detach it
                pytest.fail("the read-only archive was still open after the command")
        return
    for path in [src / "archive.db", src / "warc", src]:
        path.chmod(0o555)
    yield src / "archive.db"


@pytest.mark.parametrize("args", [a for a in READERS if a[0] != "serve"] + [LIST], ids=lambda a: " ".join(a[:2]))
def test_readers_work_on_read_only_media(read_only, tmp_path, args):
    before = snapshot(read_only.parent)
    result = invoke(args, read_only, tmp_path)
    assert result.exit_code == (3 if args == ["status"] else 0), result.output  # status: no run in 36 h
    assert "Traceback" not in result.output and "ducha:" not in result.output
    if args[0] == "verify":
        assert "1 WARC records" in result.output and result.output.rstrip().endswith("ok")
    if args[0] == "evidence":
        assert (tmp_path / "ev" / "1.warc.gz").exists()
    assert snapshot(read_only.parent) == before


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: a[0])
def test_writers_say_they_cannot_write_on_read_only_media(read_only, tmp_path, args):
    result = invoke(args, read_only, tmp_path)
    assert result.exit_code == 73, result.output
    assert f"{read_only}: cannot be written (read-only media or permissions)" in result.output
    assert "Traceback" not in result.output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_works_on_read_only_media(read_only):
    """Datasette serves the archive read-only (immutable where no ``-shm`` can be made)."""
    port = free_port()
    proc = subprocess.Popen([DUCHA, "serve", "--db", str(read_only), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, body = time.monotonic() + 60, ""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive/documents.json?_shape=array",
                                            timeout=5) as response:
                    body = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)  # polling for the server to listen, bounded by the deadline
        assert URL in body, proc.stdout.read() if proc.poll() is not None else "no answer"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_an_outdated_archive_asks_for_a_migration_then_works(tmp_path, good):
    """Readers refuse an archive a migration behind (exit 78, naming ``ducha migrate``) and change nothing;
    ``ducha migrate`` brings it up to date."""
    import sqlite3

    from archive.schema import CORE

    db = tmp_path / "data" / "archive.db"
    db.parent.mkdir()
    shutil.copy(good, db)
    last = [m.name for m in CORE._migrations][-1]
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", (CORE.name, last))
    conn.close()
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    result = invoke(["runs"], db, tmp_path)
    assert result.exit_code == 78, result.output
    assert f"pending: ducha-core/{last}" in result.output and f"ducha migrate --db {db}" in result.output
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before  # SQLite's empty -wal and -shm aside
    assert db.with_name("archive.db-wal").stat().st_size == 0
    assert invoke(["migrate"], db, tmp_path).exit_code == 0
    assert invoke(["runs"], db, tmp_path).exit_code == 0


def test_the_scheduler_refuses_read_only_media(read_only):
    """``ducha schedule`` writes (its lock, job store, bookkeeping): exit 73 before making anything."""
    before = snapshot(read_only.parent)
    done = subprocess.run([DUCHA, "schedule"], check=False, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "DUCHA_DB": str(read_only), "DUCHA_SCHEDULE": ""})
    assert done.returncode == 73, done.stderr[-2000:]
    assert "cannot be written" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(read_only.parent) == before
