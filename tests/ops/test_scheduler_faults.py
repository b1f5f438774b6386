"""The scheduler under faults: killed outright, started twice, listed while running, crawls stopped by signals,
stopped between a run's row and its crawl, a start falling due while it stops."""
from __future__ import annotations

import json
import os
import signal
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from archive.ops.config import load_config
from archive.ops.execute import HOLD_BEFORE_SPAWN_ENV, run_group
from archive.ops.runs import pid_alive
from tests.ops.conftest import query_rows

EVERY_2S = {"name": "g", "sites": ["s1"], "hour": "*", "minute": "*", "second": "*/2"}


def _row(db: Path, row_id: int | None = None) -> tuple | None:
    rows = query_rows(db, "SELECT id, outcome, pid, run_id, detail FROM scheduled_runs"
                      + (" WHERE id = ?" if row_id else " ORDER BY id LIMIT 1"), (row_id,) if row_id else ())
    return rows[0] if rows else None


def test_kill_9_of_the_scheduler_takes_its_crawl_down_and_the_restart_closes_the_row(
        tmp_path, poll, crawl_records, fake_schedule, start_scheduler):
    """kill -9 of a real scheduler: its crawl does not outlive it; the next start marks the row, linked to the run."""
    (tmp_path / "control.json").write_text(json.dumps({"mode": "hang"}))
    config = fake_schedule([EVERY_2S])
    db = tmp_path / "archive.db"
    sched = start_scheduler(config)
    started = poll(lambda: [r for r in crawl_records() if r["event"] == "start"], what="a hanging crawl")[0]
    crawl_pid, run_id = started["pid"], started["run_id"]
    row = poll(lambda: (r := _row(db)) and r[3] and r, what="the scheduled row linked to the crawl's run")
    assert (row[1], row[2], row[3]) == ("running", crawl_pid, run_id)

    os.kill(sched.proc.pid, signal.SIGKILL)
    sched.proc.wait(timeout=10)
    poll(lambda: not pid_alive(crawl_pid), timeout=10, what="the orphaned crawl to die with its scheduler")
    assert _row(db, row[0])[1] == "running"          # nobody closed it yet

    (tmp_path / "control.json").write_text(json.dumps({"mode": "ok", "sleep": 0.1}))
    restarted = start_scheduler(config)
    closed = poll(lambda: (r := _row(db, row[0])) and r[1] != "running" and r, what="the stale row closed")
    assert closed[1] == "interrupted" and closed[3] == run_id
    assert "scheduler" in closed[4] and "died" in closed[4]
    assert query_rows(db, "SELECT status FROM runs WHERE id = ?", (run_id,)) == [("crashed",)]
    poll(lambda: query_rows(db, "SELECT 1 FROM scheduled_runs WHERE outcome = 'ok'"), timeout=30,
         what="the restarted scheduler's own run")
    assert restarted.stop() == 0


def test_a_crawl_that_ignores_sigterm_is_stopped_by_the_next_start(tmp_path, poll, crawl_records, fake_schedule,
                                                                    start_scheduler):
    """The second guard: a crawl that survived its scheduler's death is stopped (SIGKILL after the grace)."""
    (tmp_path / "control.json").write_text(json.dumps({"mode": "stubborn"}))
    config = fake_schedule([EVERY_2S])
    db = tmp_path / "archive.db"
    sched = start_scheduler(config)
    crawl_pid = poll(lambda: [r for r in crawl_records() if r["event"] == "start"], what="a crawl")[0]["pid"]
    row = poll(lambda: (r := _row(db)) and r[3] and r, what="the scheduled row linked to the crawl's run")
    os.kill(sched.proc.pid, signal.SIGKILL)
    sched.proc.wait(timeout=10)
    assert pid_alive(crawl_pid)                      # it ignored the parent-death SIGTERM
    (tmp_path / "control.json").write_text(json.dumps({"mode": "ok", "sleep": 0.1}))
    restarted = start_scheduler(config)
    closed = poll(lambda: (r := _row(db, row[0])) and r[1] != "running" and r, what="the stale row closed")
    assert not pid_alive(crawl_pid)
    assert closed[1] == "interrupted" and f"crawl pid {crawl_pid} was still running: stopped" in closed[4]
    assert restarted.stop() == 0


