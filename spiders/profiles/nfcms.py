"""Guangdong NFCMS lists and the gkmlpt JSON list (广东 and its cities).

HTML: ``/ggtz3126/index.html``; page k≥2 is ``index_{k}.html`` (there is no ``index_1``); the page count
is ``var totalPage = Math.ceil(2380/20)``.  gkmlpt JSON: ``/gkmlpt/api/all/{cat}?page=N&sid=…`` →
``{"articles": [{"title", "url", "created_at"}], "total": …}`` (``created_at`` as text or a Unix
timestamp).  A site can start on the JSON list directly, or on ``/gkmlpt/index`` with the options
``gkmlpt_cat`` and ``gkmlpt_sid``.
"""
from __future__ import annotations

import datetime as dt
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

_API = re.compile(r"/gkmlpt/api/all/(\w+)")
_PAGE_PARAM = re.compile(r"([?&]page=)(\d+)")
CHINA_TZ = dt.timezone(dt.timedelta(hours=8))


def gkmlpt_date(value: Any) -> str | None:
    """``created_at`` as ``YYYY-MM-DD``: text dates as shown, Unix timestamps in China time."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.isdigit()):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        return dt.datetime.fromtimestamp(seconds, CHINA_TZ).date().isoformat()
    return parse_shown_date(str(value)) if value else None


class NfcmsProfile:
    """NFCMS ``index[_k].html`` list pages (1-based) and gkmlpt JSON lists."""

    name = "nfcms"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self.max_pages = max_pages if max_pages is not None else option_int(opts, "max_pages", None)
        self.gkmlpt_cat = opts.get("gkmlpt_cat")
        self.gkmlpt_sid = opts.get("gkmlpt_sid")

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """The start URL, or the gkmlpt JSON page 1 when ``gkmlpt_cat`` is configured."""
        if self.gkmlpt_cat is not None and not _API.search(start_url):
            url = urljoin(start_url, f"/gkmlpt/api/all/{self.gkmlpt_cat}?page=1")
            if self.gkmlpt_sid is not None:
                url += f"&sid={self.gkmlpt_sid}"
            return [ListRequest(url=url, page=1)]
        return [ListRequest(url=start_url, page=1)]

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """HTML list items (``totalPage`` → all pages from page 1) or gkmlpt articles."""
        if _API.search(urlsplit(request.url).path):
            return self._parse_api(request, text)
        root = parse_html(text)
        entries = entries_from_items(root.iter("li"), request.url)
        total = js_page_count(text)
        follow = follow_pages(request.page, total, has_entries=bool(entries), max_pages=self.max_pages,
                              request_for=lambda k: suffix_page_request(request.url, k))
        return ListPage(entries=entries, follow=follow, total_pages=total)

    def _parse_api(self, request: ListRequest, text: str) -> ListPage:
        payload = json_object(text)
        if payload is None:
            logger.warning("gkmlpt %s: not JSON", request.url)
            return ListPage()
        articles = payload.get("articles")
        entries = json_entries(articles, request.url, date_of=lambda art: gkmlpt_date(art.get("created_at")))
        total_pages = None
        try:
            total = int(payload.get("total"))
            per_page = int(payload.get("page_size") or payload.get("pageSize") or len(articles or []))
            total_pages = math.ceil(total / per_page) if per_page else None
        except (TypeError, ValueError):
            pass
        follow = follow_pages(request.page, total_pages, has_entries=bool(entries), max_pages=self.max_pages,
                              request_for=lambda k: ListRequest(url=self._api_page(request.url, k), page=k))
        return ListPage(entries=entries, follow=follow, total_pages=total_pages)

    @staticmethod
    def _api_page(url: str, page: int) -> str:
        """``url`` with its ``page`` parameter set to ``page`` (appended when missing)."""
        if _PAGE_PARAM.search(url):
            return _PAGE_PARAM.sub(lambda m: f"{m.group(1)}{page}", url, count=1)
        return f"{url}{'&' if '?' in url else '?'}page={page}"
