"""A shared headless Chromium for list pages that only a script can fill (started on first use).

``BrowserService.render(url)`` opens a page, records every XHR/fetch exchange (method, URL, body,
answer) and returns the rendered HTML; ``pager_clicks`` then clicks the page's pager (buttons with
``onclick``, "下一页", or the next page number) and records what each click fetched.  In mirror mode
the page is opened at its *original* URL and every request the browser makes is answered from the
mirror (``/<host>/<path>``), so scripts, cookies and the recorded URLs all see the real site.

One browser per crawl process, launched lazily: a crawl of plain-HTTP sites never starts it.
``launches``, ``renders`` and ``render_seconds`` are kept for the run's stats and the bench.
"""
from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from crawler.mirror import mirror_url

logger = logging.getLogger(__name__)
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAX_RECORDED_BYTES = 2_000_000
SETTLE_S = 15
_PAGER_SCRIPT = """(k) => {
  const els = Array.from(document.querySelectorAll('button, a, span, li, input[type=button]'));
  const label = (e) => (e.innerText || e.value || '').trim();
  const clickable = (e) => e.tagName === 'BUTTON' || e.hasAttribute('onclick') || e.type === 'button'
      || (e.tagName === 'A' && (!e.getAttribute('href') || e.getAttribute('href').startsWith('javascript')
          || e.getAttribute('href') === '#'));
  let target = els.find(e => clickable(e) && label(e) === String(k));
  if (!target) target = els.find(e => clickable(e) && /^(下一页|下页|next|>|›|»)$/i.test(label(e)));
  if (!target) return false;
  target.click();
  return true;
}"""


@dataclass
class Exchange:
    """One XHR/fetch request the page made and what it got back."""

    method: str
    url: str
    post_data: str | None
    request_headers: dict[str, str]
    status: int
    content_type: str
    body: str
    step: int  # 0: page load, k: after the k-th pager click


@dataclass
class Rendering:
    """A rendered list page: HTML after load (and after each pager click) plus the recorded XHRs."""

    url: str
    html: list[str] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


