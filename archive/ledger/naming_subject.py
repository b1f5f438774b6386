"""Which level acts on a naming that states none of its own: a level as the subject of its sentence (中央先后对某省开展了
2轮…督察), a level launching it at its clause's start (北京市日前启动第二轮…督察), or the authority approving it (经省委、
省政府批准,决定组建3个专项督察组).  ``naming.namings`` reads a level-less naming's level from these."""
from __future__ import annotations

import re

from archive.enumerators import LIST_ENUMERATOR
from archive.ledger.clauses import SENTENCE_ENDS, clause_start
from archive.ledger.naming_level import MUNICIPALITY
from archive.ledger.naming_words import _COMMITTEE, _N, _NUM, _PLACE_LEVEL, _PROVINCE_SHORT, _REGION, _YEAR

#: what a body does to an inspection of the level above (迎接 / 接受 / 配合 / 保障 …): it names no inspection of its own
_RECEIVING = r"迎接|接受|配合|协助|保障|服务|做好|迎检|应对"
#: a level as the subject acting on a body (中央先后对某省开展了2轮…督察, 某省已对7个市开展了第一批督察“回头看”): a
#: level-less naming right after it in its clause is that level's
SUBJECT = re.compile(rf"(?<![对向赴到至在])(?P<level>中央|省委(?:、?省政府)?|省政府|(?:{_PLACE_LEVEL}|{_REGION})(?:{_COMMITTEE})?|{_PROVINCE_SHORT})"
                     # …after a time (于…, 从2019年8月底起, 自…以来,, 继…之后,) and a manner (分2批: how many, no batch)
                     rf"(?:先后|已经?|曾|再次|首次|分别|相继|于[^，,。；;\n]{{1,12}}?|(?:从|自)[^，,。；;\n]{{1,14}}?(?:起|以来|开始)\s*[，,]?\s*"
                     rf"|继[^。；;\n]{{1,60}}?之?后\s*[，,]?\s*|分(?:{_N}\s*|两)?(?:批次?|轮|次))*\s*(?:对[^，,。；;\n]{{1,30}}?"
                     # …the verb before or after its object (对7个市开展了…督察, 首次开展对省属企业…督察)
                     rf"(?:开展|进行|实施|实现)了?\s*(?:{_N}\s*[轮次]\s*)?|(?:开展|进行|实施)了?\s*对[^，,。；;\n]{{1,30}}?(?:的)?\s*)$")
#: …or a level opening its clause (after a time, at most) and launching the naming with no object before it (北京市日前
#: 启动第二轮…督察, 2024年宁夏启动第三轮…督察): an adverb between, never a verb of receiving or helping (迎接 / 接受 /
#: 配合: the level above's inspection)
LAUNCHER = re.compile(rf"(?:{LIST_ENUMERATOR})?\s*(?:(?:{_YEAR})?\s*(?:{_NUM}\s*月(?:\s*{_NUM}\s*日)?)?|今年|近日|日前|近期)?\s*"
                      rf"(?P<level>省委(?:、?省政府)?|省政府|我省|本省|{_PLACE_LEVEL}|{_REGION}|{_PROVINCE_SHORT})"
                      rf"(?:[、和]?(?:省|市|自治区|区)?(?:委|党委|政府|人民政府))*"  # 天津市委、市政府部署开展…
                      rf"(?:(?!{_RECEIVING})[^，,。；;\n督对向市区县州]){{0,10}}?(?:启动|部署|组织开展|组织|开展|实施|发起)了?\s*")
#: an approval opening the sentence (经省委、省政府批准, 经党中央、国务院同意)
_APPROVAL = re.compile(r"经(?P<who>[^，,。；;\n]{1,20}?)(?:批准|同意)")


def approved_by(masked: str, at: int) -> tuple[str, int] | None:
    """The level of the authority approving the naming at ``at`` in its sentence (经省委、省政府批准,决定组建3个专项督察组:
    provincial; 经党中央、国务院批准: central; 经市委、市政府批准 names a city's: none), with where the approval ends."""
    start = clause_start(masked, at, SENTENCE_ENDS)
    found = list(_APPROVAL.finditer(masked, start, at))
    if not found:
        return None
    who = found[-1].group("who")
    if re.search(r"党中央|国务院", who):
        return "central", found[-1].end()
    if re.search(rf"(?:省|自治区|{_REGION}|{_PROVINCE_SHORT}|(?:{MUNICIPALITY.pattern})市)(?:委|党委|政府|人民政府)", who):
        return "provincial", found[-1].end()
    return None
