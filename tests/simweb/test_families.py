"""Each family serves its real counterpart's URL and markup scheme."""
from __future__ import annotations

import json
import re

from simweb.sites import SITE_BY_ID


def _live(world, site_id: str, day: int = 0) -> list:
    return world.list_entries(site_id, day)


def test_trs_index_1_is_page_2_and_countpage_js(client, world) -> None:
    site = SITE_BY_ID["mee"]
    page1 = client.get(site.start_url).text()
    assert re.search(r"var countPage = 2//共多少页", page1)
    assert 'createPageHTML(countPage, currentPage, "index", "shtml");' in page1
    page2 = client.get(site.start_url.replace("index.shtml", "index_1.shtml")).text()
    entries = _live(world, "mee")
    assert entries[20].title in page2 and entries[20].title not in page1
    assert re.search(r'<li><span class="date">\d{4}-\d\d-\d\d</span><a href="\./\d{6}/t\d{8}_\d+\.shtml"', page2)
    assert "…</a>" in page1  # long titles truncated, full title in @title
    assert client.get(site.start_url.replace("index.shtml", "index_2.shtml")).status == 404
    hn = SITE_BY_ID["hn-sthjt"]
    assert client.get(hn.start_url.replace("index.html", "index_1.html")).status == 200


def test_trs_detail_markup(client, world) -> None:
    e = next(e for e in _live(world, "mee") if world.skeleton("mee", e.key).attachments)
    html = client.get(e.url).text()
    for name in ("ArticleTitle", "PubDate", "ContentSource", "ColumnName", "Url"):
        assert f'<meta name="{name}"' in html
    assert '<div class="TRS_Editor"><div class="Custom_UnionStyle">' in html
    assert re.search(r'<a href="\./P0\d{20}\.(pdf|docx|xlsx)"', html)
    assert re.search(r'<meta name="PubDate" content="\d{4}-\d\d-\d\d \d\d:\d\d">', html)


