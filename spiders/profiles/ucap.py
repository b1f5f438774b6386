"""The "cNNNNNN" .shtml family (UCAP; 四川, 黑龙江, 甘肃, 新疆).

HTML lists ``/sthjt/c104378/zclistf.shtml``, page k≥2 ``zclistf_{k}.shtml``, with
``<script>var channelId = "…"; var totalPage = N;</script>``.  The same list as JSON:
``/common/search/{channelId}?_isJson=true&_pageSize=10&page=N`` →
``{"data": {"total": …, "rows": …, "results": [{"url", "title", "publishedTimeStr"}]}}``.
The channel id may also be declared as ``<meta name="channelId" content="…">`` (甘肃, whose list
page is a shell).  When the channel id is on the page the JSON list is preferred (option ``prefer_json: false`` to
stay on HTML): the HTML page 1 asks for JSON page 1, which shows the total and asks for the rest.
"""
from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from archive.timeliness.shown_dates import parse_shown_date

from .base import ListPage, ListRequest, json_entries, json_object, option_int, parse_html
from .markup import entries_from_items
from .paging import follow_pages, js_page_count, suffix_page_request

logger = logging.getLogger(__name__)

_CHANNEL_ID = re.compile(r"""\bchannelId\s*[=:]\s*["']?([\w-]+)["']?""")
_META_CHANNEL = re.compile(r"""<meta\s+(?:name=["']channelId["']\s+content=["']([\w-]+)["']"""
                           r"""|content=["']([\w-]+)["']\s+name=["']channelId["'])""", re.IGNORECASE)
_SEARCH_URL = re.compile(r"/common/search/([\w-]+)")
_PAGE_SIZE = re.compile(r"[?&]_pageSize=(\d+)")


def channel_id(text: str) -> str | None:
    """The channel id a ucap list page declares: ``<meta name="channelId" content="…">`` (甘肃),
    ``var channelId = "…"`` or a ``/common/search/{id}`` URL."""
    meta = _META_CHANNEL.search(text)
    if meta:
        return meta.group(1) or meta.group(2)
    m = _CHANNEL_ID.search(text) or _SEARCH_URL.search(text)
    return m.group(1) if m else None


def _published_date(row: dict[str, Any]) -> str | None:
    """The list date of a JSON result row (``publishedTimeStr``, else ``publishedTime``)."""
    return parse_shown_date(str(row.get("publishedTimeStr") or row.get("publishedTime") or ""))


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
        """JSON list page ``page`` of ``channel`` on the host of ``base_url``, with the parameters the
        platform's own list script sends (黑龙江, 甘肃 callers in ../shared/real-list-endpoints.md)."""
        url = urljoin(base_url, f"/common/search/{channel}?_isAgg=true&_isJson=true&_pageSize={self.page_size}"
                                f"&_template=index&_rangeTimeGte=&_channelName=&page={page}")
        return ListRequest(url=url, page=page)

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """HTML list items or JSON results, and the pages still to fetch."""
        if "/common/search/" in urlsplit(request.url).path:
            return self._parse_json(request, text)
        root = parse_html(text)
        entries = entries_from_items(root.iter("li"), request.url)
        total = js_page_count(text)
        channel = channel_id(text)
        if channel and self.prefer_json and request.page == 1:
            follow = [self.json_request(request.url, channel, 1)]
        else:
            follow = follow_pages(request.page, total, has_entries=bool(entries), max_pages=self.max_pages,
                                  request_for=lambda k: suffix_page_request(request.url, k))
        return ListPage(entries=entries, follow=follow, total_pages=total)

    def _parse_json(self, request: ListRequest, text: str) -> ListPage:
        payload = json_object(text)
        if payload is None:
            return ListPage(error=f"ucap {request.url}: the list answer is not JSON")
        data = payload.get("data")
        data = data if isinstance(data, dict) else {}
        entries = json_entries(data.get("results"), request.url, date_of=_published_date)
        total_pages = None
        size_m = _PAGE_SIZE.search(request.url)
        size = int(size_m.group(1)) if size_m else self.page_size
        try:
            total = int(data.get("total"))
            total_pages = math.ceil(total / size) if size else None
        except (TypeError, ValueError):
            pass
        follow: list[ListRequest] = []
        search = _SEARCH_URL.search(request.url)
        if search:
            channel = search.group(1)
            follow = follow_pages(request.page, total_pages, has_entries=bool(entries), max_pages=self.max_pages,
                                  request_for=lambda k: self.json_request(request.url, channel, k))
        return ListPage(entries=entries, follow=follow, total_pages=total_pages)
