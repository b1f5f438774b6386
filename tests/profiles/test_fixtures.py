"""Saved list pages beside their expected parse: ``<case>.json`` next to the page it describes.

A case names the profile, options, the request the page answered, and the exact entries
(``[url, title, date, title_truncated]``), follow requests (``[method, url, body, page]``) and
page count.  The page is ``"html"`` from the case, else the file with the case's stem.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from spiders.profiles import make_profile
from spiders.profiles.base import ListRequest

from .conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.rglob("*.json") if not p.name.endswith(".response.json"))


def _page_for(case_path: Path, case: dict) -> Path:
    if "html" in case:
        return case_path.parent / case["html"]
    siblings = [p for p in case_path.parent.glob(case_path.stem + ".*") if p != case_path]
    assert len(siblings) == 1, f"{case_path}: expected one page file, found {siblings}"
    return siblings[0]


@pytest.mark.parametrize("case_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture_case(case_path: Path) -> None:
    case = json.loads(case_path.read_text(encoding="utf-8"))
    text = _page_for(case_path, case).read_text(encoding="utf-8")
    profile = make_profile(case["profile"], options=case.get("options"))
    req = case["request"]
    request = ListRequest(url=req["url"], page=req.get("page", 1), method=req.get("method", "GET"))

    page = profile.parse_list(request, text)

    got_entries = [[e.url, e.title, e.date, e.title_truncated] for e in page.entries]
    assert got_entries == case["entries"]
    got_follow = [[f.method, f.url, f.body.decode("utf-8") if f.body else None, f.page] for f in page.follow]
    assert got_follow == case["follow"]
    assert page.total_pages == case["total_pages"]
