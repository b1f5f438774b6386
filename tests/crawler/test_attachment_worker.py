"""Attachment text extraction in worker processes: time limits and recovery."""
from __future__ import annotations

import asyncio
import io
import time

from docx import Document

from crawler.attachment_worker import AttachmentTextWorker


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_file_that_takes_too_long_is_abandoned_and_the_next_one_still_works():
    async def scenario():
        # 4 s: the replacement process's start-up (imports) counts against the next file's limit, and took
        # over 1 s on a loaded 2-core CI machine
        worker = AttachmentTextWorker(timeout=4.0)
        try:
            started = time.monotonic()
            try:
                await worker.run(time.sleep, 30)
            except TimeoutError:
                abandoned_after = time.monotonic() - started
            else:
                raise AssertionError("a 30 s task must time out")
            result = await worker.extract(_docx("验收销号表"), filename="a.docx", content_type=None,
                                          max_bytes=10_000_000)
            return abandoned_after, result
        finally:
            worker.close()

    abandoned_after, result = asyncio.run(scenario())
    assert abandoned_after < 12  # abandoned at its limit, not after the task's 30 s
    assert result.error is None and "验收销号表" in result.text


def test_a_timeout_becomes_an_error_on_the_attachment():
    async def scenario():
        worker = AttachmentTextWorker(timeout=0.001)
        try:
            return await worker.extract(_docx("公示"), filename="b.docx", content_type=None, max_bytes=10_000_000)
        finally:
            worker.close()

    result = asyncio.run(scenario())
    assert result.text is None
    assert "took longer than" in result.error
