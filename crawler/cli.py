"""The ``ducha`` command: thin Click shells over the library (archive/, crawler/, simweb/).

Each command parses options, calls one library function and turns its errors into a
ClickException that says what to do.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

import click

from archive.errors import ArchiveUnusableError
from archive.opening import translate
from archive.spreadsheet import with_bom
from crawler.cli_options import (
    BROKER_OPTION,
    DATE,
    DB_META,
    DB_OPTION,
    configure_logging,
    default_db,
    quiet_chatty_libraries,
)

logger = logging.getLogger(__name__)
class DuchaGroup(click.Group):
    """The one place where an unusable archive becomes a message and an exit code (docs/operations.md):
    the library's named errors, and SQLite's errors met later (a page found damaged, a lock held too long)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (ArchiveUnusableError, sqlite3.Error) as exc:
            error = exc if isinstance(exc, ArchiveUnusableError) else translate(
                exc, ctx.meta.get(DB_META) or default_db())
            if error is None:
                raise
            click.echo(f"ducha: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=DuchaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ducha-archive")
def main() -> None:
    """Ducha Archive (督察公示存档): crawl, archive and serve Chinese environmental disclosures."""


def _require_simulator() -> None:
    """The simulated web's libraries are the ``sim`` extra: say how to get them instead of a traceback."""
    try:
        import simweb.server  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            f"the simulated web needs the `sim` extra ({exc.name} is missing): "
            "pip install 'ducha-archive[sim]', or run scripts/setup.sh in a checkout") from exc


class RefusedError(click.ClickException):
    """A run refused before it starts (a sites file unusable as a whole, an unknown site): exit 2, like a bad
    option, so it never reads as "some sites failed" (exit 1)."""

    exit_code = 2


def _parse_settings(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="-s")
        out[name.strip()] = value
    return out


