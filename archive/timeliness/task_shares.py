"""Counts of a part of a plan's tasks or of another check's problems that name their scope in the count's sentence
(``task_counts``): no plan's task count.

* one category of the plan's tasks, named by its ordinal as the sentence's subject (``第四类为体制机制建设类,包括…等5项
  任务``, ``第二类是…``): the category's tasks, a part of the whole;
* a department's or a sector's share (``涉及住建25项整改任务``, ``涉及水利部门的问题12个``): the department's, no plan's
  (a place's share, ``涉及我市17项``, is its plan's count, ``task_counts``'s ``n_share``);
* the writer's own department's share (``涉及我局…问题两个``, ``交办本局的问题5个``): the department's, as a sector's (a
  place's, ``涉及我市``, is its plan's);
* the problems a campaign's check or a discipline body's supervision found (``“某某”专项行动…督导检查涉及我市39个问题已完成
  整改13个``; a campaign also by its quoted name, ``围绕“清河行动”…梳理了问题清单,涉及5大类17项``) with no inspection or its
  feedback named in the sentence: that campaign's list, even with the part done;
* several inspections pooled before the count in its sentence: rounds (``两轮``, ``历次``, ``多轮``) or a number of times
  (``先后经历…督察5次``, ``3次督察``): their feedback added up, no one plan's (two levels joined alone, ``中央、省委…督察
  反馈我市的问题64个``, may be one city's list);
* the whole country named as the count's scope in its sentence, a lead before it (``从全国看,``, ``在全国范围内,``) or
  the tally's own subject after it (``…3294项,全国总体完成率95%``): every province's plans added up, no one plan's (a
  ranking or a comparison, ``完成率居全国前列``, ``高于全国平均``, sets no scope; r61b);
* the provincial level's inspections as a kind (``省级…督察``, ``第二轮省级…督察``) owning the count with no recipient, no
  feedback's or raising verb before it in the sentence, and no central inspection beside it in the text: the total over
  the cities each inspected (``首轮省级…督察提出的26个问题`` is the problems put to one city, its plan's count; the tier
  set beside the central one, ``中央环保督察整改任务45项；省级环保督察整改任务30项``, is one body's two lists);
* the problems a check found on one task or a few the plan numbers, named as the check's object before the count in
  its sentence (``督导组对第七十一项整改任务进行了现场督察督导,并反馈了3条问题``): that check's findings on the task, no
  plan's count (a task named by its content, ``对…黑臭水体整治进行督导``, sets no such scope).
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
#: the verbs that hand a share of a list to a body or say it concerns one (涉及我市的, 交办本县的, 分解到我局的)
SHARE_VERB = r"涉及|属于|交办|交给|分解到|分配到|落实到"
#: …the writer's own department (我局, 本委, 我单位) as the body, earlier in the count's clause (set 46)
_OWN_DEPARTMENT = re.compile(rf"(?:{SHARE_VERB})\s*(?:我|本)\s*(?:局|厅|委|办|部门|单位|系统)(?![\u4e00-\u9fff]?(?:市|县|区))"
                             r"[^，,。；;]{0,24}$")
#: a campaign's check or a discipline body's supervision as the problems' source; a campaign also by its name in quotes
#: closed by 行动 (“清河行动”, "雷霆行动", set 47)
_CAMPAIGN_CHECK = re.compile(r"专项行动|攻坚行动|百日行动|整治行动|督导|纪委|监委"
                             r"|[“\"「][^“”\"「」，,。；;]{1,10}行动[”\"」]")
_INSPECTION = re.compile(r"督[察查]|反馈")
#: a number of times or rounds above one, not an ordinal (第2次) and not once (1次)
_TIMES = r"(?<![第\d两二三四五六七八九十])(?!1\s*[次轮])[\d两二三四五六七八九十]+\s*[次轮]"
#: several inspections pooled: rounds, or a number of times (督察5次, 3次督察; a meeting's 召开3次会 is none)
_SEVERAL_INSPECTIONS = re.compile(r"两轮|历次|多轮"
                                  rf"|督[察查][^，,。；;]{{0,4}}?{_TIMES}(?![^，,。；;]{{0,6}}?会|\s*反馈)"
                                  rf"|{_TIMES}(?![^，,。；;]{{0,16}}?会)[^，,。；;]{{0,16}}?督[察查]")
#: the country as a lead's scope before the count (从全国看, 在全国范围内, 就全国而言) or as the subject of the tally's rate
#: or count after it (,全国总体完成率, ,全国已完成)
_COUNTRY_LEAD = re.compile(r"(?:从|在|就|纵观|放眼)\s*全国(?:范围内?|层面|来看|看|而言|上)?\s*[，,]|全国(?:范围内|层面上?)")
_COUNTRY_TALLY = re.compile(r"[，,]\s*全国\s*(?:总体|整体|累计|合计|共)?\s*(?:完成率|已完成|完成)")
#: the provincial level's inspections as a kind, and what names one recipient or the feedback given to it
_PROVINCIAL_LEVEL = re.compile(r"省级[^，,。；;]{0,10}?督[察查]")
_RECIPIENT = re.compile(r"我|向|对|反馈|提出|指出|交办|移交|[\u4e00-\u9fff]{1,6}[市县区州盟旗](?!级)")
#: one task (or a list of them) by the plan's ordinal as a check's object (对第七十一项整改任务进行了现场督察督导)
_NUMBERED = r"第\s*[一二三四五六七八九十百零〇两\d]+\s*(?:项|号)"
_TASK_CHECKED = re.compile(rf"对\s*{_NUMBERED}(?:\s*[、和及至到-]\s*{_NUMBERED}?)*\s*(?:整改)?(?:任务|问题)"
                           r"[^。；;]{0,16}?(?:督[察查导]|检查|核查|验收|调研|巡查|暗访)")


def other_scope(text: str, sentence: int, count: int, sentence_end: int) -> bool:
    """Whether the count at ``count`` (its sentence from ``sentence`` to ``sentence_end``) counts one category's tasks,
    a department's share (a sector's or the writer's own), several inspections', the country's, the provincial level's, a campaign check's problems or a check's on
    numbered tasks (see the module doc)."""
    if _CATEGORY_SUBJECT.match(text, sentence):
        return True  # 第四类为体制机制建设类,包括…等5项任务
    if _SECTOR_SHARE.search(text, max(sentence, count - 16), count):
        return True  # 涉及住建25项整改任务
    if _OWN_DEPARTMENT.search(text, max(sentence, count - 40), count):
        return True  # 涉及我局…水库需要整改销号问题两个: the department's share
    if _SEVERAL_INSPECTIONS.search(text, sentence, count):
        return True  # 先后经历…督察5次,反馈问题788个; 两轮督察…
    if _COUNTRY_LEAD.search(text, sentence, count) or _COUNTRY_TALLY.search(text, count, sentence_end):
        return True  # 从全国看,…1200项整改任务; …3294项,全国总体完成率95%: the country's plans added up
    if _TASK_CHECKED.search(text, sentence, count):
        return True  # 对第七十一项整改任务进行了现场督察督导,并反馈了3条问题: a check's findings on one task
    level = _PROVINCIAL_LEVEL.search(text, sentence, count)
    if level and not _RECIPIENT.search(text, sentence, count) and "中央" not in text:
        return True  # 省级…督察共9982项整改任务: the cities' plans added up
    return bool(_CAMPAIGN_CHECK.search(text, sentence, count)) and not _INSPECTION.search(text, sentence, sentence_end)
