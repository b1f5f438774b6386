"""What sets a dated time as a limit (``archive.ledger.deadlines`` asks this of every day, month, quarter or year it
reads): a limit or the completion it is set for after the time (``前``, ``内``, ``为止``, ``底``, ``完成``, ``能够完成``;
not a past one, ``完成了``), an obligation or aim before it (``确保``, ``务必在``, ``到``), a time-limit label before it
(``整改时限:``), a month of the next year with an act that ends the work after it (``明年四月全部拆除``), or the time
alone in its cell (``2025年6月``, ``2024年12月，长期坚持``) (pure patterns and functions)."""
from __future__ import annotations

import re

from archive.ledger.duties import IMMEDIATE as _IMMEDIATE
from archive.ledger.duties import ONGOING as _ONGOING
from archive.ledger.limit_words import AIM_VERB, LIMIT_LABEL

#: what sets a date as a limit (the module's doc): a limit or the completion it is set for after the date (not a past
#: one: 已完成, 完成了), an obligation or aim before it, a time-limit label before it
#: (a plan's clause opened by its date, then the verb without a subject: 2019年12月,完成全部还林工作; the plan's verb
#: before it, 2020年,安排完成…: set 49)
#: (…the completion's ability after it, 预计11月中旬能够完成: set 50, as 预计11月完工)
LIMIT_AFTER = re.compile(r"\s*(?:前|以前|之前|内|为止|底|[，,]?\s*(?:安排|计划)?(?:能够?|可以?)?(?:全面|基本|全部)?(?:完成|完工|建成|竣工|办结|到位|投用)(?![了过])"
                          r"|\s*(?:进行|完成|实施)?(?:验收)?销号(?![了过]))")  # (拟在11月份进行销号: the close-out)
#: (…到 after a connective opening its clause is a target time too: 年底要建成…,同时到2022年6月…要达到: set 48)
AIM_BEFORE = re.compile(rf"(?:{AIM_VERB}|必须|须|需|应当?|要|要求|最迟|最晚|不晚于|不迟于|承诺|保证"
                         r"|(?:限期|延期|延长|推迟|顺延)(?:至|到)|(?:即日|今日)起?\s*(?:至|到)|限|(?:^|[，,。;；\s]|确保|力争|争取|同时|并且?|而且?|最终|最后)到)\s*(?:在|于)?\s*$")
#: (…then 至 / 到, or a window from today: 整改期限至2021年3月31日止, 整改时限:即日起至…)
_LIMIT_LABEL = re.compile(rf"{LIMIT_LABEL}\s*(?:为|是)?\s*[:：|｜]?\s*"
                          r"(?:(?:自|从)?\s*(?:即日|今日|今天)\s*起?\s*)?(?:至|到)?\s*$")


def labelled(raw: str, start: int) -> bool:
    """Whether a time-limit label stands straight before the time starting at ``start`` (规划时限为2022-2025年,
    整改时限:2020年; set 47's plan period, read with a clause after it too: set 53's round)."""
    return bool(_LIMIT_LABEL.search(raw[max(0, start - 12):start]))


def limit_at(raw: str, start: int, end: int) -> bool:
    """Whether a limit is set around the time named at ``raw[start:end]`` (a day, a month, a quarter …)."""
    return limit_set(raw, start, end) or alone(raw, start, end)


#: a month of the next year (明年四月, 来年3月) with an act that ends the work straight after it (明年四月全部拆除): a
#: future time for the work, a limit (明年4月将召开会议 is an event; 次年 narrates from a past year)
_NEXT_YEAR_BEFORE = re.compile(r"(?:明年|来年)\s*$")
_ENDING_AFTER = re.compile(r"\s*份?\s*(?:将|要)?\s*(?:全部|全面|基本)?(?:完成|拆除|关停|关闭|取缔|清理|清退|搬迁|完工|建成|竣工|投用|投运)"
                           r"(?![了过])")


def limit_set(raw: str, start: int, end: int) -> bool:
    """Whether the words around the time at ``raw[start:end]`` set it as a limit (a limit or completion after it, an
    aim before it, a time-limit label)."""
    return bool(LIMIT_AFTER.match(raw, end) or AIM_BEFORE.search(raw[max(0, start - 6):start])
                or _NEXT_YEAR_BEFORE.search(raw, max(0, start - 4), start) and _ENDING_AFTER.match(raw, end)
                or labelled(raw, start))


def alone(raw: str, start: int, end: int) -> bool:
    """Whether the date is the cell's only content (``2025年6月``, ``五、完成时限 2025年12月31日``, ``2024年12月，长期坚持``)."""
    rest = _ONGOING.sub("", _IMMEDIATE.sub("", raw[:start] + raw[end:]))
    rest = re.sub(r"[（(][^（()）]*[)）]|已(?:经)?(?:完成|整改|办结)(?:整改)?", "", rest)  # 2018年10月(阶段性目标), …，已完成
    rest = re.sub(r"^\s*(?:[一二三四五六七八九十]+\s*、|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.．、])", "", rest)
    return not rest.strip(" 　，,。;；、并和及|｜")  # (a table row's cells: 立即整改 | 2018年11月 |)
