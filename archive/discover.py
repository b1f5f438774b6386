"""Channel discovery, the pure part: which links of a portal lead to the channels we watch.

``ducha discover`` walks a host from its home page (spiders/discover.py does the fetching)::

    home page ──links + script menus──▶ navigation pages (政务公开, 信息公开, 专题专栏, 网站地图 …)
         │                                   │  (followed best first, within a request budget)
         └──────── links named like a channel ▼
                  candidates (kind from the name) ──one look each (the probe)──▶ scored channels

This module reads links out of a page (anchors, and menus written by scripts: inline JSON-like
objects, or a JSON file the script fetches), names a link's channel kind, says which links are worth
following, and scores a channel once it has been looked at.  No I/O.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

logger = logging.getLogger(__name__)

KINDS = ("rectification", "notices", "eia", "disclosure")
_KIND_WEIGHT = {"rectification": 1.0, "notices": 0.85, "eia": 0.8, "disclosure": 0.6}
# words of columns that are never our channels: news, 督查 (administrative supervision, not 督察),
# and the rectification of other inspections (审计 audits, 巡视 / 巡察 party inspections)
_NEWS = re.compile(r"要闻|动态|新闻|督查|图片|视频|领导|会议|活动|专访|访谈|媒体|营商|招聘|人事|审计|巡视|巡察")
_RECTIFICATION = re.compile(r"督察|环保督|(?:生态|环境|环保).{0,6}整改|整改.{0,4}(?:落实|专栏|公示)")
_EIA = re.compile(r"环评|环境影响评价|建设项目环境")
_NOTICES = re.compile(r"(?:通知|公示|公告)(?:公告|公示|通告)?$|^(?:通知|公示|公告)")
_DISCLOSURE = re.compile(r"(?:生态|环境|环保).{0,4}(?:信息公开|公开)|信息公开目录")
_NAV = (("专题", 3.0), ("专栏", 3.0), ("生态", 2.5), ("环保", 2.5), ("环境", 2.0), ("网站地图", 2.0),
        ("站点地图", 2.0), ("政务公开", 1.5), ("信息公开", 1.5), ("主动公开", 1.5), ("公开目录", 1.5),
        ("重点领域", 1.5))
_NAV_PATHS = (("/ztzl", 1.0), ("/zt/", 1.0), ("sitemap", 1.0), ("/zwgk", 0.5), ("/xxgk", 0.5))
_SCRIPT_PAIR = re.compile(
    r"""["']?(?:name|title|text|label)["']?\s*:\s*["']([^"'<>]{1,40})["']\s*,\s*["']?(?:url|href|link)["']?\s*:\s*["']([^"'\s<>]+)["']"""
    r"""|["']?(?:url|href|link)["']?\s*:\s*["']([^"'\s<>]+)["']\s*,\s*["']?(?:name|title|text|label)["']?\s*:\s*["']([^"'<>]{1,40})["']""")
_SCRIPT_FETCH = re.compile(r"""(?:fetch|getJSON|\.get|\.ajax|url\s*:)\s*\(?\s*["']([^"'\s]+\.json[^"'\s]*)["']""")
_WRITES = re.compile(r"innerHTML|appendChild|document\.write|insertAdjacentHTML")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#")
# a posting's title, not a column's name: 关于…的公示, a year, a 第N项 / 第N批
_POSTING = re.compile(r"^关于|的(?:公示|公告|通知|通告)$|\d{4}年|第[0-9一二三四五六七八九十百]+[项批期号次轮]")
MAX_NAME = 20  # column names are short; longer link texts are postings


@dataclass(frozen=True)
class Link:
    """A link as the page shows it: absolute URL and the text (or title) a reader sees."""

    url: str
    text: str


@dataclass
class PageLinks:
    """What one page offers: its links (anchors and script menus) and menu files its scripts fetch."""

    links: list[Link] = field(default_factory=list)
    menu_sources: list[str] = field(default_factory=list)
    script_writes: bool = False  # a script writes markup into the page
    script_links: int = 0  # links read from the scripts' data

    @property
    def needs_browser(self) -> bool:
        """A script writes the menu from something this module cannot read (only running it shows the links)."""
        return self.script_writes and not self.script_links and not self.menu_sources


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[str, str, str]] = []  # href, title, text
        self.scripts: list[str] = []
        self._href: str | None = None
        self._title = ""
        self._text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self._href, self._title, self._text = a["href"], a.get("title") or "", []
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.anchors.append((self._href, self._title, "".join(self._text)))
            self._href = None
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and self.scripts:
            self.scripts[-1] += data
        elif self._href is not None:
            self._text.append(data)


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("·•>》»").replace("更多", "").strip()


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    url = urljoin(base, href).split("#", 1)[0]
    return url if urlsplit(url).scheme in ("http", "https") else None


