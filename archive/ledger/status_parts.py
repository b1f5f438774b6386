"""A status stated for a part of the tasks and for the rest (``archive.ledger.status`` asks these after its head):
after a part done, a clause about the rest that is on track or behind decides (已完成19项,其他整改任务正在推进 → on
track; a counted rest in hand then a counted rest not done, 正在整改5个,未整改2个, behind); a share below 100 % done is
a part (已完成70%); done and mostly done stated together are the weaker state.  The head reader is passed in
(``head_of``: the first status phrase of a text as (start, class order, class, wording))."""
from __future__ import annotations

import re
from collections.abc import Callable

from archive.ledger.clauses import clause_end, clause_start, sentence_end, sentence_start
from archive.ledger.status_words import ACTION as _ACTION
from archive.ledger.status_words import COUNT as _COUNT
from archive.ledger.status_words import HAN as _HAN
from archive.ledger.status_words import PERFECTIVE_WORK as _PERFECTIVE_WORK
from archive.ledger.status_words import PROGRESS_GRADE
from archive.ledger.status_words import PROGRESSIVE as _PROGRESSIVE
from archive.ledger.status_words import STAGE as _STAGE
from archive.ledger.status_words import WORK as _WORK
from archive.ledger.status_words import WORKS_SHARE_BEFORE as _WORKS_SHARE_BEFORE

Head = tuple[int, int, str, str]
HeadOf = Callable[[str], "Head | None"]

#: a later clause about the rest of the tasks (其余/其他/剩余…, or its own count: 42个项目正在按计划推进, 正在办理29项):
#: after a part done (已完成19项,其他整改任务正在推进) the plan is not done; the rest's state decides when it is on
#: track or behind
#: (…or a part named by a vague quantifier opening its clause, 一些…难点问题的整治工作在持续推进: set 47)
#: (…its count approximate too: 1400余个重点环境问题正有序整改, after a counted part solved: set 53)
_REST = re.compile(rf"(?:其余|其他|其它|剩余|剩下|余下|仅剩|尚余|另外?|还有|尚有|仍有|一些|部分|个别|少数)"
                   rf"|[^，,；;。]*?(?:{_COUNT}|\d+\s*(?:余|多)\s*(?:个|项|件|处|条|宗|家|座|户))")
#: a count done and a total stated before it (144个问题已完成24个: a part of the whole)
_DONE_COUNT = re.compile(rf"了?(?:整改)?{_COUNT}")  # (…已完成了24个 too)
_TOTAL = re.compile(_COUNT)
#: …or work in hand in a later clause of the sentence (已完成倒库,正在开展铺膜工作): a step done, the rest under way
#: (a close-out step in hand after the work is done, 已完成整改,正在组织验收 / 正在申请销号, leaves it done; only the
#: progressive's own item is that step: 正在进行数据整理、准备公示 is work in hand, r57a)
#: (…a part of the works as its subject, doing a stage or an act of the work: 已竣工,管网正在调试)
#: (…or a part named by 其中 with its own subject, whatever its verb: 其中…的供电线路正在申报架设, r58a)
_IN_HAND = re.compile(rf"(?:(?:目前|现在|当前|同时|并|现)?|其中[^，,；;。]{{1,20}}?(?=正在)|{_HAN}{{1,6}}?(?={_PROGRESSIVE}{_HAN}{{0,4}}?(?:{_STAGE}|{_ACTION}|{_WORK}|{_PERFECTIVE_WORK})))"
                      rf"{_PROGRESSIVE}(?![^，,；;。、]*?(?:验收|销号|公示|备案|审核|复核|评估))")
#: …or the next stage begun now (已完成了施工图设计…编制工作,现已发布招标公告; 现已进场施工): a step done, the work under way
#: (set 45; 现已进入验收阶段 is a close-out step, done)
#: (a stage's name in quotes may hold its own commas: 转入“监测，溯源，整治”阶段)
_QUOTED_NAME = r"[“\"「][^”\"」]{1,20}[”\"」]"
_NEXT_STAGE = re.compile(r"(?:(?:目前|现在|当前|现)已(?:经)?(?:发布|进入|启动|开工|进场|开始|挂网)"
                         # (…or turned to the next stage of the work, 转入“监测、溯源、整治”阶段; a stage of upkeep,
                         # 转入长效管理阶段, keeps what is done)
                         r"|(?:并|已|现已)?(?:转入|进入|迈入)(?![^，,；;。]*?(?:长效|巩固|常态|管护|运维|运营))"
                         rf"(?=(?:{_QUOTED_NAME}|[^，,；;。]){{1,16}}?阶段))"
                         r"(?![^，,；;。]*?(?:验收|销号|公示|备案|审核|复核|评估))"
                         rf"(?:(?:{_QUOTED_NAME}|[^，,；;。]){{1,16}}?阶段)?")
