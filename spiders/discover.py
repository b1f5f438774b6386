"""``ducha discover``: from each host's home page, find the channels carrying the postings we watch.

One host at a time, one request at a time, robots.txt obeyed, at most ``max_requests`` requests per
host (robots.txt and the look at each candidate included).  Navigation pages are followed best first
(archive.discover.nav_priority); links named like a channel become candidates, and each candidate
gets the probe's one look (spiders/probe.py: delivery, postings on page 1, newest date).
"""
from __future__ import annotations

import datetime as dt
import heapq
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit, urlunsplit

from archive.discover import (
    Link,
    PageLinks,
    channel_kind,
    channel_score,
    menu_file_links,
    nav_priority,
    page_links,
    same_host,
)
from crawler.robots import disallowing_rule
from spiders.probe import Fetched, Prober, page_text, probe_start_url
from spiders.registry import Site

logger = logging.getLogger(__name__)
MAX_REQUESTS = 40
MAX_DEPTH = 4


@dataclass
class FoundChannel:
    """A channel found on a host (contract: ``ducha discover --format json``)."""

    url: str
    name: str
    kind: str
    postings: int = 0
    newest: str = ""
    delivery: str = ""
    score: float = 0.0
    menu_path: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class HostResult:
    """What discovery found on one host, and what it cost."""

    url: str
    name: str = ""  # the home page's <title>
    channels: list[FoundChannel] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0
    note: str = ""


class BudgetSpent(OSError):
    """The host's request budget is spent (an OSError, so the probe's look reports it as unreachable)."""


class CountingProber(Prober):
    """The probe's fetcher, counting the requests it sends and refusing those past ``limit``."""

    sent = 0
    limit: int | None = None

    def fetch(self, url: str, **kwargs) -> Fetched:
        if self.limit is not None and self.sent >= self.limit:
            raise BudgetSpent(f"request budget spent before {url}")
        self.sent += 1
        return self.send(url, **kwargs)

    def send(self, url: str, **kwargs) -> Fetched:
        """The request itself (the probe's plain HTTP)."""
        return super().fetch(url, **kwargs)


@dataclass
class _Walk:
    """One host's walk: the pages still to read (best first) and the channels named so far."""

    home: str
    robots: str
    user_agent: str
    queue: list[tuple[float, int, str, list[str]]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    candidates: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)  # url -> name, kind, path

    def allowed(self, url: str) -> bool:
        return not (self.robots and disallowing_rule(self.robots, url, self.user_agent))

    def push(self, url: str, path: list[str], priority: float) -> None:
        self.seen.add(url)
        heapq.heappush(self.queue, (-priority + 0.5 * len(path), len(self.seen), url, path))

    def take(self, links: list[Link], path: list[str]) -> None:
        """Sort a page's links into candidates (named like a channel) and pages to walk."""
        for link in links:
            if not same_host(link.url, self.home):
                continue
            kind = channel_kind(link.text, link.url)
            if kind and urlsplit(link.url).path in ("", "/", "/index.html"):
                continue  # a link to the home page named after the portal, not a channel
            if kind:
                self.candidates.setdefault(link.url, (link.text, kind, [*path, link.text]))
                continue
            priority = nav_priority(link.text, link.url)
            if priority > 0 and link.url not in self.seen and len(path) < MAX_DEPTH:
                self.push(link.url, [*path, link.text], priority)


