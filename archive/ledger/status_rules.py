"""A rule for late or slow cases, and a light rule, name no case behind (set 62 ✱, r62s; pure patterns).

Set 62's written line: rules for cases past their term or slow work (`对逾期未整治到位…的`, `对于进度缓慢的进行通报`,
`对无故延误办理时间…的单位`) and light rules (`应开工未开工项目亮红灯`, 序时进度 thresholds) name no one behind: other.
Read here as constructions, beside ``status_topics.sanction_rule`` (a rule's sanction with a modal):

* **a headless group set as a rule's topic** — 对 / 对于 + a behind phrase + 的 with no noun after it, then a treatment
  (进行通报, 由…报告, 予以…, 下达…) or a comma: the class of cases a rule is for; a treatment carried out (已, 了) finds
  them, as before; a treatment that pushes the work on (…的,限期整改到位) keeps the older reading, behind;
* **a condition on cases** — 无故 / 无正当理由 / 连续N个月 inside a 对-topic's group: what a rule supposes;
* **a light rule** — a group + 亮红灯 / 亮黄灯 / 挂红牌 / 黄牌 (…的项目亮红灯) with no 已 / 了 in its clause: the light a rule
  gives such cases (亮了红灯, 已亮红灯 report it).
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_end, clause_start, sentence_end, sentence_start

#: the topic preposition opening a rule's group (对 / 对于 at a clause's start)
_TOPIC = re.compile(r"(?:^|(?<=[，,；;。：:]))(?:对于|对)")
#: a headless group's 的 then a treatment or a comma (…的进行通报, …的,由…; 的 + a noun is a named group)
_HEADLESS_END = re.compile(r"[^，,；;。的]{0,30}?的(?=[，,]|进行|予以|给予|一律|由|下达|实行|采取|要|将|视情|按)")
#: a rule's condition on the cases (无故, 无正当理由, 连续3个月)
_CONDITION = re.compile(r"无故|无正当理由|无正当原因|连续[0-9一二三四五六七八九十两]+个?(?:月|季度|周|次|年)")
#: a light or a plate a rule gives (亮红灯, 亮黄灯, 挂黄牌)
_LIGHT = re.compile(r"[^，,；;。]{0,12}?(?:亮|挂)(?:红|黄|橙)(?:灯|牌)")
_DONE = re.compile(r"已|了")
#: the treatment pushes the work itself on (…的,限期整改到位 / 要进一步加大整改力度 / 采取约谈…督促整改): the settled rule
#: that a push on late cases names them behind (``status_topics.pushed_on``) stands
_PUSHED = re.compile(r"整改|整治|推动|推进|加快|力度|督促|到位|落地|落实")


def late_case_rule(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` names the cases a rule is for, not a case found: a headless 对-group then a
    treatment not carried out (对于进度缓慢的进行通报), a condition on the cases in a 对-group (对无故延误…的单位), or a
    light rule (…应开工未开工项目亮红灯)."""
    start = sentence_start(compact, m.start())
    clause = clause_start(compact, m.start())
    topic = None
    for t in _TOPIC.finditer(compact, start, m.start()):
        topic = t
    if topic is not None and topic.start() >= clause - 40:
        group = compact[topic.end():m.start()]
        carried = _DONE.search(compact, m.end(), sentence_end(compact, m.end()))
        if not carried and not _DONE.search(group):
            closed = _HEADLESS_END.match(compact, m.end())
            if closed and not _pushed(compact, closed.end()) or _CONDITION.search(group + m.group(0)) \
                    or _CONDITION.search(compact, m.end(), clause_end(compact, m.end())):
                return True
    light = _LIGHT.match(compact, m.end())
    return light is not None and not _DONE.search(compact, clause, light.end())


def _pushed(compact: str, at: int) -> bool:
    """Whether the treatment clause after a group's 的 at ``at`` pushes the work itself on."""
    first = at + 1 if compact[at:at + 1] in ("，", ",") else at
    return bool(_PUSHED.search(compact, first, clause_end(compact, first)))
