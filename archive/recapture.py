"""Evidence repair: a posting whose WARC records no longer verify is fetched again, and the new records
stand in for the lost ones.

```
crawl start ── lost_evidence(db, warc_dir, quick=True) ──► {document id: [LostEvidence]}   (archive.verify)
   quick: the records a cut or vanished file can have lost (missing file, offsets past its end, the
          last record before its end); ``ducha crawl --recapture`` reads every record instead
spider: those postings fetched again, unconditionally ──► PageCapture / CheckOutcome(lost_evidence=[…])
ingest ── record() / record_gone() ──► evidence_recaptures: the lost row, what verify found, and the
          record standing in for it, or none: lost for good (content changed since, posting removed)
```
A stand-in is written only when the new fetch proves the same thing: a version when the page still has
that content (same content hash), an attachment when the file has the same SHA-256, a check by the
new check of the posting (a check is an observation; the lost one keeps its row and this record of its
loss).  What cannot be proved again is noted as lost for good (no stand-in): ``ducha verify`` lists it as
known and stops failing on it, so the weekly check does not repeat a loss the archive already records.
The lost rows keep their original references: nothing is rewritten.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from archive.models import CheckOutcome, LostEvidence, PageCapture, WarcRef

log = logging.getLogger(__name__)


def lost_evidence(db_path: str | Path, *, warc_dir: str | Path | None = None,
                  quick: bool = True) -> dict[int, list[LostEvidence]]:
    """The postings whose evidence does not verify and is not yet re-captured, with the rows concerned."""
    from archive.verify import verify_archive  # verify imports this module's neighbours; keep the cycle lazy

    report = verify_archive(db_path, warc_dir=warc_dir, quick=quick)
    lost: dict[int, list[LostEvidence]] = {}
    for problem in report.problems:
        lost.setdefault(problem.document_id, []).append(
            LostEvidence(table=problem.table, row_id=problem.row_id, problem=problem.kind, detail=problem.detail))
    return lost


def _stand_in(conn: sqlite3.Connection, capture: PageCapture, lost: LostEvidence,
              content_sha256: str) -> tuple[WarcRef, str | None] | None:
    """The record of ``capture`` that proves what the lost row proved, with its payload digest; or None."""
    if lost.table == "attachments":
        row = conn.execute("SELECT url, sha256 FROM attachments WHERE id = ?", (lost.row_id,)).fetchone()
        match = next((a for a in capture.attachments if row and a.url == row[0] and a.sha256 == row[1]
                      and a.warc and not a.redirects), None)
        return (match.warc, match.sha256) if match and match.warc else None
    if capture.warc is None or capture.redirects:
        return None
    chained = conn.execute("SELECT 1 FROM redirect_hops WHERE row_table = ? AND row_id = ? LIMIT 1",
                           (lost.table, lost.row_id)).fetchone()
    if lost.table == "versions" and not chained:
        row = conn.execute("SELECT sha256 FROM versions WHERE id = ?", (lost.row_id,)).fetchone()
        return (capture.warc, capture.raw_sha256) if row and row[0] == content_sha256 else None
    if lost.table == "checks" and not chained:
        return capture.warc, capture.raw_sha256
    return None


def _insert(conn: sqlite3.Connection, document_id: int, run_id: int | None, at: str, check_id: int,
            lost: LostEvidence, stand_in: tuple[WarcRef, str | None] | None, why: str | None = None) -> None:
    ref, digest = stand_in if stand_in is not None else (None, None)
    detail = "; ".join(part for part in (lost.detail, f"lost for good: {why}" if why else "") if part)
    conn.execute(
        "INSERT INTO evidence_recaptures (document_id, run_id, at, row_table, row_id, problem, detail, check_id,"
        " warc_file, warc_offset, raw_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (document_id, run_id, at, lost.table, lost.row_id, lost.problem, detail or None, check_id,
         ref.file if ref else None, ref.offset if ref else None, digest))


def _why_not(lost: LostEvidence) -> str:
    return {"versions": "the posting no longer has this content",
            "attachments": "the file is no longer served with this digest"}.get(
        lost.table, "a redirect's answer of the past cannot be fetched again")


def record(conn: sqlite3.Connection, capture: PageCapture, *, document_id: int, check_id: int,
           content_sha256: str, run_id: int | None) -> int:
    """Note each lost row ``capture`` re-captures (caller's transaction); return how many got a stand-in.

    A row the fetch cannot stand in for (the content changed since) is noted as lost for good."""
    done = 0
    for lost in capture.lost_evidence:
        stand_in = _stand_in(conn, capture, lost, content_sha256)
        why = None if stand_in is not None else _why_not(lost)
        if why:
            log.warning("document %s: the lost record of %s %s cannot be captured again: %s", document_id,
                        lost.table, lost.row_id, why)
        _insert(conn, document_id, run_id, capture.fetched_at, check_id, lost, stand_in, why)
        done += stand_in is not None
    log.info("document %s: %d of %d lost records re-captured", document_id, done, len(capture.lost_evidence))
    return done


def record_gone(conn: sqlite3.Connection, outcome: CheckOutcome, *, document_id: int, check_id: int,
                run_id: int | None) -> None:
    """The posting whose evidence was lost answered as removed: its lost records are noted as lost for good."""
    why = f"the posting is removed ({outcome.reason or outcome.http_status})"
    log.warning("document %s: %d lost records cannot be captured again: %s", document_id,
                len(outcome.lost_evidence), why)
    for lost in outcome.lost_evidence:
        _insert(conn, document_id, run_id, outcome.fetched_at, check_id, lost, None, why)
