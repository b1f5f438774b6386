"""Datasette metadata of the rectification ledger: table descriptions, two canned queries and the Atom feed.

``:as_of`` empty means today in China (UTC+8); ``:region`` empty means all regions (a province
includes its cities: ``四川省`` matches ``四川省绵阳市``); ``:plan`` is a ``plans.id`` (empty: all).
"""
from __future__ import annotations

from typing import Any

from archive.ledger.unread import SAYS_SOMETHING_GLOB, unlinked_closeouts_sql
from archive.regions import region_match
from archive.web.queries import TODAY

AS_OF = f"coalesce(nullif(:as_of, ''), {TODAY})"
_REGION = "(:region = '' OR p.region LIKE :region || '%')"
_CLOSED_BY = (f"EXISTS (SELECT 1 FROM task_links l WHERE l.task_id = t.id AND l.kind = 'closure'"
              f" AND l.status = 'confirmed' AND (l.posted IS NULL OR l.posted <= {AS_OF}))")

LEDGER_OVERDUE = f"""
SELECT p.region, t.number, t.problem, t.lead_units, t.deadline_text, t.deadline,
       CAST(julianday({AS_OF}) - julianday(t.deadline) AS INTEGER) AS days_overdue,
       p.document_id AS document_link, p.title AS plan_title, p.id AS plan_id
FROM tasks t
JOIN plans p ON p.id = t.plan_id
WHERE t.deadline IS NOT NULL AND t.deadline < {AS_OF} AND NOT {_CLOSED_BY} AND {_REGION}
ORDER BY t.deadline, p.region, t.number"""

#: The newest status a progress report's table gave the task by :as_of (date, then URL: as the report).
_LATEST_PROGRESS = (f"(SELECT tp.id FROM task_progress tp JOIN documents d ON d.id = tp.document_id WHERE tp.task_id = t.id"
                    f" AND (tp.posted IS NULL OR tp.posted <= {AS_OF}) ORDER BY tp.posted DESC, d.url DESC LIMIT 1)")

LEDGER_CLAIMED_DONE = f"""
SELECT p.region, t.number, t.problem, t.lead_units, t.deadline_text, t.deadline,
       lp.status_text AS reported, lp.posted AS reported_on, rd.url AS reported_in,
       p.document_id AS document_link, p.title AS plan_title, p.id AS plan_id
FROM tasks t
JOIN plans p ON p.id = t.plan_id
JOIN task_progress lp ON lp.id = {_LATEST_PROGRESS}
JOIN documents rd ON rd.id = lp.document_id
WHERE lp.status = 'done' AND NOT {_CLOSED_BY} AND {_REGION}
ORDER BY lp.posted, p.region, t.number"""

#: ``archive.ledger.unread``: plans whose inspection no reader named, deadline cells no reader gave a day or kind,
#: status cells no reader classed, close-outs tied to no task (by :as_of; the close-outs last, as the report lists them)
LEDGER_UNREAD = f"""
SELECT region, kind, number, words, posted, posted_in, document_link, plan_title, plan_id FROM (
SELECT p.region, 'inspection' AS kind, -1 AS kind_order, NULL AS number, p.title AS words, p.published AS posted,
       p.url AS posted_in, p.document_id AS document_link, p.title AS plan_title, p.id AS plan_id
FROM plans p
WHERE p.inspection_id IS NULL AND {_REGION}
UNION ALL
SELECT p.region, 'deadline', 0, t.number, t.deadline_text, p.published, p.url, p.document_id, p.title, p.id
FROM tasks t
JOIN plans p ON p.id = t.plan_id
WHERE coalesce(t.deadline_kind, 'unknown') = 'unknown' AND t.deadline_text GLOB '{SAYS_SOMETHING_GLOB}' AND {_REGION}
UNION ALL
SELECT p.region, 'status', 1, t.number, tp.status_text, tp.posted, d.url, tp.document_id, p.title, p.id
FROM task_progress tp
JOIN tasks t ON t.id = tp.task_id
JOIN plans p ON p.id = t.plan_id
JOIN documents d ON d.id = tp.document_id
WHERE tp.status = 'other' AND tp.status_text GLOB '{SAYS_SOMETHING_GLOB}' AND (tp.posted IS NULL OR tp.posted <= {AS_OF})
  AND {_REGION}
UNION ALL
{unlinked_closeouts_sql(AS_OF)}
)
ORDER BY kind_order = 2, region, (SELECT published FROM plans WHERE id = plan_id), plan_id, number, kind_order, posted,
         posted_in"""

