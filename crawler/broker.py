"""Recognition jobs on Redis (``--broker redis://HOST:PORT/N`` or ``DUCHA_BROKER``), with Dramatiq.

::

    writer (ducha ocr --broker)                      Redis (AOF on)                      ducha worker (any machine)
    bytes from the WARC ──SET NX──► ducha:blob:<sha256>  (content-addressed) ──GET──► verify sha256
    job id = ocr:<sha256>:<engine>:<version> ──► dramatiq queue "ocr" ──────────────► ScanReader (existing code)
                                                 ducha:results  HSET job id ◄────────── text, confidence, version
    HGET ─► archive_ocr.save + apply_to_attachments (one transaction) ─► HDEL, DEL blob

Dramatiq acknowledges a message only after the job returns; a worker killed mid-job stops sending
heartbeats and its unacknowledged messages are re-queued (``DUCHA_BROKER_HEARTBEAT`` seconds later).
A job may therefore run twice; its result is keyed by the job id (one field, overwritten with the same
content) and the writer stores a result only when it adds pages: at-least-once delivery, one effect.
Nothing here touches SQLite.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dramatiq
import redis
from dramatiq.brokers.redis import RedisBroker

from archive.ocr import OcrRecord
from archive.ops.engine import OCR_QUEUE, TEXT_QUEUE
from crawler.attachment_worker import AttachmentTextWorker
from crawler.errors import BrokerError
from crawler.extraction.attachments import EXTRACTOR
from crawler.scan_reader import OcrLimits, ScanReader

logger = logging.getLogger(__name__)

RESULTS = "ducha:results"  # hash: job id -> JSON result
BLOB = "ducha:blob:"


@dataclass
class Engine:
    """A connection to the engine: the Redis client and the Dramatiq broker with our actors declared."""

    url: str
    redis: redis.Redis
    broker: RedisBroker
    recognise: Any
    extract_text: Any


def connect(url: str) -> Engine:
    """Connect to ``redis://HOST:PORT/N``; raises BrokerError with what to do when it cannot be reached."""
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise BrokerError(f"--broker {url!r}: expected redis://HOST:PORT/N")
    client = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=10)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise BrokerError(f"cannot reach the engine at {url}: {exc} (is redis-server running there?)") from exc
    heartbeat = float(os.environ.get("DUCHA_BROKER_HEARTBEAT") or 60)
    broker = RedisBroker(url=url, heartbeat_timeout=int(heartbeat * 1000),
                         maintenance_chance=int(os.environ.get("DUCHA_BROKER_MAINTENANCE") or 1000))
    time_limit = int(float(os.environ.get("DUCHA_BROKER_JOB_LIMIT") or 3600) * 1000)
    options: dict[str, Any] = {"max_retries": 5, "time_limit": time_limit, "throws": (BrokerError,)}
    recognise = dramatiq.actor(actor_name="ducha_recognise", queue_name=OCR_QUEUE, broker=broker,
                               **options)(recognise_job)
    extract = dramatiq.actor(actor_name="ducha_text", queue_name=TEXT_QUEUE, broker=broker,
                             **options)(text_job)
    return Engine(url=url, redis=client, broker=broker, recognise=recognise, extract_text=extract)


def put_blob(client: redis.Redis, data: bytes) -> str:
    """Store ``data`` under its digest (once); returns the sha256."""
    sha256 = hashlib.sha256(data).hexdigest()
    client.set(BLOB + sha256, data, nx=True)
    return sha256


def get_blob(client: redis.Redis, sha256: str, blob_dir: str | None = None) -> bytes:
    """The bytes of ``sha256`` from Redis or ``blob_dir/<aa>/<sha256>``; raises BrokerError when absent or altered."""
    data = patient(client.get, BLOB + sha256)
    if data is None and blob_dir:
        path = Path(blob_dir) / sha256[:2] / sha256
        data = path.read_bytes() if path.exists() else None
    if data is None:
        raise BrokerError(f"bytes of {sha256[:12]}… are neither in the engine nor in the blob store")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BrokerError(f"bytes of {sha256[:12]}… do not match their digest: refused")
    return bytes(data)


#: How long a job waits out an unreachable engine for its own reads and writes (a Redis restart).
PATIENCE_SECONDS = 120.0


