"""Document generation: a cheap skeleton per posting, the body and attachment text on demand.

Every function is deterministic: randomness comes from `random.Random(f"{seed}:{site}:{key}:…")`.
"""
from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass, field

from simweb import templates_zh as T
from simweb.sites import SiteSpec

logger = logging.getLogger(__name__)

DOC_TYPES = (("acceptance_notice", 30), ("rectification_plan", 9), ("rectification_progress", 11),
             ("inspection_feedback", 7), ("typical_case", 9), ("eia_notice", 16), ("other", 18))
EXT_KIND = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx"}


@dataclass(frozen=True)
class AttachmentSpec:
    """An attachment as listed on the detail page."""

    label: str  # link text, e.g. 附件1：验收销号表.pdf
    filename: str  # original file name with extension
    kind: str  # pdf | docx | xlsx
    heading: str  # first line inside the file


@dataclass(frozen=True)
class Skeleton:
    """What list pages and URLs need; cheap to build for 10,000 postings."""

    key: str
    doc_type: str
    title: str
    ident: int
    hexid: str
    doc_number: str | None
    stated_lag: int
    explicit_objection: bool
    chinese_date: bool
    attachments: tuple[AttachmentSpec, ...]
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def rng_for(seed: int, site: str, *parts: object) -> random.Random:
    """A sub-RNG named by seed, site and parts (string seeds: stable across runs, no hash())."""
    return random.Random(":".join([str(seed), site, *map(str, parts)]))


