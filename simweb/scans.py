"""Scanned documents for the simulated web: text rendered into page images, as a scanner would.

::

    lines (+ table) ─render_page(kind, dpi, seed)─► Pillow image
        clean    black on white
        noisy    grey paper, specks, a slight rotation and blur (what a cheap scanner gives)
        stamped  a red round seal (红章) printed over the last lines of text
        table    ruled cells with text
    ─► image_only_pdf (pages as pictures, no text layer) · JPEG · PNG

Deterministic from the seed (our own pseudo-random noise; reportlab ``invariant=1`` for PDFs), so the
manifest's sha256 matches what the server sends.  Needs Pillow (the ``sim`` extra) and a Chinese
TrueType font (Debian ``fonts-wqy-zenhei``, installed by ``scripts/setup.sh``); ``font_path()`` says
when none is found.
"""
from __future__ import annotations

import functools
import io
import logging
import math
import random
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

KINDS = ("clean", "noisy", "stamped", "table")
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
A4_INCHES = (8.27, 11.69)


class ScanUnavailable(RuntimeError):
    """Scans cannot be rendered here (no Pillow or no Chinese font)."""


@dataclass(frozen=True)
class ScanSpec:
    """What one scanned page shows and how it was degraded."""

    kind: str  # clean | noisy | stamped | table
    dpi: int
    lines: tuple[str, ...]
    table: tuple[tuple[str, ...], ...] = ()
    seed: int = 0
    full_page: bool = False  # A4 height (PDF pages) instead of cropped to the text

    @property
    def text(self) -> str:
        """Ground truth: the lines, then the table rows (cells joined by a space), one per line."""
        return "\n".join(list(self.lines) + [" ".join(r) for r in self.table])


@functools.lru_cache(maxsize=1)
def font_path() -> str | None:
    """The first Chinese TrueType font found, or None."""
    return next((p for p in FONT_CANDIDATES if Path(p).exists()), None)


def available() -> bool:
    """Whether scans can be rendered (Pillow importable and a Chinese font present)."""
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return font_path() is not None


