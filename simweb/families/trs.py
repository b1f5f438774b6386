"""TRS WCM "t-date" family (生态环境部, 湖南, 湖北): index.shtml, index_{k-1}.shtml, countPage JS."""
from __future__ import annotations

import datetime as dt
import logging
import posixpath
import re

from simweb import chrome
from simweb.families.base import (
    Ctx,
    Family,
    SimRequest,
    SimResponse,
    article_metas,
    esc,
    page_count,
    page_slice,
    relpath,
    suffix_page,
    truncate,
)

logger = logging.getLogger(__name__)
PER_PAGE = 20
_INDEX = re.compile(r"index(?:_(\d+))?\.(shtml|html)$")


def _ext(site) -> str:
    return site.start_path.rsplit(".", 1)[1]


class TrsFamily(Family):
    """TRS WCM sites."""

    name = "trs"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`{column}/202407/t20240703_1043210.shtml`."""
        col = posixpath.dirname(site.start_path)
        return f"{col}/{url_date:%Y%m}/t{url_date:%Y%m%d}_{skel.ident}.{_ext(site)}"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`./P020240703512345678901.pdf` beside the detail page."""
        kind = skel.attachments[index].kind
        digits = f"{skel.ident:08d}{index + 1:02d}{(skel.ident * 7 + index) % 97:02d}"
        return f"{posixpath.dirname(detail_path)}/P0{url_date:%Y%m%d}{digits}.{kind}"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """index.shtml is page 1, index_1.shtml page 2 …; past the end: None (404)."""
        col = posixpath.dirname(ctx.site.start_path)
        if posixpath.dirname(req.path) != col:
            return None
        m = _INDEX.match(posixpath.basename(req.path))
        if not m or m.group(2) != _ext(ctx.site):
            return None
        page = suffix_page(m.group(1), zero_based=True)
        if page is None:
            return None
        entries = ctx.entries()
        pages = page_count(len(entries), PER_PAGE)
        if page > pages:
            return None
        items = []
        for e in page_slice(entries, page, PER_PAGE):
            items.append(f'<li><span class="date">{e.date.isoformat()}</span><a href="{relpath(e.path, req.path)}" '
                         f'target="_blank" title="{esc(e.title)}">{esc(truncate(e.title, 30, "…"))}</a></li>')
        if ctx.broken:
            body = '<div id="app" class="list-app" data-src="/api/list"></div><script src="/js/app.js"></script>'
        else:
            body = ('<div class="list"><ul id="list">\n' + "\n".join(items) + "\n</ul>\n"
                    f'<div class="page"><script type="text/javascript">\nvar countPage = {pages}//共多少页\n'
                    f'var currentPage = {page - 1}//当前页\nvar prePage = currentPage - 1;\n'
                    f'createPageHTML(countPage, currentPage, "index", "{_ext(ctx.site)}");\n</script></div></div>')
        inner = (f'<div class="position">当前位置：<a href="{relpath("/", req.path)}">首页</a> &gt; '
                 f'<a href="./index.{_ext(ctx.site)}">通知公告</a></div>\n{body}')
        return self.html_response(ctx, f"通知公告_{ctx.site.name}", inner, kind="list")

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """Detail page: TRS metas, div.TRS_Editor > div.Custom_UnionStyle, relative attachments."""
        site = ctx.site
        body = chrome.body_html(doc.paragraphs)
        atts = self.attachment_links(doc, '<p><a href="{href}" oldsrc="{name}">{label}</a></p>')
        heads = (f'<meta name="SiteName" content="{esc(site.name)}">\n<meta name="ColumnName" content="通知公告">\n'
                 f'{article_metas(doc, site)}<meta name="Url" content="./{posixpath.basename(doc.path)}">\n')
        table = chrome.info_table(doc, f"000014672/{doc.state.list_date.year}-{doc.skel.ident % 100000:05d}") \
            if site.id == "mee" else ""
        print_view = (f'<div id="printContent" style="display:none"><h1>{esc(doc.title)}</h1>{body}</div>'
                      if site.id in ("mee", "hb-sthjt") else "")
        inner = (f'<div class="position">当前位置：<a href="{relpath("/", doc.path)}">首页</a> &gt; '
                 f'<a href="../index.{_ext(site)}">通知公告</a></div>\n<div class="article">{table}'
                 f'<h1 class="title">{esc(doc.title)}</h1>\n<div class="info"><span>发布时间：{doc.pub_datetime:%Y-%m-%d}</span>'
                 f'<span>来源：{esc(site.publisher)}</span>{chrome.tools(ctx.hit(doc.path))}</div>\n'
                 f'<div class="content"><div class="TRS_Editor"><div class="Custom_UnionStyle">\n{body}\n</div></div>\n'
                 f'<div class="fj">{atts}</div></div>\n{chrome.editor(site, doc.skel.ident)}'
                 f'{chrome.share(doc.url)}</div>\n{print_view}{chrome.related(site)}')
        return self.html_response(ctx, doc.title, inner, kind="detail", extra_head=heads)
