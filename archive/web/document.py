"""Read one posting with everything the document page and the evidence manifest show (read-only).

All queries go through Datasette's read connections (``Database.execute``), so nothing here writes.
"""
from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from archive.evidence import MANIFEST_QUERIES, decode_json_fields
from archive.ocr import display as ocr_display
from archive.web.sanitise import diff_html, side_by_side_html

log = logging.getLogger(__name__)

#: (column, Chinese label, English label, where the value comes from)
DATE_FIELDS = [
    ("publish_date", "发布日期", "Publish date", "从 CMS、列表页、落款中选定"),
    ("cms_date", "CMS 日期", "CMS date", "网页元数据（PubDate）"),
    ("list_date", "列表页日期", "List-page date", "栏目列表页"),
    ("stated_date", "落款日期", "Stated date", "正文落款"),
    ("url_date", "URL 日期", "URL date", "网址"),
    ("objection_end", "异议期截止", "Objection window ends", "公示正文"),
    ("first_seen_at", "首次发现", "First seen", "本存档抓取"),
    ("last_seen_at", "最后在线", "Last seen online", "本存档抓取"),
    ("last_checked_at", "最后检查", "Last checked", "本存档抓取"),
    ("removed_at", "删除时间", "Removed at", "本存档抓取"),
]

VERSION_DATES = ("publish_date", "cms_date", "list_date", "stated_date", "url_date")


def _dicts(result: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in result.rows]


def _json_list(value: str | None) -> list:
    try:
        loaded = json.loads(value) if value else []
    except ValueError:
        return []
    return loaded if isinstance(loaded, list) else []


def _attachment_changes(previous: list[dict], current: list[dict]) -> list[dict[str, Any]]:
    """What changed in a version's attachments: ``{"kind": added|removed|replaced, "old", "new", "text_diff"}``.

    A file with the same URL or name but another digest is ``replaced`` (with an inline diff of its text).
    """
    old_ids, new_ids = {a["id"] for a in previous}, {a["id"] for a in current}
    gone = [a for a in previous if a["id"] not in new_ids]
    came = [a for a in current if a["id"] not in old_ids]
    changes: list[dict[str, Any]] = []
    for new in came:
        old = next((a for a in gone if a["url"] == new["url"] or (a["name"] and a["name"] == new["name"])), None)
        if old is None:
            changes.append({"kind": "added", "old": None, "new": new, "text_diff": None})
            continue
        gone.remove(old)
        text_diff = (Markup(diff_html(old.get("text"), new.get("text")))
                     if (old.get("text") or "") != (new.get("text") or "") else None)
        changes.append({"kind": "replaced", "old": old, "new": new, "text_diff": text_diff})
    changes += [{"kind": "removed", "old": a, "new": None, "text_diff": None} for a in gone]
    return changes


def _version_range(numbers: list[int]) -> str:
    """``v1``, ``v2–v3`` or ``v1, v3`` for the versions an attachment belongs to."""
    if not numbers:
        return "—"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 1:
        return f"v{numbers[0]}–v{numbers[-1]}"
    return ", ".join(f"v{n}" for n in numbers)


def _backdating_reasons(value: str | None) -> list[str]:
    """Readable lines from ``timeliness.backdated_reasons``."""
    lines = []
    for reason in _json_list(value):
        if not isinstance(reason, dict):
            continue
        kind, field = reason.get("kind"), reason.get("field")
        if kind == "date_moved_earlier":
            lines.append(f"{field}: {reason.get('from')} → {reason.get('to')}（{reason.get('at')} 改早 moved earlier）")
        elif kind == "earlier_than_first_seen":
            lines.append(f"{field} {reason.get('date')} 早于首次发现 {reason.get('first_seen')} {reason.get('days')} 天"
                         f" days before first seen (previous visit {reason.get('previous_visit') or '—'})")
        elif kind == "earlier_than_url_date":
            lines.append(f"{field} {reason.get('date')} 早于 URL 日期 {reason.get('url_date')} {reason.get('days')} 天"
                         " days before the URL's date")
        else:
            lines.append(json.dumps(reason, ensure_ascii=False))
    return lines


