"""An unprofiled made-up layout (盘锦) for generic discovery: `?page=N`, 下一页, mixed extensions, ../ links."""
from __future__ import annotations

import datetime as dt
import logging

from simweb import chrome
from simweb.families.base import (
    Ctx,
    Family,
    SimRequest,
    SimResponse,
    esc,
    page_slice,
    query_page,
    relpath,
    truncate,
)

logger = logging.getLogger(__name__)
PER_PAGE = 15
EXTS = ("html", "htm", "shtml")


class GenericFamily(Family):
    """A layout no profile knows."""

    name = "generic"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/xxgk/wzxx/20240703/4000000.html` (.html, .htm or .shtml)."""
        return f"/xxgk/wzxx/{url_date:%Y%m%d}/{skel.ident}.{EXTS[skel.ident % 3]}"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`/xxgk/files/4000000_0.pdf` (linked as ../../files/…)."""
        return f"/xxgk/files/{skel.ident}_{index}.{skel.attachments[index].kind}"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """`/xxgk/gsgg/` and `/xxgk/gsgg/?page=N`; past the end: an empty list without 下一页."""
        if req.path not in (ctx.site.start_path, ctx.site.start_path + "index.html"):
            return None
        page = query_page(req)
        entries = ctx.entries()
        base = ctx.site.start_path + "index.html"
        dls = "\n".join(
            f'<dl><dt><a href="{relpath(e.path, base)}" title="{esc(e.title)}">{esc(truncate(e.title, 24, "…"))}</a></dt>'
            f'<dd>{e.date:%Y年%m月%d日}</dd></dl>' for e in page_slice(entries, page, PER_PAGE))
        links = []
        if page > 1:
            links.append(f'<a class="prev" href="?page={page - 1}">上一页</a>')
        if page * PER_PAGE < len(entries):
            links.append(f'<a class="next" href="?page={page + 1}">下一页</a>')
        if ctx.broken:
            listing = '<section class="feed" data-feed="gsgg"><noscript>请开启JavaScript</noscript></section>'
        else:
            listing = f'<div class="news-list">\n{dls}\n</div>\n<div class="pager">{" ".join(links)}</div>'
        inner = f'<div class="crumb"><a href="../../">首页</a> / <a href="../">信息公开</a> / 公示公告</div>\n{listing}'
        return self.html_response(ctx, "公示公告", inner, kind="list")

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """A detail page with no CMS metas; the date only in text; a hidden print copy."""
        site = ctx.site
        body = chrome.body_html(doc.paragraphs)
        atts = self.attachment_links(doc, '<li><a href="{href}">{label}</a></li>')
        inner = (f'<div class="crumb"><a href="../../../">首页</a> / <a href="../../gsgg/">公示公告</a></div>\n'
                 f'<div class="art-main"><div class="art-hd"><h2>{esc(doc.title)}</h2>'
                 f'<p class="art-meta">发布日期：{doc.pub_datetime:%Y年%m月%d日}　来源：{esc(site.publisher)}　'
                 f'{chrome.tools(ctx.hit(doc.path))}</p></div>\n<div class="art-bd" id="artBody">\n{body}\n</div>\n'
                 f'<ul class="art-files">{atts}</ul>{chrome.editor(site, doc.skel.ident)}{chrome.share(doc.url)}</div>\n'
                 f'<div class="print-view" style="display:none">{body}</div>{chrome.related(site)}')
        return self.html_response(ctx, f"{doc.title}-{site.name}", inner, kind="detail")
