"""One home for the Chinese labels of column names: table pages, canned-query pages and CSV headers.

Readers see labels; machines keep the names (JSON keys, ``?_sort=``, SQL stay as they are).  A label is

1. ``LABELS[(table, column)]`` or ``LABELS[column]`` below (canned queries' and views' own columns, and the
   columns whose description starts in English), else
2. the Chinese words that open the column's description in ``archive.web.tables`` (``发布机构 Publisher`` →
   发布机构), else
3. the column name itself (a name that is already Chinese, as the list queries' ``标题``).

``tests/web/test_labels.py`` checks that every column of every table, view and canned query gets a Chinese label.
"""
from __future__ import annotations

import re

from archive.web.tables import TABLES

_HAN = re.compile(r"[\u2e80-\u9fff]")
#: The Chinese words opening a description, allowing a leading acronym: "CMS 日期（页面…）Date…" → "CMS 日期".
_OPENING = re.compile(r"^((?:[A-Z][A-Z0-9-]* )?[^A-Za-z（(：:]*)")

LABELS: dict[str | tuple[str, str], str] = {
    # search, lists and feeds
    "document_link": "公告", "snippet_html": "匹配片段", "rank": "相关度", "site": "站点", "month": "月份",
    "postings": "公告数", "removals": "删除数", "sites": "站点数",
    "atom_id": "条目标识", "atom_title": "条目标题", "atom_updated": "更新时间", "atom_link": "链接",
    "atom_content": "内容", "atom_author_name": "作者", "atom_related": "相关链接",
    # site health
    "last_ok_run": "最近成功抓取", "last_run_at": "最近抓取", "last_run_outcome": "最近结果",
    "newest_first_seen": "最新首次发现", "newest_publish_date": "最新发布日期",
    "failures_last_10_runs": "近 10 次失败数", "errors_last_10_runs": "近 10 次错误数",
    # timeliness figures (timeliness_by_region and the timeliness views)
    "objection_windows": "公示数", "windows_checked": "可核对公示数", "windows_shorter_than_stated": "公示期短于声明数",
    "early_removals": "公示期内删除数", "postings_seen_arriving": "监测期间新出现", "posting_lag_n": "滞后样本数 n",
    "median_posting_lag_days": "发布→发现天数中位数", "max_posting_lag_days": "发布→发现最长天数",
    "lag_negative": "滞后为负", "lag_0_days": "滞后 0 天", "lag_1_3_days": "滞后 1–3 天", "lag_4_7_days": "滞后 4–7 天",
    "lag_8_30_days": "滞后 8–30 天", "lag_over_30_days": "滞后 30 天以上", "acceptance_lag_n": "销号滞后样本数 n",
    "median_acceptance_lag_days": "销号滞后天数中位数", "feedback_lag_n": "反馈滞后样本数 n",
    "median_feedback_lag_workdays": "反馈→方案工作日中位数", "calendar_not_announced": "日历未公布数",
    "first_removed_date": "首次删除日期", "observed_to": "观察至", "observed_basis": "观察依据",
    "objection_meets_stated": "公示期符合声明",
    # the ledger's queries
    "days_overdue": "逾期天数", "plan_id": "方案编号", "plan_title": "整改方案", "overdue": "是否逾期", "closures": "销号公示",
    "candidates": "候选关联", "reported": "报告进展", "reported_on": "报告日期", "reported_in": "进展报告",
    "as_of": "截至日期", "words": "原文措辞（未能识别）", "posted_in": "出处公告",
    # timeliness measures without a column description
    "previous_visit_date": "上次查看日期", "cms_lag_days": "CMS 日期→发现天数", "stated_lag_days": "落款日期→发现天数",
    "url_date_precision": "URL 日期精度", "url_disagreement_days": "URL 日期相差天数", "objection_start": "公示开始",
    "objection_stated_start": "声明的公示开始", "objection_stated_end": "声明的公示截止",
    "objection_stated_length": "声明的公示期长度", "objection_stated_unit": "公示期单位",
    "objection_working_days": "公示期工作日数", "objection_workdays_counted": "计入的工作日",
    "objection_workdays_excluding_first": "不含首日的工作日", "observed_from": "观察起", "observed_workdays": "在线工作日数",
    "early_removal_excluding_first_day": "公示期内删除（不含首日）", "acceptance_date": "验收日期",
    "acceptance_lag_days": "验收→公示天数", "feedback_date_redacted": "反馈日期有遮挡", "feedback_lag_days": "反馈→发布天数",
    "feedback_submission_mark": "报送时限标记", "feedback_disclosure_mark": "公开时限标记", "problem_count": "问题数",
    "task_number": "任务编号", "deadline_schedule": "整改时限安排", "objection_contact": "异议联系方式",
    "calendar_status": "日历状态", "tolerance_days": "容差天数", "display_date_differs": "显示日期不同",
    "implausible_dates": "不合理日期", "year_source": "年份来源", "start": "起始", "note": "备注", "id": "编号",
    # columns whose description opens in English
    "etag": "HTTP 实体标签", "last_modified": "HTTP 修改时间", "sha256": "SHA-256 哈希", "label_en": "英文名称",
    "delivery": "列表获取方式", "channel": "渠道", "objection_status": "公示期状态", "deadline_kind": "时限类型",
    ("health_checks", "status"): "状态", ("alerts_sent", "kind"): "类型", ("task_links", "kind"): "关联类型",
    ("task_links", "status"): "关联状态", ("task_progress", "status"): "进展分类",
}


def _from_description(description: str) -> str | None:
    match = _OPENING.match(description or "")
    opening = match.group(1).strip() if match else ""
    return opening if _HAN.search(opening) else None


def label(column: str, table: str | None = None) -> str:
    """The Chinese label of ``column`` (of ``table`` when given); the name itself when none is known."""
    if table and (table, column) in LABELS:
        return LABELS[(table, column)]
    if column in LABELS:
        return LABELS[column]
    if column.endswith("_label") and column != "_label":  # a CSV's expanded foreign key: 站点（名称）
        return f"{label(column.removesuffix('_label'), table)}（名称）"
    # a table's own description; a view's or a query's column: the first table that describes it
    own = table is not None and table in TABLES and column in TABLES[table].get("columns", {})
    described = [TABLES[t]["columns"][column] for t in ([table] if own and table else list(TABLES))
                 if column in TABLES[t].get("columns", {})]
    for description in described:
        found = _from_description(description)
        if found:
            return found
    return column


def has_label(column: str, table: str | None = None) -> bool:
    """True when ``column`` shows a Chinese label."""
    return bool(_HAN.search(label(column, table)))
