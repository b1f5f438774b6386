"""Captures from crawl nodes: their wire form round-trips, and a capture delivered twice is stored once."""
from __future__ import annotations

import json

from archive.models import LostEvidence, OcrRecord, RedirectHop, WarcRef
from archive.nodes import capture_from_dict, capture_to_dict, ingest_once, node_run, warc_refs, with_refs
from tests.archive.conftest import count


def _rich(make_capture):
    capture = make_capture(warc=WarcRef("n.warc.gz", 10),
                           redirects=[RedirectHop(url="http://a/", http_status=302, location="", warc=WarcRef("n.warc.gz", 5))],
                           lost_evidence=[LostEvidence(table="versions", row_id=3, problem="missing")])
    capture.attachments[0].warc = WarcRef("n.warc.gz", 20)
    capture.attachments[0].ocr = OcrRecord(sha256="a" * 64, engine="rapidocr", engine_version="1", pages_total=1,
                                           pages=[{"index": 0, "text": "扫描", "confidence": 0.9}])
    return capture


def test_a_capture_survives_its_wire_form_without_the_nodes_row_ids(make_capture, make_outcome):
    capture = _rich(make_capture)
    back = capture_from_dict(json.loads(json.dumps(capture_to_dict(capture), ensure_ascii=False)))
    assert back.lost_evidence == [] and back.attachments[0].ocr == capture.attachments[0].ocr
    assert back == type(capture)(**{**capture.__dict__, "lost_evidence": []})
    outcome = make_outcome("removed", http_status=404, warc=WarcRef("n.warc.gz", 1))
    assert capture_from_dict(capture_to_dict(outcome)) == outcome


def test_refs_are_listed_once_and_moved_to_the_writers_records(make_capture):
    capture = _rich(make_capture)
    assert [(r.file, r.offset) for r in warc_refs(capture)] == [("n.warc.gz", 10), ("n.warc.gz", 5), ("n.warc.gz", 20)]
    moved = with_refs(capture, {("n.warc.gz", 10): WarcRef("w.warc.gz", 100), ("n.warc.gz", 20): WarcRef("w.warc.gz", 200)})
    assert moved.warc == WarcRef("w.warc.gz", 100) and moved.attachments[0].warc == WarcRef("w.warc.gz", 200)
    assert moved.redirects[0].warc is None  # a record that did not come along is not pointed at


def test_a_capture_delivered_twice_is_stored_once(archive, make_capture):
    run_id = node_run(archive, "abroad", "t1", now="2026-11-20T10:00:00+08:00")
    capture = make_capture()
    assert ingest_once(archive, "c1", capture, node="abroad", run_id=run_id, stored_at="now") == "new"
    assert ingest_once(archive, "c1", capture, node="abroad", run_id=run_id, stored_at="now") is None
    assert (count(archive, "versions"), count(archive, "checks"), count(archive, "node_captures")) == (1, 1, 1)
    assert ingest_once(archive, "c2", capture, node="abroad", run_id=run_id, stored_at="now") == "unchanged"
    assert count(archive, "versions") == 1  # the same content fetched again: a check, no version


def test_a_nodes_run_is_begun_once_and_its_unfinished_one_marked_crashed(archive):
    first = node_run(archive, "abroad", "t1", now="2026-11-20T10:00:00+08:00")
    assert node_run(archive, "abroad", "t1", now="2026-11-20T10:05:00+08:00") == first
    second = node_run(archive, "abroad", "t2", now="2026-11-21T10:00:00+08:00")
    statuses = dict(archive.conn.execute("SELECT id, status FROM runs"))
    assert statuses == {first: "crashed", second: "running"}