LEDGER_PLAN_TASKS = f"""
SELECT p.id AS plan_id, p.region, t.number, t.problem, t.lead_units, t.responsible_units,
       t.deadline_text, t.deadline,
       CASE WHEN {_CLOSED_BY} THEN
              CASE WHEN (SELECT min(d.objection_end) FROM task_links l JOIN documents d ON d.id = l.document_id
                         WHERE l.task_id = t.id AND l.kind = 'closure' AND l.status = 'confirmed') >= {AS_OF}
                   THEN 'closure_notice' ELSE 'closed' END
            WHEN t.deadline_kind = 'ongoing' THEN 'ongoing' ELSE 'open' END AS status,
       CASE WHEN t.deadline < {AS_OF} AND NOT {_CLOSED_BY} THEN 1 ELSE 0 END AS overdue,
       (SELECT group_concat(l.document_id || ' (' || coalesce(l.posted, '?') || ', 公示至 '
                            || coalesce(d.objection_end, '?') || ')', '; ')
        FROM task_links l JOIN documents d ON d.id = l.document_id
        WHERE l.task_id = t.id AND l.kind = 'closure' AND l.status = 'confirmed') AS closures,
       (SELECT group_concat(l.document_id || ': ' || l.reason, '; ') FROM task_links l
        WHERE l.task_id = t.id AND l.status = 'candidate') AS candidates,
       p.document_id AS document_link, p.title AS plan_title, t.source
FROM tasks t
JOIN plans p ON p.id = t.plan_id
WHERE (:plan = '' OR p.id = :plan) AND {_REGION}
ORDER BY p.region, p.id, t.number"""

#: A task became overdue the day after its last allowed day, unless a confirmed close-out was posted by
#: then (the report's rule with ``as_of`` = that day); the entry stays when a late close-out follows
#: (which gets its own entry).  A close-out is dated when the archive first saw the notice.  A task whose
#: newest progress report calls it done with no close-out to this day (``ledger_claimed_done`` as of
#: today) is dated when the archive first saw that report, and leaves the feed when a close-out comes.
_OVERDUE_ON = "date(t.deadline, '+1 day')"
#: ``:site`` keeps the plans posted by that site (and, for close-outs, the notices it posted).
_PLAN_OF_SITE = "EXISTS (SELECT 1 FROM documents pd WHERE pd.id = p.document_id AND pd.site_id = :site)"
_PLAN_SITE = f"(:site = '' OR {_PLAN_OF_SITE})"
_FEED_REGION = f"(:region = '' OR {region_match('p.region', ':region')}) AND {_PLAN_SITE}"
FEED_LEDGER = f"""
SELECT * FROM (
SELECT 'urn:ducha:ledger:overdue:' || p.document_id || ':' || t.number AS atom_id,
       '逾期未销号 Overdue: ' || coalesce(p.region, '') || ' 第' || t.number || '项 ' || coalesce(t.problem, '') AS atom_title,
       {_OVERDUE_ON} || 'T00:00:00+08:00' AS atom_updated,
       '/-/ducha/ledger/' || p.document_id || '#task-' || t.number AS atom_link,
       '整改时限 ' || coalesce(t.deadline_text, '') || '（最后期限 last day ' || t.deadline || '）已过，'
       || {_OVERDUE_ON} || ' 起逾期：此前无验收销号公示。 Overdue since ' || {_OVERDUE_ON} || '.' || char(10)
       || '牵头单位 ' || coalesce(t.lead_units, '—') || char(10) || '整改方案 ' || coalesce(p.title, p.url) AS atom_content,
       coalesce(p.region, '') AS atom_author_name
FROM tasks t
JOIN plans p ON p.id = t.plan_id
WHERE t.deadline IS NOT NULL AND {_OVERDUE_ON} <= {TODAY} AND {_FEED_REGION}
  AND NOT EXISTS (SELECT 1 FROM task_links l WHERE l.task_id = t.id AND l.kind = 'closure' AND l.status = 'confirmed'
                  AND (l.posted IS NULL OR l.posted <= {_OVERDUE_ON}))
UNION ALL
SELECT 'urn:ducha:ledger:closure:' || p.document_id || ':' || t.number || ':' || l.document_id,
       '验收销号 Close-out: ' || coalesce(p.region, '') || ' 第' || t.number || '项 ' || coalesce(t.problem, ''),
       d.first_seen_at,
       '/-/ducha/document/' || l.document_id,
       coalesce(d.title, d.url) || char(10) || '发布 posted ' || coalesce(l.posted, '?') || ' · 公示期至 window ends '
       || coalesce(d.objection_end, '未说明 not stated') || ' · 整改时限 deadline ' || coalesce(t.deadline, t.deadline_text, '—')
       || char(10) || '整改方案 ' || coalesce(p.title, p.url),
       coalesce(p.region, '')
FROM task_links l
JOIN tasks t ON t.id = l.task_id
JOIN plans p ON p.id = t.plan_id
JOIN documents d ON d.id = l.document_id
WHERE l.kind = 'closure' AND l.status = 'confirmed' AND (:region = '' OR {region_match('p.region', ':region')})
  AND (:site = '' OR d.site_id = :site OR {_PLAN_OF_SITE})
UNION ALL
SELECT 'urn:ducha:ledger:claimed:' || p.document_id || ':' || t.number || ':' || lp.document_id,
       '称已完成无销号 Reported done, no close-out: ' || coalesce(p.region, '') || ' 第' || t.number || '项 '
       || coalesce(t.problem, ''),
       rd.first_seen_at,
       '/-/ducha/ledger/' || p.document_id || '#task-' || t.number,
       '整改进展报告称“' || coalesce(lp.status_text, '') || '”（发布 posted ' || coalesce(lp.posted, '?')
       || '），至今无验收销号公示。 The newest progress report calls it done; no close-out notice so far.'
       || char(10) || coalesce(rd.title, rd.url) || char(10) || '整改方案 ' || coalesce(p.title, p.url),
       coalesce(p.region, '')
FROM tasks t
JOIN plans p ON p.id = t.plan_id
JOIN task_progress lp ON lp.id = {_LATEST_PROGRESS.replace(AS_OF, TODAY)}
JOIN documents rd ON rd.id = lp.document_id
WHERE lp.status = 'done' AND NOT {_CLOSED_BY.replace(AS_OF, TODAY)} AND {_FEED_REGION}
)
ORDER BY julianday(atom_updated) DESC, atom_id
LIMIT 100"""

