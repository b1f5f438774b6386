"""Alert delivery: one digest per run (failed health checks, watch matches, ledger events) to every channel.

Channels: a webhook (JSON POST of the digest), e-mail over SMTP (plain text) and a local log
(``logging`` always; a JSON-lines file when ``log_file`` is set).  Every attempt is recorded in
``alerts_sent`` with its result; a failing channel never stops the others.

A new failure alerts at once.  A check that keeps failing is not repeated after every run: it comes
back as a reminder ("still failing since 2026-11-20 (3 runs)") once ``reminder_hours`` (default 24)
have passed since it was last sent, and a check that passes again after failing sends a recovery
line.  What was sent when is read back from ``alerts_sent`` (nothing else to keep in step).  Ledger
events (``archive.ops.ledger_alerts``: a task became overdue, a close-out in a watched region, linked or tied to no
task) go out once each.
"""
from __future__ import annotations

import json
import logging
import smtplib
import time
import urllib.request
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from archive.ops.config import AlertConfig, SmtpConfig
from archive.ops.db import DbLike, iso, opened, parse
from archive.ops.errors import AlertError
from archive.ops.health import HealthResult, Streak
from archive.ops.ledger_alerts import LedgerEvent, ledger_text
from archive.ops.watches import WatchMatch

logger = logging.getLogger(__name__)


def repeat_note(streak: Streak) -> str:
    """``still failing since 2026-11-20 (3 runs)`` for a repeated failure, '' for a new one."""
    if not streak.repeated:
        return ""
    return f"still failing since {(streak.since or '?')[:10]} ({streak.runs} runs)"


@dataclass
class Digest:
    """What one alert message says."""

    subject: str
    kind: str = "digest"                      # digest | job
    run_id: int | None = None
    checks: list[HealthResult] = field(default_factory=list)
    matches: list[WatchMatch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    streaks: dict[tuple[str, str], Streak] = field(default_factory=dict)   # (site_id, check) → streak
    recovered: list[HealthResult] = field(default_factory=list)           # passing again after failing
    ledger: list[LedgerEvent] = field(default_factory=list)               # overdue, claimed done, close-outs
    base_url: str = ""                                                    # DUCHA_BASE_URL: absolute links

    def streak(self, check: HealthResult) -> Streak:
        """The failure streak of a failed check (a new failure if unknown)."""
        return self.streaks.get((check.site_id, check.check), Streak(None, 1))

    def text(self) -> str:
        """The plain-text body (e-mail, log): new failures, then repeated ones, then watch matches."""
        lines = [self.subject, ""]
        lines += self.notes + ([""] if self.notes else [])
        new = [c for c in self.checks if not self.streak(c).repeated]
        old = [c for c in self.checks if self.streak(c).repeated]
        if new:
            lines.append(f"New health check failures ({len(new)}):")
            lines += [f"  - {c.site_id} {c.check}: {c.detail}" for c in new]
            lines.append("")
        if old:
            lines.append(f"Still failing ({len(old)}):")
            lines += [f"  - {c.site_id} {c.check}: {c.detail} — {repeat_note(self.streak(c))}" for c in old]
            lines.append("")
        if self.recovered:
            lines.append(f"Recovered ({len(self.recovered)}):")
            lines += [f"  - {c.site_id} {c.check}: passes again ({c.detail})" for c in self.recovered]
            lines.append("")
        lines += ledger_text(self.ledger, self.base_url)
        if self.matches:
            lines.append(f"New postings matching saved watches ({len(self.matches)}):")
            for m in self.matches:
                lines.append(f"  - [{m.watch}] {m.publish_date or '????-??-??'} {m.region or m.site_id}"
                             f" {m.title or '(untitled)'}\n    {m.url}")
        return "\n".join(lines).rstrip() + "\n"

    def payload(self) -> dict:
        """The JSON object POSTed to the webhook (each check with ``failing_since``, ``failing_runs``, ``repeat``)."""
        checks = []
        for c in self.checks:
            streak = self.streak(c)
            checks.append({**asdict(c), "failing_since": streak.since, "failing_runs": streak.runs,
                           "repeat": streak.repeated})
        return {"subject": self.subject, "kind": self.kind, "run_id": self.run_id, "text": self.text(),
                "notes": self.notes, "checks": checks, "recovered": [asdict(c) for c in self.recovered],
                "matches": [asdict(m) for m in self.matches], "ledger": [asdict(e) for e in self.ledger]}


def digest_for_run(run_id: int, checks: list[HealthResult], matches: list[WatchMatch],
                   streaks: dict[tuple[str, str], Streak] | None = None,
                   recovered: list[HealthResult] | None = None,
                   ledger: list[LedgerEvent] | None = None) -> Digest | None:
    """The digest of a run, or None when there is nothing to say.

    ``streaks`` (from ``health.failure_streak``) tells new failures from repeated ones; new ones
    come first.  Without it every failure counts as new.
    """
    streaks = streaks or {}
    failed = [c for c in checks if c.status == "fail"]
    recovered = recovered or []
    ledger = ledger or []
    if not failed and not matches and not recovered and not ledger:
        return None
    failed.sort(key=lambda c: streaks.get((c.site_id, c.check), Streak(None, 1)).repeated)   # stable: new first
    parts = []
    if failed:
        sites = sorted({c.site_id for c in failed})
        repeated = sum(1 for c in failed if streaks.get((c.site_id, c.check), Streak(None, 1)).repeated)
        part = f"{len(failed)} health check(s) failed on {', '.join(sites)}"
        if repeated:
            part += " (still failing)" if repeated == len(failed) else \
                f" ({len(failed) - repeated} new, {repeated} still failing)"
        parts.append(part)
    if recovered:
        parts.append(f"{len(recovered)} check(s) recovered on {', '.join(sorted({c.site_id for c in recovered}))}")
    if matches:
        parts.append(f"{len(matches)} new posting(s) match saved watches")
    for kind, label in (("overdue", "task(s) became overdue"), ("claimed", "task(s) reported done without a close-out"),
                        ("closure", "close-out(s) in watched regions"),
                        ("unlinked", "close-out(s) tied to no task")):
        count = sum(e.kind == kind for e in ledger)
        if count:
            parts.append(f"{count} {label}")
    return Digest(subject=f"[ducha] run {run_id}: " + "; ".join(parts), run_id=run_id, checks=failed,
                  matches=matches, streaks=dict(streaks), recovered=recovered, ledger=ledger)


def last_alerted(db: DbLike, site_id: str, check: str, *, since: str | None) -> str | None:
    """When a digest naming this failing check last went out (on any channel), not before ``since``."""
    with opened(db) as handle:
        row = handle.execute(
            "SELECT max(a.sent_at) FROM alerts_sent a, json_each(a.payload, '$.checks') c"
            " WHERE json_extract(c.value, '$.site_id') = ? AND json_extract(c.value, '$.check') = ?"
            " AND a.sent_at >= ?", [site_id, check, since or ""]).fetchone()
    return row[0] if row else None


def checks_to_alert(db: DbLike, failed: list[HealthResult], streaks: dict[tuple[str, str], Streak], *,
                    now: datetime, reminder_hours: float) -> list[HealthResult]:
    """The failed checks worth a message now: every new failure, and a repeated one only as a reminder
    once ``reminder_hours`` have passed since it was last sent (0: every run)."""
    out = []
    for check in failed:
        streak = streaks.get((check.site_id, check.check), Streak(None, 1))
        last = last_alerted(db, check.site_id, check.check, since=streak.since) if streak.repeated else None
        if last is None or reminder_hours <= 0 or (now - parse(last)).total_seconds() >= reminder_hours * 3600:
            out.append(check)
    return out


def post_webhook(url: str, payload: dict, *, timeout: float = 10.0, attempts: int = 2) -> None:
    """POST ``payload`` as JSON; retries once; ``AlertError`` unless a 2xx comes back."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    last: Exception | None = None
    for attempt in range(attempts):
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json; charset=utf-8",
                                                  "User-Agent": "ducha-archive-alerts"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if 200 <= response.status < 300:
                    return
                last = AlertError(f"webhook answered HTTP {response.status}")
        except OSError as exc:  # URLError, HTTPError, timeouts
            last = exc
        if attempt + 1 < attempts:
            time.sleep(1.0)
    raise AlertError(f"webhook {url} failed: {last}")


def send_email(cfg: SmtpConfig, subject: str, text: str) -> None:
    """Send a plain-text e-mail; ``AlertError`` on any SMTP failure."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = cfg.sender
    message["To"] = ", ".join(cfg.to)
    message.set_content(text)
    try:
        with smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout_s) as smtp:
            if cfg.starttls:
                smtp.starttls()
            if cfg.user and cfg.password:
                smtp.login(cfg.user, cfg.password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise AlertError(f"SMTP {cfg.host}:{cfg.port} failed: {exc}") from exc


def _write_log(path: str, digest: Digest, at: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"at": at, **digest.payload()}, ensure_ascii=False) + "\n")