def test_hanweb_datastore_dataproxy_get_post_and_no_index_1(client, world) -> None:
    site = SITE_BY_ID["js-sthjt"]
    entries = _live(world, "js-sthjt")
    html = client.get(site.start_url).text()
    assert '<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1' in html
    assert html.count("<record>") == 15 and entries[0].title in html
    assert "...</a>" in html
    assert client.get(site.start_url.replace("index.html", "index_1.html")).status == 404
    base = f"{site.scheme}://{site.host}/module/web/jpage/dataproxy.jsp"
    got = client.get(f"{base}?page=2&appid=1&webid=46&path=/&columnid=84025&unitid=340853&webname=x&permissiontype=0")
    xml = got.text()
    assert got.headers["content-type"].startswith("text/xml")
    assert f"<totalrecord>{len(entries)}</totalrecord>" in xml and "<totalpage>3</totalpage>" in xml
    assert [m for m in re.findall(r"title='([^']*)'", xml)] == [e.title for e in entries[15:30]]
    form = "col=1&appid=1&webid=46&path=/&columnid=84025&sourceContentType=1&unitid=340853&webname=x&permissiontype=0"
    posted = client.post(f"{base}?startrecord=1&endrecord=45&perpage=15", form).text()
    assert re.findall(r"href='([^']*)'", posted) == [e.path for e in entries[:45]]
    detail = client.get(entries[0].url).text()
    assert "<!--ZJEG_RSS.content.begin-->" in detail and '<meta name="Maketime"' in detail
    assert re.match(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_84025_\d+\.html$", entries[0].path)


def test_ucap_zclistf_and_json(client, world) -> None:
    site = SITE_BY_ID["sc-sthjt"]
    entries = _live(world, "sc-sthjt")
    html = client.get(site.start_url).text()
    assert 'var channelId = "104378"; var totalPage = 2;' in html
    page2 = client.get(site.start_url.replace("zclistf.shtml", "zclistf_2.shtml")).text()
    assert entries[20].title in page2
    assert client.get(site.start_url.replace("zclistf.shtml", "zclistf_1.shtml")).status == 404
    r = client.get(f"https://{site.host}/common/search/104378?_isJson=true&_pageSize=10&page=2")
    data = json.loads(r.body)["data"]
    assert data["total"] == len(entries)
    assert [x["title"] for x in data["results"]] == [e.title for e in entries[10:20]]
    assert data["results"][0]["publishedTimeStr"] == entries[10].date.isoformat()
    assert re.match(r"/sthjt/c104378/\d{4}/\d{1,2}/\d{1,2}/[0-9a-f]{32}\.shtml$", data["results"][0]["url"])
    e = next(e for e in entries if world.skeleton("sc-sthjt", e.key).attachments)
    detail = client.get(e.url).text()
    assert "索引号" in detail and "发文机关" in detail and "成文日期" in detail
    assert re.search(r'href="\./[0-9a-f]{32}/files/[^"]+-\d{17}\.(pdf|docx|xlsx)"', detail)


def test_nfcms_index_2_no_index_1_and_gkmlpt(client, world) -> None:
    site = SITE_BY_ID["gd-gdee"]
    entries = _live(world, "gd-gdee")
    html = client.get(site.start_url).text()
    assert f"var totalPage = Math.ceil({len(entries)}/20)" in html
    assert client.get(site.start_url.replace("index.html", "index_1.html")).status == 404
    assert entries[20].title in client.get(site.start_url.replace("index.html", "index_2.html")).text()
    arts = json.loads(client.get(f"http://{site.host}/gkmlpt/api/all/3126?page=1&sid=2").body)
    assert arts["total"] == len(entries) and arts["articles"][0]["url"] == entries[0].url
    detail = client.get(entries[0].url).text()
    assert '<meta name="meta-PubDate" content="' in detail
    assert re.match(r"/ggtz3126/content/post_\d+\.html$", entries[0].path)


def test_legacy_gbk_with_wrong_or_missing_charset(client, world) -> None:
    site = SITE_BY_ID["zt-sthjj"]
    lst = client.get(site.start_url)
    assert "charset" not in lst.headers["content-type"] and b"charset" not in lst.body
    assert '<a href="list.asp?classid=12&page=2">下一页</a>' in lst.text("gbk")
    quirks = set()
    for e in _live(world, "zt-sthjj")[:9]:
        r = client.get(e.url)
        text = r.text("gbk")
        assert e.title in text
        declared = re.search(r"charset=([\w-]+)", r.headers["content-type"]) or re.search(rb'charset="?([\w-]+)', r.body)
        if declared is None:
            quirks.add("missing")
            continue
        enc = declared.group(1)
        enc = enc.decode() if isinstance(enc, bytes) else enc
        quirks.add(enc)
        try:
            assert r.body.decode(enc) != text
        except UnicodeDecodeError:
            pass
    assert {"missing", "utf-8", "gb2312"} <= quirks
    assert any(e.path.endswith(".htm") for e in _live(world, "zt-sthjj"))
    assert any("ShowArticle.asp?ArticleID=" in e.path for e in _live(world, "zt-sthjj"))


def test_generic_paginates_by_query(client, world) -> None:
    site = SITE_BY_ID["pj-sthjj"]
    entries = _live(world, "pj-sthjj")
    html = client.get(site.start_url).text()
    assert '<div class="news-list">' in html and '<a class="next" href="?page=2">下一页</a>' in html
    assert re.search(r'<a href="\.\./wzxx/\d{8}/\d+\.(html|htm|shtml)"', html)
    assert entries[15].title in client.get(site.start_url + "?page=2").text()
    assert {e.path.rsplit(".", 1)[1] for e in entries} == {"html", "htm", "shtml"}


def test_home_robots_and_unknown(client) -> None:
    r = client.get("/www.mee.gov.cn/robots.txt")
    assert r.status == 200 and "Disallow: /admin/" in r.text()
    assert client.get("/www.mee.gov.cn/").status == 200
    assert client.get("/www.mee.gov.cn/no/such/page.html").status == 404
    assert client.get("/unknown.example.org/").status == 404


def test_detail_chrome(client, world) -> None:
    for site_id in ("mee", "js-sthjt", "sc-sthjt", "gd-gdee", "zt-sthjj", "pj-sthjj"):
        e = _live(world, site_id)[0]
        text = client.get(e.url).text("gbk" if site_id == "zt-sthjj" else "utf-8")
        for marker in ("浏览次数：", "今天是2026年11月02日", "打印", "关闭", "字号：[", "扫一扫在手机打开当前页", "分享到",
                       "相关链接", "版权所有", "ICP备", "公网安备", "网站标识码", "主办单位"):
            assert marker in text, (site_id, marker)
