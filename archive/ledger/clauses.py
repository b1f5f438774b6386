"""Where a clause or a sentence starts, for the readers that look back from a phrase to what opens its clause (pure
functions).  A clause ends at a comma, a full stop or a semicolon (either width); a sentence at a full stop."""
from __future__ import annotations

CLAUSE_ENDS = "，,。;；"


def clause_start(text: str, at: int) -> int:
    """Where the clause holding ``text[at]`` starts: after the last comma, full stop or semicolon before it."""
    return max(text.rfind(c, 0, at) for c in CLAUSE_ENDS) + 1


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` starts: after the last full stop before it."""
    return text.rfind("。", 0, at) + 1
