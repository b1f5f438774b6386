"""Progress made after an effort's clause (r59a; pure patterns).

A report narrates an effort carried out (深入开展了…整治, 全面开展…建设) and then, in a later clause of the same
sentence, the progress it made, often with its own subject and another clause between (…,人居环境得到明显改善,…工作取得
了积极进展): the effort is the frame, its progress the status, on track (set 49's written rule S1, ``status_parts.effort_results``
for the clause right after a kept-up effort, here across any clause and after an effort narrated with its manner or
in the perfective).  A general subject's progress with no effort before it in its sentence (全市…工作取得积极进展) stays
a remark (set 19); an effort or a progress aimed at, planned or required (要深入开展…,确保取得积极进展; 将全面推进…), or
a progress negated (尚未取得明显进展), states none here.
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_start, sentence_start
from archive.ledger.status_words import PROGRESS_GRADE

Head = tuple[int, int, str, str]

#: no modal, aim, plan or future straight before (要深入开展, 将全面推进, 确保取得, 继续深入开展)
_NOT_AIMED = r"(?<![要将应需须拟])(?<!确保|力争|争取|计划|继续|努力|必须|需要|要求)(?<!进一步)"
#: an effort narrated: an effort verb with its manner (深入开展, 全面开展, 扎实推进) or in the perfective (开展了, 加强了)
_EFFORT = re.compile(rf"{_NOT_AIMED}(?:深入|全面|持续|扎实|大力|积极|认真|广泛)地?(?:开展|推进|实施|加强|推动)了?"
                     rf"|{_NOT_AIMED}(?:开展|推进|实施|加强|推动)了")
#: the progress made (取得了积极进展, 取得实质性进展, 已取得明显进展)
_MADE = re.compile(rf"{_NOT_AIMED}(?<![未没无])(?<!尚未|没有)(?:已(?:经)?)?取得了?{PROGRESS_GRADE}的?进展")
#: a plan's frame in the sentence before the effort (到2025年, 通过三年努力, 目标, 总体要求, 力争, 确保): an aim, none
_PLAN_FRAME = re.compile(r"到\d{4}年|通过[^，,；;。]{0,8}?努力|目标|要求|力争|确保|争取|计划|将|拟|预期")


def progress_after_effort(compact: str, after: int = 0) -> Head | None:
    """The first progress made (取得了积极进展) in a clause after an effort narrated earlier in its sentence, on track;
    ``None`` when there is none, when the sentence frames a plan or an aim, or when the progress is aimed at; only a
    progress from ``after`` on (the kept-up effort's head, when it is one)."""
    for made in _MADE.finditer(compact, after):
        clause = clause_start(compact, made.start())
        start = sentence_start(compact, made.start())
        if clause <= start:
            continue  # the progress in the sentence's first clause: no effort before it (set 19's remark)
        effort = _EFFORT.search(compact, start, clause)
        if effort and not _PLAN_FRAME.search(compact, start, made.start()):
            return (made.start(), 0, "on_track", made.group(0))
    return None
