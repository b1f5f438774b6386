"""Evidence that proves itself: re-read every WARC record the archive points at and compare.

```
versions (raw_sha256) ─┐
checks   (raw_sha256) ─┼─ warc_file + warc_offset ──► warc/ducha-*.warc.gz ── record
attachments (sha256) ──┘                                   │ WARC-Block-Digest / WARC-Payload-Digest (warcio)
                                                           │ SHA-256 of the payload  == the archive's hash?
                                                           │ WARC-Target-URI          == the posting's / file's URL?
                                                           ▼
                        VerifyReport: records checked, and a Problem per row whose evidence is
                        missing (no file, no record, no reference), unreadable (corrupt gzip, not WARC)
                        or altered (a digest or the target differs)
```

``verify_archive`` only reads (the database in read-only mode, the WARC files); ``ducha verify`` is
its command-line shell and exits 1 when any problem is found.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from archive.evidence import default_warc_dir
from archive.opening import connect_read

logger = logging.getLogger(__name__)

# (table, hash column, URL expression) of every row that points at a WARC record
_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("versions", "raw_sha256", "d.url"),
    ("checks", "raw_sha256", "d.url"),
    ("attachments", "sha256", "t.url"),
)


_ONE_PASS_FROM = 20  # records wanted from one file: above this, read the file in one pass


@dataclass(frozen=True)
class Problem:
    """One archive row whose evidence does not verify."""

    document_id: int
    url: str
    table: str
    row_id: int
    kind: str  # missing | unreadable | altered
    detail: str
    warc_file: str | None = None
    warc_offset: int | None = None

    def describe(self) -> str:
        """One line naming the posting, the row, where the record should be and what is wrong."""
        where = f" ({self.warc_file}@{self.warc_offset})" if self.warc_file else ""
        return f"document {self.document_id} {self.url}: {self.kind}: {self.table} {self.row_id}{where}: {self.detail}"


@dataclass
class VerifyReport:
    """What ``verify_archive`` checked and found."""

    documents: int = 0
    rows: int = 0
    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every row's evidence was found, readable and unaltered."""
        return not self.problems

    @property
    def failing_documents(self) -> list[int]:
        """Ids of the postings with at least one problem, ascending."""
        return sorted({p.document_id for p in self.problems})


@dataclass
class _Record:
    """What one WARC record turned out to be (or why it could not be read)."""

    payload_sha256: str | None = None
    target: str | None = None
    digest_problems: list[str] = field(default_factory=list)
    error: str | None = None
    missing: bool = False


def _examine(record: Any) -> _Record:
    """Read a record to its end (so warcio checks its digests) and describe it."""
    digest = hashlib.sha256()
    while chunk := record.raw_stream.read(1 << 16):
        digest.update(chunk)
    checker = getattr(record, "digest_checker", None)
    problems = list(checker.problems) if checker is not None else []
    if not record.rec_headers.get_header("WARC-Block-Digest"):
        problems.append("the record carries no WARC-Block-Digest")
    return _Record(payload_sha256=digest.hexdigest(), target=record.rec_headers.get_header("WARC-Target-URI"),
                   digest_problems=problems)


def read_checked(path: Path, offset: int) -> _Record:
    """Read the record at ``offset`` of ``path`` checking its WARC block and payload digests."""
    if not path.is_file():
        return _Record(error=f"WARC file not found: {path}", missing=True)
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            for record in ArchiveIterator(fh, check_digests=True):
                return _examine(record)
    except Exception as exc:  # noqa: BLE001 - any failure to read is the finding itself
        return _Record(error=f"unreadable: {type(exc).__name__}: {exc}")
    return _Record(error=f"no WARC record at offset {offset}", missing=True)


def read_file_checked(path: Path, offsets: set[int]) -> dict[int, _Record]:
    """The records at ``offsets`` of ``path``, read in one pass over the file (much faster than a
    seek per record); offsets the pass did not reach (a corrupt record stops it) are read one by one."""
    found: dict[int, _Record] = {}
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                iterator = ArchiveIterator(fh, check_digests=True)
                for record in iterator:
                    examined = _examine(record)  # first: asking the offset would consume the record
                    offset = iterator.get_record_offset()
                    if offset in offsets:
                        found[offset] = examined
                        if len(found) == len(offsets):
                            break
        except Exception as exc:  # noqa: BLE001 - the per-record reads below name the damage
            logger.info("verify: one pass over %s stopped (%s); reading the rest record by record", path, exc)
    for offset in offsets - found.keys():
        found[offset] = read_checked(path, offset)
    return found


