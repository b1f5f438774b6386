"""Rates listed under one value (r60a; a pure pattern).

A completion rate of 100 % is done (README, set 11; set 60's `按期辦結率為100%`, `结案率100%`); a bulletin lists several
rates and states their value once (按期办结率、办结回复率、群众满意率均为100%).  When a completion rate is among them and
the shared value is 100 %, the work is done; rates with no completion among them (满意率、知晓率均为100%) state none, nor
does a value sought (确保…均达到100%: ``archive.ledger.status`` checks the aim) or a value below 100 %.
"""
from __future__ import annotations

import re

#: a rate of the work completed (办结率, 按期办结率, 结案率, 办复率, 回复率 …)
_COMPLETION_RATE = r"(?:完成|办结|结案|整改|销号|办复|答复|回复|处理|办理)率"
#: a rate named in the list (满意率, 知晓率 …); no aim or modal inside it, so an aim before the list stays outside the
#: match (确保办结率、回复率均达到100%: aimed, none)
_RATE = r"(?:(?!确保|力争|争取|要求|要|将|应|须|需)[\u4e00-\u9fff]){1,8}?率"
#: the list's joints (、 / 和 / 及 / 与, or a comma where a writer lists with commas)
_JOINT = r"(?:、|[，,]|和|及|与|以及)"

LISTED_FULL = re.compile(
    rf"(?<![确力争])(?:{_COMPLETION_RATE}(?:{_JOINT}{_RATE}){{1,5}}|{_RATE}(?:{_JOINT}{_RATE}){{0,4}}?{_JOINT}(?:(?!确保|要|将)[\u4e00-\u9fff]){{0,6}}?{_COMPLETION_RATE}"
    rf"(?:{_JOINT}{_RATE}){{0,4}})"
    r"(?:均|都|全部)(?:已(?:经)?)?(?:达到?|为|是)?100(?:\.0+)?\s*[%％](?!\s*(?:以上|的?目标))")
