"""Per-site health checks after a run, stored in ``health_checks``.

| check | fails when |
|---|---|
| ``zero_postings`` | the run found no posting on the site's list pages although an earlier run did (selectors broke) |
| ``stale_newest`` | the newest archived posting is older than ``stale_factor`` × the site's median gap and ``stale_min_days`` |
| ``error_rate`` | (errors + unreachable) / requests is above ``error_rate`` |
| ``block_rate`` | blocked responses / requests is above ``block_rate`` (412 challenges, 403s) |
| ``unreached`` | no page came back from the site for ``unreached_days`` (or ever) |

A check without enough data is stored as ``skip``.  Every comparison with "now" uses the ``now``
given to ``run_health_checks`` (the crawl's clock, ``DUCHA_CLOCK`` in simulations), never the wall
clock, and dates are compared in Asia/Shanghai like the postings' dates.  ``failure_streak`` says
since when (and for how many runs) a check has been failing, for the digest and ``ducha status``.
"""
from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from archive.ops.config import HealthConfig
from archive.ops.db import SHANGHAI, DbLike, opened, parse

logger = logging.getLogger(__name__)

CHECKS = ("zero_postings", "stale_newest", "error_rate", "block_rate", "unreached")


@dataclass(frozen=True)
class HealthResult:
    """One check of one site after one run."""

    site_id: str
    check: str
    status: str               # ok | fail | skip
    value: float | None
    threshold: float | None
    detail: str


def _rate(numerator: int, denominator: int) -> float | None:
    return None if denominator <= 0 else numerator / denominator


def _threshold_check(site: str, check: str, value: float | None, limit: float, what: str) -> HealthResult:
    if value is None:
        return HealthResult(site, check, "skip", None, limit, "no requests in this run")
    status = "fail" if value > limit else "ok"
    return HealthResult(site, check, status, round(value, 4), limit, f"{what} {value:.0%} (limit {limit:.0%})")


def check_site(handle, run_id: int, site_id: str, row: dict, *, at: datetime, cfg: HealthConfig) -> list[HealthResult]:
    """The checks of one site given its ``run_sites`` row in ``run_id``."""
    out: list[HealthResult] = []
    # zero_postings: compare with the best earlier run
    before = handle.execute(
        "SELECT max(postings_seen) FROM run_sites WHERE site_id = ? AND run_id < ?", [site_id, run_id]
    ).fetchone()[0]
    known = handle.execute("SELECT count(*) FROM documents WHERE site_id = ? AND status = 'live'",
                           [site_id]).fetchone()[0]
    seen = row.get("postings_seen") or 0
    if seen:
        out.append(HealthResult(site_id, "zero_postings", "ok", seen, 0, f"{seen} postings on the list pages"))
    elif (before or 0) > 0 or known > 0:
        why = (f"the site blocked {row['blocked']} request(s) (403/412 challenge?)" if row.get("blocked")
               else "selectors broken?")
        out.append(HealthResult(site_id, "zero_postings", "fail", 0, 0,
                                f"no postings found, earlier runs found up to {before or known}: {why}"))
    else:
        out.append(HealthResult(site_id, "zero_postings", "skip", 0, 0, "never found postings yet"))
    out.append(_stale(handle, site_id, at=at, cfg=cfg))
    requests = row.get("pages") or 0
    blocked = row.get("blocked") or 0
    failures = (row.get("errors") or 0) + (row.get("unreachable") or 0)
    out.append(_threshold_check(site_id, "error_rate", _rate(failures, requests + blocked + failures),
                                cfg.error_rate, "errors"))
    out.append(_threshold_check(site_id, "block_rate", _rate(blocked, requests + blocked), cfg.block_rate, "blocked"))
    out.append(_unreached(handle, site_id, at=at, cfg=cfg))
    return out


def _stale(handle, site_id: str, *, at: datetime, cfg: HealthConfig) -> HealthResult:
    dates = sorted({date.fromisoformat(d[:10]) for (d,) in handle.execute(
        "SELECT publish_date FROM documents WHERE site_id = ? AND publish_date IS NOT NULL"
        " ORDER BY publish_date DESC LIMIT 50", [site_id])})
    if len(dates) < 3:
        return HealthResult(site_id, "stale_newest", "skip", None, None, "fewer than 3 dated postings")
    gaps = [(b - a).days for a, b in pairwise(dates)]
    limit = max(cfg.stale_min_days, cfg.stale_factor * statistics.median(gaps))
    age = (at.astimezone(SHANGHAI).date() - dates[-1]).days
    status = "fail" if age > limit else "ok"
    return HealthResult(site_id, "stale_newest", status, age, limit,
                        f"newest posting {dates[-1]} is {age} days old (usual gap {statistics.median(gaps):g} d)")


