"""The daily chain on the web: each manifest, its signature, its timestamp and the public key served byte for byte
under ``/-/ducha/chain/``, nothing else from that folder (no path outside it), the Atom feed of manifests, and
the document page linking a posting's package and the manifests of the runs that captured it."""
from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import httpx
import pytest
from datasette.app import Datasette

from archive.chain import chain_dir, init_keys, write_manifest
from archive.store import Archive
from tests.archive.test_tsa import tsa  # noqa: F401 (the local time-stamping authority)
from tests.web.conftest import METADATA, SETTINGS
from tests.web.corpus import build_corpus

ATOM = "{http://www.w3.org/2005/Atom}"
CSP_START = "default-src 'self'"


@pytest.fixture(scope="module")
def chained(tmp_path_factory: pytest.TempPathFactory, tsa: tuple[str, Path]) -> Path:  # noqa: F811
    """The synthetic archive with a signing key and a manifest per run; the last one time-stamped."""
    path = build_corpus(tmp_path_factory.mktemp("chain-web") / "archive.db").path
    init_keys(path)
    with Archive(path) as archive, pytest.MonkeyPatch.context() as env:
        runs = archive.conn.execute("SELECT id, finished_at FROM runs ORDER BY id").fetchall()
        for run_id, finished_at in runs:
            if run_id == runs[-1][0]:
                env.setenv("DUCHA_TSA_URL", tsa[0])
            write_manifest(archive.conn, path, run_id, now=finished_at, warc_dir=path.parent / "warc")
    return path


@pytest.fixture(scope="module")
def get_chain(chained: Path) -> Iterator[Callable[..., httpx.Response]]:
    """GET a path from Datasette over the chained archive."""
    loop = asyncio.new_event_loop()
    ds = Datasette([str(chained)], metadata=json.loads(METADATA.read_text(encoding="utf-8")), settings=SETTINGS)
    yield lambda path: loop.run_until_complete(ds.client.get(path))
    loop.close()