def page_links(html: str, base_url: str) -> PageLinks:
    """The links of a page: anchors (text, else title) and menus written by its scripts."""
    parser = _Anchors()
    parser.feed(html)
    out = PageLinks()
    seen: set[tuple[str, str]] = set()

    def add(href: str, text: str) -> None:
        url = _absolute(base_url, href)
        text = _clean(text)
        if url and text and (url, text) not in seen:
            seen.add((url, text))
            out.links.append(Link(url, text))

    for href, title, text in parser.anchors:
        add(href, text if _clean(text) else title)
    for script in parser.scripts:
        found = [Link(u, t) for u, t in script_menu(script, base_url) if (u, t) not in seen]
        out.links.extend(found)
        out.script_links += len(found)
        out.script_writes = out.script_writes or bool(_WRITES.search(script))
        for src in _SCRIPT_FETCH.findall(script):
            url = _absolute(base_url, src)
            if url and url not in out.menu_sources:
                out.menu_sources.append(url)
    return out


def script_menu(script: str, base_url: str) -> list[tuple[str, str]]:
    """(url, name) pairs of a menu a script writes from an inline data structure."""
    out = []
    for m in _SCRIPT_PAIR.finditer(script):
        name, href = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        url = _absolute(base_url, href)
        if url and _clean(name):
            out.append((url, _clean(name)))
    return out


def menu_file_links(text: str, base_url: str) -> list[Link]:
    """The links of a menu file a script fetched (JSON with name/url pairs at any depth)."""
    try:
        data = json.loads(text)
    except ValueError:
        return [Link(u, t) for u, t in script_menu(text, base_url)]
    found: list[Link] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            name = next((node[k] for k in ("name", "title", "text", "label") if isinstance(node.get(k), str)), None)
            href = next((node[k] for k in ("url", "href", "link") if isinstance(node.get(k), str)), None)
            url = _absolute(base_url, href) if href else None
            if name and url:
                found.append(Link(url, _clean(name)))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def channel_kind(name: str, url: str = "") -> str | None:
    """The kind of channel a link's name announces, or None (news, navigation, anything else)."""
    name = _clean(name)
    if not name or len(name) > MAX_NAME or _NEWS.search(name) or _POSTING.search(name):
        return None
    if _RECTIFICATION.search(name):
        return "rectification"
    if _EIA.search(name):
        return "eia"
    if _NOTICES.search(name):
        return "notices"
    if _DISCLOSURE.search(name):
        return "disclosure"
    return None


def nav_priority(name: str, url: str) -> float:
    """How promising a link is as a navigation page leading to channels (0: do not follow)."""
    name = _clean(name)
    if not name or len(name) > MAX_NAME or _NEWS.search(name) or _POSTING.search(name) or channel_kind(name, url):
        return 0.0
    score = max((w for word, w in _NAV if word in name), default=0.0)
    path = urlsplit(url).path.lower()
    if score == 0.0 and name not in ("首页", "网站首页"):
        score = max((w for part, w in _NAV_PATHS if part in path), default=0.0) / 2
    return score


def same_host(url: str, home: str) -> bool:
    """Whether ``url`` is on the host of ``home``."""
    return urlsplit(url).hostname == urlsplit(home).hostname


def channel_score(kind: str, *, postings: int, newest: str, today: dt.date, depth: int) -> float:
    """A channel's score in [0, 1]: the kind's weight, postings on page 1, how recent, how deep.

    A channel whose page 1 shows no posting scores 0 (it is not proposed)."""
    if postings <= 0:
        return 0.0
    score = _KIND_WEIGHT.get(kind, 0.5)
    score *= 0.8 + 0.2 * min(postings, 10) / 10
    try:
        age = (today - dt.date.fromisoformat(newest)).days if newest else 10_000
    except ValueError:
        age = 10_000
    score *= 1.0 if age <= 365 else 0.9 if age <= 3 * 365 else 0.75
    score *= 1.0 - 0.02 * max(0, depth - 1)
    return round(score, 3)
