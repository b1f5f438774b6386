"""doc_type of a posting: the rules live in the plain library ``archive.doctype`` (no Scrapy there),
so that the ledger can re-type stored postings when they change; the crawler uses them from here."""
from __future__ import annotations

from archive.doctype import DOC_TYPES, RULES_VERSION, classify, classify_title

__all__ = ["DOC_TYPES", "RULES_VERSION", "classify", "classify_title"]
