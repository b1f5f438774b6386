"""Hanweb 大汉 JCMS lists (江苏, 浙江, 江西, 山东, many city portals).

The column page ``/col/col84025/index.html`` embeds page 1 as XML in a script::

    <script type="text/xml"><datastore>
      <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=46&path=/
        &columnid=84025&unitid=340853&webname=…&permissiontype=0"></a>]]></nextgroup>
      <recordset><record><![CDATA[<li><a href='/art/2024/7/3/art_84025_1.html' title='full'>trunc...
        </a><span>2024-07-03</span></li>]]></record>…</recordset></datastore></script>

Later pages come only from ``/module/web/jpage/dataproxy.jsp`` (static ``index_1.html`` is a 404):
GET ``?page=N&appid=1&webid=…&path=/&columnid=…&unitid=…&webname=…&permissiontype=0`` (default), or
POST ``?startrecord=a&endrecord=b&perpage=15`` with a form body (site option ``hanweb_method: post``;
one POST covers a group of ``hanweb_group`` records, 45 by default).  Answers are a bare
``<datastore>`` with ``<totalrecord>``/``<totalpage>``.  Titles come from ``@title``.
"""
from __future__ import annotations

import html
import logging
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from .base import ListEntry, ListPage, ListRequest, cap_pages, dedupe_entries, option_int, parse_html
from .markup import entry_from_item, main_link
from .paging import follow_pages

logger = logging.getLogger(__name__)

