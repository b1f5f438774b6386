"""The one spider: walks every site's list pages, then opens, extracts and archives postings.

Per site:  start URLs ──profile.first_requests──► list pages ──parse_list──► entries + more pages
           entries new to the archive, or due for a re-check ──► detail pages ──► PageCapture
           (attachments fetched inline with ``engine.download_async``) or CheckOutcome.
When the spider goes idle, known postings that were due but not listed (or missing from a
complete list walk) are re-checked, so deletions are seen even when the list hides them.

List parsing lives in ``spiders.profiles`` and detail extraction in ``crawler.extraction``
(both pure); this module only moves requests and responses.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
from dataclasses import dataclass, field

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response

from archive.ledger.table_cache import TABLE_DOC_TYPES
from archive.models import CheckOutcome, PageCapture
from archive.recapture import lost_evidence
from archive.recheck import plan as recheck_plan
from crawler.classify import blocked_reason
from crawler.clock import now, now_iso
from crawler.extraction.decode import decode_html, limit_text
from crawler.extraction.page import extract_page
from crawler.middlewares import redirect_chain
from crawler.scope import ROBOTS_FORBIDDEN, not_archived, on_site, site_hosts
from spiders.attachments import HANDLED_STATUSES, AttachmentFetcher, header
from spiders.discover import discover_hosts, format_results
from spiders.probe import probe_sites
from spiders.profiles import get_profile, parse_list
from spiders.profiles.base import ListRequest
from spiders.profiles.comments import commented_entries
from spiders.registry import Site, for_node, select_sites
from spiders.responses import list_disagrees, outcome_without_content, response_charset
from spiders.script_lists import ScriptLists

logger = logging.getLogger(__name__)


@dataclass
class SiteState:
    """What the spider knows and did for one site during this run."""

    site: Site
    known: dict  # url -> KnownDocument
    due: set[str]
    verify_attachments: set[str] = field(default_factory=set)  # re-verified behind a 304 (rotation turn)
    hosts: frozenset[str] = frozenset()
    listed: set[str] = field(default_factory=set)
    requested: set[str] = field(default_factory=set)
    offsite: set[str] = field(default_factory=set)
    list_failed: bool = False
    list_capped: bool = False
    idle_done: bool = False
    commented: list = field(default_factory=list)  # rows hidden in HTML comments of start pages (last resort)
    lost: dict = field(default_factory=dict)  # url -> [LostEvidence]: postings whose evidence is re-captured


class DuchaSpider(scrapy.Spider):
    """Crawl the sites of the registry (or ``DUCHA_SITES_FILE``) into the archive."""

    name = "ducha"
    select_sites = staticmethod(select_sites)  # how the runner reads the sites file, once per run
    for_node = staticmethod(for_node)  # the sites of one crawl node (`ducha crawl --node`), or the archive's own
    probe_sites = staticmethod(probe_sites)  # `ducha probe`: one look per site, nothing archived
    discover_hosts = staticmethod(discover_hosts)  # `ducha discover`: channels found from home pages
    format_discovery = staticmethod(format_results)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        sites = kwargs.pop("sites", None)
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        # `ducha crawl` passes the sites it read; `scrapy crawl ducha` reads them from the settings
        spider.sites = sites if sites is not None else select_sites(settings.get("DUCHA_SITES_FILE") or None,
                                                                    settings.getlist("DUCHA_SITE_IDS"))
        spider.archive = None  # handed over by crawler.pipelines.ArchivePipeline, which owns it
        spider.full = settings.getbool("DUCHA_FULL")
        spider.recapture = settings.getbool("DUCHA_RECAPTURE")
        spider.recheck_days = settings.getint("DUCHA_RECHECK_DAYS")
        spider.max_list_pages = settings.getint("DUCHA_MAX_LIST_PAGES") or None
        spider.max_html_bytes = settings.getint("DUCHA_MAX_HTML_BYTES")
        spider.attachments = AttachmentFetcher(crawler, spider)
        spider.states = {}
        spider.script_lists = ScriptLists(crawler, spider)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        return spider

    async def on_closed(self, spider) -> None:
        """Stop the attachment workers and the browser (if one was started); record what recognition did
        (stats ``ducha/ocr/…``)."""
        self.attachments.close()
        await self.script_lists.close()

    # --- list pages -----------------------------------------------------------------------
    async def start(self):
        archive = self.archive
        current = now(self.crawler.settings)
        lost = self._lost_evidence()
        for site in self.sites:
            known = archive.known_documents(site.id)
            plan = recheck_plan(known.values(), now=current, full=self.full, recheck_days=self.recheck_days)
            logger.info("%s: %d known postings, %d due for a re-check %s", site.id, len(known), len(plan.due),
                        plan.counts())
            recapture = {d.url: lost[d.id] for d in known.values() if d.id in lost}
            self.states[site.id] = SiteState(site=site, known=known, due=set(plan.due) | recapture.keys(),
                                             lost=recapture, verify_attachments=plan.attachments,
                                             hosts=site_hosts(site.start_urls, site.options.get("hosts")))
            for start_url in site.start_urls:
                learned = self.script_lists.recalled(site, start_url) if site.profile is None else None
                if learned is not None:  # an API learned in an earlier run: plain HTTP, no browser
                    self.crawler.stats.inc_value(f"ducha/site/{site.id}/learned_api_walks")
                    yield self._list_request(site, learned, learned.first_requests(start_url)[0], is_start=False,
                                             learned_start=start_url)
                    continue
                profile = get_profile(site.profile, start_url, options=site.options)
                for list_request in profile.first_requests(start_url):
                    yield self._list_request(site, profile, list_request, is_start=True)

    def _lost_evidence(self) -> dict:
        """Postings whose WARC records do not verify (``archive.recapture``): a quick look at the records a cut
        file can lose, or every record with ``DUCHA_RECAPTURE``.  Their live ones are fetched again."""
        archive = self.archive
        try:
            lost = lost_evidence(archive.path, warc_dir=archive.warc_dir, quick=not self.recapture)
        except (sqlite3.Error, OSError) as exc:  # the look at the evidence must not stop the crawl
            logger.error("could not verify the evidence before the crawl (%s): nothing re-captured", exc)
            return {}
        if lost:
            self.crawler.stats.set_value("ducha/evidence_lost_postings", len(lost))
            logger.warning("evidence of %d postings does not verify: fetching them again", len(lost))
        return lost

    def _list_request(self, site: Site, profile, list_request: ListRequest, *, is_start: bool,
                      learned_start: str | None = None) -> Request:
        meta = {
            "site_id": site.id,
            "profile": profile,
            "list_request": list_request,
            "is_start": is_start,
            "learned_start": learned_start,
            "handle_httpstatus_list": HANDLED_STATUSES,
        }
        if site.options.get("obey_robots") is False:
            meta["dont_obey_robotstxt"] = True
        return Request(
            list_request.url,
            method=list_request.method,
            body=list_request.body,
            headers=dict(list_request.headers) or None,
            callback=self.parse_list,
            errback=self.list_failed,
            meta=meta,
            priority=10,  # lists first: they decide what else to fetch
        )

    async def parse_list(self, response: Response):
        state: SiteState = self.states[response.meta["site_id"]]
        stats = self.crawler.stats
        prefix = f"ducha/site/{state.site.id}"
        stats.inc_value(f"{prefix}/list_pages")
        reason = blocked_reason(response.status, response.body)
        learned_start = response.meta.get("learned_start")
        if learned_start and response.meta["list_request"].page == 1 and response.status != 200:
            self.script_lists.drop(state.site, learned_start, f"HTTP {response.status}")
            yield self._relearn(state.site, learned_start)
            return
        if reason or response.status != 200:
            if reason:
                stats.inc_value(f"{prefix}/blocked")
            # a past-the-end HTML page answering 404 is normal; an API (POST) or server error is not
            past_end = response.status in (404, 410) and response.request.method == "GET"
            if reason or response.meta["is_start"] or not past_end:
                self._list_walk_failed(state, f"list page {response.url} answered {response.status} {reason or ''}")
            return
        text, _ = decode_html(response.body, header_charset=response_charset(response))
        text, cut = limit_text(text, len(response.body), self.max_html_bytes)
        if cut:
            stats.inc_value(f"{prefix}/list_truncated")
        profile = response.meta["profile"]
        if response.meta["is_start"] and state.site.profile is None:
            profile = get_profile(None, response.url, text, options=state.site.options)
        page = parse_list(profile, response.meta["list_request"], text)
        if page.recovered:
            stats.inc_value("ducha/list_rows_recovered", page.recovered)
            stats.inc_value(f"{prefix}/list_rows_recovered", page.recovered)
        if learned_start and response.meta["list_request"].page == 1 and (page.error or not page.entries):
            self.script_lists.drop(state.site, learned_start, page.error or "no rows")
            yield self._relearn(state.site, learned_start)
            return
        if response.meta["is_start"] and state.site.profile is None and not any(e.date for e in page.entries):
            fallback = await self.script_lists.fallback_page(state.site, response.url, self.max_list_pages)
            if fallback is not None:
                profile, page = fallback[0] or profile, fallback[1]
        if response.meta["is_start"] and not page.entries:
            state.commented += commented_entries(text, response.url)
        if page.error:
            self._list_walk_failed(state, page.error)
        if page.warning:
            stats.inc_value(f"{prefix}/list_warnings")
            logger.warning("%s: %s", state.site.id, page.warning)
        for entry in page.entries:
            if not on_site(entry.url, state.hosts):  # another site's posting is not this site's
                if entry.url not in state.offsite:
                    state.offsite.add(entry.url)
                    stats.inc_value("ducha/offsite_skipped")
                    stats.inc_value(f"{prefix}/offsite_skipped")
                    logger.info("%s: list entry %s is off-site (hosts %s): skipped", state.site.id, entry.url,
                                ", ".join(sorted(state.hosts)))
                continue
            if entry.url not in state.listed:  # a posting listed twice (HTML and JSON lists) counts once
                stats.inc_value(f"{prefix}/entries")
            state.listed.add(entry.url)
            request = self._maybe_detail_request(state, entry.url, list_title=entry.title, list_date=entry.date,
                                                 force=list_disagrees(state.known.get(entry.url), entry))
            if request is not None:
                yield request
        for follow in page.follow:
            if self.max_list_pages and follow.page > self.max_list_pages:
                state.list_capped = True
                continue
            yield self._list_request(state.site, profile, follow, is_start=False)

    def _relearn(self, site: Site, start_url: str) -> Request:
        """The start page again, so the list API is learned anew."""
        profile = get_profile(None, start_url, options=site.options)
        return self._list_request(site, profile, ListRequest(url=start_url, page=1), is_start=True)

    def list_failed(self, failure):
        request = failure.request
        state: SiteState = self.states[request.meta["site_id"]]
        self._list_walk_failed(state, f"list page {request.url} failed: {failure.getErrorMessage()}")

    def _list_walk_failed(self, state: SiteState, why: str) -> None:
        """The list walk of a site is incomplete: nothing it did not list may count as removed."""
        state.list_failed = True
        self.crawler.stats.inc_value(f"ducha/site/{state.site.id}/list_errors")
        logger.warning("%s: %s (list walk incomplete: no removals inferred)", state.site.id, why)

    # --- detail pages -----------------------------------------------------------------------
    def _maybe_detail_request(self, state: SiteState, url: str, *, list_title=None, list_date=None,
                              force: bool = False):
        """A detail request when the posting is new, due, not live, or ``force``d; else None."""
        if url in state.requested:
            return None
        known = state.known.get(url)
        if known is not None and known.status == "live" and url not in state.due and not force:
            return None
        state.requested.add(url)
        headers = {}
        lost = state.lost.get(url)
        if known is not None and known.status == "live" and not lost:  # a re-capture needs the whole page
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        meta = {
            "site_id": state.site.id,
            "ducha_url": url,
            "list_title": list_title,
            "list_date": list_date,
            "handle_httpstatus_list": HANDLED_STATUSES,
            "ducha_lost": lost,
        }
        if state.site.options.get("obey_robots") is False:
            meta["dont_obey_robotstxt"] = True
        return Request(url, headers=headers or None, callback=self.parse_detail, errback=self.detail_failed,
                       meta=meta, dont_filter=True)

    async def parse_detail(self, response: Response):
        meta = response.meta
        site_id, url = meta["site_id"], meta["ducha_url"]
        self.crawler.stats.inc_value(f"ducha/site/{site_id}/details")
        fetched_at = now_iso(self.crawler.settings)
        raw = meta.get("ducha_raw_sha256") or hashlib.sha256(response.body).hexdigest()
        outcome = outcome_without_content(response, self.crawler.stats, site_id, url, fetched_at, raw,
                                          known=url in self.states[site_id].known)
        if outcome is not None:
            yield outcome
            state = self.states[site_id]
            if (outcome.kind == "not_modified" and url in state.verify_attachments
                    and await self.attachments.changed_behind_304(site_id, state.known.get(url), url)):
                self._refetch(response.request)
            return
        text, _ = decode_html(response.body, header_charset=response_charset(response))
        text, cut = limit_text(text, len(response.body), self.max_html_bytes)
        page = extract_page(text, url, list_title=meta.get("list_title"), list_date=meta.get("list_date"))
        del text  # one page's text and tree at a time
        if cut:
            page.notes.insert(0, cut)
        if page.is_soft_404:
            yield CheckOutcome(site_id=site_id, url=url, fetched_at=fetched_at, kind="removed",
                               http_status=response.status, reason="soft-404", raw_sha256=raw,
                               warc=meta.get("ducha_warc"), redirects=redirect_chain(response),
                               lost_evidence=meta.get("ducha_lost") or [])
            return
        attachments = await self.attachments.of_page(page, site_id)
        tables = (await self.attachments.tables("html", response.body, url)
                  if page.doc_type in TABLE_DOC_TYPES else None)  # for the ledger, read by the second core
        yield PageCapture(
            site_id=site_id, url=url, fetched_at=fetched_at, http_status=response.status,
            title=page.title, body_text=page.body_text, publish_date=page.publish_date,
            publish_date_source=page.publish_date_source, publisher=page.publisher,
            dates={**page.dates, **({"display": page.display_date} if page.display_date else {})},
            doc_type=page.doc_type, doc_numbers=list(page.doc_numbers), attachments=attachments,
            list_title=meta.get("list_title"), raw_sha256=raw,
            etag=header(response, b"ETag"), last_modified=header(response, b"Last-Modified"),
            warc=meta.get("ducha_warc"), extra={"parse_note": "; ".join(page.notes)} if page.notes else {},
            redirects=redirect_chain(response), lost_evidence=meta.get("ducha_lost") or [], tables=tables,
        )

    def detail_failed(self, failure):
        request = failure.request
        site_id = request.meta["site_id"]
        if self.crawler.stats.get_value("ducha/disk_full"):  # the crawl is stopping: not the site's failure
            return None
        self.crawler.stats.inc_value(f"ducha/site/{site_id}/errors")
        reason = f"{type(failure.value).__name__}: {failure.getErrorMessage()}"[:300]
        if ROBOTS_FORBIDDEN in reason:  # the site asked us not to: a decision, not a failure
            self.crawler.stats.inc_value(f"ducha/site/{site_id}/robots_forbidden")
        else:
            not_archived(self.crawler.stats, site_id, request.meta["ducha_url"], reason)
        return CheckOutcome(site_id=site_id, url=request.meta["ducha_url"], fetched_at=now_iso(self.crawler.settings),
                            kind="unreachable", reason=reason)

    def _refetch(self, request: Request) -> None:
        """Fetch a posting again without validators, so its new content is archived this run."""
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in (b"if-none-match", b"if-modified-since")}
        self.crawler.engine.crawl(request.replace(headers=headers, dont_filter=True))

    # --- end of the walk ------------------------------------------------------------------
    def on_idle(self):
        """Re-check known postings that were due but not listed, or missing from a complete list."""
        scheduled = 0
        for state in self.states.values():
            if state.idle_done:
                continue
            state.idle_done = True
            if not state.listed and state.commented:
                scheduled += self._commented_rows(state)
            # a walk that found nothing (layout changed?) proves nothing about absences
            complete = not state.list_failed and not state.list_capped and bool(state.listed)
            logger.debug("%s: list walk %s, %d listed, %d known, %d due", state.site.id,
                        "complete" if complete else "incomplete", len(state.listed), len(state.known), len(state.due))
            for url, known in state.known.items():
                missing = complete and known.status == "live" and url not in state.listed
                if url in state.due or missing:
                    request = self._maybe_detail_request(state, url, force=missing)
                    if request is not None:
                        self.crawler.engine.crawl(request)
                        scheduled += 1
        if scheduled:
            logger.info("re-checking %d known postings not reached through the lists", scheduled)
            raise DontCloseSpider


    def _commented_rows(self, state: SiteState) -> int:
        """Nothing listed the site's postings: fetch the rows its start pages hide in comments (maybe stale)."""
        self._list_walk_failed(state, self.script_lists.comment_warning(state.site, len(state.commented)))
        requests = [self._maybe_detail_request(state, e.url, list_title=e.title, list_date=e.date)
                    for e in state.commented]
        state.listed.update(e.url for e in state.commented)
        for request in filter(None, requests):
            self.crawler.engine.crawl(request)
        return sum(r is not None for r in requests)
