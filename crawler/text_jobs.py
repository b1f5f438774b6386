"""``ducha texts``: extract attachments' typed text again, locally or as jobs on the engine's workers.

Which files: those whose typed text is missing or failed (``--every``: all) and not yet extracted by this
extractor version (``archive.attachment_text``). Their bytes come from the WARC evidence.

With ``--broker`` this process is the archive's single writer, as ``ducha ocr --broker`` is for scans::

    bytes from the WARC ──SET NX──► ducha:blob:<sha256> ──► ducha worker: the crawl's extraction (pool process,
    job id text:<sha256>:<extractor> ──► queue "text"         time limit), result into ducha:results
    HGET ─► archive_text.store (one transaction: rows of that digest lacking this version, search) ─► HDEL

At-least-once delivery, one effect: a job run twice writes the same result field; ``store`` only writes
rows that do not hold this version's text yet, so a result stored before a writer crash (between its
commit and its ``HDEL``) changes nothing the second time; a job already out is not sent again.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import redis

from archive import attachment_text
from archive.evidence import default_warc_dir
from archive.ops.engine import OPEN, TEXT_OPEN, TEXT_QUEUE
from archive.store import Archive
from crawler.attachment_worker import AttachmentTextWorker
from crawler.broker import BLOB, RESULTS, Engine, connect, put_blob, text_job_id
from crawler.broker_writer import POLL_SECONDS, Settling, _reachable, evidence_bytes
from crawler.extraction.attachments import EXTRACTOR

logger = logging.getLogger(__name__)


@dataclass
class TextRunSummary:
    """What one ``ducha texts`` run did: files sent or extracted, stored (rows written), failed."""

    extractor: str = EXTRACTOR
    files: int = 0
    done: int = 0
    rows: int = 0
    with_text: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class TextLimits:
    """The crawl's limits: bytes per file and seconds of extraction per file."""

    max_bytes: int = 64 * 1024 * 1024
    timeout: float = 120.0


Progress = Callable[[TextRunSummary, str], None]


def extract_texts(db_path: str | Path, *, broker: str | None = None, every: bool = False,
                  limits: TextLimits | None = None, warc_dir: str | Path | None = None,
                  progress: Progress | None = None) -> TextRunSummary:
    """Extract (locally, or on the workers of ``broker``) and store the texts the archive lacks."""
    limits = limits or TextLimits()
    warc_dir = Path(warc_dir) if warc_dir else default_warc_dir(db_path)
    summary = TextRunSummary()
    started = time.monotonic()
    engine = connect(broker) if broker else None
    with Archive(db_path, warc_dir=warc_dir) as archive:
        rows = attachment_text.pending(archive.conn, extractor=EXTRACTOR, every=every)
        summary.files = len(rows)
        pool = None if engine else AttachmentTextWorker(timeout=limits.timeout, workers=1)
        try:
            for sha256, url, name, content_type, warc_file, warc_offset in rows:
                if engine is not None and _reachable(engine.redis.sismember, TEXT_OPEN, text_job_id(sha256)):
                    continue  # sent by an earlier run that stopped: its result is collected below
                data = evidence_bytes(warc_dir, warc_file, warc_offset, url, summary.failed, "texts")
                if data is None:
                    continue
                filename = name or url.rsplit("/", 1)[-1]
                if engine is not None:
                    _reachable(_put_and_send, engine, data, sha256, filename, content_type, limits)
                    continue
                assert pool is not None
                found = asyncio.run(pool.extract(data, filename=filename, content_type=content_type,
                                                 max_bytes=limits.max_bytes))
                _store(archive, summary, {"sha256": sha256, "text": found.text, "error": found.error})
                _report(summary, started, progress, url)
        finally:
            if pool is not None:
                pool.close()
        if engine is not None:
            _collect(archive, engine, summary, started, progress)
    summary.seconds = time.monotonic() - started
    return summary


def _put_and_send(engine: Engine, data: bytes, sha256: str, filename: str, content_type: str | None,
                  limits: TextLimits) -> None:
    """Bytes into the engine, the job sent, then marked open (all idempotent: retried whole after a restart)."""
    put_blob(engine.redis, data)
    job_id = text_job_id(sha256)
    engine.extract_text.send(job_id, sha256, filename, content_type, limits.max_bytes, limits.timeout)
    engine.redis.sadd(TEXT_OPEN, job_id)


def _store(archive: Archive, summary: TextRunSummary, payload: dict) -> None:
    with archive.db.atomic():
        changed = attachment_text.store(archive.conn, payload["sha256"], text=payload.get("text"),
                                        error=payload.get("error"), extractor=EXTRACTOR)
    summary.done += 1  # once per file: _collect stores each job's result once per run (``stored``)
    summary.rows += len(changed)
    summary.with_text += bool(changed and payload.get("text"))


def _report(summary: TextRunSummary, started: float, progress: Progress | None, what: str) -> None:
    summary.seconds = time.monotonic() - started
    if progress is not None:
        progress(summary, what)


def _collect(archive: Archive, engine: Engine, summary: TextRunSummary, started: float,
             progress: Progress | None) -> None:
    """Store results until no text job is open; a Redis restart is waited for (its AOF keeps the jobs)."""
    client = engine.redis
    settling = Settling(client, TEXT_QUEUE, TEXT_OPEN, "texts")
    stored: set[str] = set()
    while True:
        try:
            for job_id in _text_results(client):
                raw = client.hget(RESULTS, job_id)
                if raw is None:
                    continue
                payload = json.loads(raw)
                if job_id not in stored:  # stored, then the engine went away before the result was let go
                    _store(archive, summary, payload)  # committed before the result and the job are let go
                    stored.add(job_id)
                client.hdel(RESULTS, job_id)
                client.srem(TEXT_OPEN, job_id)
                _drop_blob(client, payload["sha256"])
                _report(summary, started, progress, job_id)
            if settling.over(lambda: _text_results(client), summary.failed):
                return
        except redis.ConnectionError as exc:
            logger.warning("engine unreachable (%s); waiting", exc)
        time.sleep(POLL_SECONDS)


def _text_results(client: redis.Redis) -> list[str]:
    """Job ids of this extractor's text results waiting (recognition results are ``ducha ocr``'s)."""
    prefix, suffix = b"text:", f":{EXTRACTOR}".encode()
    return [k.decode() for k in client.hkeys(RESULTS) if k.startswith(prefix) and k.endswith(suffix)]


def _drop_blob(client: redis.Redis, sha256: str) -> None:
    """The bytes leave the engine once stored, unless a recognition job of the same file still needs them."""
    if not any(m.startswith(f"ocr:{sha256}:".encode()) for m in client.smembers(OPEN)):
        client.delete(BLOB + sha256)
