"""A reported status by its head verb: the grammar of 整改进展 wordings (pure functions).

``status_class`` files a wording under ``done``, ``mostly_done``, ``on_track``, ``behind``, ``ongoing`` or
``other`` by the status phrase that starts first in it (its head), built from word classes:

* **done** — 已 / 已经 (or a plain 全部, 均) + manner (按期, 按时, 提前 …) + a completion verb (完成, 办结, 到位) or a
  verb phrase closed by a result complement (办结, 完毕, 干净, 到位, 销号, 清零: 全部反馈办结, 已打捞清理完毕,
  全部销号, 已全部查清, 已处置结束) or a terminal verb, a manner before it (已拆除, 已依法关停, 已移出…名录, 已通过省级验收,
  已闭环, 已结束, 已全部实现进驻); a completion verb with
  the count it completed (完成39项, 办结7件, 办结并通过验收26件); 已于 + a day + the completion; 完成整改 / 整改完毕 /
  全面完成 stated; all handled in the perfective (均按要求进行了调查处理); the rectification's requirement reached
  (已达到整改要求, 整改达到督办要求); a completion rate of 100 % (办结率达到100%); a passive result of counted things
  or of all (1200座电站得到全面整改, 均得到妥善处理); a completion before a producing verb (完成编制《…》); a revoking
  verb after 已 (已收回, 已吊销).  A completion claimed falsely (虚报整改完成) is none.  A hand-over verb is not the work (已全部交办到位 is
  delivered, not done), nor is a part (仅整改到位3个) or a stage (已阶段性办结);
* **mostly_done** — 基本 / 大部分 before a completion verb (已基本办结, 基本完毕), 主体工程已完工, 已完成主体建设; done and mostly done stated
  together, the weaker state (已完成或基本完成);
* **on_track** — the progressive aspect: 正在 + any verb (正在装修中), 正 / 仍在 / 尚在 + an action verb or a project's stage
  (正组织…清理, 仍在招标); 序时 / 按(照)计划 / 按时间节点 /
  稳步推进; progress judged smooth (进展顺利, 进度正常, 推进有序) or the work going on in a judged manner (均正常推进,
  顺利实施), progress made by the tasks or the rectification (其余6个问题均取得明显进展); work sped up or pushed on, reported after a subject or a
  connective (并加快推进…; a directive opens its clause, 加快推进…, unless it counts its items, 加快推进整改6项, and a
  modal makes a plan, 还要扎实推进);
* **behind** — negation of completion, built as 未 / 没有 + a manner + a verb of the work + its result or a stage of the
  works (未完成, 尚未, 没有按期整改到位, 未全部销号, 未开工, 没有达到序时进度, 未达预期目标), 滞后, progress judged slow or 落后
  (进度慢, 进展缓慢), the work judged slack (治理抓得不紧, 成效打折扣; not a pledge, 不打折扣), a shortfall (预计仅能完成45%), a rate or the progress below the average or the set pace (办结率…落后于全省平均水平), a rectification
  found not in place (反馈…存在…整改不到位; a general remark, 仍有一些地方整改工作不到位, is none); work stalled
  (项目被搁置, 停滞; not 不得搁置); the work judged by its subject and an evaluation (态度消极, 措施不力, 工作不严不实,
  计划年年落空), problems left unsolved (长期得不到解决), none done (几乎无一按时完成), not when guarded against (严禁…);
  overdue (办理超期1件, 3件逾期, 已超过整改期限), off the time however named (未按要求时间开展…, 未按整改时限完成; late
  reporting, 未按时报送, is other), a gap to the target or pace (与全年目标有较大差距; 缩小…差距 is none);
* **ongoing** — a kept-up duty: 长期坚持, 持续 / 常态化 + an action verb (持续开展…排查, 持续办好…专栏), not a future
  one (将持续…).

A phrase governed by an aim, a requirement, a directive, a modal of duty or the future in its clause (确保…推进,
规定…完成整改, 要抓紧完成, 企业应完成整改, 各地将有序推进; a kept-up duty stays one after a modal: 需长期持续整改), or set for a
time limit straight before it without an 已 in its clause (2020年底前完成整改; 已于2019年底前整改到位 reports it),
督促…整改到位, the degree sought: 全面彻底整改到位) states no status, nor does work pushed on or kept up as the purpose
of measures taken (对…问题采取措施持续推进整改; 已采取措施… reports them), nor one in a clause opened by 并 after an aimed
one (彻底整改,并持续巩固成果) or after an aim with only its manner phrase (确保按…的时间节点,全面完成…); a relative clause closed by 的 ends the aim, and an 已 after it states a status
again (计划2017年完成的46项基本完成, 要求完成整改的问题已全部完成), a manner phrase's 的 does not (务必按…明确的措施
全部落实到位); a phrase closed by 的 that a duty follows names the group the duty is for (已完成整改的要抓紧销号).
After 但 the wording turns when its main clause states a status; when it states none the concession's status stands
(虽然整改工作有序推进,…但成效并不稳固 → on track).  A later clause
stating the present (…开工建设,目前主体工程已完工) decides over the history before it; after a part done, a clause
about the rest (其余… / a clause with its own count, after a comma or 、: 已完成550项,正在办理29项) that is on track
or behind decides, also when the rest is counted in the next sentence (已完成17项。…需完成2项,均达到序时进度); the rest
pushed on (整改完成54个,持续推进17个) is on track; so are a step done then work in hand (已完成倒库,正在铺膜; a close-out
step, 正在组织验收, leaves it done) and the rest closed for a stage (已办结21件,阶段性办结2件).  A kept-up duty closed by 的 before a noun (需要长期坚持的问题) is an attribute: a later phrase of its clause decides
(…的问题正按序时推进 → on track).  A result or pace the clause brings about or safeguards (推动…得到妥善处置,
为保障…正常实施) is a purpose, no status.  A later result after the
supervision (…进展缓慢,经督办后…全部完工) decides over the history before it.
Text under a heading of measures or plans (重点措施, 下一步工作打算) is no status.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from archive.ledger.clauses import STOP_ENDS, clause_end, clause_start, sentence_end, sentence_start
from archive.ledger.lead_in import closed_gaps, without_lead_in
from archive.ledger.status_aims import AIM, MODAL_AIM, aimed
from archive.ledger.status_aspect import CLASSES as _CLASSES
from archive.ledger.status_attributes import (
    asked,
    class_list,
    done_attribute,
    named_problem_closed,
    project_verdict,
    sampled_attribute,
    works_share,
)
from archive.ledger.status_behind import SHAM
from archive.ledger.status_parts import (
    all_done_after,
    begun_rest_pending,
    behind_part,
    campaign_results,
    effort_results,
    evaluation_cell,
    part_mostly_done,
    rest_turns,
    stage_verdict,
)
from archive.ledger.status_phrases import LAST_CELL
from archive.ledger.status_progress import progress_after_effort
from archive.ledger.status_remainder import rest_expected
from archive.ledger.status_shares import majority_solved, spent_then_judged
from archive.ledger.status_tallies import narrated
from archive.ledger.status_topics import (
    FINDING,
    LIMITED_PART,
    ONLY_PART,
    PROBLEM_LABEL,
    PROGRESS_FULL,
    SEVERE,
    conditional,
    follows_behind_cases,
    goal_list,
    in_title,
    listed_condition,
    measure_applied,
    need_ahead,
    pushed_on,
    qualifies_a_record,
    quoted_name,
    rate_of_tasks,
    sanction_rule,
    severe_after_part,
    short_of_due,
    topic_kind,
)
from archive.ledger.status_words import EVALUATION as _EVALUATION
from archive.ledger.status_words import HAN as _HAN
from archive.ledger.status_words import SHORT as _SHORT
from archive.ledger.status_words import TASK_MET
from archive.script_fold import for_reading
from archive.timeliness.dates import fold_digits

logger = logging.getLogger(__name__)

STATUS_CLASSES = ("done", "mostly_done", "on_track", "behind", "ongoing", "other")

#: a prohibition or a guard before a behind phrase makes it what is to be avoided (严禁工作走过场, 防止进度滞后)
_PROHIBIT = re.compile(r"严禁|不得|杜绝|防止|避免|禁止|不准|不允许|不许|决不|绝不|切忌|力戒|以免|纠正|克服|反对"
                       r"|不能|不要|不可|不搞|不应|严防|防范|警惕|查处|问责")
#: …and before a completion or progress (不能以整改完成代替销号, 不得以…为由): a rule, no report (不得不 is none)
_FORBIDDEN = re.compile(r"不能|不得(?!不)|严禁|禁止|不准|不许|不要|不可|杜绝|防止|避免|切忌|以免")
#: (…a kind of conduct named by it, a list of them closed by 的 or 等: 出现表面整改、虚假整改的行为, 走过场、敷衍整改等问题)
_NAMED_KIND = re.compile(r"(?:(?:、|或|和|及)[^，,；;。、的等]{1,16})*(?:的|等)")

#: a label before the wording ("整改进展情况:") is not the status; after 但 / 但是 the wording turns
_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:情况|进展|状态)\s*[:：]")
#: …or a close-out's heading on its own line, its list item before it (五、整改完成情况\n完成。: set 45)
_HEADING_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])?\s*"
                           r"[\u4e00-\u9fff]{0,10}(?:情况|进展|状态)\s*\n(?=\s*\S)")
#: a list item's label before the wording ("1." "2、" "(一)" "一、") is not part of it
_ITEM = re.compile(r"^(?:\d{1,2}\s*[.．、)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
#: a heading of measures or plans on its own line (三、重点措施, 下一步工作打算): what follows is no status
_PLAN_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])?\s*"
                           r"[\u4e00-\u9fff]{0,8}(?:措施|举措|做法|打算|计划|安排|思路)\s*[:：]?\s*\n")
_BUT = re.compile(r"但(?:是)?|然而")
#: a later clause that states the present (…开工建设,目前主体工程已完工): it decides over the history before it
_NOW = re.compile(r"[，,；;。](?:(?:截至|截止)?(?:目前|当前|现阶段|现在)|(?:经过?[^，,；;。]{1,8}?|此|随)后)[，,]?")
#: measures taken to push work on or keep it up (采取措施持续推进整改) name what they are for, a plan, not its progress
#: (已采取措施… reports them; a completion after them, 采取措施完成整改, reports its result)
_PURPOSE = re.compile(r"(?<!已)(?<!已经)采取[^，,；;。]{0,4}?(?:措施|举措|办法)(?:[^，,；;。]{0,12}?)$")
#: a kept-up act as the means a clause opens with (通过持续督导检查…,使…明显降低; 经过长期治理): what brought a result about, no
#: state of work (set 49)
_MEANS = re.compile(r"(?:通过|经过|依靠|借助)[^，,；;。]{0,4}$")
#: a phrase closed by 的 that a duty follows names the group the duty is for, no state (已完成整改的要抓紧销号,
#: 正在整改的问题要确保序时进度)
_GROUP_FOR_DUTY = re.compile(r"[^，,；;。的]{0,8}?的[^，,；;。]{0,6}?[，,]?(?:要(?!求)|应当?|须|需要?|必须|务必|一律"
                             r"|(?:予以|给予|不予)(?!销号|办结|结案))")  # (进展顺利的,予以表扬)
#: a persistence adverb before 不到位 (整改仍不到位, 工作还不到位) states the work still short: behind without a finding
_STILL = re.compile(rf"(?:仍然|依然|依旧|仍|还|尚)(?:存在)?不{_SHORT}$")
#: …as does a list of such predicates (整改不彻底、不全面、不到位), a relapse after it (整治不彻底,死灰复燃现象还存在) or a
#: finding's enumerator opening its sentence (一是…整治不彻底); named as a kind (不彻底的) it is none
_SHORT_LISTED = re.compile(rf"[、，,]?不(?:{_SHORT}|力|实|严|够|细)|[^。；;]{{0,12}}?(?:死灰复燃|反弹|回潮|复发|(?:仍|还|依然|仍然)存在)")
_ENUMERATOR = re.compile(r"\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|[（(][一二三四五六七八九十\d]+[)）])")
#: a kept-up duty before a category word (“长期坚持”类, 长期坚持型) names a category of tasks, no state; before a task
#: noun (长期整改任务正在推进, 长期类问题已完成) an attribute: a later phrase of its clause is the predicate
_CATEGORY = re.compile(r"[”\"」’']?(?:类|型)(?!似)")
_KIND_NOUN = re.compile(r"(?:整改|治理)?(?:任务|问题|事项)")
#: (…unless the group it names is counted straight after its 的: 正在整改的还有两家, 正在办理的有3件)
#: (…a class's label in brackets between: 正在解决的(B类)共11件)
_REST_COUNTED = re.compile(r"(?:[（(][^（()）]{1,6}[)）])?(?:还|仍|尚)?(?:有|共|计|为)?[\dxX一二两三四五六七八九十百]+\s*"
                           r"(?:个|项|件|处|条|家|座|户)")
#: a progressive closed by 的 is an attribute of the noun after it (正在进行的督查, 正在开展的专项行动)
_ATTRIBUTIVE_PROGRESSIVE = re.compile(r"(?:正在|正|仍在|尚在|还在)")
#: an escalation after a shortcoming (…不到位,甚至…) asserts it
_ESCALATED = re.compile(r"[，,、]?甚至(?:还|出现|存在|有)?")
_VAGUE = re.compile(r"有|一些|部分|个别|某些|少数|多数|不少|[各每]")
#: what finds a sham rectification: a finding's verb, or its occurring (出现, 仍有, 还有, 甚至有)
_SHAM_FOUND = re.compile(rf"{FINDING.pattern}|出现|[仍还]有|甚至有")
#: a time limit straight before a phrase (2020年底前 / 6月30日前 / 年内 / 30日内 + 完成整改) makes it what is set for then
_BY_LIMIT = re.compile(r"(?:[年月日号底末度旬](?:以|之)?前|[年月日天度]内)(?:全面|全部|如期|按期|按时|提前|超额)?$")
_AIMED_CLASSES = ("done", "mostly_done", "on_track", "ongoing")
#: a clause that is only 到 / 至 + a time (到2021年底, 到“十四五”末; not a past one, 到去年年底), or only a limit
#: (2023年底前, 6月底前, 年底前): a completion opening the next clause with no subject, or with its counted one
#: (2023年底前,10个项目建成投用), is its target (as a plan's dated clause sets a deadline); a forecast or a plan's word and
#: a year named relative to the page's may open it (预计明年年底前, 力争今年6月底前)
_TARGET_TIME = re.compile(r"(?:^|[，,；;。:：])(?:(?:预计|计划|力争|争取|拟|将|确保)(?:于|在)?)?(?:今年|明年|本年|当年|次年)?"
                          r"(?:(?:到|至)(?!去年|上年|前年)[^，,；;。]{1,12}?(?:年|月|日|底|末|期)(?:前|时)?"
                          r"|(?:在|于)?(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末)?|(?:年|\d{1,2}\s*月)\s*(?:底|末))"
                          r"(?:以)?前)[，,]$")
#: a topic 对 … 的 (+ its noun) closing its clause names the group what follows is for, no state reached (对已整改的,
#: 开展“回头看”); tasks named as behind there are behind (对尚未整改到位的,…: README set 9)
_TOPIC_END = re.compile(rf"[^，,；;。]*?的{_HAN}{{0,8}}[，,]")
#: a limiting adverb makes a completion a part (仅整改到位3个, 只完成2项), 阶段性 a stage (已阶段性办结): no done head
#: a manner of speed or care straight before a bare completion (快速、稳妥整改到位, 尽快完成, 限期整改到位): the way
#: sought, a method or a directive, no status
_MANNER_SOUGHT = re.compile(r"(?:尽快|尽早|快速|迅速|稳妥|立即|马上|限期|及时)[、，,和及]?(?:稳妥|有效|彻底|全面|扎实)?$")
#: a not-done closed by 的 before the noun of a group the sentence goes on to count parts of (未完成的11个问题中,)
_GROUP_FRAME = re.compile(r"[^，,；;。的]{0,4}?的[^，,；;。]{0,10}?(?:之)?中[，,]")

#: 者 closing a not-done phrase makes it the class of parties a rule or procedure is for (未完成改善者, 逾期未整改者),
#: none said to be so; counted (未完成者3家, 未整改到位者有2户) it states them
_PARTIES = re.compile(r"[^，,；;。的者]{0,8}?(?<![或记作读学患])者(?!\s*(?:[\d一二两三四五六七八九十]|有|共|计|达|为|占))")

_ONLY = re.compile(r"(?:仅|只|才|阶段性?)$")
#: a completion claimed falsely (虚报整改完成, 谎称已整改到位) is a finding of fraud, not the work done
_FALSE_CLAIM = re.compile(r"虚报|谎报|假报|瞒报|谎称|假称|虚假|伪造|编造|冒充")
#: a result or pace the clause brings about or safeguards (推动…问题得到妥善处置, 为保障项目正常实施) is its purpose
_CAUSE = re.compile(r"保障|保证|推动|促使|促进|(?<![行致即假])使(?!用)|以便|以利于")
#: a kept-up duty closed by 的 before a noun (需要长期坚持的问题) names the kind of problem, an attribute: a later
#: phrase of its clause is the predicate (…的问题正按序时推进), the noun counted too (立行立改、长期坚持的9项任务已…)
_ATTRIBUTE = re.compile(rf"的(?:[\d一二两三四五六七八九十百]+\s*(?:个|项|件|条|类))?{_HAN}{{0,6}}?(?:问题|任务|事项|项目|工作|整改)")


@dataclass(frozen=True)
class StatusReading:
    """A status class with the head wording that decided it (``head``; None for ``other``)."""

    status: str
    head: str | None


def _stated(compact: str, name: str, m: re.Match[str]) -> bool:
    """Whether the phrase ``m`` of class ``name`` states a status: not aimed at, not naming the group a duty is for,
    not a part (仅完成3项), and 不到位 only as a finding."""
    clause = clause_start(compact, m.start())
    if in_title(compact, m.start()) or conditional(compact, m):
        return False  # 《关于已完成整改任务…的办法》 names; 如未按期完成整改,将…追责 supposes
    if asked(compact, m):
        return False  # 是否按时完成履约 (a blank table's header) asks; 是否完成:是 answers
    if class_list(compact, m):
        return False  # 按照已完成整改、正在整改…和尚未整改四种类型: classes defined, no state (r56a)
    if name in ("done", "mostly_done", "on_track") and qualifies_a_record(compact, m):
        return False  # 整改完成情况统计表, 完成时限: the record's noun is the head
    if name == "done" and goal_list(compact, m):
        return False  # 全面完成…,持续改善…,推动…; 加快推进…,完成…50公里: a plan's goals or measures listed
    if name == "behind" and ONLY_PART.fullmatch(m.group(0)):
        return short_of_due(compact, m.start())
    if name == "behind" and named_problem_closed(compact, m, _head):
        return False  # 反馈的关于…建设滞后,…等问题已完成整改并销号: the problem's topic; its predicate states the status
    if name == "behind" and quoted_name(compact, m) and _head(compact[m.end():clause_end(compact, m.end(), STOP_ENDS)]):
        return False  # 督察指出的“河长巡查流于形式”问题已完成整改: the problem's name; the predicate states the status
    if name == "behind" and re.fullmatch(SEVERE, m.group(0)):
        return severe_after_part(compact, m)  # …仅有10段,形势严峻 (形势依然严峻,要… is a remark)
    if name in ("done", "mostly_done", "on_track") and _FORBIDDEN.search(compact, clause, m.start()):
        return False  # 不能以整改完成代替销号, 严禁以按计划推进为由…: a rule, no work reported
    if name in ("done", "mostly_done") and LIMITED_PART.search(compact, clause, m.start()):
        return False  # 仅有3个项目完工, 只有一半的任务完成: a part, not the whole done
    if name == "done" and re.search(r"(?<!100)(?<!100\.0)(?<!100\.00)\s*[%％]$", m.group(0)) \
            and not rate_of_tasks(compact, m) and not re.fullmatch(TASK_MET, m.group(0)):
        return False  # 完成率60%, 信访件办结率为95%: a rate with no tasks named; 仅有3个…完工,完成率为30%,形势严峻
    if name == "done" and m.groupdict().get("tally") and not narrated(compact, m):
        return False  # 拆除违建12处 with no past to license it, or aimed at, a sample's, a scope's or a total's part
    if name in _AIMED_CLASSES:
        aims_of = AIM if name == "ongoing" else MODAL_AIM
        if compact.startswith("对", clause) and (_TOPIC_END.match(compact, m.end())
                                                 or re.match(r"[^，,；;。的]{0,4}的", compact[m.end():])):
            return False  # 对…的问题(,): a topic naming a group (对完成整改的问题组织验收)
        if aimed(compact, m.start(), m.end(), aims_of) or _GROUP_FOR_DUTY.match(compact, m.end()):
            return False
        if _BY_LIMIT.search(compact, 0, m.start()) and "已" not in compact[clause:m.end()]:
            return False  # 2020年底前完成整改: the limit it is set for (年底前已完成 reports it)
        if clause > 1 and m.start() - clause <= 2 and _TARGET_TIME.search(compact, 0, clause) \
                and "已" not in compact[clause:m.end()]:
            return False  # 到2021年底,全部完成33项整改任务: a target time's clause, then the verb with no subject
    if name == "on_track" and _ATTRIBUTIVE_PROGRESSIVE.match(m.group(0)) and compact.startswith("的", m.end()) \
            and not _REST_COUNTED.match(compact, m.end() + 1):
        return False  # 正在进行的专项督查: the progressive names the thing, no state (正在整改的还有两家 counts them)
    if name in ("on_track", "ongoing") and _PURPOSE.search(compact, clause, m.start()):
        return False
    if name == "ongoing" and _MEANS.search(compact, clause, m.start()):
        return False  # 通过持续督导检查…,使…降低: the means of a result, no work reported
    if name == "done" and project_verdict(compact, m):
        return False  # 认为项目符合竣工环保验收条件,同意通过验收: a panel's verdict on a permit's step
    if name in ("done", "mostly_done") and _FALSE_CLAIM.search(compact, clause, m.start()):
        return False
    if name in ("done", "on_track") and _CAUSE.search(compact, clause, m.start()):
        return False
    if name == "ongoing" and follows_behind_cases(compact, m, _head):
        return False  # 持续跟踪督促…未整改到位事项: the cases pushed on are named behind
    if name == "ongoing" and _CATEGORY.match(compact, m.end()):
        return False  # “立行立改,长期坚持”类15个: a category's name
    attribute = (_ATTRIBUTE.match(compact, m.end()) or _KIND_NOUN.match(compact, m.end())) if name == "ongoing" else None
    if attribute and _head(compact[attribute.end():clause_end(compact, attribute.end())]):
        return False
    if name == "done" and _MANNER_SOUGHT.search(compact, clause, m.start()) and "已" not in compact[clause:m.end()]:
        return False  # …逐一研判,快速、稳妥整改到位: the way the work is to go (问题均已及时整改到位 reports it)
    if name == "done" and (done_attribute(compact, m, _head) or sampled_attribute(compact, m)
                           or works_share(compact, m)):
        return False  # 已完成整改任务的验收工作由…负责: the 的-phrase names the thing the clause is about
    if name == "done":
        return not _ONLY.search(compact, 0, m.start()) and "阶段" not in m.group(0)
    if name == "behind" and _PROHIBIT.search(compact, clause, m.start()):
        return False  # what is to be avoided (严禁工作走过场, 防止进度滞后)
    if name == "behind" and re.fullmatch(_EVALUATION, m.group(0)) \
            and _PROHIBIT.search(compact, sentence_start(compact, m.start()), m.start()):
        return False  # …an evaluation in a sentence of guards (坚决杜绝形式主义,整改工作不搞走过场)
    if name == "behind" and (parties := _PARTIES.match(compact, m.end())) \
            and not re.search(r"已|了", compact[parties.end():sentence_end(compact, parties.end())]):
        return False  # 针对未完成改善者,…将移交…: the parties a rule is for (对…者进行了约谈 finds them)
    if name == "behind" and _GROUP_FRAME.match(compact, m.end()):
        return False  # 未完成的11个问题中,已完成5个: the group the parts are counted out of
    if name == "behind" and (topic_kind(compact, m) or need_ahead(compact, m)):
        return False  # 针对…进展缓慢、推进滞后等情形进行督察: the kinds a check looks for
    if name == "behind" and listed_condition(compact, m):
        return False  # 被责令改正,尚未完成的;: a condition listed
    if name == "behind" and sanction_rule(compact, m):
        return False  # 对逾期未完成整改任务的要…问责: what befalls such tasks, no task said to be so
    if name == "behind" and re.fullmatch(_EVALUATION, m.group(0)) and _NAMED_KIND.match(compact, m.end()):
        # a kind of conduct named (对措施不力的…, 工作走过场等问题): behind only as a finding (通报了工作走过场的问题),
        # or as the cases a push on is announced for (对个别整改不力的项目,将督促其加快整改: the settled rule that a
        # requirement to push late cases on names them behind)
        return bool(FINDING.search(compact, sentence_start(compact, m.start()), m.start())) or pushed_on(compact, m)
    if name == "behind" and re.search(rf"不{_SHORT}$", m.group(0)) and not _STILL.search(m.group(0)):
        # …or escalated by 甚至 (监管不到位,甚至违规审批), listed with others or relapsing: a shortcoming asserted
        start = sentence_start(compact, m.start())
        # …or closing its sentence after a definite subject (铸造行业中频炉整治不彻底。; 仍有一些地方… is a remark)
        closing = m.end() == len(compact) or compact.startswith("。", m.end())
        return bool(FINDING.search(compact, start, m.start()) or _ESCALATED.match(compact, m.end())
                    or measure_applied(compact, m)
                    or closing and m.start() > start + 1 and not _VAGUE.search(compact, start, m.start())
                    or not compact.startswith("的", m.end())
                    and (_SHORT_LISTED.match(compact, m.end()) or _ENUMERATOR.match(compact, start)))
    if name == "behind" and re.fullmatch(SHAM, m.group(0)):
        # found (存在 / 出现 / 仍有 … 虚假整改), not a rule on it (对于…虚假整改的,由纪委…) or a guard (严禁虚假整改)
        return bool(_SHAM_FOUND.search(compact, sentence_start(compact, m.start()), m.start())
                    # …or the predicate of its subject, deceiving the inspectors (…自治县虚假整改应付督察)
                    or re.match(r"[、，,]?(?:应付|糊弄|欺骗|蒙混)", compact[m.end():])
                    and not _PROHIBIT.search(compact, sentence_start(compact, m.start()), m.start()))
    return True


def _phrases(pattern: re.Pattern[str], compact: str) -> Iterator[re.Match[str]]:
    """The phrases of ``pattern`` in ``compact`` in order; after a bare tally the search goes on inside it, so a tally
    that is not narrated hides no phrase it overlaps (关停取缔136家: 取缔136家 is read on its own)."""
    at = 0
    while m := pattern.search(compact, at):
        yield m
        at = m.start() + 1 if m.groupdict().get("tally") else max(m.end(), m.start() + 1)


def _head(compact: str) -> tuple[int, int, str, str] | None:
    """The first status phrase of ``compact`` (start, class order, class, wording); a phrase that is aimed at is none."""
    heads = []
    for order, (name, pattern) in enumerate(_CLASSES):
        found = (m for m in _phrases(pattern, compact) if _stated(compact, name, m))
        m = next(found, None)
        if m:
            heads.append((m.start(), order, name, m.group(0)))
    return min(heads) if heads else None


def read_status(text: str | None) -> StatusReading:
    """The class of a reported status by its head verb, with that verb's wording (see ``status_class``)."""
    # simplified script, full-width digits as ASCII (办结率为１００%), a PDF's spaces between characters closed, from
    # after an enumerator or an attribution
    folded = without_lead_in(closed_gaps(fold_digits(for_reading(text or "")[1])))
    if _PLAN_HEADING.match(folded) or PROBLEM_LABEL.match(folded):
        return StatusReading("other", None)  # measures or plans, or the problem as found (问题描述:…)
    if PROGRESS_FULL.match(folded):
        return StatusReading("done", folded.strip())  # 整改进展:100%
    compact = _ITEM.sub("", _LABEL.sub("", re.sub(r"\s+", "", _HEADING_LINE.sub("", folded))))
    # after 但 the wording turns: its main clause decides when it states a status; when it states none, the
    # concession's status stands (虽然整改有序推进,但成效并不稳固 → on track)
    turn = list(_BUT.finditer(compact))
    if turn and _head(compact[turn[-1].end():]):
        compact = compact[turn[-1].end():]
    head = evaluation_cell(folded, _head) or _head(compact) or progress_after_effort(compact)  # (…: r59a)
    if head is None:
        cell = LAST_CELL.search(folded)
        return StatusReading("done", cell.group("cell")) if cell else StatusReading("other", None)
    now = _NOW.search(compact, head[0])
    later = _head(compact[now.end():]) if now else None
    if later and later[2] == "ongoing":
        later = None  # 已完成整改,目前长期坚持: done, kept up (as 已经完成,长期坚持)
    if later and now and later[2] in ("done", "mostly_done"):
        later = rest_turns(compact[now.end():], later, _head) or later  # 目前,主体已完成,装修进度已完成30%
    if later is None and head[2] in ("done", "mostly_done"):
        later = majority_solved(compact, head) or rest_turns(compact, head, _head)
    if later is None and head[2] == "done":
        later = rest_expected(compact, head, _head)  # 已整改16项,剩余问题在8月底前全部整改到位: the rest expected (r59a)
    if later is None and head[2] == "done":
        later = spent_then_judged(compact, head, _head)  # 已完成投资4920万元,完成总工程量的55%: the works' share (r57a)
    if later is None and head[2] == "done":
        later = part_mostly_done(compact, head, _head)
    if later is None and head[2] == "done":
        later = stage_verdict(compact, head, _head)  # …已完成整改,原则同意阶段整改完成: a stage accepted
    if later is None and head[2] == "ongoing":
        later = campaign_results(compact, head, _head) or effort_results(compact, head) or progress_after_effort(compact, head[0])
    if later is None and head[2] == "on_track":
        later = all_done_after(compact, head, _head)  # 进展顺利,各项任务全面完成: done
    if later is None and head[2] == "on_track":
        later = behind_part(compact, head, _head)  # 按计划推进的10项,滞后的1项: the weaker state
    later = begun_rest_pending(compact, later or head) or later  # 部分企业已采取了措施,…,还有部分企业尚未完成: under way
    _, _, name, wording = later or head
    return StatusReading(name, wording)


def status_class(text: str | None) -> str:
    """The class of a reported status by its head verb ("已完成" → ``done``; "已经完成,长期坚持" →
    ``done``; "未达到序时进度" → ``behind``; "整改完成情况:" with nothing after → ``other``)."""
    return read_status(text).status
