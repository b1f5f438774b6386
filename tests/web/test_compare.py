"""/-/ducha/timeliness: the per-region comparison — sorted bars, Chinese labels, n per bar, same figures as the CLI."""
from __future__ import annotations

import re

from archive.timeliness.report import summarise


def test_comparison_page_sorted_with_n(get, corpus):
    response = get("/-/ducha/timeliness")
    assert response.status_code == 200 and "default-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    shown = re.findall(r'<span class="bar-label" role="rowheader">(.*?)</span>.*?'
                       r'<span class="bar-value">(.*?)</span>\s*<span class="bar-n">n = (\d+)</span>', page, re.DOTALL)
    expected = sorted(summarise(corpus.path), key=lambda r: (r["median_posting_lag_days"] is None,
                                                             -(r["median_posting_lag_days"] or 0), r["region"]))
    assert shown == [(r["region"], f"{r['median_posting_lag_days']} 天" if r["median_posting_lag_days"] is not None
                      else "无数据", str(r["posting_lag_n"])) for r in expected]
    assert "公告上网滞后：各地区比较" in page and 'href="/-/ducha/timeliness"' in get("/").text


def test_comparison_page_on_an_empty_archive(get_empty):
    assert get_empty("/-/ducha/timeliness").status_code == 200


def test_bars_are_proportional():
    from archive.web.compare import bars

    rows = [{"median_posting_lag_days": 4.0}, {"median_posting_lag_days": 1.0}, {"median_posting_lag_days": None}]
    assert [r["percent"] for r in bars(rows)] == [60.0, 15.0, 0.0]
