"""Recognising a CMS family from a list page's URL and markup."""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_UCAP_URL = re.compile(r"/c\d{5,}/[\w-]+\.shtml")
_HANWEB_URL = re.compile(r"/col/col\d+/")
_CHANNEL_ID = re.compile(r"\bchannelId\s*[=:]")


def detect_profile(url: str, text: str | None) -> str | None:
    """The family a list page belongs to: ``jpaas``, ``hunan``, ``trs``, ``hanweb``, ``ucap``, ``nfcms``
    or ``generic``.

    Markup decides (``loadPageData(`` with ``webSiteCode`` → jpaas, a call to api.hunan.gov.cn's
    search → hunan, ``<meta name="channelId">`` → ucap, ``createPageHTML``/``countPage`` → trs, ``<datastore>`` → hanweb, a
    ``/common/search/`` URL or a cNNNNNN ``.shtml`` page with ``channelId`` → ucap,
    ``totalPage = Math.ceil`` → nfcms); without text the URL shape is used
    (``/col/colN/`` → hanweb, ``/cNNNNNN/x.shtml`` → ucap, ``/gkmlpt/`` → nfcms).  ``generic`` when
    nothing matches; ``None`` only when neither URL nor text says anything (no text, unknown URL).
    """
    if text:
        if "loadPageData(" in text and "webSiteCode" in text:
            return "jpaas"
        if "api.hunan.gov.cn/search/common/search" in text:
            return "hunan"
        if re.search(r"""<meta[^>]+name=["']channelId["']""", text, re.IGNORECASE):
            return "ucap"
        if "<datastore>" in text or "dataproxy.jsp" in text:
            return "hanweb"
        if "createPageHTML" in text or re.search(r"\bcountPage\s*=", text):
            return "trs"
        if ("/common/search/" in text and "channelId" in text) or (_CHANNEL_ID.search(text) and _UCAP_URL.search(url)):
            return "ucap"
        if re.search(r"\btotalPage\s*=\s*Math\.ceil", text) or "/gkmlpt/" in url:
            return "nfcms"
        return "generic"
    if _HANWEB_URL.search(url):
        return "hanweb"
    if _UCAP_URL.search(url) or "/common/search/" in url:
        return "ucap"
    if "/gkmlpt/" in url:
        return "nfcms"
    return None
