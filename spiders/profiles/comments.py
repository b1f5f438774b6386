"""Rows hidden in HTML comments (``<!-- <ul><li>…</li></ul> -->``): a last resort, never the list.

Shell pages of the cNNNNNN platform (甘肃) keep a server-rendered copy of page 1 inside a comment
while the live list comes from ``/common/search``.  The copy can be stale (postings since removed,
new ones missing), so the spider reads it only when no other source listed anything, says so in the
run summary, and infers no removal from it.
"""
from __future__ import annotations

import logging
import re

from .base import ListEntry, dedupe_entries, parse_html
from .markup import entries_from_items

logger = logging.getLogger(__name__)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def commented_entries(text: str, base_url: str) -> list[ListEntry]:
    """Dated list items found inside HTML comments of ``text``."""
    entries: list[ListEntry] = []
    for m in _COMMENT.finditer(text or ""):
        inner = m.group(1)
        if "<li" not in inner or "href" not in inner:
            continue
        root = parse_html(f"<div>{inner}</div>")
        entries += entries_from_items(root.iter("li"), base_url)
    return dedupe_entries(entries)
