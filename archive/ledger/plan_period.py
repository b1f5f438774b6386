"""A five-year plan's period as a limit (pure patterns for ``archive.ledger.deadlines``): its end (到“十三五”末 →
2020-12-31) or the period when a completion is aimed at within it (“十四五”时期要…全部完成治理 → 2025-12-31).
"""
from __future__ import annotations

import datetime as dt
import logging
import re

from archive.ledger.limit_words import AIM_VERB

logger = logging.getLogger(__name__)

#: a five-year plan's period before its end (到“十三五”末 → 2020-12-31): 十一五 ends in 2010, each five years on
PLAN_PERIOD = re.compile(r"[“\"「]?十(?P<n>[一二三四五六七八九])五[”\"」]?\s*(?:规划)?\s*(?:时期|期)?(?=末)")
#: …or the period itself when a completion is aimed at within it, in its clause (“十四五”时期要…全部完成治理, 十四五期间
#: 确保建成…, 在“十四五”期间,全面完成…; 十三五期间,…将持续增长 and a report, 十三五期间完成了…, set none)
PLAN_SPAN = re.compile(r"[“\"「]?十(?P<n>[一二三四五六七八九])五[”\"」]?\s*(?:规划)?\s*(?:时期|期间|期内|内)"
                       rf"(?=\s*[，,]?[^，,。;；]{{0,4}}?(?:要|{AIM_VERB}|必须|须|应|计划)[^，,。;；]{{0,30}}?"
                       r"(?:完成|完工|建成|实现|到位)(?![了过])"
                       # …or opened by 在 with the degree of a directive and no modal (在“十四五”期间,全面完成…的排查)
                       r"|(?<=在[“\"「]十[一二三四五六七八九]五[”\"」]期间)\s*[，,]?\s*(?:全面|全部)(?:完成|建成|实现)(?![了过]))")


def plan_end(m: re.Match[str]) -> dt.date:
    """The last day of the five-year plan period named by ``m`` (十一五 ends in 2010, each five years on)."""
    return dt.date(2010 + 5 * "一二三四五六七八九".index(m.group("n")), 12, 31)