_HELP = ("参数 region（如 四川省，含其下各市）、as_of（YYYY-MM-DD，留空为今天）留空表示全部。"
         " Leave region empty for all; as_of empty means today.")

LEDGER_QUERIES: dict[str, dict[str, Any]] = {
    "ledger_overdue": {
        "title": "逾期未销号 Overdue rectification tasks",
        "description": "整改方案中整改时限已过、截至 as_of 仍未发布验收销号公示的任务（立行立改无具体日期、长期坚持的任务不计）。"
                       " Tasks whose last allowed day has passed with no close-out notice posted by as_of "
                       "(立行立改 without a date and 长期坚持 are never overdue). " + _HELP,
        "sql": LEDGER_OVERDUE.strip(), "hide_sql": True, "params": ["region", "as_of"]},
    "ledger_claimed_done": {
        "title": "称已完成但无销号公示 Tasks reported done without a close-out",
        "description": "整改进展报告（截至 as_of 最新一份）称已完成，但截至 as_of 没有验收销号公示的任务。"
                       " Tasks the newest progress report by as_of calls done (已完成) while no close-out notice "
                       "was posted by then. " + _HELP,
        "sql": LEDGER_CLAIMED_DONE.strip(), "hide_sql": True, "params": ["region", "as_of"]},
    "ledger_unread": {
        "title": "未能识别的措辞 Wordings the ledger could not read",
        "description": "未能识别出所属督察的整改方案、整改时限未能识别出日期或类型的任务、整改进展报告中未能归类的进展表述，以及未能关联到任何任务的"
                       "验收销号公示（截至 as_of），供人工核对：漏读的时限会使任务不进入逾期清单，漏读的“已完成”会使任务不进入"
                       "“称已完成但无销号公示”，未关联的销号公示会使已销号的任务仍显示未销号。"
                       " Plans whose inspection no reader named, deadline cells no reader gave a day or a kind, "
                       "progress-report status cells no reader "
                       "classed, and close-out notices tied to no task (by as_of), for a person to check: a missed "
                       "deadline keeps a task off the overdue list, a missed 已完成 keeps it off the reported-done "
                       "list, a close-out tied to no task leaves the task it closes open. " + _HELP,
        "sql": LEDGER_UNREAD.strip(), "hide_sql": True, "params": ["region", "as_of"]},
    "ledger_plan": {
        "title": "整改方案任务与销号 Plan tasks and close-outs",
        "description": "每个整改方案的任务：牵头单位、整改时限、状态（open 未销号 / closure_notice 公示期内 / closed 已销号 / "
                       "ongoing 长期坚持）、是否逾期，及关闭该任务的验收销号公示（编号、发布日期、公示截止日）；"
                       "有歧义的关联列在 candidates。参数 plan 为 plans.id。"
                       " Every plan task with its status, overdue flag and the close-out notices (id, posted, window end); "
                       "ambiguous links under candidates. plan is a plans.id. " + _HELP,
        "sql": LEDGER_PLAN_TASKS.strip(), "hide_sql": True, "params": ["plan", "region", "as_of"]},
    "feed_ledger": {
        "title": "整改任务逾期与销号 Atom 订阅 Ledger feed: tasks overdue and closed out",
        "description": "整改任务逾期（整改时限次日起、此前无验收销号公示；之后补发的销号另列一条）、新的验收销号公示"
                       "（按存档首次发现时间），及进展报告称已完成但至今无销号公示的任务（按报告首次发现时间）。"
                       "加 .atom 后缀订阅；region 留空为全部，省含其下各市；site（站点 id）只看该站点发布的整改方案及其销号公示。"
                       " Tasks that became overdue (dated the day after the deadline), close-outs (dated when the "
                       "archive first saw the notice) and tasks reported done with no close-out so far (dated when "
                       "the archive first saw the report); append .atom. region empty for all; a province includes "
                       "its cities; site (a site id) keeps the plans that site posted and the close-outs it posted.",
        "sql": FEED_LEDGER.strip(), "hide_sql": True, "params": ["region", "site"]},
}

