"""The canned queries of ``datasette-metadata.json``: SQL kept readable here, rendered by ``archive.web.metadata``.

Every query that lists postings returns a ``document_link`` column (the document id), which
``archive.web.plugin.render_cell`` turns into a link to ``/-/ducha/document/{id}``.  Feed queries
return datasette-atom's columns (``atom_id``, ``atom_title``, ``atom_updated`` …); their filters
``:site`` and ``:region`` mean "all" when empty.  "Today" is the date in China (UTC+8).
"""
from __future__ import annotations

from archive.chain import PUBLIC_KEY
from archive.regions import region_match
from archive.timeliness.summary import summary_sql

TODAY = "date('now', '+8 hours')"
#: ``:region`` as readers type it: 四川 matches 四川省 (``archive.regions``).
FILTERS = f"(:site = '' OR d.site_id = :site) AND (:region = '' OR {region_match('s.region', ':region')})"
GONGSHI = "(d.doc_type IN ('acceptance_notice', 'eia_notice') OR d.title LIKE '%公示%')"
DOC_LINK = "'/-/ducha/document/' || d.id"


def _feed(kind_clause: str, title: str, content: str, extra_where: str = "") -> str:
    """SQL of an Atom feed over ``events`` (newest 100) with the site/region filters."""
    return f"""
SELECT 'urn:ducha:event:' || e.id AS atom_id,
       {title} AS atom_title,
       e.at AS atom_updated,
       {DOC_LINK} AS atom_link,
       {content} AS atom_content,
       coalesce(s.name, d.site_id) AS atom_author_name
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
LEFT JOIN versions v ON v.id = e.version_id
WHERE {kind_clause} AND {FILTERS}{extra_where}
ORDER BY e.at DESC, e.id DESC
LIMIT 100"""


_SUMMARY = ("coalesce(s.name, d.site_id) || ' · ' || coalesce(t.label_zh, d.doc_type) || ' · 发布日期 '"
            " || coalesce(d.publish_date, '未知') || char(10) || substr(coalesce(v.body_text, ''), 1, 300)")

# --- list pages: title (linked) first, then date, site, type and one short reason in words; flags 是/否. -------
# Column names are Chinese aliases (``document_link`` stays: scripts and the CSV export use it);
# the technical columns are one click away ("全部字段": the documents / timeliness tables).

STATUS_ZH = ("CASE d.status WHEN 'live' THEN '在线' WHEN 'removed' THEN '已删除' WHEN 'unreachable' THEN '无法访问'"
             " ELSE d.status END")


def yes_no(expression: str) -> str:
    """SQL: 是 / 否 for a 1/0 flag, NULL (shown empty) when unknown."""
    return f"CASE WHEN ({expression}) IS NULL THEN NULL WHEN ({expression}) THEN '是' ELSE '否' END"


def reason_zh(expression: str) -> str:
    """SQL: a removal reason code as a phrase (404 → 页面不存在)."""
    return (f"CASE {expression} WHEN '404' THEN '页面不存在（404）' WHEN '410' THEN '页面已删除（410）'"
            f" WHEN 'soft-404' THEN '页面显示“不存在”' WHEN 'redirect-home' THEN '跳转到首页'"
            f" ELSE {expression} END")


_COMMON = """coalesce(s.name, d.site_id) AS 站点, coalesce(t.label_zh, d.doc_type) AS 类型"""
#: ``:type`` (a doc_type code or its Chinese label) and ``:since`` (YYYY-MM-DD); empty means all.
TYPE_FILTER = "(:type = '' OR d.doc_type = :type OR t.label_zh = :type)"

LATEST = f"""
SELECT d.title AS 标题, d.publish_date AS 发布日期, {_COMMON}, s.region AS 地区, {STATUS_ZH} AS 状态,
       d.first_seen_at AS 首次发现, d.id AS document_link
FROM documents d
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE {FILTERS} AND {TYPE_FILTER}
  AND (:since = '' OR coalesce(d.publish_date, substr(d.first_seen_at, 1, 10)) >= :since)
ORDER BY d.first_seen_at DESC, d.publish_date DESC, d.id DESC
LIMIT 200"""

