"""Windows a notice keeps open, and whether a span of days is one (pure functions for ``archive.ledger.deadlines``).

A span of days (``…至…``) is a *window* whose last day is a deadline only under a window's label: ``公示时间:…至…``,
``公示期间(…)``, a 公示 period stated with its length (``公示期为10个工作日(…至…)``) or its start (``公示期自…至…``), a
bare ``时间为`` label in a clause that names a window (公示, 征求意见, 异议 …).  A window's stated closing day is one
too (``受理信访时间截止到2020年12月15日``, ``受理信访截止时间为9月27日``), as is the end of one opened on the
notice's own day (``即日起至10月20日结束``).  The time petitions or calls are taken
(``受理时间为…至…每天9:00至17:00``, ``受理电话时间:…``) is the inspectors' stay, a period, not a window: only its
stated closing gives a last day.
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_start

#: a label a window's span may follow (公示时间:, 整改时限为, 公示期间(…), 公示期间内(…))
WINDOW_LABEL = re.compile(r"(?:时间|时限|期限|期间|日期|公示期|期|阶段)\s*内?\s*[:：为（(]?\s*$")
#: a plan's stage named before its period in brackets (第二阶段(2019年—2020年):…, 集中整治阶段(5月-8月)): the
#: period's end closes the stage (set 45), as a stage named after its time (``deadlines._STAGE_AFTER``)
STAGE_OPEN = re.compile(r"阶段\s*[（(]\s*(?:(?:19|20)\d{2}\s*年?\s*(?:\d{1,2}\s*月份?)?\s*[-—–~～至到]\s*)?$")
#: the windows a notice names (公示, 异议, 征求意见 …) …
_WINDOW_NAME = r"(?:公示|公告|异议|征求意见|意见征集|征集意见|报名|申报)"
_SPAN_LENGTH = r"(?:\d{1,3}|[一二两三四五六七八九十]+)\s*个?\s*(?:工作日|自然日|日|天|周|个?月)"
#: …with its label and, between it and the span, the span's length and an opening (公示期为10个工作日(, 公示期自)
#: (…or the window's verb with its length alone: 现予公示5个工作日(…至…), 予以公示七天:; the span may follow 即:
#: 公示期5个工作日,即…至…; a table's cell line between label and span, 公示时间 | …-… |: r55a)
NAMED_WINDOW = re.compile(rf"{_WINDOW_NAME}\s*(?:(?:期限|时段|期间|期|时间|日期)\s*(?:为|是|[:：])?\s*(?:{_SPAN_LENGTH})?"
                          rf"|(?:为期)?\s*{_SPAN_LENGTH})\s*[:：,，|｜]?\s*(?:即|为)?\s*[（(]?\s*(?:自|从)?\s*$")
#: a window closing: a time's or period's end stated with 截止/截至 (受理信访时间截止到2020年12月15日), or the closing
#: time of a window named before it (受理信访截止时间为9月27日; a comment window's, 意见反馈截止时间为…: set 49); a statistic's time (统计时间截止…) is a cut-off
CLOSING = re.compile(r"(?<!统计)(?<!数据)(?:时间|日期|期限)\s*(?:截止|截至)\s*(?:到|至|于)?\s*$"
                     # …or a term's period closing with 截止 (清缴期截止至2022年12月30日: r54); a report's or a
                     # statistic's period (报告期, 统计期) and 截至 (a count's cut-off) are none
                     r"|(?<!统计)(?<!数据)(?<!报告)(?<![时日])期\s*截止\s*(?:到|至|于)?\s*$"
                     r"|(?:公示|受理|信访|举报|投诉|报名|申报|征集|异议|意见反馈|意见|反馈)\s*(?:截止|截至)\s*(?:时间|日期)\s*(?:为|是|[:：])?\s*$"
                     # …or a window opened on the notice's own day and running to the time, 结束 / 止 after it closing it
                     # (即日起至10月20日结束, 自本公告发布之日起至…止: set 53; 自通告发布之日起至…24时止, no 本: r56a; 已于…结束 tells a past event's end)
                     r"|(?:自|从)?\s*(?:即日|今日|今天|(?:(?:本|此)(?:通知|公告|通告|公示|方案)(?:印发|发布|公布|下发)?|(?:通知|公告|通告|公示|方案)(?:印发|发布|公布|下发))之日)\s*起?\s*(?:至|到)\s*$")
#: the time petitions or calls are taken (受理时间为…, 受理信访时间:…, 举报电话时间:…): a stay, no window
_TAKING = re.compile(r"(?:受理|接访|来访|来电|接听|值班|举报|信访|投诉)[^，,。;；]{0,6}?(?:时间|期间)\s*[:：为（(]?\s*$")
#: a bare 时间 label opening its clause (…进驻延安市,时间为10月12日至31日) dates the clause before it: a window only when
#: that clause names one (公示, 受理, 征求意见, 异议 …); otherwise the period of what it tells (a stay, a campaign)
_BARE_TIME_LABEL = re.compile(r"(?:^|[，,。;；])\s*(?:时间|日期)\s*[:：为（(]?\s*$")
_WINDOW_WORD = re.compile(r"公示|受理|征求|征集|报名|申报|异议|投诉|举报|反映")


def named_window(raw: str, first: int) -> bool:
    """Whether a span starting at ``first`` is a named window's (公示期为5个工作日(…至…), 公示期自…至…)."""
    return bool(NAMED_WINDOW.search(raw[max(0, first - 24):first]))


