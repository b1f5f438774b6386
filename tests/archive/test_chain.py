"""The daily chain over real crawls: signed manifests linked by hash; ``ducha verify --chain`` names a rewritten
WARC file, version row or earlier manifest; without a key the manifests are unsigned and say so."""
from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from datasette.app import Datasette

from tests.crawler.conftest import SimCrawl, make_sim_crawl
from tests.web.conftest import METADATA, SETTINGS

SITE = ("--site", "pj-sthjj")
DAYS = (0, 1, 2)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=300, check=False)


def _get(sim: SimCrawl, path: str):
    ds = Datasette([str(sim.db)], metadata=json.loads(METADATA.read_text(encoding="utf-8")), settings=SETTINGS)
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def chained(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimCrawl]:
    """pj-sthjj crawled on three simulated days with a signing key made first."""
    sim = make_sim_crawl(tmp_path_factory.mktemp("chain"), docs_per_site=40)
    try:
        assert _cli(sim.db, "keys", "init").returncode == 0
        for day in DAYS:
            result = sim.crawl(day, *SITE)
            assert result.returncode == 0, result.stderr[-2000:]
    finally:
        sim.server.close()
    return sim


@pytest.fixture()
def copy(chained: SimCrawl, tmp_path: Path) -> Path:
    """A copy of the archive folder (database, WARC files, chain, keys) to tamper with; its database path."""
    shutil.copytree(chained.db.parent, tmp_path / "copy")
    return tmp_path / "copy" / chained.db.name


def _manifest(db: Path, run_id: int) -> dict:
    return json.loads((db.parent / "chain" / f"{run_id}.json").read_text(encoding="utf-8"))


def test_the_chain_of_every_run_is_signed_linked_and_verifies(chained):
    chain = chained.db.parent / "chain"
    assert sorted(p.name for p in chain.glob("*.json")) == [f"{n}.json" for n in (1, 2, 3)]
    for run_id in (2, 3):
        previous = _manifest(chained.db, run_id)["previous"]
        assert previous == {"run_id": run_id - 1,
                            "sha256": hashlib.sha256((chain / f"{run_id - 1}.json").read_bytes()).hexdigest()}
    first = _manifest(chained.db, 1)
    assert first["previous"] is None and first["warc_files"] and first["versions"]
    new = chained.query("SELECT count(*) AS n FROM versions WHERE run_id = 1")[0]["n"]
    assert len(first["versions"]) == new
    result = _cli(chained.db, "verify", "--chain")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "chain: 3 manifests, 3 signed, 0 timestamps verified: ok" in result.stdout
    # a third party with openssl alone checks a day's signature against the published key
    openssl = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(chain / "ducha-chain.pub.pem"),
                              "-rawin", "-in", str(chain / "2.json"), "-sigfile", str(chain / "2.sig")],
                             capture_output=True, text=True, check=False)
    assert openssl.returncode == 0 and "Signature Verified Successfully" in openssl.stdout


def test_a_rewritten_warc_file_is_named(copy):
    name = _manifest(copy, 1)["warc_files"][0]["name"]
    warc = copy.parent / "warc" / name
    data = bytearray(warc.read_bytes())
    data[-10] ^= 0x01
    warc.write_bytes(bytes(data))
    result = _cli(copy, "verify", "--chain")
    assert result.returncode == 1
    assert f"FAILED WARC file {name} of run 1 was altered" in result.stderr


def test_a_rewritten_version_row_is_named(copy):
    conn = sqlite3.connect(copy)
    with conn:
        version, document = conn.execute("SELECT id, document_id FROM versions WHERE run_id = 1 ORDER BY id").fetchone()
        conn.execute("UPDATE versions SET body_text = body_text || '（已更正）' WHERE id = ?", (version,))
    conn.close()
    result = _cli(copy, "verify", "--chain")
    assert result.returncode == 1
    assert f"FAILED version {version} (document {document}) of run 1 was altered" in result.stderr


def test_a_rewritten_earlier_manifest_is_named_even_when_the_table_is_rewritten_too(copy):
    path = copy.parent / "chain" / "1.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["versions"] = manifest["versions"][1:]  # a version hidden from the record
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE chain_manifests SET sha256 = ? WHERE run_id = 1",
                     (hashlib.sha256(path.read_bytes()).hexdigest(),))
    conn.close()
    result = _cli(copy, "verify", "--chain")
    assert result.returncode == 1
    assert "FAILED manifest of run 1 (1.json) was altered" in result.stderr
    assert "the next manifest links" in result.stderr
    assert "FAILED manifest of run 1 (1.json): its signature does not verify" in result.stderr


def test_without_a_key_manifests_are_unsigned_and_verify_says_so(tmp_path):
    sim = make_sim_crawl(tmp_path, docs_per_site=10)
    try:
        result = sim.crawl(0, *SITE)
    finally:
        sim.server.close()
    assert result.returncode == 0, result.stderr[-2000:]  # no key: the crawl still succeeds
    assert not (tmp_path / "chain" / "1.sig").exists() and (tmp_path / "chain" / "1.json").exists()
    verify = _cli(sim.db, "verify", "--chain")
    assert verify.returncode == 0, verify.stderr[-3000:]
    assert "NOTE manifest of run 1 is unsigned" in verify.stderr
    assert "chain: 1 manifests, 0 signed" in verify.stdout


def test_the_document_page_links_the_wacz_and_the_days_signed_manifest(chained, tmp_path):
    doc_id, run_id = chained.query("SELECT document_id, run_id FROM versions WHERE run_id = 2 ORDER BY id")[0]
    page = _get(chained, f"/-/ducha/document/{doc_id}")
    assert page.status_code == 200
    assert f'href="/-/ducha/wacz/{doc_id}"' in page.text
    assert f'href="/-/ducha/chain/{run_id}.json"' in page.text and 'href="/-/ducha/chain/ducha-chain.pub.pem"' in page.text
    chain = chained.db.parent / "chain"
    for name in (f"{run_id}.json", f"{run_id}.sig", "ducha-chain.pub.pem"):
        served = _get(chained, f"/-/ducha/chain/{name}")
        assert served.status_code == 200 and served.content == (chain / name).read_bytes()
    assert _get(chained, "/-/ducha/chain/..%2Fkeys%2Fducha-chain.key").status_code == 404  # never the secret key
    wacz = _get(chained, f"/-/ducha/wacz/{doc_id}")
    assert wacz.status_code == 200 and "attachment" in wacz.headers["content-disposition"]
    (tmp_path / "p.wacz").write_bytes(wacz.content)
    validator = subprocess.run([str(Path(sys.executable).with_name("wacz")), "validate", "-f", str(tmp_path / "p.wacz")],
                               capture_output=True, text=True, check=False)
    assert validator.returncode == 0, validator.stdout
    assert _get(chained, "/-/ducha/wacz/999999").status_code == 404


def test_an_archive_begun_again_does_not_inherit_old_signatures(archive):
    from archive.chain import chain_dir, verify_chain, write_manifest
    from tests.archive.test_tsa import _one_run

    stale = chain_dir(archive.path) / "1.sig"  # left by an earlier archive of the same folder
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x" * 64)
    run_id = _one_run(archive)
    write_manifest(archive.conn, archive.path, run_id, now="2026-11-23T09:06:00+08:00", warc_dir=archive.warc_dir)
    report = verify_chain(archive.path)
    assert report.ok and report.notes == [f"manifest of run {run_id} is unsigned (no key when it was written)"]
