"""Every filter of a list, search, feed, export or ledger page is checked: a bad one is a 400 in Chinese."""
from __future__ import annotations

import pytest

BAD = [
    ("/archive/search", {"q": "公示", "until": "2026/10/01"}, "截止日期 until 须为 YYYY-MM-DD"),
    ("/archive/search", {"q": "公示", "since": "2026-02-30"}, "起始日期 since 须为 YYYY-MM-DD"),
    ("/archive/search", {"q": "公示", "page": "二"}, "页码 page"),
    ("/archive/search", {"q": "公示", "order": "oldest"}, "排序 order"),
    ("/archive/search", {"q": "公示", "since": "2026-10-02", "until": "2026-10-01"}, "早于起始日期"),
    ("/archive/latest", {"since": "garbage"}, "起始日期 since 须为 YYYY-MM-DD"),
    ("/archive/latest", {"type": "通知"}, "未知类型 unknown type “通知”"),
    ("/archive/removed", {"site": "nosuch"}, "未知站点 unknown site “nosuch”；可选 valid sites: js-sthjt、mee、sc-sthjt"),
    ("/archive/ledger_overdue", {"as_of": "garbage"}, "截至日期 as_of 须为 YYYY-MM-DD"),
    ("/archive/ledger_overdue", {"as_of": "2026/12/06"}, "截至日期 as_of 须为 YYYY-MM-DD"),
    ("/-/ducha/ledger", {"as_of": "20261206"}, "截至日期 as_of 须为 YYYY-MM-DD"),
    ("/-/ducha/ledger/scorecard", {"region": "火星"}, "未知地区 unknown region “火星”"),
]


@pytest.mark.parametrize(("path", "params", "message"), BAD)
def test_a_bad_parameter_is_a_400_naming_what_is_valid(get, path, params, message):
    response = get(path, params=params)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text


@pytest.mark.parametrize(("path", "params"), [
    ("/archive/search", {"q": "公示", "since": "2020-01-01", "until": "2099-12-31", "page": "2", "order": "relevance",
                         "type": "验收销号公示", "region": "四川", "site": "sc-sthjt"}),
    ("/archive/latest", {"type": "acceptance_notice", "since": "2020-01-01", "region": "四川省"}),
    ("/archive/ledger_overdue", {"as_of": "2026-12-06"}),
    ("/-/ducha/ledger", {"as_of": "2026-12-06", "region": "四川"}),
])
def test_valid_parameters_still_answer(get, path, params):
    assert get(path, params=params).status_code == 200


def test_a_script_gets_the_error_as_json(get):
    response = get("/archive/latest.json", params={"since": "garbage"})
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["parameter"] == "since" and "YYYY-MM-DD" in body["error"]
    region = get("/archive/latest.json", params={"region": "火星"}).json()
    assert region["valid_regions"] == region["valid"] == ["全国", "四川省", "江苏省"]


@pytest.mark.parametrize("name", ["feed_new", "feed_gongshi", "feed_removed", "feed_changed", "feed_ledger"])
def test_feeds_refuse_an_unknown_site_or_region(get, name):
    site = get(f"/archive/{name}.atom", params={"site": "nosuch"})
    assert site.status_code == 400 and "未知站点" in site.text and "sc-sthjt" in site.text
    region = get(f"/archive/{name}.atom", params={"region": "火星"})
    assert region.status_code == 400 and "未知地区" in region.text


def test_the_csv_export_refuses_a_bad_date(get):
    response = get("/-/ducha/csv/latest", params={"since": "2026/01/01"})
    assert response.status_code == 400 and "起始日期 since 须为 YYYY-MM-DD" in response.text
