"""``ducha writer``: the archive's one writer of the crawl nodes' captures (see crawler/node.py for the picture).

It reads ``ducha:captures`` through the consumer group ``writer`` and acknowledges an entry only after
its rows are committed: at-least-once delivery.  A capture's id is stored with its rows
(``archive.nodes.ingest_once``), so an entry delivered again (a writer killed between commit and
acknowledgement) writes nothing: exactly-once effect.  A restarted writer first claims the entries a
dead one read and never acknowledged (XAUTOCLAIM), then goes on with new ones.

Entries: ``begin`` (a node run starts: its sites, an archive run), ``capture`` (an item and the exchanges
its WARC refs name, written with ``WarcWriter.write_exchange`` as a local crawl writes them), ``exchanges``
(list pages and the rest, WARC only) and ``end`` (the run's summary, then the run's bookkeeping).
"""
from __future__ import annotations

import json
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import redis
from scrapy.settings import Settings

from archive.evidence import default_warc_dir
from archive.models import WarcRef
from archive.nodes import already_stored, capture_from_dict, ingest_once, node_run, with_refs
from archive.ops.engine import GROUP, NODES, STREAM
from archive.ops.runs import run_site_row
from archive.store import Archive
from archive.warc import WarcWriter
from crawler.broker import connect
from crawler.broker_worker import worker_name
from crawler.node import heartbeat
from crawler.runner import after_crawl, package_version

logger = logging.getLogger(__name__)
BLOCK_MS = 1000
HEARTBEAT_SECONDS = 5.0
REFUSED = STREAM + ":refused"  # stream: entries the writer could not read, with why


@dataclass
class WriterSummary:
    """What a writer stored: captures by outcome, redeliveries skipped, node runs ended."""

    entries: int = 0
    claimed: int = 0  # entries an earlier writer read and never acknowledged
    stored: dict[str, int] = field(default_factory=dict)
    redelivered: int = 0
    refused: int = 0  # entries that could not be read, set aside in ``REFUSED``
    runs_ended: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # seconds from XADD to commit, per capture


class NodeWriter:
    """One archive, one WarcWriter per node run, one consumer of the stream."""

    def __init__(self, archive: Archive, client: redis.Redis, *, name: str) -> None:
        self.archive = archive
        self.client = client
        self.name = name
        self.runs: dict[tuple[str, str], int] = {}
        self.warcs: dict[int, WarcWriter] = {}
        self.summary = WriterSummary()

    def handle(self, entry_id: bytes, fields: dict[bytes, bytes]) -> None:
        """Store one entry (idempotent), the caller acknowledges it afterwards."""
        kind = fields[b"kind"].decode()
        node, token = fields[b"node"].decode(), fields[b"run"].decode()
        data = json.loads(fields[b"data"])
        run_id = self._run(node, token, data if kind == "begin" else None)
        self.summary.entries += 1
        if kind == "capture":
            self._capture(entry_id, fields, data, node, run_id)
        elif kind == "exchanges":
            self._write_exchanges(fields, data, run_id)
        elif kind == "end":
            self._end(node, token, run_id, data)

    def _run(self, node: str, token: str, begin: dict | None) -> int:
        key = (node, token)
        if key not in self.runs:
            now = (begin or {}).get("now") or _now()
            self.runs[key] = node_run(self.archive, node, token, now=now, code_version=package_version("ducha-archive"),
                                      calendar_version=f"chinese_calendar {package_version('chinesecalendar')}")
        if begin is not None:
            self.archive.upsert_sites(begin.get("sites") or [], now=begin.get("now"))
        return self.runs[key]

    def _warc(self, run_id: int) -> WarcWriter:
        if run_id not in self.warcs:
            self.warcs[run_id] = WarcWriter(self.archive.warc_dir or default_warc_dir(self.archive.path), run_id=run_id)
        return self.warcs[run_id]

    def _write_exchanges(self, fields: dict[bytes, bytes], data: dict, run_id: int) -> dict[tuple[str, int], WarcRef]:
        moved = {}
        writer = self._warc(run_id)
        for i, meta in enumerate(data.get("exchanges") or []):
            ref = meta.pop("ref", None)
            new = writer.write_exchange(**meta, body=fields[f"body:{i}".encode()],
                                        request_body=fields[f"request_body:{i}".encode()])
            if ref is not None:
                moved[(ref[0], int(ref[1]))] = new
        return moved

    def _capture(self, entry_id: bytes, fields: dict[bytes, bytes], data: dict, node: str, run_id: int) -> None:
        capture_id = data["capture_id"]
        if already_stored(self.archive, capture_id):  # a redelivery: its records and rows are in place
            self.summary.redelivered += 1
            return
        moved = self._write_exchanges(fields, data, run_id)
        item = with_refs(capture_from_dict(data["capture"]), moved)
        kind = ingest_once(self.archive, capture_id, item, node=node, run_id=run_id, stored_at=_now())
        if kind is None:
            self.summary.redelivered += 1
            return
        self.summary.stored[kind] = self.summary.stored.get(kind, 0) + 1
        sent_ms = int(entry_id.decode().split("-")[0])
        self.summary.latencies.append(max(0.0, time.time() - sent_ms / 1000))

    def _end(self, node: str, token: str, run_id: int, data: dict) -> None:
        status = self.archive.conn.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()[0]
        if status not in ("running", "crashed"):
            return  # ended before (a redelivery)
        writer = self.warcs.pop(run_id, None)
        if writer is not None:
            writer.close()
        warc_dir = Path(self.archive.warc_dir or default_warc_dir(self.archive.path))
        sites = data.get("sites") or {}
        summary = {site: {**counts, **{k: v for k, v in run_site_row(0, site, counts).items()
                                       if k not in ("run_id", "site_id")}} for site, counts in sites.items()}
        self.archive.finish_run(run_id, status=data.get("status") or "ok", now=data.get("now") or _now(),
                                summary=summary,
                                warc_files=sorted(p.name for p in warc_dir.glob(f"ducha-{run_id}-*.warc.gz")))
        self.archive.flush_search()
        settings = Settings({"DUCHA_DB": str(self.archive.path), "DUCHA_WARC_DIR": str(warc_dir),
                             "DUCHA_CLOCK": data.get("now") or ""})
        after_crawl(str(self.archive.path), run_id, settings)
        self.summary.runs_ended.append(run_id)
        self.runs.pop((node, token), None)
        logger.info("node %s: run %d ended (%s)", node, run_id, data.get("status"))

    def close(self) -> None:
        for writer in self.warcs.values():
            writer.close()


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def ensure_group(client: redis.Redis) -> None:
    """The consumer group of the stream (created with the stream, from its first entry)."""
    try:
        client.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def claim_pending(client: redis.Redis, consumer: str) -> int:
    """Take over every entry read and not acknowledged by an earlier writer (one writer: none is alive)."""
    claimed, start = 0, "0-0"
    while True:
        start, entries, *_ = client.xautoclaim(STREAM, GROUP, consumer, min_idle_time=0, start_id=start, count=100)
        claimed += len(entries)
        if start in (b"0-0", "0-0"):
            return claimed


