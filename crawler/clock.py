"""The crawler's notion of "now": real time in Asia/Shanghai, or ``DUCHA_CLOCK`` when set."""
from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def now(settings=None) -> datetime:
    """The current time, timezone-aware; ``DUCHA_CLOCK`` (setting, else environment; ISO 8601)
    overrides it for simulations."""
    fixed = (settings.get("DUCHA_CLOCK") if settings is not None else None) or os.environ.get("DUCHA_CLOCK")
    if fixed:
        value = datetime.fromisoformat(fixed)
        return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
    return datetime.now(SHANGHAI)


def now_iso(settings=None) -> str:
    """``now()`` as ISO 8601 with offset, to the second."""
    return now(settings).isoformat(timespec="seconds")
