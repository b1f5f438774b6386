"""What a naming's sentence says of it beyond its own words (``naming.py``): whether the sentence's 回头看 is the
inspection's, and whether a joint naming of two levels came before it.

* A body's own look back at the inspection's cases (``副市长…对中央环保督察组转办件落实情况进行“回头看”``): a local office
  holder or body before 对, the naming inside the object of ``对 … 进行 / 开展 “回头看”``, so that 回头看 is the body's, not
  the inspection's (again false, set 33; a bureau's unit as the subject, 执法监察支队, and a comma before the act, set
  39); with no subject (``对某省第一轮中央…督察整改情况开展“回头看”``) it is the
  inspection's;
  the inspection's own 回头看 is named with it (``中央环保督察“回头看”``) or done by it (``中央第二督察组对某省进行“回头看”``).
* A joint naming of two levels (``中央和省级环保督察``, ``中央和自治区…督察``, ``中省环保督察``, ``中央、省环保督察``) earlier in the sentence: a later
  naming of a level with no round, batch or group of its own (``…发现问题整改,省环保督察整改办近日…``) refers back to it,
  the joint rectification's office or work, so it names no one level either (set 33's "中央和省级 names two levels").
"""
from __future__ import annotations

import logging
import re

from archive.ledger.clauses import SENTENCE_ENDS, clause_start

logger = logging.getLogger(__name__)

_AGAIN = re.compile(r"回头看")
#: a body's act on an object holding the naming, the act a 回头看
#: (…a comma may set the act apart from a long object: 对中央环保督察组交办我局信访办理工作,开展“回头看”, set 39)
_OWN_LOOK_BACK = re.compile(r"对(?P<object>[^，,。；;\n]{2,60}?)[，,]?\s*(?:进行|开展|组织|实施)了?\s*(?:一次|全面|专项)?\s*[“\"‘']?"
                            r"(?P<again>回头看)")
#: a local office holder or body as the sentence's subject before 对 (副市长…带领…, 县委、县政府…, 市生态环境局…): with
#: none (对广东省第一轮中央…督察整改情况开展“回头看”) the look back is the inspection's own
#: (…or a bureau's own unit, 执法监察支队, 环境监察大队: set 39)
_LOCAL_ACTOR = re.compile(r"副?[市县区镇乡旗州盟]长|书记|局长|主任|负责人|部门|[市县区镇乡旗州盟]委|[市县区镇乡旗州盟](?:人民)?政府|局|办公室"
                          r"|[支大中]队")
#: two levels named together before an inspection's body
_JOINT = re.compile(r"(?:中省|中央\s*[和及、与]\s*(?:省级?|自治区))[^。；;\n]{0,30}?督[察查]")
#: a campaign joined straight after a naming (中央环保督察以及“绿盾行动”, …督察和“清废”专项行动): several checks, no one
#: (a listing comma with 等 lists means, not a joint check: 通过中央生态环保督察、“绿盾”专项行动等 keeps the naming, set 22)
_CAMPAIGN = re.compile(r"\s*(?:以及|及|和|与)\s*[“\"]?[^，,。；;“”\"\n]{1,12}?[”\"]?(?:专项)?行动")


def inspections_again(sentence: str, naming: str) -> bool:
    """Whether ``sentence`` holds a 回头看 that is the inspection's (``naming``, read where its body ends): any but a
    body's own look back whose object holds the naming."""
    at = sentence.find(naming) + len(naming) - 1
    own = {m.start("again") for m in _OWN_LOOK_BACK.finditer(sentence)
           if m.start("object") <= at < m.end("object") and _LOCAL_ACTOR.search(sentence, 0, m.start())}
    return any(m.start() not in own for m in _AGAIN.finditer(sentence))


def joint_before(masked: str, at: int) -> bool:
    """Whether a joint naming of two levels stands earlier in the sentence of the naming at ``at``."""
    return bool(_JOINT.search(masked, clause_start(masked, at, SENTENCE_ENDS), at))


def joined_campaign(masked: str, end: int) -> bool:
    """Whether a campaign (…行动) is named with the naming ending at ``end``, joined by a coordinator (set 34's
    convention: the central inspection and the 绿盾 campaign named together name none)."""
    return bool(_CAMPAIGN.match(masked, end))