def _unreached(handle, site_id: str, *, at: datetime, cfg: HealthConfig) -> HealthResult:
    last = handle.execute(
        "SELECT max(r.started_at) FROM run_sites s JOIN runs r ON r.id = s.run_id"
        " WHERE s.site_id = ? AND s.pages > 0", [site_id]).fetchone()[0]
    if last is None:
        return HealthResult(site_id, "unreached", "fail", None, cfg.unreached_days, "no page ever fetched")
    days = (at - parse(last)).total_seconds() / 86400
    status = "fail" if days > cfg.unreached_days else "ok"
    return HealthResult(site_id, "unreached", status, round(days, 2), cfg.unreached_days,
                        f"last reached {last}")


def run_health_checks(db: DbLike, run_id: int, *, now: datetime | str, cfg: HealthConfig | None = None
                      ) -> list[HealthResult]:
    """Check every site of ``run_id`` (its ``run_sites`` rows) and store the results; idempotent per run."""
    cfg = cfg or HealthConfig()
    at = parse(now) if isinstance(now, str) else now
    with opened(db) as handle:
        rows = [dict(zip([c[0] for c in cur.description], r, strict=True)) for cur in
                [handle.execute("SELECT * FROM run_sites WHERE run_id = ? ORDER BY site_id", [run_id])]
                for r in cur.fetchall()]
        # a walk stopped before it finished (signal, full disk) proves nothing about the site: not checked
        results = [res for row in rows if row.get("status") != "interrupted"
                   for res in check_site(handle, run_id, row["site_id"], row, at=at, cfg=cfg)]
        stamp = at.isoformat(timespec="seconds")
        with handle.conn:
            handle.execute("DELETE FROM health_checks WHERE run_id = ?", [run_id])
            handle.conn.executemany(
                'INSERT INTO health_checks (run_id, site_id, "check", status, value, threshold, detail, at)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, r.site_id, r.check, r.status, r.value, r.threshold, r.detail, stamp) for r in results])
    for r in results:
        if r.status == "fail":
            logger.warning("health %s %s FAILED: %s", r.site_id, r.check, r.detail)
    return results


@dataclass(frozen=True)
class Streak:
    """The current run of failures of one check on one site (``runs`` 0 and ``since`` None if it passes)."""

    since: str | None         # ``at`` of the first failing run of the streak (the crawl clock)
    runs: int                 # consecutive runs failing, the latest included

    @property
    def repeated(self) -> bool:
        """True if the check already failed in the run before (the alert is a reminder, not news)."""
        return self.runs > 1


def failure_streak(db: DbLike, site_id: str, check: str, *, up_to_run: int | None = None) -> Streak:
    """Since when ``check`` has been failing on ``site_id`` (runs in order; ``skip`` neither breaks nor counts).

    ``up_to_run`` ignores later runs (a re-processed older run sees its own streak).
    """
    with opened(db) as handle:
        rows = handle.execute('SELECT status, at FROM health_checks WHERE site_id = ? AND "check" = ?'
                              " AND status != 'skip' AND run_id <= ? ORDER BY run_id DESC",
                              [site_id, check, up_to_run if up_to_run is not None else 2**62]).fetchall()
    since, runs = None, 0
    for status, at in rows:
        if status != "fail":
            break
        since, runs = at, runs + 1
    return Streak(since, runs)


def recovered_checks(db: DbLike, run_id: int, checks: list[HealthResult]) -> list[HealthResult]:
    """The checks of ``run_id`` that pass again: ``ok`` now, ``fail`` in the latest earlier run that ran them."""
    out = []
    with opened(db) as handle:
        for check in checks:
            if check.status != "ok":
                continue
            row = handle.execute('SELECT status FROM health_checks WHERE site_id = ? AND "check" = ?'
                                 " AND status != 'skip' AND run_id < ? ORDER BY run_id DESC LIMIT 1",
                                 [check.site_id, check.check, run_id]).fetchone()
            if row and row[0] == "fail":
                out.append(check)
    return out


def failing_since(db: DbLike, site_id: str, check: str) -> str | None:
    """When the current streak of failures of ``check`` on ``site_id`` began (None if it passes)."""
    return failure_streak(db, site_id, check).since
