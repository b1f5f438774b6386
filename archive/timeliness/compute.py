"""Compute the timeliness tables from the archive (``compute_measures``).

Reads ``documents``, ``versions``, ``events``, ``attachments``, ``runs``/``run_sites``; replaces the
``timeliness`` and ``date_mentions`` rows of the documents it computes.  Idempotent: run it after
every crawl run (or before a report) with the same ``now`` and nothing changes but
``computed_at``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import jsonify_if_needed

from archive.timeliness.calendar import WorkingDayCalendar, default_calendar
from archive.timeliness.dates import find_dates, parse_iso_date
from archive.timeliness.measures import OBJECTION_DOC_TYPES, local_date, posting_measures
from archive.timeliness.schema import DATE_MENTION_COLUMNS
from archive.timeliness.url_dates import url_date

log = logging.getLogger(__name__)

_FAILED_SITE_STATUSES = ("failed", "blocked", "error", "crashed", "unreachable")


def _database(db: Database | str | Path) -> Database:
    return db if isinstance(db, Database) else Database(db)


def _scope(document_ids: Iterable[int] | None) -> tuple[str, list[Any]]:
    """A ``WHERE`` condition template (``{}``: the id column) and its parameters for ``document_ids``.

    The ids travel as one JSON array (``json_each``): no temporary table, so no write transaction is opened
    on the caller's connection.
    """
    if document_ids is None:
        return "1", []
    return "{} IN (SELECT value FROM json_each(?))", [json.dumps(sorted({int(i) for i in document_ids}))]


def _rows(db: Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _baseline_ids(db: Database) -> set[int]:
    """Documents already online when their site was first crawled (first 'new' run of the site)."""
    rows = _rows(db, """SELECT d.id, d.site_id, d.first_seen_at, e.run_id FROM documents d
                        LEFT JOIN events e ON e.document_id = d.id AND e.kind = 'new'""")
    first_run: dict[str, int] = {}
    first_day: dict[str, dt.date] = {}
    for r in rows:
        if r["run_id"] is not None:
            first_run[r["site_id"]] = min(first_run.get(r["site_id"], r["run_id"]), r["run_id"])
        day = local_date(r["first_seen_at"])
        if day:
            first_day[r["site_id"]] = min(first_day.get(r["site_id"], day), day)
    out = set()
    for r in rows:
        if r["site_id"] in first_run:
            if r["run_id"] == first_run[r["site_id"]]:
                out.add(r["id"])
        elif local_date(r["first_seen_at"]) == first_day.get(r["site_id"]):
            out.add(r["id"])
    return out


def _site_visits(db: Database) -> dict[str, list[dt.datetime]]:
    """Start times of the runs that visited each site successfully (not failed, some pages), sorted."""
    if not {"runs", "run_sites"} <= set(db.table_names()):
        return {}
    marks = ",".join("?" * len(_FAILED_SITE_STATUSES))
    visits: dict[str, list[dt.datetime]] = defaultdict(list)
    for r in _rows(db, f"""SELECT rs.site_id, r.started_at FROM run_sites rs JOIN runs r ON r.id = rs.run_id
                           WHERE coalesce(rs.status, 'ok') NOT IN ({marks}) AND coalesce(rs.pages, 1) > 0""",
                       _FAILED_SITE_STATUSES):
        try:
            visits[r["site_id"]].append(dt.datetime.fromisoformat(r["started_at"]))
        except (TypeError, ValueError):
            continue
    return {k: sorted(v) for k, v in visits.items()}


def _previous_visit(visits: list[dt.datetime], first_seen_at: str | None) -> dt.date | None:
    """Date of the last successful visit that started before ``first_seen_at``."""
    if not visits or not first_seen_at:
        return None
    try:
        seen = dt.datetime.fromisoformat(first_seen_at)
        i = bisect.bisect_left(visits, seen) - 1
    except (TypeError, ValueError):
        return None
    return local_date(visits[i]) if i >= 0 else None


def date_mention_rows(doc: Mapping[str, Any], version: Mapping[str, Any] | None,
                      attachments: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``date_mentions`` rows: the document's own dates, then every date in its body and attachments."""
    publish = parse_iso_date(doc.get("publish_date"))
    context_year = publish.year if publish else None
    base = {"document_id": doc["id"], "version_id": None, "attachment_id": None, "location": "document",
            "precision": "day", "kind": "date", "redacted": 0, "year_source": None, "text": None,
            "start": None, "note": None}
    rows = []
    for source, column in (("cms", "cms_date"), ("display", "display_date"), ("list", "list_date"),
                           ("stated", "stated_date")):
        if doc.get(column):
            rows.append({**base, "source": source, "value": doc[column]})
    url_mention = url_date(doc.get("url"))
    if url_mention:
        rows.append({**base, "source": "url", "value": url_mention.iso(), "precision": url_mention.precision,
                     "text": url_mention.text})
    for source, column in (("first_seen", "first_seen_at"), ("last_seen", "last_seen_at"),
                           ("removed", "removed_at")):
        if doc.get(column):
            rows.append({**base, "source": source, "value": _iso(local_date(doc[column])), "text": doc[column]})
    texts: list[tuple[str, int | None, int | None, str | None]] = []
    if version is not None:
        texts.append(("body", version.get("id"), None, version.get("body_text")))
    texts += [("attachment", None, a.get("id"), a.get("text")) for a in attachments]
    for location, version_id, attachment_id, text in texts:
        for m in find_dates(text, context_year=context_year):
            rows.append({**base, "source": "stated", "location": location, "version_id": version_id,
                         "attachment_id": attachment_id, "value": m.iso(), "precision": m.precision,
                         "kind": m.kind, "redacted": int(m.redacted), "year_source": m.year_source,
                         "text": m.text, "start": m.start, "note": m.note})
    return [{c: r.get(c) for c in DATE_MENTION_COLUMNS if c != "id"} for r in rows]


