"""Saved keyword watches (``watches``) and the new postings of a run that match them (``watch_matches``).

A watch matches a posting that is new in the run when every whitespace-separated term of its
query occurs in the title, the body text or an attachment's text, and the optional region
(substring of ``sites.region``), ``site_id`` and ``doc_type`` agree.  Each posting matches a watch once.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from archive.normalise import normalise_text
from archive.ops.config import Watch
from archive.ops.db import DbLike, iso, opened

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchMatch:
    """A new posting that matched a watch."""

    watch: str
    document_id: int
    site_id: str
    region: str | None
    title: str | None
    url: str
    publish_date: str | None


def sync_watches(db: DbLike, watches: tuple[Watch, ...] | list[Watch], *, now: datetime | str | None = None) -> None:
    """Insert or update the watches of the configuration (matched by name); others are left as they are."""
    with opened(db) as handle, handle.conn:
        for w in watches:
            handle.execute(
                "INSERT INTO watches (name, query, region, site_id, doc_type, active, created_at)"
                " VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT(name) DO UPDATE SET query = excluded.query,"
                " region = excluded.region, site_id = excluded.site_id, doc_type = excluded.doc_type, active = 1",
                [w.name, w.query, w.region, w.site_id, w.doc_type, iso(now)])


def add_watch(db: DbLike, name: str, query: str, *, region: str | None = None, site_id: str | None = None,
              doc_type: str | None = None, now: datetime | str | None = None) -> None:
    """Save (or update) one keyword watch."""
    sync_watches(db, [Watch(name=name, query=query, region=region, site_id=site_id, doc_type=doc_type)], now=now)


def _text_of(handle, document_id: int) -> str:
    row = handle.execute(
        "SELECT d.title, v.body_text, (SELECT group_concat(a.text, ' ') FROM attachments a"
        " WHERE a.document_id = d.id) FROM documents d LEFT JOIN versions v ON v.id = d.current_version_id"
        " WHERE d.id = ?", [document_id]).fetchone()
    return normalise_text(" ".join(part for part in row if part)) if row else ""


def match_run(db: DbLike, run_id: int, *, now: datetime | str | None = None) -> list[WatchMatch]:
    """Record and return the matches among the postings new in ``run_id`` (each posting once per watch)."""
    with opened(db) as handle:
        watches = handle.execute(
            "SELECT id, name, query, region, site_id, doc_type FROM watches WHERE active = 1").fetchall()
        if not watches:
            return []
        docs = handle.execute(
            "SELECT DISTINCT d.id, d.site_id, s.region, d.title, d.url, d.publish_date, d.doc_type"
            " FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN sites s ON s.id = d.site_id"
            " WHERE e.run_id = ? AND e.kind = 'new' ORDER BY d.publish_date DESC, d.id", [run_id]).fetchall()
        matches: list[WatchMatch] = []
        with handle.conn:
            for doc_id, site_id, region, title, url, publish_date, doc_type in docs:
                text = None
                for wid, name, query, w_region, w_site, w_type in watches:
                    if (w_region and w_region not in (region or "")) or (w_site and w_site != site_id) \
                            or (w_type and w_type != doc_type):
                        continue
                    text = _text_of(handle, doc_id) if text is None else text
                    if not all(normalise_text(term) in text for term in query.split()):
                        continue
                    cur = handle.execute("INSERT OR IGNORE INTO watch_matches (watch_id, document_id, run_id,"
                                         " matched_at) VALUES (?, ?, ?, ?)", [wid, doc_id, run_id, iso(now)])
                    if cur.rowcount:
                        matches.append(WatchMatch(name, doc_id, site_id, region, title, url, publish_date))
    logger.info("run %d: %d new posting(s) matched saved watches", run_id, len(matches))
    return matches
