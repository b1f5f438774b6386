"""The pages of a city or district portal's hub (family ``portal``): home, 政务公开 / 信息公开 trees,
专题专栏, 网站地图, the script-built menus and decoy news columns (see simweb.portals)."""
from __future__ import annotations

import datetime as dt
import json
import logging

from simweb import chrome
from simweb.families.base import Ctx, Family, SimRequest, SimResponse, esc
from simweb.portals import COMPUTED_MENU, GBK_PAGES, PORTAL_BY_HOST, Portal

logger = logging.getLogger(__name__)

# decoy columns: dated lists of news a discovery must not propose (督查 is not 督察)
_DECOYS = {"/xwzx/zwyw/index.html": "政务要闻", "/xwzx/bmdt/index.html": "部门动态",
           "/zwgk/zwdc/index.html": "政务督查", "/ztzl/yhyshj/index.html": "优化营商环境",
           "/ztzl/sthjbh/hjzl/index.html": "环境质量动态", "/gzdt/index.html": "工作动态",
           "/xzdt/index.html": "乡镇动态", "/ztzl/sjzg/index.html": "审计整改落实"}
_NEWS = ("市政府召开第{n}次常务会议", "我市开展安全生产大检查（第{n}期）", "{n}月份重点项目建设推进会召开",
         "市领导调研乡村振兴工作（{n}）", "全市优化营商环境工作会议召开（{n}）", "督查组赴各区县开展专项督查（第{n}批）")


def _ch(portal: Portal, suffix: str) -> tuple[str, str]:
    """(name, start path) of the portal's channel whose id ends with ``suffix``."""
    ch = next(c for c in portal.channels if c.site.id.endswith("-" + suffix))
    return ch.name, ch.site.start_path


def _ch_menu(portal: Portal, suffix: str) -> tuple[str, ...]:
    """The menu path of the portal's channel whose id ends with ``suffix``."""
    return next(c for c in portal.channels if c.site.id.endswith("-" + suffix)).menu_path


def _zt(portal: Portal) -> str:
    """The name of the 专题 page a govportal's 督察整改 column sits under."""
    return _ch_menu(portal, "dczg")[1]


def top_menu(portal: Portal) -> list[tuple[str, str]]:
    """The main menu: (title, path)."""
    if portal.template == "govportal":
        return [("首页", "/"), ("政务公开", "/zwgk/index.html"), ("专题专栏", "/ztzl/index.html"),
                ("新闻中心", "/xwzx/zwyw/index.html"), ("互动交流", "/hdjl/index.html")]
    if portal.template == "district":
        return [("首页", "/"), ("信息公开", "/xxgk/index.html"), ("专题专栏", "/ztzl/index.html"),
                ("乡镇动态", "/xzdt/index.html")]
    return [("首页", "/"), _ch(portal, "tzgg"), ("专题专栏", "/ztzl/index.html"), ("工作动态", "/gzdt/index.html")]


def _links(items: list[tuple[str, str]]) -> str:
    return "<ul>" + "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in items) + "</ul>"


def _pages(portal: Portal) -> dict[str, tuple[str, str]]:
    """Path -> (title, inner HTML) of the hub's navigation pages."""
    t = portal.template
    if t == "govportal":
        return {
            "/zwgk/index.html": ("政务公开", '<div class="gk-tree"><h4>法定主动公开内容</h4>'
                                 + _links([_ch(portal, "tzgg"), ("政务督查", "/zwgk/zwdc/index.html")])
                                 + "<h4>重点领域信息公开</h4>" + _links([_ch(portal, "hpgs")]) + "</div>"),
            "/ztzl/index.html": ("专题专栏", '<div class="zt-list">' + _links(
                [(_zt(portal), "/ztzl/sthjbh/index.html"), ("优化营商环境", "/ztzl/yhyshj/index.html")]) + "</div>"),
            "/ztzl/sthjbh/index.html": (_zt(portal), '<div class="zt-sub">' + _links(
                [_ch(portal, "dczg"), ("环境质量动态", "/ztzl/sthjbh/hjzl/index.html")]) + "</div>"),
        }
    if t == "district":
        tree = ("信息公开", '<div class="xxgk-tree">' + _links([_ch(portal, "gsgg"),
                                                                 ("部门动态", "/xwzx/bmdt/index.html")]) + "</div>")
        specials = [("优化营商环境", "/ztzl/yhyshj/index.html"), ("审计整改落实", "/ztzl/sjzg/index.html")]
        if _ch_menu(portal, "dczg")[0] == "专题专栏":
            specials.insert(0, _ch(portal, "dczg"))
        special = ("专题专栏", '<div class="zt-list">' + _links(specials) + "</div>")
        sitemap = ("网站地图", '<div class="sitemap">' + _links(
            [*top_menu(portal), _ch(portal, "gsgg"), _ch(portal, "dczg"), ("部门动态", "/xwzx/bmdt/index.html")])
                   + "</div>")
        return {"/xxgk/index.html": tree, "/ztzl/index.html": special, "/sitemap.html": sitemap}
    return {"/ztzl/index.html": ("专题专栏", '<div class="zt-list">' + _links(
        [_ch(portal, "dczg"), ("审计整改落实", "/ztzl/sjzg/index.html"), ("优化营商环境", "/ztzl/yhyshj/index.html")])
        + "</div>")}


