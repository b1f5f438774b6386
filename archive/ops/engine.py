"""What ``ducha status --broker`` shows of the engine (Redis): queue depths, workers', nodes' and the writer's
heartbeats, and who has been silent too long.

Read with the plain Redis client (no job library here): a queue's depth is the messages Dramatiq holds
for it and its delay queue (queued, waiting for a retry, or running and not yet acknowledged); the
workers write ``ducha:workers`` (name → JSON heartbeat) every few seconds, crawl nodes and the writer
``ducha:nodes``; the crawl nodes' captures wait in the stream ``ducha:captures`` until the writer has
committed and acknowledged them (``captures`` in the queues: entries not yet acknowledged).
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
TEXT_OPEN = "ducha:jobs:open-text"  # set: attachment-text job ids sent and not yet stored
NODES = "ducha:nodes"  # hash: crawl node or writer name -> JSON heartbeat
STREAM = "ducha:captures"  # stream: crawl nodes' captures for the writer
GROUP = "writer"  # the stream's consumer group (one writer)
#: Seconds without a heartbeat after which a worker, node or writer counts as silent (``DUCHA_SILENT_AFTER``).
SILENT_AFTER = 120.0


def captures_waiting(client: Any) -> int:
    """Stream entries the writer has not acknowledged (not yet read, or read and not yet committed)."""
    import redis

    try:
        groups = {g["name"]: g for g in client.xinfo_groups(STREAM)}
    except redis.ResponseError:  # no stream yet
        return 0
    group = groups.get(GROUP.encode()) or groups.get(GROUP)
    if group is None:
        return int(client.xlen(STREAM))
    lag = group.get("lag")
    return int(group.get("pending") or 0) + int(lag if lag is not None else client.xlen(STREAM))


def queue_depth(client: Any, queue: str) -> int:
    """Messages of ``queue`` not yet acknowledged (queued, delayed for a retry, or running)."""
    return int(client.hlen(f"dramatiq:{queue}.msgs")) + int(client.hlen(f"dramatiq:{queue}.DQ.msgs"))


def engine_status(url: str, *, now: float | None = None, silent_after: float = SILENT_AFTER) -> dict[str, Any]:
    """``{"broker", "queues": {name: depth}, "open_jobs", "workers": [{name, host, pid, queues, last_seen,
    silent_seconds}], "nodes": [{name, role (node / writer), host, pid, last_seen, silent_seconds}],
    "silent_after", "silent": [line]}``; raises EngineUnreachable with what to check."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=5)
    current = time.time() if now is None else now
    try:
        queues = {q: queue_depth(client, q) for q in QUEUES}
        queues["captures"] = captures_waiting(client)
        beats = client.hgetall(WORKERS)
        node_beats = client.hgetall(NODES)
        open_jobs = int(client.scard(OPEN)) + int(client.scard(TEXT_OPEN))
    except redis.RedisError as exc:
        raise EngineUnreachable(f"cannot reach the engine at {url}: {exc} (is redis-server running there?)"
                                ) from exc
    workers = [{**_beat(name, raw, current), "queues": json.loads(raw).get("queues")}
               for name, raw in sorted(beats.items())]
    nodes = [{**_beat(name, raw, current), "role": json.loads(raw).get("role")} for name, raw in sorted(node_beats.items())]
    status = {"broker": url, "queues": queues, "open_jobs": open_jobs, "workers": workers, "nodes": nodes,
              "silent_after": silent_after}
    status["silent"] = silent(status, after=silent_after)
    return status


def _beat(name: Any, raw: Any, current: float) -> dict[str, Any]:
    beat = json.loads(raw)
    return {"name": name.decode() if isinstance(name, bytes) else name, "host": beat.get("host"),
            "pid": beat.get("pid"), "last_seen": beat.get("last_seen"),
            "silent_seconds": round(max(0.0, current - float(beat.get("epoch") or 0)), 1)}


def silent(status: dict[str, Any], *, after: float = SILENT_AFTER) -> list[str]:
    """Lines naming each worker, node or writer whose last heartbeat is older than ``after`` seconds."""
    return [f"{kind} {who['name']} silent for {who['silent_seconds']:.0f} s (last heartbeat {who['last_seen']})"
            for kind, group in (("worker", status["workers"]), ("node", status.get("nodes", [])))
            for who in group if who["silent_seconds"] > after]


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
    for n in status.get("nodes", []):
        lines.append(f"  {n['role'] or 'node'} {n['name']} on {n['host']}: last heartbeat {n['last_seen']}"
                     f" ({n['silent_seconds']:.0f} s ago)")
    lines += [f"  SILENT {line}" for line in status.get("silent", [])]
    return "\n".join(lines)


#: Silent ones already alerted, by name → the heartbeat they fell silent at (one alert per silence).
_ALERTED: dict[str, str | None] = {}


def alert_silent(cfg: Any, *, now: str | None = None) -> list[str]:
    """With an engine configured (``cfg.broker``): one ``job`` alert listing the workers, nodes or writer silent
    longer than ``cfg.silent_after_s`` (or the engine unreachable), sent when one falls silent (each silence
    once; a heartbeat seen again clears it).  Those that stop cleanly remove their heartbeat: never silent.
    Returns the lines sent."""
    from archive.ops.alerts import Digest, send_digest

    if not cfg.broker:
        return []
    try:
        status = engine_status(cfg.broker, silent_after=cfg.silent_after_s)
    except EngineUnreachable as exc:
        quiet, lines = {"engine": "unreachable"}, [str(exc)]
    else:
        quiet = {w["name"]: w["last_seen"] for w in status["workers"] + status["nodes"]
                 if w["silent_seconds"] > cfg.silent_after_s}
        lines = status["silent"]
    fresh = [name for name, seen in quiet.items() if _ALERTED.get(name) != seen]
    _ALERTED.clear()
    _ALERTED.update(quiet)
    if not fresh:
        return []
    send_digest(cfg.db, cfg.alerts, Digest(subject=f"[ducha] engine: {len(lines)} silent or unreachable",
                                           kind="job", notes=lines), now=now)
    return lines
