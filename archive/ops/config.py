"""Operations configuration: a YAML schedule file plus ``DUCHA_*`` environment variables.

Environment variables win over the file (secrets such as the SMTP password only come from the
environment).  Cron fields use APScheduler's ``CronTrigger`` syntax, but ``day_of_week`` must use
day names (``mon-fri``): APScheduler numbers Monday 0, unlike cron, so numbers are refused.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from archive.ops.errors import ConfigError

DEFAULT_TIMEZONE = "Asia/Shanghai"
#: ``ducha crawl`` in this interpreter (the console script may not be on PATH under a scheduler)
DEFAULT_CRAWL_COMMAND = (sys.executable, "-m", "crawler.cli", "crawl")


def jobstore_path_for(db_path: str | Path) -> Path:
    """The scheduler's default job store beside ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".jobs.sqlite")
_DAY = r"(mon|tue|wed|thu|fri|sat|sun)"
_DAY_OF_WEEK = re.compile(rf"^(\*|{_DAY}(-{_DAY})?(,{_DAY}(-{_DAY})?)*)$")


@dataclass(frozen=True)
class Group:
    """A set of sites crawled together on one cron schedule (one scheduler job)."""

    name: str
    sites: tuple[str, ...] = ()          # empty: every site of the sites file
    day_of_week: str = "*"
    hour: str = "6"
    minute: str = "30"
    second: str = "0"                    # for tests and simulations; keep 0 in production
    timeout_s: float = 3 * 3600
    full: bool = False
    sites_file: str | None = None        # this group's own sites file (default: the config's ``sites_file``)

    def cron(self) -> dict[str, str]:
        """Keyword arguments for ``CronTrigger``."""
        return {"day_of_week": self.day_of_week, "hour": self.hour, "minute": self.minute, "second": self.second}


@dataclass(frozen=True)
class HealthConfig:
    """Thresholds of the per-site health checks."""

    stale_factor: float = 3.0            # newest posting older than factor × median gap between postings…
    stale_min_days: float = 14.0         # …and older than this many days
    error_rate: float = 0.2              # (errors + unreachable) / requests above this fails
    block_rate: float = 0.1              # blocked / requests above this fails
    unreached_days: float = 3.0          # no page fetched from the site for this many days fails


@dataclass(frozen=True)
class SmtpConfig:
    """SMTP delivery of alert e-mails."""

    host: str
    port: int = 25
    sender: str = "ducha@localhost"
    to: tuple[str, ...] = ()
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout_s: float = 20.0


@dataclass(frozen=True)
class AlertConfig:
    """Where alerts go: any of a webhook (JSON POST), e-mail and a local log file (always logged too)."""

    webhook_url: str | None = None
    webhook_timeout_s: float = 10.0
    smtp: SmtpConfig | None = None
    log_file: str | None = None
    reminder_hours: float = 24.0          # a check that keeps failing is re-sent this often (0: every run)
    ledger_overdue: bool = True           # alert once when a ledger task becomes overdue
    ledger_regions: tuple[str, ...] = ()  # alert once per close-out of a task in these regions (四川 = 四川省…)
    base_url: str = ""                    # where the archive is served: links in digests become absolute


def base_url(env: Mapping[str, str] | None = None) -> str:
    """``DUCHA_BASE_URL`` without its trailing slash (``https://ducha.example.org``), or ''.

    Alerts and Atom feeds put it before the archive's own links (``/-/ducha/ledger/62#task-1``) so a reader
    of an e-mail or a feed reader can follow them."""
    env = os.environ if env is None else env
    return (env.get("DUCHA_BASE_URL") or "").strip().rstrip("/")


def absolute(link: str, base: str) -> str:
    """``link`` prefixed with ``base`` when it is a path of the archive's web (``/…``); other links unchanged."""
    return base + link if base and link.startswith("/") else link


@dataclass(frozen=True)
class Watch:
    """A saved keyword watch: every term of ``query`` must occur in a new posting's title or text."""

    name: str
    query: str
    region: str | None = None
    site_id: str | None = None
    doc_type: str | None = None