OPEN_GONGSHI = f"""
SELECT d.title AS 标题, coalesce(tl.objection_end, d.objection_end) AS 公示截止,
       CAST(julianday(coalesce(tl.objection_end, d.objection_end)) - julianday({TODAY}) AS INTEGER) AS 剩余天数,
       {yes_no("d.status = 'removed'")} AS 已撤下, d.publish_date AS 发布日期, {_COMMON}, s.region AS 地区,
       tl.objection_deadline_excluding_first_day AS 不含首日截止, d.id AS document_link
FROM documents d
LEFT JOIN timeliness tl ON tl.document_id = d.id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE coalesce(tl.objection_end, d.objection_end) >= {TODAY} AND {FILTERS}
ORDER BY 2, d.id"""

_LAST_REMOVAL = ("(SELECT {col} FROM events e WHERE e.document_id = d.id AND e.kind = 'removed'"
                 " ORDER BY e.at DESC, e.id DESC LIMIT 1)")

REMOVED = f"""
SELECT d.title AS 标题, coalesce(d.removed_at, {_LAST_REMOVAL.format(col="e.at")}) AS 删除时间,
       {reason_zh(_LAST_REMOVAL.format(col="json_extract(e.detail, '$.reason')"))} AS 原因,
       round(julianday(d.last_seen_at) - julianday(d.first_seen_at), 1) AS 在线天数,
       {yes_no("coalesce(tl.early_removal, CASE WHEN d.objection_end IS NOT NULL THEN "
               "substr(d.removed_at, 1, 10) <= d.objection_end END)")} AS 公示期内删除,
       d.publish_date AS 发布日期, {_COMMON}, s.region AS 地区,
       (SELECT count(*) FROM events e WHERE e.document_id = d.id AND e.kind = 'removed') AS 删除次数,
       d.id AS document_link
FROM documents d
LEFT JOIN timeliness tl ON tl.document_id = d.id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE d.status = 'removed' AND {FILTERS} AND {TYPE_FILTER}
  AND (:since = '' OR substr(coalesce(d.removed_at, {_LAST_REMOVAL.format(col="e.at")}), 1, 10) >= :since)
ORDER BY 2 DESC, d.id DESC
LIMIT 500"""


def version_text(alias: str) -> str:
    """SQL: a version as diffable text: title, its dates, its attachments (name and digest), then the body."""
    return (f"coalesce({alias}.title, '') || char(10)"
            f" || '发布日期 ' || coalesce({alias}.publish_date, '—') || ' · 落款 ' || coalesce({alias}.stated_date, '—')"
            f" || char(10) || coalesce((SELECT group_concat(line, char(10)) FROM ("
            f"SELECT '附件 ' || coalesce(a.name, a.url) || ' · sha256 ' || substr(coalesce(a.sha256, '—'), 1, 12) AS line"
            f" FROM version_attachments va JOIN attachments a ON a.id = va.attachment_id"
            f" WHERE va.version_id = {alias}.id ORDER BY a.name, a.id)), '')"
            f" || char(10) || coalesce({alias}.body_text, '')")


_PARTS_ZH = ("(SELECT group_concat(CASE p.value WHEN 'title' THEN '标题' WHEN 'dates' THEN '日期' WHEN 'body' THEN '正文'"
             " WHEN 'attachments' THEN '附件' ELSE p.value END, '、') FROM json_each(e.detail, '$.changed') p)")

CHANGES = f"""
SELECT d.title AS 标题, e.at AS 改动时间, {_PARTS_ZH} AS 改动部分,
       CASE WHEN pv.publish_date IS NOT v.publish_date
            THEN coalesce(pv.publish_date, '—') || ' → ' || coalesce(v.publish_date, '—') END AS 发布日期改动,
       ducha_compact_diff({version_text("pv")}, {version_text("v")}) AS 改动摘要,
       {_COMMON}, s.region AS 地区, {STATUS_ZH} AS 状态, d.id AS document_link
FROM events e
JOIN documents d ON d.id = e.document_id
JOIN versions v ON v.id = e.version_id
JOIN versions pv ON pv.id = e.previous_version_id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE e.kind = 'changed' AND {FILTERS}
ORDER BY e.at DESC, e.id DESC
LIMIT 200"""

