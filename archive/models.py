"""Plain data passed from the crawler (or any other producer) into the archive.

The crawler builds these from what it fetched; ``archive.store.Archive`` turns them into
rows.  Nothing here knows about Scrapy.  They double as the crawler's Scrapy items
(Scrapy accepts dataclass items).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from archive.ocr import OcrRecord

DATE_SOURCES = ("cms", "list", "stated", "url")

CheckKind = Literal["not_modified", "removed", "unreachable", "blocked"]


@dataclass
class WarcRef:
    """Where a response is kept as evidence: WARC file name (relative to the WARC folder) and offset."""

    file: str
    offset: int


@dataclass
class RedirectHop:
    """One 3xx answer on the way to a response: the URL asked, the answer's status, the URL it sent us to
    (absolute, as followed) and its WARC record.  A redirect's evidence is the chain of these, then the
    final response's record."""

    url: str
    http_status: int
    location: str
    raw_sha256: str | None = None
    warc: WarcRef | None = None


@dataclass
class LostEvidence:
    """A row whose WARC record does not verify (``archive.verify``), handed to the crawl that re-captures it."""

    table: str  # versions | checks | attachments | redirect_hops
    row_id: int
    problem: str  # truncated | missing | unreadable | altered
    detail: str = ""


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
    etag: str | None = None  # validators for conditional re-checks
    last_modified: str | None = None
    ocr: OcrRecord | None = None  # recognised pages (scans); ``text`` is then only the typed text
    redirects: list[RedirectHop] = field(default_factory=list)  # the 3xx answers before the file, in order
    # its tables as read by the ledger's reader of ``table_kind`` (``archive.ledger.table_cache``); None: not read
    tables: list[list[list[str]]] | None = None
    table_kind: str | None = None


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
    redirects: list[RedirectHop] = field(default_factory=list)  # the 3xx answers before the page, in order
    lost_evidence: list[LostEvidence] = field(default_factory=list)  # rows this fetch re-captures
    # the page's tables as the ledger's HTML reader reads them, kept by ``raw_sha256``; None: not read
    tables: list[list[list[str]]] | None = None


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
    redirects: list[RedirectHop] = field(default_factory=list)  # e.g. the 302 of a redirect to the home page
    lost_evidence: list[LostEvidence] = field(default_factory=list)  # rows this fetch meant to re-capture


# --- results the archive hands back -------------------------------------------------------------

IngestKind = Literal["new", "changed", "unchanged", "restored"]


@dataclass
class IngestResult:
    """What ``Archive.ingest`` did with a capture."""

    kind: IngestKind
    document_id: int
    version_id: int | None  # the version now current (new or existing)
    changed: list[str] = field(default_factory=list)  # subset of "title","dates","body","attachments"
    event: str | None = None  # kind of the event written, if any


@dataclass
class OutcomeResult:
    """What ``Archive.record_outcome`` did with a check that produced no content."""

    outcome: str  # the checks.outcome written: not_modified / removed / unreachable / blocked
    document_id: int | None  # None when the URL was never archived (the check row names the URL)
    event: str | None = None  # kind of the event written (removed / unreachable / restored), if any
    status: str | None = None  # the document's status afterwards
    version_id: int | None = None  # the document's current version (unchanged by a check)

    @property
    def kind(self) -> str:
        """Same as ``outcome`` (so callers can count ``result.kind`` for both result types)."""
        return self.outcome


@dataclass
class KnownDocument:
    """A posting already in the archive, as the crawler needs it to plan re-checks."""

    id: int
    site_id: str
    url: str
    status: str
    etag: str | None = None
    last_modified: str | None = None
    publish_date: str | None = None
    first_seen_at: str | None = None
    last_checked_at: str | None = None
    objection_end: str | None = None
    removed_at: str | None = None
    title: str | None = None
    list_date: str | None = None
    list_title: str | None = None
    found_in_run: int | None = None  # the run that first archived it (None: recorded outside a run)