#: (parts counted side by side are clauses too: 完成整改并通过验收4项、正在整改1项)
_CLAUSE = re.compile(r"[，,；;、]")
#: (the rest may be counted in the next sentence, its state in a clause after its count: 已完成17项。…需完成2项整改任务,
#: 均达到序时进度)
_REST_CLAUSE = re.compile(r"[，,；;、。]")
#: (…the rest named not done yet, up to its clause's end or as the attribute of its count: 尚未完成、 / 未办结的)
_NOT_YET = re.compile(r"[^、，,；;。的]{0,6}?(?:[、，,]|的)")
#: the rest carried on (继续推进, 持续整改, 接续…整改推进, 继续抓好整改) …
_CARRIED_ON = re.compile(rf"(?<![将要需应])(?:继续|持续|接续)(?:{_HAN}{{0,3}}?)(?:推进|整改|办理|处置|实施|落实|推动|跟进)")
#: … with its not-done only the attribute of its noun (未完成任务, 未办结的2个问题)
_NOT_DONE_NOUN = re.compile(rf"的?(?:{_COUNT})?(?:整改)?(?:任务|问题|事项|项目|工程)")
#: a share below 100 % after a completion (土建已完成70%, 已累计完成总工程量的80%) is a part done, not the whole
_SHARE = re.compile(r"了?(?:总?(?:工程量|投资|工程|建设任务|进度)的?)?(?:约|近|超过|逾)?\d{1,2}(?:\.\d+)?%")
#: …its rate judged against the plan's target or pace for the date (整改完成率达到79%,超出计划目标19个百分点; 完成率低于序时
#: 进度): the pace decides
_AHEAD = re.compile(r"(?<![未没不])(?:超出|超过|高于|快于|低于|落后于|慢于|滞后于|达不到)了?(?:(?:计划|序时|时序|年度)(?:目标|进度)|时间进度)")


def _sentence(text: str, at: int = 0) -> str:
    """``text`` up to the full stop that ends the sentence holding ``text[at]``."""
    return text[:sentence_end(text, at)]


def _rest_state(rest: str, head_of: HeadOf) -> Head | None:
    """The head of a clause about the rest; when the rest finished a stage (剩余的…已完成拆除,正在进行放坡), a later
    clause of its sentence on track or behind says where it stands."""
    later = head_of(rest)
    # the rest carried on in its own clause (其余2项继续推进整改; its not-done named as the noun's attribute,
    # 2项未完成任务转入下阶段继续整改): on track, as the rest pushed on (持续推进17个); stated not done in its
    # predicate (其余2项未完成,将继续推进) it stays behind
    carried = _CARRIED_ON.search(rest, 0, _clause_len(rest))
    if carried and not (later and later[0] < carried.start() and later[2] != "behind"):
        named = later and later[2] == "behind" and _NOT_DONE_NOUN.match(rest, later[0] + len(later[3]))
        if later is None or later[0] >= carried.start() or named:
            return (carried.start(), 0, "on_track", carried.group(0))
    # the rest not done yet and in hand on its pace (未办结、正在按序时推进的有3件, 未办结的2件正在推进): on track; not
    # started as its predicate (尚未开工,正在推进) stays behind
    gap = _NOT_YET.match(rest, later[0] + len(later[3])) if later and later[2] == "behind" else None
    # (…not started named as its count's attribute, 未开工的30项前期工作正在有序进行, as not done is: the pace decides)
    if later and gap and (re.search(r"完成|办结|销号|到位|结案", rest[later[0]:gap.end()])
                          or ("的" in gap.group(0) and re.search(r"开工|启动|动工", rest[later[0]:gap.end()]))):
        pace = head_of(rest[gap.end():])
        in_clause = pace and not _CLAUSE.search(rest, gap.end(), gap.end() + pace[0])
        return pace if pace and in_clause and pace[2] == "on_track" and (pace[0] == 0 or "的" in gap[0]) else later
    if later is None or later[2] != "done":
        return later
    sentence = _sentence(rest)
    for clause in _CLAUSE.finditer(sentence, later[0]):
        stage = head_of(sentence[clause.end():])
        if stage and stage[2] in ("on_track", "behind"):
            return stage
    return later


