"""A crawl node (``ducha crawl --node NAME --broker URL``): the same spiders, captures sent to the archive's writer.

::

    node: spider ─► NodeWarcMiddleware ─ local WARC record + the exchange kept (file, offset) ─┐
          item ───► NodeShipPipeline (200) ─ XADD ducha:captures {capture JSON, its exchanges} ◄┘
                 └► ArchivePipeline (300) ─ the node's own scratch archive (what it knows next run)
          LeasedDownloadHandler: one request per host at a time, a delay apart, whichever node sends it
    writer (crawler/node_writer.py): XREADGROUP ─► WARC records + rows ─► commit ─► XACK

A capture is sent before the node records it locally: a node killed between the two fetches the posting
again next run (the writer stores the second capture as a check of the same content), never loses it.
Plain redis-py streams, not scrapy-redis: scrapy-redis shares one request queue among identical spiders
and pushes items to a list without acknowledgement; here each node keeps its own sites and the writer
needs a consumer group that acknowledges after the commit.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import redis
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from archive.models import CheckOutcome, PageCapture
from archive.nodes import capture_to_dict, warc_refs
from archive.ops.engine import NODES, STREAM
from crawler.middlewares import WarcEvidenceMiddleware
from crawler.mirror import MirrorDownloadHandler

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 5.0
LEASE = "ducha:host:"  # key per host: held for the host's delay by the node whose request starts


def client_for(settings) -> redis.Redis:
    """The engine client of a node crawl (``DUCHA_BROKER``); NotConfigured on a local crawl."""
    url = settings.get("DUCHA_BROKER")
    if not url or not settings.get("DUCHA_NODE"):
        raise NotConfigured("not a crawl node")
    return redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=10)


def _exchanges(crawler) -> dict[tuple[str, int], dict[str, Any]]:
    """The exchanges recorded and not yet sent, by their local WARC ref (one dict per crawler)."""
    if not hasattr(crawler, "ducha_exchanges"):
        crawler.ducha_exchanges = {}
    found: dict[tuple[str, int], dict[str, Any]] = crawler.ducha_exchanges
    return found


class NodeWarcMiddleware(WarcEvidenceMiddleware):
    """The WARC middleware of a local crawl, keeping each exchange until its capture is sent."""

    def _write(self, request: Request, response: Response):
        exchange = self.exchange(request, response)
        ref = self.writer.write_exchange(**exchange)
        _exchanges(self.crawler)[(ref.file, ref.offset)] = exchange
        return ref


def send(client: redis.Redis, fields: dict[str, Any], *, retry_seconds: float = 300.0) -> None:
    """XADD one entry, waiting out an engine that is restarting (its AOF keeps what was added)."""
    deadline = time.monotonic() + retry_seconds
    while True:
        try:
            client.xadd(STREAM, fields)
            return
        except redis.ConnectionError as exc:
            if time.monotonic() > deadline:
                raise
            logger.warning("engine unreachable (%s); waiting", exc)
            time.sleep(1.0)


def entry(kind: str, node: str, token: str, data: dict[str, Any], exchanges: Sequence[dict] = ()) -> dict[str, Any]:
    """The fields of one stream entry: JSON metadata, and each exchange's bodies as fields of their own."""
    fields: dict[str, Any] = {"kind": kind, "node": node, "run": token}
    meta = []
    for i, exchange in enumerate(exchanges):
        meta.append({k: v for k, v in exchange.items() if k not in ("body", "request_body", "ref")}
                    | {"ref": list(exchange["ref"]) if exchange.get("ref") else None})
        fields[f"body:{i}"] = exchange["body"]
        fields[f"request_body:{i}"] = exchange["request_body"]
    fields["data"] = json.dumps({**data, "exchanges": meta}, ensure_ascii=False)
    return fields


