"""What a naming of an inspection states after its body (``naming.py``): a round, a batch or a group written after
督察, glued to it (…督察第二批, …督察“回头看”第一批, …督察第四批次) or in brackets (…督察组（第二轮第五批）, …督察（第二轮）,
…督察组（第二组））, or a batch in brackets closing the naming's sentence (省第一…督察组向深圳市反馈督察情况(第四批)) unless the words between
name petitions or a list (…督察群众情况反映转办…公开情况一览表(第十七批)).

A batch that numbers what the inspection handed over or what a notice lists (…督察第十五批信访件, 交办件(第三批),
公示(第二批)), or a batch glued after the group's 组 in a sentence naming petitions (省督察组第4批关于…信访交办件), is theirs,
never the inspection's; what the naming itself states is never overwritten.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from archive.ledger.clauses import SENTENCE_ENDS, clause_end
from archive.ledger.naming_words import _N
from archive.ledger.numbers import number_value

if TYPE_CHECKING:
    from archive.ledger.naming import InspectionName

logger = logging.getLogger(__name__)

#: a batch in brackets closing the naming's sentence, and what numbers notices or petitions rather than an inspection
_BATCH_BRACKET = re.compile(rf"[（(]\s*(?P<b>第{_N}批)次?\s*[)）]")
_NOTICES = re.compile(r"公示|公告|名单|一览表|清单|信访|交办|转办|案件|举报|投诉|件")
#: right after the body (its 组 and 回头看 read or not): a bracket holding a round, a batch and / or a group, or a round
#: and / or a batch glued on (第N批次 is a batch)
_AFTER = re.compile(rf"\s*(?:组)?\s*(?:[“\"]?回头看[”\"]?)?\s*(?P<open>[（(])?\s*(?:(?<=[（(])(?:中央|省级|省|自治区)\s*)?"
                    rf"(?:第(?P<r>{_N})轮\s*)?"
                    rf"(?:(?:第(?P<b>{_N})|(?P<first>首))批次?\s*)?(?:(?<=[（(])第(?P<g>{_N})(?:督察)?组\s*)?(?P<close>[)）])?")


def _groups_handover(masked: str, after: re.Match[str], end: int) -> bool:
    """Whether a batch glued after the group's 组, no bracket (省督察组第4批关于…的信访交办件), numbers what the group
    handed over: its sentence goes on to name petitions, cases or a notice (an inspection's own batch is glued to 督察,
    …督察第二批, or bracketed)."""
    after_group = masked[end - 1:end] == "组" or masked[end:after.end()].lstrip().startswith("组")
    return bool(after.group("b") and after_group and not after.group("open")
                and _NOTICES.search(masked, after.end(), clause_end(masked, after.end(), SENTENCE_ENDS)))


def _ordinal(token: str | None) -> int | None:
    return number_value(token) if token else None


def stated_after(n: InspectionName, masked: str) -> InspectionName:
    """``n`` with the round, batch and group stated after its body (see the module doc), none of them overwritten."""
    end = n.start + len(n.text)
    after = _AFTER.match(masked, end)
    if after and after.end() > end and bool(after.group("open")) == bool(after.group("close")) \
            and not _NOTICES.match(masked, after.end()) and not re.match(r"\s*(?:组|的)?\s*(?:交办|转办|移交)", masked[after.end():]) \
            and not _groups_handover(masked, after, end):
        batch = 1 if after.group("first") else _ordinal(after.group("b"))
        n = replace(n, round=n.round or _ordinal(after.group("r")), batch=n.batch or batch,
                    group=n.group or (_ordinal(after.group("g")) if after.group("open") else None))
    return _bracketed_batch(n, masked)


def _bracketed_batch(n: InspectionName, masked: str) -> InspectionName:
    """``n`` with the batch a bracket closing its sentence states, unless the bracket numbers notices or petitions."""
    if n.batch:
        return n
    end = n.start + len(n.text)
    tail = masked[end:clause_end(masked, end, SENTENCE_ENDS)]
    m = _BATCH_BRACKET.search(tail)
    # (…anywhere between the naming and the bracket: 督察群众情况反映转办和边督边改公开情况一览表(第十七批))
    if m is None or _NOTICES.search(tail, 0, m.start()):
        return n
    return replace(n, batch=number_value(m.group("b").strip("第批")))
