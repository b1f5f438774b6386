"""Which inspection (督察) a text names: level × round × batch × group × 回头看 / 专项督察.

The grammar of a naming, as the government writes it::

    [ROUND] [BATCH] [[共(计)] [组建|派出] [了] N个[批次]] LEVEL [ROUND] [BATCH] [第N] BODY [“回头看”] [组] [第N[督察]组]
    ROUND: 第N轮 | N轮 | 首轮 | 新一轮 (no number)   (N轮 after a verb that counts, 实现三轮…, is a number of rounds)
    BATCH: 第N批 | 首批   (a batch before the level with no round, in a naming that hands petitions over, 第十批中央…
           督察交办件, is the petitions' batch)
    LEVEL: 中央 | 省级(层面) | 省委(、省政府) | 省政府 | 省 | 自治区 | <place>省 | <place>自治区 | 北京市 …
           | 内蒙古 | 新疆 | 西藏 | 广西 | 宁夏  (a region by its short name: 新疆第一生态环境保护督察组) | 兵团
           | 市级  (only after a municipality, 北京 / 天津 / 上海 / 重庆: 重庆…市级环保集中督察)
           | 重庆 / 四川 … (a province's short name, only glued to a round or a batch: 重庆第二批环保集中督察组)
           [生态环境厅 | 环境保护厅 | 环保厅]  (a province's department: 省环保厅环境保护督察组)
    or a province counting its groups: <place>省 | 我省 | 内蒙古 … [组建了] N个 [CORE-words] 督察组  (provincial)
    BODY: CORE | 央督 / 省督 (the short names; 央督、省督 names two levels) | 督察 before 组 with a level and a number
          (省第三督察组; 省政府督查组 and a bare 督察组 name none)
          | 专项督察 / 例行督察 right after a level (自治区专项督察, 省级例行督察)
          | 督察 right after a level and its round or batch (第一轮市级督察, 省第二轮督察, 自治区首批督察)
    CORE: (生态环境保护 | 生态保护 | 生态环境 | 生态环保 | 环境保护 | 环保) [例行 | 专项 | 集中 | “回头看”] (督察 | 督查)

(a place's name holds no 第 / 轮 / 批: ``第二轮省…`` is round 2 of a province's inspection)

``第二轮中央生态环境保护督察`` (central, round 2), ``省级第二轮环保督察`` (level before round),
``省第五生态环境保护督察组`` (group 5 — a ``第N`` with no 轮 after a level is a group, never a
round, with or without 组: ``中央第二生态环境保护督察交办信访件``), ``中央环境保护督察组`` (first-round wording: central, round not stated).  A naming with no
level (``开展了第二轮生态环境保护督察``) only completes the one before it.  回头看 and 专项督察 in
the naming's sentence set ``again`` and ``special``.  A name inside the 《》 title of a
rule or notice (办法, 规定, 要求, 通知 …: its head names a kind of rule), or in a rule's 〈〉 title outside one,
never names the inspection — but a plan's title
the notice issues inside it does (《关于印发〈…督察反馈意见整改方案〉的通知》) —, nor one
written with 督查 inside a title (《督查通报》: the government's own checks); 中省 / 中央和省环保督察 and a central and a
provincial naming joined in one clause (``中央环保督察反馈问题和省环保督察反馈问题``, ``中央和省级…督察``) name two levels, so none;
a year may stand between a level and its naming (``天津市2023年生态环境保护督察``); two groups of one level named side by side
in a sentence (``…第四…督察组向甲市反馈、第五…督察组向乙市反馈``) give none; levels are joined only within one clause;
a naming inside a background frame (``在中央环保督察…的基础上,``) yields to a naming after it.  A level acting as the subject
(``中央先后对某省开展了2轮…督察``, ``某省已对7个市开展了第一批督察“回头看”``, after a time's clause and a manner:
``自治区从2019年8月底起,分2批对6个盟市开展了…督察``) names the level-less naming after it.  Nothing is guessed: a round the text does not state is None.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from archive.ledger.clauses import LINE_CLAUSE_ENDS, SENTENCE_ENDS, clause_start, sentence_around
from archive.ledger.naming_after import stated_after
from archive.ledger.naming_level import glued_level, level_of, municipal
from archive.ledger.naming_scope import inspections_again, joined_campaign, joint_before
from archive.ledger.naming_spun import unspun
from archive.ledger.naming_subject import LAUNCHER, SUBJECT, approved_by
from archive.ledger.naming_titles import masked_titles as _masked
from archive.ledger.naming_words import (
    _BATCH,
    _COMMITTEE,
    _CORE,
    _DEPARTMENT,
    _N,
    _PLACE_LEVEL,
    _PROVINCE_SHORT,
    _REGION,
    _ROUND,
    _YEAR,
)
from archive.ledger.numbers import number_value
from archive.script_fold import for_reading

logger = logging.getLogger(__name__)

_NAMING = re.compile(
    rf"(?:(?P<r1>{_ROUND})\s*)?(?:(?P<b1>{_BATCH})\s*)?"
    # 第二轮第四批7个…督察组, 第一批组建5个…, 第一批共组建了5个…督察组: how many groups (a total's 共 / 共计, then a verb)
    # …首轮4个批次省级…督察: how many batches, likewise
    rf"(?:(?<=[轮批])(?:共计?)?\s*(?:组建|派出|派驻|成立)?了?\s*{_N}\s*个(?:批次)?\s*)?"
    # 第一批接受中央…督察的…: the batch of those receiving it
    rf"(?:(?<=批)(?:接受|迎接)\s*)?"
    rf"(?P<level>中央|(?<!中)央(?=督)|省级(?:层面)?|(?:省|自治区)内(?=\s*(?:(?:{_ROUND}|{_BATCH})\s*){{0,2}}{_CORE})|市级|省委(?:、?省政府)?|省政府|(?:{_PLACE_LEVEL}|省|{_REGION})(?:{_COMMITTEE}|{_DEPARTMENT})?"
    # a province by its short name glued to the naming's round or batch (重庆第二批环保集中督察组, 四川第三轮…督察)
    rf"|{_PROVINCE_SHORT}(?=\s*(?:{_ROUND}|{_BATCH})))?\s*"
    # 天津市2023年…督察: the year's; 省第三季度…督察组: the quarter's (a period, no group: set 41)
    rf"(?:(?<=[省区市级\s])(?:(?:{_YEAR})度?|(?:(?:{_YEAR})\s*)?第?[一二三四1-4]季度)\s*(?={_CORE}|{_ROUND}|{_BATCH}))?"
    rf"(?:(?P<r2>{_ROUND})\s*)?(?:(?P<b2>{_BATCH})\s*)?"
    # 湖北省第一轮第二批5个…督察组: how many groups after the level's round or batch
    rf"(?:(?<=[轮批])\s*{_N}\s*个\s*)?"
    # 上海市环境保护第一督察组: the core words before the group's number; 第一、第二督察组: two groups named together, no one
    rf"(?:{_CORE}\s*(?=第{_N}(?:\s*[、和及与]\s*第?{_N})*\s*督察组))?"
    # (a masked group number, 省第x…督察组, gives no group, as a masked day gives no date)
    rf"(?:第(?:(?P<group>{_N})|[xX](?=\s*{_CORE}))(?![轮批、和及与])|(?P<groups>第{_N}(?:\s*[、和及与]\s*第?{_N})+)(?=\s*(?:{_CORE}\s*)?督察组))?\s*"
    # the body: CORE … 督察, 央督 / 省督 (the central and the provincial inspection's short names: 央督、省督反馈问题 names
    # both, so neither), or a bare 督察 before 组 (省第三督察组: only with
    # a level and a group number, checked when read)
    rf"(?:{_CORE}\s*(?:例行|专项|集中|[“\"]?回头看[”\"]?)?\s*督[察查]|(?<=[央省])督(?![察查导促办战学考])"
    # 中央环保 before its problems or hand-overs (督查中央环保问题整改情况): the central inspection's short name
    rf"|(?<=中央)环保(?=\s*(?:反馈|问题|交办|转办|信访件|整改问题))"
    rf"|(?P<bare>(?:[“\"]?回头看[”\"]?\s*)?督察(?=组|[“\"]回头看))|(?:(?<=[央区省级府委个])|(?<=组建|成立|派出))(?P<kind>专项|例行)督察"
    # …or a bare 督察 right after a level and its round or batch (第一轮市级督察, 省第二轮督察: checked when read)
    rf"|(?P<plain>督察)(?![员长]))"
    # 山东省环境保护督察组第九组, 甘肃省第二轮生态环境保护督察第五督察组: the group after the body
    # …督察“回头看”第三督察组, …督察“回头看”组第三组: 回头看 after the body, then its group
    rf"(?:[“\"]?回头看[”\"]?)?(?P<zu>组)?(?:第(?P<group2>{_N})(?:督察)?组)?"
)
#: a province or region counting its own groups (内蒙古组建了12个督察组, 我省8个环保督察组): its provincial inspection
_GROUP_COUNT = re.compile(
    rf"(?:{_PLACE_LEVEL}|我省|我区|本省|全省|全区|{_REGION})(?:[^。；;，,\d]{{0,6}}?)"
    rf"{_N}\s*个\s*{_CORE}?\s*督察组")
#: a round or a batch before a bare 督察 in its clause (这是第二轮第一批…开展的督察, 第一批督察对象为…): no level of its
#: own, it completes the naming before it
_BARE_ROUND = re.compile(rf"(?:(?P<r>{_ROUND})\s*(?P<b>{_BATCH})?|(?P<b2>{_BATCH}))[^。；;\n，,]{{0,30}}?督察")
#: a link a spam site inserted between two characters of a word: a 《…》 holding Latin letters and no inspection's
#: words (a title naming one, 《…PM2.5…督察整改方案》, is kept)
_INSERTED = re.compile(r"(?<=[\u4e00-\u9fff])《(?=[^《》\n]{0,40}[A-Za-z])[^《》\n督]{1,40}》(?=[\u4e00-\u9fff])")
#: a municipality (直辖市) names its own inspection 市级 (重庆…市级环保集中督察): provincial; any other city's 市级 is none
#: a frame giving the background (在中央环保督察…的基础上,): a naming inside it yields to one after it
_BACKGROUND = re.compile(r"在[^，,。；;\n]{0,60}?基础上")
_FRAME = re.compile(r"继[^。；;\n]{1,60}?之?后\s*[，,]?")
#: what an inspection hands over (交办件, 交办信访件, 转办的案件): a batch before the level with no round, in a naming
#: followed by one (第十批中央…督察交办件), numbers the handed-over petitions, not the inspection
_HANDED_OVER = re.compile(r"\s*(?:组|的)?\s*(?:交办|转办|移交|信访|投诉|举报|案件)")
_AGAIN = re.compile(r"回头看")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: the naming before qualifying the work of this one (中央环保督察整改省级专项督察组, …反馈问题整改落实…督察): its subject
_QUALIFIER = re.compile(r"\s*组?\s*(?:反馈)?\s*(?:意见|问题)?\s*(?:整改|落实)(?:落实|工作|情况){0,2}\s*")
#: the ministry reporting a quoted “回头看” (生态环境部11月19日晚通报“回头看”典型案例): the central inspection's (a party
#: inspection's 巡视 / 巡察 “回头看” is not)
_MINISTRY_AGAIN = re.compile(r"(?:生态环境部|环境保护部|环保部)[^。；;\n]{0,30}?(?<!巡视)(?<!巡察)[“‘\"']回头看[”’\"']")
#: what a level does to its own 专项督察 named by a title: launches, holds or completes it
_LAUNCH = r"启动|开展|部署|组织开展|组织|实施|完成|结束"
#: a level's Nth group of a 专项督察 named by a title between them (省委第十二污染防治…暨…生态保护专项督察组): the group
#: — only an environmental one (the title names pollution, the environment, a river basin, …; not 禁毒 / 安全生产, nor
#: a 河长制 office's own check)
_TITLED_SPECIAL = re.compile(rf"(?P<level>中央|省委(?:、?省政府)?|省政府|(?:{_PLACE_LEVEL}|省|{_REGION})(?:{_COMMITTEE}|{_DEPARTMENT})?)\s*"
                             rf"(?:第(?P<group>{_N})(?![轮批届次期年月日号个项条章节部分阶段季])"
                             # …or the level launching or closing its 专项督察 by a title (云南省完成2020年重点区域大气污染防治
                             # 专项督察): the level's, no group
                             rf"|(?:{_LAUNCH})了?\s*(?:(?:19|20)\d{{2}}\s*年度?)?"
                             # …or the whole province's own, its subject before the core words (全省湿地公园生态环境保护
                             # 专项督察, set 40): the level's, no group
                             r"|(?<=全省))"
                             r"(?=[^，,。；;、\n“”《》督]{0,40}?(?:生态|环境|环保|污染|大气|水环境|水生态|长江|黄河|流域|土壤|固废|自然保护))"
                             r"(?![^，,。；;、\n“”《》督]{0,40}?(?:[河湖林]长|中央|国家|生态环境部|环境保护部))"
                             r"[^，,。；;、\n“”《》督]{2,40}?专项督察(?P<zu>组)?")
#: the national inspection by another name (国家环保督察) in a provincial naming's sentence: two levels, no one
_NATIONAL = re.compile(rf"国家(?:级)?\s*{_CORE}\s*督察")
#: 中省, 中央和省, 中央和省级, 中央和自治区, and the province's committee or government so joined (中央和省委, 中央和省委、省政府)
_MIXED = re.compile(r"(?:中|中央[和及、与])(?:省级?|自治区)(?:(?:党)?委(?:、?(?:省|自治区)?政府)?|政府)?$")
_SPECIAL = re.compile(r"专项督察")
#: a coordinator, then at most a place's name before the level word ends (…问题和省, …以及湖北省, 、中央)
_COORDINATED = re.compile(r"(?:和|及|与|、|暨)\s*[^和及与、暨,，。；;\n]{0,12}$")


def _joined(gap: str) -> bool:
    """Whether ``gap`` (from one naming's end to the next one's level word) joins the two in one clause: short, no
    clause end, a coordinator before the level (中央环保督察反馈问题…和省环保督察: two levels named together)."""
    return len(gap) <= 40 and not any(c in gap for c in SENTENCE_ENDS + "，,") and bool(_COORDINATED.search(gap))


@dataclass(frozen=True)
class InspectionName:
    """One inspection as a text names it, with the span read (``text``, ``start``)."""

    level: str  # central | provincial
    round: int | None
    batch: int | None
    group: int | None
    again: bool
    special: bool
    text: str
    start: int
    #: the words of later namings that filled in what this one leaves unstated (``inspection_name``)
    filled_from: tuple[str, ...] = ()

    def key(self) -> tuple[str, int | None, int | None, int | None, bool, bool]:
        """The facts without the span (what two namings must share to be the same)."""
        return (self.level, self.round, self.batch, self.group, self.again, self.special)


def _ordinal(token: str | None) -> int | None:
    if not token:
        return None
    if token in ("首轮", "首批"):
        return 1
    if token.startswith("新"):
        return None  # 新一轮: a new round, its number not stated
    return number_value(token.strip("第轮批"))


def cn_ordinal(n: int) -> str:
    """Chinese numeral of a small ordinal (2 → 二, 12 → 十二), as round and batch names write it."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"


