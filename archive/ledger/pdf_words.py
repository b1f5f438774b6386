"""Task tables of PDFs printed without ruled lines, rebuilt from word positions.

pdfplumber's ``extract_tables`` finds cells from drawn lines; many 整改任务清单 PDFs are laid out in
columns of text with no lines at all.  ``unruled_grids`` reads such a page as follows:

1. words (pdfplumber ``extract_words``) are grouped into lines by their top;
2. the header line is the first whose words name a task table's columns (序号 plus 问题/整改任务 or
   整改时限 — the same header words as ``archive.ledger.tasks``); each header word starts a column,
   and the boundary between two columns is the middle of the gap between their header words;
3. a line with a task number in the 序号 column starts a row; a following line without one, close
   below (at most ``_WRAP`` line heights), continues the row's cells (wrapped text, re-joined without
   a space inside Chinese); category rows ("二、生态保护问题") and lines further down end the row;
   text in the 序号 column that is neither a number nor a category ends the table (a note below it);
4. a page without a header continues the previous page's table with the same columns.

Grids come out as ``[header, row, row, …]`` like the other readers, for ``tasks_from_grid``.
"""
from __future__ import annotations

import logging
import re
from itertools import pairwise
from typing import Any

from archive.ledger.numbers import task_number
from archive.ledger.tables import Grid, _clean

logger = logging.getLogger(__name__)

_SAME_LINE = 3.0  # points: words whose tops differ by less are on one line
_WRAP = 1.6  # a continuation line starts at most this many line heights below the previous line
_CATEGORY = re.compile(r"^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[）)]")


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= _SAME_LINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


Columns = tuple[list[str], list[float], list[float]]


def _columns(line: list[dict[str, Any]]) -> Columns | None:
    """Header texts, the left boundaries of their columns and how far right each column's text may run
    (the next header's left edge; the last column: unbounded here), when ``line`` is a task table's header."""
    from archive.ledger.tasks import _roles

    texts = [w["text"] for w in line]
    roles = set(_roles(texts).values())
    if len(line) < 3 or "number" not in roles or not roles & {"problem", "deadline_text"}:
        return None
    starts = [float("-inf")] + [(a["x1"] + b["x0"]) / 2 for a, b in pairwise(line)]
    return texts, starts, [float(w["x0"]) for w in line[1:]] + [float("inf")]


def _cells(line: list[dict[str, Any]], starts: list[float]) -> tuple[list[str], list[float]]:
    """The line's text per column, and where each column's text ends."""
    cells = [""] * len(starts)
    ends = [0.0] * len(starts)
    for word in line:
        col = max(i for i, s in enumerate(starts) if word["x0"] >= s)
        cells[col] = f"{cells[col]} {word['text']}" if cells[col] else word["text"]
        ends[col] = max(ends[col], float(word["x1"]))
    return cells, ends


def _rows(lines: list[list[dict[str, Any]]], columns: Columns, right: float) -> tuple[list[list[str]], bool]:
    """Rows of the table lines; and whether the table ended here.  A cell's next line is joined as a wrap
    (re-joined without a space inside Chinese) when its previous line ran to the column's right edge,
    else by a space (a deliberate break: "市生态环境局" / "市发展改革委" are two units).  The last column's
    right edge is ``right``, where the page's text ends."""
    _, starts, limits = columns
    limits = [min(limit, right) for limit in limits]
    row_ends: list[float] = []
    rows: list[list[str]] = []
    open_row = False
    last_top = last_height = 0.0
    for line in lines:
        cells, ends = _cells(line, starts)
        top, height = line[0]["top"], max(w["bottom"] - w["top"] for w in line)
        first = next((c for c in cells if c), "")
        if cells[0] and task_number(cells[0]) is not None:
            rows.append(cells)
            row_ends = ends
            open_row = True
        elif _CATEGORY.match(first):
            open_row = False
        elif cells[0]:  # a note or prose under the table
            return rows, True
        elif open_row and top - last_top <= _WRAP * max(last_height, height):
            joined = []
            for k, (a, b) in enumerate(zip(rows[-1], cells, strict=True)):
                wrap = row_ends[k] >= limits[k] - 2.5 * height
                joined.append((a + ("\n" if wrap else " ") + b) if a and b else a or b)
                row_ends[k] = ends[k] if b else row_ends[k]
            rows[-1] = joined
        else:
            open_row = False
        last_top, last_height = top, height
    return rows, False


def unruled_grids(pages: list[Any]) -> list[Grid]:
    """Task tables without ruled lines on pdfplumber ``pages`` (one grid per table, continued over pages)."""
    grids: list[Grid] = []
    columns: Columns | None = None
    for page in pages:
        lines = _lines(page.extract_words(keep_blank_chars=False, use_text_flow=False))
        start = 0
        header = None
        for i, line in enumerate(lines):
            header = _columns(line)
            if header is not None:
                columns, start = header, i + 1
                grids.append([header[0]])
                break
        if columns is None:
            continue
        right = max((w["x1"] for line in lines[start:] for w in line), default=0.0)
        rows, ended = _rows(lines[start:], columns, right)
        grids[-1].extend([_clean(c, wrapped=True) for c in row] for row in rows)
        if ended:
            columns = None
    return [g for g in grids if len(g) > 1]
