"""What a behind phrase of ``archive.ledger.status`` is about rather than asserts: the kinds of case a check or a rule
names (针对进展缓慢、推进滞后等情形开展督查, 对…滞后等群众反映强烈的问题,实施督办), the cases a rule's sanction befalls
(对逾期未完成整改任务的要…问责); none of them when a finding (反馈, 指出, 发现 …) states them (pure functions)."""
from __future__ import annotations

import re

#: a rectification not in place is behind as a finding (反馈 / 指出 / 发现 / 存在 … 整改不到位), not as a general remark
FINDING = re.compile(r"反馈|指出|发现|通报|存在|查出|检查出|公开|曝光|点名|举报|投诉")
#: the object of a topic preposition (针对 / 对于 / 聚焦 / 围绕 / 瞄准) and a list closed by 等 + a noun of kind
_TOPIC_PREP = re.compile(r"针对|对于|(?<![^，,；;。])对|聚焦|围绕|瞄准|重点(?:检查|督查|督察|关注)")
_KIND_AFTER = re.compile(r"(?:(?:、|或|和|及|以及)[^，,；;。的等]{1,16})*等[^，,；;。]{0,12}?(?:情形|情况|问题|行为|现象|方面)")


def sentence_start(compact: str, at: int) -> int:
    """Where the sentence holding ``compact[at]`` starts."""
    return compact.rfind("。", 0, at) + 1


#: a sanction a rule promises (要…问责, 将…约谈, 一律…追责): what befalls the cases its topic names
_RULE_SANCTION = re.compile(r"(?:要|将|一律|必须|须|应|予以|坚决|严肃)[^。；;]{0,30}?"
                            r"(?:问责|追责|责任追究|约谈|诫勉|处分|通报批评|严肃处理|追究)")


def sanction_rule(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` is the topic of a rule's sanction (对 + the phrase + 的 …, then 要 / 将 … 问责 /
    约谈 in its sentence): the rule says what befalls such cases, not that there are any (a sanction carried out,
    对进展滞后的项目进行了约谈, still finds them)."""
    start = sentence_start(compact, m.start())
    topic = max((t.end() for t in re.finditer(r"对于|对", compact[:m.start()])), default=-1)
    if topic < start or FINDING.search(compact, topic, m.start()):
        return False
    closer = compact.find("的", m.end(), m.end() + 12)
    end = compact.find("。", m.end())
    return closer >= 0 and bool(_RULE_SANCTION.search(compact, closer, end if end >= 0 else len(compact)))


def topic_kind(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` names a kind of case in the object of 针对 / 对于 / 聚焦 … closed by 等 + a noun of
    kind (针对进展缓慢、推进滞后等情形开展督查), with no finding between them: what a check or rule is about."""
    kind = _KIND_AFTER.match(compact, m.end())
    if kind is None:
        return False
    start = sentence_start(compact, m.start())
    topic = max((t.end() for t in _TOPIC_PREP.finditer(compact, start, m.start())), default=-1)
    return topic >= 0 and not FINDING.search(compact, topic, m.start())
