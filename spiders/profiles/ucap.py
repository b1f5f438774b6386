"""The "cNNNNNN" .shtml family (UCAP; 四川, 黑龙江, 甘肃, 新疆).

HTML lists ``/sthjt/c104378/zclistf.shtml``, page k≥2 ``zclistf_{k}.shtml``, with
``<script>var channelId = "…"; var totalPage = N;</script>``.  The same list as JSON:
``/common/search/{channelId}?_isJson=true&_pageSize=10&page=N`` →
``{"data": {"total": …, "rows": …, "results": [{"url", "title", "publishedTimeStr"}]}}``.
When the channel id is on the page the JSON list is preferred (option ``prefer_json: false`` to
stay on HTML): the HTML page 1 asks for JSON page 1, which shows the total and asks for the rest.
"""
from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from .base import (
    ListEntry,
    ListPage,
    ListRequest,
    cap_pages,
    choose_title,
    dedupe_entries,
    option_int,
    parse_html,
)
from .dates import parse_date
from .markup import entries_from_items
from .paging import js_page_count, suffix_page_url

logger = logging.getLogger(__name__)

_CHANNEL_ID = re.compile(r"""\bchannelId\s*[=:]\s*["']?([\w-]+)["']?""")
_SEARCH_URL = re.compile(r"/common/search/([\w-]+)")
_PAGE_SIZE = re.compile(r"[?&]_pageSize=(\d+)")


def channel_id(text: str) -> str | None:
    """The channel id a ucap list page declares (``var channelId = "…"`` or a search URL)."""
    m = _CHANNEL_ID.search(text) or _SEARCH_URL.search(text)
    return m.group(1) if m else None


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


class UcapProfile:
    """HTML ``zclistf[_k].shtml`` pages and the ``/common/search/{channelId}`` JSON list."""

    name = "ucap"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self.max_pages = max_pages if max_pages is not None else option_int(opts, "max_pages", None)
        self.page_size = option_int(opts, "page_size", 10) or 10
        self.prefer_json = _truthy(opts.get("prefer_json", True))

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """The HTML list page (it carries the channel id)."""
        return [ListRequest(url=start_url, page=1)]

    def json_request(self, base_url: str, channel: str, page: int) -> ListRequest:
        """JSON list page ``page`` of ``channel`` on the host of ``base_url``."""
        url = urljoin(base_url, f"/common/search/{channel}?_isJson=true&_pageSize={self.page_size}&page={page}")
        return ListRequest(url=url, page=page)

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """HTML list items or JSON results, and the pages still to fetch."""
        if "/common/search/" in urlsplit(request.url).path:
            return self._parse_json(request, text)
        root = parse_html(text)
        entries = entries_from_items(root.iter("li"), request.url)
        total = js_page_count(text)
        channel = channel_id(text)
        follow: list[ListRequest] = []
        if channel and self.prefer_json and request.page == 1:
            follow = [self.json_request(request.url, channel, 1)]
        elif total is not None:
            if request.page == 1:
                follow = [ListRequest(url=suffix_page_url(request.url, k, zero_based=False), page=k)
                          for k in range(2, cap_pages(total, self.max_pages) + 1)]
        elif entries and (self.max_pages is None or request.page < self.max_pages):
            k = request.page + 1
            follow = [ListRequest(url=suffix_page_url(request.url, k, zero_based=False), page=k)]
        return ListPage(entries=entries, follow=follow, total_pages=total)

    def _parse_json(self, request: ListRequest, text: str) -> ListPage:
        try:
            payload = json.loads(text)
        except ValueError:
            logger.warning("ucap %s: not JSON", request.url)
            return ListPage()
        data = payload.get("data") if isinstance(payload, dict) else None
        data = data if isinstance(data, dict) else {}
        entries = []
        for row in data.get("results") or []:
            if not isinstance(row, dict) or not row.get("url"):
                continue
            title, truncated = choose_title(row.get("title"), None)
            date = parse_date(str(row.get("publishedTimeStr") or row.get("publishedTime") or ""))
            entries.append(ListEntry(url=urljoin(request.url, str(row["url"])), title=title, date=date,
                                     title_truncated=truncated))
        entries = dedupe_entries(entries)
        total_pages = None
        size_m = _PAGE_SIZE.search(request.url)
        size = int(size_m.group(1)) if size_m else self.page_size
        try:
            total = int(data.get("total"))
            total_pages = math.ceil(total / size) if size else None
        except (TypeError, ValueError):
            pass
        follow: list[ListRequest] = []
        channel = _SEARCH_URL.search(request.url)
        if channel:
            if total_pages is not None:
                if request.page == 1:
                    follow = [self.json_request(request.url, channel.group(1), k)
                              for k in range(2, cap_pages(total_pages, self.max_pages) + 1)]
            elif entries and (self.max_pages is None or request.page < self.max_pages):
                follow = [self.json_request(request.url, channel.group(1), request.page + 1)]
        return ListPage(entries=entries, follow=follow, total_pages=total_pages)
