"""Generic discovery on made-up layouts: the item list, titles, dates and every pagination scheme."""
from __future__ import annotations

from pathlib import Path

from spiders.profiles import get_profile
from spiders.profiles.base import ListRequest
from spiders.profiles.generic import GenericProfile
from spiders.profiles.trs import TrsProfile

NAV = ('<div class="topmenu"><a href="/">首页</a><a href="/a/">机构</a><a href="/b/">公开</a>'
       '<a href="/c/">服务</a><a href="/d/">互动</a></div>')


def _items(n: int, start: int = 1, prefix: str = "./2024/") -> str:
    return "".join(f'<li><a href="{prefix}{i}.html">公示第{i}号</a><span>2024-07-{i:02d}</span></li>'
                   for i in range(start, start + n))


def _page(body: str) -> str:
    return f"<html><body>{NAV}{body}</body></html>"


def test_dl_layout_with_menus_picks_the_dated_list(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "generic" / "panjin-dl.html").read_text(encoding="utf-8")
    page = GenericProfile().parse_list(ListRequest(url="http://sthjj.panjin.gov.cn/xxgk/gsgg/"), text)
    urls = [e.url for e in page.entries]
    assert len(urls) == 3
    assert not any(u.rstrip("/").endswith(("/jgzn", "/xxgk", "/hdjl", "/tzgg", "/hpgs", "/dczg")) for u in urls)


def test_next_link_chain_stops_when_a_page_repeats() -> None:
    g = GenericProfile()
    url = "http://x.gov.cn/tzgg/list.jsp?cat=3"
    p1 = g.parse_list(ListRequest(url=url), _page(f"<ul>{_items(3)}</ul><a href='list.jsp?cat=3&pageNo=2'>下页</a>"))
    assert [(f.url, f.page) for f in p1.follow] == [("http://x.gov.cn/tzgg/list.jsp?cat=3&pageNo=2", 2)]
    p2 = g.parse_list(p1.follow[0], _page(f"<ul>{_items(1, 4)}</ul><a href='list.jsp?cat=3&pageNo=3'>下页</a>"))
    assert [e.url for e in p2.entries] == ["http://x.gov.cn/tzgg/2024/4.html"]  # a one-item page, learned block
    assert [f.url for f in p2.follow] == ["http://x.gov.cn/tzgg/list.jsp?cat=3&pageNo=3"]
    # A past-the-end page that repeats the previous one yields nothing new: stop.
    p3 = g.parse_list(p2.follow[0], _page(f"<ul>{_items(1, 4)}</ul><a href='list.jsp?cat=3&pageNo=4'>下页</a>"))
    assert p3.follow == []


def test_index_n_one_based_detected_from_page_numbers() -> None:
    body = f"<ul>{_items(3)}</ul><div><a href='index.html'>1</a><a href='index_2.html'>2</a><a href='index_3.html'>3</a></div>"
    page = GenericProfile().parse_list(ListRequest(url="http://x.gov.cn/gg/index.html"), _page(body))
    assert [f.url for f in page.follow] == ["http://x.gov.cn/gg/index_2.html"]


def test_index_n_zero_based_with_count_asks_for_all_pages() -> None:
    body = (f"<ul>{_items(3)}</ul><div><a href='index_1.shtml'>2</a><a href='index_2.shtml'>3</a></div>"
            "<script>var pageCount = 4;</script>")
    page = GenericProfile().parse_list(ListRequest(url="http://x.gov.cn/gg/index.shtml"), _page(body))
    assert [f.url for f in page.follow] == [f"http://x.gov.cn/gg/index_{k}.shtml" for k in (1, 2, 3)]
    assert [f.page for f in page.follow] == [2, 3, 4]
    assert page.total_pages == 4


def test_suffix_n_pages_and_max_pages() -> None:
    body = f"<ul>{_items(3)}</ul><a href='list_2.html'>2</a><a href='list_3.html'>3</a>共5页"
    page = GenericProfile(max_pages=3).parse_list(ListRequest(url="http://x.gov.cn/gg/list.html"), _page(body))
    assert [f.url for f in page.follow] == ["http://x.gov.cn/gg/list_2.html", "http://x.gov.cn/gg/list_3.html"]


