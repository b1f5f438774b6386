"""Scanned postings crawled for real: an image-only PDF, a JPEG attachment and a PNG body on the simulated web.

One crawl with ``DUCHA_OCR_MAX_PAGES=1`` (so the two-page PDF is capped), then ``ducha ocr`` finishes it,
then a ``--full`` re-crawl must recognise nothing again (same files, same digests).
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import pytest

from archive.search import search
from bench.ocr_bench import char_accuracy
from tests.crawler.conftest import SimCrawl, make_sim_crawl
from tests.web.browser import MISSING, chromium_path, dump_dom, serve


def _stat(stderr: str, name: str) -> int:
    match = re.search(rf"'ducha/ocr/{name}': (\d+)", stderr)
    return int(match.group(1)) if match else 0


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SimCrawl, dict]]:
    """Day 0 of one site whose three postings are scans, crawled with a one-page cap; plus `ducha ocr`."""
    sim = make_sim_crawl(tmp_path_factory.mktemp("scans"), docs_per_site=3, scans=1)
    first = sim.crawl(0, "--site", "mee", "-s", "DUCHA_OCR_MAX_PAGES=1")
    capped = [dict(r) for r in sim.query("SELECT url, ocr_pages_done, ocr_pages_total, error FROM attachments"
                                          " WHERE ocr_pages_done < ocr_pages_total")]
    ocr_run = subprocess.run([sys.executable, "-m", "crawler.cli", "ocr", "--db", str(sim.db)],
                             capture_output=True, text=True, timeout=600, check=False)
    yield sim, {"first": first, "capped": capped, "ocr": ocr_run}
    sim.server.close()


def _posting(manifest: dict, predicate) -> dict:
    return next(p for p in manifest["postings"] if p["site_id"] == "mee" and predicate(p))


def test_crawl_recognises_scans_and_marks_them(scans):
    sim, runs = scans
    assert runs["first"].returncode == 0, runs["first"].stderr[-2000:]
    manifest = sim.manifest(0)
    rows = {r["url"]: dict(r) for r in sim.query("SELECT * FROM attachments")}
    pdf = _posting(manifest, lambda p: any(a["kind"] == "scanpdf" for a in p["attachments"]))["attachments"][0]
    jpg = _posting(manifest, lambda p: any(a["kind"] == "jpg" for a in p["attachments"]))["attachments"][0]
    body = _posting(manifest, lambda p: "body_images" in p)["body_images"][0]
    for url in (pdf["url"], jpg["url"], body["url"]):
        row = rows[url]
        assert row["text_source"] == "ocr" and row["ocr_engine"].startswith("rapidocr ")
        assert 0.8 < row["ocr_confidence"] <= 1 and row["error"] is None
        assert row["ocr_pages_done"] == row["ocr_pages_total"]
    # the typed PDF of the same site is never recognised
    typed = [r for r in rows.values() if r["url"].endswith(".pdf") and r["url"] != pdf["url"]]
    assert typed and all(r["text_source"] == "typed" and r["ocr_engine"] is None for r in typed)
    # accuracy against the ground truth, page by page, for the non-table pages
    pages = {}
    for sha, blob in sim.query("SELECT sha256, pages FROM ocr_results"):
        pages[sha] = {p["index"]: p["text"] for p in json.loads(blob)}
    truth = [(rows[pdf["url"]]["sha256"], 0, pdf["scan"]["pages"][0]),
             (rows[body["url"]]["sha256"], 0, body["scan"]["pages"][0])]
    for sha, index, page in truth:
        assert page["kind"] != "table"
        assert char_accuracy(page["text"], pages[sha][index]) >= 0.95, (page["kind"], pages[sha][index])


def test_page_cap_queues_the_rest_and_ducha_ocr_finishes_it(scans):
    sim, runs = scans
    assert [(c["ocr_pages_done"], c["ocr_pages_total"]) for c in runs["capped"]] == [(1, 2)]
    assert "recognised 1 of 2 scanned pages" in runs["capped"][0]["error"]
    assert runs["ocr"].returncode == 0, runs["ocr"].stderr[-2000:]
    summary = json.loads(runs["ocr"].stdout.strip().splitlines()[-1])
    assert (summary["files"], summary["done"], summary["pages"]) == (1, 1, 1)
    row = sim.query("SELECT ocr_pages_done, ocr_pages_total, text FROM attachments WHERE url = ?",
                    (runs["capped"][0]["url"],))[0]
    assert (row["ocr_pages_done"], row["ocr_pages_total"]) == (2, 2)


def test_search_finds_words_that_exist_only_in_scans(scans):
    sim, _ = scans
    conn = sqlite3.connect(sim.db)
    typed = "\n".join(t or "" for (t,) in conn.execute(
        "SELECT title || char(10) || coalesce(body_text, '') FROM versions UNION ALL "
        "SELECT text FROM attachments WHERE text_source = 'typed'"))
    manifest = sim.manifest(0)
    found = 0
    for posting in (p for p in manifest["postings"] if p["site_id"] == "mee"):
        scans_truth = [pg["text"] for a in posting["attachments"] for pg in a.get("scan", {}).get("pages", [])]
        scans_truth += [pg["text"] for b in posting.get("body_images", []) for pg in b["scan"]["pages"]]
        text = "".join("".join(scans_truth).split())
        words = [text[i:i + 4] for i in range(0, len(text) - 4, 3)]
        word = next(w for w in words if re.fullmatch(r"[\u4e00-\u9fff]{4}", w) and w not in typed)
        hits = {r["url"] for r in search(conn, word, limit=50)}
        assert posting["url"] in hits, word
        found += 1
    conn.close()
    assert found == 3


def test_recrawl_never_recognises_an_unchanged_file_again(scans):
    sim, _ = scans
    conn = sqlite3.connect(sim.db)  # forget the validators: every page and file is downloaded again (200)
    with conn:
        conn.execute("UPDATE documents SET etag = NULL, last_modified = NULL")
    conn.close()
    again = sim.crawl(0, "--site", "mee", "--full")  # the same day: every file unchanged
    assert again.returncode == 0, again.stderr[-2000:]
    assert _stat(again.stderr, "pages") == 0
    assert _stat(again.stderr, "cached_files") >= 3
    assert [r[0] for r in sim.query("SELECT count(*) FROM ocr_results")] == [3]


def test_document_page_in_chromium_marks_recognised_text(scans):
    sim, _ = scans
    if chromium_path() is None:
        pytest.fail(MISSING)
    doc_id, url = sim.query("SELECT d.id, a.url FROM documents d JOIN attachments a ON a.document_id = d.id"
                            " WHERE a.url LIKE '%.jpg'")[0]
    with serve(sim.db) as base:
        dom = dump_dom(f"{base}/-/ducha/document/{doc_id}")
    assert "识别文字（OCR）" in dom
    assert re.search(r'class="ocr-badge"[^>]*>识别文字（OCR）<', dom)
    assert re.search(r"rapidocr 1\.4\.4 · 平均置信度 mean confidence \d+%", dom)
    assert f'href="{url}"' in dom  # the original a click away
    assert 'class="attachment-text ocr-text"' in dom
