"""A list's enumerator opening a clause: ``1、`` / ``2. `` / ``一、`` / ``（一）`` / ``(3)`` / ``一是`` (one home for the readers).

Government texts number their points; the number is no part of the clause's words, so a reader that looks at how a
clause opens (its subject, its first verb) reads past it.  ``2.7`` is a decimal, never an enumerator.
"""
from __future__ import annotations

import re

#: the pattern (a regex string, to be embedded), optional spaces before
LIST_ENUMERATOR = (r"\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:、|[.．](?!\d))|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]"
                   r"|[一二三四五六七八九十]{1,2}是)")
_ENUMERATOR = re.compile(LIST_ENUMERATOR)


def past_enumerator(text: str, start: int) -> int:
    """``start``, or the end of a list's enumerator opening ``text`` there."""
    found = _ENUMERATOR.match(text, start)
    return found.end() if found else start