class BrowserService:
    """Headless Chromium for one crawl: ``await render(url)``; ``await close()`` at the end."""

    def __init__(self, *, executable: str | None, timeout_s: float = 30.0, user_agent: str | None = None,
                 mirror: str = "") -> None:
        self.executable = executable
        self.timeout_ms = int(timeout_s * 1000)
        self.user_agent = user_agent
        self.mirror = mirror
        self.launches = 0
        self.renders = 0
        self.render_seconds = 0.0
        self._playwright: Any = None
        self._browser: Any = None
        self._lock = asyncio.Lock()

    async def _ensure_browser(self) -> Any:
        async with self._lock:
            if self._browser is None:
                from playwright.async_api import async_playwright

                self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=self.executable, headless=True, args=BROWSER_ARGS)
                self.launches += 1
                logger.info("browser started (%s)", self.executable)
        return self._browser

    async def render(self, url: str, *, pager_clicks: int = 1, max_pages: int = 0) -> Rendering:
        """Open ``url``, record its XHR/fetch traffic, then click the pager ``pager_clicks`` times
        (``max_pages`` > 0: click until that many pages were shown or the pager ends)."""
        from playwright.async_api import Error as PlaywrightError

        started = time.monotonic()
        result = Rendering(url=url)
        try:
            browser = await self._ensure_browser()
            context = await browser.new_context(user_agent=self.user_agent)
            try:
                page = await context.new_page()
                step = [0]
                await page.route("**/*", lambda route: self._answer(route, result, step, context))
                await page.goto(url, wait_until="load", timeout=self.timeout_ms)
                await self._settle(page)
                result.html.append(await page.content())
                clicks = max(pager_clicks, max_pages - 1 if max_pages else 0)
                for k in range(2, clicks + 2):
                    step[0] = k - 1
                    if not await page.evaluate(_PAGER_SCRIPT, k):
                        break
                    await self._settle(page)
                    result.html.append(await page.content())
            finally:
                await context.close()
        except PlaywrightError as exc:
            result.error = f"browser failed: {exc}".splitlines()[0]
            logger.warning("render %s: %s (%d pages read before)", url, result.error, len(result.html))
            if result.html:  # what was rendered before the failure still counts
                result.error = None
        result.seconds = time.monotonic() - started
        self.renders += 1
        self.render_seconds += result.seconds
        return result

    async def _settle(self, page: Any) -> None:
        """Wait until the page's requests are done (network idle), but never fail on a busy page: a
        slow mirror or a polling script only cost ``SETTLE_S`` seconds."""
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        try:
            await page.wait_for_load_state("networkidle", timeout=min(self.timeout_ms, SETTLE_S * 1000))
        except PlaywrightTimeout:
            logger.debug("render: network not idle after %s s; reading the page as it is", SETTLE_S)
        await asyncio.sleep(0)  # let the page's callbacks render what arrived

    async def _answer(self, route: Any, result: Rendering, step: list[int], context: Any) -> None:
        """``_relay`` one request; a page or context closed meanwhile (a challenge page reloading) is no error."""
        try:
            await self._relay(route, result, step, context)
        except Exception as exc:  # noqa: BLE001 - Playwright raises plain Errors for disposed routes
            logger.debug("render: %s not relayed: %s", route.request.url, exc)

    async def _relay(self, route: Any, result: Rendering, step: list[int], context: Any) -> None:
        """Answer one browser request (from the mirror in mirror mode) and record XHR/fetch exchanges.

        The page's cookies for the original URL go along explicitly: the mirror has another host."""
        request = route.request
        if request.resource_type in ("image", "font", "media", "stylesheet"):
            await route.abort()
            return
        target = mirror_url(request.url, self.mirror) if self.mirror else request.url
        headers = dict(request.headers)
        cookies = await context.cookies(request.url)
        if cookies:
            headers["cookie"] = "; ".join(f"{c['name']}={c['value']}" for c in cookies)
        try:
            response = await route.fetch(url=target, headers=headers, timeout=self.timeout_ms)
        except Exception as exc:  # noqa: BLE001 - a failed subrequest must not kill the page
            logger.debug("render: %s failed: %s", request.url, exc)
            await route.abort()
            return
        body = await response.body()
        if request.resource_type in ("xhr", "fetch"):
            result.exchanges.append(Exchange(
                method=request.method, url=request.url, post_data=request.post_data,
                request_headers=dict(await request.all_headers()), status=response.status,
                content_type=response.headers.get("content-type", ""),
                body=body[:MAX_RECORDED_BYTES].decode("utf-8", "replace"), step=step[0]))
        await route.fulfill(response=response, body=body)

    async def close(self) -> None:
        """Stop the browser if it was started."""
        if self._browser is not None:
            await self._browser.close()
            await self._playwright.stop()
            self._browser = self._playwright = None


async def earn_cookies(service: BrowserService, url: str) -> dict[str, str]:
    """Open ``url`` (a JS-cookie challenge) and return the cookies its scripts set ({} on failure)."""
    from playwright.async_api import Error as PlaywrightError

    try:
        browser = await service._ensure_browser()
        context = await browser.new_context(user_agent=service.user_agent)
        try:
            page = await context.new_page()
            sink = Rendering(url=url)
            await page.route("**/*", lambda route: service._answer(route, sink, [0], context))
            await page.goto(url, wait_until="load", timeout=service.timeout_ms)
            await page.wait_for_load_state("load", timeout=service.timeout_ms)
            return {c["name"]: c["value"] for c in await context.cookies()}
        finally:
            await context.close()
    except PlaywrightError as exc:
        logger.warning("challenge at %s: the browser failed: %s", url, exc)
        return {}


def browser_for(crawler: Any) -> BrowserService:
    """The crawl's shared browser service (created on first call; the browser itself starts on first use)."""
    service = getattr(crawler, "_ducha_browser", None)
    if service is None:
        settings = crawler.settings
        service = BrowserService(executable=settings.get("DUCHA_BROWSER"),
                                 timeout_s=settings.getfloat("DUCHA_BROWSER_TIMEOUT"),
                                 user_agent=settings.get("USER_AGENT"), mirror=settings.get("DUCHA_MIRROR") or "")
        crawler._ducha_browser = service
    return service