def _robots(prober: CountingProber, home: str) -> str:
    parts = urlsplit(home)
    try:
        answer = prober.fetch(urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", "")))
    except OSError:
        return ""
    return answer.body.decode("utf-8", "replace") if answer.status == 200 else ""


def _read_page(prober: CountingProber, walk: _Walk, url: str, path: list[str], result: HostResult) -> None:
    """Fetch one navigation page and hand its links (script menus and menu files included) to the walk."""
    answer = prober.fetch(url)
    if answer.status != 200:
        return
    text = page_text(answer)
    links = page_links(text, url)
    if url == walk.home:
        title = re.search(r"<title[^>]*>([^<]+)</title>", text, re.IGNORECASE)
        result.name = title.group(1).strip() if title else ""
        if links.needs_browser and prober.browser_path:
            links = _rendered_links(prober, url, links, result)
    for src in links.menu_sources[:1]:
        if same_host(src, walk.home) and src not in walk.seen:
            walk.seen.add(src)
            menu = prober.fetch(src)
            if menu.status == 200:
                links.links.extend(menu_file_links(menu.body.decode("utf-8", "replace"), src))
    walk.take(links.links, path)


def _look(prober: CountingProber, url: str, name: str, kind: str, menu_path: list[str],
          today: dt.date) -> FoundChannel | None:
    """The probe's one look at a candidate; None when page 1 shows no posting."""
    site = Site(id="discover", name=name, region="", level="", start_urls=(url,), options={"obey_robots": False})
    row = probe_start_url(prober, site, url)
    score = channel_score(kind, postings=row.postings, newest=row.newest, today=today, depth=len(menu_path))
    if score <= 0:
        return None
    return FoundChannel(url=url, name=name, kind=kind, postings=row.postings, newest=row.newest,
                        delivery=row.delivery, score=score, menu_path=menu_path, note=row.note)


def discover_host(prober: CountingProber, home: str, *, today: dt.date, max_requests: int = MAX_REQUESTS) -> HostResult:
    """Walk one host from ``home`` and score the channels found (best first), in at most ``max_requests``."""
    started, first = time.monotonic(), prober.sent
    prober.limit = first + max_requests
    result = HostResult(url=home)
    walk = _Walk(home, _robots(prober, home), prober.user_agent)
    walk.push(home, [], 0.0)
    try:
        # walk while the budget still covers one look per candidate found so far
        while walk.queue and prober.limit - prober.sent > max(3, len(walk.candidates)):
            _, _, url, path = heapq.heappop(walk.queue)
            if walk.allowed(url):
                try:
                    _read_page(prober, walk, url, path, result)
                except OSError as exc:
                    logger.info("discover %s: %s", url, exc)
        for url, (name, kind, menu_path) in walk.candidates.items():
            if prober.sent < prober.limit and walk.allowed(url):
                found = _look(prober, url, name, kind, menu_path, today)
                if found is not None:
                    result.channels.append(found)
    finally:
        prober.limit = None
    result.channels.sort(key=lambda c: (-c.score, c.url))
    result.requests = prober.sent - first
    result.seconds = round(time.monotonic() - started, 3)
    if not result.channels:
        result.note = f"no channel found in {result.requests} requests"
    logger.info("discover %s: %d channels, %d requests", home, len(result.channels), result.requests)
    return result


def _rendered_links(prober: CountingProber, url: str, links: PageLinks, result: HostResult) -> PageLinks:
    """The links of the home page as the browser shows it (its menu computed by a script); one look."""
    if prober.limit is not None and prober.sent >= prober.limit:
        return links
    prober.sent += 1  # the browser's look counts as one request
    rendering = prober.render(url)
    if rendering.error or not rendering.html:
        result.note = f"menu written by a script; the browser could not read it: {rendering.error}"
        return links
    result.note = "menu read from the page rendered in the browser"
    return page_links(rendering.html[0], url)


def discover_hosts(urls: list[str], *, user_agent: str, mirror: str = "", browser: str | None = None,
                   today: dt.date | None = None, max_requests: int = MAX_REQUESTS, delay: float = 0.0,
                   on_host: Callable[[HostResult], None] | None = None) -> list[HostResult]:
    """Discover the channels of every host in ``urls`` (home pages), one host after the other, one
    request at a time, ``delay`` seconds before each."""
    prober = CountingProber(user_agent=user_agent, mirror=mirror, browser=browser, delay=delay)
    results = []
    try:
        for url in urls:
            result = discover_host(prober, url, today=today or dt.date.today(), max_requests=max_requests)
            results.append(result)
            if on_host is not None:
                on_host(result)
    finally:
        prober.close()
    return results


def format_results(results: list[HostResult], fmt: str) -> str:
    """The channels found as JSON (contract shape), Markdown, or sites-file YAML entries."""
    if fmt == "json":
        return json.dumps({"hosts": [{"url": r.url, "name": r.name, "requests": r.requests, "seconds": r.seconds,
                                      "note": r.note,
                                      "channels": [
            {k: v for k, v in asdict(c).items() if k not in ("note",)} for c in r.channels]}
            for r in results]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        return sites_yaml(results)
    lines = ["| host | channel | kind | postings | newest | delivery | score | menu path |", "|" + "---|" * 8]
    for r in results:
        if not r.channels:
            lines.append(f"| {r.url} | (none) | | | | | | {r.note} |")
        for c in r.channels:
            lines.append(f"| {r.url} | [{c.name}]({c.url}) | {c.kind} | {c.postings} | {c.newest} | {c.delivery} "
                         f"| {c.score:.2f} | {' > '.join(c.menu_path)} |")
    return "\n".join(lines) + "\n"


def _site_id(url: str) -> str:
    host = urlsplit(url).hostname or "site"
    parts = [p for p in host.split(".") if p not in ("www", "gov", "cn", "com", "org", "net")]
    return "-".join(parts) or "site"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def sites_yaml(results: list[HostResult]) -> str:
    """Sites-file entries, one per host with channels, marked ``discovered: true`` with the menu paths."""
    lines = ["# Channels found by `ducha discover` (check region and level before use).", "sites:"]
    for r in results:
        if not r.channels:
            continue
        lines += [f"  - id: {_site_id(r.url)}", f"    name: {_q(r.name or urlsplit(r.url).hostname or r.url)}",
                  "    region: 待核实  # fill in: discovery does not know the region", "    level: city", "    discovered: true", "    start_urls:"]
        lines += [f"      - {c.url}" for c in r.channels]
        lines.append("    evidence:")
        lines += [f"      - {{url: {c.url}, kind: {c.kind}, name: {_q(c.name)}, "
                  f"menu_path: {_q(' > '.join(c.menu_path))}, postings: {c.postings}, score: {c.score}}}"
                  for c in r.channels]
    return "\n".join(lines) + "\n"
