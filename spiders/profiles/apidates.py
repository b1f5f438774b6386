"""Dates as JSON list APIs give them: strings in any list form, or epoch seconds / milliseconds.

Epoch values are read in China Standard Time (UTC+8), the zone every one of these CMSs stamps in.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from archive.timeliness.shown_dates import parse_shown_date as parse_date

logger = logging.getLogger(__name__)
CST = dt.timezone(dt.timedelta(hours=8))
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
# 2000-01-01 .. 2100-01-01 in seconds: an epoch outside that is not a publication date
_LOW, _HIGH = 946_684_800, 4_102_444_800


def epoch_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` (UTC+8) of an epoch in seconds or milliseconds; ``None`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    text = str(value).strip()
    if isinstance(value, float):
        text = str(int(value))
    if not _EPOCH.match(text):
        return None
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    if not _LOW <= seconds < _HIGH:
        return None
    return dt.datetime.fromtimestamp(seconds, CST).date().isoformat()


def api_date(value: Any) -> str | None:
    """The list date of an API field: an epoch (s or ms) or any date string ``parse_date`` reads."""
    if value is None or value == "":
        return None
    return epoch_date(value) or (parse_date(value) if isinstance(value, str) else None)
