"""What a behind phrase of ``archive.ledger.status`` is about rather than asserts: the kinds of case a check or a rule
names (针对进展缓慢、推进滞后等情形开展督查, 对…滞后等群众反映强烈的问题,实施督办), the cases a rule's sanction befalls
(对逾期未完成整改任务的要…问责); none of them when a finding (反馈, 指出, 发现 …) states them (pure functions)."""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_end, clause_start, sentence_end, sentence_start
from archive.ledger.limit_words import LIMIT_NOUN, NODE
from archive.ledger.status_parts import HeadOf
from archive.ledger.status_rules import late_case_rule
from archive.ledger.status_words import COUNT

#: a rectification not in place is behind as a finding (反馈 / 指出 / 发现 / 存在 … 整改不到位), not as a general remark
FINDING = re.compile(r"反馈|指出|发现|通报|存在|查出|检查出|公开|曝光|点名|举报|投诉|暴露")
#: the object of a topic preposition (针对 / 对于 / 聚焦 / 围绕 / 瞄准) and a list closed by 等 + a noun of kind
_TOPIC_PREP = re.compile(r"针对|对于|(?<![^，,；;。])对|聚焦|围绕|瞄准|重点(?:检查|督查|督察|关注)")
_KIND_AFTER = re.compile(r"(?:(?:、|或|和|及|以及)[^，,；;。的等]{1,16})*等[^，,；;。]{0,12}?(?:情形|情况|问题|行为|现象|方面)")


#: a sanction a rule promises (要…问责, 将…约谈, 一律…追责, 要予以通报曝光): what befalls the cases its topic names
_SANCTION = r"(?:问责|追责|责任追究|约谈|诫勉|处分|通报批评|严肃处理|追究|通报曝光|公开曝光|扣分)"
_RULE_SANCTION = re.compile(rf"(?:要|将|一律|必须|须|应|予以|坚决|严肃)[^。；;]{{0,30}}?{_SANCTION}")
#: …a modal or the future opening the sentence before the topic (本轮巡查结束后,将对…滞后的…进行约谈)
_RULE_MODAL = re.compile(r"(?:要(?!求)|将|一律|必须|须|应)[^，,；;。]{0,8}?(?:对于|对)$")
#: …or sanctions graded, the harsher after 甚至 / 直至 (减少投资规模,甚至暂停项目; 扣分直至取消资格: set 48): a scale a rule
#: sets, whatever the mood of its verbs
_GRADED = re.compile(rf"(?:甚至|直至|乃至|直到)(?:{_SANCTION}|暂停|取消|停止|收回|核减|扣减|削减|退出)")
#: …carried out (已约谈, 进行了约谈, 约谈了): a sanction done still finds the cases it befell
_CARRIED_OUT = re.compile(r"已|了")


_LISTED_KINDS = re.compile(r"(?:[^，,；;。的、]{0,12}?、)*?[^，,；;。的、]{0,12}?的")


