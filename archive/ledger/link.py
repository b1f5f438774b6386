"""Linking a close-out notice or progress report to the tasks it cites (pure functions).

```
notice ─citations (title, body, each attachment: "第3项", "第四项、第九项", "第3至6项")─┐
       ─task text (“…” in the title/body, 整改任务 of a 验收销号表)──────────────────────┤
plans of the same region (and the same inspection when the notice names it) ─────────┴─► links
```
A number is looked up only in the plans of the notice's own region, so a city notice never closes a
province's task.  The problem text confirms the number (similarity of character bigrams); a number
whose task reads differently, a text that fits several tasks, or a number present in several
different plans becomes a *candidate* with its reason — never a guess.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from archive.ledger.numbers import citations
from archive.ledger.tasks import form_fields

logger = logging.getLogger(__name__)

CONFIRM_SIMILARITY = 0.5  # number cited and problem text this close: confirmed
TEXT_ONLY_SIMILARITY = 0.8  # no number cited: the task text alone must be this close, and unique


@dataclass(frozen=True)
class PlanTask:
    """What linking needs of a task."""

    task_id: int
    plan_id: int
    number: int
    problem: str


@dataclass(frozen=True)
class Link:
    """A proposed link from a task to a posting."""

    task_id: int
    status: str  # confirmed | candidate
    location: str
    evidence: str
    confidence: float
    similarity: float | None
    reason: str | None = None


def _bigrams(text: str) -> set[str]:
    chars = re.sub(r"[\s\W_]+", "", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1)} or ({chars} if chars else set())


def similarity(a: str, b: str) -> float:
    """1.0 when one text contains the other, else the Dice coefficient of character bigrams."""
    a2, b2 = re.sub(r"[\s\W_]+", "", a or ""), re.sub(r"[\s\W_]+", "", b or "")
    if not a2 or not b2:
        return 0.0
    if a2 in b2 or b2 in a2:
        return 1.0
    x, y = _bigrams(a2), _bigrams(b2)
    return 2 * len(x & y) / (len(x) + len(y))


_QUOTED = re.compile(r"“(?P<t>(?:[^“”]|“[^“”]{0,40}”){4,80})”|[\"「『](?P<u>[^\"」』]{4,80})[\"」』]")  # “…“两高”…” nests
_TASK_AFTER_NUMBER = re.compile(r"(?:整改)?(?:任务|问题)\s*[:：]\s*(?P<t>[^\n。]{4,200})")
_TASK_BEFORE_TASK = re.compile(r"(?P<t>[^\s“”《》，。、：:]{4,40}?)(?:整改)?任务\s*验收销号")


def task_texts(texts: list[tuple[str, str, list]]) -> list[tuple[str, str]]:
    """(location, text) of the task as the notice words it: quoted names, "任务：…", form fields."""
    found: list[tuple[str, str]] = []
    for location, text, grids in texts:
        for m in _QUOTED.finditer(text):
            found.append((location, m.group("t") or m.group("u")))
        for m in _TASK_AFTER_NUMBER.finditer(text):
            found.append((location, m.group("t")))
        if location == "title" and not citations(text):  # "XX任务验收销号…" names the task instead of numbering it
            for m in _TASK_BEFORE_TASK.finditer(text):
                found.append((location, m.group("t")))
        for grid in grids:
            value = form_fields(grid).get("整改任务")
            if value:
                found.append((location, value))
    out = []
    for location, wording in found:  # "第3项" is a number, not wording
        for c in citations(wording):
            wording = wording.replace(c.text, "")
        if len(re.sub(r"[\s\W_]+", "", wording)) >= 4:
            out.append((location, wording))
    return out


def _best(problem: str, wording: list[tuple[str, str]]) -> tuple[float, str | None]:
    best, where = 0.0, None
    for location, text in wording:
        text = text.split("：", 1)[1] if "：" in text[:40] else text
        s = similarity(problem, text)
        if s > best:
            best, where = s, location
    return best, where


def link_notice(texts: list[tuple[str, str, list]], plans: dict[int, dict[int, PlanTask]]) -> list[Link]:
    """Links of one notice to the tasks of ``plans`` (plan id → number → task), all of one region.

    ``texts`` is ``[(location, text, grids)]`` — title, body, each attachment (text and tables).
    """
    wording = task_texts(texts)
    cited: dict[int, tuple[str, str]] = {}
    for location, text, grids in texts:
        sources = [text] + ["\n".join(" ".join(r) for r in g) for g in grids]
        for source in sources:
            for c in citations(source):
                for n in c.numbers:
                    cited.setdefault(n, (location, c.text))
    links: list[Link] = []
    for number, (location, evidence) in sorted(cited.items()):
        matches = [tasks[number] for tasks in plans.values() if number in tasks]
        if not matches:
            continue
        scored = [(t, *_best(t.problem, wording)) for t in matches]
        confirmed = [(t, s) for t, s, _ in scored if not wording or s >= CONFIRM_SIMILARITY]
        exact = [(t, s) for t, s in confirmed if wording and s == 1.0]
        if exact and len(exact) < len(confirmed):  # the wording names one plan's task exactly
            confirmed = exact
        distinct = {re.sub(r"\s+", "", t.problem) for t, _ in confirmed}
        if confirmed and len(distinct) <= 1:
            for t, s in confirmed:
                reason = f"same task in {len(confirmed)} postings of the plan" if len(confirmed) > 1 else None
                links.append(Link(t.task_id, "confirmed", location, evidence,
                                  0.95 if wording else 0.8, s if wording else None, reason))
            continue
        for t, s, _ in scored:
            reason = (f"task {number} is in {len(matches)} different plans of this region" if len(distinct) > 1
                      else f"task {number} cited but its problem text differs (similarity {s:.2f})")
            links.append(Link(t.task_id, "candidate", location, evidence, 0.3, s if wording else None, reason))
    if cited or not wording:
        return links
    # no number anywhere: the task text alone, if it fits exactly one task well
    scored_all = [(t, *_best(t.problem, wording)) for tasks in plans.values() for t in tasks.values()]
    good = [(t, s, where) for t, s, where in scored_all if s >= TEXT_ONLY_SIMILARITY]
    problems = {re.sub(r"\s+", "", t.problem) for t, _, _ in good}
    for t, s, where in good:
        if len(problems) == 1:
            links.append(Link(t.task_id, "confirmed", where or "body", t.problem, 0.7, s,
                              "no task number cited: matched by problem text"))
        else:
            links.append(Link(t.task_id, "candidate", where or "body", t.problem, 0.3, s,
                              f"no task number cited and the text fits {len(problems)} tasks"))
    return links
