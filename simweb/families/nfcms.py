"""Guangdong NFCMS / gkmlpt family: index.html, index_{k}.html (k≥2, no index_1), meta-PubDate, JSON."""
from __future__ import annotations

import datetime as dt
import logging
import re

from simweb import chrome
from simweb.families.base import (
    Ctx,
    Family,
    SimRequest,
    SimResponse,
    article_metas,
    esc,
    json_response,
    page_count,
    page_slice,
    query_page,
    suffix_page,
)

logger = logging.getLogger(__name__)
PER_PAGE = 20
JSON_PER_PAGE = 10
CAT = "3126"
SID = "2"
_LIST = re.compile(r"/ggtz3126/index(?:_(\d+))?\.html$")


class NfcmsFamily(Family):
    """广东 NFCMS sites."""

    name = "nfcms"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/ggtz3126/content/post_NNNNNNN.html`."""
        return f"/ggtz3126/content/post_{skel.ident}.html"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`/attachment/0/527/527857/4195869.pdf`."""
        n = 500_000 + skel.ident % 100_000 * 3 + index
        return f"/attachment/0/{n // 1000}/{n}/{skel.ident}{index}.{skel.attachments[index].kind}"

    def attachment_href(self, detail_path: str, att_path: str) -> str:
        """NFCMS links attachments by absolute URL path."""
        return att_path

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """List pages and /gkmlpt/api/all/{cat} JSON."""
        if req.path == f"/gkmlpt/api/all/{CAT}":
            return self._json(req, ctx)
        m = _LIST.match(req.path)
        page = suffix_page(m.group(1), zero_based=False) if m else None
        if page is None:
            return None
        entries = ctx.entries()
        total = len(entries)
        if page > page_count(total, PER_PAGE):
            return None
        items = "\n".join(f'<li><a href="{e.url}" target="_blank" title="{esc(e.title)}">{esc(e.title)}</a>'
                          f'<span class="time">{e.date.isoformat()}</span></li>'
                          for e in page_slice(entries, page, PER_PAGE))
        if ctx.broken:
            listing = '<div class="list_box"><p class="loading">正在加载……</p></div>'
        else:
            listing = (f'<div class="list_box"><ul class="news_list">\n{items}\n</ul></div>\n<div class="page" id="page_div">'
                       f"</div>\n<script>var totalPage = Math.ceil({total}/{PER_PAGE}); var currentPage = {page};"
                       f' createPage("page_div", totalPage, currentPage, "index", "html");</script>')
        inner = f'<div class="position">您当前的位置：<a href="/">首页</a> &gt; 公告通知</div>\n{listing}'
        return self.html_response(ctx, f"公告通知 {ctx.site.name}", inner, kind="list")

    def _json(self, req: SimRequest, ctx: Ctx) -> SimResponse:
        page = query_page(req)
        entries = [] if ctx.broken else ctx.entries()
        arts = []
        for e in page_slice(entries, page, JSON_PER_PAGE):
            created = dt.datetime.combine(e.date, dt.time(8 + e.ident % 10, e.ident * 7 % 60, e.ident * 13 % 60))
            arts.append({"id": e.ident, "title": e.title, "url": e.url, "created_at": f"{created:%Y-%m-%d %H:%M:%S}",
                         "date": int(created.replace(tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp())})
        data = {"articles": arts, "total": len(entries), "page": page, "page_size": JSON_PER_PAGE, "sid": SID}
        return json_response(data)

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """Detail with meta-* names, a gkmlpt table and a hidden print copy of the body."""
        site = ctx.site
        heads = article_metas(doc, site, prefix="meta-", seconds=True) + '<meta name="meta-ColumnName" content="公告通知">\n'
        body = chrome.body_html(doc.paragraphs)
        atts = self.attachment_links(doc, '<p><a href="{href}" target="_blank">{label}</a></p>')
        index_no = f"006940060/{doc.state.list_date.year}-{doc.skel.ident % 100000:05d}"
        inner = (f'<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="../index.html">公告通知</a></div>\n'
                 f'<div class="article-box">{chrome.info_table(doc, index_no)}<h3 class="title">{esc(doc.title)}</h3>\n'
                 f'<div class="date">发布时间：{doc.pub_datetime:%Y-%m-%d %H:%M:%S}　来源：{esc(site.publisher)}'
                 f'{chrome.tools(ctx.hit(doc.path))}</div>\n<div class="article-content">\n{body}\n</div>\n'
                 f'<div class="attach">{atts}</div>{chrome.share(doc.url)}</div>\n'
                 f'<div id="print-area" style="display:none"><h3>{esc(doc.title)}</h3>{body}</div>{chrome.related(site)}')
        return self.html_response(ctx, doc.title, inner, kind="detail", extra_head=heads)
