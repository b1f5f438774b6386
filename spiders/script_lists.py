"""The generic fallback for lists that only a script fills: learn the API in a browser, walk it over HTTP.

Used by the spider when a site without a profile shows no dated links on its start page:

1. render the start page in the shared headless Chromium (``crawler.browser``), clicking its pager
   once, and record the XHR/fetch traffic;
2. ``spiders.profiles.learn.learn_api`` finds the JSON answer carrying the rows and the page
   parameter; the recipe is kept in the archive (``archive.learned``), and the list is walked by
   ``LearnedProfile`` over plain HTTP — later runs start there, without the browser;
3. when no API can be learned, the rows are read from the rendered pages themselves (clicking
   through a pager made of buttons) — the ``rendered`` delivery, which needs the browser each run.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from archive import learned
from crawler.browser import browser_for
from crawler.clock import now_iso
from spiders.profiles.base import ListEntry, ListPage, ListRequest, dedupe_entries
from spiders.profiles.generic import GenericProfile
from spiders.profiles.learn import learn_api
from spiders.profiles.learned import LearnedProfile

logger = logging.getLogger(__name__)
MAX_RENDERED_PAGES = 50


@dataclass
class Learned:
    """What the fallback found for one start URL."""

    delivery: str  # learned_api | rendered | none
    profile: LearnedProfile | None = None
    entries: list[ListEntry] = field(default_factory=list)
    reason: str = ""


class ScriptLists:
    """Per crawl: recall learned APIs, learn new ones, drop those that stopped answering."""

    def __init__(self, crawler, spider) -> None:
        self.crawler = crawler
        self.spider = spider  # its ``archive`` is handed over by the pipeline that owns it

    def _db(self):
        return self.spider.archive.db

    def recalled(self, site, start_url: str) -> LearnedProfile | None:
        """The learned API of a start URL from an earlier run (no browser needed), or None."""
        recipe = learned.recall(self._db(), site.id, start_url)
        if recipe is None:
            return None
        learned.used(self._db(), site.id, start_url, now=now_iso(self.crawler.settings))
        return LearnedProfile(recipe, options=site.options)

    def drop(self, site, start_url: str, reason: str) -> None:
        """Forget a learned API that stopped answering; the next look learns it again."""
        logger.warning("%s: the learned list API of %s stopped answering (%s); learning it again", site.id,
                       start_url, reason)
        learned.forget(self._db(), site.id, start_url, reason, now=now_iso(self.crawler.settings))

    async def learn(self, site, start_url: str, max_pages: int | None = None) -> Learned:
        """Render the start page, learn its list API, else read the rendered pages."""
        browser = browser_for(self.crawler)
        before = browser.launches
        rendering = await browser.render(start_url, pager_clicks=1)
        if rendering.error:  # a busy crawl can starve the page once; one more try
            logger.info("%s: rendering %s failed (%s); trying once more", site.id, start_url, rendering.error)
            rendering = await browser.render(start_url, pager_clicks=1)
        stats = self.crawler.stats
        stats.set_value("ducha/browser_launches", browser.launches)
        stats.inc_value(f"ducha/site/{site.id}/renders")
        if browser.launches > before:
            logger.info("%s: browser started to read %s", site.id, start_url)
        if rendering.error:
            return Learned("none", reason=rendering.error)
        recipe = learn_api(rendering.exchanges, start_url)
        when = now_iso(self.crawler.settings)
        if recipe is not None and recipe.get("page_key") is not None:
            logger.info("%s: learned the list API %s %s (page parameter %r) in %.1f s", site.id, recipe["method"],
                        recipe["endpoint"], recipe["page_key"], rendering.seconds)
            learned.remember(self._db(), site.id, start_url, "learned_api", recipe, now=when)
            return Learned("learned_api", profile=LearnedProfile(recipe, options=site.options))
        # no API to walk: read the rendered pages, clicking through the pager
        limit = min(max_pages or MAX_RENDERED_PAGES, MAX_RENDERED_PAGES)
        full = await browser.render(start_url, pager_clicks=0, max_pages=limit)
        entries: list[ListEntry] = []
        for html in full.html:
            entries += GenericProfile(options=site.options).parse_list(ListRequest(url=start_url), html).entries
        entries = dedupe_entries([e for e in entries if e.date])
        if entries:
            learned.remember(self._db(), site.id, start_url, "rendered", None, now=when)
            return Learned("rendered", entries=entries, reason=f"{len(full.html)} rendered pages")
        return Learned("none", reason="the rendered page shows no dated links and no list API was seen")

    async def fallback_page(self, site, start_url: str, max_pages: int | None = None):
        """``(profile or None, ListPage)`` replacing a start page with no dated links, or None.

        A learned API gives its profile and a page asking for API page 1; rows read from the rendered
        page come with a warning for the run summary (the browser is needed again next run)."""
        if site.options.get("browser") is False:
            return None
        found = await self.learn(site, start_url, max_pages)
        self.crawler.stats.set_value(f"ducha/site/{site.id}/delivery", found.delivery)
        if found.profile is not None:
            return found.profile, ListPage(follow=[found.profile.first_requests(start_url)[0]])
        if found.entries:
            return None, ListPage(entries=found.entries, warning=f"list read from the rendered page ({found.reason}); "
                                                                 "no API learned, the browser is needed every run")
        logger.info("%s: browser fallback found nothing: %s", site.id, found.reason)
        return None

    def comment_warning(self, site, rows: int) -> str:
        """Count and log the last resort of rows hidden in an HTML comment; the reason for the run's log."""
        stats = self.crawler.stats
        stats.inc_value(f"ducha/site/{site.id}/list_warnings")
        stats.inc_value(f"ducha/site/{site.id}/entries", rows)
        logger.warning("%s: no list answered; using %d rows hidden in an HTML comment of the start page (they "
                       "can be stale)", site.id, rows)
        return "list read from HTML comments only"

    async def close(self) -> None:
        """Stop the browser if this crawl started it."""
        service = getattr(self.crawler, "_ducha_browser", None)
        if service is not None:
            self.crawler.stats.set_value("ducha/browser_launches", service.launches)
            self.crawler.stats.set_value("ducha/browser_renders", service.renders)
            self.crawler.stats.set_value("ducha/browser_render_seconds", round(service.render_seconds, 2))
            await service.close()
