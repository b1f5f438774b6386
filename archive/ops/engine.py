"""What ``ducha status --broker`` shows of the engine (Redis): queue depths and the workers' heartbeats.

Read with the plain Redis client (no job library here): a queue's depth is the messages Dramatiq holds
for it and its delay queue (queued, waiting for a retry, or running and not yet acknowledged); the
workers write ``ducha:workers`` (name → JSON heartbeat) every few seconds.
"""
from __future__ import annotations

import json
import time
from typing import Any

from archive.ops.errors import EngineUnreachable

OCR_QUEUE, TEXT_QUEUE = "ocr", "text"
QUEUES = (OCR_QUEUE, TEXT_QUEUE)
WORKERS = "ducha:workers"  # hash: worker name -> JSON heartbeat
OPEN = "ducha:jobs:open"  # set: job ids sent and not yet stored by the writer


def queue_depth(client: Any, queue: str) -> int:
    """Messages of ``queue`` not yet acknowledged (queued, delayed for a retry, or running)."""
    return int(client.hlen(f"dramatiq:{queue}.msgs")) + int(client.hlen(f"dramatiq:{queue}.DQ.msgs"))


def engine_status(url: str, *, now: float | None = None) -> dict[str, Any]:
    """``{"broker", "queues": {name: depth}, "open_jobs", "workers": [{name, host, pid, queues, last_seen,
    silent_seconds}]}``; raises EngineUnreachable with what to check."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=5)
    current = time.time() if now is None else now
    try:
        queues = {q: queue_depth(client, q) for q in QUEUES}
        beats = client.hgetall(WORKERS)
        open_jobs = int(client.scard(OPEN))
    except redis.RedisError as exc:
        raise EngineUnreachable(f"cannot reach the engine at {url}: {exc} (is redis-server running there?)"
                                ) from exc
    workers = []
    for name, raw in sorted(beats.items()):
        beat = json.loads(raw)
        workers.append({"name": name.decode() if isinstance(name, bytes) else name, "host": beat.get("host"), "pid": beat.get("pid"),
                        "queues": beat.get("queues"), "last_seen": beat.get("last_seen"),
                        "silent_seconds": round(max(0.0, current - float(beat.get("epoch") or 0)), 1)})
    return {"broker": url, "queues": queues, "open_jobs": open_jobs, "workers": workers}


def format_engine(status: dict[str, Any]) -> str:
    """Text lines under ``ducha status``."""
    lines = [f"engine {status['broker']}: "
             + ", ".join(f"{name} {depth} queued" for name, depth in status["queues"].items())
             + f"; {status['open_jobs']} job(s) awaiting the writer"]
    for w in status["workers"]:
        lines.append(f"  worker {w['name']} ({','.join(w['queues'] or [])}): last heartbeat {w['last_seen']}"
                     f" ({w['silent_seconds']:.0f} s ago)")
    if not status["workers"]:
        lines.append("  no worker has a heartbeat")
    return "\n".join(lines)