def window(raw: str, first: int) -> bool:
    """Whether a range starting at ``first`` is under a window's label (公示时间:…, 公示期为…, 公示期间(…)); the time
    petitions are taken (受理时间为…) is none."""
    if named_window(raw, first):
        return True
    before = raw[max(0, first - 8):first]
    if not WINDOW_LABEL.search(before) or _TAKING.search(raw[max(0, first - 14):first]):
        return False
    bare = _BARE_TIME_LABEL.search(before)
    if bare is None:
        return True
    label_at = first - len(before) + bare.start()
    return bool(_WINDOW_WORD.search(raw, clause_start(raw, label_at), label_at + 1))


#: a campaign of clean-up work (专项整治, 集中整治, 专项行动, 攻坚行动 …): its span is a plan's stage, closing on its last day
#: (an inspection's stay, 督察 / 检查 / 进驻, is a period, no campaign)
_CAMPAIGN = r"(?:专项整治|集中整治|清理整治|综合整治|专项治理|集中治理|专项行动|攻坚行动|攻坚战|百日行动|集中行动)"
#: …named right after its span (…期间集中开展河道专项整治, 1至5月进行集中整治; a report of it, 开展了…, is none)
#: (…a month's 份 and 之间 after it, and the campaign's object after 针对 / 对 before its verb: 从…至2017年12月份之间,针对全市
#: …小锅炉分四个阶段进行专项整治, set 45)
_CAMPAIGN_AFTER = re.compile(rf"\s*份?\s*(?:之间|期间|内)?\s*[，,]?\s*(?:(?:针对|对)[^，,。;；]{{1,30}}?)?"
                             # (…its actors named before the verb after a comma: 定于7月至11月,水利部会同四省组织开展…专项整治行动:
                             # set 48; 自2019年5月起开展 is a start)
                             rf"(?:(?<=[，,])[^，,。;；了]{{1,24}}?)?(?:集中|统一|全面|在全[省市县区])?(?:开展|进行|实施|组织)"
                             rf"(?![^，,。;；]*?了)[^，,。;；]{{0,16}}?{_CAMPAIGN}")
