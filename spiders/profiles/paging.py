"""Page counts hidden in list pages' inline JavaScript, ``index_N``-style page URLs, and the
list pages to follow once a page's count is known (or not)."""
from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from .base import ListRequest, cap_pages

logger = logging.getLogger(__name__)

_COUNT_PAGE = re.compile(r"\bcountPage\s*=\s*[\"']?(\d+)")
_CEIL = re.compile(r"\b(?:totalPage|pageCount|totalPages)\s*=\s*Math\.ceil\(\s*(\d+)\s*/\s*(\d+)\s*\)")
_TOTAL_PAGE = re.compile(r"\b(?:totalPage|totalPages|pageCount|page_count|pagecount|maxPage)\s*[=:]\s*[\"']?(\d+)")
_CREATE_PAGE = re.compile(r"createPageHTML\(([^)]*)\)")
_QUOTED = re.compile(r"[\"']([^\"']*)[\"']")
_GONG_YE = re.compile(r"共\s*(\d+)\s*页")
_SUFFIX = re.compile(r"^(?P<stem>.+?)_(?P<n>\d+)$")


def js_page_count(text: str) -> int | None:
    """The page count a list page announces: ``countPage``, ``totalPage = Math.ceil(a/b)``,
    ``totalPage``/``pageCount`` assignments, or a printed ``共N页``; ``None`` when absent."""
    m = _COUNT_PAGE.search(text)
    if m:
        return int(m.group(1))
    m = _CEIL.search(text)
    if m:
        per_page = int(m.group(2))
        return math.ceil(int(m.group(1)) / per_page) if per_page else None
    m = _TOTAL_PAGE.search(text)
    if m:
        return int(m.group(1))
    m = _GONG_YE.search(text)
    if m:
        return int(m.group(1))
    return None


def create_page_args(text: str) -> tuple[str, str] | None:
    """``(prefix, extension)`` from TRS ``createPageHTML(countPage, currentPage, "index", "shtml")``."""
    m = _CREATE_PAGE.search(text)
    if not m:
        return None
    quoted = _QUOTED.findall(m.group(1))
    if len(quoted) >= 2 and quoted[-2] and quoted[-1]:
        return quoted[-2], quoted[-1]
    return None


def split_list_url(url: str) -> tuple[str, str | None, str | None]:
    """``(folder URL, file stem without any _N suffix, extension)`` of a list page URL.

    ``http://h/a/index_3.shtml`` → ``("http://h/a/", "index", "shtml")``;
    ``http://h/a/`` → ``("http://h/a/", None, None)``.
    """
    parts = urlsplit(url)
    folder, _, name = parts.path.rpartition("/")
    base = urlunsplit((parts.scheme, parts.netloc, folder + "/", "", ""))
    if not name or "." not in name:
        if name:  # a folder given without its trailing slash
            base = urlunsplit((parts.scheme, parts.netloc, parts.path + "/", "", ""))
        return base, None, None
    stem, _, ext = name.rpartition(".")
    m = _SUFFIX.match(stem)
    if m:
        stem = m.group("stem")
    return base, stem, ext


def suffix_page_url(url: str, page: int, *, zero_based: bool, stem: str | None = None,
                    ext: str | None = None) -> str:
    """The URL of list page ``page`` (1-based) in an ``{stem}_{N}.{ext}`` series.

    ``zero_based`` (TRS): page 2 is ``index_1``; otherwise (NFCMS, ucap) page 2 is ``index_2``.
    Page 1 is ``{stem}.{ext}`` in the same folder.
    """
    folder, url_stem, url_ext = split_list_url(url)
    stem = stem or url_stem or "index"
    ext = ext or url_ext or "html"
    if page <= 1:
        return f"{folder}{stem}.{ext}"
    number = page - 1 if zero_based else page
    return f"{folder}{stem}_{number}.{ext}"


def follow_pages(page: int, total_pages: int | None, *, has_entries: bool, max_pages: int | None,
                 request_for: Callable[[int], ListRequest]) -> list[ListRequest]:
    """The list pages to fetch after page ``page``, following the ``ListPage.follow`` contract.

    With a known ``total_pages`` page 1 asks for every remaining page (up to ``max_pages``) and
    later pages ask for nothing; without one, a page that had entries asks for the next page
    unless ``max_pages`` is reached.  ``request_for(k)`` builds the request for page ``k``.
    """
    if total_pages is not None:
        if page == 1:
            return [request_for(k) for k in range(2, cap_pages(total_pages, max_pages) + 1)]
        return []
    if has_entries and (max_pages is None or page < max_pages):
        return [request_for(page + 1)]
    return []


def suffix_page_request(url: str, page: int) -> ListRequest:
    """The request for list page ``page`` of a 1-based ``{stem}_{N}.{ext}`` series (NFCMS, ucap)."""
    return ListRequest(url=suffix_page_url(url, page, zero_based=False), page=page)
