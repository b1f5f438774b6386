"""Classify responses that carry no posting: blocks and challenges, redirects to the home page.

A block is never a removal: the archive records it as *unreachable* (see archive.store).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

HOME_PATHS = {"", "/", "/index.html", "/index.htm", "/index.shtml", "/index.jsp", "/default.htm"}
_CHALLENGE_MARKERS = (
    re.compile(rb"<script[^>]*\br=['\"]m['\"]", re.IGNORECASE),  # 瑞数 (Riversecurity) dynamic challenge
    re.compile(rb"\$_ts\s*=", re.IGNORECASE),
    re.compile(rb"document\.cookie\s*=.{0,200}location\.(?:reload|href)", re.IGNORECASE | re.DOTALL),  # cookie-and-reload stubs
)


def blocked_reason(status: int, body: bytes) -> str | None:
    """Why a response is a block or a challenge rather than content, or None when it is neither."""
    if status == 412:
        return "412 JS challenge"
    if status == 403:
        return "403 blocked"
    if status in (521, 567):
        return f"{status} JS challenge"
    if status == 200 and len(body) < 20_000 and any(m.search(body) for m in _CHALLENGE_MARKERS):
        return "JS challenge page"
    return None


def is_home_redirect(original_url: str, response) -> bool:
    """True when the request for a posting was redirected to the site's home page."""
    if not response.meta.get("redirect_urls"):
        return False
    final = urlsplit(response.url)
    return response.url != original_url and final.path in HOME_PATHS and not final.query
