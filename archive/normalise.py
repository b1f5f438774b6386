"""Text normalisation and the content hash that decides whether a capture is a new version.

The hash covers exactly what a reader cares about — the title, the dates the detail page
states (CMS, stated, URL), the body text and the attachment digests — after ``normalise_text``
so that width variants, zero-width characters and whitespace-only edits never make a version.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping

#: Full-width ASCII forms and the ideographic space: what NFKC changes in most Chinese text.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]+")
_TO_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")  # whitespace except newline
_BLANK_LINES = re.compile(r"\n{2,}")
# whitespace next to anything that is not an ASCII letter or digit carries no meaning in Chinese text
_LOOSE_SPACE = re.compile(r"(?<=[^A-Za-z0-9\s]) | (?=[^A-Za-z0-9\s])")


def nfkc(s: str) -> str:
    """``unicodedata.normalize("NFKC", s)``, three times faster on Chinese text.

    Full-width punctuation (，：（） …) makes NFKC decompose and recompose the whole string; these forms
    are mapped to their ASCII equivalents first (which is what NFKC does with them), and the rest is
    normalised only when the quick check says it is not NFKC already.
    """
    s = _FULL_WIDTH.sub(lambda m: m.group().translate(_TO_HALF_WIDTH), s)
    return s if unicodedata.is_normalized("NFKC", s) else unicodedata.normalize("NFKC", s)


def tidy_text(s: str | None) -> str:
    """Light clean-up for storage: drop zero-width characters, unify line ends, strip lines, drop blank runs."""
    if not s:
        return ""
    s = _ZERO_WIDTH.sub("", s).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def normalise_text(s: str | None) -> str:
    """Canonical form for hashing: NFKC, no zero-width chars, unified and collapsed whitespace, stripped lines.

    Spaces next to a non-alphanumeric character (Han characters, punctuation) are removed, and
    line breaks become spaces, so re-flowing or re-spacing a paragraph does not change the text.
    """
    if not s:
        return ""
    s = nfkc(_ZERO_WIDTH.sub("", s))
    s = " ".join(s.split())  # every whitespace run, line breaks included, becomes one space
    return _LOOSE_SPACE.sub("", s)


def hash_dates(dates: Mapping[str, str | None] | None) -> dict[str, str]:
    """The dates that enter the hash: non-empty values, keys sorted."""
    return {k: str(v).strip() for k, v in sorted((dates or {}).items()) if v}


def content_parts(
    title: str | None, dates: Mapping[str, str | None] | None, body: str | None,
    attachment_sha256s: Iterable[str | None],
) -> dict[str, object]:
    """The canonical components (``title``, ``dates``, ``body``, ``attachments``) a version is judged by."""
    return {
        "title": normalise_text(title),
        "dates": hash_dates(dates),
        "body": normalise_text(body),
        "attachments": sorted({d.lower() for d in attachment_sha256s if d}),
    }


def content_hash(
    title: str | None, dates: Mapping[str, str | None] | None, body: str | None,
    attachment_sha256s: Iterable[str | None],
) -> str:
    """SHA-256 (hex) of the canonical JSON of title, dates, body and sorted attachment digests."""
    canonical = json.dumps(
        content_parts(title, dates, body, attachment_sha256s),
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def changed_parts(old: Mapping[str, object], new: Mapping[str, object]) -> list[str]:
    """Names of the components that differ between two ``content_parts`` results, in a fixed order."""
    return [k for k in ("title", "dates", "body", "attachments") if old.get(k) != new.get(k)]