def test_page_param_without_next_link_continues_while_new() -> None:
    g = GenericProfile()
    body = f"<ul>{_items(3)}</ul><a href='?page=2'>2</a><a href='?page=3'>3</a>"
    page = g.parse_list(ListRequest(url="http://x.gov.cn/gg/"), _page(body))
    assert [f.url for f in page.follow] == ["http://x.gov.cn/gg/?page=2"]
    p2 = g.parse_list(page.follow[0], _page(f"<ul>{_items(3, 4)}</ul><a href='?page=1'>1</a><a href='?page=3'>3</a>"))
    assert [f.url for f in p2.follow] == ["http://x.gov.cn/gg/?page=3"]


def test_flat_links_with_dates_in_following_spans() -> None:
    body = ('<div class="c">' + "".join(
        f'<a href="/art/{i}.htm" title="关于第{i}项整改任务完成情况的公示">关于第{i}项整改…</a><span>2024.06.{i:02d}</span><br>'
        for i in range(1, 4)) + "</div>")
    page = GenericProfile().parse_list(ListRequest(url="http://x.gov.cn/gs/"), _page(body))
    assert [(e.url, e.title, e.date) for e in page.entries] == [
        (f"http://x.gov.cn/art/{i}.htm", f"关于第{i}项整改任务完成情况的公示", f"2024-06-{i:02d}") for i in range(1, 4)]
    assert page.follow == []


def test_truncated_title_without_full_form_is_flagged() -> None:
    body = "<ul>" + "".join(f'<li><a href="/a/{i}.html">很长的标题被截断了{i}...</a><em>2024-07-0{i}</em></li>'
                            for i in range(1, 4)) + "</ul>"
    page = GenericProfile().parse_list(ListRequest(url="http://x.gov.cn/gs/"), _page(body))
    assert [(e.title, e.title_truncated) for e in page.entries] == [
        (f"很长的标题被截断了{i}...", True) for i in range(1, 4)]


def test_year_less_dates_without_context_are_none() -> None:
    body = "<ul>" + "".join(f'<li><a href="/a/{i}.html">标题{i}</a><span>07-0{i}</span></li>' for i in range(1, 4)) + "</ul>"
    page = GenericProfile().parse_list(ListRequest(url="http://x.gov.cn/gs/"), _page(body))
    assert [e.date for e in page.entries] == [None, None, None]


def test_no_list_no_entries_no_follow() -> None:
    page = GenericProfile().parse_list(ListRequest(url="http://x.gov.cn/"), _page("<p>欢迎访问</p>"))
    assert (page.entries, page.follow) == ([], [])


def test_generic_hands_known_families_to_their_profile(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "trs" / "mee-dczg-page1.html").read_text(encoding="utf-8")
    g = get_profile(None, "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml")
    assert isinstance(g, GenericProfile)
    page = g.parse_list(ListRequest(url="https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml"), text)
    assert isinstance(g.delegate, TrsProfile)
    assert [f.url for f in page.follow] == ["https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index_1.shtml",
                                            "https://www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index_2.shtml"]


def test_past_the_end_page_with_only_a_dated_top_bar_yields_nothing() -> None:
    g = GenericProfile()
    url = "http://x.gov.cn/gs/"
    g.parse_list(ListRequest(url=url), _page(f"<ul>{_items(3)}</ul><a href='?page=2'>下一页</a>"))
    top = ('<div class="topbar"><div class="w"><span class="date">今天是2026年11月02日</span>'
           '<a href="/">首页</a> | <a href="javascript:void(0)">English</a></div></div>')
    page = g.parse_list(ListRequest(url=url + "?page=2", page=2), _page(top + "<div class='news-list'></div>"))
    assert (page.entries, page.follow) == ([], [])
