"""Status phrases by aspect and result beyond 已 / 正在 (r58a), read in every combination of marker × head × subject
(pure patterns); ``CLASSES`` is the whole ordered phrase list ``archive.ledger.status`` heads a wording by.

The census of the status dev silences (README, r58a) found the state carried by grammar the older phrases bound to a
few subjects or markers:

* **on track** — progress made again and again, whatever its subject (不断取得新进展, 陆续取得积极进展; a general
  subject's …工作已取得积极进展 stays a remark, set 19, and 未取得进展 is behind), the progressive closed by 中 after
  any of its markers (目前还在整治中, 仍在审核中), a stage reached before the works or in them (已进入招投标程序,
  处于审核阶段);
* **done** — a state of all removed or covered reached (实现“清零”, 实现全覆盖, 做到应关尽关), a fitting-out verb after
  已 / 全部 / 均 (全部安装, 手续已完善), a task completed in the perfective (完成了…目标任务, 实现了…规划的目标任务,
  提前两年完成了…任务), a completion judged good (高质量完成…), the work's completion narrated at a sentence's end
  (完成相关整改。);
* **behind** — a result still not obtained (仍未得到有效改善, 还没有得到解决; …未得到解决的问题 names a group), a
  shortfall against the pace (欠目标进度8.3个百分点).

Aims, duties, plans and the future before any of them (确保…, 要…, 将…, 力争…, 计划…) state none: ``archive.ledger.status``
checks every phrase for them.
"""
from __future__ import annotations

import re

from archive.ledger.status_phrases import CLASSES as PHRASE_CLASSES
from archive.ledger.status_practice import KEPT
from archive.ledger.status_rates import LISTED_FULL
from archive.ledger.status_words import (
    ALL_STATE,
    DONE_WELL,
    FITTED,
    HAN,
    IMPROVED,
    MANNER_ADV,
    PACE,
    PERSIST,
    PRE_WORKS,
    PROGRESS_GRADE,
    PROGRESSIVE,
    RESULT_DEGREE,
    STAGE,
    STAGE_HEAD,
    UNAIMED,
    WORKS_STAGE,
)

#: a negation before a phrase (未取得, 没有实现, 未能做到)
_UNNEGATED = r"(?<![未没不无])(?<!未能|没能|不能|没有)"
#: the progress a report says was made (积极, 实质性, 新 …)
_PROGRESS = rf"(?:{PROGRESS_GRADE}|一定|新)的?进展"

_ON_TRACK = re.compile(
    # progress made again and again, whatever its subject (不断取得新进展; a general subject's …工作已取得积极进展 stays a
    # remark, set 19: the subjects that make 已取得 / 取得了 a report are ``status_phrases``'s)
    rf"{_UNNEGATED}(?:不断|陆续|持续)取得了?{_PROGRESS}"
    # the progressive closed by 中 after any of its markers (还在整治中, 仍在审核中; 正在…中 as before)
    rf"|{PROGRESSIVE}{HAN}{{1,6}}?中(?=$|[，,；;。、)）])"
    # a stage reached before the works or in them (已进入招投标程序, 处于审核阶段; 未进入 / 将进入 are none)
    rf"|(?<![未没将要拟])(?<!尚未|没有)(?:进入|处于)[^，,；;。]{{0,8}}?(?:{STAGE}|{PRE_WORKS}|{WORKS_STAGE}){STAGE_HEAD}")

_DONE = re.compile(
    # a state of all removed or covered reached (实现“清零”, 做到应关尽关)
    rf"{UNAIMED}{_UNNEGATED}(?:实现|做到)了?[“\"「]?{ALL_STATE}"
    # a fitting-out verb after 已 / 全部 / 均 (全部安装在线监控设施, 环评手续已完善; 已完善的 names a group)
    rf"|(?:已(?:经)?|{UNAIMED}(?<!确保|力争|争取)(?:全部|均))(?:全部|均)?(?:{MANNER_ADV})?{FITTED}(?!率|的)"
    # a task completed in the perfective (完成了…的目标任务, 实现了…规划的目标任务; 完成了任务的60% is a share)
    rf"|{UNAIMED}{_UNNEGATED}(?:完成|实现)了[^，,；;。]{{0,30}}?任务(?!的|后|之后|时|清单|书)"
    # a completion judged good (高质量完成…, 出色地完成; 确保高质量完成 is aimed)
    rf"|{UNAIMED}(?<![要能])(?<!努力){DONE_WELL}完成(?!率)"
    # the work's completion narrated at a sentence's end (完成相关整改。, 完成道路环境整治。; a time limit before it is a plan)
    # (a bare 按时完成… opening its sentence is a directive: a subject, an adverbial or a clause before it is required)
    rf"|(?<=[\u4e00-\u9fff，,]){UNAIMED}(?<![未没不前内底])(?<!按时|按期|如期|及时)完成(?:了|相关|全部|各项)?{HAN}{{0,6}}?(?:整改|整治|治理|修复)(?:工作|任务)?(?=$|[。；;])")

_BEHIND = re.compile(
    # a result still not obtained (仍未得到有效改善; …未得到解决的问题 names a group)
    rf"{PERSIST}(?:未|没有?)(?:能)?得到(?:{RESULT_DEGREE}的?){{0,2}}{IMPROVED}(?!的)"
    # a shortfall against the pace (欠目标进度8.3个百分点, 差序时进度)
    rf"|(?<![不未没])(?:欠|差)(?:于)?{PACE}")

#: the whole ordered phrase list: the older phrases first, so a tie at one start keeps their class
CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    *PHRASE_CLASSES, ("done", _DONE), ("on_track", _ON_TRACK), ("behind", _BEHIND),
    ("ongoing", KEPT), ("done", LISTED_FULL))  # a kept-up duty stated as a practice (r60a, ``status_practice``)
