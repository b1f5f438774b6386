"""What a phrase of ``archive.ledger.status`` qualifies rather than states: a shortfall inside a problem's name closed by
等问题 (反馈的关于…建设滞后…等问题已完成整改), a completion closed by 的 before the noun a clause is about
(已完成整改任务的验收工作由…负责), or the sample a check took (抽查7家已上报完成清理的企业).  The head reader is passed in
(``head_of``, as in ``archive.ledger.status_parts``)."""
from __future__ import annotations

import re

from archive.ledger.clauses import STOP_ENDS, clause_end, clause_start, sentence_start
from archive.ledger.status_parts import HeadOf
from archive.ledger.status_words import COUNT as _COUNT
from archive.ledger.status_words import HAN as _HAN
from archive.ledger.status_words import WORKS_SHARE, WORKS_SHARE_BEFORE

#: the problems as handed over, named by their topic (反馈的关于…建设滞后,管理机制不畅,…等问题): a shortfall inside it is
#: the problem's name when the sentence goes on to state what became of them
_PROBLEM_TOPIC = re.compile(r"关于|反馈|指出|交办|督办")
_PROBLEM_CLOSED = re.compile(r"[^。；;]{0,40}?等(?:问题|情况|现象)")


def named_problem_closed(compact: str, m: re.Match[str], head_of: HeadOf) -> bool:
    """Whether the shortfall ``m`` sits in a problem named after 关于 / 反馈 / 指出 … and closed by 等问题, and the clause
    after that name states a status other than behind (…等问题已完成整改并销号)."""
    named = _PROBLEM_CLOSED.match(compact, m.end())
    if named is None or not _PROBLEM_TOPIC.search(compact, sentence_start(compact, m.start()), m.start()):
        return False
    after = head_of(compact[named.end():clause_end(compact, named.end(), STOP_ENDS)])
    return after is not None and after[2] != "behind"


#: a completion closed by 的 before its noun (已完成整改任务的验收工作…), the noun then counted (…的问题有12个) or not
_DONE_ATTRIBUTE = re.compile(rf"[^，,；;。的]{{0,8}}?的{_HAN}{{0,6}}(?:问题|任务|事项|项目|工作|验收|整改|情况)")
_COUNTED = re.compile(r"[^，,；;。]{0,4}?(?:有|共|计|达|为|占)?[\dXＸ一二两三四五六七八九十百]+\s*(?:个|项|件|处|条|家|%|％)")


#: a check of a sample counted (抽查7家已上报完成清理的企业): the completion qualifies what was sampled, the result after it
#: decides (结果4家未清理 → behind)
_SAMPLED = re.compile(rf"(?:抽查|抽检|检查|核查|复查|暗访)了?{_COUNT}$")
_CLAIMED_OF = re.compile(r"[^，,；;。的]{0,8}?的")


def sampled_attribute(compact: str, m: re.Match[str]) -> bool:
    """Whether the completion ``m`` is an attribute of a counted sample a check took (抽查7家已上报完成清理的企业)."""
    return bool(_SAMPLED.search(compact, clause_start(compact, m.start()), m.start()) and _CLAIMED_OF.match(compact, m.end()))


def done_attribute(compact: str, m: re.Match[str], head_of: HeadOf) -> bool:
    """Whether the completion ``m`` only qualifies the noun after its 的 and the clause goes on, after that noun, with
    a predicate that is neither a count nor a status (已完成整改任务的验收工作由市整改办负责): an attribute, no status;
    a clause ending at the noun has it as the completion's object (全面完成督察交办的整改任务)."""
    attribute = _DONE_ATTRIBUTE.match(compact, m.end())
    if attribute is None or _COUNTED.match(compact, attribute.end()):
        return False
    rest = compact[attribute.end():clause_end(compact, attribute.end())]
    return bool(rest) and head_of(rest) is None


