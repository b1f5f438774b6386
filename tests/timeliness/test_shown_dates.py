"""Shown dates (list rows, metas, info lines) and URL dates: every form to YYYY-MM-DD, nothing invented."""
from __future__ import annotations

import pytest

from archive.timeliness.shown_dates import parse_shown_date as parse_date
from archive.timeliness.url_dates import url_day as date_from_url
from archive.timeliness.url_dates import url_year as year_from_url


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("2024-07-03", None, "2024-07-03"),
    ("[2024/7/3]", None, "2024-07-03"),
    ("2024.07.03", None, "2024-07-03"),
    ("时间:2024年07月03日", None, "2024-07-03"),
    ("2024-07-03 10:23", None, "2024-07-03"),
    ("07-03", 2024, "2024-07-03"),
    ("7月3日", 2024, "2024-07-03"),
    ("07-03", None, None),
    ("2024年7月", None, None),
    ("2024-07", 2024, None),
    ("2024-02-30", None, None),
    ("", None, None),
])
def test_parse_date(text: str, year: int | None, expected: str | None) -> None:
    assert parse_date(text, context_year=year) == expected


def test_dates_in_urls() -> None:
    assert date_from_url("https://www.mee.gov.cn/x/202407/t20240703_1043210.shtml") == "2024-07-03"
    assert date_from_url("http://sthjt.jiangsu.gov.cn/art/2024/7/3/art_84025_1.html") == "2024-07-03"
    assert date_from_url("http://x.gov.cn/a/content_1002.htm") is None
    assert year_from_url("http://x.gov.cn/tzgg/202406/abc.html") == 2024
