"""文号 (document numbers): 代字〔YYYY〕N号 and its variants, normalised to the 〔〕 form.

Accepted brackets around the year: 〔〕 [] ［］ () （） 【】 〖〗 ﹝﹞; 號 for 号.  Forms without
brackets are accepted only when unambiguous (``环发2019年12号``): loose forms such as
``环办督察函2022 58号`` are rejected on purpose: a wrong 文号 is worse than a missing one.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_CJK = "\u4e00-\u9fff"
_OPEN = "〔[［(（【〖﹝"
_CLOSE = "〕]］)）】〗﹞"
_BRACKETED = re.compile(
    rf"([{_CJK}]{{1,12}})\s?[{re.escape(_OPEN)}]\s?((?:19|20)\d{{2}})\s?[{re.escape(_CLOSE)}]"
    rf"\s?第?\s?(\d{{1,5}})\s?[号號]"
)
_BARE = re.compile(rf"([{_CJK}]{{1,12}}[发函字办令告规委复批审罚决])((?:19|20)\d{{2}})年第?(\d{{1,5}})[号號]")
# Words that precede a 文号 in running text but are not part of its 代字.
_LEAD_WORDS = re.compile(
    r"^(?:.*(?:根据|按照|依据|依照|对照|印发|转发|关于|详见|参见|参照|执行|落实|贯彻|通过|文号|引用|下发|发布|出台|制定|颁布|结合|"
    r"的|是|为|和|与|及|并|将|按|据|即|于|在))"
)
_MAX_PREFIX = 10


def _clean_prefix(prefix: str) -> str | None:
    """The 代字 without running-text words before it; None when implausible."""
    stripped = _LEAD_WORDS.sub("", prefix)
    prefix = stripped or prefix
    if len(prefix) > _MAX_PREFIX:
        prefix = prefix[-_MAX_PREFIX:]
    return prefix if len(prefix) >= 2 else None  # "第〔2023〕1号" is not a 文号


def normalise_doc_number(prefix: str, year: str, number: str) -> str:
    """Standard form ``代字〔YYYY〕N号`` (leading zeros of N dropped)."""
    return f"{prefix}〔{year}〕{int(number)}号"


def find_doc_numbers(text: str | None, *, normalise: bool = True) -> list[str]:
    """All 文号 in ``text``, de-duplicated, in order of appearance.

    Normalised to ``代字〔YYYY〕N号`` by default; ``normalise=False`` returns them as printed
    (still de-duplicated by their normalised form).
    """
    if not text:
        return []
    hits: list[tuple[int, str, str]] = []
    for pattern in (_BRACKETED, _BARE):
        for match in pattern.finditer(text):
            prefix = _clean_prefix(match.group(1))
            if prefix:
                start = match.start(1) + len(match.group(1)) - len(prefix)
                key = normalise_doc_number(prefix, match.group(2), match.group(3))
                hits.append((match.start(), key, text[start:match.end()]))
    result: dict[str, str] = {}
    for _, key, printed in sorted(hits):
        result.setdefault(key, printed)
    return list(result) if normalise else list(result.values())
