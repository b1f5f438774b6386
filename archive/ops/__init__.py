"""Operations: run records, health checks and alerts (used by scheduler.py and the CLI).

Entry points: ``after_run`` (after every crawl run), ``archive.ops.lock.crawl_lock`` (around a crawl),
``archive.ops.runs.mark_crashed_runs``, ``archive.ops.execute.run_group`` (one scheduled run in a
subprocess), ``archive.ops.status.format_status`` / ``format_runs`` (operator commands).
"""
from __future__ import annotations

from archive.ops.after import AfterRunReport, after_run
from archive.ops.lock import crawl_lock

__all__ = ["AfterRunReport", "after_run", "crawl_lock"]
