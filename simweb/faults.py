"""Fault profiles per site, deterministic by the site's request counter (never by time or chance).

- `none`: everything answers normally.
- `flaky`: in every cycle of 20 requests: #3 → 503, #4 → 500 (a burst), #7 → connection reset (RST, no
  response), #11 → truncated body (Content-Length larger than what is sent, then close), #15 → 429 with
  `Retry-After: 1`; #1, #9, #17 answer normally after 200 ms of added latency.
- `challenge`: 瑞数-style HTTP 412 page (long `<meta content="{…" r='m'>` and `<script r='m'>` that sets the
  cookie `FSSBBIl1UgzbN7N80T=<token>` and reloads); requests carrying that cookie pass.
- `ruishu-short`: like `challenge`, but the cookie names the request number it was issued at and
  stops passing `SHORT_LIFE` site requests later (瑞数 cookies on 湖北 last about 2 minutes): a
  crawl must earn it again mid-walk.
- `api-fails`: a list API (JSON) answers its page 1, then 500 for every later page: a walk that
  breaks off mid-way (nothing unlisted may be taken for removed).
- `blocked`: 403 for everything.
- `layout-broken`: list pages render an unknown markup with no items (JSON lists come back empty).
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

PROFILES = ("none", "flaky", "challenge", "ruishu-short", "api-fails", "blocked", "layout-broken")
SHORT_LIFE = 60
CHALLENGE_COOKIE = "FSSBBIl1UgzbN7N80T"
CYCLE = 20
LATENCY_S = 0.2


class UnknownProfile(ValueError):
    """Raised for a fault profile name that does not exist."""


@dataclass(frozen=True)
class Action:
    """What to do with one request: pass, answer `status`, reset, truncate; optional added delay."""

    kind: str  # pass | status | reset | truncate
    status: int = 0
    delay: float = 0.0


def check_profile(name: str) -> str:
    """Validate a profile name."""
    if name not in PROFILES:
        raise UnknownProfile(f"unknown fault profile {name!r}; choose one of {', '.join(PROFILES)}")
    return name


def challenge_token(seed: int, site_id: str) -> str:
    """The cookie value the challenge script sets."""
    return hashlib.sha256(f"{seed}:{site_id}:challenge".encode()).hexdigest()[:32]


def has_cookie(cookie_header: str, token: str) -> bool:
    """True if the Cookie header carries the challenge cookie with the right value."""
    for part in cookie_header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == CHALLENGE_COOKIE and value == token:
            return True
    return False


def cookie_ok(profile: str, cookie_header: str, token: str, n: int) -> bool:
    """Whether the request (the site's n-th) carries a challenge cookie that still passes."""
    if profile != "ruishu-short":
        return has_cookie(cookie_header, token)
    for part in cookie_header.split(";"):
        name, _, value = part.strip().partition("=")
        stem, _, issued = value.partition(".")
        if name == CHALLENGE_COOKIE and stem == token and issued.isdigit():
            return 0 <= n - int(issued) <= SHORT_LIFE
    return False


def decide(profile: str, n: int, *, cookie_ok: bool = False) -> Action:
    """The action for the site's n-th request (1-based) under `profile`."""
    if profile == "blocked":
        return Action("status", 403)
    if profile in ("challenge", "ruishu-short"):
        return Action("pass") if cookie_ok else Action("status", 412)
    if profile != "flaky":
        return Action("pass")
    slot = n % CYCLE
    if slot == 3:
        return Action("status", 503)
    if slot == 4:
        return Action("status", 500)
    if slot == 7:
        return Action("reset")
    if slot == 11:
        return Action("truncate")
    if slot == 15:
        return Action("status", 429)
    if slot in (1, 9, 17):
        return Action("pass", delay=LATENCY_S)
    return Action("pass")


def challenge_page(token: str) -> bytes:
    """A 瑞数-style 412 body: opaque meta blob plus a script that sets the cookie and reloads."""
    blob = hashlib.sha512(token.encode()).hexdigest() * 6
    html = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f'<meta id="9DhefwqGPrzGxEp9hPaoag" content="{{{blob}" r=\'m\'>'
        "<script type=\"text/javascript\" r='m'>"
        "var $_ts=window['$_ts'];if(!$_ts)$_ts=window['$_ts']={};$_ts.nsd=30785;"
        f'var _$tk="{token}";document.cookie="{CHALLENGE_COOKIE}="+_$tk+"; path=/";location.reload();'
        "</script><script type=\"text/javascript\" charset=\"utf-8\" src=\"/4QbVtADbnLVIc/c.FxJzG50F.js\" r='m'>"
        "</script></head><body></body></html>"
    )
    return html.encode("utf-8")


def error_page(status: int) -> bytes:
    """Plain error bodies for 403/429/500/503."""
    text = {403: "403 Forbidden", 429: "429 Too Many Requests", 500: "500 Internal Server Error",
            503: "503 Service Temporarily Unavailable"}.get(status, str(status))
    return f"<html><head><title>{text}</title></head><body><center><h1>{text}</h1></center><hr><center>nginx</center></body></html>".encode()
