"""The canned queries of ``datasette-metadata.json``: SQL kept readable here, rendered by ``archive.web.metadata``.

Every query that lists postings returns a ``document_link`` column (the document id), which
``archive.web.plugin.render_cell`` turns into a link to ``/-/ducha/document/{id}``.  Feed queries
return datasette-atom's columns (``atom_id``, ``atom_title``, ``atom_updated`` …); their filters
``:site`` and ``:region`` mean "all" when empty.  "Today" is the date in China (UTC+8).
"""
from __future__ import annotations

TODAY = "date('now', '+8 hours')"
FILTERS = "(:site = '' OR d.site_id = :site) AND (:region = '' OR s.region = :region)"
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

LATEST = f"""
SELECT d.id AS document_link, d.first_seen_at, d.publish_date, d.publish_date_source,
       coalesce(s.name, d.site_id) AS site, s.region, t.label_zh AS doc_type, d.title, d.status
FROM documents d
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE {FILTERS}
ORDER BY d.first_seen_at DESC, d.publish_date DESC, d.id DESC
LIMIT 200"""

OPEN_GONGSHI = f"""
SELECT d.id AS document_link, coalesce(tl.objection_end, d.objection_end) AS objection_end,
       CAST(julianday(coalesce(tl.objection_end, d.objection_end)) - julianday({TODAY}) AS INTEGER) AS days_left,
       tl.objection_deadline AS computed_deadline, tl.objection_working_days AS working_days,
       d.publish_date, coalesce(s.name, d.site_id) AS site, s.region, t.label_zh AS doc_type,
       d.title, d.status
FROM documents d
LEFT JOIN timeliness tl ON tl.document_id = d.id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE coalesce(tl.objection_end, d.objection_end) >= {TODAY} AND {FILTERS}
ORDER BY 2, d.id"""

REMOVED = f"""
SELECT d.id AS document_link, e.at AS removed_at, d.first_seen_at, d.last_seen_at,
       round(julianday(e.at) - julianday(d.first_seen_at), 1) AS days_online,
       d.publish_date, d.objection_end,
       CASE WHEN d.objection_end IS NOT NULL AND substr(e.at, 1, 10) <= d.objection_end THEN 1 ELSE 0 END
         AS removed_during_objection_window,
       json_extract(e.detail, '$.reason') AS reason, d.status AS status_now,
       coalesce(s.name, d.site_id) AS site, s.region, d.title
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN sites s ON s.id = d.site_id
WHERE e.kind = 'removed' AND {FILTERS}
ORDER BY e.at DESC, e.id DESC
LIMIT 500"""

CHANGES = f"""
SELECT d.id AS document_link, e.at AS changed_at, e.kind,
       json_extract(e.detail, '$.changed') AS changed_parts,
       pv.publish_date AS old_publish_date, v.publish_date AS new_publish_date,
       ducha_compact_diff(coalesce(pv.title, '') || char(10) || coalesce(pv.body_text, ''),
                          coalesce(v.title, '') || char(10) || coalesce(v.body_text, '')) AS diff_html,
       coalesce(s.name, d.site_id) AS site, s.region, d.title
FROM events e
JOIN documents d ON d.id = e.document_id
JOIN versions v ON v.id = e.version_id
JOIN versions pv ON pv.id = e.previous_version_id
LEFT JOIN sites s ON s.id = d.site_id
WHERE e.kind IN ('changed', 'restored') AND {FILTERS}
ORDER BY e.at DESC, e.id DESC
LIMIT 200"""

