"""archive.discover: reading links (anchors and script menus), naming channel kinds, scoring."""
from __future__ import annotations

import datetime as dt

import pytest

from archive.discover import channel_kind, channel_score, menu_file_links, nav_priority, page_links

TODAY = dt.date(2026, 11, 2)


@pytest.mark.parametrize(("name", "kind"), [
    ("中央生态环境保护督察整改专栏", "rectification"),
    ("生态环境保护督察整改", "rectification"),
    ("督察整改落实", "rectification"),
    ("环保督察", "rectification"),
    ("通知公告", "notices"),
    ("公示公告", "notices"),
    ("环评公示", "eia"),
    ("建设项目环境影响评价", "eia"),
    ("环境信息公开", "disclosure"),
    ("政务督查", None),  # 督查 (administrative supervision) is not 督察
    ("督查组赴各区县开展专项督查", None),
    ("审计整改落实", None),  # an audit's rectification, not an inspection's
    ("巡察整改专栏", None),
    ("关于第二轮中央生态环境保护督察整改任务验收销号的公示", None),  # a posting, not a column
    ("涪城区关于第12项整改任务完成情况的公示", None),
    ("2026年第3批环评审批公告", None),
    ("政务要闻", None),
    ("部门动态", None),
    ("政务公开", None),  # a navigation page, not a channel
    ("专题专栏", None),
])
def test_channel_kind_from_the_name_a_reader_sees(name, kind):
    assert channel_kind(name) == kind


def test_navigation_pages_are_followed_and_news_columns_are_not():
    assert nav_priority("专题专栏", "http://x.gov.cn/ztzl/index.html") > nav_priority("政务公开", "http://x.gov.cn/zwgk/")
    assert nav_priority("网站地图", "http://x.gov.cn/sitemap.html") > 0
    assert nav_priority("乡镇动态", "http://x.gov.cn/xzdt/index.html") == 0
    assert nav_priority("通知公告", "http://x.gov.cn/tzgg/") == 0  # a channel, looked at, not walked
    assert nav_priority("绵阳市贯彻落实第三轮省级生态环境保护督察报告整改方案", "http://x.gov.cn/a.html") == 0  # a posting


def test_anchors_resolve_and_fall_back_to_the_title():
    html = ('<a href="../tzgg/index.shtml">通知公告 </a><a href="/zt/" title="专题专栏"><img src="x.png"></a>'
            '<a href="javascript:void(0)">打印</a><a href="#top">顶部</a>')
    links = page_links(html, "http://x.gov.cn/zwgk/index.html").links
    assert [(link.url, link.text) for link in links] == [
        ("http://x.gov.cn/tzgg/index.shtml", "通知公告"), ("http://x.gov.cn/zt/", "专题专栏")]


def test_a_menu_written_by_an_inline_script_is_read():
    html = ('<div id="nav"></div><script>var navData = [{"name": "信息公开", "url": "/xxgk/index.html"},'
            "{url: '/ztzl/index.html', title: '专题专栏'}];</script>")
    links = page_links(html, "http://x.gov.cn/").links
    assert {(link.url, link.text) for link in links} == {
        ("http://x.gov.cn/xxgk/index.html", "信息公开"), ("http://x.gov.cn/ztzl/index.html", "专题专栏")}


def test_a_menu_file_fetched_by_a_script_is_named_and_read():
    html = '<ul id="menu"></ul><script>fetch("/api/menu.json").then(function (r) { return r.json(); })</script>'
    assert page_links(html, "http://x.gov.cn/").menu_sources == ["http://x.gov.cn/api/menu.json"]
    menu = '{"code": 0, "data": [{"title": "通知公告", "link": "/tzgg/index.shtml", "children": [{"title": "专题专栏", "link": "/ztzl/"}]}]}'
    assert [(link.url, link.text) for link in menu_file_links(menu, "http://x.gov.cn/api/menu.json")] == [
        ("http://x.gov.cn/tzgg/index.shtml", "通知公告"), ("http://x.gov.cn/ztzl/", "专题专栏")]


def test_a_channel_without_postings_is_not_proposed_and_kinds_rank():
    assert channel_score("rectification", postings=0, newest="", today=TODAY, depth=1) == 0.0
    rect = channel_score("rectification", postings=15, newest="2026-10-01", today=TODAY, depth=3)
    notices = channel_score("notices", postings=15, newest="2026-10-01", today=TODAY, depth=1)
    stale = channel_score("notices", postings=15, newest="2019-01-01", today=TODAY, depth=1)
    assert 0 < stale < notices < rect <= 1


def test_a_menu_only_running_the_script_shows_asks_for_the_browser():
    computed = ("<div id=nav></div><script>var cols = [['信息公开', 'xxgk']]; document.getElementById('nav').innerHTML ="
                " cols.map(function (c) { return '<a href=\"/' + c[1] + '/\">' + c[0] + '</a>'; }).join('');</script>")
    assert page_links(computed, "http://x.gov.cn/").needs_browser
    readable = '<script>var navData = [{"name": "信息公开", "url": "/xxgk/"}]; nav.innerHTML = "";</script>'
    assert not page_links(readable, "http://x.gov.cn/").needs_browser
    assert not page_links('<a href="/xxgk/">信息公开</a>', "http://x.gov.cn/").needs_browser
