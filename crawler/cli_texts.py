"""``ducha texts``: extract attachments' typed text again (locally, or on the engine's workers with ``--broker``);
a thin shell over crawler/text_jobs.py."""
from __future__ import annotations

import json
import sys

import click

from crawler.cli_options import default_db


@click.command()
@click.option("--db", "db", default=default_db, show_default="archive.db or $DUCHA_DB",
              type=click.Path(dir_okay=False), metavar="PATH", help="Archive file.")
@click.option("--every", is_flag=True,
              help="Every attachment not yet extracted by this extractor version (default: missing or failed text).")
@click.option("--timeout", default=120.0, show_default=True, type=float, metavar="S",
              help="Seconds of extraction per file before it is abandoned (as in a crawl).")
@click.option("--broker", metavar="URL", envvar="DUCHA_BROKER", show_envvar=True,
              help="The engine, redis://HOST:PORT/N: the files go to its workers (`ducha worker`) as jobs and "
                   "this process stores their results.")
def texts(db, every, timeout, broker) -> None:
    """Extract attachments' typed text again: those whose text is missing or failed, or all (--every)."""
    from archive.opening import check_file
    from crawler.cli_options import configure_logging
    from crawler.errors import BrokerError
    from crawler.text_jobs import TextLimits, extract_texts

    configure_logging()
    check_file(db)

    def progress(summary, what) -> None:
        click.echo(f"[{summary.done + len(summary.failed)}/{summary.files}] {summary.rows} rows"
                   f" {summary.seconds:.0f} s  {what}", err=True)

    try:
        summary = extract_texts(db, broker=broker or None, every=every, limits=TextLimits(timeout=timeout),
                                progress=progress)
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps({"extractor": summary.extractor, "files": summary.files, "done": summary.done,
                           "rows": summary.rows, "with_text": summary.with_text, "failed": summary.failed,
                           "seconds": round(summary.seconds, 1)}, ensure_ascii=False))
    if summary.failed:
        sys.exit(1)
