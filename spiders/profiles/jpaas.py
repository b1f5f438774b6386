"""New Hanweb "jpaas" lists (江西 2025–): the column page is a shell, rows come from ``POST /queryList``.

The shell calls ``loadPageData({unitid:'380055', webSiteCode:['jxssthjt'], channelCode:['col42150'],
perPage:'15', …})``; the page posts the form ``current=N&unitid=…&webSiteCode[]=…&channelCode[]=…&
dataBefore=&dataAfter=&perPage=15&pageSize=15&notReturnContent=false&showMode=normal&groupSize=1&
barPosition=bottom&titleMax=34&templateContainerId=div…&themeName=lucidity`` and gets
``{"data": {"total", "pages", "results": [{"source": {"title", "pubDate", "urls": "{\\"pc\\": …}"}}]}}``
with ``urls`` a JSON *string* (../shared/real-list-endpoints.md, jx-sthjt, S1).  Options:
``jpaas_unitid``, ``jpaas_site``, ``jpaas_channel``, ``page_size``, ``max_pages``.
"""
from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urljoin

from .apidates import api_date
from .base import ListEntry, ListPage, ListRequest, choose_title, dedupe_entries, json_object, option_int
from .paging import follow_pages

logger = logging.getLogger(__name__)
QUERY_PATH = "/queryList"
HEADERS = (("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),
           ("X-Requested-With", "XMLHttpRequest"), ("Accept", "application/json, text/javascript, */*; q=0.01"))
_CALL = re.compile(r"loadPageData\s*\(\s*\{(.*?)\}\s*\)", re.DOTALL)
_FIELD = r"""\b{key}\s*:\s*\[?\s*['"]([^'"]+)['"]"""
_URL_CODES = re.compile(r"/(\w+)/col/(col\d+)/")


def shell_params(text: str, url: str) -> dict[str, str]:
    """unitid / webSiteCode / channelCode / perPage from a ``loadPageData({...})`` call (URL as fallback)."""
    params: dict[str, str] = {}
    call = _CALL.search(text)
    if call:
        for key in ("unitid", "webSiteCode", "channelCode", "perPage"):
            m = re.search(_FIELD.format(key=key), call.group(1))
            if m:
                params[key] = m.group(1)
    codes = _URL_CODES.search(url)
    if codes:
        params.setdefault("webSiteCode", codes.group(1))
        params.setdefault("channelCode", codes.group(2))
    return params


def _pc_url(urls: Any) -> str | None:
    """The desktop link of a result: ``urls`` is a JSON string ``{"pc": …}`` (or already a dict/str)."""
    if isinstance(urls, str):
        try:
            urls = json.loads(urls)
        except ValueError:
            return urls if urls.startswith(("/", "http")) else None
    if isinstance(urls, dict):
        value = urls.get("pc") or urls.get("url") or next(iter(urls.values()), None)
        return str(value) if value else None
    return None


class JpaasProfile:
    """Shell column pages and ``/queryList`` answers of jpaas sites."""

    name = "jpaas"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self.max_pages = max_pages if max_pages is not None else option_int(opts, "max_pages", None)
        self.page_size = option_int(opts, "page_size", None)
        self.fixed = {k: str(opts[f"jpaas_{o}"]) for k, o in (("unitid", "unitid"), ("webSiteCode", "site"),
                                                              ("channelCode", "channel")) if opts.get(f"jpaas_{o}")}
        self.params: dict[str, str] = {}
        self.referer: str | None = None

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """The shell column page (it names unitid and the codes)."""
        return [ListRequest(url=start_url, page=1)]

    def query_request(self, base_url: str, page: int) -> ListRequest:
        """``POST /queryList`` for page ``page`` with the fields the site's own script sends."""
        p = self.params
        size = str(self.page_size or p.get("perPage") or 15)
        unitid = p.get("unitid", "")
        form = [("current", str(page)), ("unitid", unitid), ("webSiteCode[]", p["webSiteCode"]),
                ("channelCode[]", p["channelCode"]), ("dataBefore", ""), ("dataAfter", ""), ("perPage", size),
                ("pageSize", size), ("notReturnContent", "false"), ("showMode", "normal"), ("groupSize", "1"),
                ("barPosition", "bottom"), ("titleMax", "34"), ("templateContainerId", f"div{unitid}"),
                ("themeName", "lucidity")]
        headers = HEADERS + ((("Referer", self.referer),) if self.referer else ())
        return ListRequest(url=urljoin(base_url, QUERY_PATH), method="POST", body=urlencode(form).encode("utf-8"),
                           headers=headers, page=page)

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """The shell asks for ``/queryList`` page 1; page 1 asks for every other page."""
        if not request.url.split("?", 1)[0].endswith(QUERY_PATH):
            self.params = {**shell_params(text, request.url), **self.fixed}
            self.referer = request.url
            if not {"webSiteCode", "channelCode"} <= self.params.keys():
                logger.warning("jpaas %s: no loadPageData call and no /site/col/colN/ in the URL", request.url)
                return ListPage()
            return ListPage(follow=[self.query_request(request.url, 1)])
        payload = json_object(text)
        if payload is None:
            return ListPage(error=f"jpaas {request.url}: the answer is not JSON")
        data = payload.get("data") if isinstance(payload.get("data"), dict) else {}
        entries = []
        for row in data.get("results") or []:
            source = row.get("source") if isinstance(row, dict) else None
            if not isinstance(source, dict):
                continue
            link = _pc_url(source.get("urls")) or source.get("url")
            if not link:
                continue
            title, truncated = choose_title(source.get("title"), None)
            entries.append(ListEntry(url=urljoin(request.url, str(link)), title=title,
                                     date=api_date(source.get("pubDate") or source.get("publishedTime")),
                                     title_truncated=truncated))
        total_pages = _pages(data, self.page_size or int(self.params.get("perPage") or 15))
        follow = follow_pages(request.page, total_pages, has_entries=bool(entries), max_pages=self.max_pages,
                              request_for=lambda k: self.query_request(request.url, k)) if self.params else []
        return ListPage(entries=dedupe_entries(entries), follow=follow, total_pages=total_pages)


def _pages(data: dict, size: int) -> int | None:
    """``pages`` of the answer, else ``ceil(total / size)``."""
    for key, per in (("pages", None), ("total", size)):
        try:
            value = int(data[key])
        except (KeyError, TypeError, ValueError):
            continue
        return math.ceil(value / per) if per else value
    return None
