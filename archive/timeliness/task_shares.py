"""Counts of a part of a plan's tasks or of another check's problems that name their scope in the count's sentence
(``task_counts``): no plan's task count.

* one category of the plan's tasks, named by its ordinal as the sentence's subject (``第四类为体制机制建设类,包括…等5项
  任务``, ``第二类是…``): the category's tasks, a part of the whole;
* a department's or a sector's share (``涉及住建25项整改任务``, ``涉及水利部门的问题12个``): the department's, no plan's
  (a place's share, ``涉及我市17项``, is its plan's count, ``task_counts``'s ``n_share``);
* the problems a campaign's check or a discipline body's supervision found (``“某某”专项行动…督导检查涉及我市39个问题已完成
  整改13个``) with no inspection or its feedback named in the sentence: that campaign's list, even with the part done.
"""
from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

#: one category of the tasks by its ordinal opening the sentence (第四类为…, 第二类是…, 第3类:)
_CATEGORY_SUBJECT = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]+[）)、.]\s*)?第\s*[一二三四五六七八九十\d]+\s*类\s*(?:为|是|[:：]|主要|包括)")
#: the sectors a department answers for, as a plan's share names them (住建, 水利部门, 农业农村系统, 交通运输领域)
_SECTOR = (r"住建|住房(?:和)?城乡建设|水利|水务|交通(?:运输)?|农业农村|自然资源|国土|林业|林草|工信|工业和信息化|发改"
           r"|发展改革|城管|城市管理|卫健|卫生健康|公安|应急管理|文旅|文化和旅游|市场监管|国资")
_DEPARTMENT = r"部门|局|厅|委|系统|领域|行业"
#: …a sector also a topic's word (生态环境问题, 农业面源污染, 教育…) only with its department's word (涉及生态环境部门的)
_TOPIC_SECTOR = r"生态环境|环保|农业|教育|能源|财政|商务|应急"
_SECTOR_SHARE = re.compile(rf"涉及\s*(?:市|县|区|省)?(?:(?:{_SECTOR})(?:{_DEPARTMENT})?|(?:{_TOPIC_SECTOR})(?:{_DEPARTMENT}))"
                           r"\s*(?:的)?\s*(?:整改)?\s*$")
#: a campaign's check or a discipline body's supervision as the problems' source
_CAMPAIGN_CHECK = re.compile(r"专项行动|攻坚行动|百日行动|整治行动|督导|纪委|监委")
_INSPECTION = re.compile(r"督[察查]|反馈")


def other_scope(text: str, sentence: int, count: int, sentence_end: int) -> bool:
    """Whether the count at ``count`` (its sentence from ``sentence`` to ``sentence_end``) counts one category's tasks,
    a department's share or a campaign check's problems (see the module doc)."""
    if _CATEGORY_SUBJECT.match(text, sentence):
        return True  # 第四类为体制机制建设类,包括…等5项任务
    if _SECTOR_SHARE.search(text, max(sentence, count - 16), count):
        return True  # 涉及住建25项整改任务
    return bool(_CAMPAIGN_CHECK.search(text, sentence, count)) and not _INSPECTION.search(text, sentence, sentence_end)
