"""Row-level work behind ``Archive.ingest`` and ``Archive.record_outcome``.

Every function here runs inside the caller's transaction on a plain ``sqlite3.Connection``;
the state machine is described in ``archive.store``.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

from archive import chains, recapture, search
from archive import ocr as _ocr
from archive.models import (
    AttachmentCapture,
    CheckOutcome,
    IngestKind,
    IngestResult,
    OutcomeResult,
    PageCapture,
)
from archive.normalise import changed_parts, content_hash, content_parts, tidy_text

log = logging.getLogger(__name__)

#: Dates read from the detail page itself; they enter the content hash. The list-page date does not
#: (a re-check fetches the page without its list), it is kept on ``documents`` and ``versions``.
HASHED_DATES = ("cms", "stated", "url")


def _row(conn: sqlite3.Connection, sql: str, params: tuple) -> dict[str, Any] | None:
    cur = conn.execute(sql, params)
    values = cur.fetchone()
    return None if values is None else dict(zip([c[0] for c in cur.description], values))


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _event(
    conn: sqlite3.Connection, document_id: int, run_id: int | None, kind: str, at: str, *,
    version_id: int | None = None, previous_version_id: int | None = None, detail: dict | None = None,
) -> None:
    conn.execute(
        """INSERT INTO events (document_id, run_id, kind, at, version_id, previous_version_id, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (document_id, run_id, kind, at, version_id, previous_version_id, _json(detail)),
    )


def _check(
    conn: sqlite3.Connection, document_id: int | None, run_id: int | None, at: str, outcome: str, *,
    site_id: str, url: str, http_status: int | None, reason: str | None, raw_sha256: str | None,
    warc: Any, redirects: list | None = None,
) -> int:
    """Insert a check row (and the redirect chain that led to its response); return its id."""
    cur = conn.execute(
        """INSERT INTO checks (document_id, run_id, at, http_status, outcome, reason, raw_sha256,
                               warc_file, warc_offset, site_id, url)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (document_id, run_id, at, http_status, outcome, reason or None, raw_sha256,
         warc.file if warc else None, warc.offset if warc else None, site_id, url),
    )
    check_id = int(cur.lastrowid or 0)
    if redirects:
        chains.record_hops(conn, document_id, "checks", check_id, redirects)
    return check_id


def _attachments(
    conn: sqlite3.Connection, document_id: int, captures: list[AttachmentCapture], at: str
) -> tuple[list[int], list[str], bool]:
    """Find or add a row per attachment; return (row ids, digests for the hash, whether any text was added).

    A failed download (no digest) reuses the last good file of the same URL, so a transient error
    never looks like a replaced attachment.
    """
    ids: list[int] = []
    digests: list[str] = []
    text_added = False
    for att in captures:
        if att.tables is not None and att.table_kind and att.sha256:  # read by the crawl for the ledger
            from archive.ledger import table_cache  # the ledger's package only when a crawl brings tables

            table_cache.save(conn, att.sha256, att.table_kind, att.tables, at=at)
        if att.sha256 is None:
            prior = _row(conn, "SELECT id, sha256 FROM attachments WHERE document_id = ? AND url = ?"
                         " AND sha256 IS NOT NULL ORDER BY id DESC LIMIT 1", (document_id, att.url))
            if prior is not None:
                ids.append(prior["id"])
                digests.append(prior["sha256"])
                continue
            existing = _row(conn, "SELECT id FROM attachments WHERE document_id = ? AND url = ?"
                            " AND sha256 IS NULL", (document_id, att.url))
        else:
            existing = _row(conn, "SELECT id, text FROM attachments WHERE document_id = ? AND url = ?"
                            " AND sha256 = ?", (document_id, att.url, att.sha256))
            digests.append(att.sha256)
        if existing is not None:
            if att.text and existing.get("text") is None and att.sha256 is not None:
                text_added = True
            conn.execute(
                "UPDATE attachments SET last_seen_at = ?, text = coalesce(text, ?), error = ?,"
                " name = coalesce(name, ?), etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)"
                " WHERE id = ?",
                (at, att.text, att.error, att.name, att.etag, att.last_modified, existing["id"]),
            )
            ids.append(existing["id"])
            text_added = _ocr.record_capture(conn, existing["id"], att, at) or text_added
            continue
        cur = conn.execute(
            """INSERT INTO attachments (document_id, url, name, sha256, size, content_type, text, error,
                                        first_seen_at, last_seen_at, warc_file, warc_offset, etag, last_modified)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (document_id, att.url, att.name, att.sha256, att.size, att.content_type, att.text, att.error,
             at, at, att.warc.file if att.warc else None, att.warc.offset if att.warc else None,
             att.etag, att.last_modified),
        )
        ids.append(int(cur.lastrowid or 0))
        if att.redirects:
            chains.record_hops(conn, document_id, "attachments", ids[-1], att.redirects)
        text_added = _ocr.record_capture(conn, ids[-1], att, at) or text_added or bool(att.text)
    return list(dict.fromkeys(ids)), digests, text_added


