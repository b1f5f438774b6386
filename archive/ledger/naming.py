"""Which inspection a text names (baseline wrapper; replaced below)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from archive.ledger.numbers import number_value

_INSPECTION = re.compile(
    r"(?P<round>第[一二三四五六七八九十]+轮)?\s*(?P<batch>第[一二三四五六七八九十]+批)?\s*"
    r"(?P<level>中央|省级|省)(?:第[一二三四五六七八九十]+)?生态环境保护(?:例行)?督察(?:组)?(?P<again>“?回头看”?)?")


@dataclass(frozen=True)
class InspectionName:
    level: str
    round: int | None
    batch: int | None
    group: int | None
    again: bool
    special: bool
    text: str
    start: int

    def key(self) -> tuple:
        return (self.level, self.round, self.batch, self.group, self.again, self.special)


def inspection_name(text: str) -> InspectionName | None:
    m = _INSPECTION.search(text or "")
    if not m:
        return None
    rnd = number_value(m.group("round")[1:-1]) if m.group("round") else None
    batch = number_value(m.group("batch")[1:-1]) if m.group("batch") else None
    return InspectionName("central" if m.group("level") == "中央" else "provincial", rnd, batch, None,
                          bool(m.group("again")), False, m.group(0), m.start())
