"""An attachment replaced at the same URL behind a page that still answers 304 is caught."""
from __future__ import annotations

import hashlib
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.demo import crawl_command

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
    """A tiny mirror-layout site whose pages never change but whose files can be swapped."""

    def __init__(self) -> None:
        self.files = {n: f"第{n}项验收销号表 第1版".encode() for n in (1, 2, 3)}
        self.page_hits = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.removeprefix(f"/{HOST}")
                if path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nAllow: /\n", None)
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


@pytest.fixture
def fake_site():
    """The fake site, served on loopback for one test."""
    site = FakeSite()
    yield site
    site.server.shutdown()


def test_swapped_attachment_behind_a_304_page_makes_a_new_version(fake_site, tmp_path):
    sites, db = tmp_path / "sites.yaml", tmp_path / "archive.db"
    sites.write_text(SITES, encoding="utf-8")

    def crawl() -> subprocess.CompletedProcess:
        command = crawl_command(db=str(db), sites_file=str(sites), mirror=fake_site.url,
                                clock="2026-11-20T10:00:00+08:00")
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)

    assert crawl().returncode == 0
    fake_site.files[2] = "第2项验收销号表 第2版（更正）".encode()
    result = crawl()
    assert result.returncode == 0, result.stderr[-2000:]

    import sqlite3

    conn = sqlite3.connect(db)
    events = conn.execute("SELECT d.url, e.kind, e.detail FROM events e JOIN documents d ON d.id = e.document_id "
                          "WHERE e.run_id = 2").fetchall()
    assert [(url.rsplit("/", 1)[-1], kind, detail) for url, kind, detail in events] == [
        ("doc2.html", "changed", '{"changed": ["attachments"]}')]
    texts = [t for (t,) in conn.execute("SELECT a.text FROM attachments a JOIN documents d ON d.id = a.document_id "
                                         "WHERE d.url LIKE '%doc2.html' ORDER BY a.id")]
    assert texts == ["第2项验收销号表 第1版", "第2项验收销号表 第2版（更正）"]


def test_an_oversized_attachment_is_recorded_as_an_error_and_the_posting_kept(fake_site, tmp_path):
    sites, db = tmp_path / "sites.yaml", tmp_path / "archive.db"
    sites.write_text(SITES, encoding="utf-8")
    fake_site.files[3] = "超大附件".encode() * 100_000  # 1.2 MB
    command = crawl_command(db=str(db), sites_file=str(sites), mirror=fake_site.url,
                            clock="2026-11-20T10:00:00+08:00", extra=["-s", "DUCHA_MAX_ATTACHMENT_BYTES=100000"])
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]

    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT d.url, a.sha256, a.error FROM attachments a JOIN documents d "
                        "ON d.id = a.document_id ORDER BY d.url").fetchall()
    assert [(url.rsplit("/", 1)[-1], sha is not None) for url, sha, _ in rows] == [
        ("doc1.html", True), ("doc2.html", True), ("doc3.html", False)]
    assert "DUCHA_MAX_ATTACHMENT_BYTES=100000" in rows[2][2]
    assert conn.execute("SELECT count(*) FROM documents WHERE status = 'live'").fetchone()[0] == 3
