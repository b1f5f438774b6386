"""The ``ducha`` command: thin Click shells over the library (archive/, crawler/, simweb/).

Each command parses options, calls one library function and turns its errors into a
ClickException that says what to do.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from crawler.runner import default_db

logger = logging.getLogger(__name__)
DB_OPTION = click.option("--db", "db", default=default_db, show_default="archive.db or $DUCHA_DB",
                         type=click.Path(dir_okay=False), metavar="PATH", help="Archive file.")


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    from crawler.errors import CrawlSetupError, SitesFileError
    from crawler.runner import spider_class
    from crawler.settings import DUCHA_BROWSER, USER_AGENT

    spidercls = spider_class()  # the probe lives beside the spider (crawler/ never imports spiders/)
    try:
        chosen = spidercls.select_sites(sites_file, list(site_ids))
    except (SitesFileError, CrawlSetupError) as exc:
        raise click.ClickException(str(exc)) from exc
    from crawler.progress import probe_progress

    total = sum(len(site.start_urls) for site in chosen)
    with probe_progress(total, enabled=sys.stderr.isatty()) as tick:
        result = spidercls.probe_sites(chosen, user_agent=USER_AGENT, mirror=mirror or "", browser=DUCHA_BROWSER,
                                       on_row=tick)
    click.echo(result.format_rows(result.rows, fmt), nl=False)
    failed = result.failed_sites(result.rows)
    if failed:
        click.echo(f"no postings from: {', '.join(failed)}", err=True)
        sys.exit(1)


@main.command()
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Sites file (YAML); default: the bundled registry of real sites.")
@click.option("--site", "site_ids", multiple=True, metavar="ID", help="Only this site id (repeatable).")
@DB_OPTION
@click.option("--mirror", metavar="URL", help="Fetch every URL from this mirror (http://127.0.0.1:PORT/host/path).")
@click.option("--full", is_flag=True, help="Re-verify every known posting, not only those due.")
@click.option("-s", "settings", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting (repeatable).")
def crawl(sites_file, site_ids, db, mirror, full, settings) -> None:
    """One crawl run into the archive. Exits 1 naming the sites that failed (the rest are archived)."""
    from archive.ops.lock import EXIT_LOCKED, CrawlLockBusy, crawl_lock
    from crawler.errors import CrawlSetupError, SitesFileError
    from crawler.runner import run_crawl

    overrides = _parse_settings(settings)
    _quiet_chatty_libraries()  # Scrapy configures the crawl's own logging
    try:
        with crawl_lock(db):
            result = run_crawl(db=db, sites_file=sites_file, site_ids=list(site_ids), mirror=mirror, full=full,
                               overrides=overrides)
    except CrawlLockBusy as exc:
        click.echo(f"ducha crawl: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except (SitesFileError, CrawlSetupError) as exc:
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
    if result.failed:
        for site_id, reason in result.failed.items():
            click.echo(f"FAILED {site_id}: {reason}", err=True)
        sys.exit(1)


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

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}: run `ducha crawl` or `ducha demo` first")
    sys.exit(serve_datasette(db, host=host, port=port))


@main.command()
@click.option("--port", default=8000, show_default=True, type=int, metavar="N", help="0 picks a free port.")
@click.option("--day", default=0, show_default=True, type=int, metavar="N", help="Simulated day to start on.")
@click.option("--docs-per-site", default=40, show_default=True, type=click.IntRange(10, 10_000), metavar="N")
@click.option("--faults", default="none", show_default=True, metavar="PROFILE", help="Fault profile for every site.")
@click.option("--seed", default=1, show_default=True, type=int, metavar="N")
@click.option("--start-date", metavar="DATE", help="Date of day 0 (YYYY-MM-DD); default: a fixed date.")
@click.option("--scans", default=0, show_default=True, type=click.IntRange(0), metavar="N",
              help="Publish one posting in N as a scan (image-only PDF, JPEG, image body); 0: none.")
@click.option("--site-set", type=click.Choice(["classic", "script", "all"]), default="classic", show_default=True,
              help="Sites listed in its sites file: the eight classic ones, the script-driven ones, or all.")
def simweb(port, day, docs_per_site, faults, seed, start_date, scans, site_set) -> None:
    """The simulated provincial web alone, on loopback (mirror layout)."""
    _require_simulator()
    from simweb.server import run_forever

    _configure_logging()
    run_forever(port=port, day=day, docs_per_site=docs_per_site, faults=faults, seed=seed, start_date=start_date,
                scans=scans, sites=site_set)


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
    from crawler.demo import existing_runs, remove_archive, run_demo

    _configure_logging()
    if fresh:
        remove_archive(db)
    elif existing_runs(db):
        click.echo(f"demo: {db} already holds {existing_runs(db)} run(s); the demo adds to it "
                   "(use --fresh to start over)", err=True)
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
def status(db) -> None:
    """Last run per site, its health, and the next scheduled run."""
    from archive.ops.status import format_status, status_exit_code
    from crawler.clock import now

    current = now()
    click.echo(format_status(db, now=current))
    sys.exit(status_exit_code(db, now=current))


@main.group()
def report() -> None:
    """Reports over the archive."""


@report.command("timeliness")
@DB_OPTION
@click.option("--region", metavar="R", help="Only this region: 四川 or 四川省 (a site id works too); an unknown "
              "one is an error listing the valid regions.")
@click.option("--since", metavar="DATE", help="Only postings published on or after this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv"]), default="md", show_default=True)
def report_timeliness(db, region, since, fmt) -> None:
    """Timeliness measures per site/region: median posting lag (with n), backdating, objection windows."""
    from archive.timeliness.report import render_report

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}")
    try:
        text = render_report(db, region=region, since=since, fmt=fmt)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(text)


@report.command("ledger")
@DB_OPTION
@click.option("--region", metavar="R", help="Only plans of this region (e.g. 四川省; a province includes its cities); "
              "an unknown one is an error (exit 2) listing the known regions.")
@click.option("--as-of", "as_of", metavar="DATE", help="Status and overdue flags as of this date (YYYY-MM-DD; default today in China, UTC+8).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True)
def report_ledger(db, region, as_of, fmt) -> None:
    """The rectification ledger: 整改方案 tasks, deadlines, 验收销号 close-outs, what is overdue.

    The ledger tables are brought up to date first (only plans with a new version are re-read)."""
    from sqlite_utils import Database

    from archive.errors import UnknownRegionError
    from archive.evidence import default_warc_dir
    from archive.ledger import build_ledger, render_ledger
    from archive.schema import ensure_schema

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}")
    handle = Database(db)
    try:
        ensure_schema(handle)
        build_ledger(handle, warc_dir=default_warc_dir(db))
    finally:
        handle.close()
    try:
        click.echo(render_ledger(db, region=region, as_of=as_of, fmt=fmt, check=True), nl=False)
    except UnknownRegionError as exc:  # exit 2, like a bad option: a typo must not look like "no plans"
        raise click.UsageError(str(exc)) from exc
    except ValueError as exc:
        raise click.ClickException(f"{exc} (dates are YYYY-MM-DD)") from exc


@main.command()
@click.argument("document_id", type=int)
@DB_OPTION
@click.option("--out", "out_dir", default="evidence", show_default=True, type=click.Path(file_okay=False),
              metavar="DIR")
@click.option("--export-failing", is_flag=True,
              help="Export even when the evidence does not verify (the manifest lists the failures).")
def evidence(document_id, db, out_dir, export_failing) -> None:
    """A posting's WARC records plus a JSON manifest of hashes (refused when they do not verify)."""
    from archive.evidence import export_evidence
    from archive.verify import verify_archive

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}")
    try:
        report = verify_archive(db, document_ids=[document_id])
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    if not report.ok:
        for problem in report.problems:
            click.echo(f"FAILED {problem.describe()}", err=True)
        if not export_failing:
            raise click.ClickException(f"the evidence of document {document_id} does not verify; not exported "
                                       "(--export-failing exports it with the failures listed)")
    try:
        manifest = export_evidence(db, document_id, out_dir)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps({"out": out_dir, "files": manifest.get("files", []), "verified": report.ok,
                           "failures": [p.describe() for p in report.problems]}, ensure_ascii=False))


