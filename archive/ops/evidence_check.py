"""The weekly evidence check of the scheduler: ``ducha verify`` over the whole archive, alerting on failure."""
from __future__ import annotations

import logging
from datetime import datetime

from archive.ops.alerts import Digest, send_digest
from archive.ops.config import OpsConfig
from archive.verify import VerifyReport, verify_archive

logger = logging.getLogger(__name__)

MAX_LISTED = 50


def verify_and_alert(cfg: OpsConfig, *, now: datetime | str | None = None) -> VerifyReport:
    """Verify every WARC record of ``cfg.db``; when any posting fails, send a ``job`` alert naming them."""
    report = verify_archive(cfg.db)
    if not report.ok:
        notes = [p.describe() for p in report.problems[:MAX_LISTED]]
        if len(report.problems) > MAX_LISTED:
            notes.append(f"… and {len(report.problems) - MAX_LISTED} more (run `ducha verify`)")
        send_digest(cfg.db, cfg.alerts, Digest(
            subject=f"[ducha] evidence check: {len(report.failing_documents)} posting(s) fail verification",
            kind="job", notes=notes), now=now)
    logger.info("evidence check: %d records of %d postings, %d problem(s)", report.records, report.documents,
                len(report.problems))
    return report
