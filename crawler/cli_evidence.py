"""``ducha report``, ``evidence``, ``verify`` and ``keys``: reading and proving what the archive holds
(thin shells over archive/)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from archive.spreadsheet import with_bom
from crawler.cli_options import DATE, DB_OPTION


@click.group()
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


@click.command()
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


@click.command()
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


@click.group()
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
