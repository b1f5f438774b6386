"""``ducha extract``: one saved detail page → the contract's JSON object."""
from __future__ import annotations

from pathlib import Path

from crawler.extraction.decode import decode_html
from crawler.extraction.page import extract_page
from crawler.page_timeliness import timeliness_for


def extract_file(path: Path, *, url: str, encoding: str | None = None) -> dict:
    """Extract a saved page; ``encoding`` forces the decoding, else it is detected."""
    body = path.read_bytes()
    text = body.decode(encoding) if encoding else decode_html(body)[0]
    page = extract_page(text, url)
    result = page.to_json()
    timeliness = timeliness_for(page)
    if timeliness["objection"] is not None:
        result["objection"] = timeliness["objection"]
    result["dates"] = timeliness["dates"]
    result["timeliness_fields"] = timeliness["timeliness_fields"]
    return result
