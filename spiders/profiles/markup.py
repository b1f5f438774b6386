"""Turning list-item markup (an ``<li>``, ``<tr>``, ``<dl>``…) into a :class:`ListEntry`."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from archive.timeliness.shown_dates import looks_dated, parse_shown_date
from archive.timeliness.url_dates import url_year

from .base import ListEntry, absolute_url, choose_title, clean_text, dedupe_entries

logger = logging.getLogger(__name__)


def text_outside(element: Any, exclude: Any) -> str:
    """The text of ``element`` without the text inside ``exclude`` (one of its descendants)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node is exclude:
            if node.tail:
                parts.append(node.tail)
            return
        if isinstance(node.tag, str) and node.tag in ("script", "style"):
            pass
        elif node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
        if node is not element and node.tail:
            parts.append(node.tail)

    walk(element)
    return clean_text(" ".join(parts))


def links_of(element: Any, base_url: str) -> list[tuple[Any, str]]:
    """``(anchor, absolute URL)`` for every followable link inside ``element`` (itself included)."""
    anchors = [element] if element.tag == "a" else []
    anchors += element.iter("a")
    out = []
    for a in anchors:
        url = absolute_url(base_url, a.get("href"))
        if url:
            out.append((a, url))
    return out


def main_link(element: Any, base_url: str) -> tuple[Any, str, str | None, bool] | None:
    """The item's title link: ``(anchor, url, title, still_truncated)``; the longest title wins."""
    best = None
    for a, url in links_of(element, base_url):
        title, truncated = choose_title(a.text_content(), a.get("title"))
        if not title:
            continue
        if best is None or len(title) > len(best[2] or ""):
            best = (a, url, title, truncated)
    return best


def entry_from_item(element: Any, base_url: str, *, extra_date_text: str = "") -> ListEntry | None:
    """A :class:`ListEntry` for one list item, or ``None`` when it has no link or shows no date.

    The date is looked for outside the link text (titles often contain dates themselves), then in
    ``extra_date_text`` (a following sibling such as ``<dd>``); year-less dates take their year from
    the detail URL.
    """
    found = main_link(element, base_url)
    if found is None:
        return None
    anchor, url, title, truncated = found
    date_text = ""
    for a in element.iter("span", "em", "i", "b", "font", "td", "dd", "p", "div"):
        cls = (a.get("class") or "") + " " + (a.get("id") or "")
        if any(k in cls.lower() for k in ("date", "time")) and looks_dated(a.text_content()):
            date_text = a.text_content()
            break
    if not date_text:
        date_text = text_outside(element, anchor)
    if not looks_dated(date_text):
        date_text = extra_date_text
    if not looks_dated(date_text):
        return None
    date = parse_shown_date(date_text, context_year=url_year(url))
    return ListEntry(url=url, title=title, date=date, title_truncated=truncated)


def entries_from_items(elements: Iterable[Any], base_url: str) -> list[ListEntry]:
    """Entries for every dated item among ``elements`` (undated ones, such as menus, are skipped)."""
    entries = []
    for element in elements:
        entry = entry_from_item(element, base_url)
        if entry is not None:
            entries.append(entry)
    return dedupe_entries(entries)
