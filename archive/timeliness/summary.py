"""One definition of the aggregated timeliness figures, for the web, the CLI report and the views.

``summary_sql(keys, where)`` returns SQL grouping the ``timeliness`` table by ``keys`` (any of
``region``, ``site_id``, ``month``).  Lags are summarised by their **median with n** (an average over a
handful of postings is dominated by one outlier); medians are computed in plain SQL (window
functions), so the views work in any SQLite client.  A count that could not be computed for any
posting of a group (e.g. ``windows_shorter_than_stated`` when no window states both a length and a
range) is NULL — shown as 未计算 — never 0.

``archive.web.queries.TIMELINESS_BY_REGION``, ``archive.timeliness.report`` and the views
``timeliness_by_site_month`` / ``timeliness_by_region_month`` all use it.
"""
from __future__ import annotations

from collections.abc import Sequence

KEYS = {
    "region": "coalesce(s.region, '未知')",
    "site_id": "t.site_id",
    "month": "coalesce(substr(coalesce(t.publish_date, t.first_seen_date), 1, 7), 'unknown')",
}

#: (output name, expression over ``base``, row filter) of each median
MEDIANS = (
    ("posting_lag", "posting_lag_days", "baseline = 0"),
    ("acceptance_lag", "acceptance_lag_days", "1"),
    ("feedback_lag_workdays", "feedback_lag_workdays", "1"),
)

#: The distribution of posting lags (postings seen arriving): (column, lowest day or None, highest day or None);
#: the buckets add up to ``posting_lag_n`` (a negative lag: seen before the date it claims).
LAG_BUCKETS = (("lag_negative", None, -1), ("lag_0_days", 0, 0), ("lag_1_3_days", 1, 3), ("lag_4_7_days", 4, 7), ("lag_8_30_days", 8, 30),
               ("lag_over_30_days", 31, None))

#: The figures per group, in output order (besides the keys and the medians).
COLUMNS = (
    "sites", "postings", "postings_seen_arriving", "posting_lag_n", "median_posting_lag_days",
    "max_posting_lag_days", *(name for name, _, _ in LAG_BUCKETS), "backdated", "date_changed", "objection_windows", "windows_checked",
    "windows_shorter_than_stated", "early_removals", "acceptance_lag_n", "median_acceptance_lag_days",
    "feedback_lag_n", "median_feedback_lag_workdays", "calendar_not_announced", "calendar_version",
)


def _median_cte(name: str, column: str, condition: str, keys: Sequence[str]) -> str:
    cols = ", ".join(keys)
    part = f"PARTITION BY {cols}" if keys else ""
    return (f"m_{name} AS (SELECT {cols + ', ' if keys else ''}avg(v) AS median, max(n) AS n FROM ("
            f"SELECT {cols + ', ' if keys else ''}{column} AS v,"
            f" row_number() OVER ({part} ORDER BY {column}) AS rn, count(*) OVER ({part}) AS n"
            f" FROM base WHERE {condition} AND {column} IS NOT NULL)"
            f" WHERE rn IN ((n + 1) / 2, (n + 2) / 2){' GROUP BY ' + cols if keys else ''})")


def _buckets() -> str:
    lines = []
    for name, low, high in LAG_BUCKETS:
        lower = f" AND posting_lag_days >= {low}" if low is not None else ""
        upper = f" AND posting_lag_days <= {high}" if high is not None else ""
        lines.append(f"    sum(baseline = 0 AND posting_lag_days IS NOT NULL{lower}{upper}) AS {name},")
    return "\n".join(lines)


def summary_sql(keys: Sequence[str], where: str = "1", order: str | None = None) -> str:
    """SQL of the timeliness figures grouped by ``keys``; ``where`` filters ``timeliness t`` / ``sites s``."""
    unknown = set(keys) - set(KEYS)
    if unknown:
        raise ValueError(f"unknown summary keys {sorted(unknown)}: use {sorted(KEYS)}")
    key_list = list(keys)
    select_keys = ", ".join(f"{KEYS[k]} AS {k}" for k in key_list)
    ctes = [(f"base AS (SELECT {select_keys + ', ' if key_list else ''}t.* FROM timeliness t"
            f" LEFT JOIN sites s ON s.id = t.site_id WHERE {where})")]
    ctes += [_median_cte(name, column, condition, key_list) for name, column, condition in MEDIANS]
    group = f" GROUP BY {', '.join(key_list)}" if key_list else ""
    ctes.append(f"""agg AS (SELECT {', '.join(key_list) + ', ' if key_list else ''}
    count(DISTINCT site_id) AS sites,
    count(*) AS postings,
    sum(baseline = 0) AS postings_seen_arriving,
    max(CASE WHEN baseline = 0 THEN posting_lag_days END) AS max_posting_lag_days,
{_buckets()}
    sum(backdated) AS backdated,
    sum(date_changed) AS date_changed,
    sum(objection_status IS NOT NULL AND objection_status != 'no_window') AS objection_windows,
    count(objection_meets_stated) AS windows_checked,
    CASE WHEN count(objection_meets_stated) > 0 THEN sum(objection_meets_stated = 0) END
      AS windows_shorter_than_stated,
    sum(early_removal = 1) AS early_removals,
    sum(calendar_status LIKE 'not_announced:%') AS calendar_not_announced,
    group_concat(DISTINCT calendar_version) AS calendar_version
  FROM base{group})""")
    joins = "".join(
        f" LEFT JOIN m_{name} ON " + (" AND ".join(f"m_{name}.{k} IS agg.{k}" for k in key_list) or "1")
        for name, _, _ in MEDIANS)
    select = ", ".join([*(f"agg.{k}" for k in key_list),
                        "agg.sites", "agg.postings",
                        # the objection window first: what readers of 时效数字 look for (was far off to the right)
                        "agg.objection_windows", "agg.windows_checked", "agg.windows_shorter_than_stated",
                        "agg.early_removals", "agg.postings_seen_arriving",
                        "coalesce(m_posting_lag.n, 0) AS posting_lag_n",
                        "round(m_posting_lag.median, 1) AS median_posting_lag_days",
                        "agg.max_posting_lag_days", *(f"agg.{name}" for name, _, _ in LAG_BUCKETS),
                        "agg.backdated", "agg.date_changed",
                        "coalesce(m_acceptance_lag.n, 0) AS acceptance_lag_n",
                        "round(m_acceptance_lag.median, 1) AS median_acceptance_lag_days",
                        "coalesce(m_feedback_lag_workdays.n, 0) AS feedback_lag_n",
                        "round(m_feedback_lag_workdays.median, 1) AS median_feedback_lag_workdays",
                        "agg.calendar_not_announced", "agg.calendar_version"])
    order_by = order or ", ".join(f"agg.{k}" for k in key_list)
    return (f"WITH {', '.join(ctes)}\nSELECT {select}\nFROM agg{joins}"
            + (f"\nORDER BY {order_by}" if order_by else ""))
