"""Per-task status from the tables of 整改进展 reports (pure functions).

A progress report publishes a status table — 序号 | 整改任务 | 责任单位 | 整改时限 | 整改进展 (or 完成情况)
— in its page or in an attached XLSX/DOCX/PDF.  ``progress_rows`` reads the rows that carry a status;
``link_rows`` ties each row to the task of the right plan (plans of the report's region and inspection,
as for close-out notices):

1. the row's problem text names exactly one task (containment): that task, whatever the row's number
   (reports often renumber the tasks they list 1, 2, 3 …);
2. else the row's number, confirmed by problem-text similarity (``link.CONFIRM_SIMILARITY``);
3. else the problem text alone when it fits one task closely (``link.TEXT_ONLY_SIMILARITY``);
4. anything else ambiguous becomes a *candidate* with its reason, never a reported status.

A row's wording is filed by ``archive.ledger.status.status_class`` (its head verb; re-exported here) under
``done``, ``mostly_done``, ``on_track``, ``behind``, ``ongoing`` or ``other``; the wording itself is kept.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from archive.ledger.link import CONFIRM_SIMILARITY, TEXT_ONLY_SIMILARITY, PlanTask, similarity
from archive.ledger.status import STATUS_CLASSES, StatusReading, read_status, status_class
from archive.ledger.tables import Grid
from archive.ledger.tasks import Task, tasks_from_grid

logger = logging.getLogger(__name__)

__all__ = ["STATUS_CLASSES", "ProgressLink", "StatusReading", "link_rows", "progress_rows", "read_status", "status_class"]


@dataclass(frozen=True)
class ProgressLink:
    """One status row tied to one task (``status`` ``confirmed``) or proposed for it (``candidate``)."""

    task_id: int
    row_number: int
    problem: str
    status_text: str
    location: str
    link_status: str  # confirmed | candidate
    similarity: float | None
    reason: str | None = None


def progress_rows(grids: list[Grid], source: str) -> list[Task]:
    """Rows of the status tables among ``grids``: numbered rows with a non-empty 进展/完成情况 cell."""
    rows: list[Task] = []
    for grid in grids:
        rows += [t for t in tasks_from_grid(grid, source) if t.progress.strip()]
    return rows


_NOT_WORD = re.compile(r"[\s\W_]+")


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """The text without spaces and punctuation (a report's every row is compared with every task of its plans)."""
    return _NOT_WORD.sub("", text or "")


def _one_task(matches: list[PlanTask]) -> bool:
    """All matches are the same task (a plan republished in several postings)."""
    return len({_key(t.problem) for t in matches}) == 1


def _row_links(row: Task, plans: dict[int, dict[int, PlanTask]], location: str) -> list[ProgressLink]:
    status = " ".join(row.progress.split("\n"))
    every = [t for tasks in plans.values() for t in tasks.values()]

    def make(tasks: list[PlanTask], sim: float | None, state: str, reason: str | None) -> list[ProgressLink]:
        return [ProgressLink(t.task_id, row.number, row.problem, status, location, state, sim, reason) for t in tasks]

    problem = _key(row.problem)
    if len(problem) >= 4:
        named = [t for t in every if _key(t.problem) and (problem in _key(t.problem) or _key(t.problem) in problem)]
        if named and _one_task(named):
            moved = named[0].number != row.number
            return make(named, 1.0, "confirmed",
                        f"row {row.number} is task {named[0].number} of the plan: matched by problem text" if moved
                        else None)
    numbered = [t for tasks in plans.values() for n, t in tasks.items() if n == row.number]
    scored = [(t, similarity(t.problem, row.problem)) for t in numbered]
    good = [t for t, s in scored if not problem or s >= CONFIRM_SIMILARITY]
    if good and _one_task(good):
        return make(good, max((s for _, s in scored), default=0.0) if problem else None, "confirmed", None)
    if problem:
        close = [(t, similarity(t.problem, row.problem)) for t in every]
        fits = [(t, s) for t, s in close if s >= TEXT_ONLY_SIMILARITY]
        if fits and _one_task([t for t, _ in fits]):
            return make([t for t, _ in fits], max(s for _, s in fits), "confirmed",
                        "row number not confirmed: matched by problem text")
        if len(fits) > 1:
            return [ProgressLink(t.task_id, row.number, row.problem, status, location, "candidate", s,
                                 f"status row fits {len({_key(x.problem) for x, _ in fits})} tasks") for t, s in fits]
    if scored:
        distinct = {_key(t.problem) for t, _ in scored}
        reason = (f"row {row.number} is task {row.number} of {len(distinct)} different plans" if len(distinct) > 1
                  else f"row {row.number}'s problem text differs from task {row.number}'s")
        return [ProgressLink(t.task_id, row.number, row.problem, status, location, "candidate", s if problem else None,
                             reason) for t, s in scored]
    return []


def link_rows(rows: list[tuple[str, Task]], plans: dict[int, dict[int, PlanTask]]) -> list[ProgressLink]:
    """Links of status rows ``[(location, row)]`` to the tasks of ``plans`` (plan id → number → task,
    one region and inspection); a task named by several rows of one report keeps the first row."""
    out: list[ProgressLink] = []
    seen: set[int] = set()
    for location, row in rows:
        for link in _row_links(row, plans, location):
            if link.link_status == "confirmed" and link.task_id in seen:
                continue
            if link.link_status == "confirmed":
                seen.add(link.task_id)
            out.append(link)
    return out
