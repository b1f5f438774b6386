"""Text recognition (OCR) of scanned pages: PDF pages without a text layer, image files, body images.

::

    bytes ─ocr_plan─► OcrPlan(kind 'pdf'|'image', pages to recognise, pages in all)
              PDF: a page is recognised only when its text layer has < MIN_TEXT_CHARS characters
              image: every frame (TIFF/GIF), unless it is a logo, icon or QR code (too small)
    one page ─recognise_page─► RecognisedPage(text, confidence, seconds)   (in a worker process)
              red removed (stamps over text) → downscaled to MAX_SIDE → engine → lines in reading order

Engines (``DUCHA_OCR_ENGINE``): ``rapidocr`` (rapidocr-onnxruntime, PP-OCRv4 models shipped in the
wheel) — the default, see README "Scanned documents" for the comparison — and ``tesseract``
(Debian ``tesseract-ocr`` + ``tesseract-ocr-chi-sim``).  No model is ever downloaded.  With neither
present ``get_engine`` raises ``OcrUnavailable`` with what to install, and callers record that.
"""
from __future__ import annotations

import ctypes
import functools
import io
import logging
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, Protocol

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20  # a PDF page with less typed text than this is treated as a scan
MIN_SIDE = 120  # images smaller than this (either side) are icons or logos
QR_MAX_SIDE = 400  # a near-square image this small is a QR code or a logo
MIN_CHARS = 4  # recognised text shorter than this (non-space characters) is dropped
MAX_SIDE = 2000  # longer side in pixels given to the engine (~170 dpi A4; rapidocr detects at ≤ 2000 anyway)
RENDER_DPI = 200
DET_STRIP = 256  # detection runs on horizontal strips this tall: its memory grows with the area it sees
DET_OVERLAP = 96  # strips overlap by this much; a text line up to this tall is whole in one strip
DET_MIN_SIDE = 736  # a page with a shorter side is enlarged to this before detection (the engine's own rule)
REC_BATCH = 1  # text lines read per recognition call: one line costs less CPU (no padding to the widest) and memory
BLANK_INK_PIXELS = 24  # fewer dark, non-red 4×4 blocks than this: a blank or near-blank page
IMAGE_KINDS = ("jpeg", "png", "tiff", "bmp", "gif")
_RED_DOMINANCE = 40


class OcrUnavailable(RuntimeError):
    """No OCR engine is installed; the message says what to install."""


@dataclass
class RecognisedPage:
    """One recognised page: its text, mean confidence (0–1) and the seconds it took."""

    index: int
    text: str
    confidence: float | None
    seconds: float
    skipped: str | None = None  # why nothing was recognised ("icon", "few characters", …)


@dataclass
class OcrPlan:
    """What in a file needs recognition."""

    kind: str  # 'pdf' | 'image' | 'none'
    pages_total: int = 0
    pages: list[int] = field(default_factory=list)  # page/frame indices to recognise
    skipped: str | None = None  # why an image is not recognised at all


class Engine(Protocol):
    """An OCR engine: ``name``, ``version`` and ``recognise(image) -> (lines, mean confidence)``."""

    name: str
    version: str

    def recognise(self, image: Any) -> tuple[list[str], float | None]: ...