#: …or its span stated from start to end with the campaign as the subject (专项治理工作从2017年5月开始至2018年6月底结束)
_CAMPAIGN_FROM = re.compile(rf"(?:{_CAMPAIGN}|整治|治理|攻坚)(?:工作|行动)?[^，,。;；督察检查进驻]{{0,6}}?(?:从|自)"
                            r"[^，,。;；]{1,24}?(?:开始|起)\s*[，,]?\s*(?:至|到|—|-)\s*$")
_CLOSED = re.compile(r"\s*(?:底|末)?\s*(?:结束|止)(?!了)")
#: …or the campaign said to last until the time (…专项整治三年行动将持续至2022年12月: set 48)
_LASTS_UNTIL = re.compile(rf"(?:{_CAMPAIGN}|行动)[^，,。;；]{{0,8}}?(?:将|要)?(?:持续|延续|延长|开展|实施)(?:到|至)\s*$")
#: …or a plan's stages listed after 分N个阶段, each with its span (工作分四个阶段:动员部署(2025年11月)、…、巩固提升(2026年10月
#: —12月): set 48): each closes a stage, the latest the plan's
_STAGES_LISTED = re.compile(r"分[一二三四五六七八九十\d]+个?(?:阶段|步骤)(?:进行|实施|推进)?[:：][^。；;了]*$")


#: …or named in the clause before its span, which stands in a clause of its own (组织开展为期3年的专项整治,从2020年4月至
#: 2022年12月,分…阶段; 开展集中整治行动,时间为5月至8月: set 57); a report of it, 开展了…, is none
_CAMPAIGN_BEFORE = re.compile(rf"(?:开展|组织|实施|启动|部署)(?![^。;；]*?了)[^，,。;；]{{0,30}}?{_CAMPAIGN}(?:工作|行动)?"
                              r"\s*[，,]\s*(?:(?:时间|期限)\s*(?:为|是|[:：])?\s*)?(?:从|自)?\s*$")
_CLAUSE_CLOSES = re.compile(r"\s*(?:[，,。;；]|$)")


def campaign_span(raw: str, start: int, end: int, first: int | None = None) -> bool:
    """Whether the time at ``raw[start:end]`` closes a clean-up campaign's span (…至2018年6月底结束, 8月5日-9月30日期间集中
    开展…专项整治): a plan's stage, whose last day is a deadline; ``first`` is where a range it closes starts."""
    opened = start if first is None else first
    return bool(_CAMPAIGN_AFTER.match(raw, end) or _LASTS_UNTIL.search(raw, max(0, start - 30), start)
                or first is not None and first < start and _CLAUSE_CLOSES.match(raw, end)
                and _CAMPAIGN_BEFORE.search(raw, max(0, opened - 50), opened)
                or _CLOSED.match(raw, end) and _CAMPAIGN_FROM.search(raw[max(0, start - 40):start])
                or _STAGES_LISTED.search(raw, 0, start) and re.match(r"\s*[)）]", raw[end:]))


#: a project's trial run announced ahead over a span (该项目将于2024年10月20日-2025年10月20日对环保设施进行调试, 拟于…至…
#: 试生产): the trial's window, closing on its last day (set 51's ✱ commissioning window, set 52; 已于…至…进行了调试 and a
#: check over a span, 将于…至…开展督察, are periods)
_AHEAD = re.compile(r"(?:将|拟|计划|预计)\s*(?:于|在)\s*$")
_TRIAL_AFTER = re.compile(r"\s*[，,]?\s*(?:对[^，,。;；]{1,24}?)?(?:进行|开展|实施|启动)?\s*"
                          r"(?:设备|设施|环保设施|配套设施|项目|工程|系统)?\s*(?:调试|试运行|试生产|试运营)(?![了过])")


def trial_span(raw: str, first: int, end: int) -> bool:
    """Whether the span from ``first`` to ``end`` is a trial run announced ahead (将于…至…进行调试): its last day is the
    window's."""
    return bool(_AHEAD.search(raw, max(0, first - 6), first) and _TRIAL_AFTER.match(raw, end))
