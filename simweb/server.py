"""Loopback HTTP server for the simulated web, mirror layout `/<host>/<path>?<query>`.

`serve_in_thread(world)` for tests, `run_forever(...)` for `ducha simweb`. Control endpoints live under
`/_sim/` (see `simweb.control`). Site requests: route (family list pages, home, robots.txt, detail
pages, attachments) → conditional-request check (304) → per-site fault profile → send.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import logging
import signal
import socket
import struct
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from simweb import chrome, faults
from simweb.families import FAMILIES
from simweb.families.base import Ctx, SimRequest, SimResponse
from simweb.portals import portal_site
from simweb.scan_postings import BODY_IMAGE
from simweb.sites import API_HOSTS, SITE_BY_HOST, SiteSpec, served_sites
from simweb.world import World

logger = logging.getLogger(__name__)
SERVER_HEADERS = {"trs": "nginx", "hanweb": "Apache-Coyote/1.1", "ucap": "nginx/1.20.1", "nfcms": "nginx",
                  "legacy": "Microsoft-IIS/6.0", "generic": "Apache", "jpaas": "nginx", "hunansearch": "nginx",
                  "ucapshell": "nginx/1.20.1", "hanwebpost": "Apache-Coyote/1.1", "spa": "openresty",
                  "spadom": "openresty", "portal": "nginx/1.18.0"}


class SimServer:
    """A running simulated web: `.url`, `.port`, `.day`, `.set_day(n)`, `.set_fault(site, profile)`, `.close()`."""

    def __init__(self, world: World, *, host: str = "127.0.0.1", port: int = 0, day: int = 0,
                 faults_: str | dict[str, str] | None = None) -> None:
        self.world = world
        self.day = day
        self._lock = threading.Lock()
        self._counters: dict[str, int] = defaultdict(int)
        self._hits: dict[tuple[str, str], int] = defaultdict(int)
        self._stats: dict[str, dict[str, int]] = {}
        self.profiles: dict[str, str] = {s.id: s.default_fault for s in served_sites()}
        if isinstance(faults_, str):
            self.set_fault("all", faults_)
        elif faults_:
            for site_id, profile in faults_.items():
                self.set_fault(site_id, profile)
        self.reset_stats()
        self.httpd = ThreadingHTTPServer((host, port), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.sim = self  # type: ignore[attr-defined]
        self.port = self.httpd.server_address[1]
        self.url = f"http://{host}:{self.port}"
        self._thread: threading.Thread | None = None

    # -- control --------------------------------------------------------------------------
    def set_day(self, day: int) -> None:
        """Switch the simulated day (the world's state for that day is computed on first use)."""
        if day < 0:
            raise ValueError("day must be >= 0")
        self.day = day

    def advance(self) -> int:
        """Move to the next day; returns it."""
        self.set_day(self.day + 1)
        return self.day

    def set_fault(self, site_id: str, profile: str) -> None:
        """Set the fault profile of one site, or of every site with site_id 'all'."""
        faults.check_profile(profile)
        targets = [s.id for s in self.world.sites] if site_id in ("all", "*", "") else [site_id]
        for t in targets:
            if t not in self.profiles:
                raise KeyError(f"unknown site {t!r}")
            self.profiles[t] = profile

    def reset_stats(self) -> None:
        """Zero the request counters shown at /_sim/stats."""
        with self._lock:
            self._stats = {s.id: defaultdict(int) for s in served_sites()}

    def stats(self) -> dict:
        """Requests per site and path kind, plus fault outcomes."""
        with self._lock:
            return {"day": self.day, "sites": {k: dict(v) for k, v in self._stats.items()},
                    "faults": dict(self.profiles)}

    def count(self, site_id: str, key: str) -> None:
        """Increment a stats counter."""
        with self._lock:
            self._stats[site_id][key] += 1

    def next_request(self, site_id: str) -> int:
        """The site's request counter (drives the flaky profile)."""
        with self._lock:
            self._counters[site_id] += 1
            return self._counters[site_id]

    def hit(self, site_id: str, path: str) -> int:
        """Visit counter of a page (浏览次数): grows on every request."""
        with self._lock:
            self._hits[(site_id, path)] += 1
            return 137 + len(path) * 3 + self._hits[(site_id, path)]

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> SimServer:
        """Serve in a daemon thread."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="simweb", daemon=True)
        self._thread.start()
        logger.info("simweb serving at %s (day %s)", self.url, self.day)
        return self

    def close(self) -> None:
        """Stop serving and release the socket."""
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> SimServer:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _api_site(host: str, path: str) -> SiteSpec | None:
    """The site whose list API a shared API host (api.hunan.gov.cn) answers for ``path``."""
    for site in API_HOSTS.get(host, ()):
        if FAMILIES[site.family].serves_api_path(site, path):
            return site
    return None


def _http_date(d: dt.datetime) -> str:
    return email.utils.format_datetime(d.astimezone(dt.UTC), usegmt=True)


def route(sim: SimServer, site: SiteSpec, req: SimRequest) -> SimResponse:
    """The unfaulted response of `site` to `req` on the server's current day."""
    world, day = sim.world, sim.day
    family = FAMILIES[site.family]
    today = world.date_of(day)
    ctx = Ctx(world=world, site=site, day=day, today=today, hit=lambda p: sim.hit(site.id, p),
              broken=sim.profiles[site.id] == "layout-broken")
    resp = family.handle_list(req, ctx)
    if resp is not None:
        return resp
    if req.path == "/":
        return SimResponse(200, family.encode(chrome.home_page(site, today)), kind="home")
    if req.path == "/robots.txt":
        return SimResponse(200, chrome.robots_txt().encode(), "text/plain", kind="robots")
    found = None
    if req.raw_query:
        found = world.lookup(site.id, f"{req.path}?{req.raw_query}")
    found = found or world.lookup(site.id, req.path)
    view = world.doc_view(site.id, found[0], day) if found else None
    if view is None:
        return SimResponse(404, chrome.not_found_page(site, today).encode(), kind="other")
    kind = "detail" if found[1] < 0 else "attachment"
    if view.state.status == "removed":
        if kind == "attachment" or view.state.removal == "404":
            return SimResponse(404, chrome.not_found_page(site, today).encode(), kind=kind)
        if view.state.removal == "soft404":
            return SimResponse(200, family.encode(chrome.soft_404_page(site, today)), kind=kind)
        return SimResponse(302, b"", headers={"Location": site.home_url}, kind=kind)
    if kind == "detail":
        resp = family.render_detail(view, ctx)
        resp.headers.update({"ETag": view.etag, "Last-Modified": _http_date(view.last_modified)})
        return resp
    if found[1] >= BODY_IMAGE:  # the image a scanned notice shows as its body
        image = view.body_images[found[1] - BODY_IMAGE]
        from simweb.scan_postings import png_bytes

        return SimResponse(200, png_bytes(image.spec), "image/png", headers={
            "Last-Modified": _http_date(view.last_modified)}, kind="attachment")
    att = view.attachments[found[1]]
    headers = {"ETag": '"' + att.sha256[:16] + '"', "Last-Modified": _http_date(view.last_modified),
               "Accept-Ranges": "bytes"}
    return SimResponse(200, att.data, att.content_type, headers=headers, kind="attachment")


def not_modified(req_headers: dict[str, str], resp: SimResponse) -> bool:
    """True if a conditional request matches the response's ETag / Last-Modified."""
    if resp.status != 200 or "ETag" not in resp.headers:
        return False
    inm = req_headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return resp.headers["ETag"] in tags or "*" in tags
    ims = req_headers.get("if-modified-since")
    if ims:
        try:
            since = email.utils.parsedate_to_datetime(ims)
            last = email.utils.parsedate_to_datetime(resp.headers["Last-Modified"])
        except (TypeError, ValueError):
            return False
        return last <= since
    return False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "nginx"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        from simweb.control import handle_control

        sim: SimServer = self.server.sim  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        if parts.path.startswith("/_sim/") or parts.path == "/_sim":
            status, ctype, body = handle_control(sim, method, parts.path, parts.query)
            return self._send(method, SimResponse(status, body, ctype))
        host, _, rest = parts.path.lstrip("/").partition("/")
        site = SITE_BY_HOST.get(host) or portal_site(host, unquote("/" + rest)) or _api_site(host, unquote("/" + rest))
        if site is None:
            return self._send(method, SimResponse(404, b"unknown host in mirror path", "text/plain"))
        headers = {k.lower(): v for k, v in self.headers.items()}
        form = dict(parse_qsl(raw_body.decode("utf-8", "replace"), keep_blank_values=True)) if raw_body else {}
        req = SimRequest(method=method, path=unquote("/" + rest), query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                         raw_query=parts.query, form=form, headers=headers, body=raw_body)
        n = sim.next_request(site.id)
        action = faults.decide(sim.profiles[site.id], n, cookie_ok=faults.cookie_ok(
            sim.profiles[site.id], headers.get("cookie", ""), faults.challenge_token(sim.world.seed, site.id), n))
        resp = route(sim, site, req)
        if sim.profiles[site.id] == "api-fails" and resp.kind == "json" and resp.page > 1:
            resp = SimResponse(500, faults.error_page(500), kind="json")
            sim.count(site.id, "fault_api_500")
        sim.count(site.id, resp.kind)
        sim.count(site.id, "total")
        resp.headers.setdefault("Server", SERVER_HEADERS[site.family])
        if action.kind == "pass" and not_modified(headers, resp):
            sim.count(site.id, "not_modified")
            resp = SimResponse(304, b"", resp.content_type, headers={k: v for k, v in resp.headers.items()
                                                                    if k in ("ETag", "Last-Modified", "Server")})
        if action.delay:
            time.sleep(action.delay)
        if action.kind != "pass":
            sim.count(site.id, f"fault_{action.status or action.kind}")
        if action.kind == "status":
            return self._send_fault_status(method, action.status, sim, site, n)
        if action.kind == "reset":
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return None
        if action.kind == "truncate":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body) + 4096))
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(resp.body[: max(1, len(resp.body) // 2)])
            return None
        return self._send(method, resp)

    def _send_fault_status(self, method: str, status: int, sim: SimServer, site: SiteSpec, n: int) -> None:
        if status == 412:
            token = faults.challenge_token(sim.world.seed, site.id)
            headers = {"Set-Cookie": f"FSSBBIl1UgzbN7N80S={token[::-1]}; Path=/; HttpOnly"}
            if sim.profiles[site.id] == "ruishu-short":  # the cookie names the request it was issued at
                token = f"{token}.{n}"
            return self._send(method, SimResponse(412, faults.challenge_page(token), headers=headers))
        headers = {"Retry-After": "1"} if status == 429 else {}
        return self._send(method, SimResponse(status, faults.error_page(status), headers=headers))

    def _send(self, method: str, resp: SimResponse) -> None:
        self.send_response(resp.status)
        if resp.status != 304:
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
        for k, v in resp.headers.items():
            self.send_header(k, v)
        self.end_headers()
        if method != "HEAD" and resp.status != 304 and resp.body:
            self.wfile.write(resp.body)


def serve_in_thread(world: World, *, port: int = 0, day: int = 0,
                    faults: str | dict[str, str] | None = None) -> SimServer:
    """Start a SimServer on 127.0.0.1 in a daemon thread (port 0: any free port)."""
    return SimServer(world, port=port, day=day, faults_=faults).start()


def run_forever(*, port: int = 8000, day: int = 0, docs_per_site: int = 40, faults: str | None = None,
                seed: int = 1, start_date: dt.date | None = None, host: str = "127.0.0.1", scans: int = 0,
                sites: str = "classic") -> None:
    """Serve until SIGINT/SIGTERM (for `ducha simweb`); prints the URL."""
    world = World(seed=seed, docs_per_site=docs_per_site, start_date=start_date or dt.date(2026, 11, 2),
                  scans=scans, sites=sites)
    sim = SimServer(world, host=host, port=port, day=day, faults_=faults)
    stop = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stop.set()

    old = {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM)}
    sim.start()
    print(f"simweb serving at {sim.url} (day {sim.day}, {world.date_of(sim.day)}); sites file: {sim.url}/_sim/sites.yaml",
          flush=True)
    try:
        while not stop.wait(0.5):  # bounded: a signal delivered to a server thread must still reach _stop
            pass
    finally:
        sim.close()
        for s, h in old.items():
            signal.signal(s, h)
