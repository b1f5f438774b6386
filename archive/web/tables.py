"""Per-table Datasette metadata: descriptions (Chinese first, then English), column notes, labels, facets, sorts.

Every table that ``archive.schema.ensure_schema`` creates must appear here (a test checks it).
"""
from __future__ import annotations

from typing import Any

from archive.retype import RETYPE_TABLES
from archive.web.ledger_meta import LEDGER_TABLES

_TS = "（ISO 8601，含时区 with offset）"

_DATES = {
    "publish_date": "发布日期（CMS/列表日期优先，否则正文落款）Publish date: CMS/list date, else the stated one",
    "cms_date": "CMS 日期（页面 meta PubDate）Date in the page's CMS metadata",
    "list_date": "列表页日期 Date shown on the list page",
    "stated_date": "正文落款日期 Date stated in the text",
    "url_date": "URL 中的日期 Date in the URL (t20240703_…, /art/2024/7/3/)",
}

TABLES: dict[str, dict[str, Any]] = {
    "sites": {
        "description": "监测的网站。 Watched sites.",
        "label_column": "name",
        "facets": ["region", "level"],
        "columns": {
            "id": "站点 id Site id", "name": "名称 Name", "region": "地区 Region", "level": "级别 Level "
            "(national/province/city/county)", "profile": "CMS 类型 List-page profile", "host": "主机 Host",
            "start_urls": "起始栏目页 Start list pages (JSON)", "hints": "其他配置 Other sites-file keys (JSON)",
            "updated_at": "更新时间 Updated " + _TS,
        },
    },
    "doc_types": {
        "description": "公告类型词表。 The doc_type vocabulary.",
        "label_column": "label_zh",
        "columns": {"code": "代码 Code", "label_zh": "中文 Chinese label", "label_en": "English label"},
    },
    "documents": {
        "description": "每个公告（详情页 URL）一行，当前状态。点击 url 列“存档页”查看版本对比与证据。"
                       " One row per posting (detail URL), its current state; the url column links to the "
                       "document page with versions, diffs and evidence.",
        "label_column": "title",
        "sort_desc": "publish_date",
        "facets": ["site_id", "doc_type", "status", {"year": "publish_date"}],
        "columns": {
            "id": "编号 Document id", "site_id": "站点 Site", "url": "原文地址 Original URL",
            "title": "标题 Title", **_DATES,
            "publish_date_source": "发布日期来源 Source of publish_date (cms/list/stated/url)",
            "publisher": "发布机构 Publisher", "doc_type": "类型 Type", "doc_numbers": "文号 Document numbers (JSON)",
            "status": "状态 Status: live / removed / unreachable",
            "first_seen_at": "首次发现 First seen " + _TS, "last_seen_at": "最后一次在线 Last seen online " + _TS,
            "last_checked_at": "最后检查 Last checked " + _TS, "removed_at": "删除时间 Removed at " + _TS,
            "current_version_id": "当前版本 Current version", "version_count": "版本数 Number of versions",
            "list_title": "列表页标题（可能被截断）Title on the list page (may be truncated)",
            "etag": "HTTP ETag", "last_modified": "HTTP Last-Modified",
            "attachment_count": "附件数 Attachments", "objection_end": "公示异议期截止 Objection window ends",
            "display_date": "页面显示日期 Date the page displays (日期：… line; may differ from the CMS date)",
        },
    },
    "versions": {
        "description": "公告的每个不同内容版本（标题、日期、正文或附件真正改变时才新增）。"
                       " Each distinct content of a posting (new only when title, a date, the body or an "
                       "attachment really changed).",
        "label_column": "title",
        "sort_desc": "captured_at",
        "columns": {
            "id": "版本编号 Version id", "document_id": "公告 Document", "run_id": "抓取运行 Run",
            "captured_at": "抓取时间 Captured " + _TS, "sha256": "内容哈希 Content hash (normalised)",
            "raw_sha256": "原始响应哈希 SHA-256 of the response as received", "title": "标题 Title", **_DATES,
            "body_text": "正文 Body text", "attachment_sha256s": "附件哈希 Attachment digests (JSON)",
            "changed_fields": "改动部分 Changed parts (JSON; null for the first version)",
            "http_status": "HTTP 状态 HTTP status", "warc_file": "WARC 文件 WARC file",
            "warc_offset": "WARC 偏移 WARC offset",
        },
    },
    "attachments": {
        "description": "附件（文件被替换时新增一行）。 Attachments; a replaced file is a new row.",
        "label_column": "name",
        "facets": ["content_type"],
        "columns": {
            "id": "附件编号 Attachment id", "document_id": "公告 Document", "url": "地址 URL", "name": "名称 Name",
            "sha256": "SHA-256", "size": "字节 Bytes", "content_type": "类型 Content type",
            "text": "提取的文字 Extracted text", "error": "下载/提取错误 Download or extraction error",
            "etag": "HTTP ETag", "last_modified": "HTTP Last-Modified",
            "first_seen_at": "首次发现 First seen " + _TS, "last_seen_at": "最后发现 Last seen " + _TS,
            "warc_file": "WARC 文件 WARC file", "warc_offset": "WARC 偏移 WARC offset",
            "text_source": "文字来源 Text source (typed / ocr / typed+ocr)",
            "ocr_text": "识别文字（OCR） Recognised text (also in text)",
            "ocr_engine": "识别引擎 OCR engine and version", "ocr_confidence": "平均置信度 Mean OCR confidence (0–1)",
            "ocr_pages_done": "已识别页数 Pages recognised", "ocr_pages_total": "需识别页数 Pages needing recognition",
            "text_extractor": "文字提取版本 Extractor version of the typed text (empty: extracted during the crawl)",
        },
    },
    "ocr_results": {
        "description": "扫描件识别结果（按文件 SHA-256，未变的文件不再识别）。 Recognised pages per file digest and engine.",
        "columns": {
            "sha256": "文件 SHA-256 File digest", "engine": "识别引擎 Engine", "engine_version": "引擎版本 Version",
            "pages_total": "需识别页数 Pages needing recognition", "pages_done": "已识别页数 Pages done",
            "pages": "各页文字与置信度 Pages (JSON: index, text, confidence, seconds, skipped)",
            "confidence": "平均置信度 Mean confidence", "seconds": "识别用时（秒） Seconds",
            "updated_at": "更新时间 Updated " + _TS,
        },
    },
    "version_attachments": {
        "description": "版本与附件的对应。 Which attachments belong to which version.",
        "columns": {"version_id": "版本 Version", "attachment_id": "附件 Attachment"},
    },
    "events": {
        "description": "公告发生的事：新增、修改、删除、恢复、无法访问。 What happened to a posting.",
        "sort_desc": "at",
        "facets": ["kind"],
        "columns": {
            "id": "事件编号 Event id", "document_id": "公告 Document", "run_id": "抓取运行 Run",
            "kind": "类型 Kind: new / changed / removed / restored / unreachable", "at": "时间 At " + _TS,
            "version_id": "版本 Version", "previous_version_id": "上一版本 Previous version",
            "detail": "详情 Detail (JSON: changed, http_status, reason)",
        },
    },
    "checks": {
        "description": "每次检查一个公告的结果。 Every check of a posting and its outcome.",
        "sort_desc": "at",
        "facets": ["outcome", "site_id"],
        "columns": {
            "id": "检查编号 Check id", "document_id": "公告 Document (null if never archived)", "run_id": "抓取运行 Run",
            "at": "时间 At " + _TS, "http_status": "HTTP 状态 HTTP status",
            "outcome": "结果 Outcome: same / new_version / not_modified / removed / unreachable / blocked",
            "reason": "原因 Reason", "raw_sha256": "原始响应哈希 Raw SHA-256", "warc_file": "WARC 文件",
            "warc_offset": "WARC 偏移", "site_id": "站点 Site", "url": "地址 URL",
        },
    },
    "redirect_hops": {
        "description": "跳转链：到达最终响应前的每个 3xx 应答及其 WARC 记录（如删除后跳转到首页）。"
                       " Redirect chains: each 3xx answer before a row's final response, with its WARC record.",
        "facets": ["row_table", "http_status"],
        "columns": {
            "id": "编号 Id", "document_id": "公告 Document", "row_table": "所属表 Row's table (versions/checks/attachments)",
            "row_id": "所属行 Row id", "hop": "第几跳 Hop (0 = the URL first asked)", "url": "请求地址 URL asked",
            "http_status": "HTTP 状态 HTTP status", "location": "跳转到 Where it sent us",
            "raw_sha256": "应答哈希 SHA-256 of the answer's body", "warc_file": "WARC 文件", "warc_offset": "WARC 偏移",
        },
    },
    "evidence_recaptures": {
        "description": "证据补采：WARC 记录丢失或损坏后，后来的抓取重新取得的记录。"
                       " Evidence lost (cut or damaged WARC) and the record a later crawl captured in its place.",
        "sort_desc": "at",
        "facets": ["problem", "row_table"],
        "columns": {
            "id": "编号 Id", "document_id": "公告 Document", "run_id": "抓取运行 Run", "at": "补采时间 At " + _TS,
            "row_table": "丢失证据的表 Table of the lost row", "row_id": "丢失证据的行 Lost row",
            "problem": "问题 Problem: truncated / missing / unreadable / altered", "detail": "详情 Detail",
            "check_id": "补采的检查 The re-capturing check", "warc_file": "新 WARC 文件 New WARC file",
            "warc_offset": "新 WARC 偏移 New WARC offset", "raw_sha256": "新记录哈希 New record's SHA-256",
        },
    },
    "chain_manifests": {
        "description": "每日证据链：每次抓取运行的清单（WARC 文件与新版本的哈希、上一份清单的哈希），由运营方签名。"
                       " The daily chain: each run's manifest (its WARC files and new versions with their hashes,"
                       " the previous manifest's hash), signed by the operator; files in chain/ (docs/evidence.md).",
        "sort_desc": "run_id",
        "facets": ["signed", "timestamped"],
        "columns": {
            "run_id": "抓取运行 Run", "file": "清单文件 Manifest file (chain/)",
            "sha256": "清单哈希 SHA-256 of the manifest file", "previous_run_id": "上一份清单 Previous run",
            "previous_sha256": "上一份清单哈希 Previous manifest's SHA-256", "signed": "已签名 Signed (Ed25519)",
            "timestamped": "可信时间戳 RFC 3161 timestamp", "created_at": "写入时间 Written " + _TS,
        },
    },
    "runs": {
        "description": "抓取运行。 Crawl runs.",
        "sort_desc": "started_at",
        "facets": ["status"],
        "columns": {
            "id": "运行编号 Run id", "started_at": "开始 Started " + _TS, "finished_at": "结束 Finished " + _TS,
            "status": "状态 Status: running / ok / partial / failed / crashed", "pid": "进程 PID",
            "command": "命令 Command", "code_version": "代码版本 Code version",
            "calendar_version": "工作日历版本 Working-day calendar version", "warc_files": "WARC 文件 (JSON)",
            "summary": "各站点计数 Per-site counts (JSON)",
        },
    },
    "run_sites": {
        "description": "每次运行中每个站点的计数。 Per-site counts of each run.",
        "facets": ["site_id"],
        "columns": {
            "run_id": "运行 Run", "site_id": "站点 Site", "pages": "列表页 List pages",
            "postings_seen": "看到的公告 Postings seen", "new": "新增 New", "changed": "修改 Changed",
            "removed": "删除 Removed", "restored": "恢复 Restored", "unreachable": "无法访问 Unreachable",
            "blocked": "被拦截 Blocked", "errors": "错误 Errors", "duration_s": "耗时秒 Duration (s)",
            "status": "状态 Status",
        },
    },
    "documents_fts": {
        "description": "全文索引（相邻两字一个词元，不存原文）。 Full-text index: overlapping character pairs, no copy of the text.",
        "columns": {"search_text": "标题、正文、附件文字的词元（内容不存储）Tokens of title, body and attachment texts (not stored)"},
    },
    "scheduled_runs": {
        "description": "调度器每次执行一行。 One row per scheduler job execution.",
        "sort_desc": "started_at",
        "facets": ["outcome", "group_name"],
        "columns": {
            "group_name": "任务组 Job group", "scheduled_for": "计划时间 Scheduled for",
            "started_at": "开始 Started", "finished_at": "结束 Finished", "start_delay_s": "延迟秒 Start delay (s)",
            "duration_s": "耗时秒 Duration (s)", "pid": "进程 PID", "exit_code": "退出码 Exit code",
            "outcome": "结果 Outcome", "run_id": "抓取运行 Run", "command": "命令 Command", "detail": "详情 Detail",
        },
    },
    "run_ops": {
        "description": "运行后处理标记。 Marks a run as processed after the crawl.",
        "columns": {"run_id": "运行 Run", "processed_at": "处理时间 Processed at",
                    "checks_failed": "失败检查 Failed checks", "watch_matches": "关注匹配 Watch matches",
                    "alerts": "告警 Alerts"},
    },
    "health_checks": {
        "description": "每次运行每个站点的健康检查。 Health checks per run and site.",
        "sort_desc": "at",
        "facets": ["status", "check", "site_id"],
        "columns": {"run_id": "运行 Run", "site_id": "站点 Site", "check": "检查 Check", "status": "ok / fail / skip",
                    "value": "值 Value", "threshold": "阈值 Threshold", "detail": "详情 Detail", "at": "时间 At"},
    },
    "learned_lists": {
        "description": "由脚本加载列表的站点：浏览器中学到的列表接口。 Sites whose list a script loads: the list API "
                       "learned in the browser (walked over plain HTTP by later runs), or 'rendered'.",
        "columns": {"site_id": "站点 Site", "start_url": "起始页 Start URL", "delivery": "learned_api / rendered",
                    "recipe": "接口说明 API recipe (JSON)", "learned_at": "学习时间 Learned at",
                    "last_used_at": "最后使用 Last used", "uses": "使用次数 Uses", "dropped_at": "失效时间 Dropped at",
                    "dropped_reason": "失效原因 Why dropped"},
    },
    "node_captures": {
        "description": "爬取节点送来的采集记录。 Captures sent by crawl nodes (ducha crawl --node), one row each as the "
                       "writer stored it: a capture delivered twice is recognised by its id and written once.",
        "sort_desc": "stored_at",
        "facets": ["node"],
        "columns": {"capture_id": "采集编号 Capture id (made on the node)", "node": "节点 Node",
                    "run_id": "运行 Run", "url": "网址 URL", "stored_at": "写入时间 Stored at"},
    },
    "watches": {
        "description": "关键词关注。 Saved keyword watches.",
        "label_column": "name",
        "columns": {"name": "名称 Name", "query": "检索词 Query", "region": "地区 Region", "site_id": "站点 Site",
                    "doc_type": "类型 Type", "active": "启用 Active", "created_at": "创建 Created"},
    },
    "watch_matches": {
        "description": "关注命中的公告（每个一次）。 Postings that matched a watch (once each).",
        "columns": {"watch_id": "关注 Watch", "document_id": "公告 Document", "run_id": "运行 Run",
                    "matched_at": "命中时间 Matched at"},
    },
    "alerts_sent": {
        "description": "已发送的告警。 Alerts sent, per channel, with the delivery result.",
        "sort_desc": "sent_at",
        "facets": ["channel", "kind", "ok"],
        "columns": {"kind": "digest / job", "channel": "webhook / email / log", "sent_at": "发送时间 Sent at",
                    "subject": "主题 Subject", "ok": "成功 Delivered", "error": "错误 Error",
                    "checks_failed": "失败检查 Failed checks", "watch_matches": "关注匹配 Watch matches",
                    "payload": "内容 Payload (JSON)"},
    },
    "timeliness": {
        "description": "时效测量：每个公告一行（发布滞后、倒签标记、公示期、提前删除、反馈滞后），由 ducha report timeliness 计算。"
                       " Timeliness measures per posting: lags, backdating flags, objection windows, early "
                       "removal, feedback lags (computed by archive.timeliness).",
        "facets": ["site_id", "doc_type", "backdated", "early_removal", "objection_status"],
        "columns": {
            "document_id": "公告 Document", "first_seen_date": "首次发现日期（北京时间）First-seen date (Asia/Shanghai)",
            "baseline": "首次抓取时已在线 Already online at the site's first crawl",
            "posting_lag_days": "发布→首次发现天数 Days from publish_date to first seen",
            "backdated": "疑似倒签 Backdating flagged", "backdated_reasons": "原因 Reasons (JSON)",
            "date_changed": "日期被改 A date was edited", "objection_status": "ok / incomplete / no_window / "
            "not_announced:YEAR", "objection_deadline": "按工作日计算的截止日 Computed deadline (working days)",
            "objection_deadline_excluding_first_day": "不含首日的截止日 Deadline excluding the first day (民法典 201)",
            "observed_window_days": "实际在线天数 Days the notice was observed online",
            "early_removal": "公示期内删除 Removed before the window closed",
            "feedback_lag_workdays": "反馈→发布工作日 Working days from 反馈 to publication",
            "calendar_version": "工作日历版本 Calendar version used", "computed_at": "计算时间 Computed at",
        },
    },
    "date_mentions": {
        "description": "公告中找到的每个日期及其来源与精度。 Every date found for a posting, with source and precision.",
        "facets": ["source", "precision"],
        "columns": {"document_id": "公告 Document", "source": "来源 Source (stated/cms/list/url/first_seen/…)",
                    "location": "位置 body / attachment / document", "value": "日期 Date", "precision": "精度 Precision",
                    "text": "原文 Text as written", "redacted": "有遮挡 Digits redacted"},
    },
    "timeliness_by_site_month": {
        "description": "按站点和月份汇总的时效。 Timeliness per site and month (view).",
        "facets": ["region"],
    },
    "timeliness_by_region_month": {
        "description": "按地区（省份及其城市）和月份汇总的时效。 Timeliness per region (a province with its city "
                       "bureaus) and month (view).",
        "facets": ["region"],
    },
    "timeliness_flags": {
        "description": "被标记的公告：倒签、提前删除、公示期短于声明。 Flagged postings: backdated, removed early, "
                       "window shorter than stated (view).",
        "facets": ["region", "backdated", "early_removal"],
    },
    **LEDGER_TABLES,
    **RETYPE_TABLES,
}
