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
from xml.sax.saxutils import escape

from simweb.bodies import AttachmentText

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "scanpdf": "application/pdf",  # image-only PDF (simweb.scan_postings)
    "jpg": "image/jpeg",
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
    height = A4[1]
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


def is_task_list(content: AttachmentText) -> bool:
    """A plan's task list (header 序号 … 整改时限): drawn as a ruled table in PDFs."""
    return bool(content.table) and content.table[0][0] == "序号" and "整改时限" in content.table[0]


def is_status_table(content: AttachmentText) -> bool:
    """A progress report's status table (… 整改进展 / 完成情况): printed without ruled lines."""
    return bool(content.table) and content.table[0][-1] in ("整改进展", "完成情况")


def build_pdf_unruled(content: AttachmentText) -> bytes:
    """A PDF whose table is text set in columns with no ruled lines: cells wrapped at their column's
    width, rows continued on the next page without a repeated header."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _register_font()
    x = (50, 90, 310, 460, 610)
    widths = (30, 200, 140, 140, 150)

    def wrap(text: str, width: float) -> list[str]:
        lines, cur = [], ""
        for ch in text:
            if cur and stringWidth(cur + ch, font, 10) > width - 8:
                lines.append(cur)
                cur = ""
            cur += ch
        return [*lines, cur]

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4), invariant=1)
    c.setTitle(content.heading)
    height = landscape(A4)[1]
    c.setFont(font, 12)
    c.drawString(50, height - 50, content.heading)
    c.setFont(font, 10)
    y = height - 72
    for text in content.lines:
        c.drawString(50, y, text)
        y -= 18
    y -= 8
    for r, row in enumerate(content.table):
        cells = [wrap(cell, w) for cell, w in zip(row, widths, strict=False)]
        lines = max(len(cell) for cell in cells)
        if y - 14 * lines < 50:
            c.showPage()
            c.setFont(font, 10)
            y = height - 50
        for cx, cell in zip(x, cells, strict=False):
            for i, text in enumerate(cell):
                c.drawString(cx, y - 14 * i, text)
        y -= 14 * lines + (12 if r == 0 else 8)
    c.save()
    return buf.getvalue()


def build_pdf_table(content: AttachmentText) -> bytes:
    """A PDF with a ruled, wrapping table (reportlab platypus), as task lists are printed."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = _register_font()
    style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    head = ParagraphStyle("head", fontName=font, fontSize=12, leading=16)
    widths = [30, 150, 110, 110, 100, 220][: len(content.table[0])]
    rows = [[Paragraph(escape(c), style) for c in row] for row in content.table]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1, title=content.heading)
    doc.build([Paragraph(escape(content.heading), head)] + [Paragraph(escape(t), style) for t in content.lines] + [table])
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


@functools.lru_cache(maxsize=1)
def _docx_template() -> tuple[tuple[str, bytes], ...]:
    """Parts of python-docx's default document (saved once, normalised)."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    z = zipfile.ZipFile(io.BytesIO(_normalise_zip(buf.getvalue())))
    return tuple((i.filename, z.read(i.filename)) for i in z.infolist())


def _w_p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def build_docx(content: AttachmentText) -> bytes:
    """A DOCX (python-docx's default template) with a heading, paragraphs and (if any) a table.

    Only word/document.xml is written per file; the other parts come from the template saved once by
    python-docx, which keeps a file at ~2 ms instead of ~40 ms.
    """
    parts = [_w_p(content.heading)] + [_w_p(t) for t in content.lines]
    if content.table:
        cols = max(len(r) for r in content.table)
        rows = "".join("<w:tr>" + "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>{_w_p(c)}</w:tc>"
                                          for c in row + ("",) * (cols - len(row))) + "</w:tr>"
                       for row in content.table)
        grid = "".join('<w:gridCol w:w="1728"/>' for _ in range(cols))
        parts.append(f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                     f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for name, blob in _docx_template():
            if name == "word/document.xml":
                head, _, rest = blob.partition(b"<w:body>")
                sect = rest[rest.index(b"<w:sectPr"):]
                blob = head + b"<w:body>" + "".join(parts).encode("utf-8") + sect
            dst.writestr(zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME), blob, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


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
    if kind in ("scanpdf", "jpg"):
        from simweb.scan_postings import attachment_scan_bytes

        return attachment_scan_bytes(kind, content)
    if kind == "pdf" and is_status_table(content):
        return build_pdf_unruled(content)
    if kind == "pdf" and is_task_list(content):
        return build_pdf_table(content)
    builder = {"pdf": build_pdf, "docx": build_docx, "xlsx": build_xlsx}[kind]
    return builder(content)
