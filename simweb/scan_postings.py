"""Postings published as scans (``World(scans=N)``: one posting in N), with their ground truth.

Three forms, in turn: an image-only PDF attachment (a noisy text page, then a stamped or table page),
a JPEG attachment (a table scan), and a notice whose body is one PNG image (typed signature only).
Off by default (``scans=0``), so the postings, counts and URLs other tests rely on never change.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import posixpath
from typing import TYPE_CHECKING, Self

from simweb.scans import ScanSpec, image_bytes, image_only_pdf

if TYPE_CHECKING:
    from simweb.bodies import AttachmentText
    from simweb.corpus import Skeleton

logger = logging.getLogger(__name__)

FORMS = ("pdf", "jpg", "body")
BODY_IMAGE = 1000  # index offset of body images in the world's path index
DPIS = (150, 200, 300)


def scan_form(scans: int, key: str) -> str | None:
    """The scan form of posting ``key`` in a world with one scan in ``scans`` postings, else None."""
    if scans <= 0:
        return None
    n = int(key[1:]) if key.startswith("b") else sum(int(x) for x in key[1:].split("-")) + 7
    if n % scans != 0:
        return None
    return FORMS[(n // scans) % len(FORMS)]


def _seed(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:8], 16)


def scan_skeleton(skel: Skeleton, form: str) -> Skeleton:
    """``skel`` published as a scan: its first attachment becomes a scanned PDF or JPEG, or its body an image."""
    from simweb.corpus import AttachmentSpec

    params = dict(skel.params, scan=form)
    if form == "body":
        return dataclasses.replace(skel, params=params)
    # the file kind stays "pdf" (it names the extension); World serves it as "scanpdf" (see view_kind)
    kind = ext = "pdf" if form == "pdf" else "jpg"
    first = skel.attachments[0] if skel.attachments else AttachmentSpec(
        "", "验收销号表.pdf", "pdf", f"{skel.params.get('round', '')}整改任务验收销号表")
    stem = first.filename.rsplit(".", 1)[0]
    spec = AttachmentSpec(f"附件1：{stem}.{ext}", f"{stem}.{ext}", kind, first.heading)
    return dataclasses.replace(skel, attachments=(spec, *skel.attachments[1:]), params=params)


def view_kind(skel: Skeleton, index: int, kind: str) -> str:
    """The bytes builder of attachment ``index``: ``scanpdf`` for the scanned PDF of a scan posting."""
    return "scanpdf" if index == 0 and skel.params.get("scan") == "pdf" else kind


def attachment_pages(kind: str, content: AttachmentText) -> list[ScanSpec]:
    """The scanned pages of a ``scanpdf`` or ``jpg`` attachment."""
    seed = _seed(kind, content.heading, content.lines, content.table)
    dpi = DPIS[seed % 3]
    if kind == "jpg":
        return [ScanSpec("table" if content.table else "noisy", dpi, (content.heading,), content.table, seed=seed)]
    pages = [ScanSpec("noisy", dpi, (content.heading, *content.lines), seed=seed, full_page=True)]
    if content.table:
        pages.append(ScanSpec("table", DPIS[(seed + 1) % 3], (), content.table, seed=seed + 1, full_page=True))
    else:
        pages.append(ScanSpec("stamped", DPIS[(seed + 1) % 3], content.lines[:3], seed=seed + 1, full_page=True))
    return pages


def attachment_scan_bytes(kind: str, content: AttachmentText) -> bytes:
    """Bytes of a ``scanpdf`` (image-only PDF) or ``jpg`` attachment."""
    pages = attachment_pages(kind, content)
    return image_only_pdf(pages) if kind == "scanpdf" else image_bytes(pages[0], "JPEG")


class ImageParagraph(str):
    """A body paragraph that is an image of text: ``str`` value empty, ``src`` and ``spec`` attached."""

    src: str
    spec: ScanSpec

    def __new__(cls, src: str, spec: ScanSpec) -> Self:
        obj = super().__new__(cls, "")
        obj.src = src
        obj.spec = spec
        return obj


def body_image_path(detail_path: str, ident: int) -> str:
    """Path of the body image of a posting (beside its detail page)."""
    folder = posixpath.dirname(detail_path.split("?", 1)[0]) or "/"
    return posixpath.join(folder, f"W0{ident}_scan.png")


def image_body(paragraphs: tuple[str, ...], detail_path: str, ident: int) -> tuple[str, ...]:
    """A body shown as one image (the text paragraphs) above the typed signature (publisher, date)."""
    text, signature = paragraphs[:-2], paragraphs[-2:]
    seed = _seed("body", ident, text)
    spec = ScanSpec(("clean", "noisy", "stamped")[seed % 3], DPIS[seed % 3], tuple(text), seed=seed)
    return (ImageParagraph(body_image_path(detail_path, ident), spec), *signature)


@functools.lru_cache(maxsize=256)
def png_bytes(spec: ScanSpec) -> bytes:
    """PNG of a body image, cached."""
    return image_bytes(spec, "PNG")


def ground_truth(kind: str, content: AttachmentText) -> dict:
    """Manifest record of a scanned attachment: each page's kind, dpi and text."""
    return {"pages": [{"kind": s.kind, "dpi": s.dpi, "text": s.text} for s in attachment_pages(kind, content)]}