def _version_parts(version: dict[str, Any]) -> dict[str, object]:
    dates = {k: version[f"{k}_date"] for k in HASHED_DATES}
    return content_parts(version["title"], dates, version["body_text"],
                         json.loads(version["attachment_sha256s"] or "[]"))


def _refresh_fts(conn: sqlite3.Connection, document_id: int, old_parts: list[str | None], *, defer: bool) -> None:
    """Queue the posting for re-indexing (``old_parts``: the texts its row was built from); index now unless ``defer``."""
    search.mark_stale(conn, document_id, old_parts)
    if not defer:
        search.flush_pending(conn)


def ingest(conn: sqlite3.Connection, capture: PageCapture, *, run_id: int | None, doc_type: str,
           defer_search: bool = False) -> IngestResult:
    """Record ``capture`` (caller holds the transaction); returns what happened.

    With ``defer_search`` the posting is only queued for the search index (``archive.search.flush_pending``).
    """
    at = capture.fetched_at
    dates = {k: capture.dates.get(k) for k in ("cms", "list", "stated", "url")}
    if capture.tables is not None and capture.raw_sha256:  # read by the crawl for the ledger
        from archive.ledger import table_cache

        table_cache.save(conn, capture.raw_sha256, "html", capture.tables, at=at)
    doc = _row(conn, "SELECT * FROM documents WHERE url = ?", (capture.url,))
    if doc is None:
        cur = conn.execute(
            "INSERT INTO documents (site_id, url, first_seen_at, status, doc_type) VALUES (?, ?, ?, 'live', ?)",
            (capture.site_id, capture.url, at, doc_type))
        doc = {"id": int(cur.lastrowid or 0), "status": "live", "removed_at": None, "current_version_id": None,
               "version_count": 0, "list_date": None, "publish_date": None, "publish_date_source": None}
    doc_id = doc["id"]
    # what the search index holds for this posting, read before attachment texts are filled in below
    indexed_parts = search.document_parts(conn, doc["current_version_id"])
    att_ids, digests, text_added = _attachments(conn, doc_id, capture.attachments, at)
    title, body = tidy_text(capture.title), tidy_text(capture.body_text)
    hashed_dates = {k: dates[k] for k in HASHED_DATES}
    digest = content_hash(title, hashed_dates, body, digests)
    previous = None
    if doc["current_version_id"] is not None:
        previous = _row(conn, "SELECT * FROM versions WHERE id = ?", (doc["current_version_id"],))
    changed: list[str] = []
    new_version = previous is None
    if previous is not None and previous["sha256"] != digest:
        changed = changed_parts(_version_parts(previous), content_parts(title, hashed_dates, body, digests))
        new_version = bool(changed)  # an empty list means only the hashing rules changed: not a version
    version_id = doc["current_version_id"]
    if new_version:
        cur = conn.execute(
            """INSERT INTO versions (document_id, run_id, captured_at, sha256, raw_sha256, title, publish_date,
                 cms_date, list_date, stated_date, url_date, body_text, attachment_sha256s, changed_fields,
                 http_status, warc_file, warc_offset)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc_id, run_id, at, digest, capture.raw_sha256, title, capture.publish_date, dates["cms"],
             dates["list"], dates["stated"], dates["url"], body, _json(sorted(set(digests))),
             _json(changed) if previous is not None else None, capture.http_status,
             capture.warc.file if capture.warc else None, capture.warc.offset if capture.warc else None))
        version_id = int(cur.lastrowid or 0)
        if capture.redirects:
            chains.record_hops(conn, doc_id, "versions", version_id, capture.redirects)
        conn.executemany("INSERT OR IGNORE INTO version_attachments (version_id, attachment_id) VALUES (?, ?)",
                         [(version_id, a) for a in att_ids])

    was_removed = doc["status"] == "removed" or (doc["status"] == "unreachable" and doc["removed_at"])
    event: str | None = None
    detail: dict[str, Any] | None = None
    kind: IngestKind
    if previous is None:
        event, kind = "new", "new"
    elif was_removed:
        event, kind = "restored", "restored"
        detail = {"changed": changed, "previous_status": doc["status"]}
    elif new_version:
        event, kind, detail = "changed", "changed", {"changed": changed}
    else:
        kind = "unchanged"
    if event is not None:
        _event(conn, doc_id, run_id, event, at, version_id=version_id,
               previous_version_id=previous["id"] if previous and new_version else None, detail=detail)
    check_id = _check(conn, doc_id, run_id, at, "new_version" if new_version else "same", site_id=capture.site_id,
                      url=capture.url, http_status=capture.http_status,
                      reason=(capture.extra or {}).get("parse_note"), raw_sha256=capture.raw_sha256,
                      warc=capture.warc, redirects=capture.redirects)
    if capture.lost_evidence:
        recapture.record(conn, capture, document_id=doc_id, check_id=check_id, content_sha256=digest, run_id=run_id)
    conn.execute(
        """UPDATE documents SET title = ?, publish_date = ?, publish_date_source = ?, cms_date = ?,
             list_date = ?, stated_date = ?, url_date = ?, publisher = coalesce(?, publisher), doc_type = ?,
             doc_numbers = ?, status = 'live', last_seen_at = ?, last_checked_at = ?, removed_at = NULL,
             current_version_id = ?, version_count = version_count + ?, list_title = coalesce(?, list_title),
             etag = ?, last_modified = ?, attachment_count = ?
           WHERE id = ?""",
        (title, capture.publish_date or doc["publish_date"],
         capture.publish_date_source if capture.publish_date else doc["publish_date_source"],
         dates["cms"], dates["list"] or doc["list_date"], dates["stated"], dates["url"], capture.publisher,
         doc_type, _json(capture.doc_numbers), at, at, version_id, int(new_version), capture.list_title,
         capture.etag, capture.last_modified, len(att_ids), doc_id))
    if "display" in capture.dates:  # the date the page shows, apart from its CMS date
        conn.execute("UPDATE documents SET display_date = ? WHERE id = ?", (capture.dates["display"], doc_id))
    if new_version or text_added:
        _refresh_fts(conn, doc_id, indexed_parts, defer=defer_search)
    log.debug("ingest %s: %s %s", capture.url, kind, changed)
    return IngestResult(kind=kind, document_id=doc_id, version_id=version_id, changed=changed, event=event)


def _check_outcome(conn: sqlite3.Connection, document_id: int | None, run_id: int | None,
                   outcome: CheckOutcome) -> int:
    return _check(conn, document_id, run_id, outcome.fetched_at, outcome.kind, site_id=outcome.site_id,
           url=outcome.url, http_status=outcome.http_status, reason=outcome.reason,
           raw_sha256=outcome.raw_sha256, warc=outcome.warc, redirects=outcome.redirects)


def record_outcome(conn: sqlite3.Connection, outcome: CheckOutcome, *, run_id: int | None) -> OutcomeResult:
    """Record a content-less check (caller holds the transaction); at most one event per transition."""
    at = outcome.fetched_at
    doc = _row(conn, "SELECT id, status, removed_at, current_version_id FROM documents WHERE url = ?",
               (outcome.url,))
    if doc is None:
        log.info("check of unarchived %s: %s", outcome.url, outcome.kind)
        _check_outcome(conn, None, run_id, outcome)
        return OutcomeResult(outcome=outcome.kind, document_id=None)
    status, removed_at = doc["status"], doc["removed_at"]
    was_removed = status == "removed" or (status == "unreachable" and removed_at)
    event: str | None = None
    detail: dict[str, Any] = {"http_status": outcome.http_status, "reason": outcome.reason or None}
    new_status, last_seen = status, None
    if outcome.kind == "not_modified":
        new_status, last_seen = "live", at
        if was_removed:
            event, removed_at = "restored", None
            detail = {"changed": [], "previous_status": status, "http_status": outcome.http_status}
    elif outcome.kind == "removed":
        new_status = "removed"
        if not was_removed:
            event, removed_at = "removed", at
    else:  # unreachable / blocked: never a removal
        new_status = "unreachable"
        if status != "unreachable":
            event = "unreachable"
            detail = {**detail, "outcome": outcome.kind, "previous_status": status}
    if event is not None:
        _event(conn, doc["id"], run_id, event, at, version_id=doc["current_version_id"], detail=detail)
    check_id = _check_outcome(conn, doc["id"], run_id, outcome)
    if outcome.lost_evidence and outcome.kind == "removed":  # gone from the server: lost for good
        recapture.record_gone(conn, outcome, document_id=doc["id"], check_id=check_id, run_id=run_id)
    conn.execute(
        "UPDATE documents SET status = ?, removed_at = ?, last_checked_at = ?,"
        " last_seen_at = coalesce(?, last_seen_at) WHERE id = ?",
        (new_status, removed_at, at, last_seen, doc["id"]))
    return OutcomeResult(outcome=outcome.kind, document_id=doc["id"], event=event, status=new_status,
                         version_id=doc["current_version_id"])
