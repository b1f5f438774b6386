"""Structured fields of 验收销号 公示 and 整改方案 texts (body and attachments).

Each function takes plain text and returns what the text states, or None/empty: nothing is
inferred beyond the text (a redacted feedback date is returned redacted, value None).

* ``acceptance_date`` — "2023年1月17日省督改办…进行了验收"
* ``feedback_date`` — "于2023年9月1日…进行了反馈", "向我省反馈督察意见"
* ``task_number`` — "第一项整改任务", "第5项", "问题编号：12"
* ``responsible_units`` — the 整改责任单位 field of a 验收销号表
* ``task_count`` / ``problem_count`` — the plan's stated task count (with / without its span): "督察反馈的68个问题",
  "共明确整改任务2164项"
* ``deadline_schedule`` — "2023年底前完成整改3个，2024年底前完成整改41个…"
* ``objection_contact`` — 监督电话, 邮寄地址, 邮政编码, e-mail, the office to contact
* ``find_doc_numbers`` — 文号 in every bracket variant, normalised to 代字〔YYYY〕N号
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from archive.script_fold import for_reading
from archive.timeliness.dates import DateMention, cn_number, find_dates
from archive.timeliness.feedback import feedback_date, nearest_before
from archive.timeliness.task_counts import CN_NUM as _CN_NUM
from archive.timeliness.task_counts import TaskCount, problem_count, task_count

log = logging.getLogger(__name__)

#: the task-count grammar lives in ``archive.timeliness.task_counts``; its public names are re-exported here
__all__ = ["DocNumber", "TaskCount", "acceptance_date", "deadline_schedule", "extract_fields", "feedback_date",
           "find_doc_numbers", "objection_contact", "problem_count", "responsible_units", "task_count", "task_number"]

_ACCEPTANCE_VERB = re.compile(
    r"(?:进行了?|开展了?|组织了?|完成了?|通过了?|实施了?)\s*(?:现场|书面)?\s*验收|验收组|验收(?:时间|日期)")
_TASK = re.compile(rf"第\s*(?P<n>{_CN_NUM})\s*[项个号]\s*(?:整改)?\s*(?:任务|问题)|(?:问题|任务)编号\s*[:：]?\s*(?P<id>[\w\-－]+)")
_UNITS_LABEL = re.compile(r"整改责任单位\s*(?:[:：]\s*|\n\s*|\t\s*)(?P<v>[^\n]+)")
_SCHEDULE_TAIL = re.compile(rf"^\s*前?\s*(?:要)?(?:全面|基本)?完成\s*(?:整改)?\s*(?P<n>{_CN_NUM})\s*个")
_PHONE = re.compile(r"(?:监督|联系|举报|咨询|受理)?电话(?:号码)?\s*[:：]\s*(?P<v>[0-9（）()\-－—\s]{7,24}\d)")
_ADDRESS = re.compile(r"(?:邮寄|通讯|通信|联系|来信)?地址\s*[:：]\s*(?P<v>[^\n，。；;]{4,80})")
_POSTCODE = re.compile(r"邮(?:政)?编(?:码)?\s*[:：]\s*(?P<v>\d{6})")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT_UNIT = re.compile(r"请(?:与|向|和)(?P<v>[^，。；,;\n]{2,40}?)(?:联系|反映|反馈)")
_OPEN = re.escape("〔[（(【［〖{")
_CLOSE = re.escape("〕]）)】］〗}")
_DOC_NUMBER = re.compile(
    rf"(?P<agency>[\u4e00-\u9fff]{{1,10}})\s*(?:[{_OPEN}]\s*(?P<y1>(?:19|20)\d{{2}})\s*[{_CLOSE}]"
    rf"|(?P<y2>(?:19|20)\d{{2}})\s*年?)\s*(?:第\s*)?(?P<n>\d{{1,5}})\s*[号號]")
_AGENCY_LEAD = "以按据依照和及与的了在经于即由对根印发文件见"


@dataclass
class DocNumber:
    """A 文号 as written and normalised."""

    raw: str
    canonical: str
    agency: str
    year: int
    number: int



def acceptance_date(text: str, *, context_year: int | None = None) -> DateMention | None:
    """The date the task was accepted (验收), as stated; None when not stated."""
    text, folded = for_reading(text)
    return nearest_before(folded, find_dates(text, context_year=context_year), _ACCEPTANCE_VERB, 200)



def task_number(text: str) -> dict | None:
    """``{"raw": "第一项整改任务", "number": 1}`` (number None when not numeric), or None."""
    m = _TASK.search(text)
    if not m:
        return None
    if m.group("n"):
        return {"raw": m.group(0), "number": cn_number(m.group("n"))}
    ident = m.group("id")
    return {"raw": m.group(0), "number": int(ident) if ident.isdigit() else None}


def responsible_units(text: str) -> str | None:
    """The 整改责任单位 field (label followed by a colon, a tab or a line break), or None."""
    m = _UNITS_LABEL.search(text)
    if not m:
        return None
    value = m.group("v").strip(" \t\u3000")
    return value or None


def deadline_schedule(text: str, *, context_year: int | None = None) -> list[dict]:
    """``[{"deadline": "2023-12-31", "precision": "year", "count": 3, "text": …}, …]`` in text order."""
    out = []
    for m in find_dates(text, context_year=context_year):
        if m.kind != "deadline":
            continue
        tail = _SCHEDULE_TAIL.match(text[m.end:m.end + 24])
        if tail:
            out.append({"deadline": m.iso(), "precision": m.precision, "count": cn_number(tail.group("n")),
                        "text": text[m.start:m.end + tail.end()]})
    return out


def objection_contact(text: str) -> dict:
    """The contact details a 公示 gives for objections (keys present only when stated)."""
    out: dict[str, str] = {}
    for key, regex in (("phone", _PHONE), ("address", _ADDRESS), ("postcode", _POSTCODE),
                       ("unit", _CONTACT_UNIT)):
        m = regex.search(text)
        if m:
            out[key] = re.sub(r"\s+", " ", m.group("v")).strip()
    email = _EMAIL.search(text)
    if email:
        out["email"] = email.group(0)
    return out


def find_doc_numbers(text: str) -> list[DocNumber]:
    """Every 文号 (川环委〔2023〕1号, [2019], (2019), 【2019】, 號, 川环发2019年12号 …), unique, in order."""
    seen: set[str] = set()
    out: list[DocNumber] = []
    for m in _DOC_NUMBER.finditer(text):
        agency = m.group("agency")
        while len(agency) > 2 and agency[0] in _AGENCY_LEAD:
            agency = agency[1:]
        raw = m.group(0)[len(m.group("agency")) - len(agency):]
        if len(agency) < 2:
            continue
        year = int(m.group("y1") or m.group("y2"))
        number = int(m.group("n"))
        canonical = f"{agency}〔{year}〕{number}号"
        if canonical in seen:
            continue
        seen.add(canonical)
        out.append(DocNumber(raw=raw, canonical=canonical, agency=agency, year=year, number=number))
    return out


def extract_fields(texts: str | Iterable[str], *, context_year: int | None = None) -> dict:
    """All fields of this module over one text or several (body first, then attachments), JSON-ready.

    Each field is taken from the first text that states it.
    """
    items = [texts] if isinstance(texts, str) else [t for t in texts if t]

    def first(fn, **kw):
        for t in items:
            value = fn(t, **kw)
            if value:
                return value
        return None

    acc = first(acceptance_date, context_year=context_year)
    fb = first(feedback_date, context_year=context_year)
    return {
        "acceptance_date": acc.iso() if acc else None,
        "acceptance_date_text": acc.text if acc else None,
        "feedback_date": fb.iso() if fb else None,
        "feedback_date_text": fb.text if fb else None,
        "feedback_date_redacted": bool(fb and fb.redacted),
        "task_number": first(task_number),
        "responsible_units": first(responsible_units),
        "problem_count": first(problem_count),
        "deadline_schedule": first(deadline_schedule, context_year=context_year) or [],
        "objection_contact": first(objection_contact) or {},
        "doc_numbers": [asdict(d) for t in items for d in find_doc_numbers(t)],
    }
