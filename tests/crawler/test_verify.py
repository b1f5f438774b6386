"""``ducha verify``: the archive's evidence proves itself; a damaged WARC is named, exit 1."""
from __future__ import annotations

import gzip
import subprocess
import sys
import zlib

from archive.verify import verify_archive

SITE = ("--site", "pj-sthjj")


def _verify(sim_crawl, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", "verify", "--db", str(sim_crawl.db), *args],
                          capture_output=True, text=True, timeout=300, check=False)


def _member_end(data: bytes, offset: int) -> int:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    d.decompress(data[offset:])
    return len(data) - len(d.unused_data)


def test_verify_ok_then_names_altered_corrupt_and_missing_evidence(sim_crawl):
    assert sim_crawl.crawl(0, *SITE).returncode == 0
    ok = _verify(sim_crawl)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert "ok" in ok.stdout
    versions = sim_crawl.query("SELECT v.document_id, v.warc_file, v.warc_offset, d.url FROM versions v "
                               "JOIN documents d ON d.id = v.document_id ORDER BY v.warc_offset")
    assert len(versions) == 40
    warc_dir = sim_crawl.db.parent / "warc"
    path = warc_dir / versions[0]["warc_file"]
    data = bytearray(path.read_bytes())

    # 1. alter the file's last record (a page or a file) and recompress it: valid gzip, wrong digests
    refs = sim_crawl.query("SELECT document_id, warc_offset FROM versions WHERE warc_file = ? UNION ALL "
                           "SELECT document_id, warc_offset FROM attachments WHERE warc_file = ?",
                           (versions[0]["warc_file"], versions[0]["warc_file"]))
    last = max(refs, key=lambda r: r["warc_offset"])
    last_url = sim_crawl.query("SELECT url FROM documents WHERE id = ?", (last["document_id"],))[0]["url"]
    start = last["warc_offset"]
    end = _member_end(bytes(data), start)
    assert end == len(data)
    record = bytearray(gzip.decompress(bytes(data[start:end])))
    record[-10] ^= 0x01  # a payload byte near the end (the record ends in CRLF CRLF)
    data[start:end] = gzip.compress(bytes(record))
    # 2. break the gzip header of another posting's record (reserved flag bits set): unreadable.  A byte
    # flipped inside the deflate data may still inflate (to other bytes) and read as "altered" instead,
    # depending on the record's content: not a fixed outcome.
    victim = versions[0]
    assert data[victim["warc_offset"]:victim["warc_offset"] + 2] == b"\x1f\x8b"
    data[victim["warc_offset"] + 3] |= 0xE0
    path.write_bytes(bytes(data))

    result = _verify(sim_crawl)
    assert result.returncode == 1
    assert f"document {last['document_id']} {last_url}: altered" in result.stderr
    assert f"document {victim['document_id']} {victim['url']}: unreadable" in result.stderr
    report = verify_archive(sim_crawl.db)
    assert report.failing_documents == sorted({last["document_id"], victim["document_id"]})

    # evidence refuses to export what does not verify, unless told to
    refused = subprocess.run([sys.executable, "-m", "crawler.cli", "evidence", str(victim["document_id"]),
                              "--db", str(sim_crawl.db), "--out", str(sim_crawl.db.parent / "ev")],
                             capture_output=True, text=True, timeout=120, check=False)
    assert refused.returncode != 0 and "does not verify" in refused.stderr
    assert "Traceback" not in refused.stderr

    # 3. a deleted WARC file: every posting is named missing
    path.unlink()
    missing = _verify(sim_crawl, "--document", str(versions[5]["document_id"]))
    assert missing.returncode == 1
    assert f"document {versions[5]['document_id']} {versions[5]['url']}: missing" in missing.stderr
