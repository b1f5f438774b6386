"""``ducha worker``: run recognition and attachment-text jobs from the engine, on any machine.

One Dramatiq worker thread per process (recognition already uses a pool process per worker; start
more ``ducha worker`` processes for more cores).  A heartbeat in ``ducha:workers`` says who is alive
for ``ducha status --broker``; ``burst`` returns once every queue is empty (nothing queued, nothing
unacknowledged anywhere).
"""
from __future__ import annotations

import json
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime

import redis
from dramatiq import Worker

from archive.ops.engine import OCR_QUEUE, QUEUES, WORKERS, queue_depth
from crawler.broker import connect
from crawler.errors import BrokerError

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 5.0


def worker_name() -> str:
    """``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def run_worker(url: str, *, queues: Sequence[str] = QUEUES, burst: bool = False, blob_dir: str | None = None,
               stop: threading.Event | None = None) -> int:
    """Work until ``stop`` is set (or, with ``burst``, until the queues are empty); returns jobs seen done."""
    unknown = sorted(set(queues) - set(QUEUES))
    if unknown:
        raise BrokerError(f"unknown queue(s) {', '.join(unknown)} (choose from {', '.join(QUEUES)})")
    os.environ["DUCHA_BROKER"] = url  # the jobs connect with it
    if blob_dir:
        os.environ["DUCHA_BLOB_DIR"] = blob_dir
    engine = connect(url)
    for queue in queues:
        engine.broker.declare_queue(queue)
    worker = Worker(engine.broker, queues=set(queues), worker_threads=1)
    # a second message waiting behind a long recognition would be held back from other workers; a worker of
    # short attachment-text jobs holds the next one while it works (else Dramatiq's consumer, unable to fetch,
    # backs off and sleeps past the job's end: half the text jobs' throughput)
    worker.queue_prefetch = 1 if OCR_QUEUE in queues else 2
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):  # finish the job in hand, then leave
            signal.signal(signum, lambda *_: stop.set())
    name = worker_name()
    worker.start()
    logger.info("worker %s on %s, queues %s", name, url, ",".join(queues))
    try:
        idle = 0
        while not stop.is_set():
            _beat(engine.redis, name, queues)
            if burst:
                depth = sum(queue_depth(engine.redis, q) for q in queues)
                idle = idle + 1 if depth == 0 else 0
                if idle >= 2:
                    break
            stop.wait(HEARTBEAT_SECONDS if not burst else 0.5)
    finally:
        worker.stop()
        try:
            engine.redis.hdel(WORKERS, name)
        except redis.RedisError:
            logger.warning("could not remove this worker's heartbeat")
    return 0


def _beat(client: redis.Redis, name: str, queues: Sequence[str]) -> None:
    """Write this worker's heartbeat; a Redis that is restarting is waited for, not fatal."""
    beat = {"host": socket.gethostname(), "pid": os.getpid(), "queues": list(queues),
            "last_seen": datetime.now(UTC).isoformat(timespec="seconds"), "epoch": time.time()}
    try:
        client.hset(WORKERS, name, json.dumps(beat))
    except redis.RedisError as exc:
        logger.warning("engine unreachable (%s); retrying", exc)
