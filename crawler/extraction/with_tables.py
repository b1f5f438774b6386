"""A file the ledger reads tables from: its text and its tables in one worker job, a PDF parsed once.

pdfminer's ``extract_text`` (the text) and pdfplumber (the tables) would each interpret every page of a PDF.
Here pdfplumber lays the pages out with pdfminer's default layout parameters, the text is written from that
layout as ``extract_text`` writes it (``pdfminer.converter.TextConverter``), and the tables are read from the
same pages.  Anything else — another kind of file, a PDF without text, any error — goes the two usual ways,
so texts, errors and tables are those of ``extract_attachment_text`` and ``archive.ledger.tables.tables_of``.
"""
from __future__ import annotations

import io
import logging
from typing import Any

from archive.ledger.tables import Grid, pdf_page_tables, tables_of

from .attachments import AttachmentText, extract_attachment_text, sniff_kind
from .office import Limits, pdf_text

logger = logging.getLogger(__name__)


def text_and_tables(data: bytes, *, filename: str, content_type: str | None, max_bytes: int,
                    table_kind: str) -> tuple[AttachmentText, list[Grid]]:
    """The text of a file (never raises, as ``extract_attachment_text``) and its tables as ``table_kind``."""
    if table_kind == "pdf" and 0 < len(data) <= max_bytes and sniff_kind(data, filename, content_type) == "pdf":
        try:
            return _pdf_once(data, Limits(max_bytes=max_bytes))
        except Exception as exc:  # noqa: BLE001 - the usual readers say what is wrong with it
            logger.debug("%s: not read in one pass (%s: %s)", filename, type(exc).__name__, exc)
    text = extract_attachment_text(data, filename=filename, content_type=content_type, max_bytes=max_bytes)
    return text, tables_of(table_kind, data)


def _pdf_once(data: bytes, limits: Limits) -> tuple[AttachmentText, list[Grid]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), laparams={}) as pdf:  # {}: pdfminer's LAParams(), as extract_text
        pages = pdf.pages
        parts: list[str] = []
        for page in pages[:limits.max_pages]:
            _write_layout(page.layout, parts)
            parts.append("\f")
        text, truncated = pdf_text("".join(parts), limits)
        return AttachmentText(text=text, kind="pdf", truncated=truncated), pdf_page_tables(pages)


def _write_layout(item: Any, parts: list[str]) -> None:
    """A laid-out page's text in ``TextConverter``'s order: containers depth first, a newline after a text box."""
    from pdfminer.layout import LTContainer, LTText, LTTextBox

    if isinstance(item, LTContainer):
        for child in item:
            _write_layout(child, parts)
    elif isinstance(item, LTText):
        parts.append(item.get_text())
    if isinstance(item, LTTextBox):
        parts.append("\n")
