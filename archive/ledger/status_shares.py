"""Money spent is not the works done: a completion of an amount of investment, then the works' share or pace (pure).

A report on a project often opens with what was spent (已完成投资4920万元, 累计完成土建投资1620万元) and then says
how far the works are: a share of the whole works or investment (完成总工程量的55%, 完工75%, 完成全部投资额的76%) or
the pace against the time (超过时间进度13个百分点, 低于序时进度).  The completion verb of the first clause has money as
its object, so it states no completion of the works; the later clause of the same sentence that judges them decides
(on track or behind).  With no such clause the amount stands as it was read before (done); a later clause that
states the works done (项目已全部完工) keeps it done (r57a).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from archive.ledger.clauses import sentence_end

Head = tuple[int, int, str, str]
HeadOf = Callable[[str], Head | None]

#: the completion's object an amount of money (投资4920万元, 土建投资1620万元, 工程总投资额完成7467万元, 7467万元)
#: (…its owner named before 投资 and 元 left out after 万 / 亿: 完成农村公路建设投资4800万, r59a)
_SPENT = re.compile(r"了?(?:累计)?(?:[\u4e00-\u9fff]{0,8}?投资额?)?(?:完成)?(?:约|近|达)?[\d.]+\s*(?:(?:万|亿)元?|元)")
#: the amount's share of the whole investment, in the clause after it (…4800万,占总投资的47.8%): below 100 % the works
#: are under way, on track (r59a; a share of something else, 中央资金占总投资的30% alone or 占全市的30%, is no work's state)
_SPENT_SHARE = re.compile(r"占(?:项目|工程)?(?:总|全部|计划)投资(?:额)?的?(?:约|近)?(?<!\d)\d{1,2}(?:\.\d+)?\s*[%％]")
_CLAUSE = re.compile(r"[，,；;]")


def _spends(compact: str, head: Head) -> bool:
    """Whether the done head ``head`` completes an amount of money (完成投资850万元)."""
    start, _, name, wording = head
    return name == "done" and bool(_SPENT.match(compact, start + len(wording)))


def spent_then_judged(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a completion of money spent (``head``), the first later clause of its sentence that judges the works on
    track or behind (完工75%, 完成总工程量的55.28%, 超过时间进度13.8个百分点); ``None`` when none does, or when a
    clause first states a completion that is not of money (项目已全部完工)."""
    if not _spends(compact, head):
        return None
    end = sentence_end(compact, head[0])
    at = head[0] + len(head[3])
    for clause in _CLAUSE.finditer(compact, at, end):
        rest = compact[clause.end():end]
        share = _SPENT_SHARE.match(rest)
        if share:
            return (clause.end(), 0, "on_track", share.group(0))
        later = head_of(rest)
        if later is None:
            continue
        if later[2] in ("on_track", "behind"):
            return later
        if not _spends(rest, later):
            return None
    return None


#: a solved class of replies and its share (已经解决和部分解决的477件,占办复总数的76.81%; 已经得到解决的有132件,占…91%)
_SOLVED_SHARE = re.compile(r"(?:和部分解决|或基本解决)?的(?:有)?(?:共)?\d+(?:件|条|个|项|家)[，,]?占[^，,；;。]{0,12}?"
                           r"(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*[%％]")
#: the rest's classes named after it (正在解决…, 列入计划 / 规划…, 难以解决…, 暂不具备…)
_REST_CLASS = re.compile(r"正在解决|列入(?:计划|规划)|难以解决|暂时?(?:难以|无法|不具备)|未解决")


def majority_solved(compact: str, head: Head) -> Head | None:
    """A reply-class distribution whose solved class is most of the whole (above 50 %, below 100 %) and whose rest is
    named in its classes after it (being solved, planned, not solvable): mostly done (set 58 ✱ 91 %, set 60 85 % and
    76.81 %); a minority solved with the rest being solved stays on track (set 8, set 60 29.21 %); with nothing said of
    the rest the share stands as read (S5)."""
    if head[2] != "done" or not re.search(r"解决|落实", head[3]):
        return None
    share = _SOLVED_SHARE.match(compact, head[0] + len(head[3]))
    if not share or not 50 < float(share.group(1)) < 100:
        return None
    if not _REST_CLASS.search(compact, share.end(), sentence_end(compact, share.end())):
        return None
    return head[0], head[1], "mostly_done", head[3]
