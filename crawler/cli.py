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
from crawler.runner import default_db

logger = logging.getLogger(__name__)
_DB_META = "ducha.db"


class IsoDate(click.ParamType):
    """A ``YYYY-MM-DD`` date (``archive.validate.parse_date``); anything else exits 2 saying the form."""

    name = "date"

    def convert(self, value, param, ctx):
        from archive.errors import InvalidParameterError
        from archive.validate import parse_date

        try:
            return parse_date(value, name=param.name if param else "date")
        except InvalidParameterError as exc:
            self.fail(str(exc), param, ctx)


DATE = IsoDate()


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta[_DB_META] = value  # for the error translation of DuchaGroup
    return value


DB_OPTION = click.option("--db", "db", default=default_db, show_default="archive.db or $DUCHA_DB",
                         type=click.Path(dir_okay=False), metavar="PATH", help="Archive file.",
                         callback=_remember_db)


class DuchaGroup(click.Group):
    """The one place where an unusable archive becomes a message and an exit code (docs/operations.md):
    the library's named errors, and SQLite's errors met later (a page found damaged, a lock held too long)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (ArchiveUnusableError, sqlite3.Error) as exc:
            error = exc if isinstance(exc, ArchiveUnusableError) else translate(
                exc, ctx.meta.get(_DB_META) or default_db())
            if error is None:
                raise
            click.echo(f"ducha: {error}", err=True)
            ctx.exit(error.exit_code)


#: Libraries that log every token they read at DEBUG.  Scrapy lowers the root logger to NOTSET, so in a crawl each
#: call built a record its handler then dropped: pdfminer's (the ledger reading plan tables after a run) made
#: 0.8 M records, 65 s of CPU in a 3,000-page first crawl.
_CHATTY_LIBRARIES = ("pdfminer",)


def _quiet_chatty_libraries() -> None:
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


def _configure_logging() -> None:
    level = os.environ.get("DUCHA_LOG_LEVEL", "INFO").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    _quiet_chatty_libraries()


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
    _quiet_chatty_libraries()  # Scrapy configures the crawl's own logging
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

    _configure_logging()
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

    _configure_logging()
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


BROKER_OPTION = click.option("--broker", metavar="URL", envvar="DUCHA_BROKER", show_envvar=True,
                             help="The engine, redis://HOST:PORT/N (recognition jobs run on `ducha worker`s).")


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


@main.group()
def report() -> None:
    """Reports over the archive."""


@report.command("timeliness")
@DB_OPTION
@click.option("--region", metavar="R", help="Only this region: 四川 or 四川省 (a site id works too); an unknown "
              "one is an error listing the valid regions.")
@click.option("--since", type=DATE, metavar="DATE", help="Only postings published on or after this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv"]), default="md", show_default=True)
def report_timeliness(db, region, since, fmt) -> None:
    """Timeliness measures per site/region: median posting lag (with n), backdating, objection windows."""
    from archive.errors import UnknownRegionError
    from archive.timeliness.report import render_report

    try:
        text = render_report(db, region=region, since=since, fmt=fmt)
    except UnknownRegionError as exc:  # exit 2, like a bad option: a typo must not look like "no postings"
        raise click.UsageError(str(exc)) from exc
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(with_bom(text) if fmt == "csv" else text)


@report.command("ledger")
@DB_OPTION
@click.option("--region", metavar="R", help="Only plans of this region (e.g. 四川省; a province includes its cities); "
              "an unknown one is an error (exit 2) listing the known regions.")
@click.option("--as-of", "as_of", type=DATE, metavar="DATE", help="Status and overdue flags as of this date (YYYY-MM-DD; default today in China, UTC+8).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True)
def report_ledger(db, region, as_of, fmt) -> None:
    """The rectification ledger: 整改方案 tasks, deadlines, 验收销号 close-outs, what is overdue.

    The ledger tables are brought up to date first (only plans with a new version are re-read)."""
    from archive.errors import UnknownRegionError
    from archive.evidence import default_warc_dir
    from archive.ledger import build_ledger, render_ledger
    from archive.opening import connect_read, writable
    from archive.ops.db import opened

    connect_read(db).close()  # no archive, a damaged or an outdated one: said before anything is written
    if writable(db):  # on read-only media the ledger is read as the last crawl built it
        with opened(db) as handle:
            build_ledger(handle, warc_dir=default_warc_dir(db))
    try:
        text = render_ledger(db, region=region, as_of=as_of, fmt=fmt, check=True)
    except UnknownRegionError as exc:  # exit 2, like a bad option: a typo must not look like "no plans"
        raise click.UsageError(str(exc)) from exc
    except ValueError as exc:
        raise click.ClickException(f"{exc} (dates are YYYY-MM-DD)") from exc
    click.echo(with_bom(text) if fmt == "csv" else text, nl=False)  # the BOM: Excel reads the CSV as UTF-8


@main.command()
@click.argument("document_id", type=int, required=False)
@DB_OPTION
@click.option("--out", "out_dir", default="evidence", show_default=True, type=click.Path(), metavar="DIR|FILE",
              help="Folder to write into; with --format wacz also a FILE ending in .wacz.")
@click.option("--format", "fmt", type=click.Choice(["warc", "wacz"]), default="warc", show_default=True,
              help="warc: WARC records + JSON manifest; wacz: one WACZ 1.1 package (replayable, validatable).")
@click.option("--run", "run_id", type=int, metavar="N", help="With --format wacz: everything run N captured.")
@click.option("--export-failing", is_flag=True,
              help="Export even when the evidence does not verify (the manifest lists the failures).")
def evidence(document_id, db, out_dir, fmt, run_id, export_failing) -> None:
    """A posting's WARC records plus a JSON manifest of hashes, or its WACZ package (refused when they do not
    verify)."""
    from archive.errors import EvidenceError
    from archive.evidence import export_evidence
    from archive.verify import verify_archive
    from archive.wacz import export_wacz

    if (document_id is None) == (run_id is None) or (run_id is not None and fmt != "wacz"):
        raise click.UsageError("give a DOCUMENT_ID, or --run N with --format wacz")
    failures: list[str] = []
    if document_id is not None:
        try:
            report = verify_archive(db, document_ids=[document_id])
        except LookupError as exc:
            raise click.ClickException(str(exc)) from exc
        failures = [p.describe() for p in report.problems]
        for failure in failures:
            click.echo(f"FAILED {failure}", err=True)
        if failures and not export_failing:
            raise click.ClickException(f"the evidence of document {document_id} does not verify; not exported "
                                       "(--export-failing exports it with the failures listed)")
    try:
        if fmt == "warc":
            files = export_evidence(db, document_id, out_dir).get("files", [])
        else:
            out = Path(out_dir)
            if out.suffix != ".wacz":
                out = out / (f"{document_id}.wacz" if document_id is not None else f"run-{run_id}.wacz")
            package = export_wacz(db, out, document_id=document_id, run_id=run_id)
            files = [str(package.path)]
    except (LookupError, EvidenceError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps({"out": out_dir, "files": files, "verified": not failures, "failures": failures},
                          ensure_ascii=False))


@main.command()
@DB_OPTION
@click.option("--document", "document_ids", multiple=True, type=int, metavar="ID",
              help="Only this document id (repeatable).")
@click.option("--chain", is_flag=True, help="Also check the daily manifests: links, signatures, timestamps "
              "(DUCHA_TSA_CA), and the WARC files and versions they list.")
def verify(db, document_ids, chain) -> None:
    """Re-read every WARC record the archive points at and compare digests; exit 1 naming each failure."""
    from archive.verify import verify_archive

    chain_ok = _verify_chain(db) if chain else True

    try:
        report = verify_archive(db, document_ids=list(document_ids) or None)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in report.problems:
        click.echo(f"FAILED {problem.describe()}", err=True)
    for lost in report.recaptured:
        click.echo(f"RECAPTURED {lost.describe()} (a later capture verifies in its place)", err=True)
    for lost in report.lost:
        click.echo(f"LOST {lost.describe()} (recorded by a crawl as lost for good: see evidence_recaptures)", err=True)
    click.echo(f"verify: {report.records} WARC records for {report.rows} rows of {report.documents} postings "
               f"in {report.seconds:.1f} s: " + ("ok" if report.ok else
                                                 f"{len(report.failing_documents)} postings failing")
               + (f" ({len(report.recaptured)} lost records re-captured)" if report.recaptured else "")
               + (f" ({len(report.lost)} records lost for good, recorded)" if report.lost else ""))
    if not report.ok or not chain_ok:
        sys.exit(1)


def _verify_chain(db: str) -> bool:
    """Print what ``verify_chain`` found (problems as FAILED, the rest as notes); True when nothing failed."""
    from archive.chain import verify_chain

    try:
        report = verify_chain(db)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in report.problems:
        click.echo(f"FAILED {problem}", err=True)
    for note in report.notes:
        click.echo(f"NOTE {note}", err=True)
    click.echo(f"chain: {report.manifests} manifests, {report.signed} signed, {report.timestamped} timestamps "
               f"verified: " + ("ok" if report.ok else f"{len(report.problems)} problems"))
    return report.ok


@main.group()
def keys() -> None:
    """The key that signs the daily chain of manifests."""


@keys.command("init")
@DB_OPTION
@click.option("--force", is_flag=True, help="Replace an existing key (older signatures then need the old public key).")
def keys_init(db, force) -> None:
    """Create the Ed25519 signing key (DUCHA_CHAIN_KEY or keys/ beside the archive) and publish its public key
    in chain/."""
    from archive.chain import init_keys
    from archive.errors import ChainKeyError

    try:
        private, public = init_keys(db, force=force)
    except ChainKeyError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"private key: {private} (keep it secret, back it up)\npublic key: {public} (publish it)")


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

    _configure_logging()
    check_file(db)
    with opened(db):
        pass
    click.echo(f"{db}: schema up to date")


@main.command()
@DB_OPTION
@click.option("--engine", type=click.Choice(["rapidocr", "tesseract"]), help="OCR engine (default: rapidocr).")
@click.option("--engine-version-changed", "version_changed", is_flag=True,
              help="Also re-recognise files recognised by another engine or engine version.")
@click.option("--missing", is_flag=True, help="Also recognise files archived before OCR that have no text.")
@click.option("--max-pages", default=20, show_default=True, type=click.IntRange(1),
              metavar="N", help="Pages per file and pass (a file is passed over until all its pages are done).")
@click.option("--page-timeout", default=60.0, show_default=True, type=float, metavar="S", help="Seconds for one page.")
@BROKER_OPTION
def ocr(db, engine, version_changed, missing, max_pages, page_timeout, broker) -> None:
    """Recognise scans left over by crawls (capped pages), or all again when the engine version changed."""
    from archive.opening import check_file
    from crawler.errors import BrokerError
    from crawler.extraction.ocr import OcrUnavailable
    from crawler.ocr_command import rerecognise
    from crawler.scan_reader import OcrLimits

    _configure_logging()
    check_file(db)  # must exist; Archive refuses read-only media

    def progress(summary, url) -> None:
        click.echo(f"[{summary.done + len(summary.failed)}/{summary.files}] {summary.pages} pages"
                   f" {summary.seconds:.0f} s  {url}", err=True)

    limits = OcrLimits(max_pages=max_pages, page_timeout=page_timeout, posting_timeout=max_pages * page_timeout)
    try:
        if broker:
            from crawler.broker_writer import rerecognise_via_broker

            summary = rerecognise_via_broker(db, broker, engine=engine, version_changed=version_changed,
                                             missing=missing, limits=limits, progress=progress)
        else:
            summary = rerecognise(db, engine=engine, version_changed=version_changed, missing=missing,
                                  limits=limits, progress=progress)
    except (OcrUnavailable, BrokerError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps({"engine": summary.engine, "files": summary.files, "done": summary.done,
                           "pages": summary.pages, "failed": summary.failed, "seconds": round(summary.seconds, 1)},
                          ensure_ascii=False))
    if summary.failed:
        sys.exit(1)


@main.command()
@click.option("--broker", metavar="URL", envvar="DUCHA_BROKER", show_envvar=True, required=True,
              help="The engine, redis://HOST:PORT/N.")
@click.option("--queues", default="ocr,text", show_default=True, metavar="NAMES",
              help="Comma-separated queues to work on (ocr: recognition, text: attachment text).")
@click.option("--burst", is_flag=True, help="Exit when the queues are empty.")
@click.option("--blobs", "blob_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="A content-addressed blob store (DIR/aa/SHA256) for bytes the engine does not hold.")
def worker(broker, queues, burst, blob_dir) -> None:
    """Run recognition and attachment-text jobs from the engine (any machine; never touches the archive)."""
    from crawler.broker_worker import run_worker
    from crawler.errors import BrokerError

    _configure_logging()
    try:
        run_worker(broker, queues=[q.strip() for q in queues.split(",") if q.strip()], burst=burst,
                   blob_dir=blob_dir)
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from exc


def _add_node_commands() -> None:
    from crawler.cli_nodes import writer
    from crawler.cli_texts import texts

    main.add_command(writer)
    main.add_command(texts)


_add_node_commands()

if __name__ == "__main__":
    main()