def patient(step: Callable[..., Any], *args: Any, seconds: float = PATIENCE_SECONDS) -> Any:
    """``step(*args)``, retried while the engine is unreachable (up to ``seconds``).

    A job must not fail for a Redis restart: Dramatiq would acknowledge it and enqueue its retry, and that
    enqueue, made while Redis is still down, fails: the job would be lost (the cause of the restart test's
    one-in-four failure)."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            return step(*args)
        except redis.ConnectionError as exc:
            if time.monotonic() > deadline:
                raise
            logger.warning("engine unreachable (%s); waiting", exc)
            time.sleep(0.5)


def ocr_job_id(sha256: str, engine: str, version: str) -> str:
    """The one id of a file's recognition by one engine version."""
    return f"ocr:{sha256}:{engine}:{version}"


def text_job_id(sha256: str, extractor: str = EXTRACTOR) -> str:
    """The one id of a file's typed-text extraction by one extractor version."""
    return f"text:{sha256}:{extractor}"


_WORKER: dict[str, Any] = {}


def _text_worker() -> AttachmentTextWorker:
    """One pool process per worker: the engine's models load once; killed when the worker dies."""
    if "pool" not in _WORKER:
        _WORKER["pool"] = AttachmentTextWorker(timeout=60.0, workers=1)
    pool: AttachmentTextWorker = _WORKER["pool"]
    return pool


def recognise_job(job_id: str, sha256: str, kind: str, engine: str, max_pages: int, page_timeout: float,
                  record: dict | None = None) -> None:
    """A Dramatiq job: recognise what ``record`` (the archive's pages so far) lacks, result into ``RESULTS``."""
    client = redis.Redis.from_url(os.environ["DUCHA_BROKER"])
    data = get_blob(client, sha256, os.environ.get("DUCHA_BLOB_DIR"))
    limits = OcrLimits(engine=engine, max_pages=max_pages, page_timeout=page_timeout,
                       posting_timeout=max_pages * page_timeout)
    known = OcrRecord(**record) if record else None
    reader = ScanReader(_text_worker(), limits, lambda _sha, _engine: known)
    if reader.unavailable:
        raise BrokerError(reader.unavailable)
    if job_id != ocr_job_id(sha256, reader.engine, reader.version):
        raise BrokerError(f"{job_id} asks for another engine version than this worker's "
                          f"{reader.engine} {reader.version}: install the archive's version")
    result = asyncio.run(reader.read(data, sha256, kind, reader.budget()))
    out = result.record
    payload = {"job_id": job_id, "sha256": sha256, "note": result.note, "skipped": result.skipped,
               "based_on": 0 if known is None else known.pages_done,  # tells a stale duplicate from the latest
               "record": None if out is None else {"sha256": out.sha256, "engine": out.engine,
                                                    "engine_version": out.engine_version,
                                                    "pages_total": out.pages_total, "pages": out.pages}}
    patient(client.hset, RESULTS, job_id, json.dumps(payload, ensure_ascii=False))
    logger.info("recognised %s… (%s pages)", sha256[:12], 0 if out is None else out.pages_done)


def text_job(job_id: str, sha256: str, filename: str, content_type: str | None, max_bytes: int,
             timeout: float = 60.0) -> None:
    """A Dramatiq job: the typed text of an attachment (PDF, Word, Excel…), result into ``RESULTS``.

    The same extraction as a crawl's, in the worker's pool process with the same time limit."""
    if job_id != text_job_id(sha256):
        raise BrokerError(f"{job_id} asks for another text extractor than this worker's {EXTRACTOR}: "
                          "install the archive's version")
    client = redis.Redis.from_url(os.environ["DUCHA_BROKER"])
    data = get_blob(client, sha256, os.environ.get("DUCHA_BLOB_DIR"))
    pool = _text_worker()
    pool.timeout = timeout
    found = asyncio.run(pool.extract(data, filename=filename, content_type=content_type, max_bytes=max_bytes))
    payload = {"job_id": job_id, "sha256": sha256, "extractor": EXTRACTOR, "text": found.text, "kind": found.kind,
               "error": found.error}
    patient(client.hset, RESULTS, job_id, json.dumps(payload, ensure_ascii=False))
    logger.info("extracted %s… (%s)", sha256[:12], found.error or f"{len(found.text or '')} characters")
