"""One check of every filter a reader passes: dates, region, site, type, page — for the web and the CLI.

``check_params(params, vocabulary)`` validates the parameters present in ``params`` (empty means "all")
and raises ``archive.errors.InvalidParameterError`` with a message in Chinese and English naming what
is valid.  Dates are ``YYYY-MM-DD`` only (``2026/10/01``, ``20261001`` and ``garbage`` are refused,
never ignored: an ignored ``until`` silently returns later postings).  A region matches the way
``archive.regions`` says (``四川`` → ``四川省``); a site is a ``sites.id``; a type is a ``doc_types``
code or its Chinese label.  ``vocabulary(conn)`` reads the valid values from an archive connection.
"""
from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from archive.errors import InvalidParameterError
from archive.regions import matches

log = logging.getLogger(__name__)

#: Date parameters and their Chinese names.
DATE_PARAMS = {"since": "起始日期", "until": "截止日期", "as_of": "截至日期", "date": "日期"}
#: Parameters that are positive whole numbers (``page``) or whole numbers ≥ 0 (``days``, ``plan``).
NUMBER_PARAMS = {"page": ("页码", 1), "days": ("天数", 0), "plan": ("整改方案编号", 1)}
#: ``order`` of the search: newest first (empty, ``newest``) or relevance.
ORDERS = ("", "newest", "最新", "relevance", "rank", "相关度", "bm25")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Vocabulary:
    """The values an archive accepts for ``region``, ``site`` and ``type``."""

    regions: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)  # code -> Chinese label


def vocabulary(conn: sqlite3.Connection, *, ledger: bool = False) -> Vocabulary:
    """The archive's regions (with ``ledger``: the plans' regions too), site ids and document types."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    regions_sql = "SELECT region FROM sites WHERE region IS NOT NULL AND region != ''" if "sites" in names else ""
    if ledger and "plans" in names:
        plans = "SELECT region FROM plans WHERE region IS NOT NULL AND region != ''"
        regions_sql = f"{regions_sql} UNION {plans}" if regions_sql else plans
    regions = sorted({r[0] for r in conn.execute(regions_sql)}) if regions_sql else []
    sites = [r[0] for r in conn.execute("SELECT id FROM sites ORDER BY id")] if "sites" in names else []
    types = (dict(conn.execute("SELECT code, label_zh FROM doc_types ORDER BY rowid").fetchall())
             if "doc_types" in names else {})
    return Vocabulary(regions, sites, types)


def parse_date(value: str | None, *, name: str = "date") -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None when empty); ``InvalidParameterError`` for anything else."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    label = DATE_PARAMS.get(name, "日期")
    raise InvalidParameterError(
        name, text, f"{label} {name} 须为 YYYY-MM-DD 格式的日期（如 2026-10-01），不是 “{text}”。"
                    f" {name} must be a date YYYY-MM-DD (e.g. 2026-10-01), not {text!r}.")


def _listing(values: list[str]) -> str:
    return "、".join(values) if values else "（无 none）"


def check_region(value: str, valid: list[str]) -> str:
    """``value`` stripped when some valid region starts with it; ``InvalidParameterError`` otherwise."""
    text = value.strip()
    if any(matches(region, text) for region in valid):
        return text
    raise InvalidParameterError("region", text, f"未知地区 unknown region “{text}”；可选 valid regions: {_listing(valid)}",
                                valid=valid)


def check_site(value: str, valid: list[str]) -> str:
    """``value`` stripped when it is a site id; ``InvalidParameterError`` listing the ids otherwise."""
    text = value.strip()
    if text in valid:
        return text
    raise InvalidParameterError("site", text, f"未知站点 unknown site “{text}”；可选 valid sites: {_listing(valid)}",
                                valid=valid)


def check_type(value: str, types: Mapping[str, str]) -> str:
    """``value`` when it is a document type code or its Chinese label; ``InvalidParameterError`` otherwise."""
    text = value.strip()
    if text in types or text in types.values():
        return text
    listed = [f"{code}（{label}）" for code, label in types.items()]
    raise InvalidParameterError("type", text, f"未知类型 unknown type “{text}”；可选 valid types: {_listing(listed)}",
                                valid=list(types))


def check_number(name: str, value: str) -> int:
    """``value`` as a whole number of at least ``NUMBER_PARAMS[name]``'s minimum."""
    label, least = NUMBER_PARAMS[name]
    text = value.strip()
    if text.isascii() and text.isdigit() and int(text) >= least:
        return int(text)
    raise InvalidParameterError(name, text, f"{label} {name} 须为不小于 {least} 的整数，不是 “{text}”。"
                                            f" {name} must be a whole number ≥ {least}, not {text!r}.")


def check_params(params: Mapping[str, str | None], vocab: Vocabulary) -> None:
    """Validate every known parameter present and not empty in ``params``; the first bad one raises
    ``InvalidParameterError``.  Also refuses a ``since`` later than ``until``."""
    for name, raw in params.items():
        value = (raw or "").strip()
        if not value:
            continue
        if name in DATE_PARAMS:
            parse_date(value, name=name)
        elif name == "region":
            check_region(value, vocab.regions)
        elif name == "site":
            check_site(value, vocab.sites)
        elif name == "type":
            check_type(value, vocab.types)
        elif name in NUMBER_PARAMS:
            check_number(name, value)
        elif name == "order" and value not in ORDERS:
            raise InvalidParameterError(name, value, f"排序 order 可选 newest（最新，默认）或 relevance（相关度），不是 “{value}”。"
                                                     f" order is newest (default) or relevance, not {value!r}.",
                                        valid=["newest", "relevance"])
    since, until = (parse_date(params.get(n), name=n) for n in ("since", "until"))
    if since and until and since > until:
        raise InvalidParameterError("until", until, f"截止日期 until（{until}）早于起始日期 since（{since}）。"
                                                    f" until ({until}) is before since ({since}).")
