"""Evidence that proves itself: re-read every WARC record the archive points at and compare.

```
versions (raw_sha256) ─┐
checks   (raw_sha256) ─┼─ warc_file + warc_offset ──► warc/ducha-*.warc.gz ── record
attachments (sha256) ──┘                                   │ WARC-Block-Digest / WARC-Payload-Digest (warcio)
                                                           │ SHA-256 of the payload  == the archive's hash?
                                                           │ WARC-Target-URI          == the posting's / file's URL?
                                                           ▼
                        VerifyReport: records checked, and a Problem per row whose evidence is
                        missing (no file, no record, no reference), truncated (the file or the record's
                        gzip member ends early: a cut file), unreadable (corrupt gzip, not WARC)
                        or altered (a digest or the target differs)
```

A row reached through redirects has a chain (``archive.chains``): each 3xx answer's record is checked
(target = the hop's URL, a 3xx status, its digest) and the final record's target is the chain's last
location.  A row whose record was lost and captured again by a later crawl (``archive.recapture``) is
counted as ``recaptured`` when the stand-in record verifies, not as a problem; one the crawl recorded as
lost for good (content changed since, posting removed) is counted as ``lost``, not as a problem.

``verify_archive`` only reads (the database in read-only mode, the WARC files); ``ducha verify`` is
its command-line shell and exits 1 when any problem is found.  ``quick=True`` reads only the records
a cut or vanished file can have lost (the crawl's cheap check at start).
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

from archive.chains import chain_breaks, load_hops
from archive.evidence import default_warc_dir
from archive.opening import connect_read
from archive.warc import MemberDamage, gzip_member_damage

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
    kind: str  # missing | truncated | unreadable | altered
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
    recaptured: list[Problem] = field(default_factory=list)  # lost, and a later capture verifies in its place
    lost: list[Problem] = field(default_factory=list)  # lost for good, recorded by a crawl (evidence_recaptures)
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
    truncated: bool = False
    status: int | None = None


def _member_damage(path: Path, offset: int) -> MemberDamage | None:
    """What is wrong with the gzip member at ``offset`` (``archive.warc.gzip_member_damage``)."""
    try:
        with open(path, "rb") as fh:
            return gzip_member_damage(fh, path.name, offset)
    except OSError as exc:
        return MemberDamage("corrupt", f"cannot read the gzip member at offset {offset}: {exc}")


def _not_gzip(path: Path, offsets: Iterable[int]) -> dict[int, _Record]:
    """The offsets of ``path`` where no gzip member starts, as unreadable records (two bytes read per offset)."""
    if not path.is_file():
        return {}
    found: dict[int, _Record] = {}
    with open(path, "rb") as fh:
        for offset in sorted(offsets):
            if damage := gzip_member_damage(fh, path.name, offset, whole=False):
                found[offset] = _Record(error=f"unreadable: {damage.detail}")
    return found


def _classified(path: Path, offset: int, record: _Record) -> _Record:
    """``record``, when its reading failed or its digests do not match, explained by its gzip member: a member the
    file ends inside is truncated, a member that does not decompress unreadable (whatever warcio made of its bytes)."""
    if (record.error or record.digest_problems) and not record.missing:
        damage = _member_damage(path, offset)
        if damage is not None and damage.kind == "cut":
            record.truncated = True
        elif damage is not None:
            return _Record(error=f"unreadable: {damage.detail}")
    return record


def _examine(record: Any) -> _Record:
    """Read a record to its end (so warcio checks its digests) and describe it."""
    digest = hashlib.sha256()
    while chunk := record.raw_stream.read(1 << 16):
        digest.update(chunk)
    checker = getattr(record, "digest_checker", None)
    problems = list(checker.problems) if checker is not None else []
    if getattr(record, "format", "warc") != "warc":
        problems.append(f"the bytes read as an {record.format} record, not WARC")
    elif not record.rec_headers.get_header("WARC-Block-Digest"):
        problems.append("the record carries no WARC-Block-Digest")
    status = None
    if record.http_headers is not None:
        code = (record.http_headers.get_statuscode() or "").strip()
        status = int(code) if code.isdigit() else None
    return _Record(payload_sha256=digest.hexdigest(), target=record.rec_headers.get_header("WARC-Target-URI"),
                   digest_problems=problems, status=status)


def read_checked(path: Path, offset: int) -> _Record:
    """Read the record at ``offset`` of ``path`` checking its WARC block and payload digests."""
    if not path.is_file():
        return _Record(error=f"WARC file not found: {path}", missing=True)
    size = path.stat().st_size
    if offset >= size:
        return _Record(error=f"the WARC file ends at byte {size}, before this record (cut?)", truncated=True)
    if damaged := _not_gzip(path, [offset]):
        return damaged[offset]
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            for record in ArchiveIterator(fh, check_digests=True):
                return _classified(path, offset, _examine(record))
    except Exception as exc:  # noqa: BLE001 - any failure to read is the finding itself
        return _classified(path, offset, _Record(error=f"unreadable: {type(exc).__name__}: {exc}"))
    damage = _member_damage(path, offset)
    if damage is not None and damage.kind == "cut":
        return _Record(error=f"the record at offset {offset} ends early (file cut?)", truncated=True)
    return _Record(error=f"no WARC record at offset {offset}", missing=True)


def read_file_checked(path: Path, offsets: set[int]) -> dict[int, _Record]:
    """The records at ``offsets`` of ``path``, read in one pass over the file (much faster than a
    seek per record); offsets the pass did not reach (a corrupt record stops it) are read one by one."""
    found = _not_gzip(path, offsets)
    if path.is_file() and len(found) < len(offsets):
        try:
            with open(path, "rb") as fh:
                iterator = ArchiveIterator(fh, check_digests=True)
                for record in iterator:
                    examined = _examine(record)  # first: asking the offset would consume the record
                    offset = iterator.get_record_offset()
                    if offset in offsets and offset not in found:
                        found[offset] = _classified(path, offset, examined)
                        if len(found) == len(offsets):
                            break
        except Exception as exc:  # noqa: BLE001 - the per-record reads below name the damage
            logger.info("verify: one pass over %s stopped (%s); reading the rest record by record", path, exc)
    for offset in offsets - found.keys():
        found[offset] = read_checked(path, offset)
    return found


def _rows(conn: sqlite3.Connection, document_ids: list[int] | None,
          only: tuple[str, str, list[Any]] | None = None) -> Iterable[dict[str, Any]]:
    """Every row that points at a WARC record; ``only`` = (WITH clause, condition on ``t``, params) narrows them."""
    conditions, params = [], []
    if document_ids:
        conditions.append(f"t.document_id IN ({', '.join('?' * len(document_ids))})")
        params = list(document_ids)
    with_sql = ""
    if only is not None:
        with_sql, condition, extra = only
        conditions.append(condition)
        params = [*extra, *params]
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    for table, hash_col, url_expr in _SOURCES:
        join = "" if table == "attachments" else " JOIN documents d ON d.id = t.document_id"
        doc_url = "(SELECT url FROM documents WHERE id = t.document_id)" if table == "attachments" else "d.url"
        sql = (f"{with_sql}SELECT t.id, t.document_id, {doc_url} AS doc_url, {url_expr} AS target,"
               f" t.{hash_col} AS expected, t.warc_file, t.warc_offset FROM {table} t{join}{where}"
               f" ORDER BY t.warc_file, t.warc_offset")
        cur = conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        for values in cur:
            yield {"table": table, **dict(zip(cols, values))}


def _suspects(conn: sqlite3.Connection, warc_path: Path) -> tuple[str, str, list[Any]]:
    """``_rows``' filter for the rows whose records a cut or vanished file can have lost: no reference, a
    missing file, an offset past the file's end, or the file's last referenced record (one ``stat`` per
    file; the filtering runs in SQLite, so an archive of millions of checks is not loaded into Python)."""
    tables = [t for t, _, _ in _SOURCES] + ["redirect_hops"]
    names: set[str] = set()
    for table in tables:
        names |= {r[0] for r in conn.execute(f"SELECT DISTINCT warc_file FROM {table} WHERE warc_file IS NOT NULL")}
    sizes = {name: (warc_path / name).stat().st_size if (warc_path / name).is_file() else -1 for name in sorted(names)}
    tails: dict[str, int] = {}
    if sizes:
        values = ", ".join("(?, ?)" for _ in sizes)
        params = [x for pair in sizes.items() for x in pair]
        for table in tables:
            for name, tail in conn.execute(
                    f"WITH s(name, size) AS (VALUES {values}) SELECT t.warc_file, max(t.warc_offset) FROM {table} t"
                    " JOIN s ON s.name = t.warc_file WHERE t.warc_offset < s.size GROUP BY t.warc_file", params):
                tails[name] = max(tails.get(name, -1), tail)
    files = [(name, size, tails.get(name, -1)) for name, size in sizes.items()] or [("", -1, -1)]
    with_sql = f"WITH s(name, size, tail) AS (VALUES {', '.join('(?, ?, ?)' for _ in files)}) "
    condition = ("(t.warc_file IS NULL OR t.warc_offset IS NULL OR EXISTS (SELECT 1 FROM s WHERE s.name = t.warc_file"
                 " AND (s.size < 0 OR t.warc_offset >= s.size OR t.warc_offset = s.tail)))")
    return with_sql, condition, [x for triple in files for x in triple]


def _with_chains(conn: sqlite3.Connection, rows: list[dict[str, Any]],
                 document_ids: list[int] | None) -> list[dict[str, Any]]:
    """``rows`` plus one row per redirect hop; a chained row's final record is for the chain's last location."""
    chains = load_hops(conn, document_ids)
    out: list[dict[str, Any]] = []
    for row in rows:
        hops = chains.get((row["table"], row["id"]))
        if hops:
            row["chain_break"] = chain_breaks(row["target"], hops)
            row["target"] = hops[-1]["location"]
            out += [{"table": "redirect_hops", "id": h["id"], "document_id": row["document_id"],
                     "doc_url": row["doc_url"], "target": h["url"], "expected": h["raw_sha256"],
                     "warc_file": h["warc_file"], "warc_offset": h["warc_offset"], "redirect": True} for h in hops]
        out.append(row)
    return out


def _stand_ins(conn: sqlite3.Connection, rows: list[dict[str, Any]]
               ) -> tuple[dict[tuple[str, int], dict[str, Any]], set[tuple[str, int]]]:
    """The newest re-captured record of each row that has one (``evidence_recaptures``), as a row to check;
    and the rows recorded as lost for good (no stand-in)."""
    found: dict[tuple[str, int], dict[str, Any]] = {}
    gone: set[tuple[str, int]] = set()
    if not rows:
        return found, gone
    by_key = {(r["table"], r["id"]): r for r in rows}
    cur = conn.execute("SELECT id, row_table, row_id, warc_file, warc_offset, raw_sha256 FROM evidence_recaptures"
                       " ORDER BY id")
    for rid, table, row_id, warc_file, warc_offset, raw in cur:
        row = by_key.get((table, row_id))
        if row is None:
            continue
        if warc_file is None or warc_offset is None:
            gone.add((table, row_id))
            continue
        url = row["doc_url"] if table != "attachments" else row["target"]
        found[(table, row_id)] = {**row, "target": url, "expected": raw, "warc_file": warc_file,
                                  "warc_offset": warc_offset, "recapture_id": rid, "redirect": False,
                                  "chain_break": None}
    return found, gone


def _problem(row: dict[str, Any], kind: str, detail: str) -> Problem:
    return Problem(document_id=row["document_id"], url=row["doc_url"], table=row["table"], row_id=row["id"],
                   kind=kind, detail=detail, warc_file=row["warc_file"], warc_offset=row["warc_offset"])


def _check_row(row: dict[str, Any], record: _Record) -> Problem | None:
    if record.error:
        kind = "truncated" if record.truncated else "missing" if record.missing else "unreadable"
        return _problem(row, kind, record.error)
    altered = "truncated" if record.truncated else "altered"
    if record.digest_problems:
        return _problem(row, altered, "; ".join(record.digest_problems))
    if row["expected"] and record.payload_sha256 != row["expected"]:
        return _problem(row, altered, f"payload SHA-256 {record.payload_sha256} differs from the archive's "
                                      f"{row['expected']}")
    if row["target"] and record.target and record.target != row["target"]:
        return _problem(row, "altered", f"the record is for {record.target}, not {row['target']}")
    if row.get("redirect") and not (record.status and 300 <= record.status < 400):
        return _problem(row, "altered", f"a redirect hop whose record answers {record.status}, not a 3xx")
    if row.get("chain_break"):
        return _problem(row, "altered", row["chain_break"])
    return None


def _read_all(rows: list[dict[str, Any]], warc_path: Path) -> dict[tuple[str, int], _Record]:
    """Every record ``rows`` point at, one pass per file when many records of it are wanted."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if row["warc_file"] and row["warc_offset"] is not None:
            wanted.setdefault(row["warc_file"], set()).add(int(row["warc_offset"]))
    cache: dict[tuple[str, int], _Record] = {}
    for name, offsets in wanted.items():
        path = warc_path / name
        records = read_file_checked(path, offsets) if len(offsets) > _ONE_PASS_FROM else {
            offset: read_checked(path, offset) for offset in offsets}
        # only the last record a file holds can be cut mid-way: a record before it ends where the next begins
        last = max((o for o, r in records.items() if not r.error), default=None)
        if last is not None and (damage := _member_damage(path, last)) is not None and damage.kind == "cut":
            records[last].truncated = True
        cache.update({(name, offset): record for offset, record in records.items()})
    return cache


