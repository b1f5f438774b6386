"""What opens a sentence without being part of what it states: a list item's enumerator (``1.``, ``2、``, ``(一)``,
``一、``, ``一是``) and an attribution (``据悉,``, ``据了解,``, ``经查,``, ``记者了解到,``).  The status and deadline readers
anchor some of their classes at the start of the wording (a heading ``整改完成情况:``, a past date ``2019年6月底,…如期完成``);
``without_lead_in`` gives them that start whatever the writer put before it; ``closed_gaps`` takes out the spaces a PDF's
text layer puts between characters (年 底 前 完 成), which no class expects.
"""
from __future__ import annotations

import logging
import re

from archive.enumerators import ENUMERATOR

logger = logging.getLogger(__name__)

#: an attribution of what follows to a source or a check, closed by a comma
_ATTRIBUTION = r"(?:据(?:悉|了解|介绍|统计|报道)|经(?:查|核查|调查|了解)|记者(?:从[^，,。]{1,12})?了解到|另悉)\s*[，,:：]"
#: spaces (not a line break: a heading on its own line stays one) between two Han characters
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000\xa0]+(?=[\u4e00-\u9fff])")
_LEAD_IN = re.compile(rf"^\s*(?:(?:{ENUMERATOR})\s*|(?:{_ATTRIBUTION})\s*)+")


def lead_in_end(text: str) -> int:
    """Where the wording of ``text`` starts after its enumerators and attributions (0: none)."""
    m = _LEAD_IN.match(text)
    return m.end() if m else 0


def without_lead_in(text: str) -> str:
    """``text`` without the enumerators and attributions that open it ("1.据悉,已完成" → "已完成")."""
    return text[lead_in_end(text):]


def closed_gaps(text: str) -> str:
    """``text`` without the spaces between two Han characters ("年 底 前 完 成" → "年底前完成")."""
    return _HAN_GAP.sub("", text)
