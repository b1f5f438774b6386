"""Whether a status phrase is only aimed at: an aim, a directive, a modal of duty or the future governing it (pure patterns).

``archive.ledger.status`` reads no state from a phrase such an aim governs in its clause (确保…推进, 要抓紧完成, 企业将完成
整改), nor from one governed across a clause that is only the aim's manner (确保按…的时间节点,全面完成…); a relative clause
closed by 的 ends the aim, and an 已 after it states what is done.
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_start
from archive.ledger.limit_words import AIM_VERB
from archive.ledger.status_aspect import CLASSES as _CLASSES
from archive.ledger.status_words import RESULT as _RESULT
from archive.ledger.status_words import TERMINAL as _TERMINAL
from archive.ledger.status_words import WORK as _WORK

#: an aim, a requirement or a directive governing a phrase in its clause (确保…推进, 规定…完成整改, 要抓紧完成,
#: 督促企业…整改到位); after 按 / 按照 /
#: 根据 / 在 it is a manner (按要求, 按进度要求, 在规定时限内, 按计划), not an aim
#: (彻底 before a bare verb is the degree sought: 问题全面彻底整改到位; a report says 已彻底…; a label of the target,
#: measures, standard or tasks, 整改标准:, 主要任务:, governs what follows it; 做到 sets what is to be achieved, 已做到 and
#: 做到了 report it)
AIM = re.compile(rf"{AIM_VERB}|努力|(?<![已未没能])做到(?!了)|必须|抓紧|督促|责令|要求|规定|(?<!列入|纳入)计划|彻底|(?:目标|措施|标准|任务)[:：]"
                  r"|(?<![申提邀聘报呈敬])请(?![示假求柬])")  # (请各地于完成整改后…报送: a directive)
#: …and the modals of duty (要 / 应 / 须 / 需; not 主要, 重要, 相应, 应急 …) and the future, except before a kept-up duty:
#: 需长期持续整改 is the task's ongoing state
MODAL_AIM = re.compile(AIM.pattern + r"|(?<![主重纲摘概只想不])要(?![求素点闻害件])"
                        r"|(?<![相响供适对反效理])应(?:当|该)?(?![急用对])|(?<![必无])须|需要?(?!求|氧)"
                        # …and the future (将 / 拟 / 预计 / 准备 / 打算 + the work: 企业将完成整改)
                        r"|将|拟|预计|准备|打算")
#: an aim whose clause is only a manner phrase (确保按…的时间节点,全面完成…) governs the clause after its comma
_AIM_MANNER = re.compile(rf"(?:{AIM.pattern})(?:按照?|根据|依据|依照|对照)[^，,；;。]*[，,]$"
                         # …or the future or a duty with only its means (全县将以此次督察为契机,全面完成…)
                         r"|(?:将|要|应|须|拟)[^，,；;。]{0,4}?以[^，,；;。]{1,16}?为(?:契机|抓手|重点|突破口|导向|目标|主线)[，,]$")
#: an aim opening the clause before (确保…, 力争…) goes on over a clause joined to it by a comma, the aims listed
#: (确保各项措施落实到位,整治工作任务圆满完成; 做到底数清、…,基本消除…: the aim 做到 achieves, set 48), unless either states what is or was (已, 了, 目前, 现已, 截至)
_AIM_OPENS = re.compile(rf"(?:[一二三四五六七八九十]是|要|并)?(?:{AIM_VERB}|努力|做到(?!了))")
_STATED_AGAIN = re.compile(r"已|了|目前|截至|截止|现在|当前")
#: (the 在 of 正在 / 现在 / 存在 … is no preposition)
_MANNER = re.compile(r"(?:按|按照|根据|依据|依照|(?<![正现存所实仍尚还])在)[^，,；;。]{0,6}$")
#: (a relative clause closed by 的 holds a verb of the work: 计划2017年完成的46项)
_VERB_BEFORE_DE = re.compile(rf"完成|{_RESULT}|{_WORK}|{_TERMINAL}|推进|实施|落实|解决|坚持")
#: a manner phrase after the aim whose 的 is its own (务必按…明确的措施全部落实到位): that 的 ends no relative clause
_MANNER_DE = re.compile(r"按|根据|依据|依照|对照")


def aimed(compact: str, at: int, end: int, aims_of: re.Pattern[str] = MODAL_AIM) -> bool:
    """Whether an aim in the clause before ``at`` governs the phrase ``compact[at:end]`` (确保各项整改任务高效有序推进:
    what is sought, not the state).  A relative clause closed by 的 ends its aim (计划2017年完成的46项基本完成: the
    main verb is stated), unless the 的 is a manner phrase's (务必按…明确的措施全部落实到位), and an 已 after the aim
    states what is done (要求完成整改的问题已全部完成)."""
    clause = clause_start(compact, at)
    if compact.startswith("并", clause) and clause > 1:  # a clause opened by 并 goes on with the predicate before it
        clause = clause_start(compact, clause - 1)
    aims = [a for a in aims_of.finditer(compact, clause, at) if not _MANNER.search(compact, clause, a.start())]
    if not aims:
        return _aimed_across(compact, clause, end)
    governed = compact[aims[-1].end():end]
    if aims[-1].group(0) == "将" and "了" in governed:
        return False  # 组织专人将过高秸秆进行了修剪: 将 marks the object of a perfective act (as 把), no future
    de = governed.find("的")
    # (a 的 with no verb of the work before it only modifies the object: 将…反馈意见的问题全面整改到位 stays aimed)
    return "已" not in governed and (de < 0 or bool(_MANNER_DE.search(governed, 0, de))
                                    or not _VERB_BEFORE_DE.search(governed, 0, de))


def _aimed_across(compact: str, clause: int, end: int) -> bool:
    """Whether the clause before ``clause`` is an aim and its manner phrase alone (确保按…的时间节点,), with no
    status phrase of its own, so that it governs this clause up to ``end``; an 已 there states again."""
    before = clause_start(compact, max(clause - 1, 0))
    if clause > 0 and _AIM_OPENS.match(compact, before) and not _STATED_AGAIN.search(compact, before, end):
        return True  # 确保各项措施落实到位,整治工作任务圆满完成: aims listed after one 确保 (set 45)
    return (clause > 0 and bool(_AIM_MANNER.search(compact[before:clause])) and "已" not in compact[clause:end]
            and not any(p.search(compact, before, clause - 1) for _, p in _CLASSES))