#: the rest named, not counted: a relative clause closed by 的, then 为 / 是 and a name (尚未完成整改的分项问题为某项目;
#: …的问题为3个 counts the rest, still behind; alone, 未完成建设任务的县区为某县, a place named for missing it is behind)
_REST_NAMED = re.compile(r"[^，,；;。]{0,8}?的[^，,；;。]{0,10}?(?:为|是)(?![\d一二两三四五六七八九十]+\s*(?:个|项|件|处|家))")


#: the rest scheduled with its time limit, in its own clause (已依法关闭55家,其余38家将在7月底前全部关闭): parts done and
#: the rest set a date, on track (the rest with no limit, 其余将依法处理, leaves the part done)
#: (…or directed to be done in a set time, 其他问题要求限期整改完毕, 其余3家责令限期关停: set 44)
#: (…or worked back from its limit, 剩余任务村实行倒排工期, 其余项目挂图作战: set 46)
_REST_SCHEDULED = re.compile(rf"(?:其余|其他|其它|剩余|剩下)[^，,；;。]{{0,12}}?(?:(?:实行|实施|按照?|采取)?(?:倒排工期|挂图作战)(?!的)"
                             rf"|(?:(?:将|计划|预计|拟|力争|确保)"
                             rf"(?:于|在)?[^，,；;。]{{1,12}}?(?:前|内|底)|(?:要求|责令|督促)限期)(?:全部|全面|依法)?"
                             rf"(?:完成|完工|建成|竣工|{_WORK}|{_PERFECTIVE_WORK}|关闭|退出))")
#: …or the whole scheduled with its time limit after a counted part done (11家完成了改造。预计明年年底前,全面完成115家…):
#: the part done, the rest planned, on track (a completion not counted, 已全面完成整改,预计年底前完成验收, stays done)
_WHOLE_SCHEDULED = re.compile(r"(?:预计|计划|力争|争取|拟|将)(?:于|在|到)?[^，,；;。]{1,14}?(?:前|内|底)[，,]?将?"
                              r"(?:全部|全面|彻底|如期)?(?:完成|完工|建成|竣工|解决)")
#: …or, in the same sentence, the whole forecast done by its limit, the completion closing its clause with no object
#: (已完成清淤疏浚,…预计在年内全部完成): what was done is a part of the subject's work, on track (a later step named after the
#: verb, 预计年底前全部完成验收, is a close-out planned: what was done stays done)
_WHOLE_WORD = re.compile(r"全部|全面|彻底")


def _whole_ahead(compact: str, head: Head, scheduled: re.Match[str], at: int) -> bool:
    """Whether ``scheduled`` (a forecast completion with its limit, matched at ``at`` in ``compact``, after the done
    head in the same sentence) names the whole and closes its clause: the part done, the whole ahead."""
    end = at + scheduled.end()
    return bool(_WHOLE_WORD.search(scheduled.group(0)) and "。" not in compact[head[0]:at]
                and (end == len(compact) or compact[end] in "，,；;。"))


#: done or in hand stated as alternatives of one subject (已建成运营或正在建设): the weaker state, as 已完成或基本完成
#: (…or closed for a stage, 已办结或阶段办结3222件: as 已办结21件,阶段性办结2件, on track)
_OR_IN_HAND = re.compile(rf"{_HAN}{{0,4}}?或者?(?:(?:正在|仍在|尚在)(?:{_HAN}){{1,6}}|阶段性?(?:办结|结案|完成))")


#: after a step done, a later clause of its sentence saying the work itself is still to be done (已完成初步验收,仍需全面完成
#: 植被补植补种; 尚需拆除2处): the work goes on, not done (仍需巩固 / 加强监管 / 长期坚持 keep up what is done: set 39)
_STILL_NEEDED = re.compile(rf"(?:仍|还|尚)(?:需要?|须|要|待)(?:进一步)?(?:全面|全部)?"
                           rf"(?:完成|{_WORK}|{_PERFECTIVE_WORK}|补植|补种|实施)")