@pytest.mark.parametrize("stop_requests", [1, 2], ids=["sigterm", "sigterm-twice"])
def test_a_stop_between_a_runs_row_and_its_crawl_closes_the_row_before_the_scheduler_stops(
        tmp_path, poll, crawl_records, fake_schedule, start_scheduler, monkeypatch, stop_requests):
    """SIGTERM while a run has written its row 'running' but started no crawl yet (held there by the test-only
    DUCHA_TEST_HOLD_BEFORE_SPAWN): the run is closed 'interrupted', with no crawl, no exit code and no run, before the
    scheduler says it stopped and exits 0.  A second SIGTERM while it stops (Ctrl-C twice) changes nothing."""
    gate = tmp_path / "gate"
    monkeypatch.setenv(HOLD_BEFORE_SPAWN_ENV, str(gate))
    config = fake_schedule([EVERY_2S])
    db = tmp_path / "archive.db"
    sched = start_scheduler(config)
    held = poll(lambda: (r := _row(db)) and r[1] == "running" and r, what="a run's row written, its crawl held")
    assert held[2] is None                           # no crawl pid: the run is between its row and its crawl

    sched.proc.send_signal(signal.SIGTERM)
    # the stop goes as far as it can without the held run: it has paused the jobs (APScheduler's line) and waits for
    # them, or (the bug) it has finished without them
    stopping = ("Paused scheduler job processing", "scheduler stopped")
    poll(lambda: any(line in sched.output() for line in stopping), what="the stop to reach the held run")
    for _ in range(stop_requests - 1):
        sched.proc.send_signal(signal.SIGTERM)
    gate.touch()                                     # the run goes on: its crawl is refused, the scheduler stopping
    code = sched.proc.wait(timeout=30)
    assert query_rows(db, "SELECT id FROM scheduled_runs WHERE outcome = 'running'") == []
    assert code == 0

    row = query_rows(db, "SELECT outcome, exit_code, pid, run_id, finished_at, detail FROM scheduled_runs")
    assert len(row) == 1 and row[0][:4] == ("interrupted", None, None, None) and row[0][4]
    assert row[0][5] == "crawl of group g not started: the scheduler was stopping"
    assert crawl_records() == [] and query_rows(db, "SELECT count(*) FROM runs") == [(0,)]
    log = sched.output()
    assert log.index("group g: interrupted") < log.index("scheduler stopped")


def test_a_start_due_while_stopping_stays_due_and_the_next_start_runs_it(
        tmp_path, poll, crawl_records, fake_schedule, start_scheduler, monkeypatch):
    """A start that falls due while the scheduler stops (it waits for a run, here held before its crawl) is neither
    submitted to the shut-down executor (APScheduler's "Error submitting job") nor moved past: the job store keeps it
    due, and the next start runs it at once, as a run scheduled for a time it missed."""
    gate = tmp_path / "gate"
    monkeypatch.setenv(HOLD_BEFORE_SPAWN_ENV, str(gate))
    config = fake_schedule([EVERY_2S])
    db, store = tmp_path / "archive.db", load_config(config).jobstore_path()
    sched = start_scheduler(config)
    poll(lambda: (r := _row(db)) and r[1] == "running" and r, what="a run's row written, its crawl held")

    sched.proc.send_signal(signal.SIGTERM)
    poll(lambda: "Paused scheduler job processing" in sched.output(), what="the stop to pause the jobs")
    # the next start as the job store holds it once the jobs are paused (a slow stop may have let one more pass skip
    # a start while the run was held: the store's time is the one that must not move)
    due = query_rows(store, "SELECT next_run_time FROM apscheduler_jobs WHERE id = 'crawl-g'")[0][0]
    poll(lambda: time.time() > due + 0.2, what="the next start to fall due while the scheduler stops")
    gate.touch()
    assert sched.proc.wait(timeout=30) == 0
    assert "Error submitting job" not in sched.output()
    assert query_rows(store, "SELECT next_run_time FROM apscheduler_jobs WHERE id = 'crawl-g'") == [(due,)]

    restarted = start_scheduler(config)
    # the restart keeps the missed start (a past next run time: APScheduler runs it at once, as one with any later start
    # a slow restart missed, dated the last of them) and runs it
    missed = datetime.fromtimestamp(due, ZoneInfo(load_config(config).timezone))
    poll(lambda: "job crawl-g kept: " in restarted.output(), what="the restart to keep the job as stored")
    assert f"next run {missed}" in restarted.output()
    caught_up = poll(lambda: [r for r in query_rows(db, "SELECT scheduled_for, outcome FROM scheduled_runs ORDER BY id")[1:]
                              if r[1] != "running"], what="the restart to run the start missed while stopping")
    assert datetime.fromisoformat(caught_up[0][0]).timestamp() >= due and caught_up[0][1] == "ok"
    assert restarted.stop() == 0


