"""Generic discovery: list pages of unknown layouts, and auto-detection of the known families.

On page 1 the profile first checks whether the markup belongs to a known family
(:func:`detect_profile`) and then hands every page to that profile.  Otherwise it finds the item
list as the repeated block of dated links (:mod:`.discovery`), remembers that block's position for
later pages (where a short last page may hold one or two items), and paginates by whichever scheme
the page shows:

* a page count (``countPage``, ``totalPage``, ``pageCount``, ``共N页``) plus a way to build page URLs →
  page 1 asks for every page at once;
* otherwise a next-page link (下一页, 下页, 后页, >, », ›, next) → one page at a time;
* otherwise a page-URL scheme seen in the pager links (``index_N`` 0- or 1-based, ``list_N``,
  ``?page=N``/``pageNo=``/``pageNum=``…) → the next page, as long as pages keep yielding new entries.

The profile is stateful per channel (learned block, URLs already seen): build one per start URL.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .base import ListPage, ListRequest, absolute_url, cap_pages, clean_text, option_int, parse_html
from .detect import detect_profile
from .discovery import Signature, discover_entries
from .paging import create_page_args, js_page_count, split_list_url, suffix_page_url

logger = logging.getLogger(__name__)

NEXT_TEXTS = {"下一页", "下页", "后页", "后一页", ">", ">>", "»", "›", "next", "next page", "下一頁"}
PAGE_PARAMS = ("page", "pageNo", "pageno", "pageNum", "pagenum", "pageIndex", "pageindex", "curPage",
               "currentPage", "currpage", "pn", "p", "PageNo", "Page")
PageUrl = Callable[[int], str]


def _link_text(a: Any) -> str:
    return clean_text(a.text_content()).lower()


def find_next_link(root: Any, request_url: str) -> str | None:
    """The URL of the 下一页 / next link, if the page has one that leads elsewhere."""
    for a in root.iter("a"):
        text = _link_text(a)
        title = clean_text(a.get("title"))
        cls = (a.get("class") or "").lower()
        if text in NEXT_TEXTS or "下一页" in title or (not text and "next" in cls.split()):
            url = absolute_url(request_url, a.get("href"))
            if url and url != request_url:
                return url
    return None


def _page_param(url: str) -> tuple[str, int] | None:
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key in PAGE_PARAMS and value.isdigit():
            return key, int(value)
    return None


def _with_param(url: str, key: str, value: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key]
    query.append((key, str(value)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe="/"), ""))


def page_scheme(root: Any, text: str, request: ListRequest, next_url: str | None) -> PageUrl | None:
    """A function ``page -> URL`` for this channel, inferred from the pager links, or ``None``."""
    args = create_page_args(text)
    if args:
        return lambda k: suffix_page_url(request.url, k, zero_based=True, stem=args[0], ext=args[1])
    folder, stem, ext = split_list_url(request.url)
    stem = stem or "index"
    suffix = re.compile(rf"^{re.escape(folder)}{re.escape(stem)}_(\d+)\.(s?html?|jsp|aspx?|php)$")
    offsets: list[int] = []
    numbers: list[int] = []
    found_ext = ext
    param_key: str | None = None
    param_offsets: list[int] = []
    here = urlsplit(request.url)
    for a in root.iter("a"):
        url = absolute_url(request.url, a.get("href"))
        if not url:
            continue
        label = _link_text(a)
        m = suffix.match(url)
        if m:
            numbers.append(int(m.group(1)))
            found_ext = m.group(2)
            if label.isdigit():
                offsets.append(int(label) - int(m.group(1)))
            elif url == next_url:
                offsets.append(request.page + 1 - int(m.group(1)))
            continue
        parts = urlsplit(url)
        pp = _page_param(url)
        if pp and parts.path == here.path and parts.netloc == here.netloc:
            param_key = param_key or pp[0]
            if label.isdigit():
                param_offsets.append(int(label) - pp[1])
            elif url == next_url:
                param_offsets.append(request.page + 1 - pp[1])
    if numbers:
        zero_based = (max(set(offsets), key=offsets.count) == 1) if offsets else min(numbers) == 1
        return lambda k: suffix_page_url(request.url, k, zero_based=zero_based, stem=stem, ext=found_ext)
    if param_key:
        offset = max(set(param_offsets), key=param_offsets.count) if param_offsets else 0
        key = param_key
        return lambda k: _with_param(request.url, key, k - offset)
    return None


class GenericProfile:
    """Discovers the item list and the pagination of any list page (see the module docstring)."""

    name = "generic"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None,
                 auto_detect: bool = True) -> None:
        self.options = dict(options or {})
        self.max_pages = max_pages if max_pages is not None else option_int(self.options, "max_pages", None)
        self.auto_detect = auto_detect
        self.delegate: Any = None
        self.known_block: tuple[Signature, tuple[str, str]] | None = None
        self.seen: set[str] = set()
        self.scheme: PageUrl | None = None

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """Page 1 is the start URL."""
        return [ListRequest(url=start_url, page=1)]

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """Entries of the discovered list and the list pages to fetch next."""
        if self.delegate is None and self.auto_detect and request.page == 1:
            family = detect_profile(request.url, text)
            if family not in (None, "generic"):
                from . import make_profile

                logger.info("generic: %s looks like %s, using that profile", request.url, family)
                self.delegate = make_profile(family, options={**self.options, "max_pages": self.max_pages})
        if self.delegate is not None:
            return self.delegate.parse_list(request, text)

        root = parse_html(text)
        block = discover_entries(root, request.url, min_items=3, known=self.known_block)
        entries = block.entries if block else []
        if block is not None and self.known_block is None:
            self.known_block = block.key
        new = [e for e in entries if e.url not in self.seen]
        self.seen.update(e.url for e in entries)
        next_url = find_next_link(root, request.url)
        scheme = page_scheme(root, text, request, next_url) or self.scheme
        self.scheme = scheme
        count = js_page_count(text)
        follow = self._follow(request, count, scheme, next_url, bool(new))
        logger.debug("generic %s page %s: %d entries (%d new), count %s, next %s",
                     request.url, request.page, len(entries), len(new), count, next_url)
        return ListPage(entries=entries, follow=follow, total_pages=count)

    def _follow(self, request: ListRequest, count: int | None, scheme: PageUrl | None,
                next_url: str | None, has_new: bool) -> list[ListRequest]:
        """Pages to request after ``request`` under the contract of :class:`ListPage`."""
        nxt = request.page + 1
        if count is not None and scheme is not None:
            if request.page != 1:
                return []
            return [ListRequest(url=scheme(k), page=k) for k in range(2, cap_pages(count, self.max_pages) + 1)]
        if not has_new or (self.max_pages is not None and nxt > self.max_pages):
            return []
        if count is not None and nxt > count:
            return []
        if next_url:
            return [ListRequest(url=next_url, page=nxt)]
        if scheme is not None:
            url = scheme(nxt)
            if url != request.url:
                return [ListRequest(url=url, page=nxt)]
        return []
