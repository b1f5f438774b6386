"""WACZ packages: a posting's package (with its redirect chain) validates with the reference validator, holds
every exchange and page, and a tampered byte is detected."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from archive.wacz import surt
from tests.crawler.conftest import SimCrawl
from tests.crawler.test_evidence_chains import REDIRECTED, _cli, two_days  # noqa: F401 (the shared crawl)

WACZ = str(Path(sys.executable).with_name("wacz"))


def _validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([WACZ, "validate", "-f", str(path)], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def package(two_days: SimCrawl, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The WACZ of the posting removed by a redirect, written by ``ducha evidence --format wacz``."""
    doc_id = two_days.query("SELECT id FROM documents WHERE url = ?", (REDIRECTED,))[0]["id"]
    out = tmp_path_factory.mktemp("wacz-out") / f"{doc_id}.wacz"
    result = _cli(two_days, "evidence", str(doc_id), "--format", "wacz", "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout)["files"] == [str(out)]
    return out


def test_a_postings_wacz_validates_with_the_reference_validator(package):
    result = _validate(package)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation succeeded" in result.stdout


def test_the_wacz_holds_every_exchange_its_index_and_pages(package, two_days):  # noqa: F811
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        index = zf.read("indexes/index.cdx").decode().splitlines()
        pages = [json.loads(line) for line in zf.read("pages/pages.jsonl").decode().splitlines()]
        datapackage = json.loads(zf.read("datapackage.json"))
        assert all(info.compress_type == zipfile.ZIP_STORED for info in zf.infolist())
    doc_id = two_days.query("SELECT id FROM documents WHERE url = ?", (REDIRECTED,))[0]["id"]
    assert {"datapackage.json", "datapackage-digest.json", "indexes/index.cdx", "pages/pages.jsonl",
            f"archive/{doc_id}.warc.gz", f"ducha/{doc_id}.manifest.json"} == names
    assert datapackage["wacz_version"] == "1.1.1"
    assert {r["path"] for r in datapackage["resources"]} == names - {"datapackage.json", "datapackage-digest.json"}
    assert pages[0]["format"] == "json-pages-1.0"
    versions = two_days.query("SELECT captured_at FROM versions WHERE document_id = ?", (doc_id,))
    assert [p["ts"] for p in pages[1:]] == [v["captured_at"] for v in versions]
    entries = [json.loads(line.split(" ", 2)[2]) for line in index]
    # the redirect chain (302 to the home page) is in the package and indexed next to the page's own captures
    assert {(e["url"], e["status"]) for e in entries} >= {(REDIRECTED, "302"), (REDIRECTED, "200")}
    assert index == sorted(index) and all(line.startswith(surt(e["url"])) for line, e in zip(index, entries))
    with zipfile.ZipFile(package) as zf, zf.open(f"archive/{doc_id}.warc.gz") as fh:
        from warcio.archiveiterator import ArchiveIterator
        kinds = [r.rec_type for r in ArchiveIterator(fh)]
    assert kinds.count("request") == kinds.count("response") > 0


def test_a_tampered_byte_in_a_wacz_is_detected(package, tmp_path):
    tampered = tmp_path / "tampered.wacz"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = bytearray(src.read(info))
            if info.filename == "indexes/index.cdx":  # one capture backdated by a year: one byte, same length
                at = data.index(b" 20") + 4
                data[at] = ord("0") + (data[at] - ord("0") + 9) % 10
            dst.writestr(info, bytes(data))
    result = _validate(tampered)
    assert result.returncode == 1
    assert "Validation failed" in result.stdout
    named = result.stdout.split("'index.cdx': [")[1].split("]")[0]  # the altered file is named, with its error
    assert "hash" in named


def test_surt_keys():
    assert surt("https://www.Example.com/A?b=1&a=2") == "com,example)/a?a=2&b=1"
    assert surt("http://sthjj.panjin.gov.cn:8080/") == "cn,gov,panjin,sthjj:8080)/"


def test_a_runs_wacz_holds_its_warc_files_and_new_versions(two_days, tmp_path):  # noqa: F811
    result = _cli(two_days, "evidence", "--run", "1", "--format", "wacz", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    assert _validate(tmp_path / "run-1.wacz").returncode == 0
    with zipfile.ZipFile(tmp_path / "run-1.wacz") as zf:
        pages = zf.read("pages/pages.jsonl").decode().splitlines()[1:]
        warcs = {n.removeprefix("archive/") for n in zf.namelist() if n.startswith("archive/")}
    run = two_days.query("SELECT warc_files FROM runs WHERE id = 1")[0]
    assert warcs == set(json.loads(run["warc_files"])) != set()
    assert len(pages) == two_days.query("SELECT count(*) AS n FROM events WHERE run_id = 1 AND kind = 'new'")[0]["n"]
    assert _cli(two_days, "evidence", "--run", "1").returncode == 2  # a run's package is a WACZ only