def cn_date(d: dt.date) -> str:
    """2024年7月3日."""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_numeral_date(d: dt.date) -> str:
    """二〇二四年七月三日 (the form used in signatures of formal documents)."""
    def small(n: int) -> str:
        if n < 10:
            return "〇一二三四五六七八九"[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else "〇一二三四五六七八九"[tens]) + "十" + ("" if ones == 0 else "〇一二三四五六七八九"[ones])
    year = "".join(T.CN_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{small(d.month)}月{small(d.day)}日"


def doc_number(rng: random.Random, abbr: str, year: int) -> str:
    """A 文号 in one of the forms seen in the wild."""
    n = rng.randint(1, 80)
    form = rng.choice(("std", "std", "std", "square", "paren", "trad"))
    if form == "square":
        return f"{abbr}[{year}]{n}号"
    if form == "paren":
        return f"{abbr}({year}){n}号"
    if form == "trad":
        return f"{abbr}〔{year}〕{n}號"
    return f"{abbr}〔{year}〕{n}号"


def _pick_type(rng: random.Random) -> str:
    total = sum(w for _, w in DOC_TYPES)
    x = rng.uniform(0, total)
    for name, w in DOC_TYPES:
        x -= w
        if x <= 0:
            return name
    return DOC_TYPES[-1][0]


def make_skeleton(seed: int, site: SiteSpec, key: str, posted: dt.date, ident: int) -> Skeleton:
    """Type, title, 文号 and attachment list of one posting."""
    rng = rng_for(seed, site.id, key)
    doc_type = _pick_type(rng)
    place = site.place
    rnd = rng.choice(T.ROUNDS)
    task = rng.choice(T.TASKS)
    no = rng.randint(1, 68)
    year = posted.year
    p = {"round": rnd, "task": task, "no": str(no), "place": place}
    atts: list[AttachmentSpec] = []
    number = None
    if doc_type == "acceptance_notice":
        from simweb.ledger import cite, closure_numbers, plan_for
        from simweb.ledger_forms import cites_central, province_plan_site

        central = cites_central(site, rnd)  # a district has no plan of a central round: the province's is cited
        plan = plan_for(seed, province_plan_site(site) if central else site.id, rnd)  # task(s) of its round's plan
        numbers = closure_numbers(seed, site.id, key, no, len(plan.tasks))
        problems = [plan.task(n).problem for n in numbers]
        p.update(no=str(numbers[0]), task=problems[0], nos=",".join(map(str, numbers)), tasks="|".join(problems))
        cited = cite(seed, site.id, key, numbers)
        title = rng.choice((
            f"{place}关于{rnd}反馈问题{cited}整改任务验收销号情况的公示",
            f"{'、'.join(problems)}任务验收销号意见公开公示内容",
            f"{place}{rnd}反馈问题{cited}整改任务完成情况公示",
            f"关于{rnd}整改任务{'、'.join(f'“{t}”' for t in problems)}验收销号的公示",
        ))
        from simweb.ledger_forms import cites_province, province_title

        if central:
            p.update(upcite=province_plan_site(site), cites="central")
        if cites_province(seed, site, key):  # closes a task of the province's plan, citing its numbering
            upper = province_plan_site(site)
            tasks = plan_for(seed, upper, rnd).tasks
            k = (no - 1) % len(tasks) + 1
            problems = [tasks[k - 1].problem]
            p.update(no=str(k), task=problems[0], nos=str(k), tasks=problems[0], upcite=upper, cites="province")
            title = province_title(seed, site, key, rnd, k, problems[0])
        task = problems[0]
        kind = rng.choice(("pdf", "xlsx", "docx", "pdf"))
        atts.append(AttachmentSpec("", f"{task}整改任务验收销号表.{kind}", kind, f"{rnd}整改任务验收销号表"))
    elif doc_type == "rectification_plan":
        from simweb.ledger_forms import own_plan_round

        rnd = own_plan_round(site, rnd)  # a district answers the provincial inspections, the province the central
        p["round"] = rnd
        title = f"{place}贯彻落实{rnd}报告整改方案"
        if rng.random() < 0.5:
            title = f"关于公开《{title}》的通知"
        number = doc_number(rng, site.abbr, year)
        atts.append(AttachmentSpec("", f"{place}贯彻落实督察报告整改方案.pdf", "pdf", f"{place}贯彻落实{rnd}报告整改方案"))
        rng.randint(30, 90)  # drawn as before, so the skeletons of later postings do not move
        from simweb.ledger import plan_for, plan_format, stated_extra

        fmt = plan_format(seed, site.id, key)
        list_kind = fmt if fmt in ("docx", "pdf") else "xlsx"
        atts.append(AttachmentSpec("", f"整改任务清单.{list_kind}", list_kind, f"{rnd}反馈问题整改任务清单"))
        n_tasks = len(plan_for(seed, site.id, rnd).tasks)
        p.update(n=str(n_tasks + stated_extra(seed, site.id, key)), format=fmt)
    elif doc_type == "rectification_progress":
        month = rng.randint(1, 12)
        title = rng.choice((f"{place}{rnd}整改落实情况（截至{year}年{month}月底）",
                            f"{place}{rnd}反馈问题整改进展情况公开"))
        p.update(month=str(month))
        progress = ""
        if rng.random() < 0.6:
            kind = rng.choice(("xlsx", "docx"))
            if kind == "docx" and rng_for(seed, site.id, key, "progress-pdf").random() < 0.4:
                kind = "pdf"  # printed without ruled lines (simweb.attachments.build_pdf_unruled); own RNG
            atts.append(AttachmentSpec("", f"整改进展情况表.{kind}", kind, f"{rnd}整改进展情况表"))
            progress = kind
        elif rng_for(seed, site.id, key, "progress-html").random() < 0.5:  # own RNG: later draws do not move
            progress = "html"
        p.update(progress=progress)  # where the status table of its round's plan tasks is (simweb.ledger)
    elif doc_type == "inspection_feedback":
        from simweb.ledger_forms import feedback_title

        group = rng.choice('一二三四五六七八')
        title = feedback_title(rnd, group, place) or f"中央第{group}生态环境保护督察组向{place}反馈督察情况"
        if rng.random() < 0.4:
            number = doc_number(rng, "环督察", year)
    elif doc_type == "typical_case":
        prob = rng.choice(T.CASE_PROBLEMS)
        title = f"中央生态环境保护督察典型案例：{place}部分地区{prob}"
        p.update(problem=prob)
    elif doc_type == "eia_notice":
        comp, proj = rng.choice(T.COMPANIES), rng.choice(T.PROJECTS)
        stage = rng.choice(("受理", "拟审批"))
        title = (f"{comp}{proj}环境影响报告书受理情况公示" if stage == "受理"
                 else f"关于拟对{comp}{proj}环境影响评价文件作出审批意见的公示")
        p.update(company=comp, project=proj, stage=stage)
        atts.append(AttachmentSpec("", f"{proj}环境影响报告书（公示本）.pdf", "pdf", f"{comp}{proj}环境影响报告书"))
        if rng.random() < 0.5:
            atts.append(AttachmentSpec("", "建设项目环境影响评价公众意见表.docx", "docx", "建设项目环境影响评价公众意见表"))
    else:
        sub = rng.choice(("procurement", "personnel", "office"))
        p.update(sub=sub)
        if sub == "procurement":
            item = rng.choice(T.PROCUREMENT)
            title = f"{site.publisher}{year}年{item}采购项目公开招标公告"
            atts.append(AttachmentSpec("", f"{item}采购文件.docx", "docx", f"{item}采购文件"))
        elif sub == "personnel":
            item = rng.choice(T.PERSONNEL)
            title = f"{site.publisher}{year}年{item}公示"
            atts.append(AttachmentSpec("", f"{item}名单.xlsx", "xlsx", f"{item}名单"))
        else:
            item = rng.choice(T.OFFICE_NOTICES)
            title = f"关于{item}的通知"
        p.update(item=item)
    if number is None and doc_type in ("acceptance_notice", "rectification_progress") and rng.random() < 0.25:
        number = doc_number(rng, site.abbr, year)
    labelled = tuple(AttachmentSpec(f"附件{i + 1}：{a.filename}", a.filename, a.kind, a.heading)
                     for i, a in enumerate(atts))
    return Skeleton(key=key, doc_type=doc_type, title=title, ident=ident,
                    hexid=f"{rng.getrandbits(128):032x}", doc_number=number,
                    stated_lag=rng.choice((0, 0, 0, 1, 1, 2, 3, 5)),
                    explicit_objection=rng.random() < 0.4, chinese_date=rng.random() < 0.2,
                    attachments=labelled, params=p)


RETITLES = (("公示", "公告"), ("情况", "完成情况"), ("关于", ""), ("整改", "整改工作"))


def title_for(skel: Skeleton, rev: int) -> str:
    """The title after `rev` retitles (each one visibly different from the previous)."""
    title = skel.title
    for r in range(1, rev + 1):
        old, new = RETITLES[(r - 1) % len(RETITLES)]
        if old in title:
            title = title.replace(old, new, 1)
        else:
            title = f"{title}（更正）" if r % 2 else f"{title}（第{r}次更新）"
    return title


def add_workdays(start: dt.date, n: int) -> dt.date:
    """The n-th Monday–Friday day counting `start` itself (start moved to a weekday first)."""
    d = start
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    count = 1
    while count < n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            count += 1
    return d


def objection(skel: Skeleton, posted: dt.date) -> dict | None:
    """The objection window of a 公示 (acceptance notices only)."""
    if skel.doc_type != "acceptance_notice":
        return None
    if skel.explicit_objection:
        start = add_workdays(posted, 1)
        return {"start": start.isoformat(), "end": add_workdays(start, 10).isoformat(),
                "working_days": 10, "form": "explicit"}
    return {"start": posted.isoformat(), "end": None, "working_days": 10, "form": "from_publication"}


def stated_date(skel: Skeleton, posted: dt.date) -> dt.date:
    """The date printed under the signature."""
    return posted - dt.timedelta(days=skel.stated_lag)
