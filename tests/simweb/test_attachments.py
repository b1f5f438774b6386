"""Attachments are real files whose text the extractors can read back."""
from __future__ import annotations

import io

import docx
import openpyxl
from pdfminer.high_level import extract_text


def _text(kind: str, data: bytes) -> str:
    if kind == "pdf":
        return extract_text(io.BytesIO(data))
    if kind == "docx":
        d = docx.Document(io.BytesIO(data))
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_every_kind_extracts_its_probe(client, world) -> None:
    atts = [a for p in world.manifest(0)["postings"] for a in p["attachments"]]
    seen = set()
    for a in atts:
        if a["kind"] in seen:
            continue
        body = client.get(a["url"]).body
        text = _text(a["kind"], body)
        assert a["text_probe"] in text, (a["kind"], a["text_probe"], text[:200])
        seen.add(a["kind"])
    assert seen == {"pdf", "docx", "xlsx"}


def test_pdf_chinese_text_round_trips(world) -> None:
    pdfs = [a for p in world.manifest(0)["postings"] for a in p["attachments"] if a["kind"] == "pdf"]
    assert len(pdfs) > 5
    from simweb.attachments import attachment_bytes
    from simweb.bodies import AttachmentText

    content = AttachmentText("验收销号表（第1版）", ("整改任务：长江岸线生态修复不到位", "川环委〔2023〕1号"), (("核查情况", "同意验收销号"),),
                             "验收销号表（第1版）")
    text = extract_text(io.BytesIO(attachment_bytes("pdf", content)))
    for phrase in ("验收销号表（第1版）", "长江岸线生态修复不到位", "川环委〔2023〕1号", "同意验收销号"):
        assert phrase in text


def test_replaced_attachment_has_new_bytes_and_probe(world) -> None:
    change = next(c for c in world.manifest(2)["changes"] if c["kind"] == "replace_attachment")
    before = {a["url"]: a for p in world.manifest(1)["postings"] for a in p["attachments"]}
    after = {a["url"]: a for p in world.manifest(2)["postings"] for a in p["attachments"]}
    url = change["detail"]["attachment_url"]
    assert before[url]["sha256"] != after[url]["sha256"] and before[url]["text_probe"] != after[url]["text_probe"]


def test_ooxml_bytes_are_stable_across_builds() -> None:
    from simweb.attachments import build_docx, build_xlsx
    from simweb.bodies import AttachmentText

    content = AttachmentText("整改任务清单（第1版）", ("单位：个",), (("序号", "整改任务"), ("1", "黑臭水体整治不彻底")), "x")
    assert build_docx(content) == build_docx(content) and build_xlsx(content) == build_xlsx(content)