def test_second_scheduler_is_named_and_list_reads_beside_it_creating_nothing(
        tmp_path, poll, crawl_records, fake_schedule, start_scheduler):
    """A second scheduler: 75 and 'another scheduler is running (pid N)'; --list works beside it; alone it creates no file."""
    (tmp_path / "control.json").write_text(json.dumps({"mode": "hang"}))
    config = fake_schedule([EVERY_2S])
    before = sorted(p.name for p in tmp_path.iterdir())
    lister = start_scheduler(config, "--list")
    assert lister.proc.wait(timeout=30) == 0
    assert "job crawl-g: cron[" in lister.output() and "(new)" in lister.output()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "scheduler-0.log") == before

    sched = start_scheduler(config)
    poll(lambda: [r for r in crawl_records() if r["event"] == "start"], what="a running crawl")
    second = start_scheduler(config)
    assert second.proc.wait(timeout=30) == 75
    assert f"another scheduler is running (pid {sched.proc.pid})" in second.output()
    assert "a crawl is already running" not in second.output()
    listed = start_scheduler(config, "--list")
    assert listed.proc.wait(timeout=30) == 0
    assert "(stored)" in listed.output() and "job verify-evidence:" in listed.output()
    assert sched.stop() == 0


@pytest.mark.parametrize(("code", "outcome"), [(143, "interrupted"), (130, "interrupted"), (1, "failed_sites"),
                                               (2, "error")])
def test_a_crawl_stopped_by_a_signal_is_interrupted_not_an_error(tmp_path, fake_schedule, code, outcome):
    """Exit 130/143 (the crawl handled SIGINT/SIGTERM) is recorded 'interrupted', other failures are not."""
    (tmp_path / "control.json").write_text(json.dumps({"mode": "exit", "code": code}))
    cfg = load_config(fake_schedule([EVERY_2S]))
    result = run_group(cfg, "g")
    assert (result.exit_code, result.outcome) == (code, outcome)
    assert _row(tmp_path / "archive.db")[1] == outcome


def test_a_stop_signal_that_reaches_a_crawl_after_it_recorded_its_runs_ok_leaves_the_run_ok(tmp_path, fake_schedule):
    """The crawl had finished its work and recorded its run 'ok' when SIGTERM cut its exit (143): the scheduled run
    is 'ok', as its run is, not 'interrupted' beside a run that says it ended well."""
    (tmp_path / "control.json").write_text(json.dumps({"mode": "finish_then_exit", "code": 143}))
    cfg = load_config(fake_schedule([EVERY_2S]))
    result = run_group(cfg, "g")
    assert (result.exit_code, result.outcome) == (143, "ok")
    runs = query_rows(tmp_path / "archive.db", "SELECT status FROM runs")
    assert runs == [("ok",)] and _row(tmp_path / "archive.db")[1] == "ok"


def test_death_by_signal_maps_to_interrupted_or_crashed():
    """Killed by SIGTERM/SIGINT/SIGHUP: interrupted; by SIGKILL or SIGSEGV: crashed."""
    from archive.ops.execute import outcome_of

    assert [outcome_of(-s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)] == ["interrupted"] * 3
    assert [outcome_of(-s) for s in (signal.SIGKILL, signal.SIGSEGV)] == ["crashed"] * 2


def test_a_crawl_command_that_cannot_start_closes_the_row_as_an_error_and_alerts(tmp_path, fake_schedule):
    """A schedule naming a crawl program that does not exist (an operator's typo): the run's row is closed 'error' with
    the reason, a job alert goes out, and the lock is free for the next run — never a row left 'running', silent."""
    alerts = tmp_path / "alerts.jsonl"
    cfg = load_config(fake_schedule([EVERY_2S], crawl_command=[str(tmp_path / "no-such-ducha"), "crawl"],
                                    alerts={"log_file": str(alerts)}))
    result = run_group(cfg, "g")
    assert (result.outcome, result.exit_code, result.run_ids) == ("error", None, [])
    row = query_rows(tmp_path / "archive.db", "SELECT outcome, finished_at, detail FROM scheduled_runs")
    assert len(row) == 1 and row[0][0] == "error" and row[0][1]
    assert "the scheduled run failed: FileNotFoundError" in row[0][2] and "no-such-ducha" in row[0][2]
    sent = [json.loads(line) for line in alerts.read_text(encoding="utf-8").splitlines()]
    assert [a["subject"] for a in sent] == ["[ducha] scheduled crawl g: error"]
    again = run_group(load_config(fake_schedule([EVERY_2S])), "g")  # the lock was released
    assert again.outcome == "ok"