def rest_turns(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a part done, the head of a later clause about the rest when it is on track or behind; a share below
    100 % done (已完成70%) is a part, and the clause after it tells the rest's state."""
    alternative = _OR_IN_HAND.match(compact, head[0] + len(head[3]))
    if head[2] == "done" and alternative:
        return (head[0], head[1], "on_track", head[3] + alternative.group(0))
    sentence = _sentence(compact, head[0])
    needed = next((n for c in _CLAUSE.finditer(sentence, head[0]) if (n := _STILL_NEEDED.match(sentence, c.end()))), None)
    if head[2] == "done" and needed:
        return (needed.start(), 0, "on_track", needed.group(0))
    share = _SHARE.match(compact, head[0] + len(head[3])) or re.search(r"\d\s*[%％]$", head[3])
    part = _part_of_total(compact, head)
    for clause in _REST_CLAUSE.finditer(compact, head[0]):
        rest = compact[clause.end():]
        whole = _WHOLE_SCHEDULED.match(rest)
        if whole and head[2] == "done" and (re.search(_COUNT, compact[head[0]:clause_end(compact, head[0])])
                                            or _whole_ahead(compact, head, whole, clause.end())):
            return (clause.end(), 0, "on_track", whole.group(0))
        works = re.search(_WORKS_SHARE_BEFORE, rest[:_clause_len(rest)])  # (主体已完工,装修进度已完成30%: set 48)
        in_hand = _IN_HAND.match(rest) or _NEXT_STAGE.match(rest)
        if not (_REST.match(rest) or share or (compact[clause.start()] != "。" and (in_hand and head[2] == "done" or works
                                                                                    or part or _AHEAD.search(rest, 0, _clause_len(rest))))):
            continue
        later = _rest_state(rest, head_of)
        begun = _NEXT_STAGE.match(rest)
        if later is None and begun and head[2] == "done" and compact[clause.start()] != "。":
            return (clause.end(), 0, "on_track", begun.group(0))
        scheduled = _REST_SCHEDULED.match(rest, 0, _clause_len(rest))
        if later is None and compact[clause.start()] != "。" and scheduled:
            return (clause.end(), 0, "on_track", scheduled.group(0))
        if later and later[2] == "ongoing" and later[3] == "持续推进":
            return (later[0], later[1], "on_track", later[3])  # the rest pushed on (持续推进17个): on track
        if later and later[2] == "behind" and later[0] <= 1 and _REST_NAMED.match(rest, later[0] + len(later[3])):
            continue  # 13个…已整改完成12个,尚未完成整改的…为某项目: the rest named, not counted (set 9): the part done decides
        if later and later[2] == "on_track":
            # (…rest counted in hand, then a count behind: 已整改到位6个,正在整改5个,未整改2个 → behind, the weaker state)
            return behind_part(rest, later, head_of) or later
        if later and later[2] == "behind":
            return later
    return None


def _part_of_total(compact: str, head: Head) -> bool:
    """Whether the done head counts a part of a total its sentence states before it (144个问题已完成24个): a later
    clause of the sentence on track or behind (…,达到整改时序进度要求) then judges the whole's pace."""
    end = head[0] + len(head[3])
    done = re.search(rf"{_DONE_COUNT.pattern}$", head[3]) or _DONE_COUNT.match(compact, end)
    before = re.search(rf"{_COUNT}(?:均|都)?$", compact[sentence_start(compact, head[0]):head[0]])
    if done is None and before:  # (…the count before it: 在3626个问题中,1991个已完成整治)
        done, head = before, (head[0] - len(before.group(0)), *head[1:])
    total = _TOTAL.search(compact, sentence_start(compact, head[0]), head[0])
    return bool(done and total and re.sub(r"\D", "", done.group(0)) != re.sub(r"\D", "", total.group(0)))


#: a later clause's own subject before its phrase, up to 12 characters (…均已拆除生产设备,场地已基本清理到位; 规划已完成,沿江…
#: 修复工作已基本完工; a group closed by 的 is none)
_SUBJECT = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){1,12}")