def _rows(conn: sqlite3.Connection, document_ids: list[int] | None) -> Iterable[dict[str, Any]]:
    where, params = "", []
    if document_ids:
        where = f" WHERE t.document_id IN ({', '.join('?' * len(document_ids))})"
        params = list(document_ids)
    for table, hash_col, url_expr in _SOURCES:
        join = "" if table == "attachments" else " JOIN documents d ON d.id = t.document_id"
        doc_url = "(SELECT url FROM documents WHERE id = t.document_id)" if table == "attachments" else "d.url"
        sql = (f"SELECT t.id, t.document_id, {doc_url} AS doc_url, {url_expr} AS target, t.{hash_col} AS expected,"
               f" t.warc_file, t.warc_offset FROM {table} t{join}{where} ORDER BY t.warc_file, t.warc_offset")
        cur = conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        for values in cur:
            yield {"table": table, **dict(zip(cols, values))}


def _problem(row: dict[str, Any], kind: str, detail: str) -> Problem:
    return Problem(document_id=row["document_id"], url=row["doc_url"], table=row["table"], row_id=row["id"],
                   kind=kind, detail=detail, warc_file=row["warc_file"], warc_offset=row["warc_offset"])


def _check_row(row: dict[str, Any], record: _Record) -> Problem | None:
    if record.error:
        return _problem(row, "missing" if record.missing else "unreadable", record.error)
    if record.digest_problems:
        return _problem(row, "altered", "; ".join(record.digest_problems))
    if row["expected"] and record.payload_sha256 != row["expected"]:
        return _problem(row, "altered", f"payload SHA-256 {record.payload_sha256} differs from the archive's "
                                        f"{row['expected']}")
    if row["target"] and record.target and record.target != row["target"]:
        return _problem(row, "altered", f"the record is for {record.target}, not {row['target']}")
    return None


def verify_archive(db_path: str | Path, *, warc_dir: str | Path | None = None,
                   document_ids: list[int] | None = None) -> VerifyReport:
    """Check every WARC record the archive (or only ``document_ids``) points at; return the findings.

    A version without a WARC reference is a problem (every archived content has evidence); checks
    and attachments without one (a failed download, a timeout) have nothing to verify.
    """
    started = time.monotonic()
    warc_path = Path(warc_dir) if warc_dir is not None else default_warc_dir(db_path)
    report = VerifyReport()
    cache: dict[tuple[str, int], _Record] = {}
    docs: set[int] = set()
    conn = connect_read(db_path)  # read-only; works on read-only media
    try:
        if document_ids:
            known = {r[0] for r in conn.execute(
                f"SELECT id FROM documents WHERE id IN ({', '.join('?' * len(document_ids))})", document_ids)}
            for missing_id in sorted(set(document_ids) - known):
                raise LookupError(f"no document with id {missing_id} in {db_path}")
        rows = list(_rows(conn, document_ids))
        wanted: dict[str, set[int]] = {}
        for row in rows:
            if row["warc_file"] and row["warc_offset"] is not None:
                wanted.setdefault(row["warc_file"], set()).add(int(row["warc_offset"]))
        for name, offsets in wanted.items():
            records = read_file_checked(warc_path / name, offsets) if len(offsets) > _ONE_PASS_FROM else {
                offset: read_checked(warc_path / name, offset) for offset in offsets}
            cache.update({(name, offset): record for offset, record in records.items()})
        for row in rows:
            docs.add(row["document_id"])
            if not row["warc_file"] or row["warc_offset"] is None:
                if row["table"] == "versions":
                    report.rows += 1
                    report.problems.append(_problem(row, "missing", "no WARC record is referenced"))
                continue
            report.rows += 1
            problem = _check_row(row, cache[(row["warc_file"], int(row["warc_offset"]))])
            if problem is not None:
                report.problems.append(problem)
    finally:
        conn.close()
    report.documents = len(docs)
    report.records = len(cache)
    report.seconds = time.monotonic() - started
    for problem in report.problems:
        logger.warning("verify: %s", problem.describe())
    logger.info("verify: %d records of %d postings in %.1f s, %d problems", report.records, report.documents,
                report.seconds, len(report.problems))
    return report
