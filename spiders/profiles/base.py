"""The list-page API shared by every profile, plus small helpers for titles, links and options.

A *profile* turns one fetched list page into entries (detail links with the title and date shown
on the list) and the list pages to fetch next::

    profile.first_requests(start_url) -> [ListRequest]          # what the spider fetches first
    profile.parse_list(request, text)  -> ListPage(entries, follow, total_pages)

Contract for ``follow``: when a page reveals the page count, the *first* page returns requests for
all remaining pages (the spider deduplicates by URL + body); otherwise each page returns its next
page.  Profiles never import Scrapy; they see decoded text only.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

logger = logging.getLogger(__name__)

ELLIPSES = ("...", "…", "..", "．．．", "。。。")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class ListEntry:
    """One detail link on a list page.

    ``url`` is absolute; ``date`` is the list date as ``YYYY-MM-DD`` (``None`` when none is shown);
    ``title`` is the full title (taken from ``@title`` when the link text is truncated);
    ``title_truncated`` is true when the title we return still ends in an ellipsis because no fuller
    form was available (the detail page's title should win).
    """

    url: str
    title: str | None
    date: str | None
    title_truncated: bool = False


@dataclass(frozen=True)
class ListRequest:
    """A list page to fetch: GET by default, POST with a form ``body`` for Hanweb's dataproxy."""

    url: str
    method: str = "GET"
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()
    page: int = 1


@dataclass
class ListPage:
    """What one list page yielded: entries, list pages to follow, the page count when shown.

    ``error`` says why a page that should hold rows could not be read (an API answering something
    that is not its list): the walk is then incomplete, so nothing unlisted counts as removed.
    ``warning`` is for the run summary (rows read from a last-resort source, such as an HTML comment).
    """

    entries: list[ListEntry] = field(default_factory=list)
    follow: list[ListRequest] = field(default_factory=list)
    total_pages: int | None = None
    error: str | None = None
    warning: str | None = None
    recovered: int = 0  # rows the HTML parser lost and the raw-text scan found (spiders.profiles.recover)


class Profile(Protocol):
    """A list-page parser for one CMS family (or generic discovery)."""

    name: str

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """The requests that start crawling the channel at ``start_url``."""
        ...

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """Entries and follow-up requests of the fetched list page ``request``."""
        ...


def clean_text(text: str | None) -> str:
    """Collapse whitespace (including full-width spaces and NBSP) and strip."""
    if not text:
        return ""
    return _WS.sub(" ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()


def is_truncated(text: str | None) -> bool:
    """Whether a link text ends in an ellipsis (``...``, ``…``)."""
    return bool(text) and clean_text(text).endswith(ELLIPSES)


def choose_title(link_text: str | None, title_attr: str | None) -> tuple[str | None, bool]:
    """The full title from a link's text and ``@title``; returns ``(title, still_truncated)``.

    ``@title`` wins when the text is truncated or empty, or when it extends the text; otherwise the
    text wins (some templates put boilerplate such as "点击查看" in ``@title``).
    """
    text = clean_text(link_text)
    attr = clean_text(title_attr)
    stem = text.rstrip("".join(ELLIPSES) + ".…")
    if attr and (not text or is_truncated(text) or (len(attr) > len(text) and attr.startswith(stem))):
        title = attr
    else:
        title = text or None
    return title, is_truncated(title)


def absolute_url(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``; ``None`` for scripts, anchors, mail links and empties."""
    if not href:
        return None
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    url = urljoin(base, href)
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    return url.split("#", 1)[0]


def parse_html(text: str) -> Any:
    """An lxml HTML tree for ``text`` (an empty ``<html>`` for empty input)."""
    if not text or not text.strip():
        return lxml_html.fromstring("<html></html>")
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    return lxml_html.fromstring(text)


def option_int(options: Mapping[str, Any] | None, key: str, default: int | None) -> int | None:
    """An integer option (YAML may give strings); ``default`` when absent or empty."""
    if not options or options.get(key) in (None, ""):
        return default
    return int(options[key])


def cap_pages(last_page: int, max_pages: int | None) -> int:
    """The last page to request given the site's ``max_pages`` option (``None`` = all)."""
    return last_page if max_pages is None else min(last_page, max_pages)


def dedupe_entries(entries: list[ListEntry]) -> list[ListEntry]:
    """Entries in page order with repeated URLs dropped (first occurrence wins)."""
    seen: set[str] = set()
    out: list[ListEntry] = []
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            out.append(entry)
    return out


def json_object(text: str) -> dict[str, Any] | None:
    """``text`` parsed as a JSON object (``{}`` for any other JSON value); ``None`` when not JSON."""
    try:
        payload = json.loads(text)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else {}


def json_entries(rows: Iterable[Any] | None, base_url: str, *,
                 date_of: Callable[[dict[str, Any]], str | None]) -> list[ListEntry]:
    """Entries of a JSON list's rows (dicts with ``url`` and ``title``), deduplicated.

    Rows that are not objects or lack a ``url`` are skipped; ``date_of(row)`` gives the list date.
    """
    entries = []
    for row in rows or []:
        if not isinstance(row, dict) or not row.get("url"):
            continue
        title, truncated = choose_title(row.get("title"), None)
        entries.append(ListEntry(url=urljoin(base_url, str(row["url"])), title=title, date=date_of(row),
                                 title_truncated=truncated))
    return dedupe_entries(entries)
