"""Where a clause or a sentence starts, for the readers that look back from a phrase to what opens its clause (pure
functions).  A clause ends at a comma, a full stop or a semicolon (either width); a sentence at a full stop.  The
readers of namings, counts and feedback sentences also end both at a line break (``LINE_CLAUSE_ENDS``,
``SENTENCE_ENDS``): a table cell or a list line is its own clause."""
from __future__ import annotations

CLAUSE_ENDS = "，,。;；"
LINE_CLAUSE_ENDS = CLAUSE_ENDS + "\n"
#: a sentence or a line: a full stop, a semicolon or a line break
SENTENCE_ENDS = "。；;\n"


def clause_start(text: str, at: int, ends: str = CLAUSE_ENDS) -> int:
    """Where the clause holding ``text[at]`` starts: after the last of ``ends`` (by default a comma, full stop or
    semicolon) before it."""
    return max(text.rfind(c, 0, at) for c in ends) + 1


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` starts: after the last full stop before it."""
    return text.rfind("。", 0, at) + 1


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence or line (``SENTENCE_ENDS``) holding ``text[start:end]``, without the mark that ends it."""
    rights = [i for i in (text.find(c, end) for c in SENTENCE_ENDS) if i >= 0]
    return text[clause_start(text, start, SENTENCE_ENDS):min(rights) if rights else len(text)]
