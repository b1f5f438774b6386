"""Captures from crawl nodes: their wire form, and their ingest exactly once.

::

    crawl node (its own scratch archive and WARC)                 the archive's one writer
    PageCapture / CheckOutcome ─capture_to_dict─► JSON + exchanges ─► capture_from_dict ─► WARC records
                                                                      (write_exchange, as a local crawl)
                                                  ingest_once: refs rewritten ─► Archive.ingest / record_outcome
                                                               + node_captures row   (one transaction)

A capture carries an id made on the node; the writer records it in ``node_captures`` in the same
transaction as the capture's rows, so a capture delivered twice (a writer killed between its commit and
its acknowledgement) is recognised and written once.  Nothing here knows about Redis or Scrapy.
"""
from __future__ import annotations

import logging
import os
from dataclasses import asdict, replace
from typing import Any

from sqlite_utils import Database, Migrations

from archive.models import (
    AttachmentCapture,
    CheckOutcome,
    LostEvidence,
    OcrRecord,
    PageCapture,
    RedirectHop,
    WarcRef,
)
from archive.store import Archive

log = logging.getLogger(__name__)

MIGRATIONS = Migrations("ducha-nodes")

Capture = PageCapture | CheckOutcome


@MIGRATIONS(name="0001_node_captures")
def _m0001_node_captures(db: Database) -> None:
    """The ``node_captures`` table."""
    db.execute("""
        CREATE TABLE IF NOT EXISTS node_captures (
            capture_id TEXT PRIMARY KEY,
            node TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            url TEXT NOT NULL,
            stored_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_node_captures_run_id ON node_captures(run_id)")


def capture_to_dict(item: Capture) -> dict[str, Any]:
    """The JSON-ready form of a capture (``type`` page or check); node-local row ids (lost evidence) are left out."""
    data = asdict(replace(item, lost_evidence=[]))
    data["type"] = "page" if isinstance(item, PageCapture) else "check"
    return data


def _ref(data: dict | None) -> WarcRef | None:
    return None if data is None else WarcRef(**data)


def _hops(data: list[dict]) -> list[RedirectHop]:
    return [RedirectHop(**{**hop, "warc": _ref(hop.get("warc"))}) for hop in data]


def _attachment(data: dict) -> AttachmentCapture:
    ocr = data.get("ocr")
    return AttachmentCapture(**{**data, "warc": _ref(data.get("warc")), "redirects": _hops(data.get("redirects") or []),
                                "ocr": None if ocr is None else OcrRecord(**ocr)})


def capture_from_dict(data: dict[str, Any]) -> Capture:
    """The capture ``capture_to_dict`` made (unknown keys refused by the dataclass)."""
    data = dict(data)
    kind = data.pop("type")
    common = {"warc": _ref(data.get("warc")), "redirects": _hops(data.get("redirects") or []),
              "lost_evidence": [LostEvidence(**e) for e in data.get("lost_evidence") or []]}
    if kind == "page":
        return PageCapture(**{**data, **common, "attachments": [_attachment(a) for a in data.get("attachments") or []]})
    return CheckOutcome(**{**data, **common})


def warc_refs(item: Capture) -> list[WarcRef]:
    """Every WARC record a capture points at (its page, its redirects, its attachments and theirs)."""
    refs = [item.warc] + [hop.warc for hop in item.redirects]
    for att in getattr(item, "attachments", []):
        refs += [att.warc] + [hop.warc for hop in att.redirects]
    unique = {(r.file, r.offset): r for r in refs if r is not None}
    return list(unique.values())


def with_refs(item: Capture, moved: dict[tuple[str, int], WarcRef]) -> Capture:
    """``item`` with each WARC ref replaced by ``moved[(file, offset)]`` (refs not in ``moved`` are dropped)."""
    def new(ref: WarcRef | None) -> WarcRef | None:
        return None if ref is None else moved.get((ref.file, ref.offset))

    def hops(items: list[RedirectHop]) -> list[RedirectHop]:
        return [replace(h, warc=new(h.warc)) for h in items]

    changes: dict[str, Any] = {"warc": new(item.warc), "redirects": hops(item.redirects)}
    if isinstance(item, PageCapture):
        changes["attachments"] = [replace(a, warc=new(a.warc), redirects=hops(a.redirects)) for a in item.attachments]
    return replace(item, **changes)


def already_stored(archive: Archive, capture_id: str) -> bool:
    """Whether the capture ``capture_id`` was stored (a redelivery)."""
    row = archive.conn.execute("SELECT 1 FROM node_captures WHERE capture_id = ?", (capture_id,)).fetchone()
    return row is not None


def ingest_once(archive: Archive, capture_id: str, item: Capture, *, node: str, run_id: int | None,
                stored_at: str) -> str | None:
    """Store a node's capture unless ``capture_id`` was stored before; returns what happened (ingest kind or
    check outcome), or None for a redelivery (nothing written)."""
    conn = archive.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        if already_stored(archive, capture_id):
            conn.rollback()
            return None
        kind: str
        if isinstance(item, PageCapture):
            kind = archive.ingest(item, run_id=run_id).kind
        else:
            kind = archive.record_outcome(item, run_id=run_id).outcome
        conn.execute("INSERT INTO node_captures (capture_id, node, run_id, url, stored_at) VALUES (?, ?, ?, ?, ?)",
                     (capture_id, node, run_id, item.url, stored_at))
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return kind


def node_run_command(node: str, token: str) -> str:
    """How the ``runs`` table names the run of a node (its token is unique per node run)."""
    return f"crawl --node {node} [{token}]"


def node_run(archive: Archive, node: str, token: str, *, now: str, code_version: str | None = None,
             calendar_version: str | None = None) -> int:
    """The archive's run for a node's run ``token`` (begun once; later calls find it).  Earlier runs of the
    same node still ``running`` are marked ``crashed``: a node starts its next run only after its last ended."""
    command = node_run_command(node, token)
    row = archive.conn.execute("SELECT id FROM runs WHERE command = ?", (command,)).fetchone()
    if row is not None:
        return int(row[0])
    with archive.db.atomic():
        stale = [r[0] for r in archive.conn.execute(
            "SELECT id FROM runs WHERE status = 'running' AND command LIKE ?", (f"crawl --node {node} [%",))]
        for run_id in stale:
            log.warning("run %d of node %s never ended (the node stopped): marked crashed", run_id, node)
            archive.conn.execute("UPDATE runs SET status = 'crashed', finished_at = ? WHERE id = ?", (now, run_id))
    return archive.begin_run(command=command, now=now, code_version=code_version,
                             calendar_version=calendar_version, pid=os.getpid())