DATAPROXY_PATH = "/module/web/jpage/dataproxy.jsp"
FORM_HEADERS = (("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),)
_RECORD = re.compile(r"<record>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.DOTALL | re.IGNORECASE)
_NEXTGROUP = re.compile(r"<nextgroup>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</nextgroup>", re.DOTALL | re.IGNORECASE)
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_TOTALRECORD = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
_TOTALPAGE = re.compile(r"<totalpage>\s*(\d+)\s*</totalpage>", re.IGNORECASE)
_COLUMN_IN_URL = re.compile(r"/col/col(\d+)/")
_PARAM_KEYS = ("webid", "columnid", "unitid", "webname", "path", "appid", "permissiontype")


def raw_query(url: str) -> dict[str, str]:
    """Query parameters kept verbatim (``webname`` stays percent-encoded); first occurrence wins."""
    params: dict[str, str] = {}
    for part in urlsplit(html.unescape(url)).query.split("&"):
        key, _, value = part.partition("=")
        if key and key not in params:
            params[key] = value
    return params


def parse_records(text: str, base_url: str) -> list[ListEntry]:
    """Entries of every ``<record>`` in a datastore (column page or dataproxy answer)."""
    entries = []
    for m in _RECORD.finditer(text):
        fragment = (m.group(1) if m.group(1) is not None else html.unescape(m.group(2) or "")).strip()
        if not fragment:
            continue
        root = parse_html(f"<div>{fragment}</div>")
        entry = entry_from_item(root, base_url)
        if entry is None:  # a record without a date still names a posting
            found = main_link(root, base_url)
            if found is None:
                continue
            _, url, title, truncated = found
            entry = ListEntry(url=url, title=title, date=None, title_truncated=truncated)
        entries.append(entry)
    return dedupe_entries(entries)


class HanwebProfile:
    """Column pages and ``dataproxy.jsp`` answers of Hanweb JCMS sites."""

    name = "hanweb"

    def __init__(self, *, max_pages: int | None = None, options: Mapping[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self.max_pages = max_pages if max_pages is not None else option_int(opts, "max_pages", None)
        self.method = str(opts.get("hanweb_method", "get")).lower()
        if self.method not in ("get", "post"):
            raise ValueError(f"hanweb_method must be get or post, not {self.method!r}")
        self.perpage = option_int(opts, "hanweb_perpage", 15) or 15
        self.group = option_int(opts, "hanweb_group", self.perpage * 3) or self.perpage * 3
        self.fixed = {k: str(opts[f"hanweb_{k}"]) for k in _PARAM_KEYS if opts.get(f"hanweb_{k}") is not None}

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """The column page (it embeds page 1 and the dataproxy parameters)."""
        return [ListRequest(url=start_url, page=1)]

    # -- request building -------------------------------------------------------------------
    def params_from(self, request_url: str, text: str, body: bytes | None = None) -> dict[str, str] | None:
        """webid/columnid/unitid/webname/… from the request (URL or POST body) that fetched this
        answer, else the ``nextgroup`` link, else the column URL; site options override all."""
        params: dict[str, str] = {}
        m = _NEXTGROUP.search(text)
        if m:
            href = _HREF.search(m.group(1) or html.unescape(m.group(2) or ""))
            if href:
                params = {k: v for k, v in raw_query(href.group(1)).items() if k in _PARAM_KEYS}
        if "dataproxy.jsp" in request_url:
            own = raw_query(request_url)
            if body:
                own.update(raw_query("?" + body.decode("utf-8", "replace")))
            params = {**params, **{k: v for k, v in own.items() if k in _PARAM_KEYS}}
        if "columnid" not in params:
            col = _COLUMN_IN_URL.search(request_url)
            if col:
                params["columnid"] = col.group(1)
        params.update(self.fixed)
        if not {"webid", "columnid"} <= params.keys():
            return None
        return params

    def page_request(self, request_url: str, params: dict[str, str], page: int) -> ListRequest:
        """The dataproxy request for list page ``page`` (GET) or record group ``page`` (POST)."""
        proxy = urljoin(request_url, DATAPROXY_PATH)
        p = {"appid": "1", "path": "/", "permissiontype": "0", "unitid": "", "webname": "", **params}
        if self.method == "get":
            query = (f"page={page}&appid={p['appid']}&webid={p['webid']}&path={p['path']}"
                     f"&columnid={p['columnid']}&unitid={p['unitid']}&webname={p['webname']}"
                     f"&permissiontype={p['permissiontype']}")
            return ListRequest(url=f"{proxy}?{query}", page=page)
        start = (page - 1) * self.group + 1
        end = page * self.group
        body = (f"col=1&appid={p['appid']}&webid={p['webid']}&path={p['path']}&columnid={p['columnid']}"
                f"&sourceContentType=1&unitid={p['unitid']}&webname={p['webname']}"
                f"&permissiontype={p['permissiontype']}")
        return ListRequest(url=f"{proxy}?startrecord={start}&endrecord={end}&perpage={self.perpage}",
                           method="POST", body=body.encode("utf-8"), headers=FORM_HEADERS, page=page)

    # -- parsing ------------------------------------------------------------------------------
    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """Records of a column page or dataproxy answer, plus the dataproxy pages still to fetch.

        GET: the column page (page 1) asks for page 2, or for every page when the datastore shows
        ``<totalpage>``; the first dataproxy answer showing ``<totalpage>`` asks for all the rest.
        POST: the column page asks for record group 1 (records 1–45, overlapping the embedded
        ones, so nothing is skipped whatever the embedded count); group 1 asks for the rest.
        """
        entries = parse_records(text, request.url)
        total = self.total_pages(text)
        is_column = "dataproxy.jsp" not in request.url
        params = self.params_from(request.url, text, request.body)
        follow: list[ListRequest] = []
        if params is None:
            logger.warning("hanweb %s: no webid/columnid found, cannot page beyond page 1", request.url)
            return ListPage(entries=entries, follow=[], total_pages=total)
        if self.method == "get":
            current = 1 if is_column else request.page
            if total is not None:
                if current <= 2:
                    follow = [self.page_request(request.url, params, k)
                              for k in range(current + 1, cap_pages(total, self.max_pages) + 1)]
            elif entries and (self.max_pages is None or current < self.max_pages):
                follow = [self.page_request(request.url, params, current + 1)]
        else:
            groups = None
            m = _TOTALRECORD.search(text)
            if m:
                groups = math.ceil(int(m.group(1)) / self.group)
            if is_column:
                follow = [self.page_request(request.url, params, 1)]
            else:
                follow = follow_pages(request.page, groups, has_entries=bool(entries), max_pages=self.max_pages,
                                      request_for=lambda k: self.page_request(request.url, params, k))
        logger.debug("hanweb %s: %d records, totalpage %s", request.url, len(entries), total)
        return ListPage(entries=entries, follow=follow, total_pages=total)

    @staticmethod
    def total_pages(text: str) -> int | None:
        """``<totalpage>`` of a datastore, if shown."""
        m = _TOTALPAGE.search(text)
        return int(m.group(1)) if m else None
