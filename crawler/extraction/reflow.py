"""Lines a document's layout wrapped, joined back into the sentences they cut.

pdfminer (a PDF's text layer) and the OCR engines (a scan) give text as it was laid out: a sentence wider than the column runs on over the
next line, often inside a word, a number or a date (``反馈督察意见后,省委、省政府高度`` / ``重视``, ``2017年8月`` /
``1日``).  The ledger's readers end what they read at a line break (a table row, a heading, an item of a list), so a
feedback sentence, an inspection's name or a task count cut by the layout reads as nothing, or as less.

``reflow`` joins a line to the next when the layout, not the writer, ended it:

* the line does not end a sentence (``。！？；：`` and their ASCII forms, with a closing quote or bracket after them); and
* it runs to the column's edge — its display width (a Han character counts two, as it is set) or its count of
  characters (a layout that sets every character in one cell, as the simulated web's PDFs do) is within a tenth of the
  document's wrap width in that measure, the one at least two of its lines reach — or it ends on a mark that asks for
  more (``，、``);
* and the next line does not start an item, a heading or a numbered row of its own (``一、``, ``(二)``, ``3.``, ``4、``,
  ``5 `` before a table row's cells, ``第六条``, ``附件``, a bullet).

The marks and the item starts are the readers' own grammar of line breaks (``archive.line_breaks``), which also reads a
page's ``<br>`` after a comma as no break.

Short lines (headings, a signer, a date, the cells of an unruled table) are never full, so they stay as they are; a
document with fewer than two full lines has no wrap width and is left alone.  Han text is joined without a space
(Chinese has none between words), other text with one.  DOC (``antiword -w 0``), DOCX and LibreOffice text is written a
paragraph a line and is not reflowed.
"""
from __future__ import annotations

import logging
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from archive.line_breaks import ASKS_MORE, ENDS_SENTENCE, STARTS_ITEM

logger = logging.getLogger(__name__)

_MIN_FULL_LINES = 2
_SLACK = 0.1  # a line within this share of the wrap width reaches the column's edge


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(line: str) -> int:
    """Columns the line takes when set: a wide (Han, full-width) character two, any other one."""
    return sum(2 if _wide(ch) else 1 for ch in line)


def wrap_width(widths: list[int]) -> int | None:
    """The width a document's wrapped lines reach: the widest width at least two lines come within a tenth of
    (None when no two lines do: nothing was wrapped, or nothing can be told)."""
    ascending = sorted(w for w in widths if w > 0)
    for width in reversed(ascending):
        if bisect_right(ascending, width) - bisect_left(ascending, width * (1 - _SLACK)) >= _MIN_FULL_LINES:
            return width
    return None


def _joiner(left: str, right: str) -> str:
    a, b = left[-1], right[0]
    return "" if _wide(a) or _wide(b) or (a.isdigit() and b.isdigit()) else " "


def reflow(lines: Iterable[str]) -> list[str]:
    """``lines`` (whitespace already collapsed, empty ones dropped) with the lines the layout wrapped joined to the
    line they continue."""
    kept = [line for line in lines if line]
    edges = (wrap_width([display_width(line) for line in kept]), wrap_width([len(line) for line in kept]))
    out: list[str] = []
    joined = 0
    open_line = False  # the last line of ``out`` goes on in the next one
    for line in kept:
        if out and open_line and not STARTS_ITEM.match(line):
            out[-1] += _joiner(out[-1], line) + line
            joined += 1
        else:
            out.append(line)
        open_line = _goes_on(line, edges)
    if joined:
        logger.debug("reflow: %d wrapped lines joined (wrap widths %s)", joined, edges)
    return out


def _goes_on(line: str, edges: tuple[int | None, int | None]) -> bool:
    """Whether the layout, not the writer, ended ``line`` (``edges``: the wrap width by display width and by count)."""
    if ENDS_SENTENCE.search(line):
        return False
    if ASKS_MORE.search(line):
        return True
    by_width, by_count = edges
    return (by_width is not None and display_width(line) >= by_width * (1 - _SLACK)
            or by_count is not None and len(line) >= by_count * (1 - _SLACK))
