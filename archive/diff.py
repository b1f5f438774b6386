"""Pure diffs between two versions' texts: ``(old, new) -> result``.

All HTML is assembled from ``html.escape``d text only, so markup inside an archived page
(``<script>`` …) can never reach the reader as markup.  Chinese has no spaces, so the inline
diff is character-level (diff-match-patch with semantic clean-up, bounded by ``Diff_Timeout``).
"""
from __future__ import annotations

import difflib
import html
import re

from diff_match_patch import diff_match_patch

TIMEOUT_S = 1.0
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = TIMEOUT_S
    return dmp


def diff_ops(old: str, new: str) -> list[tuple[int, str]]:
    """diff-match-patch operations ``(-1 delete | 0 equal | 1 insert, text)`` after semantic clean-up."""
    dmp = _dmp()
    diffs = dmp.diff_main(old or "", new or "")
    dmp.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs]


def inline_diff(old: str, new: str) -> str:
    """HTML fragment of the new text with ``<del>`` / ``<ins>`` marking what changed (escaped text only)."""
    out = []
    for op, text in diff_ops(old, new):
        escaped = html.escape(text).replace("\n", "<br>\n")
        out.append(escaped if op == 0 else f"<ins>{escaped}</ins>" if op == 1 else f"<del>{escaped}</del>")
    return "".join(out)


def sentences(text: str) -> list[str]:
    """Split Chinese text into sentence lines (after 。！？； and at line breaks) for line diffs."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text or "")) if s]


def side_by_side(old: str, new: str, *, context: bool = True, numlines: int = 2) -> str:
    """An HTML table comparing the two texts sentence by sentence (``difflib.HtmlDiff``, which escapes)."""
    table = difflib.HtmlDiff(wrapcolumn=60).make_table(
        sentences(old), sentences(new), fromdesc="旧版本 old", todesc="新版本 new", context=context,
        numlines=numlines)
    return table


def diff_stats(old: str, new: str) -> dict[str, int]:
    """Counts of characters ``inserted``, ``deleted``, ``unchanged`` and the number of changed ``hunks``."""
    stats = {"inserted": 0, "deleted": 0, "unchanged": 0, "hunks": 0}
    previous_equal = True
    for op, text in diff_ops(old, new):
        key = {1: "inserted", -1: "deleted", 0: "unchanged"}[op]
        stats[key] += len(text)
        if op != 0 and previous_equal:
            stats["hunks"] += 1
        previous_equal = op == 0
    return stats
