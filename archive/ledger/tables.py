"""Tables as grids of cell text, from the raw bytes of a page or an attachment.

Every reader returns ``list[Grid]`` where a grid is a list of rows of stripped cell strings, with
merged cells (HTML rowspan/colspan, DOCX vertical merges, XLSX merged ranges) repeated into every
position they cover — so a task spanning two rows keeps its number and deadline on both.

Why raw bytes: the crawler stores attachment and body *text* with the cells of a row joined by
spaces, which loses where one cell ends and the next begins ("省生态环境厅 2024年底前").  The exact
bytes are kept as WARC evidence, so the ledger re-reads them (``archive.ledger.build``) and can be
recomputed whenever these readers improve.
"""
from __future__ import annotations

import io
import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Self

logger = logging.getLogger(__name__)

Grid = list[list[str]]

#: The version of these readers, kept with the grids they give (``archive.ledger.table_cache``): raise it when a
#: change here gives other grids for the same bytes, so kept grids are read again.
READER_VERSION = "ducha-tables 1"

_MAX_ROWS = 5000
_MAX_COLS = 40


_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}\d])\s*\n\s*(?=[{_CJK}\d])|(?<=[{_CJK}])\s*\n\s*|\s*\n\s*(?=[{_CJK}])")


def _clean(text: object, *, wrapped: bool = False) -> str:
    """Cell text on one line.  ``wrapped`` (PDF): line breaks are layout, so a line wrapped inside
    Chinese text is joined without a space; elsewhere a break separates items and becomes a space."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    text = str(text)
    return " ".join((_CJK_BREAK.sub("", text) if wrapped else text).split())


def decode_html(raw: bytes) -> str:
    """Page bytes as text whatever the page declares: UTF-8 when the bytes are valid UTF-8, else
    GB18030 (the superset of GBK/GB2312) — city sites serve GBK under a ``charset=utf-8`` label."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def html_tables(html: str | bytes) -> list[Grid]:
    """Every innermost ``<table>`` of an HTML document, rowspan/colspan expanded."""
    from lxml import etree

    text = decode_html(html) if isinstance(html, bytes) else html
    try:
        root = etree.fromstring(text, etree.HTMLParser())
    except ValueError:  # a str with an XML encoding declaration: parsed as UTF-8 bytes
        root = etree.fromstring(text.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    except etree.XMLSyntaxError:  # nothing to parse
        return []
    grids: list[Grid] = []
    for table in root.iter("table") if root is not None else ():
        if next(table.iterdescendants("table"), None) is not None:  # layout table around a data table: inner only
            continue
        grid: dict[tuple[int, int], str] = {}
        rows = list(table.iter("tr"))[:_MAX_ROWS]
        for r, tr in enumerate(rows):
            c = 0
            for cell in tr.iterchildren("td", "th"):
                while (r, c) in grid:
                    c += 1
                pieces: list[str] = []
                _strings(cell, pieces)
                text = _clean(" ".join(pieces))
                rowspan = _span(cell.get("rowspan"))
                colspan = _span(cell.get("colspan"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if c + dc < _MAX_COLS:
                            grid.setdefault((r + dr, c + dc), text)
                c += colspan
        grids.append(_to_rows(grid, len(rows)))
    return [g for g in grids if g]


_HIDDEN = frozenset({"script", "style", "template"})


def _strings(el: Any, out: list[str]) -> None:
    """The text pieces under ``el``, in document order, as its text content reads: no comments, no script,
    style or template source (the text after them counts)."""
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _HIDDEN:
            _strings(child, out)
        if child.tail:
            out.append(child.tail)


def _span(value: object) -> int:
    try:
        return max(1, min(int(str(value)), _MAX_ROWS))
    except (TypeError, ValueError):
        return 1


def _to_rows(cells: dict[tuple[int, int], str], n_rows: int) -> Grid:
    if not cells:
        return []
    width = max(c for _, c in cells) + 1
    return [[cells.get((r, c), "") for c in range(width)] for r in range(n_rows)]


def docx_tables(data: bytes) -> list[Grid]:
    """Tables of a DOCX (python-docx repeats a merged cell into every grid position it covers)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return [[[_clean(cell.text) for cell in row.cells] for row in table.rows][:_MAX_ROWS]
            for table in document.tables]


def xlsx_tables(data: bytes) -> list[Grid]:
    """One grid per sheet of an XLSX, merged ranges filled with their top-left value."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    grids: list[Grid] = []
    for sheet in book.worksheets:
        rows = [[_clean(v) for v in row][:_MAX_COLS]
                for row in sheet.iter_rows(max_row=min(sheet.max_row or 0, _MAX_ROWS), values_only=True)]
        for merged in sheet.merged_cells.ranges:
            top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                    rows[r][c] = top
        grids.append(rows)
    book.close()
    return grids


def xls_tables(data: bytes) -> list[Grid]:
    """One grid per sheet of a legacy XLS (xlrd), merged ranges filled."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=False)
    grids: list[Grid] = []
    for sheet in book.sheets():
        rows = [[_clean(sheet.cell_value(r, c)) for c in range(min(sheet.ncols, _MAX_COLS))]
                for r in range(min(sheet.nrows, _MAX_ROWS))]
        for r0, r1, c0, c1 in getattr(sheet, "merged_cells", []):
            for r in range(r0, min(r1, len(rows))):
                for c in range(c0, min(c1, _MAX_COLS)):
                    rows[r][c] = rows[r0][c0]
        grids.append(rows)
    return grids


def pdf_tables(data: bytes) -> list[Grid]:
    """Ruled tables of a PDF (pdfplumber, when installed; an empty list otherwise); when no page has a
    ruled table, task tables laid out in columns without lines (``archive.ledger.pdf_words``)."""
    try:
        import pdfplumber
    except ImportError:
        logger.debug("pdfplumber not installed: PDF tables are read as text only")
        return []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf_page_tables(pdf.pages)


#: PDF pages whose tables are read.
PDF_TABLE_PAGES = 200


def pdf_page_tables(pages: Sequence[Any]) -> list[Grid]:
    """The grids of ``pdf_tables`` from an open pdfplumber document's pages (also when its pages were laid out
    for their text: the same characters and lines)."""
    grids: list[Grid] = []
    for page in pages[:PDF_TABLE_PAGES]:
        for table in page.extract_tables():
            grids.append(_fill_down([[_clean(c, wrapped=True) for c in row] for row in table]))
    if not grids:
        from archive.ledger.pdf_words import unruled_grids

        grids = unruled_grids(list(pages[:PDF_TABLE_PAGES]))
    return grids


def _fill_down(rows: Iterable[list[str]]) -> Grid:
    """pdfplumber gives None (here "") for the lower parts of a merged cell: repeat the value above."""
    out: Grid = []
    for row in rows:
        if out and len(row) == len(out[-1]) and row and row[0] == "":
            row = [v or out[-1][i] for i, v in enumerate(row)]
        out.append(row)
    return out


READERS = {"html": html_tables, "docx": docx_tables, "xlsx": xlsx_tables, "xls": xls_tables, "pdf": pdf_tables}
#: Kinds of file whose tables are read (and kept by digest in ``file_tables``).
TABLE_KINDS = frozenset(READERS)


def tables_of(kind: str, data: bytes) -> list[Grid]:
    """Grids of a file of ``kind`` (html, docx, xlsx, xls, pdf); [] for other kinds or unreadable files."""
    reader = READERS.get(kind)
    if reader is None:
        return []
    try:
        return reader(data)
    except Exception as exc:  # noqa: BLE001 - any reader error: the ledger falls back to the stored text
        logger.warning("could not read %s tables: %s: %s", kind, type(exc).__name__, exc)
        return []


#: Processes that read PDF tables at once (``TableReaders``); pdfplumber is the ledger's slowest reader.
MAX_TABLE_WORKERS = 4


class TableReaders:
    """A pool of processes reading tables (``tables_of``) while the caller goes on: a first ledger build
    reads hundreds of PDFs, each a pure-Python layout analysis, and the crawl's other core is idle by then.
    On one core, or when a worker dies, the tables are read here instead; results are the same."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = min(MAX_TABLE_WORKERS, workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def read(self, jobs: list[tuple[str, bytes]]) -> Callable[[], list[list[Grid]]]:
        """Start reading ``tables_of(kind, data)`` of every job; the returned function waits for them (in order)."""
        if self.workers < 2 or len(jobs) < 2:
            return lambda: [tables_of(kind, data) for kind, data in jobs]
        try:
            if self._pool is None:  # spawn, not fork: the caller may run threads
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            futures = [self._pool.submit(tables_of, kind, data) for kind, data in jobs]
        except Exception as exc:  # noqa: BLE001 - a broken pool is no reason to lose the tables
            return self._here(jobs, exc)

        def results() -> list[list[Grid]]:
            try:
                return [f.result() for f in futures]
            except Exception as exc:  # noqa: BLE001 - a worker died: read them here
                return self._here(jobs, exc)()

        return results

    def _here(self, jobs: list[tuple[str, bytes]], exc: Exception) -> Callable[[], list[list[Grid]]]:
        logger.warning("table readers failed (%s: %s): reading in this process", type(exc).__name__, exc)
        self.close()
        self.workers = 1
        return lambda: [tables_of(kind, data) for kind, data in jobs]

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
