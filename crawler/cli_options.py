"""The options and helpers every ``ducha`` command module shares (crawler/cli.py and its cli_* siblings)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import click

DB_META = "ducha.db"


def default_db() -> str:
    """``DUCHA_DB`` or ``archive.db`` in the current folder."""
    return os.environ.get("DUCHA_DB") or str(Path("archive.db"))


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
    ctx.meta[DB_META] = value  # for the error translation of DuchaGroup
    return value


DB_OPTION = click.option("--db", "db", default=default_db, show_default="archive.db or $DUCHA_DB",
                         type=click.Path(dir_okay=False), metavar="PATH", help="Archive file.",
                         callback=_remember_db)


#: Libraries that log every token they read at DEBUG.  Scrapy lowers the root logger to NOTSET, so in a crawl each
#: call built a record its handler then dropped: pdfminer's (the ledger reading plan tables after a run) made
#: 0.8 M records, 65 s of CPU in a 3,000-page first crawl.
_CHATTY_LIBRARIES = ("pdfminer",)


def quiet_chatty_libraries() -> None:
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


def configure_logging() -> None:
    level = os.environ.get("DUCHA_LOG_LEVEL", "INFO").upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_chatty_libraries()


BROKER_OPTION = click.option("--broker", metavar="URL", envvar="DUCHA_BROKER", show_envvar=True,
                             help="The engine, redis://HOST:PORT/N (recognition jobs run on `ducha worker`s).")