def send_digest(db: DbLike, cfg: AlertConfig, digest: Digest, *, now: datetime | str | None = None) -> dict[str, str]:
    """Deliver ``digest`` on every configured channel and record each attempt; returns ``{channel: 'ok'|error}``."""
    at = iso(now)
    digest = replace(digest, base_url=digest.base_url or cfg.base_url)
    logger.warning("ALERT %s\n%s", digest.subject, digest.text())
    log_file, webhook_url, smtp = cfg.log_file, cfg.webhook_url, cfg.smtp
    senders = {"log": (lambda: _write_log(log_file, digest, at)) if log_file else (lambda: None)}
    if webhook_url:
        senders["webhook"] = lambda: post_webhook(webhook_url, digest.payload(), timeout=cfg.webhook_timeout_s)
    if smtp:
        senders["email"] = lambda: send_email(smtp, digest.subject, digest.text())
    results: dict[str, str] = {}
    for channel, send in senders.items():
        try:
            send()
            results[channel] = "ok"
        except (AlertError, OSError) as exc:
            logger.error("alert on %s failed: %s", channel, exc)
            results[channel] = str(exc)
    payload = json.dumps(digest.payload(), ensure_ascii=False)
    with opened(db) as handle, handle.conn:
        handle.conn.executemany(
            "INSERT INTO alerts_sent (run_id, kind, channel, sent_at, subject, ok, error, checks_failed,"
            " watch_matches, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(digest.run_id, digest.kind, ch, at, digest.subject, int(res == "ok"), None if res == "ok" else res,
              len(digest.checks), len(digest.matches), payload) for ch, res in results.items()])
    return results