@dataclass(frozen=True)
class OpsConfig:
    """Everything the scheduler and ``after_run`` need."""

    db: str = "archive.db"
    sites_file: str | None = None
    mirror: str | None = None
    timezone: str = DEFAULT_TIMEZONE
    jobstore: str | None = None          # default: <db>.jobs.sqlite
    misfire_grace_s: int = 12 * 3600
    kill_grace_s: float = 30.0
    crawl_command: tuple[str, ...] | None = None   # default: python -m crawler.cli crawl
    extra_args: tuple[str, ...] = ()
    groups: tuple[Group, ...] = (Group(name="daily"),)
    health: HealthConfig = field(default_factory=HealthConfig)
    alerts: AlertConfig = field(default_factory=AlertConfig)
    watches: tuple[Watch, ...] = ()
    source: str | None = None            # the file it was read from
    broker: str | None = None            # the engine (DUCHA_BROKER): the scheduler runs the nodes' writer
    silent_after_s: float = 120.0        # a worker, node or writer silent this long is alerted (DUCHA_SILENT_AFTER)

    def jobstore_path(self) -> Path:
        """The APScheduler job store (SQLite) file."""
        return Path(self.jobstore) if self.jobstore else jobstore_path_for(self.db)

    def base_command(self) -> list[str]:
        """The crawl command without per-group options."""
        return list(self.crawl_command) if self.crawl_command else list(DEFAULT_CRAWL_COMMAND)

    def group(self, name: str) -> Group:
        """The group called ``name``; ``ConfigError`` if there is none."""
        for group in self.groups:
            if group.name == name:
                return group
        raise ConfigError(f"no group {name!r} in the schedule (groups: {', '.join(g.name for g in self.groups)})")


