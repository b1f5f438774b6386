"""Whether a bare tally — a verb of the work, its object and a count, with no 已 / 共 / 累计 — is narrated (pure).

``status_phrases`` finds the form (取缔各类码头1098个, 拆除违建厂房12处, 查处整改环境问题623个: the ``tally`` group of
the done class); ``archive.ledger.status`` asks ``narrated`` whether it reports work done.  The form reads the same in a
plan's list of tasks as in a report, so it needs a licence that makes it a report of the past:

* a day or a narrated time before it in its sentence (4月10日, 今年以来, 截至…, 此次行动, 经过…, 先后, 日前);
* another count before it in its sentence, a list of tallies (检查各类企业573家(次),查处整改…623个; 取缔…1098个,
  清退岸线143公里);
* the share of the whole it makes up, after it (整治黑臭河道174条段253公里,占…计划任务的69%).

and nothing that blocks it: an aim, a directive, a modal or the future anywhere before it in its sentence (计划, 拟, 要,
确保, 将 …), a condition (如…, 若…), a check that counts a sample in its clause (抽查…), a scope (涉及, 包括, 其中),
or a total counted before it (共有…30处, 排查出…, 发现…, …中): the tally is then a part with the rest unsaid, which the
corpus labels only with 已 (176条黑臭水体已完成整治123条).  Precision first: a wrong done misleads more than a silence.
"""
from __future__ import annotations

import re

from archive.ledger.clauses import clause_start, sentence_start
from archive.ledger.status_aims import MODAL_AIM
from archive.ledger.status_topics import CONDITION
from archive.ledger.status_words import COUNT

#: a day or a narrated time before the tally in its sentence (a year alone may open a plan's year: no licence)
_PAST = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]|以来|截至|截止|此次|本次|这次|经过|先后|日前|近日|当天|当日|至今"
                   r"|(?:去|上|前)年|期间|行动中|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?!底前|前|底以前)")
#: a count with its classifier closing an earlier clause of the sentence (…573家(次),): a list of tallies
_EARLIER_COUNT = re.compile(rf"(?:{COUNT}|[\d.]+\s*(?:余|多)?\s*(?:万|亿)?\s*(?:公里|米|亩|吨|平方米|立方米|台|辆|艘|栋|间|起))"
                            r"(?:[（(][^（()）]{1,4}[)）])?[，,、]+$")
#: the share of the whole the tally makes up, after it (,占…的69%)
_SHARE = re.compile(r"[^。；;]{0,12}?[，,]占[^，,；;。]{0,16}?\d{1,3}(?:\.\d+)?\s*[%％]")
#: a check that counts a sample, or a scope, before the tally in its clause (抽查…, 涉及…, 其中…)
_SAMPLE_OR_SCOPE = re.compile(r"抽查|抽检|检查|核查|复查|暗访|巡查|排查|涉及|包括|包含|覆盖|范围|其中")
#: a limiting adverb before the tally in its clause (仅完成…淘汰改造67台): a part judged short, no tally of work done
_LIMITED = re.compile(r"仅|只有|只|才")
#: a total counted before the tally in its sentence (共有…30处, 排查出…, 发现问题…个, 176条…中)
_TOTAL = re.compile(rf"(?:共有|总共|总计|合计|存在|(?:排查|摸排|梳理|筛查)出?|发现|列入|纳入|交办|转办|反馈)[^，,；;。]{{0,16}}?{COUNT}"
                    rf"|{COUNT}[^，,；;。]{{0,12}}?(?:之)?中[，,]")


def narrated(compact: str, m: re.Match[str]) -> bool:
    """Whether the bare tally ``m`` (its ``tally`` group) reports work done: licensed by a narrated past, a list of
    tallies or the share it makes up, and blocked by an aim, a condition, a sample or a scope, or a total before it."""
    sentence = sentence_start(compact, m.start())
    clause = clause_start(compact, m.start())
    before = compact[sentence:m.start()]
    if MODAL_AIM.search(before) or _TOTAL.search(before):
        return False  # 计划拆除违建12处, 要关停…; 共有违建30处,拆除12处: aimed at, or a part of a total
    if CONDITION.match(compact, clause) or _SAMPLE_OR_SCOPE.search(compact, clause, m.start()) \
            or _LIMITED.search(compact, clause, m.start()):
        return False  # 如拆除违建12处,…; 抽查拆除点位12处, 涉及关停企业37家, 仅…淘汰改造67台
    return bool(_PAST.search(before) or _EARLIER_COUNT.search(before) or _SHARE.match(compact, m.end()))
