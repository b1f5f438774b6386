"""The web face under attack: hostile ids and sorts answer 4xx, every page carries security headers,
arbitrary SQL has its own small budget."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from datasette.app import Datasette

from archive.web.guard import SQL_TIME_LIMIT_MS

REPO = Path(__file__).resolve().parents[2]
SLOW_SQL = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"


@pytest.mark.parametrize("path", ["/-/ducha/document/99999999999999999999999",
                                  "/-/ducha/document/1/diff/99999999999999999999999",
                                  "/-/ducha/evidence/99999999999999999999999.json",
                                  "/-/ducha/warc/99999999999999999999999"])
def test_overflowing_ids_are_not_found(get, path):
    assert get(path).status_code == 404


@pytest.mark.parametrize("query", ["_sort=bogus", "_sort_desc=bogus", "_sort=title&_sort_desc=nope"])
def test_bogus_sort_is_a_bad_request(get, query):
    response = get(f"/archive/documents?{query}")
    assert response.status_code == 400
    assert "no such column" in response.text


def test_a_real_sort_still_works(get):
    assert get("/archive/documents?_sort=title").status_code == 200


@pytest.mark.parametrize("path", ["/", "/archive", "/archive/documents", "/archive/documents?_search=销号",
                                  "/archive?sql=select+1", "/archive/documents.atom", "/-/ducha/document/1",
                                  "/archive/documents.json", "/no-such-page"])
def test_every_page_carries_security_headers(get, path):
    headers = get(path).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "object-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_arbitrary_sql_has_its_own_time_limit(get):
    response = get("/archive.json", params={"sql": SLOW_SQL, "_timelimit": "60000"})
    assert response.status_code == 400
    assert "took too long" in response.text.lower() or "interrupted" in response.text.lower()
    assert SQL_TIME_LIMIT_MS < 3000


def test_concurrent_arbitrary_sql_beyond_the_budget_is_refused(corpus, loop):
    ds = Datasette([str(corpus.path)], metadata=json.loads((REPO / "datasette-metadata.json").read_text("utf-8")),
                   settings={"sql_time_limit_ms": 3000})

    async def burst():
        return await asyncio.gather(*[ds.client.get("/archive.json", params={"sql": SLOW_SQL}) for _ in range(4)],
                                    ds.client.get("/-/ducha/document/1"))

    *sql, page = loop.run_until_complete(burst())
    assert sorted(r.status_code for r in sql) == [400, 429, 429, 429]
    assert all(r.headers.get("retry-after") == "2" for r in sql if r.status_code == 429)
    assert page.status_code == 200
