"""A tiny fake site on loopback (mirror layout) for crawler tests that need exact control."""
from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "sthjj.example.gov.cn"
SITES = f"""sites:
  - id: ex-sthjj
    name: 示例市生态环境局
    region: 示例省
    level: city
    start_urls:
      - http://{HOST}/gsgg/index.html
"""
LIST = """<html><body><div class="list"><ul>{items}</ul></div></body></html>"""
ITEM = '<li><a href="./2026/doc{n}.html" title="关于第{n}项整改任务验收销号的公示">关于第{n}项整改任务验收销号的公示</a><span>2026-11-1{n}</span></li>'
DETAIL = """<html><head><meta name="ArticleTitle" content="关于第{n}项整改任务验收销号的公示">
<meta name="PubDate" content="2026-11-1{n} 09:00"></head><body><div class="TRS_Editor">
<p>第{n}项整改任务已完成整改，现予公示。公示期为2026年11月1{n}日至2026年11月2{n}日。</p>
<p>附件：<a href="/files/{n}.txt">第{n}项验收销号表.txt</a></p></div></body></html>"""


class FakeSite:
    """A tiny mirror-layout site whose pages never change but whose files can be swapped.

    It records every request (path, User-Agent, start time) and the most requests it ever had in
    flight at once; ``latency`` makes each answer take that long, ``robots`` is its robots.txt.
    """

    def __init__(self, *, latency: float = 0.0, robots: str = "User-agent: *\nAllow: /\n") -> None:
        self.files = {n: f"第{n}项验收销号表 第1版".encode() for n in (1, 2, 3)}
        self.page_hits = 0
        self.latency = latency
        self.robots = robots
        self.requests: list[tuple[str, str, float]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.removeprefix(f"/{HOST}")
                with site.lock:
                    site.requests.append((path, self.headers.get("User-Agent", ""), time.monotonic()))
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    if site.latency and path != "/robots.txt":
                        time.sleep(site.latency)  # the server is slow; nothing waits on this
                    self._route(path)
                finally:
                    with site.lock:
                        site.in_flight -= 1

            def _route(self, path: str) -> None:
                if path == "/robots.txt":
                    return self._send(200, site.robots.encode(), None)
                if path == "/gsgg/index.html":
                    body = LIST.format(items="".join(ITEM.format(n=n) for n in (1, 2, 3)))
                    return self._send(200, body.encode(), None)
                for n in (1, 2, 3):
                    if path == f"/gsgg/2026/doc{n}.html":
                        site.page_hits += 1
                        return self._send(200, DETAIL.format(n=n).encode(), f'"page-{n}"')
                    if path == f"/files/{n}.txt":
                        data = site.files[n]
                        return self._send(200, data, '"' + hashlib.sha256(data).hexdigest()[:16] + '"')
                return self._send(404, b"not found", None)

            def _send(self, status: int, body: bytes, etag: str | None) -> None:
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8" if self.path.endswith(".txt")
                                 else "text/html; charset=utf-8")
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