BACKDATING = """
WITH watched AS (
  SELECT site_id, min(first_seen_at) AS watched_since FROM documents GROUP BY site_id
), claims AS (
  SELECT d.*, min(coalesce(d.publish_date, '9999'), coalesce(d.cms_date, '9999'),
                  coalesce(d.stated_date, '9999')) AS earliest_claim
  FROM documents d
), flagged AS (
  SELECT c.*, w.watched_since,
         CAST(julianday(substr(c.first_seen_at, 1, 10)) - julianday(c.earliest_claim) AS INTEGER) AS lag_days,
         (SELECT count(*) FROM (SELECT publish_date, lag(publish_date) OVER (ORDER BY captured_at, id) AS prev
                                FROM versions v WHERE v.document_id = c.id)
          WHERE publish_date < prev) AS dates_moved_earlier
  FROM claims c JOIN watched w ON w.site_id = c.site_id
  WHERE c.earliest_claim < '9999'
)
SELECT f.id AS document_link, f.lag_days, f.dates_moved_earlier, f.earliest_claim,
       f.publish_date, f.publish_date_source, f.cms_date, f.stated_date, f.url_date, f.list_date,
       f.first_seen_at, f.watched_since, coalesce(s.name, f.site_id) AS site, s.region, f.title, f.status
FROM flagged f
LEFT JOIN sites s ON s.id = f.site_id
WHERE ((f.lag_days > CAST(coalesce(nullif(:days, ''), '3') AS INTEGER)
        AND f.earliest_claim >= substr(f.watched_since, 1, 10))
       OR f.dates_moved_earlier > 0)
  AND (:site = '' OR f.site_id = :site) AND (:region = '' OR s.region = :region)
ORDER BY f.dates_moved_earlier DESC, f.lag_days DESC, f.id
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

SEARCH = f"""
SELECT d.id AS document_link,
       ducha_snippet(:q, d.title, v.body_text, snippet(documents_fts, 0, char(2), char(3), '…', 40))
         AS snippet_html,
       d.title, d.publish_date, coalesce(s.name, d.site_id) AS site, s.region, t.label_zh AS doc_type,
       d.status, round(bm25(documents_fts), 3) AS rank
FROM documents_fts
JOIN documents d ON d.id = documents_fts.rowid
LEFT JOIN versions v ON v.id = d.current_version_id
LEFT JOIN sites s ON s.id = d.site_id
LEFT JOIN doc_types t ON t.code = d.doc_type
WHERE documents_fts MATCH escape_fts(:q) AND {FILTERS}
ORDER BY bm25(documents_fts), d.id
LIMIT 100"""

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

TIMELINESS_BY_REGION = """
WITH watched AS (
  SELECT site_id, min(first_seen_at) AS watched_since FROM documents GROUP BY site_id
), lags AS (
  SELECT coalesce(s.region, '未知') AS region,
         julianday(substr(d.first_seen_at, 1, 10)) - julianday(d.publish_date) AS lag
  FROM documents d JOIN watched w ON w.site_id = d.site_id LEFT JOIN sites s ON s.id = d.site_id
  WHERE d.publish_date IS NOT NULL AND d.publish_date >= substr(w.watched_since, 1, 10)
)
SELECT region, count(*) AS postings, round(avg(lag), 1) AS avg_posting_lag_days, max(lag) AS max_lag_days,
       sum(lag > 3) AS seen_more_than_3_days_late,
       (SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id
          LEFT JOIN sites s ON s.id = d.site_id
        WHERE e.kind = 'removed' AND coalesce(s.region, '未知') = lags.region
          AND d.objection_end IS NOT NULL AND substr(e.at, 1, 10) <= d.objection_end)
         AS removed_during_objection_window
FROM lags
GROUP BY region
ORDER BY avg_posting_lag_days DESC"""

FEED_NEW = _feed("e.kind = 'new'", "coalesce(d.title, d.url)", _SUMMARY)
FEED_GONGSHI = _feed("e.kind = 'new'", "coalesce(d.title, d.url)", _SUMMARY, f" AND {GONGSHI}")
FEED_REMOVED = _feed(
    "e.kind = 'removed'", "'已删除 Removed: ' || coalesce(d.title, d.url)",
    "'首次发现 first seen ' || d.first_seen_at || ' · 删除于 removed at ' || e.at || ' · '"
    f" || {_SUMMARY}")
FEED_CHANGED = _feed(
    "e.kind IN ('changed', 'restored')",
    "(CASE e.kind WHEN 'restored' THEN '已恢复 Restored: ' ELSE '已修改 Changed: ' END) || coalesce(d.title, d.url)",
    "'改动 changed: ' || coalesce(json_extract(e.detail, '$.changed'), '[]') || char(10)"
    " || ducha_compact_diff_text(coalesce(pv.title, '') || char(10) || coalesce(pv.body_text, ''),"
    " coalesce(v.title, '') || char(10) || coalesce(v.body_text, ''))",
).replace("LEFT JOIN versions v ON v.id = e.version_id",
          "LEFT JOIN versions v ON v.id = e.version_id\nLEFT JOIN versions pv ON pv.id = e.previous_version_id")
