"""Regenerate ``docs/screenshots/*.png`` from the synthetic archive: ``.venv/bin/python tests/web/screenshots.py``."""
from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.web.browser import REPO, screenshot, serve
from tests.web.corpus import build_corpus

log = logging.getLogger(__name__)
OUT = REPO / "docs" / "screenshots"


def main() -> int:
    """Build the synthetic archive, serve it, and capture the home, search and document pages."""
    logging.basicConfig(level=logging.INFO)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp) / "archive.db")
        with serve(corpus.path) as url:
            pages = {
                "home.png": "/",
                "search.png": "/archive/search?q=%E9%94%80%E5%8F%B7",
                "table-search.png": "/archive/documents?_search=%E9%94%80%E5%8F%B7",
                "document.png": f"/-/ducha/document/{corpus.ids['plan']}",
                "document-xss.png": f"/-/ducha/document/{corpus.ids['xss']}",
            }
            for name, path in pages.items():
                size = "1280,2200" if name == "document.png" else "1280,900"
                log.info("%s ← %s", screenshot(url + path, OUT / name, size=size), path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
