"""Build ``datasette-metadata.json`` from code: ``python -m archive.web.metadata > datasette-metadata.json``.

The JSON file is what ``ducha serve`` passes to Datasette; ``tests/web/test_metadata.py`` checks that
it equals ``build_metadata()``, so edit this module (and ``archive.web.queries``), then regenerate.
"""
from __future__ import annotations

import json
import sys
from typing import Any

from archive.web import queries as q
from archive.web.ledger_meta import LEDGER_QUERIES
from archive.web.tables import TABLES

DB = "archive"
SITE_REGION = {"site": "", "region": ""}

_ROBOTS = "User-agent: *\nAllow: /$\nAllow: /-/ducha/document/\nDisallow: /archive\nDisallow: /-/"

_TYPE_SINCE_HELP = ("类型 type（如 验收销号公示 或 acceptance_notice）与起始日期 since（YYYY-MM-DD）留空表示全部。"
                    " type and since (YYYY-MM-DD) empty for all. ")
_SITE_REGION_HELP = ("参数 site（站点 id，如 mee）与 region（如 四川 或 四川省）留空表示全部。"
                     " Leave site/region empty for all; region 四川 matches 四川省.")


def _query(title: str, description: str, sql: str, params: list[str] | None = None, **extra: Any) -> dict:
    """One canned query entry: Chinese first, then English."""
    entry = {"title": title, "description": description, "sql": sql.strip(), "hide_sql": True}
    if params:
        entry["params"] = params
    entry.update(extra)
    return entry


