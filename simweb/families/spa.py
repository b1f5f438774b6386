"""A script-driven list of a kind no profile describes (保山): the generic browser fallback's target.

The list page is an empty shell whose script POSTs ``{"category":"tzgg","pageNo":N,"pageSize":12}``
(JSON) to ``/api/v2/notice/query`` and gets ``{"code":0,"payload":{"count":N,"items":[{"headline",
"link","releaseTime" (epoch milliseconds, 北京时间)}]}}``; it renders the rows itself and pages with
``<button onclick="go(k)">`` (no links).  Details are plain pages like the generic family's.
"""
from __future__ import annotations

import datetime as dt
import json
import logging

from simweb.families.base import Ctx, SimRequest, SimResponse, json_response, page_slice
from simweb.families.generic import GenericFamily

logger = logging.getLogger(__name__)
API = "/api/v2/notice/query"
PAGE_SIZE = 12
TZ = dt.timezone(dt.timedelta(hours=8))
SCRIPT = """
var pageSize = 12;
function fmt(ms) { var d = new Date(ms + 8 * 3600 * 1000); return d.toISOString().slice(0, 10); }
function go(p) {
  var x = new XMLHttpRequest();
  x.open('POST', '%(api)s');
  x.setRequestHeader('Content-Type', 'application/json;charset=UTF-8');
  x.onload = function () {
    var r = JSON.parse(x.responseText), items = r.payload.items, html = '';
    for (var i = 0; i < items.length; i++) {
      html += '<li><a href="' + items[i].link + '">' + items[i].headline + '</a><em>' + fmt(items[i].releaseTime) + '</em></li>';
    }
    document.getElementById('rows').innerHTML = html;
    var pages = Math.ceil(r.payload.count / pageSize), pager = '';
    for (var k = 1; k <= pages; k++) { pager += '<button type="button" onclick="go(' + k + ')">' + k + '</button>'; }
    document.getElementById('pager').innerHTML = pager;
  };
  x.send(JSON.stringify({category: 'tzgg', pageNo: p, pageSize: pageSize}));
}
go(1);
"""


class SpaFamily(GenericFamily):
    """Unknown JSON API, POST body, epoch-ms dates, onclick-only pager."""

    name = "spa"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/zwgk/tzgg/2024/07/03/4000000.html`."""
        return f"/zwgk/tzgg/{url_date:%Y/%m/%d}/{skel.ident}.html"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`/zwgk/files/4000000_0.pdf`."""
        return f"/zwgk/files/{skel.ident}_{index}.{skel.attachments[index].kind}"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """The shell page and the JSON API."""
        if req.path == ctx.site.start_path:
            inner = ('<div class="crumb"><a href="/">首页</a> / 通知公告</div>\n<div id="app"><ul id="rows"></ul>'
                     f'<div id="pager"></div></div>\n<script>{SCRIPT % {"api": API}}</script>')
            return self.html_response(ctx, "通知公告", inner, kind="list")
        if req.path != API:
            return None
        if req.method != "POST":
            return SimResponse(405, b'{"code":405}', "application/json", kind="json")
        try:
            payload = json.loads(req.body.decode("utf-8"))
            page = max(1, int(payload.get("pageNo", 1)))
            size = max(1, min(50, int(payload.get("pageSize", PAGE_SIZE))))
        except (ValueError, TypeError, AttributeError):
            return SimResponse(400, b'{"code":400,"msg":"bad body"}', "application/json", kind="json")
        if payload.get("category") != "tzgg":
            return json_response({"code": 0, "payload": {"count": 0, "items": []}})
        entries = [] if ctx.broken else ctx.entries()
        items = []
        for e in page_slice(entries, page, size):
            view = ctx.world.doc_view(ctx.site.id, e.key, ctx.day)
            stamp = view.pub_datetime if view else dt.datetime.combine(e.date, dt.time(9), TZ)
            items.append({"id": e.ident, "headline": e.title, "link": e.path,
                          "releaseTime": int(stamp.timestamp() * 1000)})
        resp = json_response({"code": 0, "payload": {"count": len(entries), "items": items}})
        resp.page = page
        return resp
