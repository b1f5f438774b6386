"""``ducha ocr`` and ``ducha worker``: recognition of scans in this process or on the engine's workers
(thin shells over crawler/scan_reader.py, crawler/broker*.py)."""
from __future__ import annotations

import json
import sys

import click

from crawler.cli_options import BROKER_OPTION, DB_OPTION, configure_logging


@click.command()
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

    configure_logging()
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


@click.command()
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

    configure_logging()
    try:
        run_worker(broker, queues=[q.strip() for q in queues.split(",") if q.strip()], burst=burst,
                   blob_dir=blob_dir)
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from exc
