"""Politeness: robots.txt obeyed (with a per-site override), an identifying User-Agent,
one request at a time per host with a delay, and Retry-After understood."""
from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import pairwise

import pytest

from crawler.demo import crawl_command
from crawler.middlewares import retry_after_seconds
from crawler.settings import USER_AGENT
from tests.crawler.fakesite import SITES, FakeSite

DISALLOW_DOC3 = "User-agent: *\nDisallow: /gsgg/2026/doc3.html\n"


def _crawl(site: FakeSite, tmp_path, sites_text: str, *settings: str) -> subprocess.CompletedProcess:
    sites = tmp_path / "sites.yaml"
    sites.write_text(sites_text, encoding="utf-8")
    command = crawl_command(db=str(tmp_path / "archive.db"), sites_file=str(sites), mirror=site.url,
                            clock="2026-11-20T10:00:00+08:00", extra=list(settings))
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)


@pytest.fixture
def robots_site():
    """A fake site whose robots.txt disallows one posting."""
    site = FakeSite(robots=DISALLOW_DOC3)
    yield site
    site.close()


def test_robots_txt_is_obeyed_and_user_agent_identifies_us(robots_site, tmp_path):
    assert _crawl(robots_site, tmp_path, SITES).returncode == 0
    paths = [p for p, _, _ in robots_site.requests]
    assert "/gsgg/2026/doc3.html" not in paths
    assert "/gsgg/2026/doc1.html" in paths and paths[0] == "/robots.txt"
    assert {ua for _, ua, _ in robots_site.requests} == {USER_AGENT}
    assert "DuchaArchive" in USER_AGENT and "+http" in USER_AGENT


def test_a_site_can_override_robots_txt(robots_site, tmp_path):
    sites = SITES.replace("    level: city\n", "    level: city\n    obey_robots: false\n")
    assert _crawl(robots_site, tmp_path, sites).returncode == 0
    assert "/gsgg/2026/doc3.html" in [p for p, _, _ in robots_site.requests]


def test_one_request_at_a_time_per_host_with_a_delay(tmp_path):
    site = FakeSite(latency=0.05)
    try:
        result = _crawl(site, tmp_path, SITES, "-s", "DOWNLOAD_DELAY=0.3", "-s", "DOWNLOAD_DELAY_JITTER=0",
                        "-s", "AUTOTHROTTLE_ENABLED=False")
    finally:
        site.close()
    assert result.returncode == 0, result.stderr[-2000:]
    assert site.max_in_flight == 1
    starts = [t for path, _, t in site.requests if path != "/robots.txt"]
    assert len(starts) >= 7  # list + 3 pages + 3 attachments
    gaps = [b - a for a, b in pairwise(starts)]
    # the server sees arrival times, which a loaded machine shifts: a request arriving late by d shortens the gap
    # after it by d and lengthens the one before (0.077 s seen under load 9 between gaps of 0.56 and 0.35), and the
    # first request, which opens the connection, may arrive late with no gap before it to lengthen (gaps 0.11, then
    # five of 0.30, seen in a whole-suite run).  So the whole walk is held to the delay per request but one, and every
    # two consecutive gaps (two delays, 0.6 s, less one late arrival) to half of that: an impolite crawler's walk
    # (0.05 s latency a request) is ~0.3 s for these 7 requests, against the 1.5 s asked
    assert starts[-1] - starts[0] >= 0.3 * (len(gaps) - 1), gaps
    assert min(b - a for a, b in zip(starts, starts[2:])) >= 0.3, gaps


def test_retry_after_is_read_in_seconds_and_as_a_date():
    now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=90), usegmt=True), now=now) == 90.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=90), usegmt=True), now=now) == 0.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
