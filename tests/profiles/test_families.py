"""Page-URL generation and paging decisions of the family profiles, and family detection."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from spiders.profiles import detect_profile, get_profile, make_profile
from spiders.profiles.base import ListRequest
from spiders.profiles.generic import GenericProfile
from spiders.profiles.hanweb import HanwebProfile
from spiders.profiles.nfcms import NfcmsProfile
from spiders.profiles.paging import js_page_count, suffix_page_url
from spiders.profiles.trs import TrsProfile
from spiders.profiles.ucap import UcapProfile

MEE = "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml"
DINGXI_PROXY = ("http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=110&path=/"
                "&columnid=12377&unitid=38486&webname=x&permissiontype=0")


def _urls(page) -> list[str]:
    return [f.url for f in page.follow]


def test_trs_page_two_is_index_1() -> None:
    assert [suffix_page_url(MEE, k, zero_based=True) for k in (1, 2, 3)] == [
        MEE,
        "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index_1.shtml",
        "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index_2.shtml",
    ]


def test_trs_folder_start_url_uses_create_page_extension() -> None:
    text = '<ul><li><span class="date">2024-07-03</span><a href="./202407/t20240703_1.html">甲</a></li></ul>' \
           '<script>var countPage = 3//共多少页\ncreatePageHTML(countPage, 0, "index", "html");</script>'
    page = TrsProfile().parse_list(ListRequest(url="http://sthjt.jl.gov.cn/ywdt/tzgg/"), text)
    assert _urls(page) == ["http://sthjt.jl.gov.cn/ywdt/tzgg/index_1.html", "http://sthjt.jl.gov.cn/ywdt/tzgg/index_2.html"]
    assert page.entries[0].url == "http://sthjt.jl.gov.cn/ywdt/tzgg/202407/t20240703_1.html"


def test_trs_without_count_asks_for_next_page_until_empty() -> None:
    text = '<ul><li><span class="date">2024-07-03</span><a href="./202407/t20240703_1.shtml">甲</a></li></ul>'
    trs = TrsProfile()
    page = trs.parse_list(ListRequest(url="https://www.mee.gov.cn/ywdt/gsgg/index_1.shtml", page=2), text)
    assert _urls(page) == ["https://www.mee.gov.cn/ywdt/gsgg/index_2.shtml"]
    assert [f.page for f in page.follow] == [3]
    empty = trs.parse_list(ListRequest(url="https://www.mee.gov.cn/ywdt/gsgg/index_2.shtml", page=3), "<ul></ul>")
    assert empty.follow == [] and empty.entries == []


def test_trs_max_pages_caps_the_count() -> None:
    text = '<script>var countPage = 34//共多少页\ncreatePageHTML(countPage, 0, "index", "shtml");</script>'
    page = TrsProfile(max_pages=3).parse_list(ListRequest(url=MEE), text)
    assert _urls(page) == [MEE.replace("index", "index_1"), MEE.replace("index", "index_2")]
    assert page.total_pages == 34


def test_nfcms_page_two_is_index_2_never_index_1() -> None:
    url = "http://gdee.gd.gov.cn/ggtz3126/index.html"
    assert [suffix_page_url(url, k, zero_based=False) for k in (1, 2, 3)] == [
        url, "http://gdee.gd.gov.cn/ggtz3126/index_2.html", "http://gdee.gd.gov.cn/ggtz3126/index_3.html"]
    page = NfcmsProfile().parse_list(ListRequest(url=url), "<script>var totalPage = Math.ceil(2380/20);</script>")
    assert page.total_pages == 119
    assert len(page.follow) == 118
    assert page.follow[0].url.endswith("/index_2.html") and page.follow[-1].url.endswith("/index_119.html")
    assert not any(u.endswith("index_1.html") for u in _urls(page))


def test_ucap_html_pages_are_zclistf_k() -> None:
    url = "https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml"
    assert suffix_page_url(url, 2, zero_based=False) == "https://sthjt.sc.gov.cn/sthjt/c104378/zclistf_2.shtml"
    li = '<ul><li><a href="/sthjt/c104378/2024/7/3/ab.shtml">甲</a><span>2024-07-03</span></li></ul>'
    page = UcapProfile().parse_list(ListRequest(url=url.replace("zclistf", "zclistf_2"), page=2), li)
    assert _urls(page) == ["https://sthjt.sc.gov.cn/sthjt/c104378/zclistf_3.shtml"]


def test_hanweb_dingxi_real_sample(shared_dir: Path) -> None:
    text = (shared_dir / "real-samples" / "hanweb-dataproxy-dingxi.xml").read_text(encoding="utf-8")
    page = HanwebProfile().parse_list(ListRequest(url=DINGXI_PROXY, page=1), text)
    assert len(page.entries) == 45
    assert page.entries[0].url == "http://www.dingxi.gov.cn/art/2022/1/20/art_12377_1486865.html"
    assert page.entries[1].title == "定西市工信局关于对省级第二轮环保督察反馈第四项第十三项问题整改完成情况的公示"
    assert not any(e.title.endswith("...") or e.title_truncated for e in page.entries)
    assert "定西市省级第二轮生态环境保护督察反馈问题第16项整改任务完成情况公示" in [e.title for e in page.entries]
    dates = [e.date for e in page.entries]
    assert (max(dates), min(dates)) == ("2022-01-20", "2021-09-30")
    assert "http://zwgk.dingxi.gov.cn/art/2021/11/4/art_12480_1461862.html" in [e.url for e in page.entries]
    # No <totalpage> in this answer: ask for the next page, keeping the request's own parameters.
    assert _urls(page) == [DINGXI_PROXY.replace("page=1", "page=2")]


def test_hanweb_never_asks_for_static_index_pages(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "hanweb" / "jiangsu-column.html").read_text(encoding="utf-8")
    page = HanwebProfile().parse_list(ListRequest(url="http://sthjt.jiangsu.gov.cn/col/col84025/index.html"), text)
    assert page.follow and all("dataproxy.jsp" in u and "index_" not in u for u in _urls(page))


def test_hanweb_post_groups_from_totalrecord() -> None:
    answer = ("<datastore><totalrecord>100</totalrecord><totalpage>7</totalpage><recordset>"
              "<record><![CDATA[<li><a href='/art/2024/7/3/art_84025_1.html' title='甲公示'>甲...</a>"
              "<span>2024-07-03</span></li>]]></record></recordset></datastore>")
    hw = HanwebProfile(options={"hanweb_method": "post"})
    url = "http://sthjt.jiangsu.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=45&perpage=15"
    form = b"col=1&appid=1&webid=46&path=/&columnid=84025&sourceContentType=1&unitid=340853&webname=x&permissiontype=0"
    page = hw.parse_list(ListRequest(url=url, method="POST", body=form, page=1), answer)
    base = "http://sthjt.jiangsu.gov.cn/module/web/jpage/dataproxy.jsp"
    assert _urls(page) == [f"{base}?startrecord=46&endrecord=90&perpage=15",
                           f"{base}?startrecord=91&endrecord=135&perpage=15"]
    assert {f.method for f in page.follow} == {"POST"}
    assert page.follow[0].body == form
    assert ("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8") in page.follow[0].headers
    assert page.entries[0].title == "甲公示"


def test_hanweb_rejects_unknown_method() -> None:
    with pytest.raises(ValueError, match="hanweb_method"):
        HanwebProfile(options={"hanweb_method": "put"})


def test_ucap_json_without_total_asks_for_next_page() -> None:
    url = ("https://sthjt.sc.gov.cn/common/search/104378?_isAgg=true&_isJson=true&_pageSize=10&_template=index"
           "&_rangeTimeGte=&_channelName=&page=2")
    body = json.dumps({"data": {"results": [{"url": "/sthjt/c104378/2024/7/3/ab.shtml", "title": "甲",
                                             "publishedTimeStr": "2024-07-03"}]}})
    page = UcapProfile().parse_list(ListRequest(url=url, page=2), body)
    assert _urls(page) == [url.replace("page=2", "page=3")]
    assert UcapProfile().parse_list(ListRequest(url=url, page=2), "not json").entries == []


def test_gkmlpt_first_request_from_options() -> None:
    nf = NfcmsProfile(options={"gkmlpt_cat": 3155, "gkmlpt_sid": 2014})
    assert [r.url for r in nf.first_requests("http://gdee.gd.gov.cn/gkmlpt/index")] == [
        "http://gdee.gd.gov.cn/gkmlpt/api/all/3155?page=1&sid=2014"]


@pytest.mark.parametrize(("url", "text", "family"), [
    (MEE, 'var countPage = 3//共多少页\ncreatePageHTML(countPage, currentPage, "index", "shtml");', "trs"),
    ("http://x/col/col1/index.html", "<script type='text/xml'><datastore><recordset></recordset></datastore>", "hanweb"),
    ("https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml", 'var channelId = "104378"; var totalPage = 3;', "ucap"),
    ("http://x/list.html", 'url: "/common/search/" + channelId', "ucap"),
    ("http://gdee.gd.gov.cn/ggtz3126/index.html", "var totalPage = Math.ceil(2380/20);", "nfcms"),
    ("http://sthjj.panjin.gov.cn/xxgk/gsgg/", "<ul><li><a href='a.html'>甲</a></li></ul>", "generic"),
    ("http://sthjt.jiangsu.gov.cn/col/col84025/index.html", None, "hanweb"),
    ("https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml", None, "ucap"),
    ("http://sthjj.panjin.gov.cn/xxgk/gsgg/", None, None),
])
def test_detect_profile(url: str, text: str | None, family: str | None) -> None:
    assert detect_profile(url, text) == family


def test_get_profile_by_name_detection_and_fallback() -> None:
    assert isinstance(get_profile("trs", MEE), TrsProfile)
    assert isinstance(get_profile(None, MEE, "var countPage = 2"), TrsProfile)
    assert isinstance(get_profile(None, "http://sthjt.jiangsu.gov.cn/col/col84025/index.html"), HanwebProfile)
    assert isinstance(get_profile(None, "http://sthjj.panjin.gov.cn/xxgk/gsgg/"), GenericProfile)
    assert get_profile("trs", MEE, options={"max_pages": "2"}).max_pages == 2  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="unknown profile 'dede'"):
        make_profile("dede")


def test_js_page_counts() -> None:
    assert js_page_count("var countPage = 34//共多少页") == 34
    assert js_page_count("var totalPage = Math.ceil(2380/20);") == 119
    assert js_page_count("pageCount: 7,") == 7
    assert js_page_count("<span>共 12 页</span>") == 12
    assert js_page_count("<p>nothing</p>") is None