def _menu_html(portal: Portal) -> str:
    """The main menu as the template writes it: links, an inline script, or a script fetching JSON."""
    if portal.template == "govportal":
        return '<div class="main-nav">' + _links(top_menu(portal)) + "</div>"
    if portal.number == COMPUTED_MENU:  # URLs put together by the script: nothing to read without running it
        cols = json.dumps([[n, u.strip("/").split("/")[0]] for n, u in top_menu(portal)[1:]], ensure_ascii=False)
        return ('<div class="main-nav" id="nav"><a href="/">首页</a></div><script type="text/javascript">\nvar cols = '
                + cols + ';\ndocument.getElementById("nav").innerHTML += cols.map(function (c) {\n'
                "  return '<a href=\"/' + c[1] + '/index.html\">' + c[0] + '</a>';\n}).join(\"\");\n</script>")
    if portal.template == "district":
        data = json.dumps([{"name": n, "url": u} for n, u in top_menu(portal)], ensure_ascii=False)
        return ('<div class="main-nav" id="nav"></div><script type="text/javascript">\nvar navData = ' + data
                + ';\ndocument.getElementById("nav").innerHTML = navData.map(function (m) {\n'
                '  return "<a href=\\"" + m.url + "\\">" + m.name + "</a>";\n}).join("");\n</script>')
    return ('<ul class="menu" id="menu"></ul><script>\nfetch("/api/menu.json").then(function (r) { return r.json(); })'
            '.then(function (d) { d.data.forEach(function (m) { var li = document.createElement("li");'
            ' li.innerHTML = "<a href=\\"" + m.link + "\\">" + m.title + "</a>";'
            ' document.getElementById("menu").appendChild(li); }); });\n</script>')


def _page(portal: Portal, today: dt.date, title: str, inner: str) -> str:
    site = portal.hub
    sitemap = "" if portal.number == COMPUTED_MENU else '<a href="/sitemap.html">网站地图</a> | '
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)}</title>\n'
            f'<meta name="SiteName" content="{esc(site.name)}">\n</head>\n<body class="portal">\n'
            f'<div class="top"><span>{today:%Y年%m月%d日}</span><a href="/">{esc(site.name)}</a></div>\n'
            f'{_menu_html(portal)}\n<div class="content">{inner}</div>\n'
            f'<div class="foot">{sitemap}<a href="/lxwm/index.html">联系我们</a>'
            f'<p>主办：{esc(site.name)}</p></div>\n</body>\n</html>\n')


def _decoy(title: str, today: dt.date) -> str:
    items = "".join(f'<li><a href="./art_{i}.html">{esc(_NEWS[i % len(_NEWS)].format(n=12 - i))}</a>'
                    f'<span>{today - dt.timedelta(days=3 * i + 1):%Y-%m-%d}</span></li>' for i in range(12))
    return f'<div class="crumb">首页 &gt; {esc(title)}</div><ul class="news-list">{items}</ul>'


class PortalFamily(Family):
    """The hub of a city or district portal: navigation only, no postings of its own."""

    name = "portal"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """Home, navigation pages, the menu JSON, decoy columns and robots.txt; 404 for anything else."""
        portal = PORTAL_BY_HOST[ctx.site.host]
        if req.path == "/api/menu.json" and portal.template == "dept":
            from simweb.portals import menu_json

            return SimResponse(200, menu_json(portal), "application/json", kind="json")
        if req.path in ("/", "/index.html"):
            boxes = [("通知公告", _ch(portal, "tzgg" if portal.template != "district" else "gsgg")[1])]
            news = "/xwzx/zwyw/index.html" if portal.template == "govportal" else (
                "/xzdt/index.html" if portal.template == "district" else "/gzdt/index.html")
            latest = ""
            if portal.template == "govportal":  # the newest 督察整改 postings on the home page, by title
                dczg = next(c.site for c in portal.channels if c.kind == "rectification")
                latest = '<div class="box"><h3>最新公示</h3><ul>' + "".join(
                    f'<li><a href="{esc(e.path)}" title="{esc(e.title)}">{esc(e.title)}</a><span>{e.date}</span></li>'
                    for e in ctx.world.list_entries(dczg.id, ctx.day)[:4]) + "</ul></div>"
            inner = (f'<div class="home">{latest}' + "".join(f'<div class="box"><h3><a href="{esc(u)}">{esc(t)}</a></h3>'
                                                    f'<a class="more" href="{esc(u)}">更多&gt;&gt;</a></div>'
                                                    for t, u in boxes)
                     + f'<div class="box"><h3>要闻动态</h3>{_decoy("要闻动态", ctx.today)}'
                     f'<a class="more" href="{news}">更多&gt;&gt;</a></div></div>')
            return self._html(portal, ctx, portal.hub.name, inner, "home")
        page = _pages(portal).get(req.path)
        if page is not None:
            return self._html(portal, ctx, page[0], f'<h2>{esc(page[0])}</h2>{page[1]}', "other")
        if req.path in _DECOYS:
            return self._html(portal, ctx, _DECOYS[req.path], _decoy(_DECOYS[req.path], ctx.today), "list")
        if req.path == "/robots.txt":
            return SimResponse(200, chrome.robots_txt().encode(), "text/plain", kind="robots")
        return SimResponse(404, chrome.not_found_page(ctx.site, ctx.today).encode(), kind="other")  # no postings

    def _html(self, portal: Portal, ctx: Ctx, title: str, inner: str, kind: str) -> SimResponse:
        page = _page(portal, ctx.today, title, inner)
        if portal.number == GBK_PAGES:  # an older CMS: GBK, declared nowhere
            return SimResponse(200, page.replace('<meta charset="utf-8">\n', "").encode("gbk"), "text/html", kind=kind)
        return SimResponse(200, page.encode("utf-8"), kind=kind)

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """Hubs have no postings."""
        raise NotImplementedError("a portal hub has no postings")
