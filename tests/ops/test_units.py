"""Library-level tests of archive.ops: config, lock, run bookkeeping, health checks, watches, alerts, status."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from archive.errors import ArchiveMissingError
from archive.ops import after_run, crawl_lock
from archive.ops.alerts import Digest, send_digest
from archive.ops.config import AlertConfig, Group, OpsConfig, SmtpConfig, Watch, load_config
from archive.ops.errors import ConfigError, CrawlLockBusy
from archive.ops.health import Streak, failure_streak, run_health_checks
from archive.ops.lock import LOCK_FD_ENV, lock_path
from archive.ops.runs import fill_run_sites, mark_crashed_runs
from archive.ops.status import format_runs, format_status, status_exit_code
from archive.store import Archive

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
COUNTS = {"list_pages": 2, "entries": 10, "details": 8, "attachments": 0, "new": 2, "changed": 1, "removed": 0,
          "restored": 0, "unreachable": 0, "blocked": 0, "errors": 0, "list_errors": 0}


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    """An empty archive with one registered site in 四川省."""
    a = Archive(tmp_path / "archive.db")
    a.upsert_sites([{"id": "sc", "name": "四川省生态环境厅", "region": "四川省", "level": "province",
                     "start_urls": ["https://sthjt.sc.gov.cn/x/"]}])
    yield a
    a.close()


def _run(a: Archive, at: datetime, counts: dict, status: str = "ok") -> int:
    run_id = a.begin_run(now=at)
    a.finish_run(run_id, status=status, now=at + timedelta(minutes=5), summary={"sc": counts})
    return run_id


def _doc(a: Archive, doc_id: int, day: str, title: str, run_id: int) -> None:
    a.conn.execute("INSERT INTO documents (id, site_id, url, title, publish_date, first_seen_at) VALUES"
                   " (?, 'sc', ?, ?, ?, ?)", (doc_id, f"https://sthjt.sc.gov.cn/{doc_id}", title, day, day))
    a.conn.execute("INSERT INTO events (document_id, run_id, kind, at) VALUES (?, ?, 'new', ?)", (doc_id, run_id, day))
    a.conn.commit()


def test_config_refuses_weekday_numbers_and_env_wins(tmp_path):
    """day_of_week must use names (APScheduler's 0 is Monday); DUCHA_* variables override the file."""
    path = tmp_path / "schedule.yaml"
    path.write_text("groups:\n  - {name: g, day_of_week: '1-5'}\n")
    with pytest.raises(ConfigError, match="day names"):
        load_config(path, env={})
    path.write_text("db: a.db\ngroups:\n  - {name: g, day_of_week: mon-fri, hour: 6, minute: 30}\n"
                    "alerts: {smtp: {host: mail, to: [a@b.c]}}\n")
    cfg = load_config(path, env={"DUCHA_DB": "/srv/x.db", "DUCHA_SMTP_PASSWORD": "pw"})
    assert cfg.db == "/srv/x.db" and cfg.groups[0].cron() == {"day_of_week": "mon-fri", "hour": "6",
                                                              "minute": "30", "second": "0"}
    assert cfg.alerts.smtp.password == "pw" and cfg.timezone == "Asia/Shanghai"
    assert load_config(None, env={}).groups[0].cron()["minute"] == "30"
    assert str(load_config(path, env={}).jobstore_path()).endswith("a.db.jobs.sqlite")


def test_a_group_may_crawl_its_own_sites_file(tmp_path):
    """Issue 23: the city registry runs on its own schedule beside the default registry (paths relative to the file)."""
    from archive.ops.execute import crawl_command
    path = tmp_path / "schedule.yaml"
    path.write_text("db: a.db\ngroups:\n  - {name: provinces}\n"
                    "  - {name: cities, day_of_week: sun, sites_file: sites-cities.yaml, sites: [sjz-gov]}\n")
    cfg = load_config(path, env={})
    provinces, cities = (crawl_command(cfg, g) for g in cfg.groups)
    assert "--sites" not in provinces
    assert cities[cities.index("--sites") + 1] == str(tmp_path / "sites-cities.yaml")
    assert cities[cities.index("--site") + 1] == "sjz-gov"
    path.write_text("sites_file: all.yaml\ngroups:\n  - {name: g}\n")
    only = crawl_command(load_config(path, env={}), load_config(path, env={}).groups[0])
    assert only[only.index("--sites") + 1] == str(tmp_path / "all.yaml")


def test_crawl_lock_excludes_others_and_is_inherited(tmp_path):
    """A second holder is refused; a child given the descriptor uses it; death releases it."""
    db = tmp_path / "archive.db"
    probe = (f"import sys; sys.path.insert(0, {str(Path.cwd())!r}); from archive.ops import crawl_lock\n"
             f"with crawl_lock({str(db)!r}): print('got it')")
    with crawl_lock(db) as fd:
        with pytest.raises(CrawlLockBusy, match="already running"), crawl_lock(db):
            pass
        env = {**os.environ, LOCK_FD_ENV: str(fd)}
        inherited = subprocess.run([sys.executable, "-c", probe], check=False, env=env, pass_fds=(fd,), capture_output=True,
                                   text=True, timeout=30)
        assert inherited.stdout.strip() == "got it", inherited.stderr
        refused = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=30)
        assert refused.returncode != 0 and "CrawlLockBusy" in refused.stderr
    assert not lock_path(db).exists(), "the lock file is deleted when its holder lets go"
    with crawl_lock(db):
        pass


