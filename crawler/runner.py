"""One crawl run in this process: record the run, run Scrapy, summarise per site.

Twisted's reactor cannot restart, so a process runs at most one crawl; the scheduler and the
demo start a new ``ducha crawl`` process for each run.
"""
from __future__ import annotations

import functools
import importlib
import inspect
import logging
import os
import signal
import sqlite3
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import get_spider_loader
from sqlite_utils import Database

from archive.chain import write_manifest
from archive.errors import ArchiveFullError, is_disk_full
from archive.ledger.build import build_ledger
from archive.ops import after_run
from archive.ops.runs import mark_crashed_runs, run_site_row, site_status
from archive.reserve import SpaceReserve
from archive.retype import retype_documents
from archive.store import Archive
from archive.timeliness.compute import compute_measures
from crawler.clock import now, now_iso
from crawler.context import warc_dir_for
from crawler.extensions import site_counts

logger = logging.getLogger(__name__)


#: ``ducha crawl``'s exit status when the disk (or ``DUCHA_MAX_DB_PAGES``) is full (EX_IOERR).
EXIT_DISK_FULL = 74

#: Scrapy's extensions that crawler.settings switches off (TELNETCONSOLE_ENABLED, REMOTE_CONTROL_ENABLED), left out
#: of the run's settings so that their modules are not imported: aiohttp and platformdirs, ~0.1 CPU-s a crawl.
SWITCHED_OFF_EXTENSIONS = ("scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl")

#: What ``ducha crawl`` prints for each failed site status of ``archive.ops.runs.site_status``.
FAILURE_MESSAGES = {
    "parse_errors": "{parse_errors} page(s) could not be processed (a bug or a new layout: see the log)",
    "not_archived": "{not_archived} posting(s) could not be archived: {not_archived_list}",
    "blocked": "blocked ({blocked} blocked responses)",
    "unreachable": "list pages unreachable",
    "empty": "no postings found on the list pages (layout changed?)",
    "invalid": "refused by the sites file, not crawled: {reason}",
    "interrupted": "interrupted before its walk finished ({entries} listed, {new} new archived so far)",
}


@dataclass
class CrawlResult:
    """What a run did: its id and status, counts per site, and the sites that failed with why."""

    run_id: int
    status: str
    sites: dict[str, dict[str, int]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    stopped_by: int | None = None  # the signal that interrupted the run (SIGINT / SIGTERM)
    disk_full: str | None = None  # the write that failed for want of space: the crawl stopped there

    @property
    def exit_code(self) -> int:
        """``ducha crawl``'s exit status: 0 ok, 1 some sites failed, 74 disk full, 128 + signal when interrupted."""
        if self.disk_full:
            return EXIT_DISK_FULL
        if self.stopped_by:
            return 128 + self.stopped_by
        return 1 if self.failed else 0


class StoppableProcess(CrawlerProcess):
    """Scrapy's process, remembering the first stop signal so the run is recorded ``interrupted``.

    Scrapy stops gracefully on the first SIGINT/SIGTERM and forcefully on the second; either way the
    spider never reaches its end of walk, so no removal is inferred.  A signal that arrives before the
    reactor starts (while the run is being recorded) is remembered too, and the crawl is not started.
    """

    stopped_by: int | None = None

    def _signal_shutdown(self, signum: int, frame) -> None:
        self.stopped_by = self.stopped_by or signum
        super()._signal_shutdown(signum, frame)

    def remember_early_signals(self) -> None:
        """Until Scrapy installs its own handlers: remember a stop signal instead of dying unrecorded."""
        def early(signum: int, _frame) -> None:
            self.stopped_by = self.stopped_by or signum
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, early)


