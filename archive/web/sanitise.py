"""Safe HTML for the archive's pages: escape archived text first, add our own markup, then pass nh3.

Archived pages may contain anything (``<script>``, ``onerror=``).  Every function here builds HTML
from ``html.escape``d text and finally runs nh3 with a tiny allow-list, so even a bug upstream cannot
let markup from an archived page through.
"""
from __future__ import annotations

import html
import logging
import re

import nh3

from archive import search_text
from archive.diff import diff_ops, side_by_side

log = logging.getLogger(__name__)

MARK_TAGS = {"mark"}
DIFF_TAGS = {"ins", "del", "br", "span", "mark"}
FEED_TAGS = {"ins", "del", "br", "p"}
_CLASS_ATTR = {"span": {"class"}}
#: What ``difflib.HtmlDiff.make_table`` emits, with ``class``/``id`` only (plus ``colspan`` on the header cells,
#: which keeps the two column headings aligned); ``<br>``, ``nowrap``, ``cellspacing`` … and ``href`` are dropped.
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td", "colgroup", "span", "a"}
_TABLE_ATTRS = {tag: {"class", "id"} for tag in TABLE_TAGS} | {"th": {"class", "id", "colspan"}}
_WINDOW = 60
#: Diff units: a Latin/digit word (dates, hashes, file names, numbers) whole, anything else one character.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.:/_-]*|.", re.DOTALL)
_CODE_BASE = 0xF0000  # supplementary private-use planes: one code point per distinct token
_MAX_TOKENS = 0x10FFFD - _CODE_BASE


def clean(fragment: str | None, tags: set[str]) -> str:
    """Sanitise ``fragment`` keeping only ``tags`` (no attributes except ``class`` on span; scripts dropped)."""
    attributes = {t: a for t, a in _CLASS_ATTR.items() if t in tags}
    return nh3.clean(fragment or "", tags=tags, attributes=attributes, link_rel=None,
                     clean_content_tags={"script", "style"})


def highlight(text: str, query: str | None) -> str:
    """Escape ``text`` and wrap every match of the query's terms in ``<mark>`` (escaped text inside)."""
    terms = search_text.query_terms(query)
    out, pos = [], 0
    for start, end in search_text.spans(text, terms):
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def snippet_html(query: str | None, title: str | None, body: str | None, attachments: str | None) -> str:
    """A short, safe HTML snippet around the first match of ``query`` in the body, else title, else attachments.

    Built from the stored text of the shown row only (the index holds no text): escaped first, then
    ``<mark>`` around the matches, then nh3 with ``<mark>`` as the only tag.
    """
    terms = search_text.query_terms(query)
    for label, text in (("", body or ""), ("", title or ""), ("附件 attachment: ", attachments or "")):
        span = search_text.find(text, terms)
        if span is None:
            continue
        start = max(0, span[0] - _WINDOW)
        end = min(len(text), span[1] + _WINDOW)
        piece = text[start:end].replace("\n", " ")
        marked = highlight(piece, query) if search_text.spans(piece, terms) else (
            html.escape(piece[:span[0] - start]) + "<mark>" + html.escape(piece[span[0] - start:span[1] - start])
            + "</mark>" + html.escape(piece[span[1] - start:]))
        fragment = label + ("…" if start else "") + marked + ("…" if end < len(text) else "")
        return clean(fragment, MARK_TAGS)
    return ""


def token_diff_ops(old: str | None, new: str | None) -> list[tuple[int, str]]:
    """``archive.diff.diff_ops`` over tokens: ``2026-11-20`` → ``2026-11-12`` is one change, not two digits.

    Each distinct token is mapped to one private-use code point, diffed, and mapped back (the
    diff-match-patch line-mode trick); Chinese stays character-level.
    """
    table: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _TOKEN.findall(text):
            code = table.get(token)
            if code is None:
                code = table[token] = chr(_CODE_BASE + len(words))
                words.append(token)
            out.append(code)
        return "".join(out)

    old_codes, new_codes = encode(old or ""), encode(new or "")
    if len(words) > _MAX_TOKENS:
        return diff_ops(old or "", new or "")
    return [(op, "".join(words[ord(c) - _CODE_BASE] for c in text)) for op, text in diff_ops(old_codes, new_codes)]


def diff_html(old: str | None, new: str | None) -> str:
    """The inline diff of two texts (new text with ``<del>``/``<ins>``), sanitised to ins/del/br/span."""
    out = []
    for op, text in token_diff_ops(old, new):
        escaped = html.escape(text).replace("\n", "<br>\n")
        out.append(escaped if op == 0 else f"<ins>{escaped}</ins>" if op == 1 else f"<del>{escaped}</del>")
    return clean("".join(out), DIFF_TAGS)


def side_by_side_html(old: str | None, new: str | None) -> str:
    """``archive.diff.side_by_side`` (built from escaped text) sanitised to the table tags it uses."""
    return nh3.clean(side_by_side(old or "", new or ""), tags=TABLE_TAGS, attributes=_TABLE_ATTRS, link_rel=None,
                     clean_content_tags={"script", "style"}, generic_attribute_prefixes=set())


def compact_diff(old: str | None, new: str | None, *, context: int = 20, limit: int = 8) -> str:
    """Only the changed stretches with ``context`` characters around them, as safe HTML (at most ``limit`` hunks)."""
    out: list[str] = []
    ops = token_diff_ops(old, new)
    hunks = 0
    for i, (op, text) in enumerate(ops):
        if op == 0:
            before = i > 0
            after = i < len(ops) - 1
            if before and after and len(text) > 2 * context:
                out.append(html.escape(text[:context]) + " … " + html.escape(text[-context:]))
            elif before and not after:
                out.append(html.escape(text[:context]) + ("…" if len(text) > context else ""))
            elif after and not before:
                out.append(("…" if len(text) > context else "") + html.escape(text[-context:]))
            else:
                out.append(html.escape(text))
            continue
        hunks += 1
        if hunks > limit:
            out.append(" …")
            break
        tag = "ins" if op == 1 else "del"
        out.append(f"<{tag}>{html.escape(text[:500])}</{tag}>")
    return clean("".join(out).replace("\n", "<br>"), DIFF_TAGS)


def compact_diff_text(old: str | None, new: str | None, *, limit: int = 8) -> str:
    """Plain-text change summary for feeds: ``[-deleted-] {+inserted+}`` per changed stretch."""
    parts = []
    for op, text in token_diff_ops(old, new):
        if op:
            parts.append(("{+%s+}" if op == 1 else "[-%s-]") % text[:300].replace("\n", " "))
        if len(parts) >= limit:
            break
    return " ".join(parts)
