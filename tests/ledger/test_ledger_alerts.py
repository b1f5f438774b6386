"""Ledger alerts after a run: "task became overdue" once per task, close-outs in watched regions once each."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from archive.ops import after_run
from archive.ops.config import AlertConfig, OpsConfig, load_config
from archive.ops.errors import ConfigError
from archive.store import Archive
from tests.ledger.conftest import C, P

CN = ZoneInfo("Asia/Shanghai")


def _after(db_path, tmp_path, day: str, regions: tuple[str, ...] = (), overdue: bool = True):
    at = datetime.fromisoformat(day).replace(hour=9, tzinfo=CN)
    with Archive(db_path, warc_dir=tmp_path / "warc") as a:
        run_id = a.begin_run(now=at)
        a.finish_run(run_id, status="ok", now=at + timedelta(minutes=5), summary={})
    cfg = OpsConfig(db=str(db_path), alerts=AlertConfig(log_file=str(tmp_path / "alerts.jsonl"),
                                                        ledger_regions=regions, ledger_overdue=overdue))
    return after_run(db_path, run_id, now=at, config=cfg)


def _ids(db_path, *urls):
    db = Database(db_path)
    return [db.execute("SELECT id FROM documents WHERE url = ?", [u]).fetchone()[0] for u in urls]


def test_a_task_alerts_once_on_the_day_after_its_deadline(db_path, tmp_path):
    p, = _ids(db_path, P + "plan")
    assert _after(db_path, tmp_path, "2023-12-31").ledger == []  # the deadline day itself is still allowed
    report = _after(db_path, tmp_path, "2024-01-01")
    assert [(e.key, e.since, e.deadline, e.region, e.number) for e in report.ledger] == [
        (f"overdue:{p}:1", "2024-01-01", "2023-12-31", "四川省", 1)]
    sent = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text("utf-8").splitlines()]
    assert [e["key"] for e in sent[-1]["ledger"]] == [f"overdue:{p}:1"]
    assert "1 task(s) became overdue" in sent[-1]["subject"]
    assert ("  - 四川省 第1项 长江岸线生态修复不到位 — deadline 2023-12-31, overdue since 2024-01-01"
            in sent[-1]["text"]) and f"/-/ducha/ledger/{p}#task-1" in sent[-1]["text"]
    assert _after(db_path, tmp_path, "2024-01-02").ledger == []  # once per task
    assert _after(db_path, tmp_path, "2024-03-01").ledger == []


def test_close_outs_alert_only_in_watched_regions_once_each(db_path, tmp_path):
    p, c, n1, n2 = _ids(db_path, P + "plan", C + "plan", C + "n1", P + "n2")
    city = _after(db_path, tmp_path, "2024-07-01", regions=("四川省绵阳",), overdue=False)
    assert [e.key for e in city.ledger] == [f"closure:{c}:1:{n1}"]
    assert city.ledger[0].notice_url == C + "n1" and city.ledger[0].posted == "2023-05-10"
    province = _after(db_path, tmp_path, "2024-07-02", regions=("四川",), overdue=False)
    assert [e.key for e in province.ledger] == [f"closure:{p}:2:{n2}"]  # the city's was sent already
    assert _after(db_path, tmp_path, "2024-07-03", regions=("四川",), overdue=False).ledger == []
    assert _after(db_path, tmp_path, "2024-07-04", regions=("湖南",), overdue=False).ledger == []


def test_nothing_is_sent_when_both_are_off(db_path, tmp_path):
    assert _after(db_path, tmp_path, "2024-07-01", regions=(), overdue=False).ledger == []
    payloads = Database(db_path).execute("SELECT payload FROM alerts_sent").fetchall()
    assert all(json.loads(row[0])["ledger"] == [] for row in payloads)


def test_watched_regions_come_from_the_schedule_file_or_the_environment(tmp_path):
    path = tmp_path / "schedule.yaml"
    path.write_text("alerts:\n  ledger_regions: [四川省, 云南]\n  ledger_overdue: false\n", encoding="utf-8")
    alerts = load_config(path, env={}).alerts
    assert (alerts.ledger_regions, alerts.ledger_overdue) == (("四川省", "云南"), False)
    env = {"DUCHA_ALERT_LEDGER_REGIONS": "湖南, 湖北省", "DUCHA_ALERT_LEDGER_OVERDUE": "1"}
    alerts = load_config(path, env=env).alerts
    assert (alerts.ledger_regions, alerts.ledger_overdue) == (("湖南", "湖北省"), True)
    assert (load_config(None, env={}).alerts.ledger_regions, load_config(None, env={}).alerts.ledger_overdue) == ((), True)
    path.write_text("alerts:\n  ledger_regions: {四川: 1}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ledger_regions"):
        load_config(path, env={})
    path.write_text("alerts:\n  ledger_overdue: maybe\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ledger_overdue"):
        load_config(path, env={})


def test_a_task_reported_done_without_a_close_out_alerts_once(progress_db, tmp_path):
    p, p2 = _ids(progress_db, P + "plan", P + "p2")
    assert [e for e in _after(progress_db, tmp_path, "2024-04-30").ledger if e.kind == "claimed"] == []  # 序时推进
    assert [e for e in _after(progress_db, tmp_path, "2024-07-01", overdue=False).ledger] == []  # switched off
    report = _after(progress_db, tmp_path, "2024-07-02")
    claimed = [e for e in report.ledger if e.kind == "claimed"]
    assert [(e.key, e.since, e.reported, e.notice_url, e.number) for e in claimed] == [
        (f"claimed:{p}:1:{p2}", "2024-05-01", "已完成", P + "p2", 1)]
    sent = json.loads((tmp_path / "alerts.jsonl").read_text("utf-8").splitlines()[-1])
    assert "1 task(s) reported done without a close-out" in sent["subject"]
    assert "Tasks reported done without a close-out 公示 (1):" in sent["text"]
    assert "  - 四川省 第1项 长江岸线生态修复不到位 — reported 已完成 on 2024-05-01" in sent["text"]
    assert [e for e in _after(progress_db, tmp_path, "2024-07-03").ledger if e.kind == "claimed"] == []  # once