@main.command()
@DB_OPTION
@click.option("--document", "document_ids", multiple=True, type=int, metavar="ID",
              help="Only this document id (repeatable).")
def verify(db, document_ids) -> None:
    """Re-read every WARC record the archive points at and compare digests; exit 1 naming each failure."""
    from archive.verify import verify_archive

    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}")
    try:
        report = verify_archive(db, document_ids=list(document_ids) or None)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in report.problems:
        click.echo(f"FAILED {problem.describe()}", err=True)
    click.echo(f"verify: {report.records} WARC records for {report.rows} rows of {report.documents} postings "
               f"in {report.seconds:.1f} s: " + ("ok" if report.ok else
                                                 f"{len(report.failing_documents)} postings failing"))
    if not report.ok:
        sys.exit(1)



@main.command()
@DB_OPTION
@click.option("--engine", type=click.Choice(["rapidocr", "tesseract"]), help="OCR engine (default: rapidocr).")
@click.option("--engine-version-changed", "version_changed", is_flag=True,
              help="Also re-recognise files recognised by another engine or engine version.")
@click.option("--missing", is_flag=True, help="Also recognise files archived before OCR that have no text.")
@click.option("--max-pages", default=20, show_default=True, type=click.IntRange(1),
              metavar="N", help="Pages per file and pass (a file is passed over until all its pages are done).")
@click.option("--page-timeout", default=60.0, show_default=True, type=float, metavar="S", help="Seconds for one page.")
def ocr(db, engine, version_changed, missing, max_pages, page_timeout) -> None:
    """Recognise scans left over by crawls (capped pages), or all again when the engine version changed."""
    from crawler.extraction.ocr import OcrUnavailable
    from crawler.ocr_command import rerecognise
    from crawler.scan_reader import OcrLimits

    _configure_logging()
    if not Path(db).exists():
        raise click.ClickException(f"no archive at {db}")

    def progress(summary, url) -> None:
        click.echo(f"[{summary.done + len(summary.failed)}/{summary.files}] {summary.pages} pages"
                   f" {summary.seconds:.0f} s  {url}", err=True)

    limits = OcrLimits(max_pages=max_pages, page_timeout=page_timeout, posting_timeout=max_pages * page_timeout)
    try:
        summary = rerecognise(db, engine=engine, version_changed=version_changed, missing=missing, limits=limits,
                              progress=progress)
    except OcrUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps({"engine": summary.engine, "files": summary.files, "done": summary.done,
                           "pages": summary.pages, "failed": summary.failed, "seconds": round(summary.seconds, 1)},
                          ensure_ascii=False))
    if summary.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
