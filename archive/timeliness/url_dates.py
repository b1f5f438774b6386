"""The date a CMS put into a URL: ``url_date(url)`` reads it (t20240703_…, /art/2024/7/3/, /202407/, a PDF's
P020240703…), ``url_day`` and ``url_year`` are its short forms (the crawler's list profiles and detail extraction call
them for a page whose list row or info line shows no full date).  Dates in text are read by ``archive.timeliness.dates``.
"""
from __future__ import annotations

import re

from archive.timeliness.dates import DateMention, Precision, date_of_parts

_URL_PATTERNS: list[tuple[re.Pattern[str], Precision]] = [
    (re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"), "day"),  # TRS t20240703_1043210
    (re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"), "day"),  # Hanweb
    (re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"), "day"),  # cNNNNNN family
    (re.compile(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})/"), "day"),
    (re.compile(r"/((?:19|20)\d{2})/(\d{2})-(\d{2})/"), "day"),  # /2024/07-03/ (Xinhua-style paths)
    (re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/"), "day"),  # /2024-07/03/
    (re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"), "day"),
    (re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"), "day"),  # /2024/0703/ (People's Daily-style paths)
    (re.compile(r"-((?:19|20)\d{2})(\d{2})(\d{2})\d{9}\.\w+$"), "day"),  # files/<name>-20240703155735492.pdf
    (re.compile(r"/P0?2?((?:19|20)\d{2})(\d{2})(\d{2})\d{6,}\.\w+$"), "day"),  # P020240703512345678901.pdf
    (re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{6,})?[/_.-]"), "day"),  # 20240703 in a path
    (re.compile(r"/((?:19|20)\d{2})(\d{2})/"), "month"),  # /202407/
]


def url_date(url: str | None) -> DateMention | None:
    """The date a URL encodes (source ``url``), or None; ``/202407/`` gives precision ``month``."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    for regex, precision in _URL_PATTERNS:
        m = regex.search(path)
        if not m:
            continue
        nums = [int(g) for g in m.groups()]
        value = date_of_parts(nums[0], nums[1], nums[2] if len(nums) > 2 else None, precision, "date")
        if value is None:
            continue
        return DateMention(value=value, text=m.group(0), start=m.start(), end=m.end(), precision=precision,
                           year=nums[0], month=nums[1], day=nums[2] if len(nums) > 2 else None, source="url")
    return None


def url_day(url: str | None) -> str | None:
    """The full date (``YYYY-MM-DD``) a URL encodes, or None when it encodes none or only a month."""
    mention = url_date(url)
    return mention.iso() if mention and mention.precision == "day" else None


def url_year(url: str | None) -> int | None:
    """The year a URL encodes (a full date or a ``/202407/`` month folder), for year-less list dates."""
    mention = url_date(url)
    return mention.year if mention else None

