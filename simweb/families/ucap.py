"""The "cNNNNNN" .shtml family (四川): zclistf.shtml, zclistf_{k}.shtml, /common/search JSON."""
from __future__ import annotations

import datetime as dt
import html
import json
import logging
import posixpath
import re
from urllib.parse import quote

from simweb import chrome
from simweb.families.base import Ctx, Family, SimRequest, SimResponse, page_count, page_slice, truncate

logger = logging.getLogger(__name__)
esc = html.escape
PER_PAGE = 20
_LIST = re.compile(r"zclistf(?:_(\d+))?\.shtml$")


def _channel(site) -> str:
    return re.search(r"/c(\d+)/", site.start_path).group(1)


class UcapFamily(Family):
    """四川-style cNNNNNN sites."""

    name = "ucap"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/sthjt/c104378/2024/7/3/<32hex>.shtml`."""
        d = url_date
        return f"{posixpath.dirname(site.start_path)}/{d.year}/{d.month}/{d.day}/{skel.hexid}.shtml"

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
        if not m or m.group(1) in ("0", "1"):
            return None
        page = int(m.group(1) or 1)
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
        return SimResponse(200, self.encode(chrome.page(ctx.site, ctx.today, f"公示公告-{ctx.site.name}", inner)),
                           kind="list")

    def _json(self, req: SimRequest, ctx: Ctx) -> SimResponse:
        try:
            size = max(1, min(100, int(req.query.get("_pageSize", "10"))))
            page = max(1, int(req.query.get("page", "1")))
        except ValueError:
            return SimResponse(400, b'{"code":400}', "application/json", kind="json")
        entries = [] if ctx.broken else ctx.entries()
        results = [{"url": e.path, "title": e.title, "publishedTimeStr": e.date.isoformat(), "id": e.path.rsplit("/", 1)[1][:-6]}
                   for e in page_slice(entries, page, size)]
        data = {"code": 200, "data": {"total": len(entries), "rows": size, "page": page,
                                      "totalPage": page_count(len(entries), size), "results": results}}
        return SimResponse(200, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                           "application/json;charset=UTF-8", kind="json")

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """Detail with the information-disclosure table and #UCAP-CONTENT body."""
        site = ctx.site
        heads = (f'<meta name="ArticleTitle" content="{esc(doc.title)}">\n'
                 f'<meta name="PubDate" content="{doc.pub_datetime:%Y-%m-%d %H:%M:%S}">\n'
                 f'<meta name="ContentSource" content="{esc(site.publisher)}">\n')
        atts = "".join(f'<li><a href="{self.attachment_href(doc.path, a.path)}">{esc(a.label)}</a></li>'
                       for a in doc.attachments)
        index_no = f"{site.abbr}-{doc.state.list_date.year}-{doc.skel.ident % 100000:05d}"
        inner = (f'<div class="position">当前位置：<a href="../../../../">首页</a> &gt; <a href="../../../zclistf.shtml">'
                 f'公示公告</a></div>\n<div class="detail">{chrome.info_table(doc, index_no)}\n'
                 f'<h1 id="title">{esc(doc.title)}</h1><div class="info">发布时间：{doc.pub_datetime:%Y-%m-%d %H:%M}'
                 f'　来源：{esc(site.publisher)}{chrome.tools(ctx.hit(doc.path))}</div>\n'
                 f'<div id="UCAP-CONTENT" class="content">\n{chrome.body_html(doc.paragraphs)}\n</div>\n'
                 f'<div class="fujian"><p>附件：</p><ul>{atts}</ul></div>{chrome.editor(site, doc.skel.ident)}'
                 f'{chrome.share(doc.url)}</div>{chrome.related(site)}')
        return SimResponse(200, self.encode(chrome.page(site, ctx.today, doc.title, inner, extra_head=heads)),
                           kind="detail")
