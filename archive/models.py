"""Plain data passed from the crawler (or any other producer) into the archive.

The crawler builds these from what it fetched; ``archive.store.Archive`` turns them into
rows.  Nothing here knows about Scrapy.  They double as the crawler's Scrapy items
(Scrapy accepts dataclass items).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DATE_SOURCES = ("cms", "list", "stated", "url")

CheckKind = Literal["not_modified", "removed", "unreachable", "blocked"]


@dataclass
class WarcRef:
    """Where a response is kept as evidence: WARC file name (relative to the WARC folder) and offset."""

    file: str
    offset: int


@dataclass
class AttachmentCapture:
    """One attachment file as fetched with its posting."""

    url: str
    name: str
    sha256: str | None = None  # None when the download failed
    size: int | None = None
    content_type: str | None = None
    text: str | None = None  # extracted text; None when not extractable
    error: str | None = None  # why download or text extraction failed
    warc: WarcRef | None = None


@dataclass
class PageCapture:
    """A detail page that answered with content (HTTP 200 and not a soft 404)."""

    site_id: str
    url: str  # the original URL (never the mirror URL)
    fetched_at: str  # ISO 8601 with offset
    http_status: int
    title: str
    body_text: str
    publish_date: str | None = None  # YYYY-MM-DD: the CMS/list date, else the stated one
    publish_date_source: str | None = None  # one of DATE_SOURCES
    dates: dict[str, str | None] = field(default_factory=dict)  # {"cms","list","stated","url"} -> date
    publisher: str | None = None
    doc_type: str = "other"
    doc_numbers: list[str] = field(default_factory=list)
    attachments: list[AttachmentCapture] = field(default_factory=list)
    list_title: str | None = None  # the title as the list page showed it (may be truncated)
    raw_sha256: str | None = None  # digest of the response body as received
    etag: str | None = None
    last_modified: str | None = None
    warc: WarcRef | None = None
    extra: dict = field(default_factory=dict)  # further extracted fields (objection window, …)


@dataclass
class CheckOutcome:
    """A check of a known posting that produced no content to compare."""

    site_id: str
    url: str
    fetched_at: str
    kind: CheckKind
    http_status: int | None = None  # None for connection errors / timeouts
    reason: str = ""  # "404", "soft-404", "redirect-home", "timeout", "412 challenge", …
    raw_sha256: str | None = None
    warc: WarcRef | None = None