_REASON_DAYS = ("coalesce(json_extract(r.value, '$.days'),"
                " julianday(json_extract(r.value, '$.from')) - julianday(json_extract(r.value, '$.to')))")
_BACKDATING_ZH = ("(SELECT group_concat(CASE kind WHEN 'earlier_than_first_seen' THEN '日期早于首次发现'"
                  " WHEN 'date_moved_earlier' THEN '日期被改早' WHEN 'earlier_than_url_date' THEN '早于网址中的日期'"
                  " ELSE kind END, '、') FROM (SELECT DISTINCT json_extract(r.value, '$.kind') AS kind"
                  " FROM json_each(tl.backdated_reasons) r))")

BACKDATING = f"""
SELECT d.title AS 标题, d.publish_date AS 发布日期,
       (SELECT CAST(max({_REASON_DAYS}) AS INTEGER) FROM json_each(tl.backdated_reasons) r) AS 早了几天,
       {_BACKDATING_ZH} AS 原因, {yes_no("tl.date_changed")} AS 日期被改,
       substr(d.first_seen_at, 1, 10) AS 首次发现, {_COMMON}, s.region AS 地区, d.id AS document_link
FROM timeliness tl
JOIN documents d ON d.id = tl.document_id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE tl.backdated = 1 AND {FILTERS}
  AND (:days = '' OR tl.date_changed = 1 OR (SELECT max({_REASON_DAYS}) FROM json_each(tl.backdated_reasons) r)
                                             > CAST(:days AS INTEGER))
ORDER BY tl.date_changed DESC, 3 DESC, d.id
LIMIT 500"""

SITE_RUNS = """
site_runs AS (
  SELECT rs.site_id, r.id AS run_id, r.started_at, r.finished_at,
         CASE WHEN rs.status IS NOT NULL THEN rs.status
              WHEN coalesce(json_extract(r.summary, '$."' || rs.site_id || '".entries'),
                            rs.postings_seen, 0) > 0 THEN 'ok'
              ELSE 'failed' END AS outcome,
         coalesce(rs.errors, 0) AS errors, coalesce(rs.blocked, 0) AS blocked
  FROM run_sites rs JOIN runs r ON r.id = rs.run_id
)"""

SITE_HEALTH = f"""
WITH {SITE_RUNS.strip()}
SELECT s.id AS site_id, s.name, s.region, s.level,
       (SELECT max(finished_at) FROM site_runs r WHERE r.site_id = s.id AND r.outcome = 'ok') AS last_ok_run,
       (SELECT started_at FROM site_runs r WHERE r.site_id = s.id ORDER BY started_at DESC LIMIT 1)
         AS last_run_at,
       (SELECT outcome FROM site_runs r WHERE r.site_id = s.id ORDER BY started_at DESC LIMIT 1)
         AS last_run_outcome,
       (SELECT count(*) FROM (SELECT outcome FROM site_runs r WHERE r.site_id = s.id
                              ORDER BY started_at DESC LIMIT 10) WHERE outcome NOT IN ('ok'))
         AS failures_last_10_runs,
       (SELECT sum(errors) + sum(blocked) FROM (SELECT errors, blocked FROM site_runs r WHERE r.site_id = s.id
                                               ORDER BY started_at DESC LIMIT 10)) AS errors_last_10_runs,
       (SELECT max(publish_date) FROM documents d WHERE d.site_id = s.id) AS newest_publish_date,
       (SELECT max(first_seen_at) FROM documents d WHERE d.site_id = s.id) AS newest_first_seen,
       (SELECT count(*) FROM documents d WHERE d.site_id = s.id) AS postings,
       (SELECT count(*) FROM documents d WHERE d.site_id = s.id AND d.status = 'removed') AS removed,
       (SELECT count(*) FROM documents d WHERE d.site_id = s.id AND d.status = 'unreachable') AS unreachable
FROM sites s
ORDER BY failures_last_10_runs DESC, s.region, s.id"""

