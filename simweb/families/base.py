"""Shared types for CMS families: the request/response seen by family code and the Family interface."""
from __future__ import annotations

import datetime as dt
import logging
import math
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simweb.corpus import Skeleton
    from simweb.sites import SiteSpec
    from simweb.world import DocView, ListEntry, World

logger = logging.getLogger(__name__)


@dataclass
class SimRequest:
    """A request as routed to a site: path unquoted, query parsed (first value wins)."""

    method: str
    path: str
    query: dict[str, str]
    raw_query: str
    form: dict[str, str]
    headers: dict[str, str]


@dataclass
class SimResponse:
    """A response before faults are applied."""

    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    kind: str = "other"  # list | detail | attachment | json | home | robots | other


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

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """Answer a list/JSON request, or None if `req` is not one."""
        raise NotImplementedError

    def render_detail(self, doc: DocView, ctx: Ctx) -> SimResponse:
        """The detail page of a live posting."""
        raise NotImplementedError

    def encode(self, html: str) -> bytes:
        """Page bytes in the family's charset."""
        return html.encode(self.charset)
