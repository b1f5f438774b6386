"""robots.txt for ``ducha probe``: does it disallow a URL for us, and which rule says so.

Groups for our user agent token (``duchaarchive``) win over ``*``; within a group the longest
matching ``Allow``/``Disallow`` path wins (``Allow`` on a tie), ``*`` and ``$`` as in RFC 9309.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

logger = logging.getLogger(__name__)


def _groups(text: str) -> dict[str, list[tuple[str, str]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    agents: list[str] = []
    in_rules = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
            for agent in agents:
                groups.setdefault(agent, [])
        elif key in ("allow", "disallow"):
            in_rules = True
            for agent in agents:
                groups.setdefault(agent, []).append((key, value))
    return groups


def _matches(rule: str, path: str) -> bool:
    pattern = re.escape(rule).replace(r"\*", ".*")
    if pattern.endswith(r"\$"):
        pattern = pattern[:-2] + "$"
    return re.match(pattern, path) is not None


def disallowing_rule(text: str, url: str, user_agent: str) -> str | None:
    """``"Disallow: /x"`` when robots.txt ``text`` forbids ``url`` to ``user_agent``, else None."""
    groups = _groups(text)
    token = re.split(r"[/ ]", user_agent.strip(), maxsplit=1)[0].lower()
    rules = next((groups[a] for a in groups if a != "*" and a and a in token), None)
    if rules is None:
        rules = groups.get("*", [])
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    best: tuple[int, bool, str] | None = None
    for kind, rule in rules:
        if not rule or not _matches(rule, path):
            continue
        candidate = (len(rule), kind == "allow", f"{kind.capitalize()}: {rule}")
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None or best[1]:
        return None
    return best[2]


def robots_verdict(fetch: Callable[[str], Any], url: str, user_agent: str) -> str | None:
    """Fetch the host's robots.txt with ``fetch(url)`` (→ object with ``status``/``body``) and return
    the rule disallowing ``url``, or None (no robots.txt, unreadable, or allowed)."""
    parts = urlsplit(url)
    robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    try:
        answer = fetch(robots_url)
    except OSError as exc:
        logger.info("robots.txt of %s unreachable: %s", parts.netloc, exc)
        return None
    if answer.status != 200:
        return None
    return disallowing_rule(answer.body.decode("utf-8", "replace"), url, user_agent)
