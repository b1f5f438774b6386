"""The weekly evidence check of the scheduler: ``ducha verify --chain`` over the whole archive, alerting on failure."""
from __future__ import annotations

import logging
from datetime import datetime

from archive.chain import verify_chain
from archive.ops.alerts import Digest, send_digest
from archive.ops.config import OpsConfig
from archive.verify import VerifyReport, verify_archive

logger = logging.getLogger(__name__)

MAX_LISTED = 50


def verify_and_alert(cfg: OpsConfig, *, now: datetime | str | None = None) -> VerifyReport:
    """Verify every WARC record of ``cfg.db`` and the daily chain; when any posting or link fails, send a ``job``
    alert naming them."""
    report = verify_archive(cfg.db)
    chain = verify_chain(cfg.db)
    if not report.ok or not chain.ok:
        notes = [p.describe() for p in report.problems[:MAX_LISTED]]
        if len(report.problems) > MAX_LISTED:
            notes.append(f"… and {len(report.problems) - MAX_LISTED} more (run `ducha verify`)")
        notes += [f"chain: {p}" for p in chain.problems[:MAX_LISTED]]
        subject = (f"[ducha] evidence check: {len(report.failing_documents)} posting(s) fail verification"
                   if not report.ok else f"[ducha] evidence check: the daily chain fails ({len(chain.problems)} problem(s))")
        send_digest(cfg.db, cfg.alerts, Digest(subject=subject, kind="job", notes=notes), now=now)
    logger.info("evidence check: %d records of %d postings, %d problem(s); chain: %d manifests, %d problem(s)",
                report.records, report.documents, len(report.problems), chain.manifests, len(chain.problems))
    return report
