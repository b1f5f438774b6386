"""Text recognition (OCR) of scanned pages: PDF pages without a text layer, image files, body images.

::

    bytes ─ocr_plan─► OcrPlan(kind 'pdf'|'image', pages to recognise, pages in all)
              PDF: a page is recognised only when its text layer has < MIN_TEXT_CHARS characters
              image: every frame (TIFF/GIF), unless it is a logo, icon or QR code (too small)
    one page ─recognise_page─► RecognisedPage(text, confidence, seconds)   (in a worker process)
              red removed, downscaled to MAX_SIDE (page_images.py) → engine → lines in reading order

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

from crawler.extraction.page_images import MAX_SIDE, blank_reason, page_image, prepare, too_small
from crawler.extraction.reflow import reflow

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20  # a PDF page with less typed text than this is treated as a scan
MIN_CHARS = 4  # recognised text shorter than this (non-space characters) is dropped
DET_STRIP = 256  # detection runs on horizontal strips this tall: its memory grows with the area it sees
DET_OVERLAP = 96  # strips overlap by this much; a text line up to this tall is whole in one strip
DET_MIN_SIDE = 736  # a page with a shorter side is enlarged to this before detection (the engine's own rule)
REC_BATCH = 1  # text lines read per recognition call: one line costs less CPU (no padding to the widest) and memory


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
    text = "\n".join(reflow(line.strip() for line in lines))  # a scan's lines are its layout's
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
