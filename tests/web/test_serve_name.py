"""``ducha serve --db /path/x.db``: the database name follows the file everywhere."""
from __future__ import annotations

import asyncio

from datasette.app import Datasette

from crawler.serve import metadata_for
from tests.web.corpus import build_corpus


def test_any_archive_file_name_serves_home_queries_feeds_and_documents(tmp_path):
    corpus = build_corpus(tmp_path / "ducha-2026.db")
    ds = Datasette([str(corpus.path)], metadata=metadata_for(corpus.path), settings={"sql_time_limit_ms": 3000})
    loop = asyncio.new_event_loop()
    try:
        def get(path: str):
            return loop.run_until_complete(ds.client.get(path))

        home = get("/")
        assert home.status_code == 200
        assert 'action="/ducha-2026/search"' in home.text
        assert get("/ducha-2026/latest").status_code == 200
        assert get("/ducha-2026/search?q=销号").status_code == 200
        assert get("/ducha-2026/latest.atom").status_code == 200
        assert get(f"/-/ducha/document/{next(iter(corpus.ids.values()))}").status_code == 200
        assert "Disallow: /ducha-2026" in get("/robots.txt").text
    finally:
        loop.close()
