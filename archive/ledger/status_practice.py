"""A kept-up duty stated as a practice, not with 持续 / 长期 right before its verb (r60a; pure patterns).

The status reader's written line for **ongoing** is "a kept-up duty": 长期坚持, 持续 / 常态化 + an action verb, and a
continuing duty announced with 将 / 将继续 / 将持续 (sets 24–35, 45, 49; set 60's `将持续发力`, `將持續加強`).  The older
phrases bind the kept-up marker straight to the verb; a government writer puts words between, or states the duty as a
standing watch.  Read here, in every subject and script:

* **a standing watch** — a watch or patrol kept round the clock or without a break (24小时值守, 全天候巡查,
  不间断巡逻, 昼夜值班): kept up, as `不间断加强日常巡查` (set 46) and `全天候巡查机制` / `24小时不间断巡逻` (set 60) on
  the deadline reader's side, where the same words are ongoing; a mechanism for it to be set up (建立全天候巡查机制,
  no 已 / 了) is a task, none;
* **a cadence held to** — 坚持 + a cadence + an action (坚持每天巡查, 坚持定期开展…): what is held to is kept up, as
  `继续坚持开展…` (set 47's 坚持 line); a bare cadence (每日洒水, 定期开展) is the deadline reader's recurring duty and
  names no status here (no written status convention makes it ongoing);
* **a kept-up marker with its manner between** — 持续 / 继续 + a manner (密切, 深入, 严格, 以点带面 …, up to six
  characters) + an action verb of oversight (持续密切跟踪, 将继续以点带面展开专项整治); the work itself pushed on
  (继续推进整改) is the rest in hand, not built here;
* **pressure or force kept up** — 持续 / 继续 / 始终 + 保持 + …高压态势 (持续保持“…”高压态势, set 45's `将继续…`), and
  将持续发力 / 将继续发力 (set 60's written `将持续发力`); a state kept (保持稳定, 保持良好) is none;
* **a standing mechanism running** — a mechanism or 长效机制 in operation (长效机制运行良好, 巡查机制常态化运行);
* **a daily round stated as a practice** (set 62 ✱, r62s) — a cadence, someone set to it (组织 / 安排 / 派) and a check
  or watch, then what is found put right at once (每天组织人员…检查,发现问题及时整改): the practice kept up; a bare
  cadence stays the deadline reader's recurring duty;
* **routine held to** (set 62 ✱ `坚持日常巡查`) — 坚持 + 日常 / 常态 + a watch or action, as 坚持 + a cadence;
* **a mechanism kept improving** (set 62 ✱ `不断完善督办机制`) — 不断 / 持续 + 完善 / 健全 / 优化 + a mechanism or rule;
  a mechanism to be set up (建立…机制, 要不断完善…) is a task or an aim, none;
* **standing work named** (set 62 ✱ `常态化工作`, `开展常态化的巡河工作`) — 常态化(的) + a work noun or a watch;
  a mechanism or plan for it (常态化工作机制, 常态化方案) is none.

An aim governing the phrase (确保…, 要求…, 督促…) states none (``archive.ledger.status`` checks it for every phrase).
"""
from __future__ import annotations

import re

from archive.ledger.limit_words import WATCH
from archive.ledger.status_words import ACTION, HAN

