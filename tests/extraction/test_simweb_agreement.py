"""extract_page against the simulated web's ground truth (every family, over loopback HTTP)."""
from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest

from crawler.extraction.decode import decode_html
from crawler.extraction.docnumbers import find_doc_numbers
from crawler.extraction.page import extract_page
from crawler.extraction.text import normalise_line

simweb_world = pytest.importorskip("simweb.world")
simweb_server = pytest.importorskip("simweb.server")


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, dict]]:
    """The simulated web on day 0 (5 postings per site) and its manifest."""
    world = simweb_world.World(seed=1, docs_per_site=5)
    server = simweb_server.serve_in_thread(world, port=0, day=0)
    try:
        yield server.url.rstrip("/"), world.manifest(0)
    finally:
        server.close()


def test_every_live_posting_matches_the_manifest(served: tuple[str, dict]) -> None:
    base, manifest = served
    live = [p for p in manifest["postings"] if p["status"] == "live"]
    assert live
    for posting in live:
        with urllib.request.urlopen(f"{base}/{posting['url'].split('://', 1)[1]}", timeout=10) as response:
            text, _ = decode_html(response.read(), header_charset=response.headers.get_content_charset())
        page = extract_page(text, posting["url"], list_date=posting.get("list_date"))
        where = posting["url"]
        assert page.title == posting["title"], where
        assert (page.dates["cms"], page.dates["stated"], page.dates["url"]) == (
            posting["cms_date"], posting["stated_date"], posting["url_date"]), where
        assert page.doc_type == posting["doc_type"], where
        assert page.doc_numbers == find_doc_numbers(" ".join(posting["doc_numbers"])), where
        assert len(page.attachments) == len(posting["attachments"]), where
        for line in (normalise_line(ln) for ln in posting["body_text"].split("\n")):
            if line:  # present; long paragraphs exactly once (no repeated print view)
                assert page.body_text.count(line) == 1 if len(line) >= 20 else line in page.body_text, (where, line)
        assert not page.is_soft_404, where
