"""Attachment text: bytes + file name → ``AttachmentText(text, kind, error)``; never raises.

The kind is sniffed from magic bytes first (``%PDF``, ``PK``, OLE2, ``Rar!``, HTML), the file
name and Content-Type only break ties.  A file that claims to be a PDF but is an HTML error
page is reported as such.  ZIP archives are opened recursively within ``Limits`` (member count,
total uncompressed size, expansion ratio, nesting depth): zip bombs give an error, not a hang.
"""
from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import layout, office
from .decode import decode_html
from .errors import AttachmentError, LimitExceeded
from .office import Limits
from .text import element_text

logger = logging.getLogger(__name__)

#: The version of this extraction, stored with the text it gives (``attachments.text_extractor``): raise it when
#: a change here gives other text for files archived before, so ``ducha texts --every`` extracts them again.
EXTRACTOR = "ducha-text 1"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<meta", b"<title", b"<div",
                b"<?xml")
_TEXT_EXTS = {".txt", ".csv", ".text", ".md"}
_HTML_EXTS = {".html", ".htm", ".shtml", ".xhtml"}
_CLAIMED = {".pdf": "PDF", ".doc": "DOC", ".docx": "DOCX", ".xls": "XLS", ".xlsx": "XLSX", ".wps": "WPS",
            ".zip": "ZIP", ".et": "ET"}


@dataclass
class AttachmentText:
    """Extracted text of one attachment; ``error`` says why ``text`` is None (or incomplete)."""

    text: str | None
    kind: str
    error: str | None = None
    truncated: bool = False


def _suffix(filename: str) -> str:
    return PurePosixPath(filename.split("?", 1)[0]).suffix.lower()


def _looks_html(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    window = data[:4096].lower()
    return head.startswith(_HTML_STARTS) and (b"<html" in window or b"<body" in window)


def sniff_kind(data: bytes, filename: str, content_type: str | None = None) -> str:
    """pdf · docx · xlsx · pptx · ofd · zip · ole (doc/xls/wps) · rar · 7z · html · text · unknown."""
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data.startswith(_OLE2):
        return "ole"
    if data.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if _looks_html(data):
        return "html"
    suffix = _suffix(filename)
    if suffix in _TEXT_EXTS or (content_type or "").startswith("text/plain"):
        return "text"
    if suffix in _HTML_EXTS or "html" in (content_type or ""):
        return "html"
    return "unknown"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def _ole_kind(data: bytes, suffix: str) -> str:
    """xls, wps or doc for an OLE2 compound file (the "Workbook" stream marks a spreadsheet)."""
    if suffix in {".xls", ".et", ".xlt"} or "Workbook".encode("utf-16-le") in data:
        return "xls"
    return "wps" if suffix == ".wps" else "doc"


def _html_text(data: bytes) -> str:
    text, _ = decode_html(data)
    doc = layout.parse(text)
    layout.drop_skipped(doc)
    body = doc.find("body")
    return element_text(body if body is not None else doc)


def _plain_text(data: bytes) -> str:
    text, _ = decode_html(data)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _member_name(info: zipfile.ZipInfo) -> str:
    """Member names without the UTF-8 flag are usually GBK (Windows zip tools), not CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Member bytes, refusing to inflate more than ``budget`` bytes whatever the header says."""
    with archive.open(info) as handle:
        data = handle.read(budget + 1)
    if len(data) > budget:
        raise LimitExceeded(f"zip bomb: {info.filename} inflates beyond {budget} bytes")
    return data


def _read_zip(data: bytes, limits: Limits, depth: int) -> tuple[str, bool]:
    if depth >= limits.max_depth:
        raise LimitExceeded(f"zip nested deeper than {limits.max_depth} levels")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise AttachmentError(f"broken ZIP: {exc}") from exc
    with archive:
        office.check_zip_sizes(archive, limits)
        files = [i for i in archive.infolist() if not i.is_dir()]
        if len(files) > limits.max_members:
            raise LimitExceeded(f"zip has {len(files)} files (limit {limits.max_members})")
        parts, budget, truncated = [], limits.max_bytes, False
        for info in files:
            name = _member_name(info)
            if info.flag_bits & 0x1:
                parts.append(f"【{name}】\n(encrypted: not read)")
                continue
            member = _read_member(archive, info, budget)
            budget -= len(member)
            result = _extract(member, name, None, limits, depth + 1)
            truncated = truncated or result.truncated
            parts.append(f"【{name}】\n{result.text if result.text is not None else f'({result.error})'}")
    text = "\n".join(parts)
    if len(text) > limits.max_chars:
        return text[: limits.max_chars], True
    return text, truncated


def _extract(data: bytes, filename: str, content_type: str | None, limits: Limits,
             depth: int) -> AttachmentText:
    """Dispatch on the sniffed kind; may raise AttachmentError (callers catch)."""
    kind = sniff_kind(data, filename, content_type)
    suffix = _suffix(filename)
    try:
        if kind == "html" and suffix in _CLAIMED and suffix not in _HTML_EXTS:
            raise AttachmentError(f"not a {_CLAIMED[suffix]} (HTML page)")
        if kind == "unknown" and suffix in _CLAIMED:
            raise AttachmentError(f"not a {_CLAIMED[suffix]} (unrecognised content)")
        if kind == "ole":
            kind = _ole_kind(data, suffix)
        readers = {
            "pdf": lambda: office.read_pdf(data, limits),
            "docx": lambda: office.read_docx(data, limits),
            "xlsx": lambda: office.read_xlsx(data, limits),
            "xls": lambda: office.read_xls(data, limits),
            "doc": lambda: office.read_doc(data, limits, suffix=".doc"),
            "wps": lambda: office.read_doc(data, limits, suffix=".wps"),
            "zip": lambda: _read_zip(data, limits, depth),
            "html": lambda: (_html_text(data), False),
            "text": lambda: (_plain_text(data), False),
        }
        if kind not in readers:
            raise AttachmentError(f"unsupported file type: {kind if kind != 'unknown' else suffix or '?'}")
        text, truncated = readers[kind]()
        return AttachmentText(text=text, kind=kind, error=None, truncated=truncated)
    except AttachmentError as exc:
        return AttachmentText(text=None, kind=kind, error=str(exc))


def extract_attachment_text(data: bytes, *, filename: str, content_type: str | None = None,
                            max_bytes: int = 50_000_000, limits: Limits | None = None) -> AttachmentText:
    """Text of an attachment file (PDF, DOCX, XLSX, XLS, DOC/WPS, ZIP, TXT/HTML).

    Never raises: problems come back as ``error`` ("not a PDF (HTML page)", "zip bomb: …",
    "no converter for .doc (install antiword)", …) with ``text`` None.
    """
    limits = limits or Limits(max_bytes=max_bytes)
    if len(data) > limits.max_bytes:
        error = f"too large: {len(data)} bytes (limit {limits.max_bytes})"
        return AttachmentText(text=None, kind="unknown", error=error)
    if not data:
        return AttachmentText(text=None, kind="unknown", error="empty file")
    try:
        return _extract(data, filename, content_type, limits, depth=0)
    except Exception as exc:  # noqa: BLE001 - last line of defence: hostile input must never crash a crawl
        logger.warning("attachment %s: unexpected %s: %s", filename, type(exc).__name__, exc)
        kind = sniff_kind(data[:4096], filename)
        return AttachmentText(text=None, kind=kind, error=f"{type(exc).__name__}: {exc}")
