"""What the spider reads off a response before any posting: a response that carries none (not modified, blocked,
removed, unreachable), the charset its header names, and a list entry that disagrees with what was archived."""
from __future__ import annotations

from scrapy.http import Response
from w3lib.encoding import http_content_type_encoding

from archive.models import CheckOutcome
from crawler.classify import blocked_reason, is_home_redirect
from crawler.middlewares import redirect_chain
from crawler.scope import not_archived
from spiders.attachments import header

__all__ = ["list_disagrees", "outcome_without_content", "response_charset"]


def outcome_without_content(response: Response, stats, site_id: str, url: str, fetched_at: str, raw: str, *,
                            known: bool) -> CheckOutcome | None:
    """Classify a response that carries no posting (not modified, blocked, removed or unreachable), else None.

    ``known``: the posting is archived already (an unknown one that fails is counted as not archived).
    """
    status = response.status

    def outcome(kind: str, reason: str) -> CheckOutcome:
        return CheckOutcome(site_id=site_id, url=url, fetched_at=fetched_at, kind=kind, http_status=status,
                            reason=reason, raw_sha256=raw, warc=response.meta.get("ducha_warc"),
                            redirects=redirect_chain(response), lost_evidence=response.meta.get("ducha_lost") or [])

    if status == 304:
        return outcome("not_modified", "304")
    blocked = blocked_reason(status, response.body)
    if blocked:
        stats.inc_value(f"ducha/site/{site_id}/blocked")
        return outcome("blocked", blocked)
    if status in (404, 410):
        return outcome("removed", str(status))
    if status != 200:
        if not known:
            not_archived(stats, site_id, url, f"HTTP {status}")
        return outcome("unreachable", f"HTTP {status}")
    if is_home_redirect(url, response):
        return outcome("removed", "redirect-home")
    return None


def list_disagrees(known, entry) -> bool:
    """The list shows another date or title than we archived: a cheap sign of an edit or a backdating."""
    if known is None:
        return False
    if entry.date and known.list_date and entry.date != known.list_date:
        return True
    return bool(entry.title and not entry.title_truncated and known.list_title and entry.title != known.list_title)


def response_charset(response: Response) -> str | None:
    """The charset the response's Content-Type header names, or None."""
    return http_content_type_encoding(header(response, b"Content-Type"))
