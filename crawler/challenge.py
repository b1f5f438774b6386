"""Pass JavaScript cookie challenges (瑞数-style HTTP 412) with a real headless Chromium.

Only for sites marked ``challenge: browser`` in the sites file: everywhere else a challenge is
recorded as *blocked* (see ``crawler.classify``).  The browser (Debian's chromium, driven by
Playwright; nothing is downloaded) opens the challenged URL once per host, runs the site's
script, and we copy the cookies it earns into Scrapy's request; Scrapy's cookie jar then sends
them with every later request to that host.
"""
from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlsplit

from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

from crawler.browser import browser_for, earn_cookies
from crawler.classify import blocked_reason

logger = logging.getLogger(__name__)


class BrowserChallengeMiddleware:
    """On a challenge from a host marked for it, earn the cookies in Chromium and retry once."""

    def __init__(self, crawler, hosts: set[str]) -> None:
        self.crawler = crawler
        self.hosts = hosts
        self.cookies: dict[str, dict[str, str]] = {}
        self.locks: dict[str, asyncio.Lock] = {}
        self.rounds: dict[str, int] = {}  # how many times cookies were earned per host

    @classmethod
    def from_crawler(cls, crawler):
        sites = crawler.spider.sites  # read once by the runner and handed to the spider
        hosts = {urlsplit(url).hostname for site in sites
                 if site.options.get("challenge") == "browser" for url in site.start_urls}
        if not hosts:
            raise NotConfigured  # no site needs the browser
        return cls(crawler, hosts)

    def process_request(self, request: Request) -> None:
        """Remember which round of cookies the request goes out with."""
        host = urlsplit(request.url).hostname
        if host in self.rounds:
            request.meta["ducha_cookie_round"] = self.rounds[host]

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        host = urlsplit(request.url).hostname
        if (host not in self.hosts or request.meta.get("ducha_challenge_tried")
                or response.status == 403 or not blocked_reason(response.status, response.body)):
            return response
        lock = self.locks.setdefault(host, asyncio.Lock())
        async with lock:
            # challenged although it carried the cookies of the current round: they expired (瑞数
            # cookies last minutes), so earn new ones; a request sent before a newer round reuses it
            if host not in self.cookies or request.meta.get("ducha_cookie_round") == self.rounds.get(host):
                self.cookies[host] = await self._earn_cookies(request.url)
                self.rounds[host] = self.rounds.get(host, 0) + 1
                self.crawler.stats.inc_value("ducha/challenge_renders")
        cookies = self.cookies[host]
        if not cookies:
            return response
        self.crawler.stats.inc_value("ducha/challenges_passed")
        return request.replace(cookies={**_as_dict(request.cookies), **cookies}, dont_filter=True,
                               meta={**request.meta, "ducha_challenge_tried": True,
                                     "ducha_cookie_round": self.rounds.get(host)})

    async def _earn_cookies(self, url: str) -> dict[str, str]:
        """Open ``url`` in the crawl's shared headless Chromium and return the cookies it earns."""
        logger.info("challenge at %s: opening it in headless Chromium", url)
        cookies = await earn_cookies(browser_for(self.crawler), url)
        if not cookies:
            logger.warning("challenge at %s: the browser earned no cookie", url)
        return cookies


def _as_dict(cookies) -> dict:
    if isinstance(cookies, dict):
        return dict(cookies)
    return {c["name"]: c["value"] for c in cookies or []}
