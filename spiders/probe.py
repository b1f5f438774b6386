"""``ducha probe``: one look at each site's start pages, nothing archived.

For every start URL: robots.txt (and the rule that matched when it disallows), the start page
(reachable / blocked / challenge, passing a ``challenge: browser`` site's challenge in the shared
browser), how the list is delivered (``static`` HTML, a ``profile API`` such as ``/queryList``, a
``learned API`` found in the browser's traffic, or ``rendered`` by the browser), the postings on
page 1 with the newest date, and the pagination found.  Plain urllib requests, at most a handful per
start URL; the browser only for sites that need it.
"""
from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

from crawler.classify import blocked_reason
from crawler.extraction.decode import decode_html
from crawler.mirror import mirror_url
from crawler.robots import robots_verdict
from spiders.profiles import get_profile
from spiders.profiles.base import ListPage, ListRequest
from spiders.profiles.learn import learn_api
from spiders.profiles.learned import LearnedProfile
from spiders.registry import Site

logger = logging.getLogger(__name__)
FIELDS = ("site", "start_url", "status", "delivery", "postings", "newest", "pagination", "note")
MAX_API_STEPS = 3


@dataclass
class ProbeRow:
    """What one look at one start URL found."""

    site: str
    start_url: str
    status: str = "ok"  # ok | empty | blocked | challenge | disallowed | unreachable
    delivery: str = ""  # static | profile API | learned API | rendered
    postings: int = 0
    newest: str = ""
    pagination: str = ""
    note: str = ""


class ProbeResult(NamedTuple):
    """What ``probe_sites`` returns: unpacks as ``rows, format_rows, failed_sites`` (+ browser launches)."""

    rows: list[ProbeRow]
    format_rows: Callable[[list[ProbeRow], str], str]
    failed_sites: Callable[[list[ProbeRow]], list[str]]
    browser_launches: int


@dataclass
class Fetched:
    status: int
    body: bytes
    content_type: str


