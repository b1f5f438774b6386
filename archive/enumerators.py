"""A list's enumerator opening a clause: ``1、`` / ``2. `` / ``一、`` / ``（一）`` / ``(3)`` / ``一是`` (one home for the readers).

Government texts number their points; the number is no part of the clause's words, so a reader that looks at how a
clause opens (its subject, its first verb) reads past it.  ``2.7`` is a decimal, never an enumerator.
"""
from __future__ import annotations

import re

_CN = "一二三四五六七八九十"
#: an enumerator (a regex string, to be embedded): a number closed by a mark (not 2.7 or 1.5: a digit after the mark
#: is a decimal, unless it opens a year, 1.2020年), a number closed by a bracket, a bracketed numeral, a Chinese numeral
#: with 、 or 是 (一是, 二是 — 一是一非 is not one)
ENUMERATOR = (rf"(?:(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*(?:、|[.．](?!\d{{1,3}}(?![\d年])))|\d{{1,2}}\s*[)）]"
              rf"|[（(]\s*[{_CN}\d]{{1,3}}\s*[)）]|[{_CN}]{{1,2}}是(?![{_CN}非否]))")
#: the same, spaces before it allowed
LIST_ENUMERATOR = rf"\s*{ENUMERATOR}"
_ENUMERATOR = re.compile(LIST_ENUMERATOR)


def past_enumerator(text: str, start: int) -> int:
    """``start``, or the end of a list's enumerator opening ``text`` there."""
    found = _ENUMERATOR.match(text, start)
    return found.end() if found else start