def verify(param: str, version_id: str) -> str:
    """SQL: true when the posting whose current version is ``version_id`` really contains the query ``param``.

    The index answers 1- and 2-character terms exactly; for longer terms ``archive.search_text.matches`` checks
    the stored texts (read only for the candidates the index returns, and only when ``needs_check``).
    """
    return (f"CASE WHEN ducha_needs_check({param}) THEN ducha_match({param},"
            f" (SELECT title FROM versions WHERE id = {version_id}),"
            f" (SELECT body_text FROM versions WHERE id = {version_id}),"
            f" (SELECT group_concat(a.text, char(65535)) FROM version_attachments va"
            f" JOIN attachments a ON a.id = va.attachment_id WHERE va.version_id = {version_id})) ELSE 1 END")


#: ``:order`` values that ask for relevance (title matches first) instead of newest first.
RELEVANCE = "('relevance', 'rank', '相关度', 'bm25')"
#: The search's own filters (type by code or Chinese label; a date range on the posting's date, else the day it
#: was first seen), applied before the page's LIMIT so that every page is full.
SEARCH_FILTERS = ("(:type = '' OR d.doc_type = :type OR d.doc_type IN (SELECT code FROM doc_types WHERE label_zh = :type))"
                  " AND (:since = '' OR coalesce(d.publish_date, substr(d.first_seen_at, 1, 10)) >= :since)"
                  " AND (:until = '' OR coalesce(d.publish_date, substr(d.first_seen_at, 1, 10)) <= :until)")
_FROM = "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid LEFT JOIN sites s ON s.id = d.site_id"
#: The index's candidates with the search's filters (exact for 1- and 2-character terms).
_CANDIDATES_FROM = f"""{_FROM}
      WHERE documents_fts MATCH escape_fts(:q) AND {FILTERS} AND {SEARCH_FILTERS}"""
_HITS_FROM = f"""{_CANDIDATES_FROM}
        AND {verify(":q", "d.current_version_id")}"""
#: Relevance, first tier: every term in the title (the marked title tokens; checked for 3+-character terms and
#: exclusions).
_TITLE_HITS_FROM = f"""{_FROM}
      WHERE documents_fts MATCH ducha_fts_title(:q) AND {FILTERS} AND {SEARCH_FILTERS}
        AND (NOT ducha_needs_check(:q) OR ducha_in_title(:q, d.title)) AND {verify(":q", "d.current_version_id")}"""
#: Relevance, second tier: the other matches.
_REST_HITS_FROM = f"""{_FROM}
      WHERE documents_fts MATCH ducha_fts_rest(:q) AND {FILTERS} AND {SEARCH_FILTERS}
        AND {verify(":q", "d.current_version_id")} AND NOT (ducha_needs_check(:q) AND ducha_in_title(:q, d.title))"""
#: Rows per page of the search (``:page`` 1, 2, … pages through older or less relevant matches).
SEARCH_PAGE = 20
_START = f"{SEARCH_PAGE} * max(0, coalesce(CAST(nullif(:page, '') AS INTEGER), 1) - 1)"
_PAGE = f"LIMIT {SEARCH_PAGE} OFFSET {_START}"
#: Title matches up to the end of this page (all of them when there are fewer).
_TITLE_SEEN = f"(SELECT count(*) FROM (SELECT 1 {_TITLE_HITS_FROM} LIMIT {_START} + {SEARCH_PAGE}))"
#: Newest first (highest document id: most recently archived) unless ``order`` asks for relevance: postings
#: with every term in the title, then the others, each newest first (``rank`` 2 and 1).  Each branch reads
#: the index in rowid order and stops after the page (the second tier starts where the title matches end);
#: the other order's branches are not run at all.  Snippets are computed from the stored text of the 20
#: rows shown.
def _search_rows(hits: str, order_by: str) -> str:
    """SQL: the search's columns (snippet computed from the stored texts) for the postings ``hits`` selects."""
    return f"""
SELECT d.id AS document_link,
       ducha_snippet(:q, d.title, v.body_text,
         (SELECT group_concat(a.text, char(10)) FROM version_attachments va
          JOIN attachments a ON a.id = va.attachment_id WHERE va.version_id = d.current_version_id)) AS snippet_html,
       d.title, d.publish_date, coalesce(s.name, d.site_id) AS site, s.region, t.label_zh AS doc_type,
       d.status, hits.rank
FROM ({hits}) AS hits
JOIN documents d ON d.id = hits.id
LEFT JOIN versions v ON v.id = d.current_version_id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
ORDER BY {order_by}"""