class Prober:
    """Fetches for the probe: plain HTTP (through the mirror when given), the browser when needed."""

    def __init__(self, *, user_agent: str, mirror: str = "", browser: str | None = None, timeout: float = 30.0,
                 delay: float = 0.0) -> None:
        self.user_agent = user_agent
        self.mirror = mirror
        self.browser_path = browser
        self.timeout = timeout
        self.delay = delay
        self.cookies: dict[str, str] = {}
        self._service = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def fetch(self, url: str, *, method: str = "GET", body: bytes | None = None,
              headers: tuple[tuple[str, str], ...] = ()) -> Fetched:
        """One request; HTTP errors come back as statuses, network errors raise ``OSError``."""
        if self.delay:
            time.sleep(self.delay)
        target = mirror_url(url, self.mirror) if self.mirror else url
        request = urllib.request.Request(target, data=body, method=method,
                                         headers={"User-Agent": self.user_agent, **dict(headers)})
        host = urlsplit(url).hostname or ""
        if self.cookies.get(host):
            request.add_header("Cookie", self.cookies[host])
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return Fetched(response.status, response.read(), response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            return Fetched(exc.code, exc.read(), exc.headers.get("Content-Type", "") if exc.headers else "")

    def _run(self, coro):
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(coro)

    def browser(self):
        """The probe's browser service (started on first use)."""
        from crawler.browser import BrowserService

        if self._service is None:
            self._service = BrowserService(executable=self.browser_path, user_agent=self.user_agent,
                                           mirror=self.mirror)
        return self._service

    def earn_cookies(self, url: str) -> bool:
        """Pass a JS-cookie challenge in the browser; True when cookies were earned."""
        from crawler.browser import earn_cookies

        cookies = self._run(earn_cookies(self.browser(), url))
        if cookies:
            self.cookies[urlsplit(url).hostname or ""] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        return bool(cookies)

    def render(self, url: str):
        """The rendered page and its recorded XHR traffic."""
        return self._run(self.browser().render(url, pager_clicks=1))

    def close(self) -> None:
        """Stop the browser if it was started."""
        if self._service is not None:
            self._run(self._service.close())
        if self._loop is not None:
            self._loop.close()

    @property
    def launches(self) -> int:
        return self._service.launches if self._service else 0


def page_text(fetched: Fetched) -> str:
    """A fetched page as text, decoded as the crawl decodes it (header charset, meta, GB18030 fallback)."""
    from w3lib.encoding import http_content_type_encoding

    text, _ = decode_html(fetched.body, header_charset=http_content_type_encoding(fetched.content_type))
    return text


def _summarise(row: ProbeRow, page: ListPage, pages_seen: int) -> None:
    dates = sorted(e.date for e in page.entries if e.date)
    row.postings = len(page.entries)
    row.newest = dates[-1] if dates else ""
    if page.total_pages:
        row.pagination = f"{page.total_pages} pages"
    elif page.follow:
        row.pagination = "next page"
    else:
        row.pagination = "single page" if page.entries else ""
    if not page.entries:
        row.status = "empty"


def probe_start_url(prober: Prober, site: Site, url: str) -> ProbeRow:
    """One look at one start URL."""
    row = ProbeRow(site=site.id, start_url=url)
    try:
        if site.options.get("obey_robots") is not False:
            verdict = robots_verdict(lambda u: prober.fetch(u), url, prober.user_agent)
            if verdict is not None:
                row.status, row.note = "disallowed", f"robots.txt: {verdict}"
                return row
        fetched = prober.fetch(url)
        reason = blocked_reason(fetched.status, fetched.body)
        if reason and "challenge" in reason and site.options.get("challenge") == "browser" \
                and prober.earn_cookies(url):
            fetched = prober.fetch(url)
            reason = blocked_reason(fetched.status, fetched.body)
            row.note = "challenge passed in the browser"
        if reason:
            row.status = "challenge" if "challenge" in reason else "blocked"
            row.note = reason + ("" if site.options.get("challenge") == "browser" or row.status == "blocked"
                                 else "; mark the site `challenge: browser`")
            return row
        if fetched.status != 200:
            row.status, row.note = "unreachable", f"HTTP {fetched.status}"
            return row
    except OSError as exc:
        row.status, row.note = "unreachable", f"{type(exc).__name__}: {exc}"[:200]
        return row
    text = page_text(fetched)
    profile = get_profile(site.profile, url, text, options=site.options)
    profile.first_requests(url)
    page = profile.parse_list(ListRequest(url=url), text)
    row.delivery = "static"
    steps = 0
    while not page.entries and page.follow and steps < MAX_API_STEPS:  # a shell: the profile asks its API
        steps += 1
        request = page.follow[0]
        answer = prober.fetch(request.url, method=request.method, body=request.body, headers=request.headers)
        if answer.status != 200:
            row.status, row.note = "unreachable", f"list API {request.url} answered HTTP {answer.status}"
            return row
        page = profile.parse_list(request, page_text(answer))
        row.delivery = "profile API"
    if not any(e.date for e in page.entries) and site.profile is None and site.options.get("browser") is not False:
        page, row.delivery, note = _browser_look(prober, site, url, page)
        row.note = "; ".join(n for n in (row.note, note) if n)
    _summarise(row, page, steps)
    if page.error:
        row.note = "; ".join(n for n in (row.note, page.error) if n)
    row.note = "; ".join(n for n in (row.note, f"profile {profile.name}") if n)
    return row


def _browser_look(prober: Prober, site: Site, url: str, page: ListPage) -> tuple[ListPage, str, str]:
    """Render a page with no dated links: learn its API (then ask it page 1 over HTTP) or read the DOM."""
    from spiders.profiles.generic import GenericProfile

    rendering = prober.render(url)
    if rendering.error:
        return page, "static", rendering.error
    recipe = learn_api(rendering.exchanges, url)
    if recipe is not None and recipe.get("page_key") is not None:
        learned = LearnedProfile(recipe, options=site.options)
        first = learned.first_requests(url)[0]
        answer = prober.fetch(first.url, method=first.method, body=first.body, headers=first.headers)
        if answer.status == 200:
            return (learned.parse_list(first, page_text(answer)), "learned API",
                    f"{recipe['method']} {recipe['endpoint']} page parameter {recipe['page_key']}")
    entries = GenericProfile(options=site.options).parse_list(ListRequest(url=url), rendering.html[0] if
                                                              rendering.html else "").entries  # page 1 as loaded
    dated = [e for e in entries if e.date]
    clicked = len(rendering.html) > 1  # a pager click showed another page
    return (ListPage(entries=dated, follow=[ListRequest(url=url, page=2)] if clicked else []),
            "rendered", "no API learned; rows read from the rendered page")


def probe_sites(sites: list[Site], *, user_agent: str, mirror: str = "", browser: str | None = None,
                timeout: float = 30.0, on_row: Callable[[ProbeRow], None] | None = None) -> ProbeResult:
    """Probe every start URL of ``sites``: the rows, with ``format_rows`` and ``failed_sites`` at hand.
    ``on_row`` is told of each row as it is done (the CLI's progress display)."""
    prober = Prober(user_agent=user_agent, mirror=mirror, browser=browser, timeout=timeout)
    rows: list[ProbeRow] = []
    try:
        for site in sites:
            for url in site.start_urls:
                row = probe_start_url(prober, site, url)
                logger.info("probe %s %s: %s %s %d postings", site.id, url, row.status, row.delivery, row.postings)
                rows.append(row)
                if on_row is not None:
                    on_row(row)
    finally:
        prober.close()
    return ProbeResult(rows, format_rows, failed_sites, prober.launches)


def format_rows(rows: list[ProbeRow], fmt: str) -> str:
    """The probe table as Markdown, CSV or JSON."""
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(asdict(r) for r in rows)
        return out.getvalue()
    lines = ["| " + " | ".join(FIELDS) + " |", "|" + "---|" * len(FIELDS)]
    for r in rows:
        values = [str(getattr(r, f)).replace("|", "\\|") for f in FIELDS]
        lines.append("| " + " | ".join(values) + " |")
    return "\n".join(lines) + "\n"


def failed_sites(rows: list[ProbeRow]) -> list[str]:
    """Sites none of whose start URLs yielded a posting (``ducha probe`` exits 1 when any)."""
    by_site: dict[str, int] = {}
    for r in rows:
        by_site[r.site] = by_site.get(r.site, 0) + r.postings
    return [s for s, n in by_site.items() if n == 0]