class NodeShipPipeline:
    """Send every capture, with the exchanges its WARC refs name, to the writer; heartbeat while crawling."""

    def __init__(self, crawler, client: redis.Redis) -> None:
        self.crawler = crawler
        self.client = client
        settings = crawler.settings
        self.node, self.token = settings.get("DUCHA_NODE"), settings.get("DUCHA_NODE_RUN")
        self._beat_task: asyncio.Task | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, client_for(crawler.settings))

    def open_spider(self) -> None:
        self.beat()
        from twisted.internet import task

        self._loop = task.LoopingCall(self.beat)
        self._loop.start(HEARTBEAT_SECONDS, now=False)

    def beat(self) -> None:
        """This node's heartbeat in ``ducha:nodes`` (a Redis that is restarting is waited for, not fatal)."""
        try:
            self.client.hset(NODES, self.node, json.dumps(heartbeat(self.node, role="node")))
        except redis.RedisError as exc:
            logger.warning("engine unreachable (%s); retrying", exc)

    def process_item(self, item):
        if not isinstance(item, (PageCapture, CheckOutcome)):
            return item
        kept = _exchanges(self.crawler)
        exchanges = []
        for ref in warc_refs(item):
            exchange = kept.pop((ref.file, ref.offset), None)
            if exchange is None:
                logger.warning("%s: no exchange kept for %s:%d (sent with another capture?)", item.url, ref.file,
                               ref.offset)
                continue
            exchanges.append({**exchange, "ref": (ref.file, ref.offset)})
        data = {"capture_id": uuid.uuid4().hex, "capture": capture_to_dict(item)}
        send(self.client, entry("capture", self.node, self.token, data, exchanges))
        self.crawler.stats.inc_value("ducha/node/captures_sent")
        return item

    def spider_closed(self, spider) -> None:
        """The exchanges no capture named (list pages, robots.txt, retries) go to the writer's WARC too."""
        kept = _exchanges(self.crawler)
        if kept:
            exchanges = [{**e, "ref": ref} for ref, e in kept.items()]
            send(self.client, entry("exchanges", self.node, self.token, {}, exchanges))
            kept.clear()
        if getattr(self, "_loop", None) is not None and self._loop.running:
            self._loop.stop()
        try:  # a node that stops cleanly is never reported silent
            self.client.hdel(NODES, self.node)
        except redis.RedisError:
            logger.warning("could not remove this node's heartbeat")


def heartbeat(name: str, *, role: str, **extra: Any) -> dict[str, Any]:
    """What a node or the writer says of itself in ``ducha:nodes``."""
    return {"name": name, "role": role, "host": socket.gethostname(), "pid": os.getpid(),
            "last_seen": datetime.now(UTC).isoformat(timespec="seconds"), "epoch": time.time(), **extra}


class LeasedDownloadHandler(MirrorDownloadHandler):
    """The download handler of a node: a request leaves only while its node holds the host's lease in the
    engine (``SET NX``, a token per request), held until the answer is in and then for the host's delay
    (``PEXPIRE`` if still ours), so across every node a host gets one request at a time, a delay apart, as
    one machine's download slot gives it.  A node killed mid-request frees the host when the lease's
    ceiling (download timeout + delay) runs out.  On a local crawl (no node) it is the mirror handler."""

    _RELEASE = ("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2])"
                " else return 0 end")

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        try:
            self.client: redis.Redis | None = client_for(settings) if settings.getbool("DUCHA_HOST_LEASE") else None
        except NotConfigured:
            self.client = None
        self.default_delay = settings.getfloat("DOWNLOAD_DELAY")
        self.ceiling = settings.getfloat("DOWNLOAD_TIMEOUT")
        self.delays = {host: float(slot.get("delay", self.default_delay))
                       for host, slot in (settings.getdict("DOWNLOAD_SLOTS") or {}).items()}
        self.release = self.client.register_script(self._RELEASE) if self.client is not None else None
        self.stats = crawler.stats

    async def download_request(self, request: Request) -> Response:
        host = urlsplit(request.url).hostname or ""
        delay = self.delays.get(host, self.default_delay)
        if self.client is None or delay <= 0:
            return await super().download_request(request)
        token = uuid.uuid4().hex
        await self._lease(LEASE + host, token, int((self.ceiling + delay) * 1000))
        try:
            return await super().download_request(request)
        finally:
            try:  # the next request to this host, from any node, waits the delay from now
                self.release(keys=[LEASE + host], args=[token, int(delay * 1000)])
            except redis.RedisError as exc:
                logger.warning("host lease of %s not shortened (%s): it runs out by itself", host, exc)

    async def _lease(self, key: str, token: str, ceiling_ms: int) -> None:
        assert self.client is not None
        waited = 0.0
        while True:
            try:
                if self.client.set(key, token, nx=True, px=ceiling_ms):
                    break
                wait = min(100, max(10, int(self.client.pttl(key)))) / 1000
            except redis.ConnectionError as exc:  # never send unleased: politeness first
                logger.warning("engine unreachable for the host lease (%s); waiting", exc)
                wait = 1.0
            waited += wait
            await asyncio.sleep(wait)
        if waited:
            self.stats.inc_value("ducha/node/lease_wait_seconds", waited)
