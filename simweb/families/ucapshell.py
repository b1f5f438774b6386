"""The cNNNNNN platform as 甘肃 serves it: the list page is a shell whose page-1 rows sit inside an
HTML comment (a stale copy), the channel id only in ``<meta name="channelId">``, and the live list from
``/common/search/{channelId}?_isAgg=true&_isJson=true&_pageSize=N&_template=index&_rangeTimeGte=
&_channelName=&page=N`` (JSON with ``_isJson=true``, an HTML fragment ``ul#body`` otherwise).
"""
from __future__ import annotations

import hashlib
import logging

from simweb.families.base import Ctx, SimRequest, SimResponse, esc, json_response, page_count, page_slice
from simweb.families.ucap import UcapFamily, search_paging

logger = logging.getLogger(__name__)
PER_PAGE = 20


def channel_uuid(site) -> str:
    """The 32-hex channel id of the site's list (``7cfa6365…`` on the real site)."""
    return hashlib.md5(f"{site.id}:channel".encode()).hexdigest()


class UcapShellFamily(UcapFamily):
    """甘肃-style cNNNNNN sites: same details as 四川, lists only through ``/common/search``."""

    name = "ucapshell"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """The shell list page and the search endpoint."""
        channel = channel_uuid(ctx.site)
        if req.path == ctx.site.start_path:
            stale = ctx.world.list_entries(ctx.site.id, max(0, ctx.day - 1))  # the copy the CMS forgot
            rows = "\n".join(f'<li><div class="title"><a href="{e.path}" title="{esc(e.title)}">{esc(e.title)}</a></div>'
                             f'<div class="date">{e.date.isoformat()}</div></li>' for e in stale[:PER_PAGE])
            inner = ('<div class="position">当前位置：<a href="/">首页</a> &gt; 信息公开</div>\n'
                     f'<div class="xxgk_list"><ul id="body"></ul>\n<!--\n<ul class="static">\n{rows}\n</ul>\n-->\n'
                     '<div id="pager"></div></div>\n<script src="/common/js/list.js"></script>')
            head = f'<meta name="channelId" content="{channel}">\n<meta name="websiteCodeName" content="sthj">\n'
            return self.html_response(ctx, f"信息公开-{ctx.site.name}", inner, kind="list", extra_head=head)
        if req.path != f"/common/search/{channel}":
            return None
        paging = search_paging(req)
        if isinstance(paging, SimResponse):
            return paging
        size, page = paging
        entries = [] if ctx.broken else ctx.entries()
        rows = page_slice(entries, page, size)
        if req.query.get("_isJson") != "true":
            items = "".join(f'<li><div class="title"><a href="{e.path}" target="_blank">{esc(e.title)}</a></div>'
                            f'<div class="date">{e.date.isoformat()}</div></li>' for e in rows)
            return SimResponse(200, f'<ul id="body">{items}</ul>'.encode(), kind="list")
        results = [{"url": e.path, "title": e.title, "publishedTimeStr": e.date.isoformat(),
                    "id": e.path.rsplit("/", 1)[1][:-6]} for e in rows]
        data = {"code": 200, "data": {"total": len(entries), "rows": size, "page": page,
                                      "totalPage": page_count(len(entries), size), "results": results}}
        resp = json_response(data, "application/json;charset=UTF-8")
        resp.page = page
        return resp