def package_version(name: str) -> str:
    """Installed version of a distribution, or 'unknown'."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


SPIDER_NAME = "ducha"


def site_row(site) -> dict:
    """The ``sites`` table row of a registry entry."""
    host = urlsplit(site.start_urls[0]).hostname if site.start_urls else None
    return {"id": site.id, "name": site.name, "region": site.region, "level": site.level,
            "profile": site.profile, "host": host, "start_urls": list(site.start_urls)}


def build_settings(*, db: str, sites_file: str | None, site_ids: list[str], mirror: str | None, full: bool,
                   sites: list, overrides: dict[str, str] | None = None) -> Settings:
    """Scrapy settings for one run: the project's, our DUCHA_* values, per-host slots, then ``-s`` overrides."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for extension in SWITCHED_OFF_EXTENSIONS:  # Scrapy imports every listed extension, even one set to None
        settings["EXTENSIONS_BASE"].delete(extension, priority="project")
    settings.set("DUCHA_DB", db, priority="cmdline")
    settings.set("DUCHA_SITES_FILE", sites_file or "", priority="cmdline")
    settings.set("DUCHA_SITE_IDS", list(site_ids), priority="cmdline")
    settings.set("DUCHA_MIRROR", mirror or "", priority="cmdline")
    settings.set("DUCHA_FULL", full, priority="cmdline")
    settings.set("LOG_LEVEL", os.environ.get("DUCHA_LOG_LEVEL", "INFO"), priority="cmdline")
    slots = {}
    for site in sites:
        delay = site.options.get("delay")
        for url in site.start_urls:
            host = urlsplit(url).hostname
            if host and delay is not None:
                slots[host] = {"concurrency": 1, "delay": float(delay)}
    if slots:
        settings.set("DOWNLOAD_SLOTS", slots, priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


#: Scrapy modules that name their deprecated classes' module with ``inspect.stack()[1]``.
_STACK_READING_MODULES = ("scrapy.core.downloader.tls", "scrapy.core.downloader.contextfactory")


def import_without_source_reading() -> None:
    """Import Scrapy's TLS modules with ``inspect.stack`` reading no source lines: each looks up the module that
    defines its deprecated classes with ``inspect.stack()``, which otherwise reads the source of every frame of
    the (deep, at the crawl's start) stack, a noticeable part of the start-up; the module found is the same."""
    stack = inspect.stack
    inspect.stack = functools.partial(stack, 0)
    try:
        for name in _STACK_READING_MODULES:
            importlib.import_module(name)
    finally:
        inspect.stack = stack


def spider_class():
    """The crawl's spider class, found by name through ``SPIDER_MODULES`` as Scrapy itself does
    (so ``crawler/`` never imports ``spiders/``: the spiders build on the crawler, not the reverse)."""
    import_without_source_reading()  # the spiders' modules import them
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return get_spider_loader(settings).load(SPIDER_NAME)


def run_crawl(*, db: str, sites_file: str | None = None, site_ids: list[str] | None = None,
              mirror: str | None = None, full: bool = False, overrides: dict[str, str] | None = None,
              command: str = "crawl", sites: list | None = None, bookkeeping: bool = True) -> CrawlResult:
    """Run one crawl into ``db`` and return its result; the run is recorded in the ``runs`` table.

    ``sites``: the sites already read from ``sites_file`` (``select_sites``), so a bad file is refused
    before anything is created; entries the file refused (``sites.rejected``) fail by name.  ``bookkeeping``
    False (a crawl node's scratch archive): no measures, ledger, alerts or manifest after the run."""
    spidercls = spider_class()
    if sites is None:
        sites = spidercls.select_sites(sites_file, site_ids or [])  # the one read of the sites file per run
    rejected = dict(getattr(sites, "rejected", {}))
    settings = build_settings(db=db, sites_file=sites_file, site_ids=site_ids or [], mirror=mirror, full=full,
                              sites=sites, overrides=overrides)
    process = StoppableProcess(settings)
    process.remember_early_signals()
    archive = Archive(db, warc_dir=warc_dir_for(settings), max_pages=settings.getint("DUCHA_MAX_DB_PAGES"))
    try:
        mark_crashed_runs(archive.db, now=now_iso(settings))  # runs whose process died; this one completes them
        archive.upsert_sites([site_row(s) for s in sites])
        run_id = archive.begin_run(
            command=command, now=now_iso(settings),
            code_version=package_version("ducha-archive"),
            calendar_version=f"chinese_calendar {package_version('chinesecalendar')}",
        )
    except sqlite3.Error as exc:
        archive.db.close()
        if is_disk_full(exc):
            raise ArchiveFullError(f"disk full: the run could not even be recorded in {db} ({exc})") from exc
        raise
    settings.set("DUCHA_RUN_ID", run_id, priority="cmdline")
    reserve = SpaceReserve(db)
    reserve.hold()  # room for the run's end if the disk fills during the crawl
    crawler = process.create_crawler(spidercls)
    site_ids = [s.id for s in sites]
    result, stats = CrawlResult(run_id=run_id, status="crashed"), {}
    try:
        if process.stopped_by is None:
            process.crawl(crawler, sites=sites)
            process.start()
        stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
        if process.stopped_by is not None:
            stats.update(unfinished_stats(site_ids, signal.Signals(process.stopped_by).name))
        elif stats.get("ducha/disk_full"):
            stats.update(unfinished_stats(site_ids, "a full disk"))
        result = summarise(run_id, site_ids, stats, rejected=rejected)
        result.stopped_by = process.stopped_by
    finally:
        stats = stats or (crawler.stats.get_stats() if crawler.stats else {})
        reserve.release()
        lost = _close_run(archive, run_id, result.status, stats, site_ids, settings, rejected=rejected)
        result.disk_full = result.disk_full or lost
        if not result.disk_full and bookkeeping:
            after_crawl(db, run_id, settings)
    return result


def _close_run(archive: Archive, run_id: int, status: str, stats: dict, site_ids: list[str],
               settings: Settings, *, rejected: dict[str, str] | None = None) -> str | None:
    """Write the run's end (status, summary with the sites-file entries refused, WARC files) and close the
    runner's connection.

    Returns None, or on a full disk what could not be written (the status alone is tried then)."""
    warc_dir = Path(warc_dir_for(settings))
    step = "the run's end"
    try:
        summary = {**_summary_or_empty(stats, site_ids),
                   **{label: {"invalid": 1, "reason": why} for label, why in (rejected or {}).items()}}
        archive.finish_run(run_id, status=status, now=now_iso(settings), summary=summary,
                           warc_files=sorted(p.name for p in warc_dir.glob(f"ducha-{run_id}-*.warc.gz")))
        step = "the search index of the last postings (the next run indexes them)"
        archive.close()
    except (sqlite3.Error, ArchiveFullError) as exc:
        archive.db.close()
        if not is_disk_full(exc):
            raise
        lost = f"disk full: {step} could not be written ({exc})"
        logger.error("%s", lost)
        return lost
    return None


def after_crawl(db: str, run_id: int, settings: Settings) -> None:
    """Timeliness measures and the rectification ledger, then health checks, watches and alerts. Logged, never raised:
    the run itself is archived whatever happens here, and a failed check alerts by itself."""
    current = now(settings)
    try:
        handle = Database(db)
        try:  # only the postings this run looked at (and any newer doc_type rules re-typed): the others did not move
            checked = [r[0] for r in handle.execute(
                "SELECT DISTINCT document_id FROM checks WHERE run_id = ? AND document_id IS NOT NULL", [run_id])]
            retyped = retype_documents(handle, now=current).document_ids
            compute_measures(handle, now=current, document_ids=sorted({*checked, *retyped}))
        finally:
            handle.close()
    except Exception:  # bookkeeping must not lose the run
        logger.exception("timeliness measures failed after run %d", run_id)
    try:
        handle = Database(db)
        try:  # plans with a new version are re-read; links are recomputed
            build_ledger(handle, warc_dir=warc_dir_for(settings), now=current)
        finally:
            handle.close()
    except Exception:  # bookkeeping must not lose the run
        logger.exception("ledger build failed after run %d", run_id)
    try:
        after_run(db, run_id, now=current)
    except Exception:
        logger.exception("health checks / alerts failed after run %d", run_id)
    try:
        handle = Database(db)
        try:  # the run's signed manifest, linked to the one before (archive.chain)
            write_manifest(handle.conn, db, run_id, now=current.isoformat(), warc_dir=warc_dir_for(settings))
        finally:
            handle.close()
    except Exception:  # the run is archived whatever happens here; ducha verify --chain notes a run without one
        logger.exception("chain manifest failed after run %d", run_id)


def unfinished_stats(site_ids: list[str], why: str) -> dict[str, object]:
    """The counters of a run stopped (by a signal or a full disk) before its walks finished: each site's status
    becomes ``interrupted`` unless it had failed for a reason of its own."""
    logger.warning("crawl stopped by %s before it finished: its sites are recorded 'interrupted' and no "
                   "removal is inferred", why)
    return {"ducha/interrupted_by": why, **{f"ducha/site/{site_id}/interrupted": 1 for site_id in site_ids}}


def summarise(run_id: int, site_ids: list[str], stats: dict, *,
              rejected: dict[str, str] | None = None) -> CrawlResult:
    """Per-site counts and the failed sites (unreachable or blocked lists, no postings found, or refused by
    the sites file: ``rejected``, entry → reason); a run stopped by a signal is ``interrupted`` whatever its
    sites did."""
    result = CrawlResult(run_id=run_id, status="ok")
    for site_id in site_ids:
        counts = site_counts(stats, site_id)
        result.sites[site_id] = counts
        status = site_status(counts)
        if status != "ok":
            listed = "; ".join(f"{f['url']} ({f['reason']})" for f in failures_of(stats, site_id))
            result.failed[site_id] = FAILURE_MESSAGES[status].format(**counts, not_archived_list=listed)
    for label, reason in (rejected or {}).items():
        result.failed[label] = FAILURE_MESSAGES["invalid"].format(reason=reason)
    if result.failed:
        result.status = "failed" if len(result.failed) == len(site_ids) + len(rejected or {}) else "partial"
    if stats.get("ducha/interrupted_by"):
        result.status = "interrupted"
    if stats.get("ducha/disk_full"):  # stopped at the first failed write: nothing after it was tried
        result.status, result.disk_full = "failed", str(stats["ducha/disk_full"])
    return result


def _summary_or_empty(stats: dict, site_ids: list[str]) -> dict:
    """Per-site counters, plus the ``run_sites`` columns they map to."""
    started, finished = stats.get("start_time"), stats.get("finish_time")
    duration = (finished - started).total_seconds() if started and finished else None
    summary = {}
    for site_id in site_ids:
        counts = site_counts(stats, site_id)
        row = run_site_row(0, site_id, {**counts, "duration_s": duration})
        summary[site_id] = {**counts, **{k: v for k, v in row.items() if k not in ("run_id", "site_id")}}
        if counts.get("not_archived"):
            summary[site_id]["not_archived_urls"] = failures_of(stats, site_id)
    return summary


def failures_of(stats: dict, site_id: str) -> list[dict[str, str]]:
    """The postings of ``site_id`` this run could not archive: ``[{"url", "reason"}]`` (capped)."""
    return list(stats.get(f"ducha/site/{site_id}/not_archived_urls") or [])
