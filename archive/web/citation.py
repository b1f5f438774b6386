"""The citation box of a document page: permalink, original URL, dates, capture, digests, citations.

``citation(data, permalink)`` takes what ``archive.web.document.load_document`` returns; the box is
``templates/_ducha_citation.html`` (included by ``ducha_document.html``).
"""
from __future__ import annotations

from typing import Any


def citation(data: dict[str, Any], permalink: str) -> dict[str, Any]:
    """Fields of the citation box and ready-to-paste citations in Chinese and English."""
    doc, current = data["doc"], data.get("current") or {}
    publisher = doc.get("site_name") or doc.get("publisher") or doc.get("site_id") or ""
    title = doc.get("title") or doc.get("url") or ""
    published = doc.get("publish_date")
    captured = current.get("captured_at")
    digest = current.get("raw_sha256") or current.get("sha256")
    status = {"removed": "（原网页已删除）", "unreachable": "（原网页无法访问）"}.get(doc.get("status") or "", "")
    status_en = {"removed": " (since removed from the original site)",
                 "unreachable": " (original site unreachable)"}.get(doc.get("status") or "", "")
    zh = (f"{publisher}：《{title}》，发布日期 {published or '未注明'}，原文 {doc.get('url')}{status}。"
          f"督察公示存档（Ducha Archive）存档于 {captured or '—'}，存档页 {permalink}"
          + (f"，SHA-256 {digest}" if digest else "") + "。")
    en = (f"{publisher}. “{title}”. Published {published or 'n.d.'}. {doc.get('url')}{status_en}. "
          f"Archived by Ducha Archive (督察公示存档) on {captured or '—'}: {permalink}"
          + (f" (SHA-256 {digest})" if digest else "") + ".")
    return {"permalink": permalink, "captured_at": captured, "raw_sha256": current.get("raw_sha256"),
            "sha256": current.get("sha256"), "version_id": current.get("id"),
            "snapshot": bool(current.get("warc_file")), "zh": zh, "en": en}
