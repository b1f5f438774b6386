"""The titles an inspection's naming is read around (``naming.py``): a rule's or a notice's 《》 title names a document,
not the inspection, so it is blanked before the naming is read."""
from __future__ import annotations

import re

#: a rule's or a notice's title (《中央生态环境保护督察整改工作办法》, 《…督察纪律要求》, 《…工作规范(2019年修订)》) never
#: names the inspection: its head is a kind of rule, whatever edition follows it in brackets; a plan's or a report's
#: title (《…督察反馈意见整改方案》, 《…省级生态环境保护督察报告》) names the one it answers
_RULE_HEADS = "办法|规定|条例|通知|制度|细则|规则|决定|纲要|要求|纪律|准则|守则|须知|指南|规范|规程|章程"
_RULE_TITLE = re.compile(rf"《[^《》]{{0,120}}?(?:{_RULE_HEADS})(?:[（(][^（）()《》]{{1,12}}[)）])?》"
                         # a rule's title in single angle brackets, outside a notice's title (按照〈…工作办法〉要求)
                         rf"|〈[^〈〉《》]{{0,120}}?(?:{_RULE_HEADS})(?:[（(][^（）()〈〉]{{1,12}}[)）])?〉"
                         # 督查 (the government's own checks: 《督查通报》) in a title is no inspection's name
                         r"|《[^《》]{0,120}?督查[^《》]{0,120}》")
#: a title inside a notice's title (《关于印发〈…整改方案〉的通知》), and a rule's head ending one (〈…办法〉)
_ISSUED = re.compile(r"〈[^〈〉《》]{1,120}〉")
_RULE_HEAD_END = re.compile(rf"(?:{_RULE_HEADS})(?:[（(][^（）()]{{1,12}}[)）])?〉$")


def masked_titles(text: str) -> str:
    """``text`` with every rule's 《…》 title blanked (same length, so spans stay valid), but for a plan's or a report's
    title the notice issues inside it (《关于印发〈…督察反馈意见整改方案〉的通知》: the plan names its inspection)."""
    def blank(m: re.Match[str]) -> str:
        title = m.group(0)
        kept = [(i.start(), i.end()) for i in _ISSUED.finditer(title) if not _RULE_HEAD_END.search(i.group(0))]
        return "".join(c if any(s <= k < e for s, e in kept) else " " for k, c in enumerate(title))
    return _RULE_TITLE.sub(blank, text)
