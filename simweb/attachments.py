"""Attachment files as real bytes: PDF (reportlab CID font), DOCX (python-docx), XLSX (openpyxl).

Output is byte-for-byte deterministic (reportlab `invariant=1`; OOXML zips rewritten with a fixed
timestamp and fixed core-property dates) and cached, so the manifest's sha256 always matches what
the server sends.
"""
from __future__ import annotations

import functools
import io
import logging
import re
import zipfile

from simweb.bodies import AttachmentText

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_W3C_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_FONT = "STSong-Light"


@functools.lru_cache(maxsize=1)
def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    return _FONT


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def build_pdf(content: AttachmentText) -> bytes:
    """A PDF whose text pdfminer.six extracts back (STSong-Light, UniGB-UCS2-H)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(content.heading)
    width, height = A4
    y = height - 72

    def line(text: str, size: float) -> None:
        nonlocal y
        if y < 72:
            c.showPage()
            y = height - 72
        c.setFont(font, size)
        c.drawString(72, y, text)
        y -= size * 1.8

    line(content.heading, 12)
    for text in content.lines:
        for part in _wrap(text, 40):
            line(part, 10.5)
    for row in content.table:
        for part in _wrap("  ".join(row), 40):
            line(part, 10.5)
    c.save()
    return buf.getvalue()


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = _W3C_DATE.sub(rb"\g<1>2020-01-01T00:00:00Z\g<2>", blob)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME), blob,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def build_docx(content: AttachmentText) -> bytes:
    """A DOCX with a heading, paragraphs and (if any) a table."""
    import docx

    d = docx.Document()
    d.add_paragraph(content.heading)
    for text in content.lines:
        d.add_paragraph(text)
    if content.table:
        cols = max(len(r) for r in content.table)
        table = d.add_table(rows=len(content.table), cols=cols)
        for i, row in enumerate(content.table):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return _normalise_zip(buf.getvalue())


def build_xlsx(content: AttachmentText) -> bytes:
    """An XLSX sheet: heading row, note rows, then the table."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([content.heading])
    for text in content.lines:
        ws.append([text])
    for row in content.table:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue())


@functools.lru_cache(maxsize=4096)
def attachment_bytes(kind: str, content: AttachmentText) -> bytes:
    """Bytes of an attachment of `kind` ('pdf', 'docx', 'xlsx'), cached."""
    builder = {"pdf": build_pdf, "docx": build_docx, "xlsx": build_xlsx}[kind]
    return builder(content)