#: verbs of a watch (巡查, 巡逻, 值守 …; ``limit_words.WATCH``), beside the action verbs of the work in hand
_WATCH = WATCH
#: round the clock or without a break (24小时, 全天候, 不间断; 有间断 / 不定时 are none)
_STANDING = r"(?:(?:24|二十四)(?:小时|h)|全天候|全时段|全天|昼夜|日夜|(?<![有])不间断)"
#: a cadence (每天 / 每日 / 每周 / 每月 / 定期 / 定时; 不定期 / 不定时 are none)
_CADENCE = r"(?:每(?:天|日|周|星期|旬|月|季度?)|(?<!不)定期|(?<!不)定时)"
#: a watch's rule or mechanism in force (实行 / 执行 / 落实 / 坚持, or set up in the perfective: 已建立, 建立了)
_IN_FORCE = r"(?:实行|执行|落实|坚持|运行|已(?:经)?(?:建立|形成|健全)|(?:建立|形成|健全)了)"
#: a manner between a kept-up marker and its verb (密切, 深入, 严格, 以点带面 …; a cadence between is set 52's line, where
#: 将持续定期追踪 is none)
_MANNER = rf"(?:以{HAN}{{1,4}}?(?:带面|为主|为重点)|密切|深入|全面|扎实|认真|严格|大力|积极|强力|不断|切实|地)"
#: the work itself pushed on (继续推进整改 is the rest in hand, not a kept-up duty)
_NOT_WORK = r"(?!推进|推动|整改|办理|处理|实施|落实|解决|验收|施工|建设|改造|修复|治理)"

KEPT = re.compile(
    # a standing watch kept (24小时值守, 全天候巡查, 24小时不间断巡逻, 昼夜轮流值班); not a mechanism to set up
    rf"(?:{_STANDING})(?:不间断|轮流|轮班|全天候)?地?(?:开展|进行|实行|实施|安排专人)?{HAN}{{0,2}}?{_WATCH}"
    rf"(?![^，,；;。]{{0,4}}?(?:机制|制度))"
    # …or its rule in force (实行24小时值班制度, 已建立全天候巡查机制; 建立…机制 with no 已 / 了 is a task)
    rf"|{_IN_FORCE}[^，,；;。]{{0,8}}?(?:{_STANDING}){HAN}{{0,4}}?{_WATCH}[^，,；;。]{{0,4}}?(?:机制|制度)"
    # a cadence held to (坚持每天巡查, 坚持定期开展…)
    rf"|(?<![要应需将])坚持(?:{_CADENCE}|{_STANDING}){HAN}{{0,6}}?(?:{ACTION}|{_WATCH})"
    # a kept-up marker with its manner between (持续密切跟踪, 将继续以点带面展开专项整治, 將持續密切跟蹤)
    rf"|(?<![不未没要])(?:持续|继续)(?:{_MANNER}){{1,2}}{_NOT_WORK}(?:{ACTION}|{_WATCH}|展开)"
    # pressure or force kept up (持续保持…高压态势, 将持续发力; a quoted slogan between may hold commas)
    rf"|(?<![不未没要])(?:持续|继续|始终)保持(?:[^，,；;。“”]|“[^”]{{0,24}}”){{0,20}}?(?:高压|严管|严打)态势"
    r"|(?<=将)(?:继续|持续)发力"
    # a standing mechanism running (长效机制运行良好, 巡查机制常态化运行)
    r"|机制(?:已)?(?:常态化|正常|有效|良好)?运行(?:良好|正常|有效)?"
    # a daily round stated as a practice (每天组织工作人员…检查,发现问题及时整改; set 62 ✱)
    rf"|(?<![要应需将])(?:{_CADENCE})(?:组织|安排|派出?|由)[^，,；;。]{{0,24}}?(?:{_WATCH}|检查|排查)"
    r"(?=[^。；;]{0,30}?发现[^，,；;。]{0,8}?(?:及时|立即|马上|第一时间))"
    # routine held to (坚持日常巡查; set 62 ✱)
    rf"|(?<![要应需将])坚持(?:日常|常态化?){HAN}{{0,4}}?(?:{ACTION}|{_WATCH}|检查)"
    # a mechanism kept improving (不断完善督办机制; set 62 ✱)
    rf"|(?<![要应需将])(?:不断|持续)(?:完善|健全|优化|创新)[^，,；;。]{{0,8}}?(?:机制|制度)"
    # standing work named (…开展的常态化工作, 开展常态化的巡河工作; set 62 ✱); 常态化工作机制 is none
    rf"|(?<![要应需将推动])(?<!作为)常态化的?{HAN}{{0,4}}?(?:工作|{_WATCH})(?!机制|制度|方案|计划)"
)

