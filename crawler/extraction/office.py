"""Readers for office formats: PDF, DOCX, XLSX, XLS, DOC/WPS.

Each reader takes bytes and ``Limits`` and returns text, raising ``AttachmentError`` (or
``LimitExceeded``) with a readable message; ``attachments.extract_attachment_text`` is the
never-raising entry point.
"""
from __future__ import annotations

import io
import logging
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import AttachmentError, LimitExceeded
from .reflow import reflow

logger = logging.getLogger(__name__)

_DOC_TIMEOUT_S = 60


@dataclass(frozen=True)
class Limits:
    """Hard limits for one attachment (and everything inside it)."""

    max_bytes: int = 50_000_000  # input size, and total uncompressed size inside archives
    max_chars: int = 2_000_000  # text kept
    max_pages: int = 500  # PDF pages read
    max_members: int = 200  # files inside an archive
    max_depth: int = 2  # archives inside archives
    max_cells: int = 500_000  # spreadsheet cells read
    max_ratio: int = 1000  # uncompressed / compressed size of one archive member


class _TextSink:
    """Collects lines up to ``max_chars`` and remembers whether it had to stop."""

    def __init__(self, max_chars: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.max_chars = max_chars
        self.truncated = False

    def add(self, line: str) -> bool:
        """Add one line; False once the character limit is reached."""
        line = " ".join(line.split())
        if not line:
            return not self.truncated
        if self.size + len(line) > self.max_chars:
            self.parts.append(line[: max(self.max_chars - self.size, 0)])
            self.truncated = True
            return False
        self.parts.append(line)
        self.size += len(line) + 1
        return True

    def text(self) -> str:
        return "\n".join(p for p in self.parts if p)


def check_zip_sizes(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse archives (also DOCX/XLSX) whose members would expand beyond the limits."""
    infos = archive.infolist()
    if len(infos) > max(limits.max_members, 1) * 20:
        raise LimitExceeded(f"zip bomb: {len(infos)} members")
    total = sum(info.file_size for info in infos)
    if total > limits.max_bytes:
        raise LimitExceeded(f"zip bomb: {total} bytes uncompressed (limit {limits.max_bytes})")
    for info in infos:
        ratio = info.file_size / info.compress_size if info.compress_size else 0
        if ratio > limits.max_ratio and info.file_size > 1_000_000:
            raise LimitExceeded(f"zip bomb: {info.filename} expands {info.file_size // info.compress_size}×")


def read_pdf(data: bytes, limits: Limits) -> tuple[str, bool]:
    """Text of a PDF (pdfminer.six), at most ``max_pages`` pages."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        raw = extract_text(io.BytesIO(data), maxpages=limits.max_pages)
    except PDFSyntaxError as exc:
        raise AttachmentError(f"broken PDF: {exc}") from exc
    except Exception as exc:  # pdfminer raises many unrelated types on hostile input
        raise AttachmentError(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    return pdf_text(raw, limits)


def pdf_text(raw: str, limits: Limits) -> tuple[str, bool]:
    """The text kept of pdfminer's output (lines with whitespace collapsed, the lines the layout wrapped joined —
    ``reflow`` —, up to ``max_chars``); raises
    ``AttachmentError`` when there is none."""
    sink = _TextSink(limits.max_chars)
    for line in reflow(" ".join(line.split()) for line in raw.splitlines()):
        if not sink.add(line):
            break
    if not sink.text():
        raise AttachmentError("PDF has no text layer (scanned image?)")
    return sink.text(), sink.truncated


def read_docx(data: bytes, limits: Limits) -> tuple[str, bool]:
    """Paragraphs and table rows of a DOCX in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip_sizes(archive, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx: KeyError, ValueError, lxml errors…
        raise AttachmentError(f"unreadable DOCX: {type(exc).__name__}: {exc}") from exc
    sink = _TextSink(limits.max_chars)
    for child in document.element.body.iterchildren():
        tag = child.tag.rpartition("}")[2]
        if tag == "p":
            ok = sink.add(Paragraph(child, document).text)
        elif tag == "tbl":
            ok = all(sink.add(_row_text([c.text for c in row.cells]))
                     for row in Table(child, document).rows)
        else:
            ok = True
        if not ok:
            break
    return sink.text(), sink.truncated


def _row_text(cells: list[object]) -> str:
    """Cells joined by spaces; merged cells (repeated values) kept once."""
    values: list[str] = []
    for cell in cells:
        if cell is None:
            continue
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        text = " ".join(str(cell).split())
        if text and (not values or values[-1] != text):
            values.append(text)
    return " ".join(values)


def read_xlsx(data: bytes, limits: Limits) -> tuple[str, bool]:
    """Rows of every sheet of an XLSX (openpyxl read-only, cached values)."""
    import openpyxl

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip_sizes(archive, limits)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise AttachmentError(f"unreadable XLSX: {type(exc).__name__}: {exc}") from exc
    sink, cells = _TextSink(limits.max_chars), 0
    try:
        for sheet in book.worksheets:
            sink.add(f"【{sheet.title}】")
            for row in sheet.iter_rows(values_only=True):
                cells += len(row)
                if cells > limits.max_cells or not sink.add(_row_text(list(row))):
                    sink.truncated = True
                    return sink.text(), True
    finally:
        book.close()
    return sink.text(), sink.truncated


def read_xls(data: bytes, limits: Limits) -> tuple[str, bool]:
    """Rows of every sheet of a legacy XLS (xlrd)."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as exc:  # xlrd.XLRDError, struct errors, …
        raise AttachmentError(f"unreadable XLS: {type(exc).__name__}: {exc}") from exc
    sink, cells = _TextSink(limits.max_chars), 0
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            sink.add(f"【{sheet.name}】")
            for row in range(sheet.nrows):
                values = sheet.row_values(row)
                cells += len(values)
                if cells > limits.max_cells or not sink.add(_row_text(values)):
                    return sink.text(), True
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return sink.text(), sink.truncated


def doc_converter() -> str | None:
    """Which converter reads .doc/.wps here: ``antiword``, ``libreoffice`` or None."""
    if shutil.which("antiword"):
        return "antiword"
    if shutil.which("libreoffice") or shutil.which("soffice"):
        return "libreoffice"
    return None


def read_doc(data: bytes, limits: Limits, *, suffix: str = ".doc") -> tuple[str, bool]:
    """Text of a Word 97–2003 (or WPS) file through antiword, else LibreOffice headless."""
    converter = doc_converter()
    if converter is None:
        raise AttachmentError(f"no converter for {suffix} (install antiword)")
    with tempfile.TemporaryDirectory(prefix="ducha-doc-") as tmp:
        source = Path(tmp) / f"input{suffix}"
        source.write_bytes(data)
        if converter == "antiword":
            command = ["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)]
        else:
            binary = shutil.which("libreoffice") or shutil.which("soffice") or "soffice"
            command = [binary, "--headless", "--convert-to", "txt:Text", "--outdir", tmp, str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=_DOC_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise AttachmentError(f"{converter} timed out after {_DOC_TIMEOUT_S}s") from exc
        if converter == "antiword":
            raw = done.stdout.decode("utf-8", "replace")
        else:
            out = source.with_suffix(".txt")
            raw = out.read_text("utf-8", "replace") if out.exists() else ""
        if done.returncode != 0 or not raw.strip():
            message = done.stderr.decode("utf-8", "replace").replace(str(source), "file").strip().splitlines()[:1]
            raise AttachmentError(f"{converter} failed: {message[0] if message else done.returncode}")
    sink = _TextSink(limits.max_chars)
    for line in raw.splitlines():  # antiword -w 0 and LibreOffice write a paragraph a line: nothing to reflow
        if not sink.add(line):
            break
    return sink.text(), sink.truncated
