"""Traditional script folded to simplified, one character for one, where text enters the readers.

Government pages and their mirrors are written in both scripts (督察組 / 督察组, 第三輪 / 第三轮,
反饋 / 反馈, 銷號 / 销号).  The readers' grammars are written once, in simplified script; each reader
folds the text it receives with ``fold_script`` and reads the folded copy.  The table maps single
characters to single characters only (``archive/script_table.py``, generated from zhconv), so every
offset and span read in the folded copy is the same in the original: a reader that returns text
(a publisher's name) slices it from the original, and nothing stored is ever rewritten.
"""
from __future__ import annotations

import logging
from functools import lru_cache

from archive.script_table import SIMPLIFIED, TRADITIONAL

logger = logging.getLogger(__name__)

#: ``str.translate`` table: traditional code point → simplified code point
SCRIPT_FOLD: dict[int, int] = str.maketrans(TRADITIONAL, SIMPLIFIED)


@lru_cache(maxsize=128)
def fold_script(text: str) -> str:
    """``text`` with traditional characters replaced by their simplified forms (same length).  The last texts are
    remembered: the timeliness fields and the ledger fold the same body several times, each reader once."""
    return text.translate(SCRIPT_FOLD)