def _as_str(value: Any, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ConfigError(f"{key}: expected a string or number, got {value!r}")
    return str(value)


def _group(raw: Mapping[str, Any], index: int, rel: Callable[[str | None], str | None] = lambda v: v) -> Group:
    if not isinstance(raw, Mapping) or not raw.get("name"):
        raise ConfigError(f"groups[{index}]: each group needs a name")
    name = str(raw["name"])
    dow = _as_str(raw.get("day_of_week", "*"), f"groups.{name}.day_of_week").strip().lower()
    if not _DAY_OF_WEEK.match(dow.replace(" ", "")):
        raise ConfigError(f"groups.{name}.day_of_week: {dow!r} — use day names such as 'mon-fri' or "
                          "'mon,wed,fri' (APScheduler numbers Monday 0, unlike cron)")
    sites = raw.get("sites") or ()
    if isinstance(sites, str) or not all(isinstance(s, str) for s in sites):
        raise ConfigError(f"groups.{name}.sites: expected a list of site ids")
    return Group(
        name=name, sites=tuple(sites), day_of_week=dow.replace(" ", ""),
        hour=_as_str(raw.get("hour", 6), f"groups.{name}.hour"),
        minute=_as_str(raw.get("minute", 30), f"groups.{name}.minute"),
        second=_as_str(raw.get("second", 0), f"groups.{name}.second"),
        timeout_s=float(raw.get("timeout_s", raw.get("timeout", 3 * 3600))),
        full=bool(raw.get("full", False)),
        sites_file=rel(raw.get("sites_file")),
    )


def _watch(raw: Mapping[str, Any], index: int) -> Watch:
    if not isinstance(raw, Mapping) or not raw.get("name") or not str(raw.get("query") or "").strip():
        raise ConfigError(f"watches[{index}]: each watch needs a name and a query")
    return Watch(name=str(raw["name"]), query=str(raw["query"]), region=raw.get("region"),
                 site_id=raw.get("site_id"), doc_type=raw.get("doc_type"))


def _regions(value: Any) -> tuple[str, ...]:
    """``alerts.ledger_regions``: a list of region names, or one comma-separated string (the env form)."""
    if value is None or value == "":
        return ()
    items = value.replace("，", ",").split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
        raise ConfigError(f"alerts.ledger_regions: expected a list of region names such as [四川省, 云南], got {value!r}")
    return tuple(i.strip() for i in items if i.strip())


def _flag(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{key}: expected true or false, got {value!r}")


def _smtp(raw: Mapping[str, Any] | None, env: Mapping[str, str]) -> SmtpConfig | None:
    raw = dict(raw or {})
    host = env.get("DUCHA_SMTP_HOST") or raw.get("host")
    if not host:
        return None
    to = env.get("DUCHA_ALERT_EMAIL") or raw.get("to") or ()
    to = tuple(a.strip() for a in to.split(",")) if isinstance(to, str) else tuple(to)
    if not to:
        raise ConfigError("alerts.smtp: 'to' (or DUCHA_ALERT_EMAIL) is required when an SMTP host is set")
    return SmtpConfig(
        host=str(host), port=int(env.get("DUCHA_SMTP_PORT") or raw.get("port", 25)),
        sender=env.get("DUCHA_SMTP_FROM") or raw.get("from", "ducha@localhost"), to=to,
        user=env.get("DUCHA_SMTP_USER") or raw.get("user"), password=env.get("DUCHA_SMTP_PASSWORD"),
        starttls=bool(raw.get("starttls", False)),
    )


def load_config(path: str | Path | None = None, *, env: Mapping[str, str] | None = None) -> OpsConfig:
    """Read the schedule file (``path``, else ``$DUCHA_SCHEDULE``, else none) and apply ``DUCHA_*`` overrides.

    Relative paths inside the file are resolved against the file's folder.
    """
    env = os.environ if env is None else env
    path = path or env.get("DUCHA_SCHEDULE")
    raw: dict[str, Any] = {}
    base = Path.cwd()
    if path:
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise ConfigError(f"cannot read the schedule file {path}: {exc}") from exc
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: expected a mapping at the top level")
        base = Path(path).resolve().parent

    def rel(value: str | None) -> str | None:
        return None if not value else str(value if Path(value).is_absolute() or "://" in value else base / value)

    groups = tuple(_group(g, i, rel) for i, g in enumerate(raw.get("groups") or [{"name": "daily"}]))
    if len({g.name for g in groups}) != len(groups):
        raise ConfigError("groups: names must be unique")
    alerts_raw = raw.get("alerts") or {}
    health_raw = raw.get("health") or {}
    unknown = set(health_raw) - set(HealthConfig.__dataclass_fields__)
    if unknown:
        raise ConfigError(f"health: unknown key(s) {', '.join(sorted(unknown))}")
    command = raw.get("crawl_command")
    if command is not None and (isinstance(command, str) or not all(isinstance(c, str) for c in command)):
        raise ConfigError("crawl_command: expected a list of strings")
    return OpsConfig(
        db=env.get("DUCHA_DB") or rel(raw.get("db")) or "archive.db",
        sites_file=rel(env.get("DUCHA_SITES_FILE") or raw.get("sites_file")),
        mirror=env.get("DUCHA_MIRROR") or raw.get("mirror"),
        timezone=env.get("DUCHA_TIMEZONE") or raw.get("timezone") or DEFAULT_TIMEZONE,
        jobstore=rel(env.get("DUCHA_JOBSTORE") or raw.get("jobstore")),
        misfire_grace_s=int(raw.get("misfire_grace_s", 12 * 3600)),
        kill_grace_s=float(raw.get("kill_grace_s", 30)),
        crawl_command=tuple(command) if command else None,
        extra_args=tuple(str(a) for a in raw.get("extra_args") or ()),
        groups=groups,
        health=HealthConfig(**{k: float(v) for k, v in health_raw.items()}),
        alerts=AlertConfig(
            webhook_url=env.get("DUCHA_ALERT_WEBHOOK") or alerts_raw.get("webhook_url"),
            webhook_timeout_s=float(alerts_raw.get("webhook_timeout_s", 10)),
            smtp=_smtp(alerts_raw.get("smtp"), env),
            log_file=rel(env.get("DUCHA_ALERT_LOG") or alerts_raw.get("log_file")),
            reminder_hours=float(env.get("DUCHA_ALERT_REMINDER_HOURS") or alerts_raw.get("reminder_hours", 24)),
            ledger_overdue=_flag(env.get("DUCHA_ALERT_LEDGER_OVERDUE") or alerts_raw.get("ledger_overdue", True),
                                 "alerts.ledger_overdue"),
            ledger_regions=_regions(env.get("DUCHA_ALERT_LEDGER_REGIONS") or alerts_raw.get("ledger_regions")),
            base_url=base_url(env) or str(alerts_raw.get("base_url") or "").rstrip("/"),
        ),
        watches=tuple(_watch(w, i) for i, w in enumerate(raw.get("watches") or ())),
        source=str(path) if path else None,
        broker=env.get("DUCHA_BROKER") or raw.get("broker") or None,
        silent_after_s=float(env.get("DUCHA_SILENT_AFTER") or raw.get("silent_after_s", 120)),
    )