#: a round and / or a batch before a naming that states neither, an act of holding it and 的 between (这是第二轮第一批
#:针对6省市开展的中央…督察): the naming's stage
_STAGE_BEFORE = re.compile(rf"(?:(?P<r>{_ROUND})\s*(?P<b>{_BATCH})?|(?P<b2>{_BATCH}))[^，,。；;\n督]{{0,30}}?(?:开展|实施|进行|启动)的\s*$")
#: an inspection's standard or yardstick (以省级环保督察标准为依据, 按照中央环保督察的标准开展自查): a measure a body
#: applies to itself, no inspection named
_YARDSTICK = re.compile(r"\s*(?:组)?\s*的?\s*(?:标准|尺度|标尺)")
#: a group by its short name (督察五组, 督察组三组 is 第三督察组): one only, no other group beside it (督察一组、二组)
_SHORT_GROUP = re.compile(rf"督察组?(?P<n>{_N})组(?!\s*[、和及与]\s*{_N}组)")


def _short_group(sentence: str) -> int | None:
    """The one group a sentence names by its short name (…带队督察五组到某区开展…督察), or None."""
    found = {number_value(g.group("n")) for g in _SHORT_GROUP.finditer(sentence)}
    return found.pop() if len(found) == 1 else None


def namings(text: str | None) -> list[InspectionName]:
    """Every naming in ``text`` in order, level-less ones folded into the naming before them."""
    # a link a spam site inserted inside a word (中央生态环境《某某app网址》保护督察组) is read as not there
    # …and a PDF's spaces between characters closed (中 央 第 四 生 态 …: ``for_reading``, archive.letter_spacing)
    original, raw = for_reading(_INSERTED.sub("", text or ""))  # read in simplified script, same offsets; no pinyin
    masked = _masked(unspun(raw))  # a spun re-post's naming read as meant (中心生态环境维护督察组)
    out: list[InspectionName] = []
    filled: dict[int, int | None] = {}  # the group a bare 第N督察组 gave the naming at that index (None: two differed)
    # a count whose groups carry their own level (…8个省环保督察组) is read as that naming
    counted = [c for c in _GROUP_COUNT.finditer(masked) if not any(n.group("level") for n in _NAMING.finditer(c.group(0)))]
    spans = [(c.start(), c.end()) for c in counted]
    for m in _NAMING.finditer(masked):
        while counted and counted[0].start() <= m.start():
            out.append(_counted(counted.pop(0), raw, original))
        if any(m.start() < end and start < m.end() for start, end in spans):
            continue
        if joined_campaign(masked, m.end()):
            continue  # 中央环保督察以及“绿盾行动”中发现…: the inspection and a campaign named together, neither
        if _YARDSTICK.match(masked, m.end()):
            continue  # 以省级环保督察标准为依据: the inspection's standard a body applies, no inspection held
        if m.group("level") == "市级" and not municipal(masked, m):
            continue  # a city's own 市级 inspection is no level of the ledger's
        level = level_of(m.group("level"))
        if m.group("level") and _MIXED.search(masked[max(0, m.end("level") - 10):m.end("level")]):
            continue  # 中省环保督察, 中央和省环保督察: central and provincial at once, no one level
        rnd = _ordinal(m.group("r1") or m.group("r2"))
        batch = _ordinal(m.group("b1") or m.group("b2"))
        if m.group("plain") and not (level and (rnd or batch)):
            continue  # a bare 督察 names an inspection only after a level with its round or batch (第二轮省级督察)
        if level and not (rnd or batch) and (lead := _STAGE_BEFORE.search(masked, clause_start(masked, m.start(), LINE_CLAUSE_ENDS), m.start())):
            rnd, batch = _ordinal(lead.group("r")), _ordinal(lead.group("b") or lead.group("b2"))  # 这是第三轮第二批开展的中央…督察
        if batch and not rnd and _HANDED_OVER.match(masked, m.end()):
            batch = None  # 第十批中央生态环境保护督察交办件: the petitions' batch
        # 第N with a level and no 轮 is a group, with or without 组 after 督察 (中央第二生态环境保护督察交办…)
        group = number_value(m.group("group")) if m.group("group") and (m.group("zu") or level) else None
        group = group or (number_value(m.group("group2")) if m.group("group2") else None)
        if level and not (rnd or batch or group) and joint_before(masked, m.start()):
            continue  # 中央和省级环保督察…整改,省环保督察整改办…: the joint naming's, no one level
        if m.group("bare") and level is None and group and m.group("zu") and not (rnd or batch):
            _fill_group(out, filled, group, masked, m.start("group") - 1)  # 中央环保督察启动 第十督察组负责…: the group of the naming before
            continue
        approved = approved_by(masked, m.start()) if level is None else None
        if m.group("kind") and not (level or approved):
            continue  # 专项督察 / 例行督察 with no core words names an inspection only after its level (自治区专项督察)
        if m.group("bare") and not (level and (group or m.group("groups") or rnd or batch or glued_level(m))) \
                and (level or not (rnd or batch)):
            continue  # a bare 督察组 names an inspection only with its level and a number (省第三督察组, 湖南省第一批7个
            # “回头看”督察组) or glued to it (省督察组向…反馈), or completes the naming before it with a round or a batch
        # a frame of what came before (继…“回头看”之后,) qualifies no naming after it
        sentence = _masked(sentence_around(raw, m.start(), m.end()))
        sentence = sentence[max([f.end() for f in _FRAME.finditer(sentence) if f.end() <= sentence.find(masked[m.start():m.end()])] or [0]):]
        again = inspections_again(sentence, masked[m.start():m.end()])  # not a body's own 对…进行“回头看”
        special = bool(_SPECIAL.search(sentence))
        clause = clause_start(masked, m.start(), LINE_CLAUSE_ENDS)
        # the subject may stand before a time's clause (自治区从2019年8月底起,分2批对6个盟市开展了…督察): read from the sentence
        subject = (SUBJECT.search(masked, clause_start(masked, m.start(), SENTENCE_ENDS), m.start())
                   or LAUNCHER.fullmatch(masked, clause, m.start())
                   if level is None else None)
        if subject and (not out or out[-1].start < subject.start()):
            level = level_of(subject.group("level"))
        elif approved and (not out or out[-1].start < approved[1]):
            level = approved[0]
        elif m.group("bare") and level is None and not m.group("zu") and not (rnd or batch):
            continue  # a bare 督察“回头看” names an inspection only after a level acting as its subject (with a round or
            # a batch it completes the naming before it: …督察组对某省开展了第一轮督察“回头看”)
        if level is None:
            if group and m.group("zu") and not (rnd or batch) and _beside(out, group, masked, m.start()):
                out[-1] = replace(out[-1], group=None)  # …第四…督察组向A、第五…督察组向B…: two groups, no one
            elif out and (rnd or batch):  # "…督察组对四川省开展了第二轮生态环境保护督察"
                prev = out[-1]
                out[-1] = replace(prev, round=prev.round or rnd, batch=prev.batch or batch)
            continue
        qualifier = _QUALIFIER.match(masked, out[-1].start + len(out[-1].text)) if out and out[-1].level != level else None
        if qualifier and m.start() <= qualifier.end() < m.end("level"):
            out.pop()  # 中央环保督察整改省级专项督察组: the naming before qualifies this one's work, this one is the body
        if out and out[-1].level != level and _joined(masked[out[-1].start + len(out[-1].text):m.end("level")]):
            out.pop()  # 中央环保督察反馈问题和省环保督察反馈问题: two levels joined in one clause, so neither
            continue
        if group and out[-1:] and out[-1].level == level and _beside(out, group, masked, m.start()):
            out[-1], group = replace(out[-1], group=None), None  # 省第二…督察组进驻甲市、省第三…督察组进驻乙市
        group = group or _short_group(sentence)
        out.append(InspectionName(level, rnd, batch, group, again, special, original[m.start():m.end()],
                                  m.start()))
    out.extend(_counted(c, raw, original) for c in counted)
    out = _foreground(out, masked)
    # (a bare 督察 with no level before it names nothing: its round or batch completes the naming before, as _BARE_ROUND's)
    named = [(m.start(), m.end()) for m in _NAMING.finditer(masked) if m.group("level") or not m.group("plain")]
    for bare in _BARE_ROUND.finditer(masked):
        before = [i for i, n in enumerate(out) if n.start < bare.start()]
        if not before or any(start <= bare.start() < end for start, end in named):
            continue
        prev = out[before[-1]]
        out[before[-1]] = replace(prev, round=prev.round or _ordinal(bare.group("r")),
                                  batch=prev.batch or _ordinal(bare.group("b") or bare.group("b2")))
    out = [stated_after(n, masked) for n in out
           if n.level != "provincial" or not _NATIONAL.search(sentence_around(masked, n.start, n.start + len(n.text)))]
    titled = None if out else next((t for t in _TITLED_SPECIAL.finditer(masked) if t.group("zu") or not t.group("group")),
                                   None)
    if titled:  # a group's title ends in 专项督察组 (省委第十二…专项督察组); a launched one's in 专项督察 (省开展…专项督察)
        out.append(InspectionName(level_of(titled.group("level")) or "provincial", None, None,
                                  number_value(titled.group("group")) if titled.group("group") else None, bool(_AGAIN.search(titled.group(0))), True,
                                  original[titled.start():titled.end()], titled.start()))
    if not out and (report := _MINISTRY_AGAIN.search(masked)):
        out.append(InspectionName("central", None, None, None, True, bool(_SPECIAL.search(sentence_around(masked, report.start(),
                                  report.end()))), original[report.start():report.end()], report.start()))
    return out