class RapidOcrEngine:
    """rapidocr-onnxruntime (PP-OCRv4 detection + recognition, ONNX Runtime on the CPU)."""

    name = "rapidocr"

    def __init__(self) -> None:
        from rapidocr_onnxruntime import RapidOCR

        self.version = metadata.version("rapidocr-onnxruntime")
        threads = int(os.environ.get("DUCHA_OCR_THREADS") or 1)
        # one thread per worker process: the attachment workers already use the cores in parallel,
        # and ONNX Runtime's default (all cores, spinning) loses badly on a shared 2-core machine
        self._ocr = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1, use_cls=False)
        _lean_sessions(self._ocr, threads)
        # wide lines in one batch cost ~150 MB more at peak and pad every line to the widest (bench/ocr_bench.py)
        self._ocr.text_rec.rec_batch_num = int(os.environ.get("DUCHA_OCR_REC_BATCH") or REC_BATCH)
        self.det_strip = int(os.environ.get("DUCHA_OCR_DET_STRIP") or DET_STRIP)  # 0: the whole page at once
        det = self._ocr.text_det
        det.limit_type, det.limit_side_len = "max", MAX_SIDE  # strips (or pages) at their own resolution

    def recognise(self, image: Any) -> tuple[list[str], float | None]:
        import numpy as np

        image = image.convert("RGB")
        if min(image.size) < DET_MIN_SIDE:  # small text is enlarged to be found, as the engine itself does
            scale = DET_MIN_SIDE / min(image.size)
            image = image.resize((round(image.width * scale), round(image.height * scale)))
        try:
            found = self._strip_pass(np.asarray(image))
        finally:
            _give_back_memory()
        boxes = [(min(p[1] for p in b), max(p[1] for p in b), min(p[0] for p in b), text, score)
                 for b, text, score in found]
        scores = [float(b[4]) for b in boxes]
        return _reading_order(boxes), (sum(scores) / len(scores) if scores else None)

    def _strip_pass(self, page: Any) -> list[tuple[Any, str, float]]:
        """Detect text lines strip by strip (peak memory of one strip, not of the page), then read them.

        A box belongs to the strip whose inner part (the overlap halves removed) holds its centre, so a
        line cut by one strip's edge is taken from the next, where it is whole.
        """
        import numpy as np

        det = self._ocr.text_det
        height = page.shape[0]
        strip = max(self.det_strip, 2 * DET_OVERLAP) if self.det_strip else height
        boxes = []
        for top in range(0, max(1, height - DET_OVERLAP), strip - DET_OVERLAP):
            bottom = min(height, top + strip)
            found, _ = det(np.ascontiguousarray(page[top:bottom]))
            _give_back_memory()
            low = top + DET_OVERLAP / 2 if top else 0
            high = bottom - DET_OVERLAP / 2 if bottom < height else height
            for box in found if found is not None else []:
                centre = float(box[:, 1].mean()) + top
                if low <= centre < high:
                    boxes.append(box + np.array([0, top], dtype=box.dtype))
            if bottom >= height:
                break
        if not boxes:
            return []
        boxes = self._ocr.sorted_boxes(np.array(boxes))
        texts, _ = self._ocr.text_rec(self._ocr.get_crop_img_list(page, boxes))
        kept, read = self._ocr.filter_result(boxes, texts)  # the engine's own score threshold
        return [(box.tolist(), res[0], float(res[1])) for box, res in zip(kept or [], read or [], strict=True)]


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None (another C library)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _give_back_memory() -> None:
    """Return freed heap to the system after a strip or page (glibc keeps it otherwise, and a worker's RSS only
    grows)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _lean_sessions(ocr: Any, threads: int) -> None:
    """Rebuild the detection and recognition sessions without ONNX Runtime's memory pattern cache
    (it keeps a plan, and its buffers, per input shape seen: every strip and line width is a new one)."""
    import onnxruntime as ort

    for holder in (ocr.text_det.infer, ocr.text_rec.session):
        options = ort.SessionOptions()
        options.enable_cpu_mem_arena = False
        options.enable_mem_pattern = False
        options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
        options.log_severity_level = 4
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        holder.session = ort.InferenceSession(holder.session._model_path, sess_options=options,
                                              providers=["CPUExecutionProvider"])


class TesseractEngine:
    """Debian's tesseract with the chi_sim model, run as a subprocess (TSV output for confidences)."""

    name = "tesseract"

    def __init__(self) -> None:
        exe = shutil.which("tesseract")
        if exe is None:
            raise OcrUnavailable("tesseract not found (apt install tesseract-ocr tesseract-ocr-chi-sim)")
        self.exe = exe
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False).stdout
        self.version = out.split()[1] if out.split() else "unknown"
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False).stdout
        if "chi_sim" not in langs.split():
            raise OcrUnavailable("tesseract has no chi_sim model (apt install tesseract-ocr-chi-sim)")

    def recognise(self, image: Any) -> tuple[list[str], float | None]:
        buf = io.BytesIO()
        image.convert("L").save(buf, "PNG")
        proc = subprocess.run([self.exe, "stdin", "stdout", "-l", "chi_sim", "--psm", "6", "tsv"],
                              input=buf.getvalue(), capture_output=True, check=False,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        lines: dict[tuple[int, int, int], list[str]] = {}
        confs: list[float] = []
        for row in proc.stdout.decode("utf-8", "replace").splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
                continue
            lines.setdefault((int(cols[2]), int(cols[3]), int(cols[4])), []).append(cols[11].strip())
            confs.append(float(cols[10]) / 100)
        text_lines = [_join_words(words) for _, words in sorted(lines.items())]
        return text_lines, (sum(confs) / len(confs) if confs else None)


def _join_words(words: list[str]) -> str:
    """Tesseract splits Chinese into one word per character: glue CJK, keep spaces between latin words."""
    return re.sub(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])", "", " ".join(words))


