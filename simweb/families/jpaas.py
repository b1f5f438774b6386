"""New Hanweb "jpaas" (江西 2025–): the column page is a script shell; rows come from POST ``/queryList``.

Shell: ``/jxssthjt/col/col42150/index.html`` holds ``loadPageData({unitid:'380055',
webSiteCode:['jxssthjt'], channelCode:['col42150'], perPage:'15', …})``.  The script posts the form
``current=N&unitid=…&webSiteCode[]=…&channelCode[]=…&perPage=15&pageSize=15&…`` to ``/queryList`` and
gets ``{"success":true,"data":{"total","current","pages","results":[{"source":{"title","pubDate",
"urls":"{\\"pc\\":\\"/jxssthjt/…\\"}"}}]}}`` (``urls`` is a JSON *string*), as in
docs: ../shared/real-list-endpoints.md, jx-sthjt.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re

from simweb.families.base import Ctx, SimRequest, SimResponse, json_response, page_count, page_slice
from simweb.families.hanweb import HanwebFamily

logger = logging.getLogger(__name__)
UNITID = "380055"
PER_PAGE = 15


def _codes(site) -> tuple[str, str]:
    m = re.match(r"/(\w+)/col/(col\d+)/", site.start_path)
    return m.group(1), m.group(2)


class JpaasFamily(HanwebFamily):
    """江西-style jpaas sites: details like Hanweb's, lists only through ``/queryList``."""

    name = "jpaas"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/jxssthjt/col/col42150/content/content_<19 digits>.html`."""
        web, col = _codes(site)
        return f"/{web}/col/{col}/content/content_{1_870_000_000_000_000_000 + skel.ident * 7919}.html"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """The shell column page and ``POST /queryList``."""
        web, col = _codes(ctx.site)
        if req.path == ctx.site.start_path:
            script = (f"loadPageData({{unitid:'{UNITID}', webSiteCode:['{web}'], channelCode:['{col}'], "
                      f"perPage:'{PER_PAGE}', showMode:'normal', groupSize:'1', barPosition:'bottom', "
                      f"titleMax:'34', templateContainerId:'div{UNITID}', themeName:'lucidity'}});")
            inner = (f'<div class="position">当前位置：<a href="/">首页</a> &gt; 公示公告</div>\n'
                     f'<div class="list-box"><div id="div{UNITID}"></div></div>\n'
                     f'<script src="/jpaas-jpage-server/js/loadPageData.js"></script>\n<script>{script}</script>')
            return self.html_response(ctx, f"公示公告 {ctx.site.name}", inner, kind="list")
        if req.path != "/queryList":
            return None
        if req.method != "POST":
            return SimResponse(405, b'{"success":false,"msg":"Request method not supported"}', "application/json",
                               kind="json")
        form = req.form
        if form.get("webSiteCode[]") != web or form.get("channelCode[]") != col:
            return json_response({"success": True, "data": {"total": 0, "current": 1, "pages": 0, "results": []}})
        try:
            current = max(1, int(form.get("current", "1")))
            size = max(1, min(100, int(form.get("pageSize") or form.get("perPage") or PER_PAGE)))
        except ValueError:
            return SimResponse(400, b'{"success":false}', "application/json", kind="json")
        entries = [] if ctx.broken else ctx.entries()
        results = []
        for e in page_slice(entries, current, size):
            view = ctx.world.doc_view(ctx.site.id, e.key, ctx.day)
            published = view.pub_datetime if view else dt.datetime.combine(e.date, dt.time(9))
            urls = json.dumps({"pc": e.path, "mobile": e.path.replace("/col/", "/mcol/")})
            results.append({"id": str(e.ident), "source": {"title": e.title, "pubDate": f"{published:%Y-%m-%d %H:%M:%S}",
                                                           "urls": urls, "channelCode": col, "webSiteCode": web}})
        data = {"total": len(entries), "current": current, "size": size,
                "pages": page_count(len(entries), size) if entries else 0, "results": results}
        resp = json_response({"success": True, "code": 200, "data": data}, "application/json;charset=UTF-8")
        resp.page = current
        return resp
