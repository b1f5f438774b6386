"""A malformed list never hides postings: rows the HTML parser swallowed are recovered from the raw text."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from spiders.profiles import HanwebProfile, get_profile, parse_list
from spiders.profiles.base import ListRequest
from spiders.profiles.recover import parser_lost_links

FIXTURES = Path(__file__).parent.parent / "fixtures" / "profiles"
PANJIN = "http://sthjj.panjin.gov.cn/xxgk/gsgg/"


def test_unclosed_script_title_keeps_every_entry_and_the_next_page():
    # row 6: title="<script>alert(1)</script>… with no closing quote; the page quotes with ' so the
    # parser (like a browser) swallows rows 6-10 and the pager into one attribute value
    text = (FIXTURES / "generic" / "hostile-unclosed-title.html").read_text(encoding="utf-8")
    raw_urls = [m for m in re.findall(r"href='([^']+\.html)'", text)]
    assert len(raw_urls) == 10
    page = parse_list(get_profile(None, PANJIN, text), ListRequest(url=PANJIN), text)
    assert [e.url.rsplit("/", 1)[1] for e in page.entries] == [u.rsplit("/", 1)[1] for u in raw_urls]
    assert page.recovered == 5
    assert [f.url for f in page.follow] == [PANJIN + "?page=2"]
    by_url = {e.url.rsplit("/", 1)[1]: e for e in page.entries}
    assert by_url["t20261108_7.html"].title == "关于第7批整改任务完成情况的公示"
    assert by_url["t20261108_7.html"].date == "2026-11-08"
    assert by_url["t20261102_10.html"].date == "2026-11-02"


def test_well_formed_page_is_left_alone():
    text = (FIXTURES / "generic" / "hostile-unclosed-title.html").read_text(encoding="utf-8")
    text = text.replace('title="<script>alert(1)</script>…', "title='&lt;script&gt;alert(1)&lt;/script&gt;…'")
    assert parser_lost_links(text) == 0
    page = parse_list(get_profile(None, PANJIN, text), ListRequest(url=PANJIN), text)
    assert len(page.entries) == 10 and page.recovered == 0
    assert [f.url for f in page.follow] == [PANJIN + "?page=2"]


def test_real_hanweb_dataproxy_gives_every_record(shared_dir):
    text = (shared_dir / "real-samples" / "hanweb-dataproxy-dingxi.xml").read_text(encoding="utf-8")
    url = ("http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=110&path=/"
           "&columnid=12377&unitid=38486&webname=x&permissiontype=0")
    page = parse_list(HanwebProfile(), ListRequest(url=url), text)
    records = [urljoin(url, href) for href in re.findall(r"<record>.*?href=\"([^\"]+)\"", text, re.DOTALL)]
    assert len(set(records)) == 45
    assert sorted(e.url for e in page.entries) == sorted(records)


def test_hanweb_record_with_unclosed_title_is_recovered():
    rows = []
    for i in range(1, 8):
        title = 'title="<script>alert(1)</script>…' if i == 3 else f"title='第{i}项整改任务完成情况公示'"
        rows.append(f"<record><![CDATA[<li><a href='/art/2022/1/{i}/art_12377_{i}.html' {title}>"
                    f"第{i}项整改...</a><b>2022-01-0{i}</b></li>]]></record>")
    text = f"<datastore><totalrecord>7</totalrecord><recordset>{''.join(rows)}</recordset></datastore>"
    url = "http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?page=1&webid=110&columnid=12377"
    page = parse_list(HanwebProfile(), ListRequest(url=url), text)
    assert sorted(e.url.rsplit("_", 1)[1] for e in page.entries) == [f"{i}.html" for i in range(1, 8)]
