"""Which URLs belong to a site, and which postings a run could not archive.

A site's postings live on its own hosts: the hosts of its start URLs plus the ``hosts:`` it declares
in the sites file (a site that really publishes on two hosts).  ``.example.gov.cn`` (leading dot)
admits every subdomain.  List entries on other hosts are skipped and counted
(``ducha/offsite_skipped``); attachments may sit anywhere (a posting's files are often on a
file server of the province): they belong to the posting that links them.

A posting this run could not archive (a redirect loop, a network error after the retries, an HTTP
error on a new posting) fails its site with the URL and reason; one that robots.txt forbids does not.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

MAX_LISTED_FAILURES = 50  # per site, in the run summary
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"  # Scrapy's IgnoreRequest message: skipped on purpose, not a failure


def site_hosts(start_urls: Iterable[str], declared: Any = None) -> frozenset[str]:
    """Lower-case host names of the start URLs plus the declared ``hosts`` (a string or a list)."""
    hosts = {(urlsplit(u).hostname or "").lower() for u in start_urls}
    if isinstance(declared, str):
        declared = [declared]
    hosts.update(str(h).strip().lower() for h in declared or [])
    hosts.discard("")
    return frozenset(hosts)


def on_site(url: str, hosts: frozenset[str]) -> bool:
    """Whether ``url`` is on one of ``hosts`` (``.domain`` entries match the domain and its subdomains)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in hosts:
        return True
    return any(h.startswith(".") and (host == h[1:] or host.endswith(h)) for h in hosts)


def not_archived(stats: Any, site_id: str, url: str, reason: str) -> None:
    """Count a posting this run could not archive and keep its URL and reason for the summary."""
    stats.inc_value(f"ducha/site/{site_id}/not_archived")
    key = f"ducha/site/{site_id}/not_archived_urls"
    listed = stats.get_value(key) or []
    if len(listed) < MAX_LISTED_FAILURES:
        stats.set_value(key, [*listed, {"url": url, "reason": reason}])
    logger.error("%s: posting %s could not be archived: %s", site_id, url, reason)
