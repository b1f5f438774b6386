"""Legacy city ASP site (昭通): GBK bytes with a missing or wrong charset declaration.

List `list.asp?classid=12&page=N` (上一页/下一页); details `ShowArticle.asp?ArticleID=N` or `/html/YYYYMM/N.htm`.
Charset quirks: list pages declare nothing; detail pages rotate between `<meta charset="utf-8">` (wrong),
header `charset=gb2312` with GBK-only characters (喆, 珺: strict gb2312 decoding fails) and no declaration.
"""
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
    page_count,
    page_slice,
    query_page,
    relpath,
    truncate,
)

logger = logging.getLogger(__name__)
PER_PAGE = 20
CLASSID = "12"


class LegacyFamily(Family):
    """Old ASP city sites in GBK."""

    name = "legacy"
    charset = "gbk"

    def encode(self, text: str) -> bytes:
        """GBK bytes (characters outside GBK become numeric references)."""
        return text.encode("gbk", errors="xmlcharrefreplace")

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/ShowArticle.asp?ArticleID=N` for two thirds of postings, `/html/202407/N.htm` for the rest."""
        aid = skel.ident - 3_000_000
        if skel.ident % 3:
            return f"/ShowArticle.asp?ArticleID={aid}"
        return f"/html/{url_date:%Y%m}/{aid}.htm"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`/UploadFiles/202407/20240703102345{index}.docx`."""
        i = skel.ident
        return (f"/UploadFiles/{url_date:%Y%m}/{url_date:%Y%m%d}{8 + i % 10:02d}{i * 7 % 60:02d}{i * 13 % 60:02d}"
                f"{index}.{skel.attachments[index].kind}")

    def attachment_href(self, detail_path: str, att_path: str) -> str:
        """Relative to the page ('UploadFiles/…' from the root ASP page, '../../UploadFiles/…' from .htm)."""
        rel = relpath(att_path, detail_path.split("?", 1)[0])
        return rel.removeprefix("./")

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """`list.asp?classid=12&page=N`; past the end: an empty list."""
        if req.path != "/list.asp" or req.query.get("classid") != CLASSID:
            return None
        page = query_page(req)
        entries = ctx.entries()
        pages = page_count(len(entries), PER_PAGE)
        rows = "\n".join(
            f'<tr><td class="list_title">·<a href="{e.path.lstrip("/")}" title="{esc(e.title)}" target="_blank">'
            f'{esc(truncate(e.title, 26, "..."))}</a></td><td class="list_date">[{e.date.isoformat()}]</td></tr>'
            for e in page_slice(entries, page, PER_PAGE))
        nav = [f"共{len(entries)}条 第{page}/{pages}页"]
        if page > 1:
            nav.append(f'<a href="list.asp?classid={CLASSID}&page={page - 1}">上一页</a>')
        if page < pages:
            nav.append(f'<a href="list.asp?classid={CLASSID}&page={page + 1}">下一页</a>')
        if ctx.broken:
            table = '<table width="100%"><tr><td><iframe src="list_frame.asp?classid=12"></iframe></td></tr></table>'
        else:
            table = (f'<table width="100%" border="0" cellspacing="0" cellpadding="0" class="list">\n{rows}\n</table>\n'
                     f'<div class="pages">{" ".join(nav)}</div>')
        inner = f'<table width="980" align="center"><tr><td>当前位置：<a href="/">首页</a> &gt;&gt; 通知公告</td></tr></table>\n{table}'
        return self.html_response(ctx, f"通知公告--{ctx.site.name}", inner, kind="list", charset_meta=None,
                                  content_type="text/html")

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """Table-layout detail page; the charset declaration rotates by posting."""
        site = ctx.site
        quirk = doc.skel.ident % 3
        atts = self.attachment_links(doc, '<a href="{href}">{label}</a><br>')
        inner = (f'<table width="980" align="center"><tr><td>当前位置：<a href="/">首页</a> &gt;&gt; '
                 f'<a href="/list.asp?classid={CLASSID}">通知公告</a></td></tr></table>\n'
                 f'<table width="980" align="center" class="article"><tr><td class="title"><b>{esc(doc.title)}</b></td></tr>\n'
                 f'<tr><td class="info">作者：佚名　来源：{esc(site.publisher)}　更新时间：{doc.pub_datetime:%Y-%m-%d %H:%M:%S}　'
                 f'{chrome.tools(ctx.hit(doc.path))}</td></tr>\n<tr><td id="fontzoom" class="content">\n'
                 f'{chrome.body_html(doc.paragraphs)}\n</td></tr>\n<tr><td class="attach">{atts}</td></tr>\n'
                 f'<tr><td>{chrome.editor(site, doc.skel.ident)}<span>审核：李喆</span>{chrome.share(doc.url)}</td></tr></table>'
                 f'{chrome.related(site)}')
        meta = "utf-8" if quirk == 0 else None
        ctype = "text/html; charset=gb2312" if quirk == 1 else "text/html"
        return self.html_response(ctx, doc.title, inner, kind="detail", charset_meta=meta, content_type=ctype)
