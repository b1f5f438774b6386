"""The real ``ducha crawl`` against the simulated web on a simulated clock: a site that starts answering
412 challenges (and is not marked ``challenge: browser``) fails its health checks, the alert reaches
the webhook, and the next failing run is marked as a repeat.  Every check uses the crawl clock
(``DUCHA_CLOCK``, 2025 here), so none may fail on the healthy first run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from archive.ops.status import format_status, status_exit_code

REPO = Path(__file__).resolve().parents[2]
START = date(2025, 3, 3)
SPEED = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY_JITTER=0",
         "-s", "DUCHA_PROGRESS_INTERVAL=0", "-s", "RETRY_TIMES=0"]


@pytest.fixture
def sim():
    """The simulated web starting on 2025-03-03 (12 postings per site)."""
    from simweb.server import serve_in_thread
    from simweb.world import World

    server = serve_in_thread(World(seed=1, docs_per_site=12, start_date=START), day=0)
    yield server
    server.close()


def _clock(day: int) -> datetime:
    return datetime.combine(START + timedelta(days=day), datetime.min.time().replace(hour=9),
                            tzinfo=ZoneInfo("Asia/Shanghai"))


def test_412_challenge_fails_health_checks_and_alerts_on_the_crawl_clock(tmp_path, sim, webhook):
    """Day 0 healthy; days 1 and 2 answer 412: block_rate and zero_postings fail, alerted, then 'still failing'."""
    sites = urllib.request.urlopen(f"{sim.url}/_sim/sites.yaml", timeout=10).read().decode("utf-8")
    assert "challenge" not in sites                      # hb-sthjt is not marked `challenge: browser` here
    (tmp_path / "sites.yaml").write_text(sites, encoding="utf-8")
    db = tmp_path / "archive.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUCHA_")}
    env.update(PYTHONPATH=str(REPO), DUCHA_ALERT_WEBHOOK=webhook.url, DUCHA_LOG_LEVEL="WARNING")

    def crawl(day: int) -> subprocess.CompletedProcess:
        sim.set_day(day)
        return subprocess.run([sys.executable, "-m", "crawler.cli", "crawl", "--db", str(db), "--sites",
                               str(tmp_path / "sites.yaml"), "--mirror", sim.url, "--site", "hb-sthjt", *SPEED,
                               "-s", f"DUCHA_CLOCK={_clock(day).isoformat()}"],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)

    healthy = crawl(0)
    assert healthy.returncode == 0, healthy.stderr[-2000:]
    assert webhook.bodies == []                          # nothing stale or unreached by the 2025 clock
    sim.set_fault("hb-sthjt", "challenge")
    for day in (1, 2):
        blocked = crawl(day)
        assert blocked.returncode == 1 and "FAILED hb-sthjt: blocked" in blocked.stderr
    first, second = webhook.bodies
    assert {(c["site_id"], c["check"]) for c in first["checks"]} == {("hb-sthjt", "block_rate"),
                                                                     ("hb-sthjt", "zero_postings")}
    assert not any(c["repeat"] for c in first["checks"])
    assert "blocked" in next(c["detail"] for c in first["checks"] if c["check"] == "zero_postings")
    assert all(c["repeat"] and c["failing_since"] == _clock(1).isoformat() and c["failing_runs"] == 2
               for c in second["checks"])
    assert "still failing since 2025-03-04 (2 runs)" in second["text"]
    assert status_exit_code(db, now=_clock(2)) == 1
    line = next(s for s in format_status(db).splitlines() if s.startswith("hb-sthjt"))
    assert " blocked " in line and "FAIL block_rate" in line and "[since 2025-03-04, 2 runs]" in line
