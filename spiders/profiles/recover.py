"""Rows a malformed list page hid from the parser, recovered by scanning the raw text for links.

One list item with an unclosed attribute quote (``title="<script>alert(1)</script>…`` on a page
that quotes with ``'``) makes the HTML parser swallow every following item *and* the pager into
one attribute value, silently.  A browser does the same, so a second, more tolerant parse does not
help (BeautifulSoup's ``html.parser`` and libxml2 agree here); the links are still in the text.

:func:`recover_rows` runs after any profile's ``parse_list``::

    anchors in the raw text  >  anchors the parser kept ?   (else: nothing was lost, page unchanged)
      └─ every raw ``href=`` shaped like the page's own entries (same host, same path depth and
         first folder, same kind of file) and followed by a date before the next link
         → a ListEntry (title from ``title=`` or the link text, date from the text after it)
      └─ a raw next-page link (下一页, next, ›…) when the profile found no page to follow
    → ListPage with the union of entries and ``recovered`` = the number of rows added
"""
from __future__ import annotations

import html
import logging
import re
from dataclasses import replace
from urllib.parse import urlsplit

from archive.timeliness.shown_dates import looks_dated, parse_shown_date
from archive.timeliness.url_dates import url_year

from .base import ListEntry, ListPage, ListRequest, absolute_url, choose_title, clean_text, parse_html

logger = logging.getLogger(__name__)

_ANCHOR_TAG = re.compile(r"<a\s[^>]*?href", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>]+))""", re.IGNORECASE)
_TITLE_ATTR = re.compile(r"""\btitle\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_NEXT = re.compile(
    r"""\bhref\s*=\s*["']?([^"'\s<>]+)["']?[^<>]*>\s*(?:<[^<>]+>\s*)*(?:下一页|下页|后页|下一頁|next|›|»|&gt;)\s*<""",
    re.IGNORECASE)
_ROW_END = re.compile(r"</(?:li|tr|dl|p)\s*>|<(?:li|tr|dl|p)[\s>]", re.IGNORECASE)
_ROW_START = re.compile(r"<(?:li|tr|dl|p)[\s>]", re.IGNORECASE)
_SNIPPET_MAX = 600
_FILE_KIND = re.compile(r"\.([a-z0-9]{2,5})$", re.IGNORECASE)
_PAGE_KINDS = {"html", "htm", "shtml", "jsp", "asp", "aspx", "php", "do", "action"}


def _kind(path: str) -> str:
    m = _FILE_KIND.search(path)
    ext = m.group(1).lower() if m else ""
    return "page" if ext in _PAGE_KINDS or not ext else ext


def url_shape(url: str) -> tuple[str, int, str, str]:
    """What list rows of one channel share: host, path depth, first folder, page-or-file kind."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    return parts.netloc.lower(), len(segments), segments[1] if len(segments) > 1 else "", _kind(parts.path)


def _is_markup(text: str) -> bool:
    stripped = text.lstrip()[:1]
    return bool(stripped) and stripped not in "{["


def parser_lost_links(text: str) -> int:
    """How many ``<a href>`` tags of ``text`` the HTML parser did not keep (0 when none)."""
    raw = len(_ANCHOR_TAG.findall(text))
    if not raw:
        return 0
    kept = sum(1 for a in parse_html(text).iter("a") if a.get("href") is not None)
    return max(raw - kept, 0)


def _raw_rows(text: str, base_url: str) -> list[tuple[str, str, str]]:
    """``(url, title, date text)`` for every ``href=`` in the raw text, in page order; the date text is
    the row's text after the link (up to the row's end), else before it (from the row's start)."""
    matches = list(_HREF.finditer(text))
    rows = []
    for i, m in enumerate(matches):
        url = absolute_url(base_url, html.unescape(next(g for g in m.groups() if g is not None)))
        if not url:
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        snippet = text[m.end():min(end, m.end() + _SNIPPET_MAX)]
        title_m = _TITLE_ATTR.search(snippet.split(">", 1)[0])
        title_attr = html.unescape(next((g for g in title_m.groups() if g is not None), "")) if title_m else ""
        after_tag = snippet.split(">", 1)[1] if ">" in snippet else ""
        link_text = html.unescape(_TAG.sub(" ", after_tag.split("</a", 1)[0]))
        after = _ROW_END.split(after_tag, 1)[0]
        before = text[matches[i - 1].end() if i else 0:m.start()]
        before = _ROW_START.split(before)[-1]
        dates = [clean_text(html.unescape(_TAG.sub(" ", part))) for part in (after, before)]
        title, _ = choose_title(link_text, title_attr)
        rows.append((url, title or "", next((d for d in dates if looks_dated(d)), "")))
    return rows


def recover_rows(page: ListPage, request: ListRequest, text: str) -> ListPage:
    """``page`` plus the rows (and next-page link) the parser lost; ``page`` itself when none were lost."""
    if not page.entries or not _is_markup(text):
        return page
    lost = parser_lost_links(text)
    if not lost:
        return page
    shapes = {url_shape(e.url) for e in page.entries}
    dated_share = sum(1 for e in page.entries if e.date) / len(page.entries)
    known = {e.url for e in page.entries} | {f.url for f in page.follow} | {request.url}
    added: list[ListEntry] = []
    for url, title, rest in _raw_rows(text, request.url):
        if url in known or url_shape(url) not in shapes:
            continue
        date_text = rest
        if dated_share >= 0.5 and not date_text:
            continue
        known.add(url)
        truncated = bool(title) and choose_title(title, None)[1]
        added.append(ListEntry(url=url, title=title or None, title_truncated=truncated,
                               date=parse_shown_date(date_text, context_year=url_year(url)) if date_text else None))
    follow = list(page.follow)
    if not follow:
        for m in _NEXT.finditer(text):
            url = absolute_url(request.url, html.unescape(m.group(1)))
            if url and url not in known:
                follow.append(ListRequest(url=url, page=request.page + 1))
                logger.warning("list %s: recovered the next-page link %s hidden by broken markup", request.url, url)
                break
    if added:
        logger.warning("list %s: the HTML parser lost %d link(s); recovered %d row(s) from the raw text "
                       "(broken markup, e.g. an unclosed attribute quote)", request.url, lost, len(added))
    return replace(page, entries=page.entries + added, follow=follow, recovered=page.recovered + len(added))
