"""The level of an inspection a naming's words give (``naming``'s LEVEL): central or provincial, and when a 市级 naming
is a municipality's own, provincial-level inspection (北京 / 天津 / 上海 / 重庆 or one of their districts named)."""
from __future__ import annotations

import re

from archive.ledger.clauses import sentence_around
from archive.ledger.naming_words import _MUNICIPAL_DISTRICT

#: the four municipalities, whose 市级 inspections are provincial-level
MUNICIPALITY = re.compile(r"北京|天津|上海|重庆")
#: a province or a city other than a municipality named in a 市级 naming's sentence: that city's own inspection
_OTHER_CITY = re.compile(r"[\u4e00-\u9fff](?:省|自治区)"
                         r"|(?<=[\u4e00-\u9fff])(?<!北京)(?<!天津)(?<!上海)(?<!重庆)(?<![城我本全该各都超])市(?![级委政民场区县])")
_DISTRICT = re.compile(_MUNICIPAL_DISTRICT)


def municipal(masked: str, m: re.Match[str]) -> bool:
    """Whether a 市级 naming is a municipality's (provincial): the municipality named in the 80 characters before, or
    one of its own districts in the naming's sentence with no other province or city named there (首批市级督察组进驻
    丰台、房山、大兴三个区; 督察五组到璧山区开展…市级…专项督察)."""
    if MUNICIPALITY.search(masked[:m.start()][-80:]):
        return True
    sentence = sentence_around(masked, m.start(), m.end())
    return bool(_DISTRICT.search(sentence)) and not _OTHER_CITY.search(sentence)


def glued_level(m: re.Match[str]) -> bool:
    """Whether a bare 督察组's level is glued to it, nothing between (省督察组, 省级督察组, 自治区督察组)."""
    return bool(m.group("level")) and m.end("level") == m.start("bare") and m.group("level") != "市级"


def level_of(word: str | None) -> str | None:
    """The level a naming's level word gives: central for 中央 / 央, provincial for any other, None for none."""
    if not word:
        return None
    return "central" if word in ("中央", "央") else "provincial"