#: a completion whose object is a share of the works (已完成投资约35%, 进度已完成30%): the works in hand, read as on track
#: by the share's own phrase, not done (set 48)
_WORKS_SHARE_AFTER = re.compile(rf"了?(?:累计)?{WORKS_SHARE}")
_WORKS_SHARE_AROUND = re.compile(WORKS_SHARE_BEFORE)
#: …or of a stage: a first completion (已初步完成整改) or a stage's tasks or targets as its object (已完成阶段性整改任务,
#: set 35's 已经完成阶段性整改任务): on track by the stage's own phrase, as 阶段性完成 (r62a)
_STAGE_AFTER = re.compile(r"了?阶段性?(?:整改)?(?:任务|目标)")
_FIRST = re.compile(r"初步(?:完成|办结)")


def works_share(compact: str, m: re.Match[str]) -> bool:
    """Whether the completion ``m`` completes a share of the works (已完成投资约35%, 进度已完成30%) or a stage of them
    (已初步完成整改, 已完成阶段性整改任务), not the work."""
    if _FIRST.search(compact, max(0, m.start() - 2), m.end() + 2) or _STAGE_AFTER.match(compact, m.end()):
        return True
    around = _WORKS_SHARE_AROUND.search(compact, max(0, m.start() - 8), m.end() + 12)
    return bool(_WORKS_SHARE_AFTER.match(compact, m.end())) or bool(around and around.start() < m.start() < around.end())


#: an acceptance panel's verdict on a project's own completion acceptance (认为项目符合竣工环境保护验收条件,同意通过验收;
#: 同意…工程竣工环保验收合格): a permit's step judged, no task's state (sets 49 and 52; a close-out agreed, 同意通过验收销号,
#: and a project reported past it, 项目已通过竣工环保验收, stay done)
_VERDICT = re.compile(r"同意|建议")
_PROJECT_ACCEPTANCE = re.compile(r"竣工(?:环境保护|环保)验收|符合[^，,；;。]{0,16}?验收[^，,；;。]{0,8}?条件")


def project_verdict(compact: str, m: re.Match[str]) -> bool:
    """Whether the completion ``m`` is a panel's verdict (同意 / 建议 before it in its sentence) on a project's completion
    acceptance, with no close-out (销号) agreed."""
    start = sentence_start(compact, m.start())
    end = compact.find("。", m.end())
    sentence = compact[start:len(compact) if end < 0 else end]
    return bool(_VERDICT.search(compact, start, m.end()) and _PROJECT_ACCEPTANCE.search(sentence)
                and "销号" not in sentence)


#: a yes-no question on the phrase (是否按时完成履约, 是否未完成整改 — a blank table's headers, a check's items): it asks the
#: state, it states none; a cell answering it (是否完成:是 / :否) is read by its answer (``status_phrases``, ``status_behind``)
_ASKED = re.compile(r"是否[^，,；;。:：]{0,6}$")
_ANSWERED = re.compile(r"[^，,；;。:：]{0,8}?[:：]\s*[是否]")


def asked(compact: str, m: re.Match[str]) -> bool:
    """Whether the phrase ``m`` is what a yes-no question asks (是否按时完成…) with no answer after it (r54)."""
    return bool(_ASKED.search(compact, max(0, m.start() - 8), m.start())) and not _ANSWERED.match(compact, m.end())


#: a list of states closed by the count of its classes (按照已完成整改、正在整改、长期整改和尚未整改四种类型; 分为已完成、
#: 正在推进和未完成三类): the classes of a rule or a ledger defined, no work's state (r56a)
#: (the items may be split by commas, 已完成整改，正在整改，…和尚未整改四种类型, each short)
_CLASS_COUNT = re.compile(r"(?:[^，,；;。]|[，,](?=[^，,；;。]{1,8}?(?:[，,]|和|及|与|或))){0,40}?(?:[一二两三四五六七八九十]|\d{1,2})\s*(?:种|个)?"
                          r"(?:类型|情形|状态|类别|等次|档次|类(?![\u4e00-\u9fff]))")
_LISTED = re.compile(r"[、和及与或，,]")


def class_list(compact: str, m: re.Match[str]) -> bool:
    """Whether the phrase ``m`` is an item of a list of states closed by the count of its classes (…四种类型)."""
    count = _CLASS_COUNT.match(compact, m.start())
    return count is not None and bool(_LISTED.search(compact, clause_start(compact, m.start()), count.end()))