def verify_archive(db_path: str | Path, *, warc_dir: str | Path | None = None,
                   document_ids: list[int] | None = None, quick: bool = False) -> VerifyReport:
    """Check every WARC record the archive (or only ``document_ids``) points at; return the findings.

    A version without a WARC reference is a problem (every archived content has evidence); checks
    and attachments without one (a failed download, a timeout) have nothing to verify.  ``quick``
    reads only the records a cut or vanished WARC file can have lost (missing file, past its end,
    each file's last referenced record).
    """
    started = time.monotonic()
    warc_path = Path(warc_dir) if warc_dir is not None else default_warc_dir(db_path)
    report = VerifyReport()
    conn = connect_read(db_path)  # read-only; works on read-only media
    try:
        if document_ids:
            known = {r[0] for r in conn.execute(
                f"SELECT id FROM documents WHERE id IN ({', '.join('?' * len(document_ids))})", document_ids)}
            for missing_id in sorted(set(document_ids) - known):
                raise LookupError(f"no document with id {missing_id} in {db_path}")
        only = _suspects(conn, warc_path) if quick else None
        rows = _with_chains(conn, list(_rows(conn, document_ids, only)), document_ids)
        report.documents = len({row["document_id"] for row in rows})
        stand_ins, gone = _stand_ins(conn, rows)
    finally:
        conn.close()
    cache = _read_all([*rows, *stand_ins.values()], warc_path)
    for row in rows:
        if not row["warc_file"] or row["warc_offset"] is None:
            if row["table"] == "versions":
                report.rows += 1
                report.problems.append(_problem(row, "missing", "no WARC record is referenced"))
            continue
        report.rows += 1
        problem = _check_row(row, cache[(row["warc_file"], int(row["warc_offset"]))])
        if problem is None:
            continue
        stand_in = stand_ins.get((row["table"], row["id"]))
        if stand_in is not None and _check_row(stand_in, cache[(stand_in["warc_file"],
                                                                 int(stand_in["warc_offset"]))]) is None:
            report.recaptured.append(problem)
        elif (row["table"], row["id"]) in gone:
            report.lost.append(problem)
        else:
            report.problems.append(problem)
    report.records = len(cache)
    report.seconds = time.monotonic() - started
    for problem in report.problems:
        logger.warning("verify: %s", problem.describe())
    logger.info("verify: %d records of %d postings in %.1f s, %d problems, %d lost records re-captured, %d lost for "
                "good (recorded)", report.records, report.documents, report.seconds, len(report.problems),
                len(report.recaptured), len(report.lost))
    return report