def _manifests(db: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM chain_manifests ORDER BY run_id DESC").fetchall()
    finally:
        conn.close()


def test_every_chain_file_is_served_byte_for_byte_with_the_security_headers(chained, get_chain):
    folder = chain_dir(chained)
    rows = _manifests(chained)
    assert len(rows) >= 3 and all(r["signed"] for r in rows)
    assert [r["timestamped"] for r in rows] == [1] + [0] * (len(rows) - 1)  # only the newest is time-stamped
    names = ["ducha-chain.pub.pem"] + [f"{r['run_id']}.{ext}" for r in rows for ext in ("json", "sig")]
    names.append(f"{rows[0]['run_id']}.tsr")
    for name in names:
        response = get_chain(f"/-/ducha/chain/{name}")
        assert response.status_code == 200, name
        assert response.content == (folder / name).read_bytes()
        assert response.headers["content-security-policy"].startswith(CSP_START)
        assert response.headers["x-content-type-options"] == "nosniff"
    assert get_chain(f"/-/ducha/chain/{rows[0]['run_id']}.json").headers["content-type"].startswith(
        "application/json")
    assert get_chain(f"/-/ducha/chain/{rows[0]['run_id']}.tsr").headers["content-type"] == (
        "application/timestamp-reply")


@pytest.mark.parametrize("name", ["999.json", "999.sig", "1.tsr", "1.txt", "chain", "1.json.bak"])
def test_unknown_chain_files_are_404(get_chain, name):
    response = get_chain(f"/-/ducha/chain/{name}")
    assert response.status_code == 404
    assert response.headers["content-security-policy"].startswith(CSP_START)


def test_a_file_the_chain_does_not_record_is_not_served(chained, get_chain):
    """A stray ``N.json`` / ``N.sig`` in chain/ (left over, or planted) is no manifest of the chain: 404."""
    folder = chain_dir(chained)
    stray = max(r["run_id"] for r in _manifests(chained)) + 7
    for ext in ("json", "sig"):
        (folder / f"{stray}.{ext}").write_bytes(b'{"forged": true}')
    try:
        for ext in ("json", "sig"):
            assert get_chain(f"/-/ducha/chain/{stray}.{ext}").status_code == 404
    finally:
        for ext in ("json", "sig"):
            (folder / f"{stray}.{ext}").unlink()


@pytest.mark.parametrize("path", [
    "/-/ducha/chain/..%2Fkeys%2Fducha-chain.key", "/-/ducha/chain/%2e%2e/keys/ducha-chain.key",
    "/-/ducha/chain/..%2Farchive.db", "/-/ducha/chain/1.json%2F..%2F..%2Farchive.db",
    "/-/ducha/chain/%2Fetc%2Fpasswd", "/-/ducha/chain/..%5C..%5Carchive.db", "/-/ducha/chain/1.json%00.pem",
])
def test_nothing_outside_the_chain_folder_is_served(chained, get_chain, path):
    response = get_chain(path)
    assert response.status_code == 404
    secret = (chained.parent / "keys" / "ducha-chain.key").read_bytes()
    assert secret not in response.content and b"SQLite format" not in response.content


def _entries(response: httpx.Response) -> list[ElementTree.Element]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_the_chain_feed_lists_every_manifest_newest_first_with_its_files(chained, get_chain):
    rows = _manifests(chained)
    entries = _entries(get_chain("/archive/feed_chain.atom"))
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"urn:ducha:chain:{r['run_id']}" for r in rows]
    for entry, row in zip(entries, rows):
        run_id = row["run_id"]
        links = {link.get("rel", "alternate"): [] for link in entry.findall(f"{ATOM}link")}
        for link in entry.findall(f"{ATOM}link"):
            links[link.get("rel", "alternate")].append(link.get("href").removeprefix("http://localhost"))
        assert links["alternate"] == [f"/-/ducha/chain/{run_id}.json"]
        expected = [f"/-/ducha/chain/{run_id}.sig", *([f"/-/ducha/chain/{run_id}.tsr"] if row["timestamped"] else []),
                    "/-/ducha/chain/ducha-chain.pub.pem"]
        assert links["related"] == expected
        content = entry.findtext(f"{ATOM}content")
        served = get_chain(links["alternate"][0]).content
        assert f"清单 SHA-256 manifest {row['sha256']}" in content
        assert hashlib.sha256(served).hexdigest() == row["sha256"]  # the feed's hash is the served file's
        previous = f"run {row['previous_run_id']} SHA-256 {row['previous_sha256']}"
        assert (previous if row["previous_run_id"] else "链的起点 first of the chain") in content
        assert ("可信时间戳 RFC 3161 timestamp" in content) == bool(row["timestamped"])
        assert all(get_chain(href).status_code == 200 for href in links["related"])
        assert entry.findtext(f"{ATOM}updated") == row["created_at"]


def test_a_feed_reader_sees_each_manifest_with_its_signature(chained, get_chain):
    parsed = feedparser.parse(get_chain("/archive/feed_chain.atom").content)
    assert not parsed.bozo and len(parsed.entries) == len(_manifests(chained))
    newest = parsed.entries[0]
    assert newest.link.endswith(".json")
    assert {link.get("title") for link in newest.links if link.rel == "related"} == {
        "Ed25519 signature", "RFC 3161 timestamp", "public key"}


def test_the_chain_feed_is_valid_and_empty_before_the_first_manifest(get_empty):
    assert _entries(get_empty("/archive/feed_chain.atom")) == []


def test_the_document_page_links_its_package_and_the_manifests_of_its_versions(chained, get_chain):
    conn = sqlite3.connect(chained)
    runs_of = {}
    for doc_id, run_id in conn.execute("SELECT document_id, run_id FROM versions ORDER BY id"):
        runs_of.setdefault(doc_id, set()).add(run_id)
    stamped = {r[0] for r in conn.execute("SELECT run_id FROM chain_manifests WHERE timestamped = 1")}
    conn.close()
    assert stamped & set().union(*runs_of.values())  # some posting has a version in the time-stamped run
    for doc_id, runs in runs_of.items():
        page = get_chain(f"/-/ducha/document/{doc_id}").text
        assert f'href="/-/ducha/wacz/{doc_id}"' in page
        for run_id in runs:
            assert f'href="/-/ducha/chain/{run_id}.json"' in page and f'href="/-/ducha/chain/{run_id}.sig"' in page
            assert (f'href="/-/ducha/chain/{run_id}.tsr"' in page) == (run_id in stamped)
        assert 'href="/-/ducha/chain/ducha-chain.pub.pem"' in page and 'href="/archive/feed_chain.atom"' in page
    assert get_chain("/-/ducha/wacz/999999").status_code == 404
