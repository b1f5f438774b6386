"""The list-API profiles (jpaas /queryList, Hunan search, ucap meta channelId), the API-date reader and
the learner, on answers shaped like the real ones (../shared/real-list-endpoints.md)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from spiders.profiles import detect_profile, make_profile
from spiders.profiles.apidates import api_date, epoch_date
from spiders.profiles.base import ListRequest
from spiders.profiles.learn import learn_api
from spiders.profiles.learned import LearnedProfile
from spiders.profiles.ucap import UcapProfile, channel_id

JX = "https://sthjt.jiangxi.gov.cn/jxssthjt/col/col42150/index.html"
JX_SHELL = ("<div id='div380055'></div><script>loadPageData({unitid:'380055', webSiteCode:['jxssthjt'], "
            "channelCode:['col42150'], perPage:'15', showMode:'normal'});</script>")


def test_jpaas_shell_posts_the_real_query_form() -> None:
    profile = make_profile("jpaas")
    page = profile.parse_list(ListRequest(url=JX), JX_SHELL)
    assert page.entries == [] and len(page.follow) == 1
    request = page.follow[0]
    assert (request.method, request.url) == ("POST", "https://sthjt.jiangxi.gov.cn/queryList")
    form = dict(parse_qsl(request.body.decode(), keep_blank_values=True))
    assert form == {"current": "1", "unitid": "380055", "webSiteCode[]": "jxssthjt", "channelCode[]": "col42150",
                    "dataBefore": "", "dataAfter": "", "perPage": "15", "pageSize": "15",
                    "notReturnContent": "false", "showMode": "normal", "groupSize": "1", "barPosition": "bottom",
                    "titleMax": "34", "templateContainerId": "div380055", "themeName": "lucidity"}
    answer = {"success": True, "data": {"total": 31, "results": [{"source": {
        "title": "江西省生态环境厅关于整改任务验收销号的公示", "pubDate": "2025-12-01 10:23:45",
        "urls": json.dumps({"pc": "/jxssthjt/col/col42150/content/content_1995000000000000001.html"})}}]}}
    page1 = profile.parse_list(request, json.dumps(answer, ensure_ascii=False))
    assert [(e.url, e.title, e.date) for e in page1.entries] == [
        ("https://sthjt.jiangxi.gov.cn/jxssthjt/col/col42150/content/content_1995000000000000001.html",
         "江西省生态环境厅关于整改任务验收销号的公示", "2025-12-01")]
    assert [dict(parse_qsl(f.body.decode()))["current"] for f in page1.follow] == ["2", "3"]
    assert profile.parse_list(request, "<html>busy</html>").error


def test_hunan_shell_asks_the_provincial_search_api() -> None:
    profile = make_profile("hunan")
    start = "http://sthjt.hunan.gov.cn/sthjt/xxgk/tzgg/tz/list_tyxx.html"
    profile.first_requests(start)
    page = profile.parse_list(ListRequest(url=start), "<script>var channelId = '97433';</script>")
    request = page.follow[0]
    assert (request.method, request.url) == ("POST", "http://api.hunan.gov.cn/search/common/search/97433")
    body = json.loads(request.body)
    assert (body["page"], body["_pageSize"], body["datas"][0]["key"]) == (1, 20, "status")
    answer = {"data": {"total": 45, "results": [{"title": "关于第二轮督察整改验收销号的公示",
                                                 "url": "/sthjt/xxgk/tzgg/tz/202608/t20260827_1.html",
                                                 "publishedTimeStr": "2026-08-27 16:20:11"}]}}
    page1 = profile.parse_list(request, json.dumps(answer, ensure_ascii=False))
    assert page1.entries[0].url == "http://sthjt.hunan.gov.cn/sthjt/xxgk/tzgg/tz/202608/t20260827_1.html"
    assert page1.entries[0].date == "2026-08-27"
    assert [json.loads(f.body)["page"] for f in page1.follow] == [2, 3]


def test_ucap_reads_the_channel_id_from_meta_and_sends_the_callers_parameters() -> None:
    html = ('<meta name="channelId" content="7cfa6365343e4f69b13f0ade298c0580">'
            '<div><!-- <ul><li><a href="/x.shtml">旧</a><span>2025-01-01</span></li></ul> --></div>')
    assert channel_id(html) == "7cfa6365343e4f69b13f0ade298c0580"
    assert detect_profile("https://sthj.gansu.gov.cn/sthj/c105992/xxgk_list.shtml", html) == "ucap"
    page = UcapProfile().parse_list(ListRequest(url="https://sthj.gansu.gov.cn/sthj/c105992/xxgk_list.shtml"), html)
    assert page.entries == []  # rows in a comment are not the list
    assert page.follow[0].url == ("https://sthj.gansu.gov.cn/common/search/7cfa6365343e4f69b13f0ade298c0580?_isAgg="
                                  "true&_isJson=true&_pageSize=10&_template=index&_rangeTimeGte=&_channelName=&page=1")


def test_api_dates_strings_and_epochs_in_china_time() -> None:
    assert epoch_date(1740585240000) == "2025-02-26"  # 2025-02-26 23:54 CST is still the 26th
    assert epoch_date(1740585240) == "2025-02-26"
    assert epoch_date("1740585240000") == "2025-02-26"
    assert epoch_date(20250226) is None and epoch_date(True) is None
    assert api_date("2025-02-26 11:54") == "2025-02-26" and api_date("") is None


@dataclass
class _X:
    method: str
    url: str
    post_data: str | None
    status: int
    body: str
    step: int
    content_type: str = "application/json"
    request_headers: dict = field(default_factory=lambda: {"content-type": "application/json"})


def _answer(page: int) -> str:
    rows = [{"id": page * 10 + i, "headline": f"保山市督察整改公示第{page}-{i}号", "link": f"/zwgk/{page}{i}.html",
             "releaseTime": 1740585240000 - i * 86_400_000} for i in range(3)]
    return json.dumps({"code": 0, "payload": {"count": 7, "items": rows}}, ensure_ascii=False)


def test_learner_finds_rows_fields_and_the_page_parameter_from_a_click() -> None:
    page_url = "http://sthjj.baoshan.gov.cn/zwgk/tzgg/index.html"
    traffic = [
        _X("GET", "http://sthjj.baoshan.gov.cn/api/menu", None, 200, json.dumps({"menu": [{"name": "首页"}]}), 0),
        _X("POST", "http://sthjj.baoshan.gov.cn/api/q", '{"cat":"tzgg","pageNo":1,"size":3}', 200, _answer(1), 0),
        _X("POST", "http://sthjj.baoshan.gov.cn/api/q", '{"cat":"tzgg","pageNo":2,"size":3}', 200, _answer(2), 1),
    ]
    recipe = learn_api(traffic, page_url)
    assert recipe is not None
    assert (recipe["endpoint"], recipe["method"], recipe["params_in"], recipe["page_key"]) == (
        "http://sthjj.baoshan.gov.cn/api/q", "POST", "json", "pageNo")
    assert (recipe["rows_path"], recipe["title_key"], recipe["link_key"], recipe["date_key"], recipe["total_key"]) == (
        ["payload", "items"], "headline", "link", "releaseTime", "count")
    profile = LearnedProfile(recipe)
    first = profile.first_requests(page_url)[0]
    assert json.loads(first.body) == {"cat": "tzgg", "pageNo": 1, "size": 3}
    page = profile.parse_list(first, _answer(1))
    assert [e.date for e in page.entries] == ["2025-02-26", "2025-02-25", "2025-02-24"]
    assert [json.loads(f.body)["pageNo"] for f in page.follow] == [2, 3]
    assert profile.parse_list(first, "<html>").error


def test_learner_ignores_traffic_without_postings() -> None:
    traffic = [_X("GET", "http://h/api/weather", None, 200, json.dumps({"list": [{"city": "保山", "t": 21}]}), 0)]
    assert learn_api(traffic, "http://h/") is None
