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

``status_class`` files the wording by its head verb and result complement under ``done`` (已完成, 已经完成,长期坚持,
全部反馈办结, 已全部清理干净, 均已按期答复完毕), ``mostly_done`` (基本完成, 已基本办结, 大部分已完成, 主体工程已完工),
``on_track`` (序时推进 / 正在推进 / 正在办理 / 稳步推进), ``behind`` (未完成 / 滞后 / 未达到序时进度 / 进展偏慢),
``ongoing`` (持续推进 / 长期坚持) or ``other``; the wording itself is kept.  After a part done, a clause about the
rest that is on track or behind decides (已完成19项,其他整改任务正在推进 → ``on_track``: the plan is not done), and a
later clause stating the present (…开工建设,目前主体工程已完工) decides over the history before it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from archive.ledger.link import CONFIRM_SIMILARITY, TEXT_ONLY_SIMILARITY, PlanTask, similarity
from archive.ledger.tables import Grid
from archive.ledger.tasks import Task, tasks_from_grid
from archive.script_fold import for_reading

logger = logging.getLogger(__name__)

STATUS_CLASSES = ("done", "mostly_done", "on_track", "behind", "ongoing", "other")

#: status phrases by class; the phrase that starts first in the wording is its head verb and decides
#: ("已经完成,长期坚持" → done; "未完成" → behind, not done; "已基本完成" → mostly_done)
_ADVERB = r"(?:按期|按时|如期|及时|提前|已经|均)?"  # a manner adverb between 已 and its verb: 已按期答复完毕
_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("behind", re.compile(r"未(?:全部|全面|按期|按时|如期)?完成|未达到?(?:序时|时序|目标|计划)|滞后|尚未|未启动|未整改|没有完成"
                          r"|未到位|(?:(?:进展|进度|推进)[\u4e00-\u9fff]{0,2}?)?(?:缓慢|偏慢|较慢|迟缓)")),
    # 基本 / 大部分 before a completion verb; the main works finished (主体工程已完工) while the rest is not
    ("mostly_done", re.compile(r"(?:已(?:经)?)?基本(?:上)?(?:全部)?(?:整改)?(?:完成|完工|建成|办结|到位|整改|落实|解决|销号)"
                               r"|主体(?:工程)?(?:已(?:经)?)?(?:完工|完成|建成)|大部分(?:已(?:经)?)?(?:完成|整改|办结)"
                               r"|已(?:经)?完成(?:了)?大部分")),
    ("done", re.compile(rf"已(?:经)?(?:全部|全面)?{_ADVERB}(?:整改)?(?:完成|办结|到位)|已整改|(?<![应需要须])完成整改"
                        r"|已(?:全部)?(?:整改|报备|验收)?销号|整改完成|^完成|(?<![未应需要须将])(?<!确保|力争|争取|要求)(?:整改|办理|处置)完毕"
                        # a verb phrase ending in a result complement after 已 or a plain 全部: 全部反馈办结, 已全部清理干净,
                        # 均已按期答复完毕 (a hand-over verb is not the work: 已全部交办到位 is delivered, not done)
                        rf"|(?:已(?:经)?|(?<![未应需要须])(?<!确保|力争|争取)全部)(?:全部|全面)?{_ADVERB}"
                        r"(?!交办|移交|转办|下发|分解|部署)(?:(?!基本)[\u4e00-\u9fff]){0,3}?"
                        r"(?:办结|完毕|干净|到位)"
                        # 全面完成任务 / 圆满完成 stated, not aimed at (确保/力争…全面完成, 2020年底前全面完成)
                        r"|(?<![未应需要须将要前])(?<!确保|力争|争取|计划|预计|目标|要求)(?:全面|全部|圆满|顺利)完成"
                        # a terminal verb after 已 (+ 全): 裸土已全覆盖, 已全部拆除, 已关停
                        r"|已(?:经)?(?:全部|全面|全)?(?:覆盖|拆除|关停|关闭|取缔|清除|清运|搬迁|封堵|完工|建成)"
                        # all within the set time (均在规定时间内办结, 均按期答复)
                        r"|(?<![应需要须])均(?:已)?(?:在规定(?:的)?(?:时间|时限|期限)内|按期|按时|如期)(?:完成|办结|答复|回复)")),
    ("on_track", re.compile(r"序时|时序|按计划|推进中|有序推进|按期推进|稳步推进|达到(?:或超过)?(?:目标|计划)进度"
                            # 正在 / 正 + up to 6 words + the verb (正在按要求持续推进); 正式 / 正常 / 正确 are no 正在
                            r"|正(?:在)?(?!式|常|确|是|面|当)[\u4e00-\u9fff]{0,8}?(?:推进|推动|整改|办理|处理|实施|落实|解决|验收)")),
    ("ongoing", re.compile(r"持续推进|长期坚持|持续整改|长期持续|长期")),
)
#: a label before the wording ("整改进展情况:") is not the status; after 但 / 但是 the wording turns
_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:情况|进展|状态)\s*[:：]")
#: a list item's label before the wording ("1." "2、" "(一)" "一、") is not part of it
_ITEM = re.compile(r"^(?:\d{1,2}\s*[.．、)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_BUT = re.compile(r"但(?:是)?|然而")
#: a later clause that states the present (…开工建设,目前主体工程已完工): it decides over the history before it
_NOW = re.compile(r"[，,；;。](?:截至|截止)?(?:目前|当前|现阶段|现在)[，,]?")
#: a later clause about the rest of the tasks (其余/其他/剩余…, or its own count: 42个项目正在按计划推进): after a part
#: done (已完成19项,其他整改任务正在推进) the plan is not done; the rest's state decides when it is on track or behind
_REST = re.compile(r"(?:其余|其他|其它|剩余|剩下|另外?|还有|尚有|仍有)|[\d一二三四五六七八九十百]+\s*(?:个|项|件|处|条)")
_CLAUSE = re.compile(r"[，,；;]")
_AIM = re.compile(r"确保|力争|争取|务必|努力")


@dataclass(frozen=True)
class StatusReading:
    """A status class with the head wording that decided it (``head``; None for ``other``)."""

    status: str
    head: str | None


def _aimed(compact: str, at: int) -> bool:
    """Whether the clause before ``at`` states an aim (确保各项整改任务高效有序推进: what is sought, not the state)."""
    clause = max(compact.rfind(c, 0, at) for c in "，,；;。") + 1
    return bool(_AIM.search(compact, clause, at))


def _head(compact: str) -> tuple[int, int, str, str] | None:
    """The first status phrase of ``compact`` (start, class order, class, wording); progress that is aimed at is none."""
    heads = [(m.start(), order, name, m.group(0)) for order, (name, pattern) in enumerate(_CLASSES)
             for m in [pattern.search(compact)] if m and not (name == "on_track" and _aimed(compact, m.start()))]
    return min(heads) if heads else None


def _rest_turns(compact: str, head: tuple[int, int, str, str]) -> tuple[int, int, str, str] | None:
    """After a part done, the head of a later clause about the rest when it is on track or behind."""
    for clause in _CLAUSE.finditer(compact, head[0]):
        rest = compact[clause.end():]
        if not _REST.match(rest):
            continue
        later = _head(rest)
        if later and later[2] in ("on_track", "behind"):
            return later
    return None


def read_status(text: str | None) -> StatusReading:
    """The class of a reported status by its head verb, with that verb's wording (see ``status_class``)."""
    compact = _ITEM.sub("", _LABEL.sub("", re.sub(r"\s+", "", for_reading(text or "")[1])))
    turn = list(_BUT.finditer(compact))
    if turn:
        compact = compact[turn[-1].end():]
    head = _head(compact)
    if head is None:
        return StatusReading("other", None)
    now = _NOW.search(compact, head[0])
    later = _head(compact[now.end():]) if now else None
    if later and later[2] == "ongoing":
        later = None  # 已完成整改,目前长期坚持: done, kept up (as 已经完成,长期坚持)
    if later is None and head[2] in ("done", "mostly_done"):
        later = _rest_turns(compact, head)
    _, _, name, wording = later or head
    return StatusReading(name, wording)


def status_class(text: str | None) -> str:
    """The class of a reported status by its head verb ("已完成" → ``done``; "已经完成,长期坚持" →
    ``done``; "未达到序时进度" → ``behind``; "整改完成情况:" with nothing after → ``other``)."""
    return read_status(text).status


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
