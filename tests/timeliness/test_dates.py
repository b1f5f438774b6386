"""Tests for archive.timeliness.dates."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.timeliness.dates import cn_number, find_dates, find_ranges
from archive.timeliness.url_dates import url_date

D = dt.date


@pytest.mark.parametrize(
    "text,expected",
    [
        ("时间:2024年07月03日", [(D(2024, 7, 3), "date", "day")]),
        ("2024-07-03 10:23", [(D(2024, 7, 3), "date", "day")]),
        ("[2024/7/3]", [(D(2024, 7, 3), "date", "day")]),
        ("二〇二三年三月十七日", [(D(2023, 3, 17), "date", "day")]),
        ("二○二四年十二月三十一日", [(D(2024, 12, 31), "date", "day")]),
        ("二零二二年十月一日", [(D(2022, 10, 1), "date", "day")]),
        ("２０２４年７月３日", [(D(2024, 7, 3), "date", "day")]),
        ("2017年08月08日 10时31分", [(D(2017, 8, 8), "date", "day")]),
        ("2023年1月全面完成", [(D(2023, 1, 1), "date", "month")]),
        ("2023年底前完成整改3个", [(D(2023, 12, 31), "deadline", "year")]),
        ("于2024年6月底前", [(D(2024, 6, 30), "deadline", "month")]),
        ("2024年2月底前", [(D(2024, 2, 29), "deadline", "month")]),
        ("2025年1月21日至2月8日", [(D(2025, 1, 21), "range_start", "day"), (D(2025, 2, 8), "range_end", "day")]),
        ("2025年6月9日至2025年6月20日",
         [(D(2025, 6, 9), "range_start", "day"), (D(2025, 6, 20), "range_end", "day")]),
        ("2023年12月20日至1月5日", [(D(2023, 12, 20), "range_start", "day"), (D(2024, 1, 5), "range_end", "day")]),
        ("2024年7月3日—7月16日", [(D(2024, 7, 3), "range_start", "day"), (D(2024, 7, 16), "range_end", "day")]),
        ("2024年7月3日至16日", [(D(2024, 7, 3), "range_start", "day"), (D(2024, 7, 16), "range_end", "day")]),
        ("2024-07-03至2024-07-16", [(D(2024, 7, 3), "range_start", "day"), (D(2024, 7, 16), "range_end", "day")]),
        ("监督电话:024-62788397, 优良比例为73.6%", []),
        ("2月30日", [(None, "date", "day")]),
    ],
)
def test_find_dates_forms(text: str, expected: list) -> None:
    assert [(m.value, m.kind, m.precision) for m in find_dates(text)] == expected


@pytest.mark.parametrize(
    "text,context_year,expected,year_source",
    [
        ("9月1日召开", 2024, D(2024, 9, 1), "context"),
        ("2023年6月12日进驻，9月1日反馈", None, D(2023, 9, 1), "context"),  # nearest earlier explicit year wins
        ("2023年6月12日进驻，9月1日反馈", 2030, D(2023, 9, 1), "context"),
        ("8月底前完成", 2024, D(2024, 8, 31), "context"),
        ("9月1日召开", None, None, None),  # no year anywhere: unknown, never guessed
        ("每年1月31日前报告", 2024, None, None),  # recurring: no single year
        ("去年6月1日", 2024, D(2023, 6, 1), "relative"),  # 去年 / 今年 / 明年 count from the context year
        ("2016年7月进驻，当年11月反馈", None, D(2016, 11, 1), "relative"),  # 当年 / 同年 / 次年 from the text's year
        ("2022年5月进驻，次年3月5日反馈", 2030, D(2023, 3, 5), "relative"),
        ("今年6月1日", None, None, None),
    ],
)
def test_year_less_dates_take_year_from_context(text: str, context_year: int | None, expected: D | None,
                                                year_source: str | None) -> None:
    last = find_dates(text, context_year=context_year)[-1]
    assert (last.value, last.year_source) == (expected, year_source)


@pytest.mark.parametrize(
    "text,month,day",
    [("于9月1x日进行了反馈", 9, None), ("于9月1X日", 9, None), ("9月1×日", 9, None), ("于9月1 (略) 进行了反馈", 9, None),
     ("2023年9月**日", 9, None), ("20xx年9月1日", 9, 1)],
)
def test_redacted_digits_stay_unknown(text: str, month: int, day: int | None) -> None:
    (m,) = find_dates(text, context_year=2023)
    assert m.redacted and m.value is None
    assert (m.month, m.day) == (month, day)


def test_seed_002_range_and_redacted_feedback(seeds: dict[str, str]) -> None:
    mentions = find_dates(seeds["002"])
    assert [(a.value, b.value) for a, b in find_ranges(mentions)] == [(D(2023, 6, 12), D(2023, 7, 1))]
    feedback = next(m for m in mentions if m.text.startswith("9月1"))
    assert feedback.redacted and feedback.value is None and feedback.year == 2023
    deadlines = [m.value for m in mentions if m.kind == "deadline"]
    assert deadlines[:3] == [D(2023, 12, 31), D(2024, 12, 31), D(2025, 12, 31)]


def test_seed_003_dates(seeds: dict[str, str]) -> None:
    values = [m.value for m in find_dates(seeds["003"]) if m.precision == "day"]
    assert values[:2] == [D(2024, 7, 3), D(2024, 7, 3)]
    assert D(2023, 1, 17) in values


def test_spans_point_into_the_original_text() -> None:
    text = "发布于２０２４年７月３日。"
    (m,) = find_dates(text)
    assert text[m.start:m.end] == m.text == "２０２４年７月３日"
    assert m.to_dict()["value"] == "2024-07-03"


@pytest.mark.parametrize(
    "url,value,precision",
    [
        ("https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/202407/t20240703_1043210.shtml", D(2024, 7, 3), "day"),
        ("http://sthjt.jiangsu.gov.cn/art/2024/7/3/art_84025_10234567.html", D(2024, 7, 3), "day"),
        ("https://sthjt.sc.gov.cn/sthjt/c104378/2024/7/3/0123456789abcdef0123456789abcdef.shtml", D(2024, 7, 3),
         "day"),
        ("https://sthjt.sc.gov.cn/x/files/验收销号表-20240703155735492.pdf", D(2024, 7, 3), "day"),
        ("https://www.mee.gov.cn/ywgz/202407/P020240703512345678901.pdf", D(2024, 7, 3), "day"),
        ("http://gdee.gd.gov.cn/ggtz3126/202407/content.html", D(2024, 7, 1), "month"),
        ("http://gdee.gd.gov.cn/ggtz3126/content/post_4412345.html", None, None),
        ("http://sthjj.zt.gov.cn/ShowArticle.asp?ArticleID=20240703", None, None),
        ("http://www.news.cn/local/2024/07-03/c_1130123456.htm", D(2024, 7, 3), "day"),
        ("http://www.xinhuanet.com/politics/2024-07/03/c_1130123456.htm", D(2024, 7, 3), "day"),
    ],
)
def test_url_date(url: str, value: D | None, precision: str | None) -> None:
    m = url_date(url)
    if value is not None:
        assert m is not None and (m.value, m.precision, m.source) == (value, precision, "url")
    else:
        assert m is None


@pytest.mark.parametrize("text,value", [("二〇二三", 2023), ("十七", 17), ("二十", 20), ("三十一", 31), ("十", 10),
                                        ("68", 68), ("六十八", 68), ("一百", None), ("甲", None)])
def test_cn_number(text: str, value: int | None) -> None:
    assert cn_number(text) == value