def sanction_rule(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` is the topic of a rule's sanction (对 + the phrase + 的 …, then 要 / 将 … 问责 /
    约谈 in its sentence, or 将对 / 要对 before its topic): the rule says what befalls such cases, not that there are any
    (a sanction carried out, 对进展滞后的项目进行了约谈, still finds them).  A finding inside the topic under such a
    rule is a case supposed (对于督查中发现推进不力的,要予以通报曝光); a headless group opening its sentence with a sanction
    after its comma is a rule's condition too (未达到年度目标值的,按…进行扣分)."""
    if late_case_rule(compact, m):
        return True  # 对于进度缓慢的进行通报, …未开工项目亮红灯: the cases a rule is for (set 62 ✱, ``status_rules``)
    start = sentence_start(compact, m.start())
    end = sentence_end(compact, m.end())
    topic = max((t for t in re.finditer(r"对于|对", compact[:m.start()])), default=None, key=lambda t: t.end())
    # (…the 的 closing a list of such kinds: 对…发现的推动不力、举一反三落实不到位、未能按时…完成工作的相关单位)
    listed = _LISTED_KINDS.match(compact, m.end())
    closer = listed.end() - 1 if listed else -1
    if topic is None or topic.end() < start:
        return _headless_rule(compact, m, start, end)
    if closer < 0:
        return False
    sanction = re.search(_SANCTION, compact[closer:end])
    graded = _GRADED.search(compact, closer, end) and not _CARRIED_OUT.search(compact, closer, end)
    ruled = bool(graded or _RULE_SANCTION.search(compact, closer, end)) or bool(
        sanction and _RULE_MODAL.search(compact, start, topic.end())
        and not _CARRIED_OUT.search(compact, closer, closer + sanction.end() + 1))
    if FINDING.search(compact, topic.end(), m.start()):
        # (…found inside the topic only under a rule: 对于督查中发现推进不力、贻误工作的,要予以通报曝光)
        return ruled and bool(re.search(r"中(?:发现|查出)", compact[topic.end():m.start()]))
    return ruled


def _headless_rule(compact: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether ``m`` sits in a group with no noun opening its sentence (…的,) and a sanction follows its comma: a rule's
    condition (未达到年度目标值的,按实际完成值…进行扣分), none said to be so."""
    group_end = clause_end(compact, m.end())
    return clause_start(compact, m.start()) == start and compact[group_end - 1:group_end] == "的" \
        and compact[group_end:group_end + 1] in ("，", ",") and bool(re.search(_SANCTION, compact[group_end:end]))


#: a measure applied or carried out (已约谈, 进行了反馈, 予以提醒) to the group the topic names
_APPLIED = re.compile(r"已|了|予以|给予")
_DUTY_AHEAD = re.compile(r"要(?!求)|将|应|须|一律|必须")


def measure_applied(compact: str, m: re.Match[str]) -> bool:
    """Whether the shortfall ``m`` names the group (对 + the phrase + 的 …) a measure was applied to or carried out on,
    no modal in the sentence (督查组对督查中整改不到位的问题一一进行了反馈, 对…进展缓慢的包抓单位予以重点提醒): that narrates that
    such cases exist, behind (the settled ``status-88b05249``); with a modal it is a rule or a requirement."""
    start = sentence_start(compact, m.start())
    topic = max((t.end() for t in re.finditer(r"对于|对", compact[:m.start()])), default=-1)
    closer = compact.find("的", m.end(), m.end() + 12)
    if topic < start or closer < 0:
        return False
    rest = compact[closer:sentence_end(compact, closer)]
    return not _DUTY_AHEAD.search(compact, start, topic) and not _DUTY_AHEAD.search(rest) \
        and bool(_APPLIED.search(rest))


#: …a disclosure of the list as the predicate after it (对…存在…建设缓慢…等问题进行了披露): the problems' names in a report
#: made public, no state of their rectification (set 46)
_DISCLOSED = re.compile(r"(?:进行了?|予以|作了|做了)?(?:披露|公开披露)")


def topic_kind(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` names a kind of case in the object of 针对 / 对于 / 聚焦 … closed by 等 + a noun of
    kind (针对进展缓慢、推进滞后等情形开展督查), with no finding between them: what a check or rule is about; or, a
    finding between, disclosed as a list (对…存在…缓慢…等问题进行了披露)."""
    kind = _KIND_AFTER.match(compact, m.end())
    if kind and _DISCLOSED.match(compact, kind.end()):
        start = sentence_start(compact, m.start())
        return any(t.end() <= m.start() for t in _TOPIC_PREP.finditer(compact, start, m.start()))
    prep = _TOPIC_PREP
    if kind is None:  # …or a group named by 的 + its noun that a check looks at (重点针对进展严重滞后的问题进行现场检查)
        kind = _GROUP_CHECKED.match(compact, m.end())
        prep = _CHECK_TOPIC
    if kind is None:
        return False
    start = sentence_start(compact, m.start())
    topic = max((t.end() for t in prep.finditer(compact, start, m.start())), default=-1)
    return topic >= 0 and not FINDING.search(compact, topic, m.start())


#: (…the group's noun, then a check not carried out: 的问题进行现场检查, 的项目开展督查; 进行了检查 finds them)
_GROUP_CHECKED = re.compile(r"[^，,；;。的]{0,6}?的(?:问题|情形|情况|项目|地区|单位|企业|点位|地方)[^，,；;。了]{0,6}?"
                            r"(?:进行|开展|实施|组织)?(?:现场|专项|重点)?(?:检查|督查|督察|核查|督导|暗访|抽查|督办|排查|巡查)(?!了)")
_CHECK_TOPIC = re.compile(r"针对|聚焦|围绕|瞄准|紧盯|盯住|重点(?:检查|督查|督察|关注)")
#: a group with no noun closing its item (…,尚未完成的;): one of a list of conditions, no case said to be so
_CONDITION_ITEM = re.compile(r"[^，,；;。的]{0,4}?的\s*(?:[；;。]|$)")


def listed_condition(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` ends its item as a group with no noun (因违法受到处罚,被责令改正,尚未完成的;): a
    condition of a list (the cases a rule covers), no status."""
    return bool(_CONDITION_ITEM.match(compact, m.end()))


#: the words opening a condition (如未按期完成整改,将…追责; 企业若未整改到位,…; 一旦…; 只要…; not 如期, 如实, 若干, 例如 …):
#: ``conditional`` reads them opening a clause after a short subject, ``status_tallies`` at a clause's start
CONDITION = re.compile(r"如果|假如|倘若|假若|若(?!干)|一旦|只要|凡(?:是)?|(?<![例比诸假])如(?![期实下何此今同上果若:：])")


#: the consequence opening right after a condition's phrase in its clause (…未能按时完成将问责, …未整改到位的则…)
_CONSEQUENCE = re.compile(r"(?:的)?(?:将|则|就|便|即将|一律)")


def conditional(compact: str, m: re.Match[str]) -> bool:
    """Whether the phrase ``m`` sits in a condition (如 / 若 / 一旦 … opening its clause, a main clause after its
    comma) or in the main clause straight after one: what would follow from such a case, none said to be so."""
    clause = clause_start(compact, m.start())
    cond = CONDITION.search(compact, clause, m.start())
    end = clause_end(compact, m.end())
    if cond and cond.start() - clause <= 8 and (compact.startswith(("，", ","), end)
                                               or _CONSEQUENCE.match(compact, m.end(), end)):
        return True  # …or its consequence in the same clause, no comma between (如未能按时完成将问责…: set 43)
    # …or in the main clause straight after such a condition (如整改到位,予以销号; one with 已 reports: 一旦发现…立即整改,
    # 目前已全部完成)
    before = clause_start(compact, clause - 1) if clause > 1 and compact[clause - 1] in "，," else -1
    cond = CONDITION.search(compact, before, clause) if before >= 0 else None
    return bool(cond and cond.start() - before <= 8 and "已" not in compact[clause:m.end()])


def in_title(compact: str, at: int) -> bool:
    """Whether ``compact[at]`` is inside a document's title (《关于已完成整改任务验收销号的办法》): a name, no report."""
    opened = compact.rfind("《", 0, at)
    return opened >= 0 and compact.rfind("》", 0, at) < opened


#: a record or attribute the completion qualifies (整改完成情况统计表, 完成时限, 完成整改的标志, 完成整改后5个工作日内):
#: the noun is the head, the completion states nothing (a report's 已 keeps it: 已完成整改的时间为…)
_RECORD_NOUN = re.compile(rf"的?(?:情况|{LIMIT_NOUN}|时间|日期|{NODE}|标准|标志|条件|清单|名单|统计|报告|材料|证明|公示|台账|一览表)"
                          # …or the event a relative limit counts from (完成整改后5个工作日内报送)
                          r"|[^，,；;。]{0,8}?(?:之|以)?后\s*(?:[\d一二三四五六七八九十两]+\s*个?(?:工作日|日|天|周|月)\s*内|方可|才能?|再"
                          # (…or a time clause before a procedure's step: 完成整改后,由县级组织验收; 完成整改后将组织验收)
                          r"|[，,]?(?:由|经|报|向|申请|提交|组织|方可|可|再|将"
                          # (…or a rule on what follows it: 完成整改后不得擅自拆除, 整改完成后要防止反弹)
                          r"|不得|不能|严禁|禁止|不准|要|应|须|需))"
                          # …or the completion as the subject of a copula (完成整改是销号的前提)
                          r"|是(?!否)")


def qualifies_a_record(compact: str, m: re.Match[str]) -> bool:
    """Whether the completion ``m`` only qualifies a record noun or dates a relative limit (see ``_RECORD_NOUN``)."""
    return "已" not in m.group(0) and bool(_RECORD_NOUN.match(compact, m.end()))


#: a part done, counted or as a share, limited by 仅 / 只 (目前仅完成40%, 只办结3件) …
#: (…by any verb that ends the work, 仅竣工5项, 只建成2座, 仅整改完成3个)
_ENDING = r"(?:整改|办理|处置)?(?:完成|办结|到位|完毕)|销号|完工|竣工|建成|投运|关停|拆除|取缔|搬迁"
#: (…its object between the verb and the part, a short phrase without a number: 仅完成一期工程50%的任务, 只完成某湖区
#: 40公顷; a measured amount counts as a part: 公顷, 亩, 米, 公里)
ONLY_PART = re.compile(rf"(?:仅|只)(?:{_ENDING})了?(?:[^，,；;。\d%％]{{1,10}}?)?(?:约|近)?"
                       r"(?:\d+(?:\.\d+)?\s*[%％]|[\d一二三四五六七八九十两]+\s*(?:个|项|件|处|家|条|座|宗|户|段|台)"
                       r"|\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:公顷|亩|平方米|平方公里|公里|千米|米|立方米|吨))")
#: …after what was due is stated in its sentence (原定…完成的任务, 应完成15项, 应于6月底前竣工的15项, 年度计划…):
#: short of it, behind
_DUE = re.compile(rf"原定|原计划|按计划应|(?:应(?:当|该)?|需要?|计划|要求)(?:于?[^，,；;。]{{1,14}}?(?:前|内))?(?:{_ENDING})"
                  r"|年度(?:目标|任务|计划)")
#: …or the rest said not begun after it (仅完成一期工程50%的任务,其余三期工程仍在规划阶段; 其余正在施工 is no shortfall)
_REST_UNBEGUN = re.compile(r"[，,；;](?:其余|其他|其它|剩余|剩下)[^，,；;。]{0,12}?(?:仍|尚|还|均)(?:处于|停留在|在)?"
                           r"(?:规划|设计|前期|论证|筹备|谋划)(?:阶段)?|[，,；;](?:其余|其他|其它|剩余|剩下)[^，,；;。]{0,12}?"
                           r"(?:尚未|仍未|还未|均未)(?:开工|动工|启动|实施)")


def short_of_due(compact: str, at: int) -> bool:
    """Whether a part done limited by 仅 / 只 starts at ``compact[at]`` in a sentence that states what was due before
    it (原定2020年底完成的任务,目前仅完成40%), or that says the rest not begun after it: behind (README: 仅完成5项 of
    15 due)."""
    part = ONLY_PART.match(compact, at)
    if not part:
        return False
    return bool(_DUE.search(compact, sentence_start(compact, at), at)
                or _REST_UNBEGUN.search(compact, part.end(), sentence_end(compact, part.end())))


#: a limited subject or amount: 仅 / 只 / 才 (+ 有 / 为 / 占) + a count, a share or a few (仅有3个项目完工, 只有一半的任务完成,
#: 17个问题中仅有4个整改到位, 消除比例仅为35.7%): what follows is a part, never the whole done (不仅 / 不只 are "not only";
#: a span of time, 仅用3个月就完成, is no part)
LIMITED_PART = re.compile(r"(?<!不)(?:仅|只|才)(?:有|为|占|达到?)?(?:约|近)?"
                          r"(?:\d+(?:\.\d+)?\s*(?:[%％成]|(?:个|项|件|处|家|条|座|宗|户|段|台|所|批))"
                          r"|[一二两三四五六七八九十百]+\s*(?:成|个|项|件|处|家|条|座|宗|户|段|台|所|批)|一半|少数|极少数|小部分)")
#: the situation judged severe or worrying (形势严峻, 形势依然不容乐观): behind only after a limited part in its sentence
#: (…仅有10段,消除比例为35.7%,形势严峻); alone it is a general remark (当前形势依然严峻,要…), no status
SEVERE = r"形势(?:依然|仍然|仍|十分|非常|较为|相当|更加|更为|极为|异常)?(?:严峻|不容乐观)"


def severe_after_part(compact: str, m: re.Match[str]) -> bool:
    """Whether the severity judgement ``m`` follows a part limited by 仅 / 只 in its sentence (see ``SEVERE``)."""
    return bool(LIMITED_PART.search(compact, sentence_start(compact, m.start()), m.start()))


#: a phrase inside quotes closed before a noun of kind (“河长巡查流于形式”问题, “整改不到位”等现象) is a problem's name
_QUOTE_CLOSED = re.compile(r"[^“”「」『』，,；;。]{0,8}?[”」』](?:等)?的?(?:问题|现象|行为|情况|情形)")


def quoted_name(compact: str, m: re.Match[str]) -> bool:
    """Whether the phrase ``m`` is inside a quoted problem name (see ``_QUOTE_CLOSED``): what was found, named; when the
    sentence goes on to state a status (…问题已完成整改) that one decides (指出“…严重滞后”问题 alone is the finding)."""
    opened = max(compact.rfind(q, clause_start(compact, m.start()), m.start()) for q in "“「『")
    return opened >= 0 and max(compact.rfind(q, opened, m.start()) for q in "”」』") < 0 \
        and bool(_QUOTE_CLOSED.match(compact, m.end()))


#: a later clause opened by a verb of aiming at a trend (持续改善…, 推动…再上台阶, 不断提升…) or by a time limit
#: (…,2020年底前城市污水处理率达到95%)
_GOAL_CLAUSE = re.compile(r"[，,；;](?:持续|不断|进一步|推动|促进|推进|加快|实现|确保|力争|努力|切实"
                          r"|(?:到|至)?(?:19|20)\d{2}\s*年[^，,；;。]{0,6}?(?:前|底))")
#: a sentence opened by a directive with no subject (加快推进…, 加强…, 全面推进…): its bare verbs are measures
_DIRECTIVE_OPENING = re.compile(r"(?:加快|加强|加大|全面推进|深入推进|扎实推进|积极推进|推进|推动|深入|严格|强化|抓好|做好)")


def goal_list(compact: str, m: re.Match[str]) -> bool:
    """Whether the completion ``m`` is a plan's goal or measure listed: it opens its sentence with no subject and no
    已 and a later clause aims at a trend or a time limit (全面完成…整改落实,持续改善生态环境质量,推动…再上台阶), or it
    opens a later clause of a sentence opened by a directive (加快推进污水管网建设,完成雨污分流改造50公里)."""
    start = sentence_start(compact, m.start())
    if "已" in m.group(0):
        return False
    if m.start() == start:
        return bool(_GOAL_CLAUSE.search(compact, m.end(), sentence_end(compact, m.end())))
    return m.start() == clause_start(compact, m.start()) and bool(_DIRECTIVE_OPENING.match(compact, start))


#: the problem as found, under its label (问题描述:…, 问题表现:…): no rectification's state (README: the problem as the
#: inspectors found it)
PROBLEM_LABEL = re.compile(r"^\s*(?:问题(?:描述|表现|内容|概况|简述)|主要问题|具体问题)\s*[:：]")
#: a progress cell that is 100 % (整改进展:100%, 完成进度：100％): done
PROGRESS_FULL = re.compile(r"^\s*[\u4e00-\u9fff]{0,6}(?:进展|进度|完成比例|完成率)(?:情况)?\s*[:：]?\s*100(?:\.0+)?\s*[%％]\s*[。]?\s*$")


#: the tasks a rate below 100 % is of, named before it in its sentence (…3294项整改任务,总体完成率达到95%, 治理任务分别完成82.9%)
#: (…or problems counted, 发现的8924个各类环境问题,整改完成率为83.7%: set 43; petitions, 信访件办结率, are none)
_RATE_SUBJECT = re.compile(rf"任务|工程|项目|{COUNT}[^，,；;。]{{0,10}}?问题"
                           # (…or counted things straight before the rate or share of them, 2914个黑臭水体消除比例: r56a)
                           rf"|{COUNT}[\u4e00-\u9fff]{{1,8}}(?<!信访件)(?<!举报件)(?<!投诉件)(?<!信访)(?<!举报)(?<!投诉)$")


def rate_of_tasks(compact: str, m: re.Match[str]) -> bool:
    """Whether the rate or share ``m`` below 100 % states the tasks' completion (set 33, set 36: nothing said of the
    rest, done): the tasks named before it in its sentence, no part limited by 仅 / 只 before it and no severity judged
    after it (…仅有3个项目完工,完成率为30%,形势十分严峻).  A bare rate (完成率60%, 信访件办结率为95%) states none."""
    start = sentence_start(compact, m.start())
    return bool(_RATE_SUBJECT.search(compact, start, m.start())) and not (
        LIMITED_PART.search(compact, start, m.start())
        or re.search(SEVERE, compact[m.end():sentence_end(compact, m.end())]))


#: the topic 对 … 的 + its noun closing its clause (对个别整改不力的违规项目,)
_GROUP_TOPIC = re.compile(r"[^，,；;。]*?的[\u4e00-\u9fff]{0,8}[，,]")
#: a push on announced or required (督促其加快整改, 抓紧推进, 尽快整改到位)
_PUSH_ON = re.compile(r"(?:加快|抓紧|尽快|加紧)(?:推进|整改|落实|完成)")


def pushed_on(compact: str, m: re.Match[str]) -> bool:
    """Whether the cases named by ``m`` (对…整改不力的项目,) are the object of a topic 对 opening the sentence and the
    clause after the topic pushes them on (将督促其加快整改)."""
    start = sentence_start(compact, m.start())
    topic = _GROUP_TOPIC.match(compact, start) if compact.startswith("对", start) else None
    if topic is None or topic.end() <= m.end():
        return False
    return bool(_PUSH_ON.search(compact, topic.end(), clause_end(compact, topic.end())))


#: the cases a push or a follow-up kept up is for, named by a behind attribute of their noun in its clause (持续跟踪督促…
#: 反映的未整改到位事项): the settled rule that pushing such cases on names them behind (sets 24, 25; set 46)
_FOLLOWED = re.compile(r"跟踪|跟进|督促|督办|推进|盯")
_CASE_NOUN = re.compile(r"[^，,；;。的]{0,4}?的?(?:整改)?(?:事项|问题|任务|项目|工程|案件)")


def follows_behind_cases(compact: str, m: re.Match[str], head_of: HeadOf) -> bool:
    """Whether the kept-up phrase ``m`` pushes on or follows cases its clause names behind by an attribute of their
    noun (持续跟踪督促未整改到位事项): the behind cases are what it states."""
    if not _FOLLOWED.search(m.group(0) + compact[m.end():m.end() + 4]):
        return False
    end = clause_end(compact, m.end())
    later = head_of(compact[m.end():end])
    return bool(later and later[2] == "behind"
                and _CASE_NOUN.match(compact, m.end() + later[0] + len(later[3])))


#: the task ahead judged heavy (治理任务十分艰巨, 任务依然繁重) after a not-yet in its sentence: the need the task faces
#: (…仍有2000多平方公里沉陷区尚未得到治理,…任务十分艰巨: set 48), no plan's progress
_TASK_WEIGHT = re.compile(r"任务(?:十分|非常|相当|依然|仍然|更加|更为|较为)?(?:艰巨|繁重)")


def need_ahead(compact: str, m: re.Match[str]) -> bool:
    """Whether the behind phrase ``m`` states the need before a task its sentence goes on to judge heavy: a thing not
    yet treated (尚未得到治理, 未被修复), the work's object, not a task not done (尚未完成整改,…任务依然繁重 is behind)."""
    return bool(re.match(r"(?:得到|获得|被|受到)", compact[m.end():])
                and _TASK_WEIGHT.search(compact, m.end(), sentence_end(compact, m.end())))
