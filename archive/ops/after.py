"""``after_run``: everything operations does once a crawl run has finished.

```
runs.summary ─fill_run_sites─► run_sites ─run_health_checks─► health_checks ─┐
events(kind=new) ─match_run (watches)─► watch_matches ──────────────────────┤
plans, tasks, task_links ─ledger_events (overdue; watched close-outs, once)──┴─► digest ─► alerts_sent
                                                                         (webhook, e-mail, log)
```
Idempotent: a ``run_ops`` row marks a run as processed, so the crawl command and the scheduler
may both call it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from archive.ops.alerts import checks_to_alert, digest_for_run, send_digest
from archive.ops.config import OpsConfig, load_config
from archive.ops.db import iso, opened, parse
from archive.ops.health import HealthResult, failure_streak, recovered_checks, run_health_checks
from archive.ops.ledger_alerts import LedgerEvent, ledger_events
from archive.ops.runs import fill_run_sites, mark_crashed_runs, run_clock
from archive.ops.watches import WatchMatch, match_run, sync_watches

logger = logging.getLogger(__name__)


@dataclass
class AfterRunReport:
    """What ``after_run`` did for one run."""

    run_id: int
    already_done: bool = False
    checks: list[HealthResult] = field(default_factory=list)
    matches: list[WatchMatch] = field(default_factory=list)
    ledger: list[LedgerEvent] = field(default_factory=list)
    alerts: dict[str, str] = field(default_factory=dict)

    @property
    def failed_checks(self) -> list[HealthResult]:
        """The checks that failed."""
        return [c for c in self.checks if c.status == "fail"]


def after_run(db_path: str | Path, run_id: int, *, now: datetime | str | None = None,
              config: OpsConfig | None = None, force: bool = False) -> AfterRunReport:
    """Fill ``run_sites``, run the health checks, match watches, find ledger events and send one digest for
    ``run_id``.

    ``now`` is the crawl's clock (the runner passes ``DUCHA_CLOCK`` when set); every check compares
    with it, never with the wall clock.  Default: the run's own ``finished_at`` (``run_clock``).
    ``config`` defaults to ``load_config()`` (``$DUCHA_SCHEDULE`` and ``DUCHA_*``).  Does nothing
    for a run already processed unless ``force``.
    """
    config = config or load_config()
    report = AfterRunReport(run_id=run_id)
    with opened(db_path) as db:
        at = parse(iso(now)) if now is not None else run_clock(db, run_id)
        if not force and db.execute("SELECT 1 FROM run_ops WHERE run_id = ?", [run_id]).fetchone():
            report.already_done = True
            return report
        mark_crashed_runs(db, now=at, run_ids=[run_id])
        fill_run_sites(db, run_id)
        sync_watches(db, config.watches, now=at)
        report.checks = run_health_checks(db, run_id, now=at, cfg=config.health)
        report.matches = match_run(db, run_id, now=at)
        report.ledger = ledger_events(db, config.alerts, now=at)
        streaks = {(c.site_id, c.check): failure_streak(db, c.site_id, c.check, up_to_run=run_id)
                   for c in report.failed_checks}
        due = checks_to_alert(db, report.failed_checks, streaks, now=at,
                              reminder_hours=config.alerts.reminder_hours)
        digest = digest_for_run(run_id, due, report.matches, streaks,
                                recovered=recovered_checks(db, run_id, report.checks), ledger=report.ledger)
        if digest is not None:
            report.alerts = send_digest(db, config.alerts, digest, now=at)
        with db.conn:
            db.execute("INSERT OR REPLACE INTO run_ops (run_id, processed_at, checks_failed, watch_matches, alerts)"
                       " VALUES (?, ?, ?, ?, ?)",
                       [run_id, iso(at), len(report.failed_checks), len(report.matches), len(report.alerts)])
    logger.info("run %d: %d check(s) failed, %d watch match(es), alerts %s", run_id,
                len(report.failed_checks), len(report.matches), report.alerts or "none")
    return report
