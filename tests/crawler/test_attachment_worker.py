"""Attachment text extraction in worker processes: time limits and recovery."""
from __future__ import annotations

import asyncio
import io
import os
import time
from concurrent.futures.process import BrokenProcessPool

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


def test_time_queued_behind_other_files_does_not_count_against_the_limit():
    async def scenario():
        worker = AttachmentTextWorker(timeout=4.0)  # one worker: the three files queue behind each other
        try:
            await worker.run(len, b"warm")  # the worker's start-up is not what this test measures
            return await asyncio.gather(*(worker.run(time.sleep, 1.5) for _ in range(3)),
                                        return_exceptions=True)
        finally:
            worker.close()

    assert asyncio.run(scenario()) == [None, None, None]  # 4.5 s in all, none abandoned


def test_files_queued_behind_one_that_times_out_are_still_read():
    async def scenario():
        worker = AttachmentTextWorker(timeout=4.0)
        try:
            slow = asyncio.ensure_future(worker.run(time.sleep, 30))
            await asyncio.sleep(0)  # queued first
            quick = [worker.extract(_docx(f"第{i}号"), filename=f"{i}.docx", content_type=None, max_bytes=10_000_000)
                     for i in range(3)]
            return await asyncio.gather(slow, *quick, return_exceptions=True)
        finally:
            worker.close()

    slow, *quick = asyncio.run(scenario())
    assert isinstance(slow, TimeoutError)
    assert [q.error for q in quick] == [None, None, None]
    assert [f"第{i}号" in q.text for i, q in enumerate(quick)] == [True, True, True]


def test_a_file_that_kills_its_worker_fails_alone():
    async def scenario():
        worker = AttachmentTextWorker(timeout=30.0)
        try:
            crash = asyncio.ensure_future(worker.run(os._exit, 3))  # as a file that crashes the reader would
            await asyncio.sleep(0)
            quick = [worker.run(len, b"x" * i) for i in range(1, 4)]
            return await asyncio.gather(crash, *quick, return_exceptions=True)
        finally:
            worker.close()

    crash, *quick = asyncio.run(scenario())
    assert isinstance(crash, BrokenProcessPool)  # tried twice, then reported
    assert quick == [1, 2, 3]


def test_jobs_still_queued_when_the_workers_stop_fail_without_starting_new_ones():
    async def scenario():
        worker = AttachmentTextWorker(timeout=30.0)
        jobs = [asyncio.ensure_future(worker.run(len, b"x" * i)) for i in range(1, 7)]
        await asyncio.sleep(0)  # all queued; the worker is still starting
        worker.close()  # the crawl stops
        results = await asyncio.gather(*jobs, return_exceptions=True)
        return results, worker._pool

    results, pool = asyncio.run(scenario())
    # the few already handed to the worker process are read; the others fail rather than wait or start workers
    assert all(r == i or isinstance(r, BrokenProcessPool) for i, r in enumerate(results, 1))
    assert any(isinstance(r, BrokenProcessPool) for r in results)
    assert pool is None