def test_mark_crashed_runs_and_run_sites_mapping(archive):
    """A 'running' run of a dead pid becomes crashed, a live one stays; counters map onto run_sites."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    crashed = archive.begin_run(now=NOW, pid=dead.pid)
    alive = archive.begin_run(now=NOW)
    assert mark_crashed_runs(archive.db, now=NOW) == [crashed]
    assert [r[0] for r in archive.conn.execute("SELECT status FROM runs ORDER BY id")] == ["crashed", "running"]
    archive.finish_run(alive, now=NOW, summary={"sc": COUNTS})
    assert fill_run_sites(archive.db, alive) == 1
    row = next(Database(archive.conn).query("SELECT * FROM run_sites"))
    assert (row["pages"], row["postings_seen"], row["new"], row["changed"], row["status"]) == (10, 10, 2, 1, "ok")


def test_health_checks_fire_on_broken_blocked_stale_and_unreached_sites(tmp_path, archive):
    """Each check fails on its own condition and passes on a healthy run."""
    first = _run(archive, NOW - timedelta(days=10), COUNTS)
    for i, day in enumerate(["2026-11-04", "2026-11-07", "2026-11-10", "2026-11-12"]):
        _doc(archive, i + 1, day, f"posting {i}", first)
    cfg = OpsConfig(db=str(archive.path))
    report = after_run(archive.path, first, now=NOW - timedelta(days=10), config=cfg)
    assert {c.check for c in report.checks if c.status == "fail"} == set()
    broken = _run(archive, NOW, {**COUNTS, "entries": 0, "details": 0, "list_pages": 1, "blocked": 5})
    report = after_run(archive.path, broken, now=NOW, config=cfg)
    failed = {c.check for c in report.failed_checks}
    assert failed == {"zero_postings", "block_rate"}
    later = _run(archive, NOW + timedelta(days=5), {**COUNTS, "list_pages": 0, "details": 0, "entries": 0,
                                                    "list_errors": 3})
    report = after_run(archive.path, later, now=NOW + timedelta(days=5), config=cfg)
    assert {c.check for c in report.failed_checks} == {"unreached", "error_rate", "zero_postings", "stale_newest"}
    assert after_run(archive.path, later, config=cfg).already_done


def test_watch_digest_reaches_webhook_smtp_and_log(tmp_path, archive, webhook, smtp):
    """New postings matching a watch go out once, as one digest, on all three channels."""
    host, port, messages = smtp
    run_id = _run(archive, NOW, COUNTS)
    _doc(archive, 1, "2026-11-22", "关于某整改任务验收销号的公示", run_id)
    _doc(archive, 2, "2026-11-22", "关于某整改任务验收销号的公示（二）", run_id)
    _doc(archive, 3, "2026-11-22", "环评受理公示", run_id)
    alerts = AlertConfig(webhook_url=webhook.url, log_file=str(tmp_path / "alerts.jsonl"),
                         smtp=SmtpConfig(host=host, port=port, to=("desk@example.org",)))
    cfg = OpsConfig(db=str(archive.path), alerts=alerts, watches=(Watch("四川验收销号", "验收 销号", region="四川"),
                                                                  Watch("湖南", "验收销号", region="湖南")))
    report = after_run(archive.path, run_id, now=NOW, config=cfg)
    assert sorted(m.document_id for m in report.matches) == [1, 2]
    assert report.alerts == {"log": "ok", "webhook": "ok", "email": "ok"}
    assert len(webhook.bodies) == 1 and len(webhook.bodies[0]["matches"]) == 2
    assert len(messages) == 1 and "验收销号" in messages[0].get_content()
    assert json.loads((tmp_path / "alerts.jsonl").read_text(encoding="utf-8"))["run_id"] == run_id
    assert after_run(archive.path, run_id, now=NOW, config=cfg, force=True).matches == []   # once per posting


def test_failed_channel_is_recorded_not_fatal(archive, webhook):
    """A webhook answering 500 is recorded with ok=0; the log channel still succeeds."""
    webhook.status = 500
    result = send_digest(archive.db, AlertConfig(webhook_url=webhook.url, webhook_timeout_s=2),
                         Digest(subject="[ducha] test", kind="job", notes=["x"]), now=NOW)
    assert result["log"] == "ok" and "500" in result["webhook"]
    rows = list(archive.conn.execute("SELECT channel, ok FROM alerts_sent ORDER BY channel"))
    assert rows == [("log", 1), ("webhook", 0)]


def test_status_runs_and_exit_codes(tmp_path, archive):
    """``ducha status`` lists sites with health and the next run; exit codes say healthy/unhealthy/stale."""
    with pytest.raises(ArchiveMissingError):  # the CLI's exit 66, like every reader's
        status_exit_code(tmp_path / "missing.db")
    assert status_exit_code(archive.db, now=NOW) == 3
    run_id = _run(archive, NOW, COUNTS)
    after_run(archive.path, run_id, now=NOW, config=OpsConfig(db=str(archive.path)))
    assert status_exit_code(archive.db, now=NOW) == 0
    text = format_status(str(archive.path), now=NOW)
    assert "sc" in text and "next run: unknown" in text
    assert status_exit_code(archive.db, now=NOW + timedelta(days=3)) == 3
    bad = _run(archive, NOW + timedelta(hours=1), {**COUNTS, "entries": 0})
    after_run(archive.path, bad, now=NOW + timedelta(hours=1), config=OpsConfig(db=str(archive.path)))
    assert status_exit_code(archive.db, now=NOW + timedelta(hours=1)) == 1
    assert "FAIL zero_postings" in format_status(str(archive.path))
    runs = format_runs(str(archive.path)).splitlines()
    assert len(runs) == 3 and runs[1].split()[0] == str(bad)


def test_checks_use_the_crawl_clock_never_the_wall_clock(archive):
    """A run in 2024 is judged by its own clock: fresh then, stale 40 days later; a UTC now is a Shanghai date."""
    clock = datetime(2024, 3, 11, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    first = _run(archive, clock, COUNTS)
    for i, day in enumerate(["2024-03-01", "2024-03-04", "2024-03-07", "2024-03-10"]):
        _doc(archive, i + 1, day, f"posting {i}", first)
    cfg = OpsConfig(db=str(archive.path))
    report = after_run(archive.path, first, config=cfg)          # no now: the run's own finished_at
    assert report.failed_checks == []                             # the wall clock (2026) would fail two
    stamps = {at for (at,) in archive.conn.execute("SELECT DISTINCT at FROM health_checks")}
    assert stamps == {(clock + timedelta(minutes=5)).isoformat()}
    late = _run(archive, clock + timedelta(days=40), COUNTS)
    report = after_run(archive.path, late, now=clock + timedelta(days=40), config=cfg)
    stale = next(c for c in report.checks if c.check == "stale_newest")
    assert (stale.status, stale.value) == ("fail", 41)
    utc_evening = datetime(2024, 3, 10, 17, 0, tzinfo=ZoneInfo("UTC"))   # 2024-03-11 01:00 in Shanghai
    results = run_health_checks(archive.db, first, now=utc_evening)
    assert next(c for c in results if c.check == "stale_newest").value == 1


def test_repeated_failures_still_alert_marked_with_since_and_new_ones_first(archive, webhook):
    """Daily runs: every failure alerts (a day apart, repeats are due as reminders), marked 'still failing
    since … (n runs)', new failures first; the run that passes again sends a recovery line."""
    cfg = OpsConfig(db=str(archive.path), alerts=AlertConfig(webhook_url=webhook.url))
    empty = {**COUNTS, "entries": 0}
    days = [NOW + timedelta(days=d) for d in range(5)]
    for at, counts in zip(days, [COUNTS, empty, {**empty, "blocked": 5}, empty, COUNTS], strict=True):
        after_run(archive.path, _run(archive, at, counts), now=at, config=cfg)
    assert [b["subject"].split(": ", 1)[1] for b in webhook.bodies] == [
        "1 health check(s) failed on sc",
        "2 health check(s) failed on sc (1 new, 1 still failing)",
        "1 health check(s) failed on sc (still failing); 1 check(s) recovered on sc",
        "1 check(s) recovered on sc",
    ]
    assert "sc zero_postings: passes again" in webhook.bodies[3]["text"]
    second = webhook.bodies[1]
    assert [(c["check"], c["repeat"], c["failing_runs"]) for c in second["checks"]] == [
        ("block_rate", False, 1), ("zero_postings", True, 2)]
    assert second["checks"][1]["failing_since"].startswith("2026-11-24")
    text = second["text"]
    assert text.index("New health check failures (1)") < text.index("Still failing (1)")
    assert "sc zero_postings: no postings found, earlier runs found up to 10: the site blocked 5" in text
    assert "still failing since 2026-11-24 (2 runs)" in text
    assert "still failing since 2026-11-24 (3 runs)" in webhook.bodies[2]["text"]
    assert failure_streak(archive.db, "sc", "zero_postings") == Streak(None, 0)   # the healthy run ended it
    assert failure_streak(archive.db, "sc", "zero_postings", up_to_run=4) == Streak(days[1].isoformat(), 3)


