"""Page images for recognition: which bytes are images, a PDF page or an image frame as a Pillow image, and the
preparation before the engine (cropped to its ink, red seal ink removed, downscaled), or why a page is skipped
(an icon, a logo or QR code, a blank page).  Used by ``crawler/extraction/ocr.py`` in the worker processes.
"""
from __future__ import annotations

import io
from typing import Any

MIN_SIDE = 120  # images smaller than this (either side) are icons or logos
QR_MAX_SIDE = 400  # a near-square image this small is a QR code or a logo
MAX_SIDE = 2000  # longer side in pixels given to the engine (~170 dpi A4; rapidocr detects at ≤ 2000 anyway)
RENDER_DPI = 200
BLANK_INK_PIXELS = 24  # fewer dark, non-red 4×4 blocks than this: a blank or near-blank page
IMAGE_KINDS = ("jpeg", "png", "tiff", "bmp", "gif")
_RED_DOMINANCE = 40


def sniff_image(data: bytes) -> str | None:
    """jpeg · png · tiff · bmp · gif from magic bytes, else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if data.startswith(b"BM"):
        return "bmp"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    return None


def too_small(width: int, height: int) -> str | None:
    """Why an image of this size is not worth recognising (icon, logo, QR code), else None."""
    if min(width, height) < MIN_SIDE:
        return f"icon or rule ({width}×{height} px)"
    if max(width, height) <= QR_MAX_SIDE and 0.8 <= width / height <= 1.25:
        return f"logo or QR code ({width}×{height} px)"
    return None


def page_image(data: bytes, kind: str, index: int, *, dpi: int = RENDER_DPI) -> Any:
    """Page ``index`` of a PDF rendered at ``dpi``, or frame ``index`` of an image, as a Pillow image."""
    from PIL import Image

    if kind == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            return pdf[index].render(scale=dpi / 72).to_pil()
        finally:
            pdf.close()
    img = Image.open(io.BytesIO(data))
    img.seek(index)
    return img.convert("RGB")


def crop_to_content(image: Any) -> Any:
    """The part of a page that has ink, with a margin (blank paper costs detection time, not text).

    Found on a copy shrunk 8×: specks and grain average out to light grey there, lines of text do not.
    """
    from PIL import Image

    small = image.convert("L").reduce(8) if min(image.size) >= 64 else image.convert("L")
    box = small.point(lambda v: 255 if v < 200 else 0).getbbox()
    if box is None:
        return image
    f = image.width / small.width
    pad = round(3 * f)
    left, top = max(0, round(box[0] * f) - pad), max(0, round(box[1] * f) - pad)
    right, bottom = min(image.width, round(box[2] * f) + pad), min(image.height, round(box[3] * f) + pad)
    out = Image.new("RGB", (right - left + 2 * pad, bottom - top + 2 * pad), (255, 255, 255))
    out.paste(image.crop((left, top, right, bottom)), (pad, pad))
    return out


def prepare(image: Any) -> Any:
    """RGB, red seal ink turned white (text under a 红章 stays readable), longer side at most MAX_SIDE."""
    from PIL import Image, ImageChops, ImageFilter

    image = crop_to_content(image.convert("RGB"))
    scale = MAX_SIDE / max(image.size)
    if scale < 1:
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    r, g, b = image.split()
    red = ImageChops.subtract(r, ImageChops.lighter(g, b))  # how much redder than the other channels
    mask = red.point(lambda v: 255 if v > _RED_DOMINANCE else 0).filter(ImageFilter.MaxFilter(3))  # + the seal's edges
    white = Image.new("RGB", image.size, (255, 255, 255))
    # the red channel as grey: black text stays black, what is left of red ink (pink edges) turns light
    red_channel = Image.composite(white, image, mask).getchannel("R")
    return Image.merge("RGB", (red_channel, red_channel, red_channel))


def blank_reason(image: Any) -> str | None:
    """``blank page`` / ``near-blank page`` when the page holds (almost) no ink, red seal ink not counted.

    Read on 4×4 blocks, each keeping its darkest value per channel: a thin or faint stroke stays as dark as
    it is (an average would wash it out, and a faint scan must never be taken for a blank one), while light
    scanner grain stays light.  Only a page with fewer dark, non-red blocks than ``BLANK_INK_PIXELS`` is
    skipped; anything more goes to the engine (a wrong "not blank" costs time, a wrong "blank" would lose text).
    """
    import numpy as np

    pixels = np.asarray(image.convert("RGB"))
    height, width = (pixels.shape[0] // 4) * 4, (pixels.shape[1] // 4) * 4
    if height and width:
        pixels = pixels[:height, :width].reshape(height // 4, 4, width // 4, 4, 3).min(axis=(1, 3))
    darkest = pixels.astype(np.int16)
    r, g, b = darkest[..., 0], darkest[..., 1], darkest[..., 2]
    dark = (r + g + b) < 3 * 160
    red = (r - np.maximum(g, b)) > _RED_DOMINANCE
    ink = int(np.count_nonzero(dark & ~red))
    if ink == 0:
        return "blank page"
    return "near-blank page" if ink < BLANK_INK_PIXELS else None