@main.command()
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Sites file (YAML); default: the bundled registry of real sites.")
@click.option("--site", "site_ids", multiple=True, metavar="ID", help="Only this site id (repeatable).")
@click.option("--mirror", metavar="URL", help="Fetch every URL from this mirror (http://127.0.0.1:PORT/host/path).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True)
def probe(sites_file, site_ids, mirror, fmt) -> None:
    """One look at each site's start pages, nothing archived. Exits 1 when a site yields no posting."""
    from crawler.errors import CrawlSetupError, SitesFileError, UnknownSiteError
    from crawler.runner import spider_class
    from crawler.settings import DUCHA_BROWSER, USER_AGENT

    spidercls = spider_class()  # the probe lives beside the spider (crawler/ never imports spiders/)
    try:
        chosen = spidercls.select_sites(sites_file, list(site_ids))
    except UnknownSiteError as exc:
        raise click.UsageError(str(exc)) from exc
    except (SitesFileError, CrawlSetupError) as exc:
        raise RefusedError(str(exc)) from exc
    from crawler.progress import probe_progress

    total = sum(len(site.start_urls) for site in chosen)
    with probe_progress(total, enabled=sys.stderr.isatty()) as tick:
        result = spidercls.probe_sites(chosen, user_agent=USER_AGENT, mirror=mirror or "", browser=DUCHA_BROWSER,
                                       on_row=tick)
    text = result.format_rows(result.rows, fmt)
    click.echo(with_bom(text) if fmt == "csv" else text, nl=False)
    failed = result.failed_sites(result.rows)
    for label, reason in getattr(chosen, "rejected", {}).items():
        click.echo(f"INVALID {label}: {reason}", err=True)
    if failed:
        click.echo(f"no postings from: {', '.join(failed)}", err=True)
    if failed or getattr(chosen, "rejected", None):
        sys.exit(1)


@main.command()
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Sites file (YAML); default: the bundled registry of real sites.")
@click.option("--site", "site_ids", multiple=True, metavar="ID", help="Only this site id (repeatable).")
@DB_OPTION
@click.option("--mirror", metavar="URL", help="Fetch every URL from this mirror (http://127.0.0.1:PORT/host/path).")
@click.option("--full", is_flag=True, help="Re-verify every known posting, not only those due.")
@click.option("--recapture", is_flag=True,
              help="Verify every WARC record first; fetch live postings whose evidence is lost again.")
@click.option("-s", "settings", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting (repeatable).")
@click.option("--node", metavar="NAME", help="Crawl as this crawl node: only the sites pinned to it (node: NAME), "
              "captures sent to the engine's writer (needs --broker; --db is then the node's scratch archive).")
@click.option("--broker", metavar="URL", envvar="DUCHA_BROKER", show_envvar=True,
              help="The engine (redis://HOST:PORT/N): without --node, sites pinned to a node are left to it.")
def crawl(sites_file, site_ids, db, mirror, full, recapture, settings, node, broker) -> None:
    """One crawl run into the archive. Exits 1 naming the sites that failed (the rest are archived),
    74 when the disk is full, 130/143 when stopped by SIGINT/SIGTERM (the run is recorded interrupted)."""
    from archive.errors import ArchiveFullError
    from archive.opening import check_writable
    from archive.ops.lock import EXIT_LOCKED, CrawlLockBusy, crawl_lock
    from crawler.errors import BrokerError, CrawlSetupError, SitesFileError, UnknownSiteError
    from crawler.runner import EXIT_DISK_FULL, run_crawl, spider_class

    overrides = _parse_settings(settings)
    quiet_chatty_libraries()  # Scrapy configures the crawl's own logging
    if recapture:
        overrides["DUCHA_RECAPTURE"] = "True"
    try:  # read before the lock: a refused crawl creates no file
        if node and not broker:
            raise click.UsageError("--node needs --broker (or DUCHA_BROKER): the engine its captures go to")
        sites = spider_class().select_sites(sites_file, list(site_ids))
        if broker:  # pinned sites are their nodes' (without an engine, one machine crawls them all)
            sites = spider_class().for_node(sites, node or None)
            if node and not sites:
                raise click.UsageError(f"no site of the sites file is pinned to node {node!r} (node: {node})")
        check_writable(db)  # a damaged or read-only archive is refused before the lock file is made
        with crawl_lock(db):
            run = {"sites_file": sites_file, "site_ids": list(site_ids), "mirror": mirror, "full": full}
            if node:
                from crawler.cli_nodes import crawl_node

                result = crawl_node(node=node, broker=broker, db=db, sites=sites, run=run, overrides=overrides)
            else:
                result = run_crawl(db=db, overrides=overrides, sites=sites, **run)
    except CrawlLockBusy as exc:
        click.echo(f"ducha crawl: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except UnknownSiteError as exc:
        raise click.UsageError(str(exc)) from exc
    except (SitesFileError, CrawlSetupError) as exc:
        raise RefusedError(str(exc)) from exc
    except ArchiveFullError as exc:
        click.echo(f"ducha crawl: {exc}; free space and run again", err=True)
        sys.exit(EXIT_DISK_FULL)
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"run {result.run_id}: {result.status}")
    for site_id, counts in result.sites.items():
        click.echo(f"  {site_id:<12} postings {counts['entries']:>5}  new {counts['new']:>4}  "
                   f"changed {counts['changed']:>3}  removed {counts['removed']:>3}  "
                   f"unreachable {counts['unreachable']:>3}  blocked {counts['blocked']:>3}")
    for site_id, counts in result.sites.items():
        if counts.get("list_warnings"):
            click.echo(f"WARNING {site_id}: its list came from a last-resort source (rendered page or rows hidden "
                       f"in an HTML comment, possibly stale); see the log", err=True)
    for site_id, reason in result.failed.items():
        click.echo(f"{'INTERRUPTED' if result.stopped_by else 'FAILED'} {site_id}: {reason}", err=True)
    if result.disk_full:
        click.echo(f"STOPPED: disk full ({result.disk_full}); free space and run again", err=True)
    sys.exit(result.exit_code)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", required=True, help="The page's original URL (for relative links and URL dates).")
@click.option("--encoding", metavar="ENC", help="Force this encoding instead of detecting it.")
def extract(file, url, encoding) -> None:
    """Parse one saved detail page offline and print one JSON object."""
    from crawler.extract_command import extract_file

    try:
        result = extract_file(Path(file), url=url, encoding=encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot decode {file}: {exc}") from exc
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command()
@DB_OPTION
@click.option("--port", default=8001, show_default=True, type=int, metavar="N")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="HOST")
def serve(db, port, host) -> None:
    """Datasette over the archive, with datasette-metadata.json and the project's plugins."""
    from crawler.serve import serve_datasette

    sys.exit(serve_datasette(db, host=host, port=port))


@main.command()
@click.option("--port", default=8000, show_default=True, type=int, metavar="N", help="0 picks a free port.")
@click.option("--day", default=0, show_default=True, type=int, metavar="N", help="Simulated day to start on.")
@click.option("--docs-per-site", default=40, show_default=True, type=click.IntRange(10, 10_000), metavar="N")
@click.option("--faults", default="none", show_default=True, metavar="PROFILE", help="Fault profile for every site.")
@click.option("--seed", default=1, show_default=True, type=int, metavar="N")
@click.option("--start-date", type=DATE, metavar="DATE", help="Date of day 0 (YYYY-MM-DD); default: a fixed date.")
@click.option("--scans", default=0, show_default=True, type=click.IntRange(0), metavar="N",
              help="Publish one posting in N as a scan (image-only PDF, JPEG, image body); 0: none.")
@click.option("--site-set", type=click.Choice(["classic", "script", "all", "city"]), default="classic", show_default=True,
              help="Sites listed in its sites file: the eight classic ones, the script-driven ones, all, or the city and district portals' channels with their provinces' department sites.")
def simweb(port, day, docs_per_site, faults, seed, start_date, scans, site_set) -> None:
    """The simulated provincial web alone, on loopback (mirror layout)."""
    _require_simulator()
    from simweb.server import run_forever

    configure_logging()
    import datetime as dt

    run_forever(port=port, day=day, docs_per_site=docs_per_site, faults=faults, seed=seed,
                start_date=dt.date.fromisoformat(start_date) if start_date else None, scans=scans, sites=site_set)


@main.command()
@DB_OPTION
@click.option("--port", default=8001, show_default=True, type=int, metavar="N", help="Datasette port.")
@click.option("--days", default=3, show_default=True, type=click.IntRange(0, 30), metavar="N",
              help="Simulated days to crawl after day 0 (edits, deletions, backdating appear).")
@click.option("--docs-per-site", default=40, show_default=True, type=click.IntRange(10, 10_000), metavar="N")
@click.option("--no-serve", is_flag=True, help="Stop after crawling (do not start Datasette).")
@click.option("--fresh", is_flag=True, help="Delete the archive (and its warc/ folder) first.")
def demo(db, port, days, docs_per_site, no_serve, fresh) -> None:
    """Offline demo: simulated web → crawl (one run per simulated day) → archive → Datasette."""
    _require_simulator()
    from crawler.demo import existing_runs, port_in_use, remove_archive, run_demo

    configure_logging()
    if not no_serve and (busy := port_in_use(port)):
        raise click.ClickException(f"port {port} is not free ({busy}): another program serves it; "
                                   "pick another with --port N (or use --no-serve)")
    if fresh:
        remove_archive(db)
    elif existing_runs(db):  # its simulated days would start again at day 0: false removals and versions
        click.echo(f"demo: {db} already holds {existing_runs(db)} run(s); a demo crawls from simulated day 0 "
                   "again and would record false removals: use --fresh to start over, or --db NEW.db", err=True)
        sys.exit(2)
    failures = run_demo(db=db, days=days, docs_per_site=docs_per_site)
    if failures:
        click.echo(f"demo: {failures} crawl run(s) reported failed sites (see above)", err=True)
    if no_serve:
        sys.exit(1 if failures else 0)
    from crawler.serve import serve_datasette

    click.echo(f"Datasette: http://127.0.0.1:{port}/  (Ctrl-C to stop)")
    sys.exit(serve_datasette(db, host="127.0.0.1", port=port))


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
              add_help_option=False)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def schedule(args) -> None:
    """The daily scheduler in the foreground (wraps scheduler.py; `ducha schedule --help` for its options)."""
    import scheduler

    sys.exit(scheduler.main(list(args)))


@main.command()
@DB_OPTION
def runs(db) -> None:
    """Run history, one line per run."""
    from archive.ops.status import format_runs

    click.echo(format_runs(db))


@main.command()
@DB_OPTION
@BROKER_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the engine's queues and workers (with --broker).")
def status(db, broker, fmt) -> None:
    """Last run per site, its health, and the next scheduled run (with --broker: queues, workers, crawl nodes and
    the writer with their last heartbeats, and those silent longer than DUCHA_SILENT_AFTER seconds)."""
    from archive.ops.status import format_status, status_exit_code
    from crawler.clock import now

    current = now()
    engine = _engine_status(broker) if broker else None
    if fmt == "json":
        click.echo(json.dumps({"engine": engine, "queues": (engine or {}).get("queues", {})}, ensure_ascii=False))
    else:
        click.echo(format_status(db, now=current))
        if engine is not None:
            from archive.ops.engine import format_engine

            click.echo(format_engine(engine))
    sys.exit(status_exit_code(db, now=current))


def _engine_status(broker: str) -> dict:
    from archive.ops.engine import SILENT_AFTER, engine_status
    from archive.ops.errors import EngineUnreachable

    try:
        return engine_status(broker, silent_after=float(os.environ.get("DUCHA_SILENT_AFTER") or SILENT_AFTER))
    except EngineUnreachable as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option("--mirror", metavar="URL", help="Fetch every URL from this mirror (http://127.0.0.1:PORT/host/path).")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "yaml"]), default="md", show_default=True)
