"""Evidence export: the package's payload digests reproduce what the archive stored."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive.errors import UnknownDocumentError
from archive.evidence import export_evidence
from archive.warc import WarcWriter

WARCIO = str(Path(sys.executable).with_name("warcio"))


def exchange(writer: WarcWriter, url: str, body: bytes, status: int = 200):
    """Write one exchange and return its ref."""
    return writer.write_exchange(url=url, status=status, response_headers=[("Content-Type", "text/html")],
                                 body=body, fetched_at="2026-11-23T09:00:00+08:00")


def test_export_reproduces_stored_digests(archive, make_capture, make_outcome, tmp_path):
    cap = make_capture()
    page1, page2, pdf = b"<html>v1 \xe9\xaa\x8c</html>", b"<html>v2</html>", b"%PDF-1.4 fake"
    with WarcWriter(archive.warc_dir, run_id=1) as writer:
        r1, r2 = exchange(writer, cap.url, page1), exchange(writer, cap.url, page2)
        ra = exchange(writer, cap.attachments[0].url, pdf)
        r404 = exchange(writer, cap.url, b"not found", status=404)
    att = replace(cap.attachments[0], sha256=hashlib.sha256(pdf).hexdigest(), warc=ra)
    doc_id = archive.ingest(replace(cap, raw_sha256=hashlib.sha256(page1).hexdigest(), warc=r1,
                                    attachments=[att])).document_id
    archive.ingest(replace(cap, body_text="第二版", raw_sha256=hashlib.sha256(page2).hexdigest(), warc=r2,
                           attachments=[att]))
    archive.record_outcome(replace(make_outcome("removed", http_status=404), warc=r404,
                                   raw_sha256=hashlib.sha256(b"not found").hexdigest()))

    out = tmp_path / "evidence"
    manifest = export_evidence(archive.path, doc_id, out, warc_dir=archive.warc_dir)
    assert manifest["missing"] == [] and len(manifest["records"]) == 4
    assert [v["digest_matches"] for v in manifest["versions"]] == [True, True]
    assert [a["digest_matches"] for a in manifest["attachments"]] == [True]
    assert all(c["digest_matches"] for c in manifest["checks"])
    assert [e["kind"] for e in manifest["events"]] == ["new", "changed", "removed"]
    assert json.loads((out / f"{doc_id}.manifest.json").read_text(encoding="utf-8"))["document"]["url"] == cap.url

    warc = out / f"{doc_id}.warc.gz"
    assert subprocess.run([WARCIO, "check", str(warc)], capture_output=True, check=False).returncode == 0
    with open(warc, "rb") as fh:
        digests = [hashlib.sha256(r.raw_stream.read()).hexdigest()
                   for r in ArchiveIterator(fh) if r.rec_type == "response"]
    stored = {v["raw_sha256"] for v in manifest["versions"]} | {a["sha256"] for a in manifest["attachments"]}
    assert stored <= set(digests)


def test_missing_warc_is_reported_not_fatal(archive, make_capture, tmp_path):
    from archive.models import WarcRef

    doc_id = archive.ingest(make_capture(warc=WarcRef("ducha-9-gone.warc.gz", 0))).document_id
    manifest = export_evidence(archive.path, doc_id, tmp_path / "out", warc_dir=archive.warc_dir)
    assert len(manifest["missing"]) == 1 and manifest["versions"][0]["digest_matches"] is None


def test_unknown_document(archive, tmp_path):
    with pytest.raises(UnknownDocumentError):
        export_evidence(archive.path, 999, tmp_path / "out")
