"""``ducha verify``: the archive's evidence proves itself; a damaged WARC is named, exit 1."""
from __future__ import annotations

import gzip
import struct
import subprocess
import sys
import zlib
from collections import Counter

import pytest

from archive.verify import verify_archive
from tests.crawler.conftest import shared_day0

SITE = ("--site", "pj-sthjj")


@pytest.fixture
def sim_crawl(tmp_path_factory, tmp_path):
    """A copy of the session's day-0 crawl of pj-sthjj (40 postings) and its simulated web."""
    crawl, day0 = shared_day0(tmp_path_factory, tmp_path, *SITE)
    assert day0.returncode == 0, day0.stderr[-2000:]
    yield crawl
    crawl.server.close()


def _verify(sim_crawl, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", "verify", "--db", str(sim_crawl.db), *args],
                          capture_output=True, text=True, timeout=300, check=False)


def _member_end(data: bytes, offset: int) -> int:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    d.decompress(data[offset:])
    return len(data) - len(d.unused_data)


def _gzip_of_size(payload: bytes, size: int) -> bytes | None:
    """``payload`` as one gzip member of exactly ``size`` bytes (padded with a header comment), so the
    records after it keep their offsets; None when it compresses larger."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = deflate.compress(payload) + deflate.flush()
    trailer = struct.pack("<II", zlib.crc32(payload), len(payload) & 0xFFFFFFFF)
    padding = size - 10 - len(body) - len(trailer)
    if padding < 0:
        return None
    flags, comment = (b"\x10", b"x" * (padding - 1) + b"\x00") if padding else (b"\x00", b"")
    return b"\x1f\x8b\x08" + flags + b"\x00" * 4 + b"\x02\xff" + comment + body + trailer


def _alter_in_place(data: bytearray, start: int) -> bool:
    """Flip one payload byte of the record at ``start`` without moving the records after it."""
    end = _member_end(bytes(data), start)
    original = gzip.decompress(bytes(data[start:end]))
    for position in range(-10, -200, -1):
        record = bytearray(original)
        record[position] ^= 0x01
        member = _gzip_of_size(bytes(record), end - start)
        if member is not None:
            data[start:end] = member
            return True
    return False


def test_verify_ok_then_names_altered_corrupt_and_missing_evidence(sim_crawl):
    ok = _verify(sim_crawl)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert "ok" in ok.stdout
    versions = sim_crawl.query("SELECT v.document_id, v.warc_file, v.warc_offset, d.url FROM versions v "
                               "JOIN documents d ON d.id = v.document_id ORDER BY v.warc_offset")
    assert len(versions) == 40
    warc_dir = sim_crawl.db.parent / "warc"
    # the file holding the most postings (several files can start at offset 0: the lowest offset names none)
    warc_file = Counter(v["warc_file"] for v in versions).most_common(1)[0][0]
    path = warc_dir / warc_file
    data = bytearray(path.read_bytes())

    # 1. alter the file's last record (a page or a file) and recompress it: valid gzip, wrong digests
    refs = sim_crawl.query("SELECT document_id, warc_offset FROM versions WHERE warc_file = ? UNION ALL "
                           "SELECT document_id, warc_offset FROM attachments WHERE warc_file = ?",
                           (warc_file, warc_file))
    last = max(refs, key=lambda r: r["warc_offset"])
    last_url = sim_crawl.query("SELECT url FROM documents WHERE id = ?", (last["document_id"],))[0]["url"]
    start = last["warc_offset"]
    end = _member_end(bytes(data), start)
    assert end == len(data)
    record = bytearray(gzip.decompress(bytes(data[start:end])))
    record[-10] ^= 0x01  # a payload byte near the end (the record ends in CRLF CRLF)
    data[start:end] = gzip.compress(bytes(record))
    # 2. wipe the gzip magic of another posting's record: no gzip member there, so unreadable (whatever warcio
    # would make of the raw bytes; see the test below).  The victim is another document's: under load the crawl's
    # order varies, and the file's last record can be an attachment of the first posting (one document then both
    # altered and unreadable, reported once)
    victim = next(v for v in versions if v["warc_file"] == warc_file and v["document_id"] != last["document_id"])
    assert data[victim["warc_offset"]:victim["warc_offset"] + 2] == b"\x1f\x8b"
    data[victim["warc_offset"]:victim["warc_offset"] + 2] = b"\x00\x00"
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


@pytest.mark.parametrize("damage", ["magic wiped", "deflate byte flipped"])
def test_every_record_whose_gzip_member_is_damaged_is_unreadable_never_altered(sim_crawl, damage):
    """warcio reads bytes that do not decompress raw, and a damaged member's bytes can then pass for an ARC record
    ("the record carries no WARC-Block-Digest") or a WARC record with wrong digests; a member broken past its first
    block just ends early.  Which one depended on the posting's bytes (a CI run once named such a record
    "altered").  Every posting's record of a file damaged at once: each is named unreadable, with the offset."""
    versions = sim_crawl.query("SELECT v.document_id, v.warc_file, v.warc_offset FROM versions v")
    warc_file = Counter(v["warc_file"] for v in versions).most_common(1)[0][0]
    path = sim_crawl.db.parent / "warc" / warc_file
    data = bytearray(path.read_bytes())
    damaged = [v for v in versions if v["warc_file"] == warc_file]
    assert len(damaged) > 20  # enough for the one pass over the file, and records of many contents
    for v in damaged:
        start = v["warc_offset"]
        if damage == "magic wiped":
            data[start:start + 2] = b"\x00\x00"
        else:
            data[(start + _member_end(bytes(data), start)) // 2] ^= 0x10
    path.write_bytes(bytes(data))

    report = verify_archive(sim_crawl.db)
    named = {(p.document_id, p.warc_offset): p for p in report.problems if p.table == "versions"}
    problems = [named[(v["document_id"], v["warc_offset"])] for v in damaged]
    assert [(p.document_id, p.detail) for p in problems if p.kind != "unreadable"] == []
    expected = "no gzip member starts at offset {} (bytes 0000" if damage == "magic wiped" else \
        "the gzip member at offset {} does not decompress"
    for p in problems:
        assert expected.format(p.warc_offset) in p.detail
    assert {p.kind for p in report.problems} == {"unreadable"}


def test_cut_warc_is_named_truncated_then_recaptured_or_recorded_lost_by_the_next_crawls(sim_crawl):
    warc_file = sim_crawl.query("SELECT warc_file FROM versions LIMIT 1")[0]["warc_file"]
    path = sim_crawl.db.parent / "warc" / warc_file
    data = bytearray(path.read_bytes())
    versions = sim_crawl.query("SELECT v.document_id, v.warc_offset, d.url FROM versions v"
                               " JOIN documents d ON d.id = v.document_id ORDER BY v.warc_offset")
    # one record early in the file altered (valid gzip, wrong digest): only a full verify finds it; one of a
    # posting that stays the same on day 1, so the next crawls can prove it again (the records' order in the
    # file follows the crawl's timing)
    changes_on_day_1 = {c["url"] for c in sim_crawl.manifest(1)["changes"]}
    altered = next(v for v in versions[1:40]
                   if v["url"] not in changes_on_day_1 and _alter_in_place(data, v["warc_offset"]))
    # then the file cut in the middle of a record
    cut_in = versions[len(versions) // 2]
    cut = (cut_in["warc_offset"] + _member_end(bytes(data), cut_in["warc_offset"])) // 2  # inside its payload
    path.write_bytes(bytes(data[:cut]))

    cut_report = verify_archive(sim_crawl.db)
    kinds = {(p.document_id, p.table): p.kind for p in cut_report.problems}
    assert kinds[(cut_in["document_id"], "versions")] == "truncated"  # the record the cut runs through
    assert kinds[(versions[-1]["document_id"], "versions")] == "truncated"  # past the file's end
    assert kinds[(altered["document_id"], "versions")] == "altered"
    named = set(cut_report.failing_documents)
    assert len(named) > 10

    # the next ordinary crawl (the next day) finds what the cut lost and fetches it again; what changed or went
    # away since cannot be proved again and is recorded as lost for good
    again = sim_crawl.crawl(1, *SITE)
    assert again.returncode == 0, again.stderr[-2000:]
    after = verify_archive(sim_crawl.db)
    assert after.failing_documents == [altered["document_id"]]  # a cheap look does not read every record
    changed = {c["url"] for c in sim_crawl.manifest(1)["changes"] if c["site_id"] == "pj-sthjj"}
    ids = {r["url"]: r["id"] for r in sim_crawl.query("SELECT id, url FROM documents")}
    changed_named = {ids[u] for u in changed if u in ids} & named - {altered["document_id"]}
    assert changed_named, "the cut should cost some posting that changes on day 1"
    lost_for_good = {p.document_id for p in after.lost}
    assert lost_for_good and lost_for_good <= changed_named  # only what changed since is beyond repair
    recovered = {p.document_id for p in after.recaptured} | {p.document_id for p in after.lost}
    assert recovered - {altered["document_id"]} == named - {altered["document_id"]}

    # --recapture verifies every record first: the altered one is captured again too, and verify passes
    full = sim_crawl.crawl(1, *SITE, "--recapture")
    assert full.returncode == 0, full.stderr[-2000:]
    result = _verify(sim_crawl)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"RECAPTURED document {altered['document_id']} {altered['url']}: altered" in result.stderr
    assert "lost records re-captured" in result.stdout and "records lost for good, recorded" in result.stdout
    assert "LOST document " in result.stderr
