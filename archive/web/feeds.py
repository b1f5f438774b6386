"""The ``.atom`` output renderer, replacing datasette-atom 0.9's for robustness.

datasette-atom 0.9 answers HTTP 500 for an empty result (``max()`` of nothing) and for a naive
``atom_updated``.  This renderer takes the same columns (``atom_id``, ``atom_title``, ``atom_updated``,
optional ``atom_content`` / ``atom_content_html`` / ``atom_link`` / ``atom_author_name``), plus our own
optional ``atom_related`` (a JSON array of ``{"href", "title", "type"}`` objects, nulls skipped: one
``<link rel="related">`` each, as the chain feed links a manifest's signature and timestamp), and:

* answers a valid, empty feed when there are no rows;
* reads naive timestamps and bare dates as China time (UTC+8);
* turns a relative ``atom_link`` or related ``href`` (``/-/ducha/document/5``) into an absolute URL (on ``DUCHA_BASE_URL`` when
  set, for an archive served behind a proxy; else on the request's host);
* sanitises ``atom_content_html`` with nh3 (ins/del/br/p only).

An unknown ``site`` or ``region`` never reaches it: ``archive.web.params`` answers 400 naming the valid ones.

``archive.web.plugin`` registers it with ``trylast=True`` so it overrides datasette-atom's ``atom``.
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from datasette import __version__
from datasette.utils.asgi import Response
from feedgen.feed import FeedGenerator
from lxml import etree

from archive.ops.config import absolute, base_url
from archive.web.sanitise import FEED_TAGS, clean

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = {"atom_id", "atom_updated", "atom_title"}
ATOM = "{http://www.w3.org/2005/Atom}"
CHINA = timezone(timedelta(hours=8))
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def parse_updated(value: Any) -> datetime:
    """A timezone-aware datetime from an ISO timestamp or date; naive values are China time."""
    if isinstance(value, datetime):
        parsed = value
    else:
        text = str(value or "").strip().replace("Z", "+00:00")
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            log.warning("unreadable atom_updated %r", value)
            return EPOCH
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=CHINA)


def _related(value: Any) -> list[dict[str, Any]]:
    """The ``atom_related`` links of a row: objects with an ``href``; anything else (SQL nulls) skipped."""
    try:
        items = json.loads(value) if value else []
    except ValueError:
        log.warning("unreadable atom_related %r", value)
        return []
    return [i for i in items if isinstance(i, dict) and i.get("href")] if isinstance(items, list) else []


def _with_related(xml: bytes, related: dict[str, list[dict[str, str]]]) -> bytes:
    """Add each entry's ``<link rel="related" href= title= type=>``: feedgen 1.0 writes an entry link's ``href``
    only (it drops ``rel``, ``type`` and ``title``), so they are added to its output instead."""
    if not any(related.values()):
        return xml
    root = etree.fromstring(xml, etree.XMLParser(remove_blank_text=True))  # our own output, just written
    for entry in root.iterfind(f"{ATOM}entry"):
        for link in related.get(entry.findtext(f"{ATOM}id") or "", []):
            etree.SubElement(entry, f"{ATOM}link", {"rel": "related", **{
                k: str(link[k]) for k in ("href", "title", "type") if link.get(k)}})
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def can_render_atom(columns: list[str]) -> bool:
    """Offer ``.atom`` only for results with the three required columns."""
    return REQUIRED_COLUMNS.issubset(columns)


def _feed_title(datasette: Any, request: Any, database: str, query_name: str | None, sql: str) -> str:
    """The query's title, with the filters in it (``…（地区 四川 · 站点 sc-sthjt）``) so a reader's feed list
    tells two filtered feeds apart."""
    title = request.args.get("_feed_title") or sql
    if query_name:
        query = (datasette.metadata(database=database) or {}).get("queries", {}).get(query_name)
        if isinstance(query, dict) and query.get("title"):
            title = str(query["title"])
    filters = [f"{label} {request.args.get(name).strip()}" for name, label in (("region", "地区"), ("site", "站点"))
               if (request.args.get(name) or "").strip()]
    return f"{title}（{' · '.join(filters)}）" if filters else title


async def render_atom(datasette: Any, request: Any, sql: str, columns: list[str], rows: list, database: str,
                table: str | None, query_name: str | None, view_name: str, data: dict) -> Response | dict:
    """Render query results as an Atom feed (see the module docstring)."""
    if not REQUIRED_COLUMNS.issubset(columns):
        return Response.text("SQL query must return columns " + ", ".join(sorted(REQUIRED_COLUMNS)), status=400)
    base = base_url() or f"{request.scheme}://{request.host}"  # DUCHA_BASE_URL behind a proxy
    fg = FeedGenerator()
    fg.generator(generator="Datasette", version=__version__, uri="https://github.com/simonw/datasette")
    fg.id(request.url)
    fg.link(href=request.url, rel="self")
    fg.title(_feed_title(datasette, request, database, query_name, sql))
    updated = [parse_updated(row["atom_updated"]) for row in rows]
    fg.updated(max(updated) if updated else EPOCH)
    related: dict[str, list[dict[str, str]]] = {}  # entry id -> its rel="related" links
    for row, when in reversed(list(zip(rows, updated))):
        entry = fg.add_entry()
        entry.id(str(row["atom_id"]))
        entry.title(str(row["atom_title"] or ""))
        entry.updated(when)
        if "atom_content_html" in columns:
            entry.content(clean(row["atom_content_html"], FEED_TAGS), type="html")
        elif "atom_content" in columns and row["atom_content"] is not None:
            entry.content(str(row["atom_content"]), type="text")
        link = row["atom_link"] if "atom_link" in columns else None
        if not link and entry.content() is None:
            entry.content(str(row["atom_title"] or ""), type="text")  # Atom needs a link or a content
        if link:
            entry.link(href=absolute(str(link), base))
        if "atom_related" in columns:
            related[str(row["atom_id"])] = [{**r, "href": absolute(r["href"], base)} for r in _related(row["atom_related"])]
        if "atom_author_name" in columns and row["atom_author_name"]:
            entry.author({"name": str(row["atom_author_name"])})
    return Response(_with_related(fg.atom_str(pretty=True), related), content_type="application/atom+xml; charset=utf-8",
                    headers={"X-Content-Type-Options": "nosniff"})
