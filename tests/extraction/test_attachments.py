"""Attachment text: real formats generated in the test, hostile input, zip bombs, limits."""
from __future__ import annotations

import io
import random
import time
import zipfile
from pathlib import Path

import pytest

from crawler.extraction import office
from crawler.extraction.attachments import extract_attachment_text, sniff_kind
from crawler.extraction.office import Limits

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "extraction" / "attachments"
PHRASE = "整改任务验收销号表"


def _pdf(pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for page in range(pages):
        pdf.setFont("STSong-Light", 14)
        pdf.drawString(72, 760, f"{PHRASE} 第{page + 1}页")
        pdf.drawString(72, 730, "同意通过验收。")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(PHRASE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "整改目标", "达到Ⅲ类水质"
    table.cell(1, 0).text, table.cell(1, 1).text = "验收销号意见", "同意通过验收"
    document.add_paragraph("附件结束")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(["序号", "整改任务", "时限"])
    sheet.append([1, PHRASE, "2025年底前"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip(members: dict[str, bytes], *, gbk_names: bool = False) -> bytes:
    """A ZIP; with ``gbk_names`` the names are raw GBK bytes without the UTF-8 flag (Windows tools)."""
    out = io.BytesIO()
    renames: list[tuple[bytes, bytes]] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(members.items()):
            if gbk_names:
                raw = name.encode("gbk")
                placeholder = f"{index:0{len(raw)}d}".encode()  # same length, ASCII: no UTF-8 flag
                renames.append((placeholder, raw))
                name = placeholder.decode()
            archive.writestr(name, data)
    data = out.getvalue()
    for placeholder, raw in renames:
        data = data.replace(placeholder, raw)
    return data


def test_pdf_text() -> None:
    result = extract_attachment_text(_pdf(), filename="附件1.pdf")
    assert (result.kind, result.error) == ("pdf", None)
    assert PHRASE in result.text


def test_pdf_page_limit() -> None:
    result = extract_attachment_text(_pdf(pages=5), filename="a.pdf", limits=Limits(max_pages=2))
    assert "第2页" in result.text and "第3页" not in result.text


def test_docx_paragraphs_and_tables_in_order() -> None:
    result = extract_attachment_text(_docx(), filename="附件.docx")
    assert result.kind == "docx" and result.error is None
    assert result.text.split("\n") == [PHRASE, "整改目标 达到Ⅲ类水质", "验收销号意见 同意通过验收", "附件结束"]


def test_xlsx_rows() -> None:
    result = extract_attachment_text(_xlsx(), filename="清单.xlsx")
    assert result.kind == "xlsx" and f"1 {PHRASE} 2025年底前" in result.text


def test_xls_rows() -> None:
    result = extract_attachment_text((FIXTURES / "tasks.xls").read_bytes(), filename="tasks.xls")
    assert result.kind == "xls" and "1 太湖蓝藻水华防控 2025年底前 已完成" in result.text


def test_sniffs_by_content_not_extension() -> None:
    assert extract_attachment_text(_docx(), filename="download.do?id=3").kind == "docx"
    assert sniff_kind(_pdf(), "file.doc") == "pdf"
    assert extract_attachment_text(_xlsx(), filename="a.pdf").kind == "xlsx"


def test_html_error_page_named_pdf() -> None:
    page = "<!DOCTYPE html><html><head><title>404</title></head><body>页面不存在</body></html>".encode()
    result = extract_attachment_text(page, filename="P020240703512345678901.pdf")
    assert (result.text, result.error) == (None, "not a PDF (HTML page)")


def test_html_and_text_files() -> None:
    html = "<html><body><p>公示</p><script>x()</script><p>第二段</p></body></html>".encode("gbk")
    assert extract_attachment_text(html, filename="a.htm").text == "公示\n第二段"
    assert extract_attachment_text("甲 乙\r\n\r\n丙".encode("gbk"), filename="a.txt").text == "甲 乙\n丙"


def test_zip_recurses_with_gbk_member_names() -> None:
    inner = _zip({"表.xlsx": _xlsx()})
    data = _zip({"验收销号表.docx": _docx(), "说明.txt": "说明文字".encode("gbk"), "内层.zip": inner},
                gbk_names=True)
    result = extract_attachment_text(data, filename="附件.zip")
    assert result.kind == "zip" and result.error is None
    assert "【验收销号表.docx】" in result.text and "【说明.txt】\n说明文字" in result.text
    assert "【表.xlsx】" in result.text and PHRASE in result.text


def test_zip_nesting_limit() -> None:
    data = _zip({"a.txt": b"x"})
    for level in range(4):
        data = _zip({f"level{level}.zip": data})
    result = extract_attachment_text(data, filename="nested.zip")
    assert "nested deeper than 2 levels" in result.text


def test_zip_bomb_is_refused_quickly() -> None:
    bomb = _zip({"zeros.bin": b"\0" * 20_000_000})
    started = time.perf_counter()
    result = extract_attachment_text(bomb, filename="bomb.zip", max_bytes=5_000_000)
    assert result.text is None and result.error.startswith("zip bomb")
    assert time.perf_counter() - started < 2


def test_zip_with_too_many_members() -> None:
    data = _zip({f"{i}.txt": b"x" for i in range(300)})
    result = extract_attachment_text(data, filename="many.zip")
    assert result.text is None and "300 files" in result.error


def test_too_large_and_empty() -> None:
    assert extract_attachment_text(b"x" * 11, filename="a.txt", max_bytes=10).error.startswith("too large")
    assert extract_attachment_text(b"", filename="a.pdf").error == "empty file"


def test_character_limit_truncates() -> None:
    result = extract_attachment_text(("一二三四五\n" * 1000).encode(), filename="a.txt",
                                     limits=Limits(max_chars=100))
    assert result.text is not None  # plain text is cheap: kept whole, only office formats are cut
    docx_result = extract_attachment_text(_docx(), filename="a.docx", limits=Limits(max_chars=12))
    assert docx_result.truncated and len(docx_result.text) <= 12


def test_doc_without_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024
    result = extract_attachment_text(ole, filename="附件.doc")
    assert (result.kind, result.text, result.error) == ("doc", None, "no converter for .doc (install antiword)")


@pytest.mark.skipif(office.doc_converter() is None, reason="no .doc converter (apt-get install antiword)")
def test_doc_converter_rejects_fake_doc() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024
    result = extract_attachment_text(ole, filename="附件.doc")
    assert result.text is None and "failed" in result.error


@pytest.mark.parametrize("name", ["a.pdf", "a.docx", "a.xlsx", "a.xls", "a.zip", "a.doc", "a.txt", "a"])
def test_hostile_bytes_never_raise(name: str) -> None:
    rng = random.Random(name)
    seeds = [_pdf()[:300], _docx()[:500], b"PK\x03\x04" + bytes(200), b"%PDF-1.7\n" + bytes(100)]
    for prefix in seeds:
        data = prefix + bytes(rng.randrange(256) for _ in range(2000))
        result = extract_attachment_text(data, filename=name)
        assert result.text is None or isinstance(result.text, str)
        assert result.text is not None or result.error
