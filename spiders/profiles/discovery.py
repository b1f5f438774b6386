"""Finding the item list on an unknown list page.

The list is the *repeated block*: children of one parent sharing a tag and class (``ul > li``,
``tbody > tr``, ``div > dl``, even bare ``a`` + ``span`` runs), each holding a link paired with a date.
The block with the most dated links wins (ties: the larger share of dated members, then the first
in the page).  Navigation menus, footers and pagers lose because their links carry no dates, and
blocks inside ``nav``/``header``/``footer`` or elements named like menus are never considered.

A date may sit inside the member (outside the link text: titles often contain dates themselves) or,
for ``<dt>``/``<dd>`` or ``<a>``/``<span>`` pairs, in the following sibling when that has no link.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from .base import ListEntry, absolute_url, dedupe_entries
from .markup import entry_from_item, main_link

logger = logging.getLogger(__name__)

_CHROME_TAGS = {"nav", "header", "footer", "script", "style", "noscript", "select", "head"}
_CHROME_NAME = re.compile(r"(?:^|[\s_-])(nav|navbar|menu|footer|foot|header|breadcrumbs?|crumbs?)(?:$|[\s_-])",
                          re.IGNORECASE)

Signature = tuple[tuple[str, str], ...]
MAX_LINKS_PER_ITEM = 3


@dataclass
class Block:
    """A candidate item list: the parent's path, the members' tag/class, and their entries."""

    path: Signature
    member: tuple[str, str]
    size: int
    entries: list[ListEntry]
    dated: int = 0

    @property
    def key(self) -> tuple[Signature, tuple[str, str]]:
        """What identifies this block across pages of the same channel."""
        return self.path, self.member


def _sig(el: Any) -> tuple[str, str]:
    return el.tag, " ".join(sorted((el.get("class") or "").split()))


def _is_chrome(el: Any) -> bool:
    if el.tag in _CHROME_TAGS:
        return True
    name = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(_CHROME_NAME.search(name))


def _path(el: Any) -> Signature:
    parts = []
    node = el
    while node is not None:
        parts.append(_sig(node))
        node = node.getparent()
    return tuple(reversed(parts))


def _has_link(el: Any, base_url: str) -> bool:
    anchors = [el] if el.tag == "a" else list(el.iter("a"))
    return any(absolute_url(base_url, a.get("href")) for a in anchors)


def _candidate_parents(root: Any) -> list[Any]:
    """Elements outside page chrome whose children could form a list."""
    out = []
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or _is_chrome(el):
            continue
        out.append(el)
        stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    return out


def _entry(child: Any, nxt: Any, member: tuple[str, str], base_url: str) -> tuple[ListEntry | None, bool]:
    """The entry of one member and whether it shows a date; ``(None, False)`` without a title link
    or when the member holds a whole list itself."""
    links = {absolute_url(base_url, a.get("href")) for a in ([child] if child.tag == "a" else child.iter("a"))}
    links.discard(None)
    if not links or len(links) > MAX_LINKS_PER_ITEM:
        return None, False
    extra = ""
    if nxt is not None and _sig(nxt) != member and not _has_link(nxt, base_url):
        extra = nxt.text_content()
    entry = entry_from_item(child, base_url, extra_date_text=extra)
    if entry is not None:
        return entry, True
    found = main_link(child, base_url)
    if found is None:
        return None, False
    _, url, title, truncated = found
    return ListEntry(url=url, title=title, date=None, title_truncated=truncated), False


def find_blocks(root: Any, base_url: str, *, min_items: int = 3) -> list[Block]:
    """Every repeated block with at least ``min_items`` dated links, best first.

    A chosen block keeps its undated members too (date ``None``: a month-only date is no date).

    Blocks with the same parent path and member signature (a list split into several ``<ul>``)
    are merged.  Ranking: most dated links, then the larger share of dated members, then the
    deeper block, then the first in the page.
    """
    merged: dict[tuple[Signature, tuple[str, str]], tuple[int, Block]] = {}
    for order, parent in enumerate(_candidate_parents(root)):
        children = [c for c in parent if isinstance(c.tag, str)]
        groups: dict[tuple[str, str], list[int]] = {}
        for i, child in enumerate(children):
            if child.tag not in ("br", "hr", "img", "input", "script", "style"):
                groups.setdefault(_sig(child), []).append(i)
        for member, indexes in groups.items():
            if len(indexes) < min(2, min_items):
                continue
            entries = []
            dated = 0
            for i in indexes:
                nxt = children[i + 1] if i + 1 < len(children) else None
                entry, has_date = _entry(children[i], nxt, member, base_url)
                if entry is not None:
                    entries.append(entry)
                    dated += has_date
            if not dated:
                continue
            block = Block(_path(parent), member, len(indexes), entries, dated)
            if block.key in merged:
                first, prev = merged[block.key]
                merged[block.key] = (first, Block(prev.path, member, prev.size + block.size,
                                                  prev.entries + entries, prev.dated + dated))
            else:
                merged[block.key] = (order, block)
    ranked = []
    for order, block in merged.values():
        block.entries = dedupe_entries(block.entries)
        if block.dated >= min_items and block.size >= min(2, min_items):
            score = (block.dated, block.dated / block.size, len(block.path), -order)
            ranked.append((score, block))
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    return [block for _, block in ranked]


def discover_entries(root: Any, base_url: str, *, min_items: int = 3,
                     known: tuple[Signature, tuple[str, str]] | None = None) -> Block | None:
    """The item list of a page: the block matching ``known`` (learned on page 1) when present,
    however short (a last page may hold one item), else the best block with at least ``min_items``
    dated links; ``None`` when there is none (a past-the-end page with only a dated top bar)."""
    blocks = find_blocks(root, base_url, min_items=1 if known else min_items)
    if known:
        for block in blocks:
            if block.key == known:
                return block
        blocks = [b for b in blocks if b.dated >= min_items]
    if not blocks:
        return None
    best = blocks[0]
    logger.debug("discovered list %s > %s: %d entries", best.path[-1], best.member, len(best.entries))
    return best
