"""A small hostile site on loopback (mirror layout) for crawl-level hardening tests and benches.

Host ``hostile.example.gov.cn``, one channel ``/gsgg/index.html`` (a ``<dl>`` list quoted with
``'``, 2 pages) whose entries are:

* ``doc1`` … ``doc12``: ordinary postings; row 6's ``title="<script>alert(1)</script>…`` never
  closes its quote, so an HTML parser swallows rows 6–10 and the pager into one attribute;
* ``deep300`` / ``deep50000``: a posting wrapped in 300 / 50,000 ``<div>``s;
* ``big``: a posting of ``big_bytes`` of HTML (0: no such entry);
* ``loop``: a redirect to itself, forever;
* an entry on another host (``www.other-site.gov.cn``), which this site must not archive.

``HostileSite.postings`` is the ground truth: the URLs that are this site's postings.
"""
from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

logger = logging.getLogger(__name__)

HOST = "hostile.example.gov.cn"
OFFSITE_HOST = "www.other-site.gov.cn"
SITE_ID = "hostile"
SITES_YAML = f"""sites:
  - id: {SITE_ID}
    name: 敌意测试站
    region: 测试省
    level: city
    start_urls:
      - http://{HOST}/gsgg/index.html
"""
PARAGRAPH = "经现场核查，该项整改任务已按要求完成，整改措施落实到位，现将验收销号情况予以公示，公示期为十个工作日。"


def _title(name: str) -> str:
    return f"关于{name}号整改任务验收销号情况的公示"


def _detail(name: str, *, wrap: int = 0, body_bytes: int = 0) -> bytes:
    paragraphs = f"<p>{PARAGRAPH}（{name}）</p>" * 3
    if body_bytes:
        unit = f"<p>{PARAGRAPH}</p>\n"
        paragraphs += unit * max(1, body_bytes // len(unit.encode()))
    body = (f'<div class="TRS_Editor">{paragraphs}<p>附件：<a href="/files/{name}.txt">{name}验收材料.txt</a></p>'
            "</div>")
    html = (f'<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{_title(name)}">'
            f'<meta name="PubDate" content="2026-11-03 09:00"><title>{_title(name)}</title></head><body>'
            f'{"<div>" * wrap}{body}{"</div>" * wrap}</body></html>')
    return html.encode("utf-8")


class HostileSite:
    """The hostile site in a thread: ``url`` (the mirror base), ``sites_yaml``, ``postings``, ``close()``."""

    def __init__(self, *, big_bytes: int = 0) -> None:
        self.big_bytes = big_bytes
        names = [f"doc{n}" for n in range(1, 13)] + ["deep300", "deep50000"] + (["big"] if big_bytes else [])
        self.names = names
        self.postings = {f"http://{HOST}/gsgg/2026/{n}.html" for n in names}
        self.loop_url = f"http://{HOST}/gsgg/2026/loop.html"
        self.offsite_url = f"http://{OFFSITE_HOST}/gsgg/2026/doc1.html"
        self._cache: dict[str, bytes] = {}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                host, _, path = self.path.lstrip("/").partition("/")
                path = "/" + path
                with site.lock:
                    site.hits[f"{host}{path}"] = site.hits.get(f"{host}{path}", 0) + 1
                status, headers, body = site.route(host, path)
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def sites_yaml(self) -> str:
        """A sites file with this one site."""
        return SITES_YAML

    def _list(self, page: int) -> bytes:
        rows = []
        names = self.names[:10] if page == 1 else self.names[10:]
        extra = [("loop", ""), (None, "")] if page == 1 else []
        for i, name in enumerate([n for n, _ in extra] + names):  # the odd rows come before the broken one
            href = f"/gsgg/2026/{name}.html" if name else self.offsite_url
            label = name or "外站"
            title = ('title="<script>alert(1)</script>…' if name == "doc6"
                     else f"title='{_title(label)}'")
            rows.append(f"<dl><dt><a href='{href}' {title}>{_title(label)[:10]}…</a></dt>"
                        f"<dd>2026年11月{i + 1:02d}日</dd></dl>")
        pager = "<a class='next' href='/gsgg/index.html?page=2'>下一页</a>" if page == 1 else ""
        html = ("<html><head><meta charset='utf-8'><title>公示公告</title></head><body>"
                "<div class='nav'><a href='/'>首页</a></div>"
                f"<div class='news-list'>{''.join(rows)}</div><div class='pager'>{pager}</div></body></html>")
        return html.encode("utf-8")

    def route(self, host: str, path: str) -> tuple[int, list[tuple[str, str]], bytes]:
        """Status, headers and body for a mirror-layout request of ``host`` + ``path``."""
        html = [("Content-Type", "text/html; charset=utf-8")]
        if path == "/robots.txt":
            return 200, [("Content-Type", "text/plain")], b"User-agent: *\nAllow: /\n"
        if host == OFFSITE_HOST:
            return 200, html, _detail("offsite")
        if host != HOST:
            return 404, html, b"not found"
        if path in ("/gsgg/index.html", "/gsgg/index.html?page=1"):
            return 200, html, self._list(1)
        if path == "/gsgg/index.html?page=2":
            return 200, html, self._list(2)
        if path == "/gsgg/2026/loop.html":
            return 302, [("Location", "/gsgg/2026/loop.html")], b""
        if path.startswith("/files/"):
            name = path.rsplit("/", 1)[1].removesuffix(".txt")
            return 200, [("Content-Type", "text/plain; charset=utf-8")], f"{name} 验收材料 {PARAGRAPH}".encode()
        name = path.rsplit("/", 1)[-1].removesuffix(".html")
        if path.startswith("/gsgg/2026/") and name in self.names:
            if name not in self._cache:
                wrap = {"deep300": 300, "deep50000": 50_000}.get(name, 0)
                self._cache[name] = _detail(name, wrap=wrap, body_bytes=self.big_bytes if name == "big" else 0)
            return 200, html, self._cache[name]
        return 404, html, b"not found"

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()