def part_mostly_done(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a part done, a later clause of the same sentence stating a part mostly done (整改完成1个,基本整改完成1个),
    its own subject before it (设备已拆除,场地已基本清理到位), or about the rest (已完成12项,其余3项基本完成): done and mostly done stated together are the weaker state, as
    已完成或基本完成."""
    sentence = _sentence(compact, head[0])
    for clause in _CLAUSE.finditer(sentence, head[0]):
        later = head_of(sentence[clause.end():])
        if later and later[2] == "mostly_done" and (later[0] == 0 or _REST.match(sentence, clause.end())
                                                     or _SUBJECT.fullmatch(sentence, clause.end(), clause.end() + later[0])):
            return later
    return None


#: all the tasks or the work as a clause's subject (各项任务, 所有问题, 全部整改任务, 整体工作)
_ALL_TASKS = re.compile(r"(?:各项|所有|全部|整体|全面)[^，,；;。]{0,6}?(?:任务|工作|问题|项目|工程|整改)")


#: the tasks or a plan's targets completed in the perfective (实现了…规划的目标任务: r58a): the whole, as all the tasks
_TASKS_MET = re.compile(r"(?:完成|实现)了[^，,；;。]*?任务")


def all_done_after(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After work judged on track (进展顺利, 序时推进), a later clause of the sentence opened by all the tasks and
    stating them done (…进展顺利,各项任务全面完成) decides: the pace was judged on the way, the whole is done."""
    if head[2] != "on_track":
        return None
    sentence = _sentence(compact, head[0])
    for clause in _CLAUSE.finditer(sentence, head[0]):
        rest = sentence[clause.end():]
        later = head_of(rest)
        if later and later[2] == "done" and (_ALL_TASKS.match(rest) or _TASKS_MET.fullmatch(later[3])) \
                and later[0] < _clause_len(rest):
            return later
    return None


def behind_part(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a counted part on track (达到序时进度的10项, x项能按计划正常执行), a later clause with its own count that is
    behind (未达序时进度的1项, x项进度相对滞后): parts on track and behind stated together are the weaker state, as done
    and mostly done are.  An uncounted pace (整体按计划推进,个别项目滞后) is left as it reads."""
    if head[2] != "on_track":
        return None
    start = clause_start(compact, head[0])
    if not _TOTAL.search(compact, start, head[0] + len(head[3]) + 6):
        return None
    for clause in _REST_CLAUSE.finditer(compact, head[0]):
        rest = compact[clause.end():]
        if not re.match(rf"[^，,；;。]*?{_COUNT}", rest):
            continue
        later = head_of(rest)
        if later and later[2] == "behind" and later[0] < _clause_len(rest):
            return later
    return None


def _clause_len(text: str) -> int:
    return min((i for i in (text.find(c) for c in "，,；;、") if i >= 0), default=len(text))


#: a later clause's verdict that the completion closes a stage (…已完成整改,原则同意阶段整改完成; 确认阶段性完成): the
#: acceptance decides, on track (as 阶段性完成, sets 29 and 30; set 44)
_STAGE_VERDICT = re.compile(r"同意|确认|认定|视为|评定")


def stage_verdict(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a completion, a later clause of the same sentence accepting it as a stage's (原则同意阶段整改完成)."""
    sentence = _sentence(compact, head[0])
    for clause in _CLAUSE.finditer(sentence, head[0]):
        later = head_of(sentence[clause.end():])
        if later and later[2] == "on_track" and "阶段" in later[3] \
                and _STAGE_VERDICT.search(sentence, clause.end(), clause.end() + later[0]):
            return later
    return None


#: a progress table's row (its target, its progress, then its evaluation: 完成…61个。 | 已开工…44个已完成 | 正常推进 |):
#: the last cell, short and a status alone, is the row's evaluation and decides (set 45's 进度评价 column)
_CELL_SPLIT = re.compile(r"[|｜]")


def evaluation_cell(folded: str, head_of: HeadOf) -> Head | None:
    """The head of a table row's last cell when it is an evaluation (``正常推进``, ``已完成``, ``滞后``): at most eight
    characters, its status phrase at its start, the row holding at least two cells before it."""
    cells = [c for c in (c.strip(" 　。") for c in _CELL_SPLIT.split(folded)) if c]
    if len(cells) < 3 or len(cells[-1]) > 8:
        return None
    last = head_of(cells[-1])
    return last if last and last[0] == 0 else None


#: a campaign pushed on as the sentence's frame (持续推进“三山”整治行动, 持续开展…专项行动): its object a campaign, named by
#: 行动 / 攻坚战 / 保卫战 closing it
_CAMPAIGN_KEPT = re.compile(r"[^，,；;。]{0,16}?(?:行动|攻坚战|保卫战)[”\"」]?(?=[，,；;])"
                            # …or a counted programme of rounds or batches, its period after it (继续开展两轮督察6月至
                            # 7月中旬,已完成第一轮…: r54): the rounds are the frame, the later clause their status
                            r"|[^，,；;。]{0,8}?[\d一二两三四五六七八九十]+(?:轮|批)(?:次)?[^，,；;。\d]{0,6}?"
                            r"(?:督察|督查|检查|巡查|核查)[^，,；;。]{0,12}?(?=[，,；;])")


def campaign_results(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a campaign kept up as the frame of its sentence (2020年以来,…持续推进“三山”整治行动,…), the first later clause
    of that sentence stating its results (…复绿稳步推进 → on track; …已全部关闭 → done): the campaign is the frame, its
    results the status (set 47); a later kept-up duty leaves the frame's."""
    end = head[0] + len(head[3])
    frame = _CAMPAIGN_KEPT.match(compact, end)
    if head[2] != "ongoing" or frame is None:
        return None
    stop = sentence_end(compact, frame.end())
    later = head_of(compact[frame.end():stop])
    if later is None or later[2] == "ongoing":
        return None
    return (frame.end() + later[0], later[1], later[2], later[3])


#: the result a kept-up effort reached, in the clause right after it (持续加强…建设,取得了积极进展; 并取得阶段性成效): progress
#: made, on track (as 取得積極進展, set 48, and 取得了階段性成果, set 47); an aim before it (力争取得…) or a negation (尚未取得) is none
_PROGRESS_MADE = re.compile(rf"[，,](?:并|均|也)?(?:已(?:经)?)?取得了?(?:{PROGRESS_GRADE}的?进展"
                            r"|阶段性的?(?:成效|成果))")


def effort_results(compact: str, head: Head) -> Head | None:
    """After a kept-up effort (持续加强…), the next clause of its sentence stating the progress it made (…,取得了积极进展):
    the effort is the frame, its result the status (set 49; as ``campaign_results`` for a campaign)."""
    if head[2] != "ongoing":
        return None
    end = head[0] + len(head[3])
    comma = re.compile(r"[，,；;。]").search(compact, end)
    made = _PROGRESS_MADE.match(compact, comma.start()) if comma and compact[comma.start()] in "，," else None
    return (made.start() + 1, 0, "on_track", made.group(0)[1:]) if made else None


#: a part's work begun (部分企业已采取了整改措施, 一些点位已着手整治) and, in a later clause of its sentence, the rest
#: not yet finished (还有部分企业尚未完成彻底整改): the whole under way, no term said to have passed, on track (set 51's points
#: done with the rest under way, set 53); the rest overdue (逾期未完成, 未按期…) or the part done (已完成) is read as before
_PART_BEGUN = re.compile(r"(?:部分|一些|多数|大部分|大多数|个别)[^，,；;。]{0,12}?已(?:经)?(?:采取了?[^，,；;。]{0,6}?(?:措施|行动)"
                         r"|着手|启动|开始|开展了?)")
_REST_NOT_YET = re.compile(r"(?:还有|尚有|仍有|其余|其他|另有|剩余)(?:部分|一些|少数|个别)?[^，,；;。]{0,8}?尚未")


def begun_rest_pending(compact: str, head: Head) -> Head | None:
    """The deciding head, when it is 尚未 (not yet) about the rest and a part's work begun stands earlier in its
    sentence: on track (else None, the head stands; the head's offset may be a later clause's, so the rest is found
    again in ``compact``)."""
    if head[2] != "behind" or not head[3].startswith("尚未"):
        return None
    for rest in _REST_NOT_YET.finditer(compact):
        clause = clause_start(compact, rest.start())
        begun = _PART_BEGUN.search(compact, sentence_start(compact, rest.start()), clause)
        if clause == rest.start() and begun and not re.search(r"逾期|超期|按期|按时|如期|滞后", compact[clause:rest.end() + 8]):
            return (begun.start(), 0, "on_track", begun.group(0))
    return None
