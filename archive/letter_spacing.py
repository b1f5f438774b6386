"""Spaces a PDF's text layer or a page's heading sets between single characters, which no writer wrote.

A PDF set with letter-spacing, or justified, comes out of its text layer with a space between every character
(``中 央 第 四 生 态 环 境 保 护 督 察 组 于 2016 年 11 月``), and pages space a heading's characters apart (``公 示``).  A
space between two Han characters splits every word the readers' grammars read.  ``spacing_gaps`` finds the spaces to
read as not there:

* inside a run of four or more single Han characters each set apart by spaces (``中 央 第 四``): a space between words
  (``中央环保督察启动 第十督察组``) is the writer's and stays;
* on a line that is letter-spaced as a whole — more of its neighbouring characters (Han, digits, Chinese marks) stand
  apart than Han characters and digits stand together, at least four of the gaps beside a Han character (a row of
  numbers alone is never closed, nor two numbers of several digits, ``5 10``) — every space between two of its Han characters, Chinese marks and digits (``反 馈 “ 回 头
  看 ”``, ``2 0 1 9 年 5 月``), so the short runs between marks (``回 头 看``) and the numbers close as well.

``archive.script_fold.unannotated`` takes them out with a mirror's inline pinyin, keeping each kept character's offset,
so the readers read the closed text and every span maps back to the text as given.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_GAP = "[ \t\u3000\xa0]+"
#: a run of single Han characters each set apart by spaces
_SPACED_RUN = re.compile(rf"(?<![{_HAN}])[{_HAN}](?:{_GAP}[{_HAN}](?![{_HAN}])){{3,}}")
#: Chinese marks a letter-spaced line also sets apart
_MARKS = "，。、；：？！“”‘’《》（）【】〔〕,.;:?!()%/\\-"
_CLOSABLE = re.compile(rf"(?<=[{_HAN}{_MARKS}0-9０-９]){_GAP}(?=[{_HAN}{_MARKS}0-9０-９])")
_TOGETHER = re.compile(rf"[{_HAN}0-9０-９](?=[{_HAN}0-9０-９])")
_MIN_APART = 4
_HAN_CHAR = re.compile(f"[{_HAN}]")
_DIGIT = re.compile("[0-9０-９]")


def _between_numbers(line: str, start: int, end: int) -> bool:
    """Whether the gap stands between two numbers of more than one digit's run (``5 10``, a table's cells): only single
    digits set apart (``2 0 1 9``) are letter-spacing."""
    before, after = line[start - 1], line[end]
    if not (_DIGIT.match(before) and _DIGIT.match(after)):
        return False
    return bool(start >= 2 and _DIGIT.match(line[start - 2]) or end + 1 < len(line) and _DIGIT.match(line[end + 1]))


def spacing_gaps(text: str) -> list[tuple[int, int]]:
    """Spans of the spaces in ``text`` that only set single characters apart (sorted, not overlapping)."""
    if " " not in text and "\u3000" not in text and "\t" not in text and "\xa0" not in text:
        return []
    gaps: set[tuple[int, int]] = set()
    for run in _SPACED_RUN.finditer(text):
        gaps.update((run.start() + g.start(), run.start() + g.end()) for g in re.finditer(_GAP, run.group(0)))
    pos = 0
    for line in text.split("\n"):
        apart = [g for g in _CLOSABLE.finditer(line) if not _between_numbers(line, g.start(), g.end())]
        by_han = sum(1 for g in apart if _HAN_CHAR.match(line[g.start() - 1]) or _HAN_CHAR.match(line[g.end()]))
        if by_han >= _MIN_APART and len(apart) > len(_TOGETHER.findall(line)):
            gaps.update((pos + g.start(), pos + g.end()) for g in apart)
        pos += len(line) + 1
    if gaps:
        logger.debug("letter-spacing: %d spaces between single characters read as not there", len(gaps))
    return sorted(gaps)
