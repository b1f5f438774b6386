"""Fixtures for the simulated web tests: a shared World, servers on port 0 and a small HTTP client."""
from __future__ import annotations

import http.client
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import quote, urljoin, urlsplit

import pytest

from simweb.server import SimServer, serve_in_thread
from simweb.world import World


@dataclass
class Resp:
    """A raw HTTP response."""

    status: int
    headers: dict[str, str]
    body: bytes

    def text(self, encoding: str = "utf-8") -> str:
        """Body decoded (GBK for the legacy site)."""
        return self.body.decode(encoding)


class Client:
    """http.client over loopback against a SimServer; takes real URLs (mirror mode) or mirror paths."""

    def __init__(self, sim: SimServer) -> None:
        self.sim = sim

    @staticmethod
    def mirror_path(url: str) -> str:
        """`https://host/path?q` -> `/host/path?q` (percent-encoding non-ASCII)."""
        parts = urlsplit(url)
        path = "/" + parts.netloc + quote(parts.path, safe="/%")
        return path + ("?" + parts.query if parts.query else "")

    def request(self, target: str, *, method: str = "GET", body: bytes | None = None,
                headers: dict[str, str] | None = None) -> Resp:
        """One request; `target` is a real URL or a path on the server. Redirects are not followed."""
        path = self.mirror_path(target) if "://" in target else target
        conn = http.client.HTTPConnection("127.0.0.1", self.sim.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            return Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        finally:
            conn.close()

    def get(self, target: str, **kw: object) -> Resp:
        """GET."""
        return self.request(target, **kw)  # type: ignore[arg-type]

    def post(self, target: str, form: str, **kw: object) -> Resp:
        """POST a urlencoded form."""
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request(target, method="POST", body=form.encode(), headers=headers)

    def enumerate_list(self, site) -> list[tuple[str, str]]:
        """(absolute url, full title) of every posting, walking the site's own pagination scheme."""
        fam, start = site.family, site.start_url
        out: list[tuple[str, str]] = []

        def grab(page_url: str, html: str, pattern: str) -> None:
            for href, title in re.findall(pattern, html):
                out.append((urljoin(page_url, unescape(href)), unescape(title)))

        if fam == "trs":
            html = self.get(start).text()
            pages = int(re.search(r"var countPage = (\d+)//共多少页", html).group(1))
            ext = start.rsplit(".", 1)[1]
            for k in range(pages):
                url = start if k == 0 else start.replace(f"index.{ext}", f"index_{k}.{ext}")
                grab(url, self.get(url).text(), r'<li><span class="date">[^<]*</span><a href="([^"]+)"[^>]*title="([^"]*)"')
        elif fam == "hanweb":
            html = self.get(start).text()
            pages = int(re.search(r"<totalpage>(\d+)</totalpage>", html).group(1))
            pat = r"href='([^']+)' title='([^']*)'"
            grab(start, html, pat)
            base = start.split("/col/")[0] + "/module/web/jpage/dataproxy.jsp"
            for k in range(2, pages + 1):
                url = f"{base}?page={k}&appid=1&webid=46&path=/&columnid=84025&unitid=340853&permissiontype=0"
                grab(url, self.get(url).text(), pat)
        elif fam == "ucap":
            html = self.get(start).text()
            pages = int(re.search(r"var totalPage = (\d+);", html).group(1))
            for k in range(1, pages + 1):
                url = start if k == 1 else start.replace("zclistf.shtml", f"zclistf_{k}.shtml")
                grab(url, self.get(url).text(), r'<li><a href="([^"]+)" target="_blank" title="([^"]*)"')
        elif fam == "nfcms":
            html = self.get(start).text()
            total, per = map(int, re.search(r"Math\.ceil\((\d+)/(\d+)\)", html).groups())
            for k in range(1, math.ceil(total / per) + 1):
                url = start if k == 1 else start.replace("index.html", f"index_{k}.html")
                grab(url, self.get(url).text(), r'<li><a href="([^"]+)" target="_blank" title="([^"]*)"')
        else:  # legacy and generic: follow 下一页
            url: str | None = start
            enc = "gbk" if fam == "legacy" else "utf-8"
            pat = (r'<a href="([^"]+)" title="([^"]*)" target="_blank">' if fam == "legacy"
                   else r'<dt><a href="([^"]+)" title="([^"]*)">')
            while url:
                html = self.get(url).text(enc)
                grab(url, html, pat)
                nxt = re.search(r'<a (?:class="next" )?href="([^"]+)">下一页</a>', html)
                url = urljoin(url, unescape(nxt.group(1))) if nxt else None
        return out


@pytest.fixture(scope="session")
def world() -> World:
    """The default world: seed 1, 40 postings per site."""
    return World(seed=1, docs_per_site=40)


@pytest.fixture(scope="module")
def sim(world: World) -> Iterator[SimServer]:
    """A server on day 0 without faults."""
    s = serve_in_thread(world, port=0, day=0)
    yield s
    s.close()


@pytest.fixture()
def fresh_sim(world: World) -> Iterator[SimServer]:
    """A server for tests that change the day or the faults."""
    s = serve_in_thread(world, port=0, day=0)
    yield s
    s.close()


@pytest.fixture()
def client(sim: SimServer) -> Client:
    """Client of the shared day-0 server."""
    return Client(sim)


@pytest.fixture()
def fresh_client(fresh_sim: SimServer) -> Client:
    """Client of the per-test server."""
    return Client(fresh_sim)