@functools.lru_cache(maxsize=16)
def _font(size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    path = font_path()
    if path is None:
        raise ScanUnavailable("no Chinese font: install fonts-wqy-zenhei (scripts/setup.sh does)")
    return ImageFont.truetype(path, size)


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def render_page(spec: ScanSpec):  # type: ignore[no-untyped-def]
    """The page image (mode RGB) of ``spec``."""
    from PIL import Image, ImageDraw

    rng = random.Random(f"scan|{spec.seed}|{spec.kind}|{spec.dpi}")
    px = spec.dpi / 72.0
    size = round(10.5 * px * 1.15)  # ~五号 body text
    font = _font(size)
    width = round(A4_INCHES[0] * spec.dpi)
    margin = round(0.9 * spec.dpi)
    per_line = max(8, (width - 2 * margin) // size)
    step = round(size * 1.75)
    rows = [part for line in spec.lines for part in _wrap(line, per_line)]
    table_h = _table_height(spec.table, size, per_line) if spec.table else 0
    height = margin * 2 + len(rows) * step + table_h
    if spec.full_page:
        height = max(height, round(A4_INCHES[1] * spec.dpi))
    paper = (255, 255, 255) if spec.kind in ("clean", "table") else (244, 242, 236)
    img = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(img)
    y = margin
    for row in rows:
        draw.text((margin, y), row, font=font, fill=(20, 20, 20))
        y += step
    if spec.table:
        _draw_table(draw, spec.table, font, size, margin, y, width - 2 * margin)
    if spec.kind == "stamped":
        img = _stamp(img, rng, center=(width - margin - 3 * size, max(margin + 2 * size, y - 2 * step)),
                     radius=round(2.2 * size * 1.8))
    if spec.kind == "noisy":
        img = _degrade(img, rng)
    return img


def _table_height(table: tuple[tuple[str, ...], ...], size: int, per_line: int) -> int:
    cols = max(len(r) for r in table)
    cell_chars = max(2, per_line // cols if cols > 2 else per_line // 4)
    return sum(_cell_lines(row, cols, cell_chars, per_line) * round(size * 1.6) + size // 2 for row in table)


def _col_widths(cols: int, per_line: int) -> list[int]:
    """Characters per column: a 2-column form gives the label column 8 characters."""
    if cols == 2:
        return [8, per_line - 9]
    first = 3
    rest = (per_line - first - cols) // (cols - 1)
    return [first] + [rest] * (cols - 1)


def _cell_lines(row: tuple[str, ...], cols: int, cell_chars: int, per_line: int) -> int:
    widths = _col_widths(cols, per_line)
    return max(len(_wrap(c, max(1, w))) for c, w in zip(row, widths))


def _draw_table(draw, table, font, size: int, left: int, top: int, inner_w: int) -> None:  # type: ignore[no-untyped-def]
    cols = max(len(r) for r in table)
    per_line = inner_w // size
    widths = _col_widths(cols, per_line)
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + (w + 1) * size)
    xs[-1] = left + inner_w
    line_h = round(size * 1.6)
    y = top
    for row in table:
        cells = list(row) + [""] * (cols - len(row))
        n = max(len(_wrap(c, max(1, w))) for c, w in zip(cells, widths))
        h = n * line_h + size // 2
        for i, cell in enumerate(cells):
            for j, part in enumerate(_wrap(cell, max(1, widths[i]))):
                draw.text((xs[i] + size // 2, y + size // 4 + j * line_h), part, font=font, fill=(20, 20, 20))
        draw.rectangle([left, y, left + inner_w, y + h], outline=(30, 30, 30), width=max(1, size // 14))
        for x in xs[1:-1]:
            draw.line([x, y, x, y + h], fill=(30, 30, 30), width=max(1, size // 14))
        y += h


def _stamp(img, rng: random.Random, *, center: tuple[int, int], radius: int):  # type: ignore[no-untyped-def]
    """A red round seal (ring, star and the office's name on an arc), multiplied over the page."""
    from PIL import Image, ImageChops, ImageDraw

    layer = Image.new("RGB", img.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    red = (226, 40, 40)
    cx, cy = center
    ring = max(3, radius // 14)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=red, width=ring)
    star = [(cx + radius * 0.3 * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
             cy - radius * 0.3 * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=red)
    text = "生态环境保护督察整改办公室"
    glyph = max(8, radius // 4)
    font = _font(glyph)
    for k, ch in enumerate(text):
        angle = math.pi * (1.15 - 1.3 * k / (len(text) - 1))
        x = cx + (radius - glyph * 1.1) * math.cos(angle) - glyph / 2
        y = cy - (radius - glyph * 1.1) * math.sin(angle) - glyph / 2
        draw.text((x, y), ch, font=font, fill=red)
    layer = layer.rotate(rng.uniform(-20, 20), center=center, fillcolor=(255, 255, 255))
    return ImageChops.multiply(img, layer)


def _degrade(img, rng: random.Random):  # type: ignore[no-untyped-def]
    """Rotation of up to 1.5°, blur, grain and specks."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    img = img.rotate(rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, expand=False,
                     fillcolor=(244, 242, 236))
    img = img.filter(ImageFilter.GaussianBlur(0.7 * img.width / 1700))
    w, h = img.size
    grain = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: 40 if v > 240 else v % 24)
    img = ImageChops.subtract(img, Image.merge("RGB", (grain, grain, grain)))
    draw = ImageDraw.Draw(img)
    for _ in range(w * h // 6000):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((1, 1, 2, 3))
        draw.ellipse([x, y, x + r, y + r], fill=(70, 70, 70))
    return img


def image_bytes(spec: ScanSpec, fmt: str) -> bytes:
    """The page as ``JPEG`` or ``PNG`` bytes, with its resolution recorded."""
    img = render_page(spec)
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.save(buf, "JPEG", quality=82, dpi=(spec.dpi, spec.dpi))
    else:
        img.save(buf, "PNG", dpi=(spec.dpi, spec.dpi), optimize=False)
    return buf.getvalue()


def image_only_pdf(specs: list[ScanSpec]) -> bytes:
    """A PDF whose pages are only pictures (no text layer), one page per spec, A4."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for spec in specs:
        img = render_page(spec)
        page = io.BytesIO()
        img.convert("L" if spec.kind != "stamped" else "RGB").save(page, "JPEG", quality=80)
        page.seek(0)
        scale = min(A4[0] / img.width, A4[1] / img.height)
        w, h = img.width * scale, img.height * scale
        c.drawImage(ImageReader(page), 0, A4[1] - h, width=w, height=h)
        c.showPage()
    c.save()
    return buf.getvalue()
