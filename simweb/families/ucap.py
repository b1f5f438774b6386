"""The "cNNNNNN" .shtml family (四川): zclistf.shtml, zclistf_{k}.shtml, /common/search JSON."""
from __future__ import annotations

import datetime as dt
import logging
import posixpath
import re
from urllib.parse import quote

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
    suffix_page,
    truncate,
    ymd_folders,
)

logger = logging.getLogger(__name__)
PER_PAGE = 20
_LIST = re.compile(r"zclistf(?:_(\d+))?\.shtml$")


def search_paging(req: SimRequest) -> tuple[int, int] | SimResponse:
    """``(_pageSize, page)`` of a ``/common/search/{channelId}`` request, or the API's 400 for bad numbers."""
    try:
        return max(1, min(100, int(req.query.get("_pageSize", "10")))), max(1, int(req.query.get("page", "1")))
    except ValueError:
        return SimResponse(400, b'{"code":400}', "application/json", kind="json")


def _channel(site) -> str:
    return re.search(r"/c(\d+)/", site.start_path).group(1)


class UcapFamily(Family):
    """四川-style cNNNNNN sites."""

    name = "ucap"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/sthjt/c104378/2024/7/3/<32hex>.shtml`."""
        return f"{posixpath.dirname(site.start_path)}/{ymd_folders(url_date)}/{skel.hexid}.shtml"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`…/<32hex>/files/<原文件名>-20240703155735492.pdf` (percent-encoded)."""
        spec = skel.attachments[index]
        stem, ext = spec.filename.rsplit(".", 1)
        i = skel.ident
        stamp = f"{url_date:%Y%m%d}{8 + i % 10:02d}{i * 7 % 60:02d}{(i * 13 + index) % 60:02d}{i % 1000:03d}"
        return f"{detail_path[:-len('.shtml')]}/files/{quote(stem)}-{stamp}.{ext}"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """List pages (server-rendered + totalPage JS) and the /common/search JSON API."""
        channel = _channel(ctx.site)
        if req.path == f"/common/search/{channel}":
            return self._json(req, ctx)
        if posixpath.dirname(req.path) != posixpath.dirname(ctx.site.start_path):
            return None
        m = _LIST.match(posixpath.basename(req.path))
        page = suffix_page(m.group(1), zero_based=False) if m else None
        if page is None:
            return None
        entries = ctx.entries()
        pages = page_count(len(entries), PER_PAGE)
        if page > pages:
            return None
        items = "\n".join(
            f'<li><a href="{e.path}" target="_blank" title="{esc(e.title)}">{esc(truncate(e.title, 28, "…"))}</a>'
            f'<span>{e.date.isoformat()}</span></li>' for e in page_slice(entries, page, PER_PAGE))
        if ctx.broken:
            listing = '<div class="zclist" v-cloak><template v-for="item in rows"></template></div>'
        else:
            listing = (f'<div class="zclist"><ul class="list">\n{items}\n</ul></div>\n<div id="page"></div>\n'
                       f'<script>var channelId = "{channel}"; var totalPage = {pages}; var currentPage = {page};</script>')
        inner = f'<div class="position">当前位置：<a href="/">首页</a> &gt; 公示公告</div>\n{listing}'
        return self.html_response(ctx, f"公示公告-{ctx.site.name}", inner, kind="list")

    def _json(self, req: SimRequest, ctx: Ctx) -> SimResponse:
        paging = search_paging(req)
        if isinstance(paging, SimResponse):
            return paging
        size, page = paging
        entries = [] if ctx.broken else ctx.entries()
        results = [{"url": e.path, "title": e.title, "publishedTimeStr": e.date.isoformat(), "id": e.path.rsplit("/", 1)[1][:-6]}
                   for e in page_slice(entries, page, size)]
        data = {"code": 200, "data": {"total": len(entries), "rows": size, "page": page,
                                      "totalPage": page_count(len(entries), size), "results": results}}
        return json_response(data, "application/json;charset=UTF-8")

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """Detail with the information-disclosure table and #UCAP-CONTENT body."""
        site = ctx.site
        heads = article_metas(doc, site, seconds=True)
        atts = self.attachment_links(doc, '<li><a href="{href}">{label}</a></li>')
        index_no = f"{site.abbr}-{doc.state.list_date.year}-{doc.skel.ident % 100000:05d}"
        inner = (f'<div class="position">当前位置：<a href="../../../../">首页</a> &gt; <a href="../../../zclistf.shtml">'
                 f'公示公告</a></div>\n<div class="detail">{chrome.info_table(doc, index_no)}\n'
                 f'<h1 id="title">{esc(doc.title)}</h1><div class="info">发布时间：{doc.pub_datetime:%Y-%m-%d %H:%M}'
                 f'　来源：{esc(site.publisher)}{chrome.tools(ctx.hit(doc.path))}</div>\n'
                 f'<div id="UCAP-CONTENT" class="content">\n{chrome.body_html(doc.paragraphs)}\n</div>\n'
                 f'<div class="fujian"><p>附件：</p><ul>{atts}</ul></div>{chrome.editor(site, doc.skel.ident)}'
                 f'{chrome.share(doc.url)}</div>{chrome.related(site)}')
        return self.html_response(ctx, doc.title, inner, kind="detail", extra_head=heads)
