"""``build_ledger``: inspections, plans, tasks and task links, derived from the archive.

```
documents(rectification_plan) ─sources (WARC bytes: page tables, attachment tables; stored text)─►
    tasks (tables first, enumerated text second; merged by number) ─► plans, tasks
documents(inspection_feedback) + plan text ─► inspections (level, round, batch, region, feedback date)
documents(acceptance_notice | rectification_progress) ─link_notice (same region)─► task_links
```
Incremental: a plan whose current version was already read keeps its tasks (no WARC read); a
close-out or progress posting is re-linked only when it is new, has a new version, or its region's
plans changed (``ledger_notices`` remembers what was linked).  ``full=True`` redoes everything.
Idempotent.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from archive.ledger.evidence import feedback_read, inspection_named, stated_count
from archive.ledger.levels import (
    cites_province_numbering,
    closeout_plans,
    orphan_reason,
    province_of,
    same_inspection,
)
from archive.ledger.link import Link, PlanTask, link_notice
from archive.ledger.naming import inspection_name
from archive.ledger.numbers import cited_numbers, deadline
from archive.ledger.progress import link_rows, progress_rows, status_class
from archive.ledger.sources import PostingSource, load_posting, tables_ahead
from archive.ledger.speaks_for import inspection_of, region_of, subject_region
from archive.ledger.tables import TableReaders
from archive.ledger.tasks import Task, tasks_from_grids, tasks_from_text
from archive.retype import retype_documents

logger = logging.getLogger(__name__)
#: Postings whose tables are read at once (their raw bytes are held in memory meanwhile).
PLAN_BATCH = 32

PLAN_TYPES = ("rectification_plan",)
NOTICE_KINDS = {"acceptance_notice": "closure", "rectification_progress": "progress"}


@dataclass
class LedgerStats:
    """What one build did."""

    plans: int = 0
    plans_read: int = 0
    tasks: int = 0
    links_confirmed: int = 0
    links_candidate: int = 0
    inspections: int = 0
    notices_linked: int = 0
    raw_missing: int = 0
    retyped: int = 0                    # postings re-typed by newer doc_type rules before this build
    progress_rows: int = 0              # status rows of progress reports stored by this build
    seconds: float = 0.0
    sources: dict[str, int] = field(default_factory=dict)


def _tasks_of(src: PostingSource) -> list[Task]:
    """Tasks of a plan posting: page tables, then attachment tables, then enumerated text."""
    found: dict[int, Task] = {}
    groups: list[list[Task]] = [tasks_from_grids(src.page_grids, "html_table")]
    for att in src.attachments:
        groups.append(tasks_from_grids(att.grids, f"{att.kind}_table"))
    groups.append(tasks_from_text(src.body_text))
    for att in src.attachments:
        groups.append(tasks_from_text(att.text))
    for group in groups:
        for task in group:
            found.setdefault(task.number, task)
    return sorted(found.values(), key=lambda t: t.number)


def _sites(db: Database) -> dict[str, tuple[str, str | None]]:
    """site id → (region it speaks for, level)."""
    return {sid: (region_of(region, level, name), level)
            for sid, region, level, name in db.execute("SELECT id, region, level, name FROM sites")}


def _inspection_id(db: Database, insp: dict | None, region: str) -> int | None:
    if insp is None:
        return None
    row = db.execute("SELECT id FROM inspections WHERE level = ? AND round = ? AND batch = ? AND region = ?",
                     [insp["level"], insp["round"], insp["batch"], region]).fetchone()
    if row:
        return int(row[0])
    cur = db.execute("INSERT INTO inspections (level, round, batch, region) VALUES (?, ?, ?, ?)",
                     [insp["level"], insp["round"], insp["batch"], region])
    return int(cur.lastrowid or 0)


def _only_inspection(db: Database, insp: dict, region: str) -> int | None:
    """The one inspection of the level in the region, for a feedback that names no round
    ("省第二生态环境保护督察组向我市反馈": group 2 of the provincial inspection, round not stated)."""
    if insp["round"]:
        return None
    rows = db.execute("SELECT id FROM inspections WHERE level = ? AND region = ?", [insp["level"], region]).fetchall()
    return int(rows[0][0]) if len(rows) == 1 else None


def _drop_plan(db: Database, plan_id: int) -> None:
    for table in ("task_links", "task_progress"):
        db.execute(f"DELETE FROM {table} WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ?)", [plan_id])
    db.execute("DELETE FROM tasks WHERE plan_id = ?", [plan_id])
    db.execute("DELETE FROM plans WHERE id = ?", [plan_id])


def _read_plan(db: Database, doc_id: int, site: tuple[str, str | None], warc_dir: Path | None, at: str,
               stats: LedgerStats, grids: dict | None = None) -> set[str]:
    """(Re)read one plan posting (``grids``: its tables, already read); returns the regions whose task
    lists changed."""
    src = load_posting(db, doc_id, warc_dir=warc_dir, grids=grids)
    stats.raw_missing += src.raw_missing
    region = subject_region(site[0], site[1], src.title, src.body_text)
    tasks = _tasks_of(src)
    context_year = int(src.posted[:4]) if src.posted else None
    stated, stated_text = stated_count(src.body_text) or (None, None)
    named = inspection_named(src.title, src.body_text)
    insp_id = _inspection_id(db, named[0] if named else None, region)
    fb = feedback_read(src.body_text, context_year=context_year)
    if insp_id and fb is not None:  # the first plan's day, unless one was read before (a feedback posting's wins later)
        db.execute("UPDATE inspections SET feedback_date = ?, feedback_date_text = ?, feedback_date_document_id = ?"
                   " WHERE id = ? AND feedback_date IS NULL", [fb[0].iso(), fb[1], doc_id, insp_id])
    old = db.execute("SELECT id, region FROM plans WHERE document_id = ?", [doc_id]).fetchone()
    touched = {region} | ({old[1] or ""} if old else set())
    if old:
        _drop_plan(db, old[0])
    sources = sorted({t.source for t in tasks})
    cur = db.execute(
        "INSERT INTO plans (document_id, inspection_id, site_id, region, title, url, published, task_count_stated,"
        " task_count_text, task_count_parsed, count_mismatch, task_sources, version_id, computed_at, inspection_named_as)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc_id, insp_id, src.site_id, region, src.title, src.url, src.posted, stated, stated_text, len(tasks),
         int(stated is not None and stated != len(tasks)), json.dumps(sources), src.version_id, at,
         named[1] if named and insp_id else None])
    plan_id = cur.lastrowid
    for t in tasks:
        d = deadline(t.deadline_text, context_year=context_year)
        db.execute(
            "INSERT INTO tasks (plan_id, number, problem, lead_units, responsible_units, target, deadline_text,"
            " deadline, deadline_kind, measures, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [plan_id, t.number, t.problem, t.lead_units, t.responsible_units, t.target, t.deadline_text,
             d.iso(), d.kind, t.measures, t.source])
        stats.sources[t.source] = stats.sources.get(t.source, 0) + 1
    db.execute("INSERT INTO task_links (task_id, document_id, kind, status, posted, location, confidence)"
               " SELECT id, ?, 'plan', 'confirmed', ?, source, 1.0 FROM tasks WHERE plan_id = ?",
               [doc_id, src.posted, plan_id])
    stats.plans_read += 1
    return touched


def _feedback(db: Database, sites: dict[str, tuple[str, str | None]]) -> None:
    """Attach 督察反馈 postings (and their stated feedback dates) to inspections of their region
    (inspections no plan refers to are dropped first and come back only from a feedback posting)."""
    db.execute("DELETE FROM inspections WHERE id NOT IN (SELECT inspection_id FROM plans WHERE inspection_id IS NOT NULL)")
    rows = db.execute("SELECT d.id, d.site_id, d.title, v.body_text, d.publish_date FROM documents d"
                      " LEFT JOIN versions v ON v.id = d.current_version_id"
                      " WHERE d.doc_type = 'inspection_feedback' ORDER BY d.publish_date, d.id").fetchall()
    for doc_id, site_id, title, body, posted in rows:
        insp = inspection_of(title, body or "")
        if insp is None:
            continue
        site = sites.get(site_id, ("", None))
        region = subject_region(site[0], site[1], title, body or "")
        insp_id = _only_inspection(db, insp, region) or _inspection_id(db, insp, region)
        db.execute("UPDATE inspections SET feedback_document_id = coalesce(feedback_document_id, ?) WHERE id = ?",
                   [doc_id, insp_id])
        fb = feedback_read(body or "", context_year=int(posted[:4]) if posted else None)
        if fb is not None:  # the day, its words and this posting together: a later posting's day replaces all three
            db.execute("UPDATE inspections SET feedback_date = ?, feedback_date_text = ?, feedback_date_document_id = ?"
                       " WHERE id = ?", [fb[0].iso(), fb[1], doc_id, insp_id])


def _plan_tasks(db: Database) -> dict[str, dict[int, dict[int, PlanTask]]]:
    """region → plan id → number → task."""
    out: dict[str, dict[int, dict[int, PlanTask]]] = {}
    for task_id, plan_id, number, problem, region in db.execute(
            "SELECT t.id, t.plan_id, t.number, t.problem, p.region FROM tasks t JOIN plans p ON p.id = t.plan_id"):
        out.setdefault(region or "", {}).setdefault(plan_id, {})[number] = PlanTask(task_id, plan_id, number, problem or "")
    return out


def _link_all(db: Database, sites: dict[str, tuple[str, str | None]], warc_dir: Path | None, stats: LedgerStats,
              *, changed_regions: set[str], full: bool, at: str, readers: TableReaders) -> None:
    """Link close-out / progress postings to tasks: those never linked, those with a new version,
    and those of a region whose plans changed in this build (all of them when ``full``)."""
    by_region = _plan_tasks(db)
    marks = ",".join("?" * len(NOTICE_KINDS))
    kinds = list(NOTICE_KINDS)
    db.execute(f"DELETE FROM task_links WHERE kind != 'plan' AND document_id NOT IN"
               f" (SELECT id FROM documents WHERE doc_type IN ({marks}))", kinds)
    db.execute(f"DELETE FROM task_progress WHERE document_id NOT IN (SELECT id FROM documents WHERE doc_type IN ({marks}))",
               kinds)
    db.execute(f"DELETE FROM orphan_closeouts WHERE document_id NOT IN (SELECT id FROM documents WHERE doc_type IN ({marks}))",
               kinds)
    db.execute(f"DELETE FROM ledger_notices WHERE document_id NOT IN (SELECT id FROM documents WHERE doc_type IN ({marks}))",
               kinds)
    notices = db.execute(
        "SELECT d.id, d.site_id, d.doc_type, coalesce(d.current_version_id, (SELECT max(v.id) FROM versions v"
        f" WHERE v.document_id = d.id)), n.version_id, n.region FROM documents d"
        f" LEFT JOIN ledger_notices n ON n.document_id = d.id WHERE d.doc_type IN ({marks})", kinds).fetchall()
    orphans = {doc_id for (doc_id,) in db.execute("SELECT document_id FROM orphan_closeouts")}
    todo = {n[0]: n for n in notices
            if full or n[4] is None or n[4] != n[3] or n[5] in changed_regions
            or (n[0] in orphans and province_of(n[5] or "") in changed_regions)}
    # (an orphan close-out is tried again when its province's plans change)
    with_tables = {n[0] for n in todo.values() if NOTICE_KINDS[n[2]] == "progress"
                   and (sites.get(n[1], ("", None))[1] == "national" or sites.get(n[1], ("", None))[0] in by_region)}
    for batch, grids in tables_ahead(db, list(todo), warc_dir, readers, batch=PLAN_BATCH, only=with_tables):
        for doc_id in batch:
            _link_one(db, todo[doc_id], sites, warc_dir, stats, by_region, at, grids)


def _link_one(db: Database, notice: tuple, sites: dict[str, tuple[str, str | None]], warc_dir: Path | None,
              stats: LedgerStats, by_region: dict[str, dict[int, dict[int, PlanTask]]], at: str,
              grids: dict) -> None:
    """(Re)link one close-out or progress posting (``grids``: tables already read)."""
    doc_id, site_id, doc_type, version_id = notice[:4]
    stats.notices_linked += 1
    db.execute("DELETE FROM task_links WHERE document_id = ? AND kind != 'plan'", [doc_id])
    db.execute("DELETE FROM task_progress WHERE document_id = ?", [doc_id])
    db.execute("DELETE FROM orphan_closeouts WHERE document_id = ?", [doc_id])
    site_region, level = sites.get(site_id, ("", None))
    progress = NOTICE_KINDS[doc_type] == "progress"
    region, count = site_region, 0
    if not progress or level == "national" or site_region in by_region:
        # close-outs: stored text is enough (citations and task wording survive the joined cells, and
        # re-reading every notice's WARC records on each run would cost ~40 ms a posting); progress
        # reports: their status tables need the cells, so the raw bytes are read
        src = load_posting(db, doc_id, warc_dir=warc_dir, tables=progress, grids=grids)
        stats.raw_missing += src.raw_missing
        region = subject_region(site_region, level, src.title, src.body_text)
        insp = inspection_of(src.title, src.body_text)
        texts: list[tuple[str, str, list]] = [("title", src.title, []), ("body", src.body_text, [])]
        texts += [(f"attachment:{a.id}", a.text, [] if progress else a.grids) for a in src.attachments]
        own = region
        if progress:
            plans = same_inspection(db, by_region.get(region, {}), insp)
            count += _link_progress(db, src, plans, stats) if plans else 0
        else:  # a city close-out citing the province's numbering closes the provincial plan's task
            plans, region = closeout_plans(db, by_region, region, insp, texts)
        links = link_notice(texts, plans) if plans else []
        for link in links:
            _insert_link(db, link, doc_id, NOTICE_KINDS[doc_type], src.posted)
            count += 1
        if not progress and not any(lk.status == "confirmed" for lk in links):
            # its own region has no plan and the province's fits no cited task: an orphan of its own region
            fallback = region != own and not cites_province_numbering(texts)
            if count == 0 or fallback:
                _keep_orphan(db, doc_id, by_region, own if fallback else region, insp, texts, src,
                             local_only=fallback)
    db.execute("INSERT OR REPLACE INTO ledger_notices (document_id, version_id, region, links, linked_at)"
               " VALUES (?, ?, ?, ?, ?)", [doc_id, version_id, region, count, at])


def _keep_orphan(db: Database, doc_id: int, by_region: dict[str, dict[int, dict[int, PlanTask]]], region: str,
                 insp: dict | None, texts: list[tuple[str, str, list]], src: PostingSource, *,
                 local_only: bool = False) -> None:
    """Keep a close-out whose plan is not in the archive, with the reason (``orphan_closeouts``);
    ``local_only``: only the plans of ``region`` itself count (the province's were tried and fit none)."""
    numbers = sorted({n for _, text, _ in texts for n in cited_numbers(text)})
    reason = orphan_reason(db, by_region, region, insp, numbers, local_only=local_only)
    if reason:
        name = inspection_name(src.title, src.body_text)
        db.execute("INSERT OR REPLACE INTO orphan_closeouts (document_id, region, inspection, numbers, reason)"
                   " VALUES (?, ?, ?, ?, ?)", [doc_id, region, name.text if name else None, json.dumps(numbers), reason])


def _link_progress(db: Database, src: PostingSource, plans: dict[int, dict[int, PlanTask]],
                   stats: LedgerStats) -> int:
    """Status rows of a progress report's tables (page, then attachments) → ``task_progress`` and
    ``task_links`` (kind ``progress``); ambiguous rows only as candidate links.  Returns the links made."""
    rows = [("body", r) for r in progress_rows(src.page_grids, "html_table")]
    for att in src.attachments:
        rows += [(f"attachment:{att.id}", r) for r in progress_rows(att.grids, f"{att.kind}_table")]
    links = sorted(link_rows(rows, plans), key=lambda pl: pl.link_status != "confirmed")  # confirmed win the key
    for pl in links:
        evidence = f"{pl.row_number} {pl.problem} {pl.status_text}"
        _insert_link(db, Link(pl.task_id, pl.link_status, pl.location, evidence, 0.9 if pl.link_status == "confirmed"
                              else 0.3, pl.similarity, pl.reason), src.document_id, "progress", src.posted)
        if pl.link_status == "confirmed":
            db.execute("INSERT OR IGNORE INTO task_progress (task_id, document_id, posted, status_text, status,"
                       " row_number, row_problem, location, similarity, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [pl.task_id, src.document_id, src.posted, pl.status_text, status_class(pl.status_text),
                        pl.row_number, pl.problem, pl.location,
                        None if pl.similarity is None else round(pl.similarity, 3), pl.reason])
            stats.progress_rows += 1
    return len(links)


