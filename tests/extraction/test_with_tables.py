"""A plan file's text and tables read in one job: what the two usual readers give, a PDF parsed once."""
from __future__ import annotations

from pathlib import Path

import pytest

from archive.ledger.tables import tables_of
from crawler.extraction.attachments import extract_attachment_text
from crawler.extraction.with_tables import text_and_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
MAX = 10_000_000


@pytest.mark.parametrize("name, kind", [("plan_ruled.pdf", "pdf"), ("plan_unruled.pdf", "pdf"),
                                        ("plan_merged.docx", "docx"), ("plan_merged.xlsx", "xlsx"),
                                        ("plan_rowspan.html", "html")])
def test_text_and_tables_are_those_of_the_usual_readers(name, kind):
    data = (FIXTURES / name).read_bytes()
    text, tables = text_and_tables(data, filename=name, content_type=None, max_bytes=MAX, table_kind=kind)
    alone = extract_attachment_text(data, filename=name, content_type=None, max_bytes=MAX)
    assert (text.text, text.kind, text.error, text.truncated) == (alone.text, alone.kind, alone.error, alone.truncated)
    assert tables == tables_of(kind, data)
    assert tables  # each fixture is a plan with a table


def test_a_broken_pdf_gets_the_usual_error_and_no_tables():
    data = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"
    text, tables = text_and_tables(data, filename="plan.pdf", content_type="application/pdf", max_bytes=MAX,
                                   table_kind="pdf")
    alone = extract_attachment_text(data, filename="plan.pdf", content_type="application/pdf", max_bytes=MAX)
    assert text.text is None and text.error == alone.error
    assert tables == []
