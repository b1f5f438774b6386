"""Where a clause or a sentence starts and ends, for the readers that look back or ahead from a phrase (pure
functions).  A clause ends at a comma, a full stop or a semicolon (either width); a sentence at a full stop.  The
readers of namings, counts and feedback sentences also end both at a line break (``LINE_CLAUSE_ENDS``,
``SENTENCE_ENDS``): a table cell or a list line is its own clause."""
from __future__ import annotations

CLAUSE_ENDS = "，,。;；"
LINE_CLAUSE_ENDS = CLAUSE_ENDS + "\n"
#: a sentence or a line: a full stop, a semicolon or a line break
SENTENCE_ENDS = "。；;\n"
#: a sentence in text read as one line (its breaks closed): a full stop or a semicolon
STOP_ENDS = "。；;"


def clause_start(text: str, at: int, ends: str = CLAUSE_ENDS) -> int:
    """Where the clause holding ``text[at]`` starts: after the last of ``ends`` (by default a comma, full stop or
    semicolon) before it."""
    return max(text.rfind(c, 0, at) for c in ends) + 1


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` starts: after the last full stop before it."""
    return text.rfind("。", 0, at) + 1


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` ends: at the first full stop from ``at`` on (the text's end if none)."""
    end = text.find("。", at)
    return end if end >= 0 else len(text)


def clause_end(text: str, at: int, ends: str = CLAUSE_ENDS) -> int:
    """Where the clause holding ``text[at]`` ends: at the first of ``ends`` from ``at`` on (the text's end if none)."""
    return min((i for i in (text.find(c, at) for c in ends) if i >= 0), default=len(text))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence or line (``SENTENCE_ENDS``) holding ``text[start:end]``, without the mark that ends it."""
    return text[clause_start(text, start, SENTENCE_ENDS):clause_end(text, end, SENTENCE_ENDS)]