def _insert_link(db: Database, link: Link, doc_id: int, kind: str, posted: str | None) -> None:
    db.execute("INSERT OR IGNORE INTO task_links (task_id, document_id, kind, status, posted, location, evidence,"
               " confidence, similarity, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [link.task_id, doc_id, kind, link.status, posted, link.location, link.evidence[:500],
                link.confidence, None if link.similarity is None else round(link.similarity, 3), link.reason])


def build_ledger(db: Database, *, warc_dir: str | Path | None = None, now: datetime | None = None,
                 full: bool = False) -> LedgerStats:
    """Rebuild the ledger tables from the archive in ``db`` (one transaction).

    ``warc_dir`` is where the WARC evidence lives (raw page and attachment bytes, for tables); without
    it only stored text is read.  Plans whose current version was read before are kept unless ``full``.
    Postings typed by older doc_type rules are re-typed first (``archive.retype``), so a close-out the
    old rules typed ``other`` is linked too.
    """
    started = time.perf_counter()
    at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    wdir = Path(warc_dir) if warc_dir is not None else None
    stats = LedgerStats()
    stats.retyped = retype_documents(db, now=now).changed
    sites = _sites(db)
    with db.atomic():  # one transaction: sqlite-utils connections autocommit each statement otherwise
        marks = ",".join("?" * len(PLAN_TYPES))
        docs = db.execute(
            f"SELECT d.id, d.site_id, coalesce(d.current_version_id, (SELECT max(id) FROM versions v"
            f" WHERE v.document_id = d.id)), p.version_id FROM documents d LEFT JOIN plans p ON p.document_id = d.id"
            f" WHERE d.doc_type IN ({marks})", list(PLAN_TYPES)).fetchall()
        wanted = {d[0] for d in docs}
        removed_regions: set[str] = set()
        for pid, region in db.execute("SELECT id, region FROM plans WHERE document_id NOT IN"
                                      f" (SELECT id FROM documents WHERE doc_type IN ({marks}))",
                                      list(PLAN_TYPES)).fetchall():
            removed_regions.add(region or "")
            _drop_plan(db, pid)
        changed: set[str] = set()
        todo = [(d[0], d[1]) for d in docs if full or d[3] is None or d[3] != d[2]]
        site_of = dict(todo)
        with TableReaders() as readers:  # the tables of the next batch are read in other processes
            for batch, grids in tables_ahead(db, [d for d, _ in todo], wdir, readers, batch=PLAN_BATCH):
                for doc_id in batch:
                    changed |= _read_plan(db, doc_id, sites.get(site_of[doc_id], ("", None)), wdir, at, stats, grids)
            changed |= removed_regions
            _feedback(db, sites)
            _link_all(db, sites, wdir, stats, changed_regions=changed, full=full, at=at, readers=readers)
        for status, n in db.execute("SELECT status, count(*) FROM task_links WHERE kind != 'plan' GROUP BY status"):
            if status == "confirmed":
                stats.links_confirmed = n
            else:
                stats.links_candidate = n
        stats.plans = len(wanted)
        stats.tasks = db.execute("SELECT count(*) FROM tasks").fetchone()[0]
        stats.inspections = db.execute("SELECT count(*) FROM inspections").fetchone()[0]
    stats.seconds = round(time.perf_counter() - started, 3)
    logger.info("ledger: %d plan(s) (%d read), %d task(s), %d confirmed link(s), %d candidate(s) in %.2f s",
                stats.plans, stats.plans_read, stats.tasks, stats.links_confirmed, stats.links_candidate, stats.seconds)
    return stats
