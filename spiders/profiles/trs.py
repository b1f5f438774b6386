"""TRS WCM "t-date" lists (MEE, 湖南, 福建, 天津, 宁夏, 吉林, 西藏, 陕西, 湖北).

Page 1 is ``index.shtml`` (or ``index.html``), page k≥2 is ``index_{k-1}.shtml`` (0-based).  The page
count is only in inline JavaScript::

    var countPage = 34//共多少页
    createPageHTML(countPage, currentPage, "index", "shtml");

Items are ``<li><span class="date">2024-07-03</span><a href="./202407/t20240703_1043210.shtml"
title="full">…</a></li>``; undated ``<li>`` (menus) are ignored.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from .base import ListPage, ListRequest, option_int, parse_html
from .markup import entries_from_items
from .paging import create_page_args, follow_pages, js_page_count, suffix_page_url

logger = logging.getLogger(__name__)


class TrsProfile:
    """List pages of TRS WCM sites (0-based ``index_N`` pages, ``countPage`` in JavaScript)."""

    name = "trs"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None) -> None:
        self.max_pages = max_pages if max_pages is not None else option_int(options, "max_pages", None)

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """Page 1 is the start URL itself."""
        return [ListRequest(url=start_url, page=1)]

    def page_url(self, url: str, page: int, text: str = "") -> str:
        """URL of list page ``page`` of the channel that ``url`` (any of its pages) belongs to."""
        args = create_page_args(text) if text else None
        stem, ext = args if args else (None, None)
        return suffix_page_url(url, page, zero_based=True, stem=stem, ext=ext)

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """Dated ``<li>`` items; all remaining pages from page 1 when ``countPage`` is shown."""
        root = parse_html(text)
        entries = entries_from_items(root.iter("li"), request.url)
        count = js_page_count(text)
        follow = follow_pages(request.page, count, has_entries=bool(entries), max_pages=self.max_pages,
                              request_for=lambda k: ListRequest(url=self.page_url(request.url, k, text), page=k))
        logger.debug("trs %s page %s: %d entries, count %s", request.url, request.page, len(entries), count)
        return ListPage(entries=entries, follow=follow, total_pages=count)