def run_writer(db: str | Path, url: str, *, warc_dir: str | Path | None = None, burst: bool = False,
               stop: threading.Event | None = None, batch: int = 50,
               progress: Callable[[WriterSummary], None] | None = None) -> WriterSummary:
    """Store the nodes' captures until ``stop`` (or, with ``burst``, until nothing is waiting)."""
    client = connect(url).redis
    ensure_group(client)
    name = f"writer:{worker_name()}"
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):  # finish the entry in hand, then leave
            signal.signal(signum, lambda *_: stop.set())
    with Archive(db, warc_dir=warc_dir, search_batch=200) as archive:
        writer = NodeWriter(archive, client, name=name)
        try:
            writer.summary.claimed = claim_pending(client, name)
            if writer.summary.claimed:
                logger.info("writer: %d entries left unacknowledged by an earlier writer: storing them first",
                            writer.summary.claimed)
            _loop(writer, client, name, stop=stop, burst=burst, batch=batch, progress=progress)
        finally:
            writer.close()
            try:
                client.hdel(NODES, name)
            except redis.RedisError:
                logger.warning("could not remove the writer's heartbeat")
    return writer.summary


def _loop(writer: NodeWriter, client: redis.Redis, name: str, *, stop: threading.Event, burst: bool, batch: int,
          progress: Callable[[WriterSummary], None] | None) -> None:
    last_beat = 0.0
    backlog = True  # our own pending entries first (claimed ones), then new ones
    while not stop.is_set():
        try:
            if time.monotonic() - last_beat > HEARTBEAT_SECONDS:
                client.hset(NODES, name, json.dumps(heartbeat(name, role="writer")))
                last_beat = time.monotonic()
            read = client.xreadgroup(GROUP, name, {STREAM: "0" if backlog else ">"}, count=batch,
                                     block=None if backlog else BLOCK_MS)
        except redis.ConnectionError as exc:
            logger.warning("engine unreachable (%s); waiting", exc)
            time.sleep(1.0)
            continue
        entries = read[0][1] if read else []
        if backlog and not entries:
            backlog = False
            continue
        for entry_id, fields in entries:
            if fields:  # a pending entry deleted meanwhile comes back empty: nothing to store
                _store(writer, client, entry_id, fields)
            _acknowledge(client, entry_id)
        if entries and progress is not None:
            progress(writer.summary)
        if burst and not entries and not backlog:
            return


def _store(writer: NodeWriter, client: redis.Redis, entry_id: bytes, fields: dict[bytes, bytes]) -> None:
    """Store one entry; one that cannot be read (another version's node, a damaged entry) is set aside in
    ``ducha:captures:refused`` with why, never retried forever.  Archive errors (busy, disk full) stop the
    writer: the entry stays unacknowledged for the next one."""
    try:
        writer.handle(entry_id, fields)
    except (ValueError, KeyError, TypeError) as exc:
        logger.error("entry %s refused: %s: %s (kept in %s)", entry_id.decode(), type(exc).__name__, exc, REFUSED)
        client.xadd(REFUSED, {**fields, b"error": f"{type(exc).__name__}: {exc}", b"entry": entry_id})
        writer.summary.refused += 1


def _acknowledge(client: redis.Redis, entry_id: bytes) -> None:
    """XACK and XDEL after the commit (the entry's bodies leave Redis); a restart in between is waited out."""
    while True:
        try:
            with client.pipeline(transaction=True) as both:  # MULTI: never acknowledged and left behind
                both.xack(STREAM, GROUP, entry_id).xdel(STREAM, entry_id).execute()
            return
        except redis.ConnectionError as exc:
            logger.warning("engine unreachable (%s); waiting to acknowledge", exc)
            time.sleep(1.0)
