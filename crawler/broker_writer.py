"""``ducha ocr --broker``: the archive's single writer sends the scans left over to the engine and stores
what the workers send back (see crawler/broker.py for the picture).

Idempotent at every step: a job already out (``ducha:jobs:open``) is not sent again, a result is
stored only when it adds recognised pages to the archive's record of that file (a job that ran twice,
a writer restarted between its commit and its ``HDEL``, change nothing), and a restarted writer first
stores the results left waiting.  Files capped by ``--max-pages`` go out again for their next pages.
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import redis

from archive import ocr as archive_ocr
from archive.evidence import default_warc_dir
from archive.models import WarcRef
from archive.ops.engine import OCR_QUEUE, OPEN, TEXT_OPEN, queue_depth
from archive.store import Archive
from archive.warc import read_record
from crawler.broker import BLOB, RESULTS, Engine, connect, ocr_job_id, put_blob, text_job_id
from crawler.extraction.ocr import describe_engine
from crawler.ocr_command import OcrRunSummary
from crawler.scan_reader import OcrLimits

logger = logging.getLogger(__name__)
POLL_SECONDS = 0.5
#: How long open jobs must be seen nowhere (not queued, not running, no result) before they count as failed.
FAIL_GRACE_SECONDS = 10.0
T = TypeVar("T")
SENT = f"{OPEN}:sent"  # hash: job id -> pages the archive held when its latest message went out


def rerecognise_via_broker(db_path: str | Path, url: str, *, warc_dir: str | Path | None = None,
                           engine: str | None = None, version_changed: bool = False, missing: bool = False,
                           limits: OcrLimits | None = None,
                           progress: Callable[[OcrRunSummary, str], None] | None = None) -> OcrRunSummary:
    """Send what the archive still lacks to the workers, then store their results until none is open."""
    name, version = describe_engine(engine)
    limits = limits or OcrLimits(engine=name)
    warc_dir = Path(warc_dir) if warc_dir else default_warc_dir(db_path)
    engine_conn = connect(url)
    started = time.monotonic()
    with Archive(db_path, warc_dir=warc_dir) as archive:
        summary = OcrRunSummary(engine=f"{name} {version}")
        rows = archive_ocr.pending(archive.conn, engine=name, engine_version=version,
                                   version_changed=version_changed, missing=missing)
        for sha256, file_url, warc_file, warc_offset in rows:
            job_id = ocr_job_id(sha256, name, version)
            summary.files += 1
            if _reachable(engine_conn.redis.sismember, OPEN, job_id):
                continue  # sent by an earlier run that stopped: its result is collected below
            data = evidence_bytes(warc_dir, warc_file, warc_offset, file_url, summary.failed, "ocr")
            if data is None:
                continue
            kind = "pdf" if data[:1024].find(b"%PDF-") != -1 else "image"
            # both steps are idempotent (blobs by hash, results stored once), so a restart is retried whole
            _reachable(_put_and_send, archive, engine_conn, data, job_id, sha256, name, version, limits, kind)
        _collect(archive, engine_conn, name, version, limits, summary, started, progress)
    return summary


def evidence_bytes(warc_dir: Path, warc_file: str | None, warc_offset: int | None, url: str, failed: list[str],
                   label: str) -> bytes | None:
    """A file's bytes from its WARC record; None (``url`` added to ``failed``) when the evidence is unreadable."""
    try:
        _, data = read_record(warc_dir, WarcRef(str(warc_file), int(warc_offset or 0)))
    except Exception as exc:  # noqa: BLE001 - a missing WARC file is reported, the run goes on
        logger.warning("%s: %s: evidence not readable: %s", label, url, exc)
        failed.append(url)
        return None
    return data


def _reachable(step: Callable[..., T], *args: object) -> T:
    """``step(*args)``, waiting out an engine that is unreachable (a Redis restart: its AOF keeps the jobs)."""
    while True:
        try:
            return step(*args)
        except redis.ConnectionError as exc:
            logger.warning("engine unreachable (%s); waiting", exc)
            time.sleep(POLL_SECONDS)


def _put_and_send(archive: Archive, engine_conn: Engine, data: bytes, job_id: str, sha256: str, name: str,
                  version: str, limits: OcrLimits, kind: str) -> None:
    put_blob(engine_conn.redis, data)
    _send(archive, engine_conn, job_id, sha256, name, version, limits, kind)


def _send(archive: Archive, engine_conn: Engine, job_id: str, sha256: str, name: str, version: str,
          limits: OcrLimits, kind: str) -> None:
    """One job for the pages the archive's record of the file lacks (sent first, then marked open).

    ``ducha:jobs:open:sent`` keeps how many pages the archive held when the job's latest message went out:
    a result that leaves the archive holding more must be followed by a message for the next pages, even
    when those pages were stored by an earlier pass that a Redis restart cut short."""
    known = archive_ocr.load(archive.conn, sha256, name)
    record = None if known is None or known.engine_version != version else {
        "sha256": known.sha256, "engine": known.engine, "engine_version": known.engine_version,
        "pages_total": known.pages_total, "pages": known.pages}
    engine_conn.recognise.send(job_id, sha256, kind, name, limits.max_pages, limits.page_timeout, record)
    # marked after the send: a restart in between sends the same pages twice (harmless), never none
    engine_conn.redis.hset(SENT, job_id, 0 if record is None else len(record["pages"]))
    engine_conn.redis.sadd(OPEN, job_id)
    engine_conn.redis.hset(f"{OPEN}:kind", job_id, kind)


