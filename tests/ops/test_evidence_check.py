"""The weekly evidence check: ``ducha verify`` in the scheduler, alerting when a posting fails."""
from __future__ import annotations

from archive.models import PageCapture, WarcRef
from archive.ops.config import AlertConfig, OpsConfig
from archive.ops.evidence_check import verify_and_alert
from archive.store import Archive


def test_failing_evidence_sends_an_alert_naming_the_posting(tmp_path):
    db = tmp_path / "archive.db"
    with Archive(str(db)) as archive:
        archive.upsert_sites([{"id": "s", "name": "站", "region": "省", "level": "city"}])
        run = archive.begin_run(now="2026-11-05T10:00:00+08:00")
        archive.ingest(PageCapture(site_id="s", url="http://s.gov.cn/a.html", fetched_at="2026-11-05T10:00:00+08:00",
                                   http_status=200, title="关于整改的公示", body_text="正文", raw_sha256="0" * 64,
                                   warc=WarcRef(file="ducha-1-gone.warc.gz", offset=0)), run_id=run)
    log = tmp_path / "alerts.log"
    report = verify_and_alert(OpsConfig(db=str(db), alerts=AlertConfig(log_file=str(log))))
    assert not report.ok and report.failing_documents == [1]
    text = log.read_text(encoding="utf-8")
    assert "evidence check: 1 posting(s) fail verification" in text
    assert "document 1 http://s.gov.cn/a.html: missing" in text


def test_the_scheduler_runs_the_evidence_check_weekly(tmp_path):
    from scheduler import build_scheduler, sync_jobs

    cfg = OpsConfig(db=str(tmp_path / "archive.db"))
    sched = build_scheduler(cfg)
    sched.start(paused=True)
    try:
        sync_jobs(sched, cfg)
        job = sched.get_job("verify-evidence")
        assert job is not None and "day_of_week='sun'" in str(job.trigger)
        assert job.func_ref == "scheduler:run_evidence_check"
    finally:
        sched.shutdown(wait=False)


def test_a_rewritten_chain_manifest_sends_an_alert(tmp_path):
    from archive.chain import write_manifest
    from tests.archive.test_tsa import _one_run

    db = tmp_path / "archive.db"
    with Archive(str(db), warc_dir=tmp_path / "warc") as archive:
        run_id = _one_run(archive)
        entry = write_manifest(archive.conn, db, run_id, now="2026-11-23T09:06:00+08:00", warc_dir=tmp_path / "warc")
    entry.path.write_bytes(entry.path.read_bytes().replace(b'"status": "ok"', b'"status": "OK"'))
    log = tmp_path / "alerts.log"
    assert verify_and_alert(OpsConfig(db=str(db), alerts=AlertConfig(log_file=str(log)))).ok  # the WARC is intact
    text = log.read_text(encoding="utf-8")
    assert "evidence check: the daily chain fails (1 problem(s))" in text
    assert f"chain: manifest of run {run_id} ({entry.path.name}) was altered" in text
