"""Done-when: the real scheduler runs the real ``ducha crawl`` against the simulated web.

Run 1 is healthy and its new 四川 验收销号 postings match a saved watch; then sc-sthjt's layout
breaks and hb-sthjt starts answering 412 JS-cookie challenges (it is not marked ``challenge: browser``
in the simulated sites file), and the next scheduled run fails its health checks: the webhook and the
SMTP receivers get the digest.
"""
from __future__ import annotations

import sys
import urllib.request
from datetime import date

import pytest
import yaml

from tests.ops.conftest import query_rows

SPEED = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY_JITTER=0",
         "-s", "DUCHA_PROGRESS_INTERVAL=0", "-s", "RETRY_TIMES=0"]


def _lines(text: str) -> list[str]:
    """'site check' of each '  - site check: detail' line of a digest."""
    return [line[4:].split(":", 1)[0] for line in text.splitlines() if line.startswith("  - ")]


@pytest.fixture
def sim():
    """The simulated provincial web on loopback (12 postings per site, day 0 = today so nothing is stale)."""
    from simweb.server import serve_in_thread
    from simweb.world import World

    server = serve_in_thread(World(seed=1, docs_per_site=12, start_date=date.today()), day=0)
    yield server
    server.close()


def test_scheduled_crawls_alert_on_broken_sites_and_watch_matches(tmp_path, sim, webhook, smtp, start_scheduler,
                                                                 poll):
    """Healthy run with a keyword digest, then layout-broken + 412-challenged sites fail their checks → alerts."""
    host, port, messages = smtp
    sites = tmp_path / "sites.yaml"
    sites.write_bytes(urllib.request.urlopen(f"{sim.url}/_sim/sites.yaml", timeout=10).read())
    assert "challenge" not in sites.read_text(encoding="utf-8")
    config = tmp_path / "schedule.yaml"
    config.write_text(yaml.safe_dump({
        "db": str(tmp_path / "archive.db"), "sites_file": str(sites), "mirror": sim.url,
        "crawl_command": [sys.executable, "-m", "crawler.cli", "crawl"], "extra_args": SPEED,
        "groups": [{"name": "provinces", "sites": ["sc-sthjt", "hb-sthjt"], "hour": "*", "minute": "*",
                    "second": "*/3", "timeout_s": 90}],
        "alerts": {"webhook_url": webhook.url, "log_file": str(tmp_path / "alerts.jsonl"),
                   "smtp": {"host": host, "port": port, "from": "ducha@example.org", "to": ["desk@example.org"]}},
        "watches": [{"name": "四川验收销号", "query": "验收销号", "region": "四川"}],
    }, allow_unicode=True))
    db = tmp_path / "archive.db"
    sched = start_scheduler(config)
    poll(lambda: query_rows(db, "SELECT 1 FROM run_ops"), timeout=60, what="a first processed run")
    first = query_rows(db, "SELECT run_id, checks_failed, watch_matches FROM run_ops ORDER BY run_id")[0]
    assert first[1] == 0 and first[2] > 0, first
    digest = poll(lambda: [b for b in webhook.bodies if b["matches"]], what="the keyword digest on the webhook")[0]
    assert all("验收销号" in m["title"] or m["title"] for m in digest["matches"])
    assert {m["site_id"] for m in digest["matches"]} == {"sc-sthjt"}
    assert poll(lambda: [m for m in messages if "match saved watches" in m["Subject"]], what="the digest e-mail")

    sim.set_fault("sc-sthjt", "layout-broken")
    sim.set_fault("hb-sthjt", "challenge")
    last_ok = query_rows(db, "SELECT max(run_id) FROM run_ops")[0][0]

    def failed_checks() -> set[tuple[str, str]]:
        return set(query_rows(db, 'SELECT site_id, "check" FROM health_checks WHERE status = \'fail\' AND run_id > ?',
                          (last_ok,)))

    # a run in flight when the faults were set may see only one of them: wait for a run that saw both
    both = {("sc-sthjt", "zero_postings"), ("hb-sthjt", "block_rate")}
    poll(lambda: both <= failed_checks(), timeout=60, what="failed health checks after the faults")
    assert poll(lambda: [b for b in webhook.bodies if {(c["site_id"], c["check"]) for c in b["checks"]} >= both],
                what="the health alert on the webhook")
    assert poll(lambda: [m for m in messages if "health check(s) failed" in m["Subject"]
                           and {"sc-sthjt zero_postings", "hb-sthjt block_rate"} <= set(_lines(m.get_content()))],
                what="the alert e-mail")
    assert sched.stop(timeout=60) == 0
    outcomes = {o for (o,) in query_rows(db, "SELECT outcome FROM scheduled_runs")}
    assert outcomes <= {"ok", "failed_sites", "interrupted"}
    assert (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").count("\n") >= 2
