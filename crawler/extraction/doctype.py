"""doc_type: classify a posting into the contract vocabulary from its title (body as tie-breaker).

Title rules are tried in order; the first that matches wins (order matters: a
"督察反馈问题…整改任务完成情况公示" is an acceptance notice, not feedback).  When the title says
nothing, weighted phrases in the start of the body decide, above a threshold; else ``other``.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

DOC_TYPES = ("rectification_plan", "acceptance_notice", "rectification_progress", "inspection_feedback",
             "typical_case", "eia_notice", "other")

_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("eia_notice", re.compile(r"环评|环境影响(?:评价|报告)|环境影响登记|建设项目.*(?:受理|审批|批复)")),
    ("typical_case", re.compile(r"典型案例|典型问题|案例.*曝光|曝光.*(?:问题|案例)")),
    ("acceptance_notice", re.compile(
        r"验收销号|销号|(?:整改|任务|问题).*完成情况.*公示|整改完成.*公示|验收.*公示|已完成整改.*公示"
        r"|公示.*(?:整改完成|完成整改)")),
    ("rectification_progress", re.compile(
        r"整改(?:工作)?进展|落实情况|整改情况|推进情况|整改进度|阶段性.*整改|整改.*清单.*更新|完成情况")),
    ("rectification_plan", re.compile(r"整改(?:工作|实施)?方案|整改措施清单|整改任务清单")),
    ("inspection_feedback", re.compile(r"督察.*反馈|反馈.*督察|督察意见|督察报告")),
)
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


def classify_title(title: str) -> str | None:
    """doc_type from the title alone, or None when no rule matches."""
    compact = "".join((title or "").split())
    for code, pattern in _TITLE_RULES:
        if pattern.search(compact):
            return code
    return None


def _body_scores(body: str) -> dict[str, int]:
    window = "".join(body[:_BODY_WINDOW].split())
    return {code: sum(window.count(word) * weight for word, weight in signals)
            for code, signals in _BODY_SIGNALS.items()}


def classify(title: str, body: str) -> str:
    """One code of the contract vocabulary (``other`` when nothing fits)."""
    by_title = classify_title(title)
    if by_title:
        return by_title
    scores = _body_scores(body or "")
    best = max(scores, key=lambda code: scores[code])
    if scores[best] >= _BODY_THRESHOLD:
        logger.debug("doc_type %s from the body (score %d)", best, scores[best])
        return best
    return "other"
