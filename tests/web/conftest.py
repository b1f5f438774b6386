"""Fixtures for the web tests: synthetic archives and an in-process Datasette with our metadata."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from datasette.app import Datasette

from tests.web.corpus import Corpus, build_corpus, build_empty

REPO = Path(__file__).resolve().parents[2]
METADATA = REPO / "datasette-metadata.json"
SETTINGS = {"sql_time_limit_ms": 3000, "default_page_size": 50}


@pytest.fixture(scope="session")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """One event loop for every in-process Datasette request."""
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The synthetic archive with its ground truth."""
    return build_corpus(tmp_path_factory.mktemp("web") / "archive.db")


def _datasette(path: Path) -> Datasette:
    return Datasette([str(path)], metadata=json.loads(METADATA.read_text(encoding="utf-8")), settings=SETTINGS)


@pytest.fixture(scope="session")
def get(corpus: Corpus, loop: asyncio.AbstractEventLoop) -> Callable[..., httpx.Response]:
    """GET a path from Datasette over the synthetic archive (as ``ducha serve`` configures it)."""
    ds = _datasette(corpus.path)
    return lambda path, **kw: loop.run_until_complete(ds.client.get(path, **kw))


@pytest.fixture(scope="session")
def get_empty(tmp_path_factory: pytest.TempPathFactory, loop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    """GET a path from Datasette over an archive with no postings."""
    ds = _datasette(build_empty(tmp_path_factory.mktemp("empty") / "archive.db"))
    return lambda path, **kw: loop.run_until_complete(ds.client.get(path, **kw))


@pytest.fixture(scope="session")
def rows(get: Callable[..., httpx.Response]) -> Callable[..., list[dict]]:
    """JSON rows (``_shape=array``) of a table or canned query path, asserting HTTP 200."""

    def fetch(path: str, **params: str) -> list[dict]:
        response = get(path + ".json", params={**params, "_shape": "array"})
        assert response.status_code == 200, response.text
        return response.json()

    return fetch