SEARCH = _search_rows(f"""
  SELECT * FROM (SELECT documents_fts.rowid AS id, NULL AS rank, -documents_fts.rowid AS sort_key
      {_HITS_FROM}
      ORDER BY documents_fts.rowid DESC {_PAGE})
  WHERE :order NOT IN {RELEVANCE}
  UNION ALL
  SELECT * FROM (SELECT documents_fts.rowid AS id, 2 AS rank, -documents_fts.rowid AS sort_key
      {_TITLE_HITS_FROM}
      ORDER BY documents_fts.rowid DESC {_PAGE})
  WHERE :order IN {RELEVANCE}
  UNION ALL
  SELECT * FROM (SELECT documents_fts.rowid AS id, 1 AS rank, 1e15 - documents_fts.rowid AS sort_key
      {_REST_HITS_FROM}
      ORDER BY documents_fts.rowid DESC
      LIMIT {SEARCH_PAGE} - max(0, min({SEARCH_PAGE}, {_TITLE_SEEN} - {_START}))
      OFFSET max(0, {_START} - {_TITLE_SEEN}))
  WHERE :order IN {RELEVANCE}
""", "hits.sort_key, d.id")

#: Totals are exact up to this many rows; above, a page says "超过 10,000 条" (counting stops at ``TOTAL_CAP + 1``).
TOTAL_CAP = 10_000
#: The search's true total (same filters and check as its pages), counted up to ``TOTAL_CAP + 1``.
SEARCH_COUNT = f"SELECT count(*) FROM (SELECT 1 {_HITS_FROM} LIMIT {TOTAL_CAP + 1})"
#: The same without the check against the stored text: an upper bound, for when checking every candidate
#: of a 3+-character term would take longer than the page (``archive.web.search_page.COUNT_BUDGET_MS``).
SEARCH_CANDIDATES = f"SELECT count(*) FROM (SELECT 1 {_CANDIDATES_FROM} LIMIT {TOTAL_CAP + 1})"
#: Every match of the search in the pages' order (the CSV export): newest first, or with ``order`` relevance
#: the title matches first (``rank`` 2, then 1), each newest first.
SEARCH_ALL = _search_rows(f"""SELECT documents_fts.rowid AS id,
             CASE WHEN :order IN {RELEVANCE} THEN CASE WHEN ducha_in_title(:q, d.title) THEN 2 ELSE 1 END END AS rank
      {_HITS_FROM}""", "coalesce(hits.rank, 0) DESC, d.id DESC")


def count_sql(sql: str) -> str:
    """SQL counting the rows of ``sql`` (a query without its final ``LIMIT``) up to ``TOTAL_CAP + 1``; its final
    ``ORDER BY`` is dropped (an ordered subquery is sorted whole before the count's LIMIT can stop it)."""
    return f"SELECT count(*) FROM (SELECT 1 FROM ({unordered(sql)}) LIMIT {TOTAL_CAP + 1})"


def unordered(sql: str) -> str:
    """``sql`` without its final top-level ``ORDER BY …`` (one outside parentheses and string literals)."""
    upper, depth, quoted, cut = sql.upper(), 0, False, -1
    for i, ch in enumerate(sql):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not quoted and depth == 0 and upper.startswith("ORDER BY", i) and not upper[i - 1:i].isalnum():
            cut = i
    return sql[:cut].rstrip() if cut >= 0 else sql


POSTINGS_PER_MONTH = """
SELECT substr(d.publish_date, 1, 7) AS month, coalesce(s.region, '未知') AS region, count(*) AS postings
FROM documents d LEFT JOIN sites s ON s.id = d.site_id
WHERE d.publish_date IS NOT NULL
GROUP BY month, region
ORDER BY month, region"""