def _beside(out: list[InspectionName], group: int, masked: str, at: int) -> bool:
    """Whether a group named at ``at`` stands beside the naming before it in its sentence with another group of its own
    (…第四…督察组向A市反馈、第五…督察组向B市反馈): two groups named together, so neither is the text's."""
    return bool(out) and out[-1].group not in (None, group) and not any(c in masked[out[-1].start:at] for c in SENTENCE_ENDS)


def _fill_group(out: list[InspectionName], filled: dict[int, int | None], group: int, masked: str, at: int) -> None:
    """A bare group (第十督察组, no level, not glued to a body's name: 市委第二督察组 is the city's) after the naming before
    it, within its paragraph: that naming's group; two different bare groups for one naming give it none."""
    if not out or _HAN.match(masked, at - 1) or "\n" in masked[out[-1].start:at] or at - out[-1].start > 80:
        return
    last = len(out) - 1
    if last in filled:
        if filled[last] != group:
            filled[last] = None
            out[last] = replace(out[last], group=None)
        return
    if out[last].group is None:
        filled[last] = group
        out[last] = replace(out[last], group=group)


def _foreground(out: list[InspectionName], masked: str) -> list[InspectionName]:
    """``out`` without the namings inside a background frame (在…的基础上,, 继…之后,) that another naming follows."""
    frames = [(f.start(), f.end()) for pattern in (_BACKGROUND, _FRAME) for f in pattern.finditer(masked)]
    return [n for n in out if not any(start <= n.start < end and any(o.start >= end for o in out)
                                      for start, end in frames)]


def _counted(m: re.Match[str], raw: str, original: str) -> InspectionName:
    """A group count's naming: provincial, nothing else stated but 回头看 / 专项 in its sentence."""
    sentence = _masked(sentence_around(raw, m.start(), m.end()))
    return InspectionName("provincial", None, None, None, bool(_AGAIN.search(sentence)), bool(_SPECIAL.search(sentence)),
                          original[m.start():m.end()], m.start())


def inspection_name(*texts: str | None) -> InspectionName | None:
    """The inspection the texts name (title first): the first naming decides the level; later
    namings of the same level fill in what it leaves unstated (round, batch, group)."""
    first: InspectionName | None = None
    for text in texts:
        for n in namings(text):
            if first is None:
                first = n
            elif n.level == first.level:
                filled = replace(first, round=first.round or n.round, batch=first.batch or n.batch,
                                 group=first.group or n.group, again=first.again or n.again,
                                 special=first.special or n.special)
                first = filled if filled.key() == first.key() else replace(filled, filled_from=(*first.filled_from, n.text))
    return first