def canned_queries() -> dict[str, dict]:
    """Every canned query of the ``archive`` database, keyed by URL name."""
    sr = ["site", "region"]
    return {
        "search": _query(
            "全文检索 Full-text search",
            "全文检索标题、正文和附件文字，最新收录的在前，每页 20 条（page 填 2、3… 翻页），匹配处高亮；order 填 relevance（或 相关度）"
            "按相关度排列（标题含全部检索词的在前，rank 越大越相关）。“销号”只匹配两字相连处（空格不计），多个词用空格分开，须全部出现；"
            "“督察 OR 整改”任一出现即可，“-环评”排除含该词的；文号中的括号 () （） 〔〕 [] 【】 视为相同。"
            "页首显示总条数，下载 CSV 含全部结果。"
            " Full-text search over titles, bodies and attachment texts, newest first, 20 per page (page=2, 3 …), matches"
            " highlighted; order=relevance puts title matches first. Several words separated by spaces must all occur;"
            " 督察 OR 整改 takes either, -环评 excludes; bracket forms in document numbers are one. The page tells the"
            " total; the CSV has every match. "
            "type（类型，如 验收销号公示）、since / until（日期范围 YYYY-MM-DD）可选 Optional type and date range. "
            + _SITE_REGION_HELP, q.SEARCH, ["q", "order", "page", *sr, "type", "since", "until"],
            ducha_count_sql=q.SEARCH_COUNT.strip(), ducha_bound_sql=q.SEARCH_CANDIDATES.strip(),
            ducha_export_sql=q.SEARCH_ALL.strip()),
        "latest": _query(
            "最新收录 Latest postings",
            "最近首次发现的公告（按首次发现时间倒序）。 Postings most recently found by the crawler. " + _TYPE_SINCE_HELP
            + _SITE_REGION_HELP, q.LATEST, [*sr, "type", "since"], ducha_feed="feed_new", ducha_full_fields="/archive/documents"),
        "open_gongshi": _query(
            "公示期内 Open objection windows",
            "异议期尚未结束的公示（objection_end ≥ 今天，北京时间；取自 timeliness 表：声明的截止日，否则按工作日计算），"
            "days_left 为剩余天数；deadline_excluding_first_day 为不含首日（民法典第201条）的截止日；"
            "status=removed 且 removed_before_end=1 表示公示期内已被撤下。"
            " 公示 whose objection window has not closed yet (China time; stated end, else computed in working "
            "days), with the deadline counted both ways and whether the notice was already taken down. "
            + _SITE_REGION_HELP,
            q.OPEN_GONGSHI, sr, ducha_feed="feed_gongshi", ducha_full_fields="/archive/timeliness"),
        "removed": _query(
            "已删除 Removed postings",
            "目前已被撤下的公告（每个一行）：删除时间、在线天数（首次发现→最后一次看到在线，同一次为 0）、删除次数、是否在公示期内删除。"
            "删除后又恢复的见“已修改”订阅与 timeliness_flags。"
            " " + _TYPE_SINCE_HELP + "Postings currently taken down, one row each: when, how long we saw them online (first → last seen), how often, and whether "
            "before the objection window closed (restored ones: see the changes feed and timeliness_flags). "
            + _SITE_REGION_HELP, q.REMOVED, [*sr, "type", "since"], ducha_feed="feed_removed", ducha_full_fields="/archive/documents?status=removed"),
        "changes": _query(
            "已修改 Changed postings",
            "内容被改动的公告（每次改动一行）及改动摘要：标题、日期、附件（名称与哈希）和正文；点击编号查看完整逐字对比。"
            " Silent edits, one row per change, with a compact diff of title, dates, attachments (name and digest) "
            "and body; open the document page for the full inline diff. "
            + _SITE_REGION_HELP, q.CHANGES, sr, ducha_feed="feed_changed", ducha_full_fields="/archive/events?kind=changed"),
        "backdating": _query(
            "疑似倒签 Possible backdating",
            "timeliness 表标记的疑似倒签：监测期间新出现的公告日期早于首次发现（超过容差 3 天），日期早于 URL 中的日期，"
            "或后续版本把日期改早（reasons 列出原因，days_earlier 为最大天数）。填写 days 只看超过该天数的。"
            " Postings the timeliness measures flag as backdated: a posting that appeared while we were watching "
            "carries a date more than the tolerance (3 days) before we first saw it, a date earlier than its URL's, "
            "or a date later moved earlier (reasons; days_earlier is the largest gap). Give days to see only "
            "larger gaps. "
            + _SITE_REGION_HELP, q.BACKDATING, ["days", *sr], ducha_full_fields="/archive/timeliness_flags?backdated=1"),
        "site_health": _query(
            "站点健康 Site health",
            "每个站点最近一次成功抓取、最新公告、最近 10 次抓取中的失败次数。"
            " Per site: last successful run, newest posting, failures in the last 10 runs.",
            q.SITE_HEALTH),
        "postings_per_month": _query(
            "每月公告数（按地区） Postings per month per region",
            "按发布日期月份与地区统计，可用图表查看。 Counts by publish month and region (chart it).",
            q.POSTINGS_PER_MONTH),
        "removals_over_time": _query(
            "删除趋势 Removals over time", "每月删除事件数（按地区）。 Removal events per month and region.",
            q.REMOVALS_OVER_TIME),
        "timeliness_by_region": _query(
            "时效（按地区） Timeliness per region",
            "与 ducha report timeliness 相同的统计：监测期间新出现的公告从声称发布日期到首次发现的天数中位数及样本数 n"
            "（posting_lag_n；n 很小时中位数不可靠），最大值，疑似倒签数，公示数，公示期内被删除数，"
            "公示期短于声明数（windows_checked 为能核对的公示数；为空表示未计算，不是 0），反馈→整改方案工作日中位数。"
            " The same figures as `ducha report timeliness`: median lag from claimed publish date to first seen "
            "with its n (postings that appeared while watched), maximum, backdating flags, objection windows, "
            "removals inside them, windows shorter than stated (empty = not computed, never 0), median "
            "feedback → plan lag in working days.", q.TIMELINESS_BY_REGION),
        "feed_new": _query(
            "新公告 Atom 订阅 New postings feed",
            "新收录的公告（Atom：加 .atom 后缀）。 New postings as Atom (append .atom). " + _SITE_REGION_HELP,
            q.FEED_NEW, sr),
        "feed_gongshi": _query(
            "新公示 Atom 订阅 New 公示 feed",
            "新收录的公示（验收销号、环评公示或标题含“公示”）。 New 公示 notices only. " + _SITE_REGION_HELP,
            q.FEED_GONGSHI, sr),
        "feed_removed": _query(
            "删除 Atom 订阅 Removals feed", "公告被删除时。 Postings taken down. " + _SITE_REGION_HELP,
            q.FEED_REMOVED, sr),
        "feed_changed": _query(
            "修改 Atom 订阅 Changes feed", "公告被修改（附改动摘要）或删除后重新上线时。 Silent edits (with a change summary) and restorations. "
            + _SITE_REGION_HELP, q.FEED_CHANGED, sr),
        "feed_chain": _query(
            "签名清单 Atom 订阅 Daily chain feed",
            "每次抓取后写出的签名清单（最新在前）：清单的 SHA-256、上一份的哈希、签名、可信时间戳与公钥的链接；"
            "核验方法见 docs/evidence.md。 The daily chain's manifests, newest first: each manifest's SHA-256 and"
            " link to the one before, with links to the manifest, its Ed25519 signature, its RFC 3161 timestamp"
            " and the public key (how to check them: docs/evidence.md).", q.FEED_CHAIN),
        **LEDGER_QUERIES,
    }


def build_metadata() -> dict[str, Any]:
    """The whole metadata document for Datasette 0.65."""
    return {
        "title": "督察公示存档 Ducha Archive",
        "description": (
            "中国生态环境督察整改、验收销号公示、环评公示等政府信息公开内容的存档：每个版本、每次删除都有记录和 WARC 证据。"
            " An evidence-grade archive of Chinese government environmental disclosures (inspection "
            "rectification, close-out 公示, EIA notices): every version and every removal is recorded, "
            "with WARC evidence."),
        "source": "各级生态环境部门网站 Websites of Chinese ecology and environment authorities",
        "license": "原文版权归发布机关；存档供研究与监督使用 Texts © the issuing authorities; archived for research and oversight",
        "about": "督察公示存档 Ducha Archive",
        "allow_sql": True,
        "databases": {
            DB: {
                "description": "存档数据库：公告、版本、附件、事件、抓取运行。 Postings, versions, attachments, "
                               "events and crawl runs.",
                "tables": TABLES,
                "queries": canned_queries(),
            }
        },
        "plugins": {
            "datasette-block-robots": {"literal": _ROBOTS},
            "datasette-atom": {"allow_unsafe_html_in_canned_queries": False},
            "ducha": {"database": DB, "suggest_facets": False},
        },
    }


def main() -> int:
    """Write the metadata JSON to standard output."""
    sys.stdout.write(json.dumps(build_metadata(), ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