_PLAIN = frozenset({str, int, float, bytes, type(None)})


def _insert_rows(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows that share their keys, values made SQL values as sqlite-utils would (dates as ISO text, lists
    as JSON); one ``executemany`` (sqlite-utils' ``insert_all`` inspected every value of 15,000 rows in Python)."""
    if not rows:
        return
    columns = list(rows[0])
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
           f" VALUES ({', '.join('?' * len(columns))})")
    db.conn.executemany(sql, ([v if type(v) in _PLAIN else jsonify_if_needed(v) for v in map(row.get, columns)]
                              for row in rows))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def compute_measures(db: Database | str | Path, *, now: dt.datetime, tolerance_days: int = 3,
                     calendar: WorkingDayCalendar | None = None,
                     document_ids: Iterable[int] | None = None,
                     objection_doc_types: Collection[str] = OBJECTION_DOC_TYPES) -> int:
    """(Re)compute ``timeliness`` and ``date_mentions`` for every document (or ``document_ids``).

    ``now`` is recorded as ``computed_at``; ``tolerance_days`` is the backdating tolerance;
    ``objection_doc_types`` the doc types whose removal within the window is an early removal.
    Returns the number of documents computed.
    """
    from archive.schema import ensure_schema

    db = _database(db)
    ensure_schema(db)
    cal = calendar or default_calendar()
    # only the wanted postings' rows are read (their texts are most of the file): a temporary id table
    only, ids_param = _scope(document_ids)
    docs = _rows(db, f"SELECT * FROM documents WHERE {only.format('id')} ORDER BY id", ids_param)
    baseline = _baseline_ids(db)
    visits = _site_visits(db)
    versions: dict[int, list[dict]] = defaultdict(list)
    for v in _rows(db, f"SELECT * FROM versions WHERE {only.format('document_id')} ORDER BY document_id, id",
                   ids_param):
        versions[v["document_id"]].append(v)
    events: dict[int, list[dict]] = defaultdict(list)
    for e in _rows(db, f"SELECT document_id, kind, at, run_id FROM events WHERE {only.format('document_id')}"
                       " ORDER BY id", ids_param):
        events[e["document_id"]].append(e)
    current_atts: dict[int, list[dict]] = defaultdict(list)
    for a in _rows(db, f"""SELECT a.id, a.document_id, a.text FROM attachments a
                          JOIN version_attachments va ON va.attachment_id = a.id
                          JOIN documents d ON d.current_version_id = va.version_id AND d.id = a.document_id
                          WHERE {only.format('a.document_id')} ORDER BY a.id""", ids_param):
        current_atts[a["document_id"]].append(a)
    measures, mentions = [], []
    for doc in docs:
        doc_versions = versions.get(doc["id"], [])
        atts = current_atts.get(doc["id"], [])
        measures.append(posting_measures(
            doc, doc_versions, events.get(doc["id"], []), attachment_texts=[a["text"] for a in atts if a["text"]],
            baseline=doc["id"] in baseline, previous_visit=_previous_visit(visits.get(doc["site_id"], []),
                                                                          doc.get("first_seen_at")),
            calendar=cal, tolerance_days=tolerance_days, objection_doc_types=objection_doc_types, now=now))
        mentions += date_mention_rows(doc, doc_versions[-1] if doc_versions else None, atts)
    ids = [d["id"] for d in docs]
    with db.atomic():
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            db.execute(f"DELETE FROM date_mentions WHERE document_id IN ({marks})", part)
            db.execute(f"DELETE FROM timeliness WHERE document_id IN ({marks})", part)
        _insert_rows(db, "timeliness", measures)
        _insert_rows(db, "date_mentions", mentions)
        # the re-check schedule keeps a posting under watch while its window is open: the same figure
        db.conn.executemany("UPDATE documents SET objection_end = ? WHERE id = ?",
                            [(m.get("objection_end"), m["document_id"]) for m in measures])
    log.info("timeliness computed for %d documents (%d date mentions)", len(measures), len(mentions))
    return len(measures)
