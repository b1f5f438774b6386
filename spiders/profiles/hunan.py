"""Hunan's provincial search API (湖南省直部门及市州): list pages are shells, rows come from
``POST http://api.hunan.gov.cn/search/common/search/{channelId}``.

The shell (``…/list_tyxx.html``) declares ``var channelId = '97433'``; its script posts the JSON body
``{"datas": [{"key": "status", "value": "4", "join": "and", "queryType": "term"}, {"key":
"publishedTime", "sort": "true", "order": "desc", "queryType": "term"}], "page": N, "_pageSize": 20,
"_isAgg": "true"}`` and gets ``{"data": {"total", "results": [{"title", "url" (relative to the
site), "publishedTimeStr"}]}}`` (../shared/real-list-endpoints.md, hn-sthjt, S6).  Options:
``hunan_api`` (default ``http://api.hunan.gov.cn``), ``hunan_channel`` (when the shell does not
name it), ``page_size`` (20), ``max_pages``.
"""
from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .apidates import api_date
from .base import ListPage, ListRequest, json_entries, json_object, option_int
from .paging import follow_pages

logger = logging.getLogger(__name__)
DEFAULT_API = "http://api.hunan.gov.cn"
_CHANNEL = re.compile(r"""\bchannelId\s*[=:]\s*["']?(\d+)""")
_SEARCH = re.compile(r"/search/common/search/(\d+)")
HEADERS = (("Content-Type", "application/json;charset=UTF-8"), ("X-Requested-With", "XMLHttpRequest"),
           ("Accept", "application/json, text/javascript, */*; q=0.01"))


def _date(row: dict[str, Any]) -> str | None:
    return api_date(row.get("publishedTimeStr") or row.get("publishedTime"))


class HunanProfile:
    """Shell list pages on the site, JSON pages from the provincial search API."""

    name = "hunan"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self.max_pages = max_pages if max_pages is not None else option_int(opts, "max_pages", None)
        self.page_size = option_int(opts, "page_size", 20) or 20
        self.api = str(opts.get("hunan_api") or DEFAULT_API).rstrip("/")
        self.channel = str(opts["hunan_channel"]) if opts.get("hunan_channel") else None
        self.site_url: str | None = None  # result URLs are relative to the site, not to the API host

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """The shell list page (it names the channel)."""
        self.site_url = start_url
        return [ListRequest(url=start_url, page=1)]

    def search_request(self, channel: str, page: int) -> ListRequest:
        """The API request for page ``page`` of ``channel``, as the site's own script sends it."""
        body = {"datas": [{"key": "status", "value": "4", "join": "and", "queryType": "term"},
                          {"key": "publishedTime", "sort": "true", "order": "desc", "queryType": "term"}],
                "page": page, "_pageSize": self.page_size, "_isAgg": "true"}
        headers = HEADERS + ((("Referer", self.site_url),) if self.site_url else ())
        return ListRequest(url=f"{self.api}/search/common/search/{channel}", method="POST",
                           body=json.dumps(body, separators=(",", ":")).encode("utf-8"), headers=headers, page=page)

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """The shell asks for API page 1; API page 1 asks for the rest."""
        search = _SEARCH.search(urlsplit(request.url).path)
        if search is None:
            self.site_url = self.site_url or request.url
            m = _CHANNEL.search(text)
            channel = self.channel or (m.group(1) if m else None)
            if channel is None:
                logger.warning("hunan %s: no channelId on the page and no hunan_channel option", request.url)
                return ListPage()
            return ListPage(follow=[self.search_request(channel, 1)])
        payload = json_object(text)
        if payload is None:
            return ListPage(error=f"hunan search {request.url}: the answer is not JSON")
        data = payload.get("data") if isinstance(payload.get("data"), dict) else {}
        entries = json_entries(data.get("results"), self.site_url or request.url, date_of=_date)
        total_pages = None
        try:
            total_pages = math.ceil(int(data["total"]) / self.page_size)
        except (KeyError, TypeError, ValueError):
            pass
        channel = search.group(1)
        follow = follow_pages(request.page, total_pages, has_entries=bool(entries), max_pages=self.max_pages,
                              request_for=lambda k: self.search_request(channel, k))
        return ListPage(entries=entries, follow=follow, total_pages=total_pages)

