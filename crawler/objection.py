"""The objection window of a 公示 posting, as the ``extract`` output and the archive store it."""
from __future__ import annotations

from datetime import date

from archive.timeliness.objection import parse_objection

NOTICE_TYPES = {"acceptance_notice", "eia_notice"}


def is_notice(title: str, doc_type: str) -> bool:
    """A 公示: a posting that opens an objection period."""
    return doc_type in NOTICE_TYPES or "公示" in (title or "")


def objection_for(page) -> dict | None:
    """The ``objection`` object for a 公示 (unknown parts null), or None for other postings."""
    if not is_notice(page.title, page.doc_type):
        return None
    published = date.fromisoformat(page.publish_date) if page.publish_date else None
    return parse_objection(page.body_text, publish_date=published).to_json()
