"""List-page profiles for the CMS families and generic discovery (pure, no Scrapy).

>>> profile = get_profile("trs", "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml")
>>> [r.url for r in profile.first_requests("https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml")]
['https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml']

``get_profile(None, url)`` returns generic discovery, which switches to a family profile on page 1
when the markup is recognised; build one profile per start URL (generic keeps per-channel state).
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from .base import ListEntry, ListPage, ListRequest, Profile
from .detect import detect_profile
from .generic import GenericProfile
from .hanweb import HanwebProfile
from .hunan import HunanProfile
from .jpaas import JpaasProfile
from .nfcms import NfcmsProfile
from .recover import recover_rows
from .trs import TrsProfile
from .ucap import UcapProfile

logger = logging.getLogger(__name__)

PROFILES: dict[str, type] = {
    "trs": TrsProfile,
    "hanweb": HanwebProfile,
    "ucap": UcapProfile,
    "nfcms": NfcmsProfile,
    "generic": GenericProfile,
    "jpaas": JpaasProfile,
    "hunan": HunanProfile,
}
ALIASES = {"legacy": "generic", "gkmlpt": "nfcms", "cnnnnnn": "ucap", "jcms": "hanweb", "wcm": "trs"}


class UnknownProfile(ValueError):
    """A sites file names a profile that does not exist."""


def make_profile(name: str, *, options: Mapping[str, Any] | None = None) -> Profile:
    """A fresh profile called ``name`` (or an alias) configured from a site's ``options``."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in PROFILES:
        raise UnknownProfile(f"unknown profile {name!r}; choose one of {', '.join(sorted(PROFILES))}")
    return PROFILES[key](options=options)  # type: ignore[no-any-return]


def get_profile(name: str | None, start_url: str, first_page_text: str | None = None, *,
                options: Mapping[str, Any] | None = None) -> Profile:
    """The profile for a channel: ``name`` when given, else detected from the first page's text or
    the URL, else generic discovery (which still switches family when it recognises page 1)."""
    if name:
        return make_profile(name, options=options)
    detected = detect_profile(start_url, first_page_text)
    if detected and detected != "generic":
        return make_profile(detected, options=options)
    return GenericProfile(options=options)


def parse_list(profile: Profile, request: ListRequest, text: str) -> ListPage:
    """``profile.parse_list`` plus the rows broken markup hid from the parser (``recovered`` counts
    them; see :mod:`.recover`): a malformed list never hides postings, whatever the profile."""
    return recover_rows(profile.parse_list(request, text), request, text)


__all__ = [
    "PROFILES",
    "GenericProfile",
    "HanwebProfile",
    "HunanProfile",
    "JpaasProfile",
    "ListEntry",
    "ListPage",
    "ListRequest",
    "NfcmsProfile",
    "Profile",
    "TrsProfile",
    "UcapProfile",
    "UnknownProfile",
    "detect_profile",
    "get_profile",
    "make_profile",
    "parse_list",
]
