"""Recognition of scans on small rendered pages: accuracy against the text drawn, what is skipped, degrading."""
from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image

from bench.ocr_bench import char_accuracy
from crawler.extraction import ocr, page_images
from simweb.attachments import build_pdf
from simweb.bodies import AttachmentText
from simweb.scans import ScanSpec, image_bytes, image_only_pdf

LINES = ("关于第三轮中央生态环境保护督察整改任务验收销号情况的公示", "经现场核查，该问题已整改到位，同意验收销号。",
         "公示期间如有异议，请与整改办联系。")


@pytest.mark.parametrize("kind", ["clean", "noisy", "stamped"])
def test_rapidocr_reads_a_small_page(kind):
    spec = ScanSpec(kind, 150, LINES, seed=3)
    page = ocr.recognise_page(image_bytes(spec, "PNG"), "image", 0, "rapidocr")
    assert page.skipped is None
    assert char_accuracy(spec.text, page.text) >= 0.95, page.text
    assert page.confidence is not None and page.confidence > 0.8


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed (optional engine)")
def test_tesseract_reads_a_clean_page():
    spec = ScanSpec("clean", 200, LINES, seed=3)
    page = ocr.recognise_page(image_bytes(spec, "PNG"), "image", 0, "tesseract")
    assert char_accuracy(spec.text, page.text) >= 0.9, page.text


def test_pdf_pages_with_a_text_layer_are_never_recognised():
    typed = build_pdf(AttachmentText(heading="整改任务验收销号表", lines=LINES, table=(), probe="x"))
    assert ocr.ocr_plan(typed, "pdf").pages == []
    scanned = image_only_pdf([ScanSpec("clean", 150, LINES), ScanSpec("clean", 150, LINES[:1])])
    plan = ocr.ocr_plan(scanned, "pdf")
    assert (plan.pages, plan.pages_total) == ([0, 1], 2)


def test_icons_logos_and_qr_codes_are_skipped():
    def png(w: int, h: int) -> bytes:
        buf = io.BytesIO()
        Image.new("RGB", (w, h), "white").save(buf, "PNG")
        return buf.getvalue()

    assert "icon" in ocr.ocr_plan(png(16, 16), "image").skipped
    assert "QR" in ocr.ocr_plan(png(300, 300), "image").skipped
    assert ocr.ocr_plan(png(1200, 400), "image").pages == [0]
    # a large image without ink: never given to the engine
    assert ocr.recognise_page(png(1200, 400), "image", 0, "rapidocr").skipped == "blank page"


def test_red_stamp_ink_is_removed_before_recognition():
    img = Image.new("RGB", (200, 200), "white")
    img.paste((226, 40, 40), (10, 10, 100, 100))
    img.paste((20, 20, 20), (120, 120, 150, 150))
    prepared = page_images.prepare(img)
    colours = {c for _, c in prepared.getcolors(1 << 16)}
    assert (226, 40, 40) not in colours and (20, 20, 20) in colours


def test_no_engine_gives_a_clear_message(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ocr.OcrUnavailable, match="apt install tesseract-ocr"):
        ocr.describe_engine("tesseract")
    with pytest.raises(ocr.OcrUnavailable, match="unknown OCR engine"):
        ocr.describe_engine("abbyy")


def test_image_formats_are_sniffed():
    spec = ScanSpec("clean", 150, LINES[:1])
    img = Image.open(io.BytesIO(image_bytes(spec, "PNG")))
    for fmt, kind in (("JPEG", "jpeg"), ("PNG", "png"), ("TIFF", "tiff"), ("BMP", "bmp"), ("GIF", "gif")):
        buf = io.BytesIO()
        img.convert("RGB" if fmt != "GIF" else "P").save(buf, fmt)
        assert page_images.sniff_image(buf.getvalue()) == kind
        assert ocr.ocr_plan(buf.getvalue(), "image").pages == [0]


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_blank_and_seal_only_pages_never_reach_the_engine(monkeypatch):
    def no_engine(name=None):
        raise AssertionError("a blank page was given to the engine")

    monkeypatch.setattr(ocr, "get_engine", no_engine)
    a4 = (1654, 2339)
    assert ocr.recognise_page(_png(Image.new("RGB", a4, (252, 252, 250))), "image", 0).skipped == "blank page"
    seal = Image.new("RGB", a4, "white")
    seal.paste((220, 40, 40), (1100, 1700, 1500, 1720))  # a red seal's stroke, and a speck of dust
    seal.paste((90, 90, 90), (300, 300, 304, 304))
    assert ocr.recognise_page(_png(seal), "image", 0).skipped == "near-blank page"
    one_line = page_images.page_image(image_bytes(ScanSpec("clean", 200, LINES[:1], full_page=True), "PNG"), "image", 0)
    assert page_images.blank_reason(one_line) is None  # a page with one line of text is read


def test_a_full_a4_page_is_read_once_line_by_line_across_detection_strips():
    lines = tuple(f"第{n}项：{LINES[n % 3]}" for n in range(1, 13))
    spec = ScanSpec("clean", 200, lines, seed=5, full_page=True)
    page = ocr.recognise_page(image_bytes(spec, "PNG"), "image", 0, "rapidocr")
    assert char_accuracy(spec.text, page.text) >= 0.97, page.text
    for n in range(1, 13):  # every line once: none lost at a strip's edge, none read twice in an overlap
        assert sum(line.startswith(f"第{n}项") for line in page.text.splitlines()) == 1, page.text


def test_a_recognition_worker_stays_under_400_mb_on_a_scanned_a4_page(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a4.png"
    path.write_bytes(image_bytes(ScanSpec("noisy", 200, LINES * 6, seed=2, full_page=True), "PNG"))
    # VmHWM, not ru_maxrss: getrusage carries the forking parent's peak across exec (a big pytest worker's)
    code = ("import sys; from crawler.extraction import ocr; "
            "p = ocr.recognise_page(open(sys.argv[1], 'rb').read(), 'image', 0, 'rapidocr'); "
            "hwm = next(line for line in open('/proc/self/status') if line.startswith('VmHWM')); "
            "print(len(p.text), int(hwm.split()[1]) // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    chars, peak_mb = map(int, out.stdout.split())
    assert chars > 100 and peak_mb <= 400, (chars, peak_mb)


def test_a_faint_scan_is_never_taken_for_a_blank_page():
    faint = Image.new("RGB", (1654, 2339), "white")
    for n in range(12):  # twelve hairlines of pale grey text-like strokes, one pixel thick
        faint.paste((150, 150, 150), (300, 300 + 40 * n, 1300, 301 + 40 * n))
    assert page_images.blank_reason(faint) is None