LEDGER_TABLES: dict[str, dict[str, Any]] = {
    "ledger_notices": {
        "description": "台账记录：每个验收销号/整改进展公告按哪个版本、对哪个地区的整改方案做过关联（增量重建用）。"
                       " Bookkeeping: which version of each close-out/progress posting was linked against which "
                       "region's plans (for incremental rebuilds).",
        "columns": {"document_id": "公告 Posting", "version_id": "关联时的版本 Version linked",
                    "region": "匹配的地区 Region matched", "links": "关联数 Links", "linked_at": "关联时间 Linked at"},
    },
    "inspections": {
        "description": "督察：中央或省级、轮次、批次、被督察地区、反馈日期与反馈公告。 Inspections: central or "
                       "provincial, round, batch, inspected region, feedback date and posting.",
        "facets": ["level", "round", "region"],
        "columns": {"level": "级别 central/provincial", "round": "轮次 Round", "batch": "批次 Batch",
                    "region": "被督察地区 Inspected region", "feedback_date": "反馈日期 Feedback date",
                    "feedback_document_id": "督察反馈公告 Feedback posting",
                    "feedback_date_text": "反馈日期原文 Words the feedback date was read from",
                    "feedback_date_document_id": "反馈日期出处 Posting the feedback date was read from"},
    },
    "plans": {
        "description": "整改方案（每个公告一行）：督察、地区、发布日期、文中所述与解析出的任务数。 Rectification plans, "
                       "one per posting: inspection, region, published, task count stated and parsed.",
        "facets": ["region", "count_mismatch"],
        "columns": {"document_id": "公告 Posting", "inspection_id": "督察 Inspection", "site_id": "站点 Site",
                    "region": "地区 Region", "title": "标题 Title", "url": "网址 URL", "published": "发布日期 Published",
                    "task_count_stated": "文中所述问题数 Count stated",
                    "task_count_text": "所述问题数原文 Words the stated count was read from",
                    "task_count_parsed": "解析出的任务数 Count parsed",
                    "count_mismatch": "两者不一致 Stated ≠ parsed", "task_sources": "任务来源 Where tasks were read (JSON)",
                    "version_id": "读取的版本 Version read", "computed_at": "计算时间 Computed",
                    "inspection_named_as": "督察名称原文 Words naming the inspection"},
    },
    "tasks": {
        "description": "整改任务：编号、问题、牵头与责任单位、目标、整改时限（原文与最后期限）、措施。 Tasks of a plan: "
                       "number, problem, lead and responsible units, target, deadline as written and last allowed day.",
        "facets": ["deadline_kind", "source"],
        "columns": {"plan_id": "整改方案 Plan", "number": "编号 Number in the plan", "problem": "问题 Problem",
                    "lead_units": "牵头单位 Lead units", "responsible_units": "责任单位 Responsible units",
                    "target": "整改目标 Target", "deadline_text": "整改时限原文 Deadline as written",
                    "deadline": "最后期限 Last allowed day (none for 立行立改 without a date, 长期坚持)",
                    "deadline_kind": "时限类型 date / immediate / ongoing / recurring（每年…）/ relative（N个工作日内）/ unknown", "measures": "整改措施 Measures",
                    "source": "来源 html_table / docx_table / xlsx_table / xls_table / pdf_table / text"},
    },
    "task_links": {
        "description": "任务与公告的关联：整改方案、验收销号公示（closure）、整改进展（progress），附证据文字；"
                       "candidate 为有歧义、未计入销号的关联。 Task → posting links with evidence; candidates are ambiguous "
                       "and never count as close-outs.",
        "facets": ["kind", "status"],
        "columns": {"task_id": "任务 Task", "document_id": "公告 Posting", "kind": "plan / closure / progress",
                    "status": "confirmed / candidate", "posted": "公告日期 Posted", "location": "引用位置 title/body/attachment:ID",
                    "evidence": "证据 Citing text", "confidence": "置信度 Confidence",
                    "similarity": "问题文字相似度 Problem-text similarity", "reason": "原因 Reason"},
    },
    "task_progress": {
        "description": "整改进展报告表格中每项任务的状态（原文与分类），附报告与日期；报告称已完成而无验收销号公示的任务"
                       "在整改台账页面标出。 Per-task status from the tables of 整改进展 reports (as written and classed), "
                       "with the report and its date; tasks reported done without a close-out 公示 are flagged on the "
                       "ledger pages.",
        "facets": ["status"],
        "columns": {"task_id": "任务 Task", "document_id": "整改进展报告 Progress report", "posted": "报告日期 Posted",
                    "status_text": "进展原文 Status as written (已完成 / 序时推进 …)",
                    "status": "done / mostly_done / on_track / behind / ongoing / other",
                    "row_number": "表中序号 Row number", "row_problem": "表中任务文字 Row text",
                    "location": "位置 body / attachment:ID", "similarity": "问题文字相似度 Problem-text similarity",
                    "reason": "匹配方式 How the row was matched (when not by its number)"},
    },
    "file_tables": {
        "description": "附件中的表格（按文件 SHA-256 与读取器版本保存，整改方案与整改进展的附件在抓取时读取），"
                       "台账不再重复读取同一文件。 Tables read from a file's bytes, by its digest and the readers' "
                       "version (the attachments of plans and progress reports are read during the crawl): no "
                       "ledger build reads the same file twice.",
        "facets": ["kind"],
        "columns": {"sha256": "文件 SHA-256 File digest (attachments.sha256)", "kind": "读取器 Reader: pdf / docx / "
                    "xlsx / xls", "reader": "读取器版本 Readers' version",
                    "grids": "表格 Tables (JSON: each a list of rows of cell text)",
                    "computed_at": "读取时间 Read at " + "（ISO 8601，含时区 with offset）"},
    },
    "orphan_closeouts": {
        "description": "找不到所属整改方案的验收销号公示（例如区县公示引用省编号，而省级方案未存档），附原因；"
                       "省级方案入库后自动重新匹配。 Close-outs whose plan is not in the archive (e.g. a district notice "
                       "citing the province's numbering of a plan not archived), with the reason; re-linked when the "
                       "province's plans change.",
        "facets": ["region", "inspection"],
        "columns": {"document_id": "销号公示 Close-out posting", "region": "地区 Region the notice speaks for",
                    "inspection": "督察（公示原文）Inspection as the notice names it",
                    "numbers": "引用的任务编号 Task numbers cited (JSON)",
                    "reason": "未匹配原因 Why no task was linked"},
    },
}