@click.option("--write-sites", "write_sites", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also write the channels found as sites-file entries (marked discovered) to FILE.")
def discover(urls, mirror, fmt, write_sites) -> None:
    """From each host's home page, find the channels carrying 督察整改 / 公告 / 环评 postings. Exits 1 when a host yields none."""
    from crawler.runner import spider_class
    from crawler.settings import DOWNLOAD_DELAY, DUCHA_BROWSER, USER_AGENT

    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise click.UsageError(f"not a home page URL (http:// or https://): {', '.join(bad)}")
    spidercls = spider_class()  # discovery lives beside the spider (crawler/ never imports spiders/)
    delay = 0.0 if mirror else DOWNLOAD_DELAY  # polite on the real web; a mirror is ours
    results = spidercls.discover_hosts(list(urls), user_agent=USER_AGENT, mirror=mirror or "", browser=DUCHA_BROWSER,
                                       delay=delay)
    click.echo(spidercls.format_discovery(results, fmt), nl=False)
    if write_sites:
        Path(write_sites).write_text(spidercls.format_discovery(results, "yaml"), encoding="utf-8")
    empty = [r.url for r in results if not r.channels]
    if empty:
        click.echo(f"no channel found on: {', '.join(empty)}", err=True)
        sys.exit(1)


@main.command()
@DB_OPTION
def migrate(db) -> None:
    """Bring an existing archive's schema up to date (readers refuse an older one until this or a crawl ran)."""
    from archive.opening import check_file
    from archive.ops.db import opened

    configure_logging()
    check_file(db)
    with opened(db):
        pass
    click.echo(f"{db}: schema up to date")


def _add_commands() -> None:
    """The commands that live in modules of their own."""
    from crawler.cli_engine import ocr, worker
    from crawler.cli_evidence import evidence, keys, report, verify
    from crawler.cli_nodes import writer
    from crawler.cli_texts import texts

    for command in (report, evidence, verify, keys, ocr, worker, writer, texts):
        main.add_command(command)


_add_commands()

if __name__ == "__main__":
    main()
