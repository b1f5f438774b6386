"""An attachment replaced at the same URL behind a page that still answers 304 is caught on its posting's
rotation day (``archive.recheck``), and not requested on other days."""
from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest

from archive.recheck import RECHECK_DAYS, turn_of
from crawler.demo import crawl_command
from tests.crawler.fakesite import HOST, SITES, FakeSite


@pytest.fixture
def fake_site():
    """The fake site, served on loopback for one test."""
    site = FakeSite()
    yield site
    site.close()


def rotation_day(url: str, after: date) -> date:
    """The first day after ``after`` on which ``url`` has its rotation turn."""
    day = after + timedelta(days=1)
    while day.toordinal() % RECHECK_DAYS != turn_of(url, RECHECK_DAYS):
        day += timedelta(days=1)
    return day


def test_swapped_attachment_behind_a_304_page_makes_a_new_version_on_its_rotation_day(fake_site, tmp_path):
    sites, db = tmp_path / "sites.yaml", tmp_path / "archive.db"
    sites.write_text(SITES, encoding="utf-8")

    def crawl(day: date) -> subprocess.CompletedProcess:
        command = crawl_command(db=str(db), sites_file=str(sites), mirror=fake_site.url, clock=f"{day}T10:00:00+08:00")
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)

    first = date(2026, 11, 20)
    assert crawl(first).returncode == 0
    fake_site.files[2] = "第2项验收销号表 第2版（更正）".encode()
    turn = rotation_day(f"http://{HOST}/gsgg/2026/doc2.html", first + timedelta(days=3))  # its 公示 is over
    fake_site.requests.clear()
    assert crawl(turn - timedelta(days=1)).returncode == 0  # not its day: the file is not asked for
    assert "/files/2.txt" not in [path for path, _, _ in fake_site.requests]
    result = crawl(turn)
    assert result.returncode == 0, result.stderr[-2000:]

    import sqlite3

    conn = sqlite3.connect(db)
    events = conn.execute("SELECT d.url, e.kind, e.detail, e.run_id FROM events e JOIN documents d "
                          "ON d.id = e.document_id WHERE e.run_id > 1").fetchall()
    assert [(url.rsplit("/", 1)[-1], kind, detail, run) for url, kind, detail, run in events] == [
        ("doc2.html", "changed", '{"changed": ["attachments"]}', 3)]
    texts = [t for (t,) in conn.execute("SELECT a.text FROM attachments a JOIN documents d ON d.id = a.document_id "
                                         "WHERE d.url LIKE '%doc2.html' ORDER BY a.id")]
    assert texts == ["第2项验收销号表 第1版", "第2项验收销号表 第2版（更正）"]


def test_an_oversized_attachment_is_recorded_as_an_error_and_the_posting_kept(fake_site, tmp_path):
    sites, db = tmp_path / "sites.yaml", tmp_path / "archive.db"
    sites.write_text(SITES, encoding="utf-8")
    fake_site.files[3] = "超大附件".encode() * 100_000  # 1.2 MB
    command = crawl_command(db=str(db), sites_file=str(sites), mirror=fake_site.url,
                            clock="2026-11-20T10:00:00+08:00", extra=["-s", "DUCHA_MAX_ATTACHMENT_BYTES=100000"])
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]

    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT d.url, a.sha256, a.error FROM attachments a JOIN documents d "
                        "ON d.id = a.document_id ORDER BY d.url").fetchall()
    assert [(url.rsplit("/", 1)[-1], sha is not None) for url, sha, _ in rows] == [
        ("doc1.html", True), ("doc2.html", True), ("doc3.html", False)]
    assert "DUCHA_MAX_ATTACHMENT_BYTES=100000" in rows[2][2]
    assert conn.execute("SELECT count(*) FROM documents WHERE status = 'live'").fetchone()[0] == 3
