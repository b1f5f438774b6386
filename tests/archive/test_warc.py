"""WARC evidence files: valid WARC 1.1, request+response per exchange, original URLs, exact bodies."""
from __future__ import annotations

import gzip
import hashlib
import random
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

from archive.errors import WarcError
from archive.warc import WarcWriter, consistent_headers, read_record, record_bytes

WARCIO = str(Path(sys.executable).with_name("warcio"))
URL = "https://sthjt.sc.gov.cn/sthjt/c104378/2026/11/20/abc.shtml?x=1"


def write_one(writer: WarcWriter, body: bytes, url: str = URL, **kw):
    """Write one GET exchange with ``body``."""
    return writer.write_exchange(
        url=url, method="GET", request_headers=[("User-Agent", "ducha-test")], request_body=b"",
        status=200, reason="OK", response_headers=[("Content-Type", "text/html; charset=utf-8")],
        body=body, fetched_at="2026-11-23T09:00:00+08:00", **kw)


def test_write_check_index_and_read_back(tmp_path):
    body = ("<html><body>验收销号公示" + "正文" * 2000 + "</body></html>").encode()
    with WarcWriter(tmp_path, run_id=7, software="ducha-archive/test") as writer:
        ref = write_one(writer, body)
        ref2 = write_one(writer, b"second", url="http://sthjt.jiangsu.gov.cn/module/web/jpage/dataproxy.jsp?page=2")
    assert ref.file == ref2.file and ref.file.startswith("ducha-7-") and ref.file.endswith(".warc.gz")
    path = tmp_path / ref.file
    check = subprocess.run([WARCIO, "check", "-v", str(path)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    index = subprocess.run([WARCIO, "index", "-f", "warc-type,warc-target-uri,offset", str(path)],
                           capture_output=True, text=True, check=True).stdout
    types = [line for line in index.splitlines() if line.strip()]
    assert [t.split('"warc-type": "')[1].split('"')[0] for t in types] == [
        "warcinfo", "request", "response", "request", "response"]
    assert f'"warc-target-uri": "{URL}"' in index
    headers, payload = read_record(tmp_path, ref)
    assert hashlib.sha256(payload).hexdigest() == hashlib.sha256(body).hexdigest()
    assert headers["warc"]["WARC-Type"] == "response" and headers["warc"]["WARC-Target-URI"] == URL
    assert headers["warc"]["WARC-Date"] == "2026-11-23T01:00:00Z"
    assert headers["warc"]["WARC-Payload-Digest"].startswith("sha1:")
    assert read_record(tmp_path, ref2)[1] == b"second"
    with gzip.open(path) as fh:
        assert b"ducha-archive/test" in fh.read(600)


def test_rotation_by_size_and_threads(tmp_path):
    writer = WarcWriter(tmp_path, run_id=3, max_bytes=2_000)
    refs = []
    lock = threading.Lock()

    def work(i: int) -> None:
        ref = write_one(writer, (f"页面{i}" * 300).encode(), url=f"{URL}&i={i}")
        with lock:
            refs.append((i, ref))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writer.close()
    assert len(writer.files) > 1 and len(set(writer.files)) == len(writer.files)
    for i, ref in refs:
        assert read_record(tmp_path, ref)[1] == (f"页面{i}" * 300).encode()
    for name in writer.files:
        assert subprocess.run([WARCIO, "check", str(tmp_path / name)], capture_output=True, check=False).returncode == 0


def test_decoded_bodies_keep_headers_consistent():
    headers = [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked"), ("Content-Length", "10")]
    assert consistent_headers(headers, b"plain") == [
        ("X-Archive-Orig-Content-Encoding", "gzip"), ("X-Archive-Orig-Transfer-Encoding", "chunked"),
        ("X-Archive-Orig-Content-Length", "10")]
    raw = gzip.compress(b"x")
    assert consistent_headers([("Content-Encoding", "gzip")], raw) == [("Content-Encoding", "gzip")]


def test_decoded_gzip_response_passes_check(tmp_path):
    with WarcWriter(tmp_path, run_id=1) as writer:
        ref = writer.write_exchange(url=URL, status=200, response_headers={"Content-Encoding": "gzip"},
                                    body=b"decoded text", fetched_at="2026-11-23T09:00:00+08:00")
    assert subprocess.run([WARCIO, "check", str(tmp_path / ref.file)], capture_output=True, check=False).returncode == 0
    assert read_record(tmp_path, ref)[1] == b"decoded text"


def _member_end(data: bytes, offset: int) -> int:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    decompressor.decompress(data[offset:])
    return len(data) - len(decompressor.unused_data)


@pytest.mark.parametrize("damage", ["magic wiped", "deflate byte flipped"])
def test_a_record_whose_gzip_member_is_damaged_is_never_read_as_a_record(tmp_path, damage):
    """warcio reads bytes that do not decompress raw — a damaged member's bytes can then pass for an ARC record (a
    first line with enough spaces) — and a member that breaks after its first block just ends early: a reader
    handed such a record must be told it is unreadable, never given garbage or a cut page as the archived one.
    Small random bodies (a member read in one block) and large compressible pages (damage past the first block)."""
    rng = random.Random(7)
    words = ["验收销号", "整改完成", "公示", "督察", "生态环境", "整改方案", "第12项", "2026年", "问题", "任务"]
    bodies = [bytes(rng.randrange(256) for _ in range(rng.randrange(200, 3000))) for _ in range(120)]
    bodies += ["".join(rng.choice(words) for _ in range(40000)).encode() for _ in range(30)]
    with WarcWriter(tmp_path, run_id=7, software="ducha-archive/test") as writer:
        refs = [write_one(writer, body, url=f"{URL}&n={n}") for n, body in enumerate(bodies)]
    path = tmp_path / refs[0].file
    data = bytearray(path.read_bytes())
    for ref in refs:
        assert data[ref.offset:ref.offset + 2] == b"\x1f\x8b"
        if damage == "magic wiped":
            data[ref.offset:ref.offset + 2] = b"\x00\x00"
        else:  # a byte in the middle of the deflate data: zlib's check or its CRC finds it, warcio may not
            data[(ref.offset + _member_end(bytes(data), ref.offset)) // 2] ^= 0x10
    path.write_bytes(bytes(data))
    expected = "no gzip member starts at offset" if damage == "magic wiped" else "does not decompress"
    read_as_records = []
    for ref in refs:
        for read in (read_record, record_bytes):
            try:
                read(tmp_path, ref)
                read_as_records.append((ref.offset, read.__name__))
            except WarcError as exc:
                assert f"{ref.file}:{ref.offset}: " in str(exc) and expected in str(exc), str(exc)[:300]
    assert read_as_records == []