def _reading_order(boxes: list[tuple[float, float, float, str, float]]) -> list[str]:
    """Text boxes grouped into lines (overlapping vertically), each line left to right."""
    lines: list[list[tuple[float, float, float, str, float]]] = []
    for box in sorted(boxes, key=lambda b: (b[0] + b[1]) / 2):
        mid = (box[0] + box[1]) / 2
        if lines and lines[-1][0][0] <= mid <= lines[-1][0][1]:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [" ".join(b[3] for b in sorted(line, key=lambda b: b[2])) for line in lines]


ENGINES: dict[str, type] = {"rapidocr": RapidOcrEngine, "tesseract": TesseractEngine}


@functools.lru_cache(maxsize=4)
def get_engine(name: str | None = None) -> Engine:
    """The engine named (or ``DUCHA_OCR_ENGINE``, else rapidocr, else tesseract); loaded once per process."""
    name = name or os.environ.get("DUCHA_OCR_ENGINE") or ""
    if name and name not in ENGINES:
        raise OcrUnavailable(f"unknown OCR engine {name!r} (choose rapidocr or tesseract)")
    errors = []
    for candidate in [name] if name else list(ENGINES):
        try:
            engine: Engine = ENGINES[candidate]()
            return engine
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
        except OcrUnavailable as exc:
            errors.append(str(exc))
    raise OcrUnavailable("no OCR engine: " + "; ".join(errors)
                         + " — run scripts/setup.sh (installs rapidocr-onnxruntime)")


def engine_label(name: str | None = None) -> tuple[str, str]:
    """(name, version) of the engine that would be used; raises OcrUnavailable."""
    engine = get_engine(name)
    return engine.name, engine.version


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


def ocr_plan(data: bytes, kind: str) -> OcrPlan:
    """Which pages of a PDF (``kind='pdf'``) or frames of an image need recognition."""
    if kind == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            pages = []
            for i in range(len(pdf)):
                textpage = pdf[i].get_textpage()
                typed = "".join(textpage.get_text_range().split())
                if len(typed) < MIN_TEXT_CHARS:
                    pages.append(i)
            return OcrPlan(kind="pdf", pages_total=len(pdf), pages=pages)
        finally:
            pdf.close()
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        frames = getattr(img, "n_frames", 1)
        reason = too_small(*img.size)
    if reason:
        return OcrPlan(kind="image", pages_total=frames, skipped=reason)
    return OcrPlan(kind="image", pages_total=frames, pages=list(range(frames)))


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


def recognise_page(data: bytes, kind: str, index: int, engine_name: str | None = None) -> RecognisedPage:
    """Recognise one page or frame (runs in an attachment worker process; the engine loads once)."""
    started = time.monotonic()
    image = page_image(data, kind, index)
    reason = (too_small(*image.size) if kind != "pdf" else None) or blank_reason(image)
    if reason:
        return RecognisedPage(index, "", None, time.monotonic() - started, skipped=reason)
    engine = get_engine(engine_name)
    prepared = prepare(image)
    del image  # the decoded page (26 MB at 300 dpi A4) is not kept through recognition
    _give_back_memory()
    lines, confidence = engine.recognise(prepared)
    text = "\n".join(line for line in lines if line.strip())
    if len("".join(text.split())) < MIN_CHARS:
        return RecognisedPage(index, "", confidence, time.monotonic() - started, skipped="few characters")
    return RecognisedPage(index, text, confidence, time.monotonic() - started)


def describe_engine(name: str | None = None) -> tuple[str, str]:
    """(name, version) of the engine ``get_engine`` would load, without loading its models; raises OcrUnavailable."""
    from importlib.util import find_spec

    name = name or os.environ.get("DUCHA_OCR_ENGINE") or ""
    problems = []
    for candidate in [name] if name else list(ENGINES):
        if candidate == "rapidocr":
            if find_spec("rapidocr_onnxruntime") is not None:
                return "rapidocr", metadata.version("rapidocr-onnxruntime")
            problems.append("rapidocr: rapidocr-onnxruntime not installed")
        elif candidate == "tesseract":
            try:
                engine = TesseractEngine()
                return engine.name, engine.version
            except OcrUnavailable as exc:
                problems.append(str(exc))
        else:
            raise OcrUnavailable(f"unknown OCR engine {candidate!r} (choose rapidocr or tesseract)")
    raise OcrUnavailable("no OCR engine: " + "; ".join(problems) + " — run scripts/setup.sh")