def store_result(archive: Archive, payload: dict) -> int:
    """Store one worker result; the pages it adds (0 when the archive already holds them: nothing written)."""
    data = payload.get("record")
    if data is None:
        return 0
    record = archive_ocr.OcrRecord(**data)
    before = archive_ocr.load(archive.conn, record.sha256, record.engine)
    held = before.pages_done if before is not None and before.engine_version == record.engine_version else 0
    if record.pages_done <= held:
        return 0
    with archive.db.atomic():
        archive_ocr.save(archive.conn, record)
        archive_ocr.apply_to_attachments(archive.conn, record,
                                         typed_of=lambda i: archive_ocr.typed_text(archive.conn, i))
    return record.pages_done - held


def _collect(archive: Archive, engine_conn: Engine, name: str, version: str, limits: OcrLimits,
             summary: OcrRunSummary, started: float,
             progress: Callable[[OcrRunSummary, str], None] | None) -> None:
    """Store results until no job is open; a Redis restart is waited for (its AOF keeps the jobs)."""
    client = engine_conn.redis
    settling = Settling(client, OCR_QUEUE, OPEN, "ocr")
    while True:
        try:
            for job_id in _ocr_results(client):
                raw = client.hget(RESULTS, job_id)
                if raw is not None:
                    _finish(archive, engine_conn, job_id, raw, name, version, limits, summary)
                    summary.seconds = time.monotonic() - started
                    if progress is not None:
                        progress(summary, job_id)
            if settling.over(lambda: _ocr_results(client), summary.failed):
                return
        except redis.ConnectionError as exc:
            logger.warning("engine unreachable (%s); waiting", exc)
        time.sleep(POLL_SECONDS)


class Settling:
    """Tells when no job of a queue is open any more, and which open jobs failed for good in the workers.

    A worker writes its result before it acknowledges the job, so nothing queued or running and no result
    waiting means the open jobs failed (retries exhausted); held for FAIL_GRACE_SECONDS, as around a Redis
    restart a job is briefly in none of these places."""

    def __init__(self, client: redis.Redis, queue: str, open_key: str, label: str) -> None:
        self.client, self.queue, self.open_key, self.label = client, queue, open_key, label
        self.quiet_since: float | None = None

    def over(self, waiting: Callable[[], list[str]], failed: list[str]) -> bool:
        """True when no job is open (those failed for good are closed and added to ``failed``)."""
        still_open = [j.decode() for j in self.client.smembers(self.open_key)]
        if not still_open:
            return True
        if queue_depth(self.client, self.queue) == 0 and not waiting():  # read after this pass's sends
            self.quiet_since = self.quiet_since or time.monotonic()
        else:
            self.quiet_since = None
        if self.quiet_since is None or time.monotonic() - self.quiet_since < FAIL_GRACE_SECONDS:
            return False
        for job_id in still_open:
            logger.warning("%s: job %s failed in the workers (see their log)", self.label, job_id)
            failed.append(job_id)
            self.client.srem(self.open_key, job_id)
            self.client.hdel(f"{self.open_key}:sent", job_id)
        return True


def _ocr_results(client: redis.Redis) -> list[str]:
    """Job ids of the recognition results waiting (attachment-text results are not this command's)."""
    return [k.decode() for k in client.hkeys(RESULTS) if k.startswith(b"ocr:")]


def _finish(archive: Archive, engine_conn: Engine, job_id: str, raw: bytes, name: str, version: str,
            limits: OcrLimits, summary: OcrRunSummary) -> None:
    """Store a result, then send the file's next pages, close the job, or (a stale duplicate) only drop it.

    Decided from the archive after the commit, never from what this pass added: a pass cut short by a Redis
    restart after its commit finds its result again with nothing left to add, and must still go on."""
    client = engine_conn.redis
    payload = json.loads(raw)
    summary.pages += store_result(archive, payload)
    decision = next_step(archive, client, job_id, payload, name, version)
    if decision == "send":
        kind = (client.hget(f"{OPEN}:kind", job_id) or b"pdf").decode()
        _send(archive, engine_conn, job_id, payload["sha256"], name, version, limits, kind)
    elif decision == "close":
        if job_id not in summary.closed:  # a result restored by a Redis restart (its HDEL lost) is counted once
            summary.closed.add(job_id)
            summary.done += 1
        client.srem(OPEN, job_id)
        client.hdel(f"{OPEN}:kind", job_id)
        client.hdel(SENT, job_id)
        if not client.sismember(TEXT_OPEN, text_job_id(payload["sha256"])):  # a text job may need the bytes
            client.delete(BLOB + payload["sha256"])
    drop_result(client, job_id, raw)


#: HDEL only when the field still holds what was read: a worker may have written a newer result meanwhile.
_DROP_IF_SAME = "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end return 0"


def drop_result(client: redis.Redis, job_id: str, raw: bytes) -> None:
    """Remove a stored result from ``ducha:results``, unless a newer one for the job replaced it."""
    client.eval(_DROP_IF_SAME, 1, RESULTS, job_id, raw)


def next_step(archive: Archive, client: redis.Redis, job_id: str, payload: dict, name: str, version: str) -> str:
    """``send`` (the archive lacks pages no message asks for), ``close`` or ``wait`` (a newer message is out)."""
    held = archive_ocr.load(archive.conn, payload["sha256"], name)
    pages_held = held.pages_done if held is not None and held.engine_version == version else 0
    if payload.get("record") is None or (held is not None and pages_held >= held.pages_total):
        return "close"
    raw_sent = client.hget(SENT, job_id)
    sent = int(raw_sent) if raw_sent is not None else int(payload.get("based_on", 0))
    if pages_held > sent:
        return "send"
    # nothing new since the latest message: its own result means the worker got no further (close, partial);
    # an older message's result (a job run twice) means the latest is still out
    return "close" if int(payload.get("based_on", sent)) >= sent else "wait"
