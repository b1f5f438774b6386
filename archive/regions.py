"""Region names as readers type them: ``四川`` means ``四川省`` (and ``内蒙古`` ``内蒙古自治区``).

One rule everywhere (canned queries, feeds, ``ducha report --region``): a region given by a reader
matches every ``sites.region`` that *starts with* it.  ``REGION_MATCH`` is that rule in SQL;
``resolve_region`` checks a name against the sites and raises ``UnknownRegionError`` listing the
valid ones when nothing matches.
"""
from __future__ import annotations

import logging
import sqlite3
from typing import Any

from archive.errors import UnknownRegionError

log = logging.getLogger(__name__)

#: SQL: ``{column}`` starts with the parameter ``{param}`` (no LIKE, so ``%`` and ``_`` are literal).
REGION_MATCH = "instr({column}, {param}) = 1"


def region_match(column: str, param: str) -> str:
    """``REGION_MATCH`` for a column and a named or positional parameter (``:region`` or ``?``)."""
    return REGION_MATCH.format(column=column, param=param)


def matches(region: str | None, wanted: str) -> bool:
    """Python twin of ``REGION_MATCH``."""
    return bool(region) and str(region).startswith(wanted.strip())


def known_regions(conn: Any) -> list[str]:
    """Distinct ``sites.region`` values, sorted (``conn``: sqlite3 connection or sqlite-utils Database)."""
    try:
        rows = conn.execute("SELECT DISTINCT region FROM sites WHERE region IS NOT NULL AND region != ''"
                            " ORDER BY region").fetchall()
    except sqlite3.Error as exc:
        log.warning("no sites table to read regions from: %s", exc)
        return []
    return [row[0] for row in rows]


def resolve_region(conn: Any, wanted: str, *, site_ids: bool = False) -> str:
    """``wanted`` stripped, after checking that it matches some site's region (or, with ``site_ids``,
    is a site id); raises ``UnknownRegionError`` listing the valid regions otherwise."""
    text = wanted.strip()
    valid = known_regions(conn)
    if text and any(matches(r, text) for r in valid):
        return text
    if text and site_ids and conn.execute("SELECT 1 FROM sites WHERE id = ?", [text]).fetchone():
        return text
    raise UnknownRegionError(wanted, valid)
