"""Walk a list API learned from a rendered page (``spiders.profiles.learn``) over plain HTTP.

The recipe says where the endpoint is, how page ``k`` is asked for (the page parameter in a JSON
body, a form or the query) and where the rows and their title / link / date sit.  Page 1 shows the
total (when the API gives one) and asks for every other page; without a total each page asks for
the next until a page is empty or repeats rows already seen.  An answer that is not JSON or has no
rows array is an error: the walk is incomplete and the spider re-learns next time.
"""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urljoin

from .apidates import api_date
from .base import ListEntry, ListPage, ListRequest, choose_title, dedupe_entries, option_int
from .paging import follow_pages

logger = logging.getLogger(__name__)


class LearnedProfile:
    """A list API described by a learned recipe (a JSON-ready dict)."""

    name = "learned"

    def __init__(self, recipe: Mapping[str, Any], *, options: Mapping[str, Any] | None = None) -> None:
        self.recipe = dict(recipe)
        self.max_pages = option_int(options, "max_pages", None)
        self.seen: set[str] = set()

    def first_requests(self, start_url: str) -> list[ListRequest]:
        """API page 1."""
        return [self.page_request(1)]

    def page_request(self, page: int) -> ListRequest:
        """The API request for list page ``page`` (1-based)."""
        r = self.recipe
        params = dict(r["params"])
        if r.get("page_key"):
            first = int(r.get("page_first") or 0)
            params[r["page_key"]] = first + page - 1 if first in (0, 1) else page
        headers = (("X-Requested-With", "XMLHttpRequest"), ("Referer", r["link_base"]))
        if r["params_in"] == "query":
            return ListRequest(url=f"{r['endpoint']}?{urlencode(params)}", headers=headers, page=page)
        if r["params_in"] == "json":
            body = json.dumps(params, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            ctype = r.get("content_type") or "application/json;charset=UTF-8"
        else:
            body = urlencode(params).encode("utf-8")
            ctype = r.get("content_type") or "application/x-www-form-urlencoded; charset=UTF-8"
        return ListRequest(url=r["endpoint"], method=r["method"], body=body,
                           headers=(("Content-Type", ctype), *headers), page=page)

    def parse_list(self, request: ListRequest, text: str) -> ListPage:
        """Rows of one API page and the pages still to fetch."""
        r = self.recipe
        try:
            node: Any = json.loads(text)
        except ValueError:
            return ListPage(error=f"learned API {r['endpoint']}: the answer is not JSON")
        holder: Any = node
        for key in r["rows_path"]:
            holder, node = node, node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, list):
            return ListPage(error=f"learned API {r['endpoint']}: no rows at {'.'.join(r['rows_path'])}")
        entries = []
        for row in node:
            if not isinstance(row, dict) or not row.get(r["link_key"]):
                continue
            title, truncated = choose_title(str(row.get(r["title_key"]) or ""), None)
            date = api_date(row.get(r["date_key"])) if r.get("date_key") else None
            entries.append(ListEntry(url=urljoin(r["link_base"], str(row[r["link_key"]])), title=title, date=date,
                                     title_truncated=truncated))
        entries = dedupe_entries(entries)
        fresh = [e for e in entries if e.url not in self.seen]
        self.seen.update(e.url for e in entries)
        total_pages = _total_pages(holder, r)
        if not r.get("page_key"):
            return ListPage(entries=entries, total_pages=1)
        follow = follow_pages(request.page, total_pages, has_entries=bool(fresh), max_pages=self.max_pages,
                              request_for=self.page_request)
        return ListPage(entries=entries, follow=follow, total_pages=total_pages)


def _total_pages(holder: Any, recipe: Mapping[str, Any]) -> int | None:
    if not isinstance(holder, dict):
        return None
    try:
        if recipe.get("pages_key"):
            return int(holder[recipe["pages_key"]])
        if recipe.get("total_key") and recipe.get("page_size"):
            return math.ceil(int(holder[recipe["total_key"]]) / int(recipe["page_size"]))
    except (KeyError, TypeError, ValueError):
        return None
    return None
