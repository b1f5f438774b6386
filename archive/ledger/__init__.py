"""The rectification ledger: 督察 → 整改方案 tasks → 验收销号 close-outs, and what is overdue.

Public API (plain library; no Scrapy, no Click)::

    deadline(text, *, context_year=None) -> Deadline          # archive.ledger.deadlines: last allowed day
    citations(text) -> list[Citation]; task_number(cell) -> int | None
    tables_of(kind, data) -> list[Grid]                         # archive.ledger.tables: html/docx/xlsx/xls/pdf
    tasks_from_grids(grids, source) / tasks_from_text(text)     # archive.ledger.tasks
    link_notice(texts, plans) -> list[Link]                     # archive.ledger.link
    build_ledger(db, *, warc_dir=None, now=None, full=False)    # archive.ledger.build: writes the tables
    render_ledger(db_path, *, region=None, as_of=None, fmt="md") # archive.ledger.report
    plan_views(conn, *, as_of=None, region=None, plan_document_id=None); scorecard(plans)
                                                                # archive.ledger.view: what every face reads
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from archive.lazy import exports

if TYPE_CHECKING:
    from archive.ledger.build import LedgerStats, build_ledger
    from archive.ledger.numbers import Citation, Deadline, citations, cited_numbers, deadline, task_number
    from archive.ledger.report import ledger_data, render_ledger

#: Where each public name lives, imported on first use (archive/lazy.py)
_HOMES = {
    "LedgerStats": "build", "build_ledger": "build",
    "Citation": "numbers", "Deadline": "numbers", "citations": "numbers", "cited_numbers": "numbers",
    "deadline": "numbers", "task_number": "numbers",
    "ledger_data": "report", "render_ledger": "report",
}

__all__ = [
    "Citation", "Deadline", "LedgerStats", "build_ledger", "citations", "cited_numbers", "deadline",
    "ledger_data", "render_ledger", "task_number",
]

__getattr__ = exports(__name__, _HOMES)