def _date_changes(previous: dict[str, Any], version: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """``(column, old, new)`` for each version date that differs between two consecutive versions."""
    return [(col, previous.get(col), version.get(col)) for col in VERSION_DATES if previous.get(col) != version.get(col)]


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL, else None (never a ``javascript:`` link)."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


async def _redirect_targets(db: Any, document_id: int) -> dict[tuple[Any, str], str]:
    """``(run_id, at) -> the URL a check of the posting was redirected to`` (the end of its redirect chain)."""
    if not await db.table_exists("redirect_hops"):
        return {}
    rows = _dicts(await db.execute(
        "SELECT c.run_id, c.at, h.location FROM redirect_hops h JOIN checks c ON c.id = h.row_id"
        " WHERE h.row_table = 'checks' AND h.document_id = ? ORDER BY h.row_id, h.hop", [document_id]))
    return {(r["run_id"], r["at"]): r["location"] for r in rows}  # the last hop of each chain wins


async def load_document(db: Any, document_id: int) -> dict[str, Any] | None:
    """The posting, its site, dates with sources, versions with diffs, attachments and events; None if unknown."""
    docs = _dicts(await db.execute(
        "SELECT d.*, s.name AS site_name, s.region AS site_region, t.label_zh AS doc_type_zh,"
        " t.label_en AS doc_type_en FROM documents d LEFT JOIN sites s ON s.id = d.site_id"
        " LEFT JOIN doc_types t ON t.code = d.doc_type WHERE d.id = ?", [document_id]))
    if not docs:
        return None
    doc = docs[0]
    versions = _dicts(await db.execute(
        "SELECT * FROM versions WHERE document_id = ? ORDER BY captured_at, id", [document_id]))
    links = _dicts(await db.execute(
        "SELECT va.version_id, va.attachment_id FROM version_attachments va"
        " JOIN versions v ON v.id = va.version_id WHERE v.document_id = ?", [document_id]))
    attachments = _dicts(await db.execute(
        "SELECT * FROM attachments WHERE document_id = ? ORDER BY id", [document_id]))
    events = _dicts(await db.execute(
        "SELECT * FROM events WHERE document_id = ? ORDER BY at, id", [document_id]))
    timeliness = _dicts(await db.execute("SELECT * FROM timeliness WHERE document_id = ?", [document_id])) \
        if await db.table_exists("timeliness") else []
    by_version: dict[int, list[int]] = {}
    for link in links:
        by_version.setdefault(link["version_id"], []).append(link["attachment_id"])
    by_id = {a["id"]: a for a in attachments}
    in_versions: dict[int, list[int]] = {}
    previous: dict[str, Any] | None = None
    for number, version in enumerate(versions, start=1):
        version["number"] = number
        version["changed"] = _json_list(version.get("changed_fields"))
        version["attachment_ids"] = sorted(by_version.get(version["id"], []))
        for attachment_id in version["attachment_ids"]:
            in_versions.setdefault(attachment_id, []).append(number)
        if previous is not None:
            version["attachment_changes"] = _attachment_changes(
                [by_id[i] for i in previous["attachment_ids"] if i in by_id],
                [by_id[i] for i in version["attachment_ids"] if i in by_id])
            if previous["title"] != version["title"]:
                version["title_diff"] = Markup(diff_html(previous["title"], version["title"]))
            if previous["body_text"] != version["body_text"]:
                version["body_diff"] = Markup(diff_html(previous["body_text"], version["body_text"]))
            version["date_changes"] = _date_changes(previous, version)
        previous = version
    targets = await _redirect_targets(db, document_id)
    for event in events:
        try:
            event["detail_obj"] = json.loads(event["detail"]) if event.get("detail") else {}
        except ValueError:
            event["detail_obj"] = {}
        event["redirect_to"] = targets.get((event["run_id"], event["at"]))
        event["redirect_href"] = safe_href(event["redirect_to"])
    current = next((v for v in versions if v["id"] == doc.get("current_version_id")),
                   versions[-1] if versions else None)
    runs = sorted({v["run_id"] for v in versions if v.get("run_id") is not None})
    chained = {r["run_id"]: dict(r) for r in (await db.execute(  # the runs whose manifest lists a version of it
        "SELECT run_id, signed, timestamped FROM chain_manifests"
        f" WHERE run_id IN ({', '.join('?' * len(runs))})", runs)).rows} if runs else {}
    return {
        "chain_runs": chained,
        "doc": doc,
        "href": safe_href(doc.get("url")),
        "doc_numbers": _json_list(doc.get("doc_numbers")),
        "dates": [(col, zh, en, source, doc.get(col)) for col, zh, en, source in DATE_FIELDS],
        "current": current,
        "versions": versions,
        "attachments": [{**a, **ocr_display(a), "href": safe_href(a.get("url")),
                         "versions": _version_range(in_versions.get(a["id"], [])),
                         "current": bool(current and a["id"] in current["attachment_ids"])}
                        for a in attachments],
        "events": events,
        "timeliness": timeliness[0] if timeliness else None,
        "backdating_reasons": _backdating_reasons(timeliness[0].get("backdated_reasons")) if timeliness else [],
    }


async def load_version_pair(db: Any, document_id: int, version_id: int) -> dict[str, Any] | None:
    """A version of a posting against the one before it, for the side-by-side page.

    None when the posting is unknown, the version belongs to another posting, or it is the first version.
    """
    docs = _dicts(await db.execute("SELECT id, title, url, site_id FROM documents WHERE id = ?", [document_id]))
    versions = _dicts(await db.execute(
        "SELECT id, captured_at, title, body_text, sha256, " + ", ".join(VERSION_DATES) +
        " FROM versions WHERE document_id = ? ORDER BY captured_at, id", [document_id]))
    index = next((i for i, v in enumerate(versions) if v["id"] == version_id), None)
    if not docs or not index:  # unknown, another posting's version, or the first version
        return None
    old, new = versions[index - 1], versions[index]
    old["number"], new["number"] = index, index + 1
    body_changed = (old["body_text"] or "") != (new["body_text"] or "")
    return {
        "doc": docs[0],
        "old": old,
        "new": new,
        "title_diff": Markup(diff_html(old["title"], new["title"])) if old["title"] != new["title"] else None,
        "date_changes": _date_changes(old, new),
        "body_table": Markup(side_by_side_html(old["body_text"], new["body_text"])) if body_changed else None,
    }


async def evidence_manifest(db: Any, document_id: int, *, base: str) -> dict[str, Any] | None:
    """A JSON manifest of the posting's stored digests and WARC references, with links to each record
    (the same rows as ``ducha evidence``: ``archive.evidence.MANIFEST_QUERIES``)."""
    optional = {"redirect_hops": "redirect_hops", "recaptures": "evidence_recaptures"}  # newer tables
    parts = {name: _dicts(await db.execute(sql, [document_id]))
             if name not in optional or await db.table_exists(optional[name]) else []
             for name, sql in MANIFEST_QUERIES.items()}
    if not parts["document"]:
        return None
    decode_json_fields(parts)
    docs, versions, attachments, checks, events = (
        parts[name] for name in ("document", "versions", "attachments", "checks", "events"))
    for v in versions:
        v["warc_record_url"] = f"{base}/-/ducha/warc/{v['id']}" if v["warc_file"] else None
    return {
        "document": docs[0],
        "document_page": f"{base}/-/ducha/document/{document_id}",
        "versions": versions,
        "attachments": attachments,
        "checks": checks,
        "events": events,
        "redirect_hops": parts["redirect_hops"],
        "recaptures": parts["recaptures"],
        "note": "sha256 is the normalised content hash; raw_sha256 the SHA-256 of the response body as "
                "received (verify it against the WARC record's payload). `ducha evidence ID` exports a "
                "self-contained package.",
    }
