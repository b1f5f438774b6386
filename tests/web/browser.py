"""Helpers for real-browser tests and screenshots: a Datasette subprocess and headless Chromium."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MISSING = ("chromium is not installed: run `scripts/setup.sh --test` (or `apt-get install -y chromium`); "
           "the browser tests need Debian's /usr/bin/chromium")

REPO = Path(__file__).resolve().parents[2]


def chromium_path() -> str | None:
    """The Chromium executable, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(proc: subprocess.Popen, port: int, *, timeout: float = 30.0) -> None:
    """Poll until ``port`` accepts connections (bounded), failing early if the server died."""
    name = " ".join(map(str, proc.args))[:200] if isinstance(proc.args, list) else str(proc.args)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            try:
                proc.wait(timeout=0.1)  # returns only if the server exited
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"{name} exited with status {proc.returncode}")
    raise RuntimeError(f"{name} did not listen on port {port} within {timeout} s")


@contextmanager
def running(command: list[str], port: int, *, cwd: Path | None = None, stdout: Any = subprocess.DEVNULL,
            stderr: Any = subprocess.PIPE, timeout: float = 30.0) -> Iterator[subprocess.Popen]:
    """Run a server that listens on loopback ``port``; wait until it accepts connections; stop it on the way out."""
    proc = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=cwd)
    try:
        _wait_for_port(proc, port, timeout=timeout)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def serve(db: Path, *, command: list[str] | None = None, cwd: Path | None = None) -> Iterator[str]:
    """Run ``ducha serve`` (by default this checkout's) on a free loopback port; yield its base URL."""
    port = free_port()
    base = command or [sys.executable, "-m", "crawler.cli"]
    with running([*base, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)], port, cwd=cwd):
        yield f"http://127.0.0.1:{port}"


def _chromium(*args: str) -> subprocess.CompletedProcess:
    exe = chromium_path()
    if exe is None:
        raise RuntimeError(MISSING)
    with tempfile.TemporaryDirectory(prefix="ducha-chromium-") as profile:
        return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, timeout=90, check=False)


def dump_dom(url: str) -> str:
    """The DOM Chromium builds for ``url`` after running the page's scripts."""
    result = _chromium("--virtual-time-budget=3000", "--dump-dom", url)
    if result.returncode != 0:
        raise RuntimeError(f"chromium failed ({result.returncode}): {result.stderr.decode(errors='replace')[-500:]}")
    return result.stdout.decode("utf-8", errors="replace")


def screenshot(url: str, path: Path, *, size: str = "1280,900") -> Path:
    """Save a PNG screenshot of ``url``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    result = _chromium(f"--screenshot={path}", f"--window-size={size}", "--hide-scrollbars",
                       "--virtual-time-budget=3000", url)
    if result.returncode != 0 or not path.is_file():
        raise RuntimeError(f"chromium screenshot failed: {result.stderr.decode(errors='replace')[-500:]}")
    return path


def page_widths(urls: list[str], *, width: int = 390, height: int = 844) -> dict[str, int]:
    """``document.documentElement.scrollWidth`` of each page in Chromium at a phone's viewport width."""
    return {url: seen["width"] for url, seen in look(urls, width=width, height=height).items()}


#: Run in each page: what the face tests look at (charts, column headers, widths).
_LOOK = """() => {
  const visible = el => el.offsetParent !== null && el.getClientRects().length > 0;
  const charts = [...document.querySelectorAll('section.content svg')];
  const fonts = charts.flatMap(svg => [...svg.querySelectorAll('text')].map(
      t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a));
  const lines = el => { const range = document.createRange(); range.selectNodeContents(el);
      return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size; };
  const headers = [...document.querySelectorAll('th')].filter(visible).map(th => ({
      text: th.innerText.trim(), lines: lines(th)}));
  return {width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
          marks: charts.reduce((n, svg) => n + svg.querySelectorAll('rect[data-kind]').length, 0),
          tables_cut: [...document.querySelectorAll('table')].filter(
              t => visible(t) && t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length,
          canvases: document.querySelectorAll('canvas').length, chart_fonts: fonts, headers: headers};
}"""


def look(urls: list[str], *, width: int, height: int = 900) -> dict[str, dict]:
    """Visit each URL in headless Chromium at ``width`` px: the console's errors (a refused script is one),
    page width and height, chart marks (``rect[data-kind]`` of the SVG charts, ``canvas``), rendered chart font
    sizes in px, tables reaching past the right edge (``tables_cut``: cut off by a scrolling box) and the
    visible table headers (text, lines it takes)."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError(MISSING)
    found: dict[str, dict] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox"])
        try:
            phone = width < 600
            context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone,
                                          has_touch=phone, device_scale_factor=2 if phone else 1)
            for url in urls:
                page = context.new_page()
                errors: list[str] = []
                page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                page.goto(url, wait_until="load")
                found[url] = {**page.evaluate(_LOOK), "errors": errors}
                page.close()
        finally:
            browser.close()
    return found