REMOVALS_OVER_TIME = """
SELECT substr(e.at, 1, 7) AS month, coalesce(s.region, '未知') AS region, count(*) AS removals
FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN sites s ON s.id = d.site_id
WHERE e.kind = 'removed'
GROUP BY month, region
ORDER BY month, region"""

#: The same figures as ``ducha report timeliness`` (``archive.timeliness.summary``): medians with n.
TIMELINESS_BY_REGION = summary_sql(("region",), order="median_posting_lag_days DESC NULLS LAST, agg.region")

FEED_NEW = _feed("e.kind = 'new'", "coalesce(d.title, d.url)", _SUMMARY)
FEED_GONGSHI = _feed("e.kind = 'new'", "coalesce(d.title, d.url)", _SUMMARY, f" AND {GONGSHI}")
FEED_REMOVED = _feed(
    "e.kind = 'removed'", "'已删除 Removed: ' || coalesce(d.title, d.url)",
    "'首次发现 first seen ' || d.first_seen_at || ' · 删除于 removed at ' || e.at || ' · '"
    f" || {_SUMMARY}")
FEED_CHANGED = _feed(
    "e.kind IN ('changed', 'restored')",
    "(CASE e.kind WHEN 'restored' THEN '已恢复 Restored: ' ELSE '已修改 Changed: ' END) || coalesce(d.title, d.url)",
    "CASE e.kind WHEN 'restored' THEN '删除后重新上线 back online after a removal · ' || " + _SUMMARY
    + " ELSE '改动 changed: ' || coalesce(json_extract(e.detail, '$.changed'), '[]') || char(10)"
    f" || ducha_compact_diff_text({version_text('pv')}, {version_text('v')}) END",
).replace("LEFT JOIN versions v ON v.id = e.version_id",
          "LEFT JOIN versions v ON v.id = e.version_id\nLEFT JOIN versions pv ON pv.id = e.previous_version_id")

_CHAIN_FILE = "'/-/ducha/chain/' || m.run_id"
#: The daily chain as Atom, newest manifest first: each entry links the manifest (``chain/N.json``, served by
#: ``archive.web.pages.chain_file``) and, as ``atom_related``, its signature, timestamp and the public key.
FEED_CHAIN = f"""
SELECT 'urn:ducha:chain:' || m.run_id AS atom_id,
       '签名清单 Manifest of run ' || m.run_id || ' · ' || coalesce(r.finished_at, m.created_at) AS atom_title,
       m.created_at AS atom_updated,
       '/-/ducha/chain/' || m.file AS atom_link,
       '运行 run ' || m.run_id || ' · 开始 started ' || coalesce(r.started_at, '—') || ' · 结束 finished '
         || coalesce(r.finished_at, '—') || char(10) || '清单 SHA-256 manifest ' || m.sha256 || char(10)
         || coalesce('上一份 previous: run ' || m.previous_run_id || ' SHA-256 ' || m.previous_sha256,
                     '链的起点 first of the chain') || char(10)
         || '新版本 new versions ' || (SELECT count(*) FROM versions v WHERE v.run_id = m.run_id)
         || ' · ' || CASE WHEN m.signed THEN '已签名 signed (Ed25519)' ELSE '未签名 unsigned' END
         || ' · ' || CASE WHEN m.timestamped THEN '可信时间戳 RFC 3161 timestamp' ELSE '无时间戳 no timestamp' END
         AS atom_content,
       json_array(
         CASE WHEN m.signed THEN json_object('href', {_CHAIN_FILE} || '.sig', 'title', 'Ed25519 signature',
                                             'type', 'application/octet-stream') END,
         CASE WHEN m.timestamped THEN json_object('href', {_CHAIN_FILE} || '.tsr', 'title', 'RFC 3161 timestamp',
                                                  'type', 'application/timestamp-reply') END,
         CASE WHEN m.signed THEN json_object('href', '/-/ducha/chain/{PUBLIC_KEY}', 'title', 'public key',
                                             'type', 'application/x-pem-file') END) AS atom_related
FROM chain_manifests m
LEFT JOIN runs r ON r.id = m.run_id
ORDER BY m.run_id DESC
LIMIT 100"""
