"""``ducha crawl --node NAME --broker URL`` (a crawl node) and ``ducha writer`` (the archive's writer of the
nodes' captures): thin shells over crawler/node.py and crawler/node_writer.py."""
from __future__ import annotations

import json
import logging
import sys
import uuid
from typing import TYPE_CHECKING

import click

from crawler.cli_options import default_db

if TYPE_CHECKING:
    from crawler.runner import CrawlResult

logger = logging.getLogger(__name__)


def node_overrides(node: str, broker: str, token: str) -> dict:
    """The settings that turn a crawl into a node's: captures sent to the engine, host leases held there."""
    from crawler import settings as project

    middlewares = {k: v for k, v in project.DOWNLOADER_MIDDLEWARES.items()
                   if k != "crawler.middlewares.WarcEvidenceMiddleware"}
    return {
        "DUCHA_BROKER": broker, "DUCHA_NODE": node, "DUCHA_NODE_RUN": token,
        "DOWNLOADER_MIDDLEWARES": {**middlewares, "crawler.middlewares.WarcEvidenceMiddleware": None,
                                   "crawler.node.NodeWarcMiddleware": 950},
        "ITEM_PIPELINES": {**project.ITEM_PIPELINES, "crawler.node.NodeShipPipeline": 200},
        "DOWNLOAD_HANDLERS": {"http": "crawler.node.LeasedDownloadHandler",
                              "https": "crawler.node.LeasedDownloadHandler"},
    }


def crawl_node(*, node: str, broker: str, db: str, sites, run: dict, overrides: dict) -> CrawlResult:
    """One crawl of the sites pinned to ``node`` into its scratch archive ``db``, each capture sent to the
    writer; ``begin`` before and ``end`` after (with the run's counts).  ``run``: run_crawl's other arguments."""
    import redis
    from scrapy.settings import Settings

    from crawler.broker import connect
    from crawler.clock import now_iso
    from crawler.node import entry, send
    from crawler.runner import run_crawl, site_row

    token = uuid.uuid4().hex
    settings = Settings({**overrides})
    client: redis.Redis = connect(broker).redis
    send(client, entry("begin", node, token, {"now": now_iso(settings), "sites": [site_row(s) for s in sites]}))
    result = run_crawl(db=db, sites=sites, overrides={**overrides, **node_overrides(node, broker, token)},
                       command=f"crawl --node {node}", bookkeeping=False, **run)
    if result.stopped_by is None:
        send(client, entry("end", node, token, {"now": now_iso(settings), "status": result.status,
                                                "sites": result.sites}))
    return result


@click.command()
@click.option("--db", "db", default=default_db, show_default="archive.db or $DUCHA_DB",
              type=click.Path(dir_okay=False), metavar="PATH", help="The archive (SQLite file).")
@click.option("--broker", metavar="URL", envvar="DUCHA_BROKER", show_envvar=True, required=True,
              help="The engine: redis://HOST:PORT/N.")
@click.option("--burst", is_flag=True, help="Exit when no capture is waiting.")
def writer(db, broker, burst) -> None:
    """Store the crawl nodes' captures into the archive (the archive's one writer; acknowledged after each
    commit, so a killed writer loses nothing: the next one stores what it left)."""
    from crawler.errors import BrokerError
    from crawler.node_writer import run_writer

    try:
        summary = run_writer(db, broker, burst=burst)
    except BrokerError as exc:
        raise click.ClickException(str(exc)) from exc
    latencies = sorted(summary.latencies)

    def quantile(q: float) -> float | None:
        return round(latencies[min(len(latencies) - 1, int(q * len(latencies)))], 3) if latencies else None

    click.echo(json.dumps({"entries": summary.entries, "claimed": summary.claimed, "stored": summary.stored,
                           "redelivered": summary.redelivered, "refused": summary.refused, "runs_ended": summary.runs_ended,
                           "latency_p50_s": quantile(0.5), "latency_p95_s": quantile(0.95),
                           "latency_max_s": quantile(1.0)}))
    sys.exit(0)