def test_status_shows_each_sites_last_run_health_and_next_run(tmp_path, archive, monkeypatch):
    """Per site: last run, outcome, postings found, next run from the job store, failing checks with since."""
    monkeypatch.delenv("DUCHA_SCHEDULE", raising=False)
    monkeypatch.delenv("DUCHA_JOBSTORE", raising=False)
    archive.upsert_sites([{"id": "zz", "name": "未调度", "region": "某省", "level": "city", "start_urls": []}])
    cfg = OpsConfig(db=str(archive.path))
    for at, counts in [(NOW, COUNTS), (NOW + timedelta(days=1), {**COUNTS, "entries": 0}),
                       (NOW + timedelta(days=2), {**COUNTS, "entries": 0, "blocked": 3})]:
        last = _run(archive, at, counts)
        after_run(archive.path, last, now=at, config=cfg)
    archive.conn.execute("INSERT INTO scheduled_runs (group_name, started_at, outcome, exit_code, run_id, command)"
                         " VALUES ('provinces', ?, 'failed_sites', 1, ?, ?)",
                         (NOW.isoformat(), last, json.dumps(["ducha", "crawl", "--site", "sc"])))
    archive.conn.commit()
    store = sqlite3.connect(tmp_path / "archive.db.jobs.sqlite")
    store.execute("CREATE TABLE apscheduler_jobs (id TEXT PRIMARY KEY, next_run_time REAL, job_state BLOB)")
    store.execute("INSERT INTO apscheduler_jobs VALUES ('crawl-provinces', ?, x'')",
                  ((NOW + timedelta(days=3)).timestamp(),))
    store.commit()
    store.close()
    text = format_status(str(archive.path), config=None)     # groups from scheduled_runs' last command
    header, sc, zz = text.splitlines()[:3]
    assert header.split()[:4] == ["site", "last", "run", "outcome"] and "next run" in header
    assert sc.split()[:5] == ["sc", f"#{last}", (NOW + timedelta(days=2)).isoformat(), "blocked", "0"]
    assert "2026-11-26T07:00:00+08:00" in sc
    assert "zero_postings: no postings found" in sc and "[since 2026-11-24, 2 runs]" in sc
    assert "block_rate: blocked" in sc and sc.index("FAIL") > sc.index("2026-11-26T07")
    assert zz.split() == ["zz", "never", "-"]
    assert "next run crawl-provinces: 2026-11-26T07:00:00+08:00" in text
    with_config = format_status(str(archive.path), config=OpsConfig(groups=(Group("provinces"),)))
    assert with_config.splitlines()[2].split() == ["zz", "never", "2026-11-26T07:00:00+08:00"]  # every site


