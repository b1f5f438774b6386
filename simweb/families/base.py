"""Shared types for CMS families: the request/response seen by family code and the Family interface."""
from __future__ import annotations

import datetime as dt
import html
import json
import logging
import math
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from simweb import chrome

if TYPE_CHECKING:
    from simweb.corpus import Skeleton
    from simweb.sites import SiteSpec
    from simweb.world import DocView, ListEntry, World

logger = logging.getLogger(__name__)
esc = html.escape
HTML_UTF8 = "text/html; charset=utf-8"


@dataclass
class SimRequest:
    """A request as routed to a site: path unquoted, query parsed (first value wins)."""

    method: str
    path: str
    query: dict[str, str]
    raw_query: str
    form: dict[str, str]
    headers: dict[str, str]
    body: bytes = b""  # the raw request body (JSON APIs)


@dataclass
class SimResponse:
    """A response before faults are applied."""

    status: int
    body: bytes
    content_type: str = HTML_UTF8
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = "other"  # list | detail | attachment | json | home | robots | other
    page: int = 1  # the list page a list/JSON answer is (the api-fails fault breaks pages >= 2)


@dataclass
class Ctx:
    """Everything a family needs to answer one request."""

    world: World
    site: SiteSpec
    day: int
    today: dt.date
    hit: Callable[[str], int]  # visit counter for a path (浏览次数)
    broken: bool = False  # layout-broken fault: list pages render unknown markup / nothing

    def entries(self) -> list[ListEntry]:
        """Live postings in list order (newest first)."""
        return self.world.list_entries(self.site.id, self.day)


def page_slice(entries: list, page: int, per_page: int) -> list:
    """Items of 1-based page `page`."""
    return entries[(page - 1) * per_page: page * per_page]


def page_count(total: int, per_page: int) -> int:
    """Number of pages (at least 1)."""
    return max(1, math.ceil(total / per_page))


def query_page(req: SimRequest) -> int:
    """The 1-based ``page`` query parameter: 1 when missing or not a number, never below 1."""
    try:
        return max(1, int(req.query.get("page", "1")))
    except ValueError:
        return 1


def suffix_page(suffix: str | None, *, zero_based: bool) -> int | None:
    """The 1-based page number of an ``index_{suffix}`` list page; None for a page that does not exist.

    No suffix is page 1.  ``zero_based`` (TRS): ``_1`` is page 2 and ``_0`` does not exist;
    otherwise (NFCMS, ucap) ``_2`` is page 2 and neither ``_0`` nor ``_1`` exists.
    """
    if suffix is None:
        return 1
    if suffix in (("0",) if zero_based else ("0", "1")):
        return None
    return int(suffix) + 1 if zero_based else int(suffix)


def ymd_folders(day: dt.date) -> str:
    """``2024/7/3``: the unpadded date folders of Hanweb and ucap detail paths."""
    return f"{day.year}/{day.month}/{day.day}"


def article_metas(doc: DocView, site: SiteSpec, *, prefix: str = "", seconds: bool = False) -> str:
    """The ``{prefix}ArticleTitle``, ``{prefix}PubDate`` and ``{prefix}ContentSource`` metas of a detail page."""
    published = f"{doc.pub_datetime:%Y-%m-%d %H:%M:%S}" if seconds else f"{doc.pub_datetime:%Y-%m-%d %H:%M}"
    return (f'<meta name="{prefix}ArticleTitle" content="{esc(doc.title)}">\n'
            f'<meta name="{prefix}PubDate" content="{published}">\n'
            f'<meta name="{prefix}ContentSource" content="{esc(site.publisher)}">\n')


def json_response(data: dict, content_type: str = "application/json") -> SimResponse:
    """A 200 JSON answer (UTF-8, non-ASCII kept as is)."""
    return SimResponse(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), content_type, kind="json")


def truncate(title: str, width: int, ellipsis: str) -> str:
    """List-page link text: long titles cut with an ellipsis."""
    return title if len(title) <= width else title[:width] + ellipsis


def relpath(target: str, from_page: str) -> str:
    """A relative link from page path `from_page` to `target` ('./x' style when in the same folder)."""
    rel = posixpath.relpath(target, posixpath.dirname(from_page) or "/")
    return rel if rel.startswith("../") else "./" + rel


class Family:
    """One CMS family: URL scheme, list pages and detail markup."""

    name = "base"
    charset = "utf-8"

    def detail_path(self, site: SiteSpec, skel: Skeleton, url_date: dt.date) -> str:
        """Path (with query, percent-encoded) of a posting's detail page."""
        raise NotImplementedError

    def attachment_path(self, site: SiteSpec, skel: Skeleton, url_date: dt.date, detail_path: str,
                        index: int) -> str:
        """Absolute path (percent-encoded) of attachment `index`."""
        raise NotImplementedError

    def attachment_href(self, detail_path: str, att_path: str) -> str:
        """How the detail page links the attachment (default: relative to the page)."""
        return relpath(att_path, detail_path)

    def attachment_links(self, doc: DocView, template: str) -> str:
        """A detail page's attachment links: ``template`` filled in for each attachment with ``href``
        (as the page links it), the escaped ``label`` and the file ``name``, joined."""
        return "".join(template.format(href=self.attachment_href(doc.path, a.path), label=esc(a.label),
                                       name=posixpath.basename(a.path)) for a in doc.attachments)

    def serves_api_path(self, site: SiteSpec, path: str) -> bool:
        """Whether ``path`` on the site's shared API host (``site.api_host``) is this site's list API."""
        return False

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """Answer a list/JSON request, or None if `req` is not one."""
        raise NotImplementedError

    def render_detail(self, doc: DocView, ctx: Ctx) -> SimResponse:
        """The detail page of a live posting."""
        raise NotImplementedError

    def encode(self, html: str) -> bytes:
        """Page bytes in the family's charset."""
        return html.encode(self.charset)

    def html_response(self, ctx: Ctx, title: str, inner: str, *, kind: str, extra_head: str = "",
                      charset_meta: str | None = "utf-8", content_type: str = HTML_UTF8) -> SimResponse:
        """A 200 page: the site's chrome around ``inner``, encoded in the family's charset."""
        page = chrome.page(ctx.site, ctx.today, title, inner, charset_meta=charset_meta, extra_head=extra_head)
        return SimResponse(200, self.encode(page), content_type, kind=kind)
