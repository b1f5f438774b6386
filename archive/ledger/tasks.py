"""Tasks of a rectification plan, from table grids or from enumerated text.

A plan's task table has a header row naming its columns (序号 / 问题 or 整改任务 / 牵头单位 /
责任单位 / 整改目标 / 整改时限 / 整改措施, in any order, sometimes over two header rows); each
data row starts with the task's number.  Rows without a number (category rows such as "一、
大气污染防治") are skipped; rows repeating a number (a merged task spread over several rows) are
merged.  Enumerated text is "1.…（牵头单位：…；整改时限：…）", one task per numbered item.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from archive.ledger.numbers import Deadline, deadline, task_number
from archive.ledger.tables import Grid

logger = logging.getLogger(__name__)

#: column role → header words (first match wins; order matters: 牵头 before 责任)
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序|问题序号|任务序号|问题编号)$")),
    ("lead_units", re.compile(r"牵头")),
    ("responsible_units", re.compile(r"责任(?:单位|主体|部门|领导)|整改单位|配合单位")),
    ("deadline_text", re.compile(r"时限|期限|完成时间|整改时间")),
    ("target", re.compile(r"整改目标|目标")),
    ("measures", re.compile(r"措施")),
    ("progress", re.compile(r"进展|完成情况|进度|整改情况|整改状态|完成状态|是否完成")),
    ("problem", re.compile(r"问题|整改任务|反馈意见|任务|督察意见|主要内容")),
)


@dataclass
class Task:
    """One task of a plan, as read from one source."""

    number: int
    problem: str = ""
    lead_units: str = ""
    responsible_units: str = ""
    target: str = ""
    deadline_text: str = ""
    measures: str = ""
    progress: str = ""
    source: str = ""  # html_table | docx_table | xlsx_table | xls_table | pdf_table | text
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def deadline(self) -> Deadline:
        """The deadline read from ``deadline_text``."""
        return deadline(self.deadline_text)


def _roles(header: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for i, cell in enumerate(header):
        text = cell.replace(" ", "")
        if not text or len(text) > 16:
            continue
        for role, pattern in _ROLES:
            if pattern.search(text) and role not in roles.values():
                roles[i] = role
                break
    return roles


def _header(grid: Grid) -> tuple[int, dict[int, str]] | None:
    """Index of the header row and the column roles, when the grid looks like a task table."""
    for i, row in enumerate(grid[:6]):
        roles = _roles(row)
        if "number" in roles.values() and ("problem" in roles.values() or "deadline_text" in roles.values()):
            if i + 1 < len(grid):  # a second header row (整改时限 under 整改要求) fills gaps
                for j, role in _roles(grid[i + 1]).items():
                    if role not in roles.values() and task_number(grid[i + 1][0]) is None:
                        roles[j] = role
            return i, roles
    return None


def tasks_from_grid(grid: Grid, source: str) -> list[Task]:
    """Tasks of one grid (empty when it is not a task table)."""
    found = _header(grid)
    if found is None:
        return []
    start, roles = found
    num_col = next(i for i, r in roles.items() if r == "number")
    tasks: dict[int, Task] = {}
    for row in grid[start + 1:]:
        if num_col >= len(row):
            continue
        number = task_number(row[num_col])
        if number is None:
            continue
        task = tasks.setdefault(number, Task(number=number, source=source))
        for col, role in roles.items():
            if role == "number" or col >= len(row) or not row[col]:
                continue
            current = getattr(task, role)
            if row[col] not in current.split("\n"):
                setattr(task, role, f"{current}\n{row[col]}" if current else row[col])
    return sorted(tasks.values(), key=lambda t: t.number)


def tasks_from_grids(grids: list[Grid], source: str) -> list[Task]:
    """Tasks of the task tables among ``grids`` (the first table that defines a number wins)."""
    out: dict[int, Task] = {}
    for grid in grids:
        for task in tasks_from_grid(grid, source):
            out.setdefault(task.number, task)
    return sorted(out.values(), key=lambda t: t.number)


_ITEM = re.compile(r"^\s*(?:第\s*)?(?P<n>\d{1,3}|[一二三四五六七八九十百]{1,5}|[①-⑳])\s*(?:项)?\s*[.．、:：)）]\s*(?P<body>.+)$")
_LABELLED = re.compile(
    r"(?P<label>牵头单位|责任单位|牵头领导|配合单位|整改时限|完成时限|整改目标|整改措施)\s*[:：]\s*"
    r"(?P<value>(?:[^；;（()）\n]|[（(][^）)\n]*[）)])+)")
_TEXT_ROLE = {"牵头单位": "lead_units", "责任单位": "responsible_units", "配合单位": "responsible_units",
              "整改时限": "deadline_text", "完成时限": "deadline_text", "整改目标": "target",
              "整改措施": "measures"}


def tasks_from_text(text: str | None) -> list[Task]:
    """Tasks of enumerated text: numbered lines that carry at least one labelled field
    (牵头单位/责任单位/整改时限...), so the numbered paragraphs of an ordinary notice are not tasks."""
    out: dict[int, Task] = {}
    for line in (text or "").splitlines():
        m = _ITEM.match(line)
        if not m:
            continue
        fields = list(_LABELLED.finditer(m.group("body")))
        if not fields:
            continue
        number = task_number(m.group("n"))
        if number is None or number in out:
            continue
        body = m.group("body")
        problem = re.split(r"[（(]\s*(?:牵头单位|责任单位|整改时限|完成时限)", body, maxsplit=1)[0]
        task = Task(number=number, problem=problem.strip(" 。；;"), source="text")
        for f in fields:
            role = _TEXT_ROLE[f.group("label")]
            if not getattr(task, role):
                setattr(task, role, f.group("value").strip())
        out[number] = task
    return sorted(out.values(), key=lambda t: t.number)


def form_fields(grid: Grid) -> dict[str, str]:
    """Label → value of a two-column form such as a 验收销号表 (整改任务 / 整改责任单位 / ...)."""
    out: dict[str, str] = {}
    for row in grid:
        cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
        if len(cells) >= 2 and len(cells[0]) <= 12:
            out.setdefault(cells[0].replace(" ", ""), " ".join(cells[1:]))
    return out
