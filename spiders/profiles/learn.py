"""Learn a list API from the XHR/fetch traffic of a rendered page (pure: no browser, no Scrapy).

``learn_api(exchanges, page_url)`` looks for the JSON answer that carries the rows: an array of
records each with a title (text), a link (a path or URL) and a date (a date string or an epoch in
seconds/milliseconds).  It returns a *recipe* (a JSON-ready dict) naming the endpoint, method,
body, the page parameter and where the rows and their fields sit; ``LearnedProfile`` walks it.

The page parameter is the field whose value differs between the page-load call and the call a
pager click made (when the click was recorded), else a field with a paging name (page, pageNo,
current, …) holding a small integer.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from .apidates import api_date

logger = logging.getLogger(__name__)
PAGE_NAMES = ("page", "pageno", "pagenum", "pageindex", "current", "currentpage", "curpage", "pn", "p",
              "page_no", "page_num", "pagenumber", "start_page")
TOTAL_NAMES = ("total", "count", "totalcount", "records", "totalelements", "totalrecord", "recordcount")
PAGES_NAMES = ("pages", "totalpage", "totalpages", "pagecount")
_LINK = re.compile(r"^(?:https?://|/|\./|\.\./)?[\w./%-]+\.(?:s?html?|jsp|aspx?|php)(?:\?\S*)?$|^https?://\S+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class ExchangeLike(Protocol):
    """What the learner reads of a recorded exchange (``crawler.browser.Exchange``)."""

    method: str
    url: str
    post_data: str | None
    request_headers: dict[str, str]
    status: int
    content_type: str
    body: str
    step: int


def _arrays(node: Any, path: tuple[str, ...] = (), depth: int = 0) -> Iterable[tuple[tuple[str, ...], list, dict]]:
    """Every list of dicts inside ``node`` with its key path and the object holding it."""
    if depth > 5 or not isinstance(node, dict):
        return
    for key, value in node.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            yield (*path, key), value, node
        elif isinstance(value, dict):
            yield from _arrays(value, (*path, key), depth + 1)


def _fields(rows: list[dict]) -> tuple[str, str, str | None] | None:
    """(title key, link key, date key) that most rows fill, or None when rows are not postings."""
    def share(test) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in rows:
            for key, value in row.items():
                if test(key, value):
                    counts[key] = counts.get(key, 0) + 1
        return counts

    links = share(lambda k, v: isinstance(v, str) and bool(_LINK.match(v.strip())))
    titles = share(lambda k, v: isinstance(v, str) and len(v.strip()) >= 4 and bool(_CJK.search(v))
                   and not _LINK.match(v.strip()) and len(v) < 300)
    dates = share(lambda k, v: api_date(v) is not None and not (isinstance(v, str) and _LINK.match(v)))
    need = max(1, len(rows) // 2)
    link = max((k for k, n in links.items() if n >= need), key=lambda k: links[k], default=None)
    title = max((k for k, n in titles.items() if n >= need and k != link),
                key=lambda k: (titles[k], "title" in k.lower() or "name" in k.lower() or "headline" in k.lower()),
                default=None)
    if link is None or title is None:
        return None
    date_keys = [k for k, n in dates.items() if n >= need and k not in (link, title)]
    date = max(date_keys, key=lambda k: (any(w in k.lower() for w in ("pub", "date", "time", "release")), dates[k]),
               default=None)
    return title, link, date


def _params(exchange: ExchangeLike) -> tuple[str, dict[str, Any]]:
    """Where the request's parameters sit (``json``, ``form`` or ``query``) and their values."""
    data = exchange.post_data
    if data:
        try:
            parsed = json.loads(data)
            if isinstance(parsed, dict):
                return "json", parsed
        except ValueError:
            pass
        return "form", dict(parse_qsl(data, keep_blank_values=True))
    return "query", dict(parse_qsl(urlsplit(exchange.url).query, keep_blank_values=True))


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _page_key(first: dict[str, Any], later: dict[str, Any] | None) -> tuple[str, int] | None:
    """The page parameter and its value on the first call."""
    if later is not None:
        changed = [k for k in first if k in later and first[k] != later[k]
                   and _as_int(first[k]) is not None and _as_int(later[k]) is not None]
        if len(changed) == 1:
            return changed[0], _as_int(first[changed[0]]) or 0
    for key, value in first.items():
        if key.lower() in PAGE_NAMES and _as_int(value) is not None and 0 <= (_as_int(value) or 0) <= 2:
            return key, _as_int(value) or 0
    return None


def _number(holder: dict, names: tuple[str, ...]) -> str | None:
    for key, value in holder.items():
        if key.lower() in names and _as_int(value) is not None:
            return key
    return None


def learn_api(exchanges: list[ExchangeLike], page_url: str) -> dict[str, Any] | None:
    """The recipe of the list API among ``exchanges`` (None when no answer carries postings)."""
    best: tuple[int, dict[str, Any]] | None = None
    for index, exchange in enumerate(exchanges):
        if exchange.status != 200 or exchange.step != 0:
            continue
        try:
            payload = json.loads(exchange.body)
        except ValueError:
            continue
        for path, rows, holder in _arrays(payload if isinstance(payload, dict) else {"": payload}):
            fields = _fields(rows)
            if fields is None:
                continue
            score = len(rows) + (10 if fields[2] else 0)
            if best is None or score > best[0]:
                where, params = _params(exchange)
                later = next((x for x in exchanges[index + 1:] if x.step > 0 and x.method == exchange.method
                              and x.url.split("?")[0] == exchange.url.split("?")[0]), None)
                later_params = _params(later)[1] if later is not None else None
                page = _page_key(params, later_params)
                best = (score, {
                    "endpoint": exchange.url.split("?")[0] if where == "query" else exchange.url,
                    "method": exchange.method, "params_in": where, "params": params,
                    "content_type": exchange.request_headers.get("content-type"),
                    "page_key": page[0] if page else None, "page_first": page[1] if page else None,
                    "rows_path": list(path), "title_key": fields[0], "link_key": fields[1], "date_key": fields[2],
                    "total_key": _number(holder, TOTAL_NAMES), "pages_key": _number(holder, PAGES_NAMES),
                    "page_size": len(rows), "link_base": page_url,
                })
    if best is None:
        logger.info("learn %s: no recorded answer carries rows of postings (%d exchanges)", page_url, len(exchanges))
        return None
    return best[1]
