"""doc_type: classify a posting into the contract vocabulary from its title (body as tie-breaker).

A plain library (no Scrapy): the crawler types each posting when it extracts it, and the ledger build
re-types stored postings when these rules change (``archive.retype``).

How a title is read (rules measured on the real titles of ``tests/fixtures/titles/real_titles.tsv``,
see ``bench/title_accuracy.py``):

1. **Not a disclosure.**  A title that reports an activity — a meeting, a training, a visit, a launch,
   a press conference, a feature (召开, 举办, 培训, 调研, 座谈, 推进会 …) — is news about the work,
   not the notice itself, unless it is itself a 公示 / 公告.  A party inspection (巡视 / 巡察) or an
   audit (审计) is not a 生态环境保护督察 unless the title names one.  Such titles are ``other`` and
   the body is not consulted (its words are the same as a notice's).
2. **Rules in order**, the first that matches wins: close-out (验收销号, 销号情况, 整改完成情况,
   问题整改公示, a task number with a 公示 such as 第五十四项（一）…整改公示), progress, plan,
   feedback, typical case, 环评 notice (环评 words *and* a notice word: 公示, 公告, 受理, 审批意见 …).
3. When the title says nothing, weighted phrases in the start of the body decide, above a threshold;
   else ``other``.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

DOC_TYPES = ("rectification_plan", "acceptance_notice", "rectification_progress", "inspection_feedback",
             "typical_case", "eia_notice", "other")
#: Bump when a rule changes: stored postings typed by older rules are re-typed (``archive.retype``).
RULES_VERSION = "2"

_NUM = r"[\d一二三四五六七八九十百零〇两]+"
#: The title is itself a notice: it ends in one, or says "…的公示".
_NOTICE_FORM = re.compile(r"(?:公示|公告|情况说明|销号意见)(?:内容|表)?(?:[（(][^）)]*[）)])?$|的(?:公示|公告)|公示[（(：:]")
#: The title reports an activity about the work (each word measured: `bench/title_accuracy.py --markers`).
_NEWS = re.compile(
    r"召开|举办|举行|开展|组织|参加|出席|主持|调研|督导|座谈|培训|会议|推进会|部署|动员|发布会|专题会|交账会"
    r"|启动|下沉|赴|一行|讲话|宣讲|学习|解读|一图读懂|答记者问|访谈|综述|实录|喜报|亮相|见实效|取得|全部公开"
    r"|进驻|研究|迎接|助力|赋能|落地")
_NOT_ECO_INSPECTION = re.compile(r"巡视|巡察|审计")
_COMPLAINTS = re.compile(r"信访|举报")
_ECO_INSPECTION = re.compile(r"生态环境保护督察|环境保护督察|环保督察|生态环保督察|生态督察")
#: A plan or progress report names what it rectifies; party campaigns (党组 整改方案) do not name these.
_ECO_CONTEXT = re.compile(r"督察|督查|环保|生态|环境|污染")
_TASK_NUMBER = re.compile(rf"第{_NUM}(?:项|号|条|个)|序号{_NUM}|{_NUM}小项")

_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("acceptance_notice", re.compile(
        r"验收销号|销号(?:情况|意见|公示|公告)|(?:整改|任务|问题).*完成情况.*(?:公示|公告)|整改(?:任务)?完成情况"
        r"|(?:问题|任务)整改(?:情况)?(?:的)?(?:公示|公告)|整改(?:任务)?(?:落实|完成)?情况的?(?:公示|公告)"
        r"|验收.*(?:公示|公告)|已完成整改.*(?:公示|公告)|(?:公示|公告).*(?:整改完成|完成整改)")),
    ("rectification_progress", re.compile(
        r"整改(?:工作)?进展|整改(?:工作)?落实情况|整改情况|整改(?:工作)?推进情况|整改进度|阶段性.*整改"
        r"|整改.*清单.*更新|整改.*完成情况")),
    ("rectification_plan", re.compile(r"整改(?:工作|实施)?方案|整改措施清单|整改任务清单")),
    ("inspection_feedback", re.compile(r"督察.*反馈|反馈.*督察|督察意见|督察报告")),
    ("typical_case", re.compile(r"典型案例|典型问题|案例.*曝光|曝光.*(?:问题|案例)")),
    ("eia_notice", re.compile(
        r"(?:环评|环境影响(?:评价|报告[书表]|登记表)).*(?:公示|公告|受理|拟审批|审批意见|审批决定|批复|信息公开)"
        r"|建设项目.*(?:受理|拟审批|审批意见|审批决定|批复).*(?:公示|公告|公开)")),
)
_RECTIFICATION = frozenset({"acceptance_notice", "rectification_progress", "rectification_plan",
                            "inspection_feedback"})
_BODY_SIGNALS: dict[str, tuple[tuple[str, int], ...]] = {
    "acceptance_notice": (("验收销号", 3), ("整改完成", 2), ("有异议", 2), ("现予公示", 1), ("同意销号", 3)),
    "eia_notice": (("环境影响报告", 3), ("环境影响评价", 2), ("环评", 2), ("建设单位", 1), ("拟审批", 3)),
    "typical_case": (("典型案例", 3), ("督察组发现", 2), ("敷衍整改", 1)),
    "rectification_progress": (("整改进展", 3), ("已完成整改", 1), ("阶段性", 1), ("整改落实情况", 2)),
    "rectification_plan": (("整改方案", 2), ("整改时限", 2), ("牵头单位", 1), ("整改目标", 1)),
    "inspection_feedback": (("反馈督察意见", 3), ("督察组", 1), ("进驻", 1), ("督察发现", 1)),
}
_BODY_WINDOW = 3000
_BODY_THRESHOLD = 4


def compact(title: str) -> str:
    """The title without any whitespace (list pages and CMSes break titles anywhere)."""
    return "".join((title or "").split())


def is_news(title: str) -> bool:
    """True when the title reports an activity about the work rather than being a notice itself."""
    text = compact(title)
    return bool(_NEWS.search(text)) and not _NOTICE_FORM.search(text)


def _rule_type(text: str) -> str | None:
    for code, pattern in _TITLE_RULES:
        if pattern.search(text):
            return code
    if _TASK_NUMBER.search(text) and "整改" in text and re.search(r"公示|公告", text):
        return "acceptance_notice"  # "…第3项第2小项整改…公示" without the usual wording
    return None


def classify_title(title: str) -> str | None:
    """doc_type from the title alone; ``other`` when the title rules one out; None when it says nothing."""
    text = compact(title)
    code = _rule_type(text)
    if is_news(text):
        return "other" if code else None
    if code in _RECTIFICATION and (_COMPLAINTS.search(text) or (
            _NOT_ECO_INSPECTION.search(text) and not _ECO_INSPECTION.search(text))):
        return "other"  # a party 巡视/巡察, an audit, complaint handling: not a 生态环境保护督察 task
    if code in ("rectification_plan", "rectification_progress") and not _ECO_CONTEXT.search(text):
        return "other"  # e.g. a 党组's campaign 整改方案: nothing ecological in the title
    return code


def _body_scores(body: str) -> dict[str, int]:
    window = "".join(body[:_BODY_WINDOW].split())
    return {code: sum(window.count(word) * weight for word, weight in signals)
            for code, signals in _BODY_SIGNALS.items()}


def classify(title: str, body: str) -> str:
    """One code of the contract vocabulary (``other`` when nothing fits)."""
    by_title = classify_title(title)
    if by_title:
        return by_title
    text = compact(title)
    if is_news(text) or _COMPLAINTS.search(text) or (_NOT_ECO_INSPECTION.search(text)
                                                      and not _ECO_INSPECTION.search(text)):
        return "other"  # news and party inspections use a notice's words in their body
    scores = _body_scores(body or "")
    best = max(scores, key=lambda code: scores[code])
    if scores[best] >= _BODY_THRESHOLD:
        logger.debug("doc_type %s from the body (score %d)", best, scores[best])
        return best
    return "other"
