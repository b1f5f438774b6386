"""Body paragraphs of a posting (canonical text, no page chrome) and of its attachments."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from simweb import templates_zh as T
from simweb.corpus import Skeleton, cn_date, cn_numeral_date, objection, rng_for, stated_date
from simweb.ledger import cn_small, plan_for, progress_table
from simweb.ledger_forms import FEEDBACK_SENTENCE, count_sentence, feedback_title, province_sentence
from simweb.sites import SiteSpec

logger = logging.getLogger(__name__)


def _office(site: SiteSpec) -> str:
    return f"{site.place}生态环境保护督察整改工作领导小组办公室"


TASK_HEADER = ("序号", "问题", "牵头单位", "责任单位", "整改时限")


def _plan_task_paragraphs(seed: int, site: SiteSpec, skel: Skeleton) -> list[str]:
    """The plan's task list in the body: an HTML table (rows as tab-separated paragraphs, see
    ``chrome.body_html``), numbered text, or a pointer to the attached list."""
    plan = plan_for(seed, site.id, skel.params["round"])
    fmt = skel.params.get("format")
    if fmt == "html":
        return ["\t".join(TASK_HEADER)] + ["\t".join((str(t.number), t.problem, t.lead_units, t.responsible_units,
                                                       t.deadline_text)) for t in plan.tasks]
    if fmt == "text":
        return ["整改任务清单如下："] + [f"{t.number}. {t.problem}（牵头单位：{t.lead_units}；责任单位：{t.responsible_units}；"
                                  f"整改时限：{t.deadline_text}）" for t in plan.tasks]
    return ["整改任务清单详见附件。"]


def _is_task_line(paragraph: str) -> bool:
    return "\t" in paragraph or "（牵头单位：" in paragraph


def _paragraphs(seed: int, site: SiteSpec, skel: Skeleton, posted: dt.date) -> list[str]:
    rng = rng_for(seed, site.id, skel.key, "body")
    p = skel.params
    place, rnd, task = p["place"], p["round"], p["task"]
    out: list[str] = []
    if skel.doc_number:
        out.append(skel.doc_number)
    t = skel.doc_type
    if t == "acceptance_notice":
        quoted = "".join(f"“{t}”" for t in p.get("tasks", task).split("|"))
        if p.get("cites") == "central":  # the province's plan of the central inspection, its numbering
            opening = f"《{site.region}贯彻落实{rnd}反馈意见整改方案》中{quoted}整改任务已整改完成，"
        elif p.get("upcite"):
            opening = province_sentence(site.region, rnd, int(p["no"]), task)
        else:
            opening = f"《{place}{rnd}整改方案》中{quoted}整改任务已整改完成，"
        out.append(f"{opening}{_office(site)}会同有关部门出具了验收销号意见，现予公示（见附件）。")
        out.append(rng.choice(T.CHECKS))
        ob = objection(skel, posted)
        if ob and ob["form"] == "explicit":
            s, e = dt.date.fromisoformat(ob["start"]), dt.date.fromisoformat(ob["end"])
            if skel.chinese_date:  # the notice's days in Chinese numerals, as its signature; a year-less end in its year
                start, end = cn_numeral_date(s), cn_numeral_date(e)
                end = end.split("年", 1)[1] if e.year == s.year else end
            else:
                start, end = cn_date(s), cn_date(e)
            out.append(T.OBJECTION_EXPLICIT.format(start=start, end=end, office=_office(site)))
        else:
            out.append(T.OBJECTION_RELATIVE.format(office=_office(site)))
        out.append(f"监督电话：{rng.choice(T.PHONES)}")
        out.append(f"邮寄地址：{place}{rng.choice(('人民路', '滨江路', '迎宾大道', '双园路'))}{rng.randint(1, 300)}号")
        out.append(f"邮政编码：{rng.randint(100000, 860000)}")
    elif t == "rectification_plan":
        n = int(p["n"])
        a = rng.randint(1, max(1, n // 4))
        b = rng.randint(max(1, n // 4), max(1, n // 2))
        y = posted.year
        out.append(f"{rnd}组对{place}开展了生态环境保护督察，形成了督察报告，并于{cn_date(posted - dt.timedelta(days=rng.randint(150, 270)))}进行了反馈。")
        out.append("督察报告反馈后，以主要领导任双组长的整改工作领导小组迅速推进整改工作，始终坚持问题、目标、结果导向，"
                   "及时研究制定《整改方案》，明确整改工作的指导思想、工作原则、整改目标和工作措施。根据有关要求，现将《整改方案》予以公开。")
        out.append(T.PLAN_GOAL.format(n=n, y1=y, y2=y + 1, y3=y + 2, a=a, b=b, c=n - a - b))
        counted = count_sentence(seed, site.id, skel.key, n)
        if counted:
            out.append(counted)
        out.extend(rng.sample(T.MEASURES, 3))
        out.extend(_plan_task_paragraphs(seed, site, skel))
    elif t == "rectification_progress":
        done = rng.randint(20, 60)
        out.append(f"按照{rnd}整改工作要求，现将{place}督察反馈问题整改进展情况公开如下。")
        out.append(f"截至目前，督察反馈的{done + rng.randint(5, 30)}个问题中，已完成整改{done}个，其余问题正在按序时进度推进。")
        out.extend(rng.sample(T.MEASURES, 3))
        if p.get("progress") == "html":
            out.append("各项整改任务进展情况如下：")
            out.extend("\t".join(row) for row in progress_table(seed, site.id, skel.key, rnd))
    elif t == "inspection_feedback":
        fb = posted - dt.timedelta(days=rng.randint(1, 5))
        short = place.rstrip("省市")
        if feedback_title(rnd, "", place):  # a provincial round: 省第N…督察组 … 反馈了督察情况
            out.append(f"经省委、省政府批准，{rnd}组对{place}开展了生态环境保护督察。"
                       + FEEDBACK_SENTENCE.format(date_text=cn_date(fb), place=short))
        else:
            out.append(T.FEEDBACK_INTRO.format(round=rnd, place=short, date_text=cn_date(fb)))
        out.append(f"督察组指出，{place}生态环境保护虽然取得明显进展和成效，但与人民群众的热切期盼相比，仍有差距，一些突出生态环境问题亟待解决。")
        out.append(f"督察发现，{task}问题较为突出。一些地方和部门对贯彻落实生态优先绿色发展认识还不够深刻、行动还不够自觉。")
        out.append("督察组要求，抓紧研究制定整改方案，在30个工作日内报送党中央、国务院。")
    elif t == "typical_case":
        out.append(f"{rnd}组在{place}督察发现，{p['problem']}，对当地生态环境造成破坏，群众反映强烈。")
        out.append(f"一、基本情况。现场检查发现，{task}，相关问题长期得不到有效解决。")
        out.append("二、主要问题。地方党委政府及有关部门履职不力，监管缺位，整改工作推进缓慢，存在敷衍应对、表面整改等问题。")
        out.append("三、原因分析。有关方面生态环境保护意识淡薄，重发展轻保护，对问题视而不见。督察组将进一步调查核实有关情况，并按要求做好后续督察工作。")
    elif t == "eia_notice":
        verb = "已受理以下建设项目环境影响评价文件" if p["stage"] == "受理" else "拟对以下建设项目环境影响评价文件作出审批意见"
        out.append(f"根据建设项目环境影响评价审批程序的有关规定，经审查，我厅{verb}，现将有关情况予以公示。")
        out.append(f"项目名称：{p['project']}；建设单位：{p['company']}有限公司；建设地点：{place}。")
        out.append(f"公示期为{cn_date(posted)}起5个工作日。公众可通过信函、传真、电子邮件等方式反映与建设项目环境影响评价审批有关的意见和建议。")
        out.append(f"联系电话：{rng.choice(T.PHONES)}")
    else:
        sub, item = p["sub"], p["item"]
        if sub == "procurement":
            out.append(f"项目概况：{item}采购项目的潜在供应商应在{place}公共资源交易平台获取招标文件，并于{cn_date(posted + dt.timedelta(days=20))}9点30分前递交投标文件。")
            out.append(f"预算金额：{rng.randint(30, 900)}万元。采购需求详见招标文件。")
            out.append("合格投标人须满足《中华人民共和国政府采购法》第二十二条规定。")
        elif sub == "personnel":
            out.append(f"根据公开招聘有关规定，经笔试、面试、考察和体检，现将{item}予以公示，公示期为5个工作日。")
            out.append("公示期间，如有异议，请以书面形式向局人事处反映。反映情况应实事求是，署真实姓名。")
        else:
            out.append(f"各处室、各直属单位：现将{item}有关事项通知如下。")
            out.append("请各单位高度重视，认真组织实施，并及时报送有关情况。")
    for i, a in enumerate(skel.attachments):
        out.append(f"附件{i + 1}：{a.filename.rsplit('.', 1)[0]}")
    out.append(site.publisher)
    sd = stated_date(skel, posted)
    out.append(cn_numeral_date(sd) if skel.chinese_date else cn_date(sd))
    return out


def body_paragraphs(seed: int, site: SiteSpec, skel: Skeleton, posted: dt.date, rev: int) -> tuple[str, ...]:
    """Canonical paragraphs after `rev` silent edits (each edit changes one middle paragraph)."""
    paras = _paragraphs(seed, site, skel, posted)
    lo = 1 if skel.doc_number else 0
    hi = max(lo + 1, len(paras) - 2 - len(skel.attachments))
    editable = [i for i in range(lo, hi) if len(paras[i]) >= 20 and not _is_task_line(paras[i])] or [lo]
    for r in range(1, rev + 1):
        rng = rng_for(seed, site.id, skel.key, "edit", r)
        i = rng.choice(editable)
        sentence = rng.choice(T.EDIT_SENTENCES)
        paras[i] = f"{paras[i]}{sentence[:-1]}（{r}）。"
    return tuple(paras)


@dataclass(frozen=True)
class AttachmentText:
    """What goes inside an attachment file."""

    heading: str
    lines: tuple[str, ...]
    table: tuple[tuple[str, ...], ...]
    probe: str


def attachment_text(seed: int, site: SiteSpec, skel: Skeleton, index: int, rev: int) -> AttachmentText:
    """Content of attachment `index` at replacement revision `rev`."""
    spec = skel.attachments[index]
    rng = rng_for(seed, site.id, skel.key, "att", index)
    p = skel.params
    table: tuple[tuple[str, ...], ...] = ()
    if "验收销号表" in spec.heading:
        lines = (f"单位：{rng.choice(T.UNITS)}",)
        closed = zip(p.get("nos", p["no"]).split(","), p.get("tasks", p["task"]).split("|"), strict=True)
        table = tuple(("整改任务", f"{p['round']}第{cn_small(int(no))}项整改任务：{task}") for no, task in closed) + (
                 ("整改责任单位", rng.choice(T.UNITS)),
                 ("整改目标", "问题整改到位，生态环境质量明显改善，建立长效机制。"),
                 ("整改措施", rng.choice(T.MEASURES)),
                 ("地方上报完成情况", "已完成整改，相关佐证材料已报送。"),
                 ("核查情况", rng.choice(T.CHECKS)),
                 ("验收销号意见", "同意验收销号。"))
    elif "整改任务清单" in spec.heading:
        plan = plan_for(seed, site.id, p["round"])
        if p.get("format") in ("xlsx", "docx", "pdf"):
            lines = ("单位：项",)
            table = ((*TASK_HEADER, "整改措施"),) + tuple(
                (str(t.number), t.problem, t.lead_units, t.responsible_units, t.deadline_text, rng.choice(T.MEASURES))
                for t in plan.tasks)
        else:
            lines = ("整改任务清单见正文。",)
    elif skel.doc_type == "rectification_progress" and "情况表" in spec.heading:
        lines = ("单位：项",)
        table = progress_table(seed, site.id, skel.key, p["round"])
    elif "清单" in spec.heading or "情况表" in spec.heading:
        lines = ("单位：个",)
        rows = [("序号", "整改任务", "牵头单位", "整改时限", "整改进展")]
        for n in range(1, rng.randint(4, 9)):
            rows.append((str(n), rng.choice(T.TASKS), rng.choice(T.UNITS),
                         f"{rng.choice((2024, 2025, 2026))}年底前", rng.choice(("已完成", "序时推进", "已完成"))))
        table = tuple(rows)
    elif "名单" in spec.heading:
        lines = ()
        table = (("序号", "姓名", "性别", "岗位"),) + tuple(
            (str(n), rng.choice("张王李赵刘陈杨黄") + rng.choice(("喆", "明", "婷", "伟", "珺", "强")),
             rng.choice("男女"), rng.choice(("环境监测", "综合管理", "执法"))) for n in range(1, 5))
    else:
        lines = tuple(rng.sample(T.MEASURES, 4)) + (f"{p['place']}生态环境保护督察整改工作领导小组办公室",)
    probe = f"{spec.heading}（第{rev + 1}版）"
    if rev:
        lines = lines + (f"本表于第{rev}次更新，{rng_for(seed, site.id, skel.key, 'attrev', index, rev).choice(T.EDIT_SENTENCES)}",)
    return AttachmentText(heading=probe, lines=lines, table=table, probe=probe)