def test_a_failure_that_keeps_failing_is_sent_once_then_daily_then_recovers(archive, webhook):
    """Runs every 6 hours: the failure alerts once, repeats wait for the daily reminder, recovery is told."""
    cfg = OpsConfig(db=str(archive.path), alerts=AlertConfig(webhook_url=webhook.url, reminder_hours=24))
    empty = {**COUNTS, "entries": 0}
    times = [NOW + timedelta(hours=6 * k) for k in range(7)]
    plan = [COUNTS, empty, empty, empty, empty, empty, COUNTS]   # fails from run 2 to run 6 (24 h later)
    for at, counts in zip(times, plan, strict=True):
        after_run(archive.path, _run(archive, at, counts), now=at, config=cfg)
    subjects = [b["subject"].split(": ", 1)[1] for b in webhook.bodies]
    assert subjects == ["1 health check(s) failed on sc",                 # run 2: new
                        "1 health check(s) failed on sc (still failing)",  # run 6: 24 h after the first alert
                        "1 check(s) recovered on sc"]                      # run 7
    assert "still failing since" in webhook.bodies[1]["text"] and "(5 runs)" in webhook.bodies[1]["text"]


def test_reminder_hours_comes_from_the_schedule_file_or_the_environment(tmp_path):
    path = tmp_path / "schedule.yaml"
    path.write_text("alerts:\n  reminder_hours: 6\n", encoding="utf-8")
    assert load_config(path, env={}).alerts.reminder_hours == 6
    assert load_config(path, env={"DUCHA_ALERT_REMINDER_HOURS": "0"}).alerts.reminder_hours == 0
    assert load_config(None, env={}).alerts.reminder_hours == 24
