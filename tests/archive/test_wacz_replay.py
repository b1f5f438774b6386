"""pywb, Webrecorder's replay server, replays a posting's WACZ as any third party would run it: every archived
version at its own timestamp, byte for byte (``id_``) and as a browsable page (``mp_``), and a posting removed by
a redirect as that redirect, leading to the home page archived the same day.

pywb lives in its own venv, ``.venv-pywb`` (``scripts/setup.sh --test`` makes it from
``scripts/pywb-requirements.txt``): it pins older ``cryptography`` and ``redis`` than the archive."""
from __future__ import annotations

import hashlib
import http.client
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO, in_ci
from tests.crawler.conftest import SimCrawl
from tests.crawler.test_evidence_chains import HOME, REDIRECTED, _cli, two_days  # noqa: F401 (the shared crawl)
from tests.web.browser import free_port, running

PYWB = REPO / ".venv-pywb" / "bin"
COLLECTION = "ducha"
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through an http_proxy


@dataclass
class Replay:
    """A running pywb over one posting's WACZ."""

    base: str  # http://127.0.0.1:PORT/ducha
    document_id: int
    url: str
    versions: list[dict]  # id, captured_at, title, body_text, raw_sha256, oldest first


@pytest.fixture(scope="module")
def pywb_bin() -> Path:
    """pywb's own venv (``scripts/setup.sh --test`` makes it); skipped when absent, fatal under CI."""
    if not (PYWB / "wayback").is_file():
        reason = f"pywb not installed at {PYWB.parent} (bash scripts/setup.sh --test makes it)"
        if in_ci():
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    return PYWB


def _timestamp(captured_at: str) -> str:
    """A version's capture time as the 14-digit UTC timestamp of pywb's replay URLs."""
    return datetime.fromisoformat(captured_at).astimezone(UTC).strftime("%Y%m%d%H%M%S")


@pytest.fixture(scope="module")
def replay(pywb_bin: Path, two_days: SimCrawl, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replay]:  # noqa: F811
    """The WACZ of a posting changed on day 1, added to a fresh pywb collection, served by ``wayback``."""
    changed = two_days.query("SELECT document_id FROM versions GROUP BY document_id HAVING count(*) > 1"
                             " ORDER BY document_id LIMIT 1")
    assert changed, "no posting changed between the two simulated days"
    doc_id = changed[0]["document_id"]
    removed = two_days.query("SELECT id FROM documents WHERE url = ?", (REDIRECTED,))[0]["id"]
    folder = tmp_path_factory.mktemp("pywb")
    steps = [["wb-manager", "init", COLLECTION]]
    for posting in (doc_id, removed):  # the changed posting, and the one removed by a redirect on day 1
        package = folder / f"{posting}.wacz"
        made = _cli(two_days, "evidence", str(posting), "--format", "wacz", "--out", str(package))
        assert made.returncode == 0, made.stderr[-3000:]
        steps.append(["wb-manager", "add", "--unpack-wacz", COLLECTION, str(package)])
    for step in steps:
        done = subprocess.run([str(pywb_bin / step[0]), *step[1:]], cwd=folder, capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
    port = free_port()
    versions = [dict(r) for r in two_days.query(
        "SELECT id, captured_at, title, body_text, raw_sha256 FROM versions WHERE document_id = ? ORDER BY id",
        (doc_id,))]
    url = two_days.query("SELECT url FROM documents WHERE id = ?", (doc_id,))[0]["url"]
    with open(folder / "wayback.log", "wb") as log, running(  # waits, polling, until the port answers
            [str(pywb_bin / "wayback"), "-b", "127.0.0.1", "-p", str(port)], port, cwd=folder, stdout=log,
            stderr=subprocess.STDOUT, timeout=60):
        yield Replay(f"http://127.0.0.1:{port}/{COLLECTION}", doc_id, url, versions)


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with LOOPBACK.open(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_pywb_replays_every_version_byte_for_byte_at_its_own_time(replay):
    assert len(replay.versions) >= 2
    for version in replay.versions:
        ts = _timestamp(version["captured_at"])
        status, headers, body = _get(f"{replay.base}/{ts}id_/{replay.url}")
        assert status == 200
        # the page as the government server sent it that day: the hash the archive recorded for that version
        assert hashlib.sha256(body).hexdigest() == version["raw_sha256"]
        assert datetime.strptime(headers["Memento-Datetime"], "%a, %d %b %Y %H:%M:%S GMT").strftime(
            "%Y%m%d%H%M%S") == ts
    older, newer = replay.versions[0], replay.versions[-1]
    assert older["raw_sha256"] != newer["raw_sha256"]  # the two replays are two different pages


def test_pywb_shows_the_archived_page_with_its_title_and_text(replay):
    older = replay.versions[0]
    status, headers, body = _get(f"{replay.base}/{_timestamp(older['captured_at'])}mp_/{replay.url}")
    assert status == 200 and "text/html" in headers["Content-Type"]
    page = body.decode("utf-8")
    assert f"<title>{older['title']}" in page
    lines = [line for line in older["body_text"].splitlines() if len(line) > 20]
    assert lines and all(line in page for line in lines)
    assert f"/{COLLECTION}/" in page  # the page's links were rewritten into the archive, not to the live site


def test_pywb_serves_the_closest_earlier_capture_between_two_days(replay):
    older, newer = replay.versions[0], replay.versions[1]
    first, second = (datetime.fromisoformat(v["captured_at"]) for v in (older, newer))
    between = first + (second - first) / 4  # nearer the older capture: pywb picks the closest in time
    status, _, body = _get(f"{replay.base}/{between.astimezone(UTC):%Y%m%d%H%M%S}id_/{replay.url}")
    assert status == 200 and hashlib.sha256(body).hexdigest() == older["raw_sha256"]


def test_pywb_replays_a_removal_as_the_redirect_the_server_answered(replay, two_days):  # noqa: F811
    removed = two_days.query("SELECT c.at FROM checks c JOIN documents d ON d.id = c.document_id"
                             " WHERE d.url = ? AND c.outcome = 'removed'", (REDIRECTED,))[0]["at"]
    version = two_days.query("SELECT v.captured_at, v.title FROM versions v JOIN documents d"
                             " ON d.id = v.document_id WHERE d.url = ?", (REDIRECTED,))[0]
    port, prefix = replay.base.removeprefix("http://127.0.0.1:").split("/", 1)
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    try:  # the day it was taken down: the 302 to the home page, kept as the server sent it (id_)
        connection.request("GET", f"/{prefix}/{_timestamp(removed)}id_/{REDIRECTED}")
        answer = connection.getresponse()
        answer.read()
        assert (answer.status, answer.getheader("Location")) == (302, HOME)
    finally:
        connection.close()
    # as a page, the redirect is followed to the home page archived that day, not to the live site
    status, headers, body = _get(f"{replay.base}/{_timestamp(removed)}mp_/{REDIRECTED}")
    assert status == 200 and headers["Content-Location"].endswith(f"/{_timestamp(removed)}mp_/{HOME}")
    # the day before, the posting itself
    status, _, body = _get(f"{replay.base}/{_timestamp(version['captured_at'])}mp_/{REDIRECTED}")
    assert status == 200 and f"<title>{version['title']}" in body.decode("utf-8")
