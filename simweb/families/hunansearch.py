"""Hunan's provincial search API (湖南): list pages are shells, rows come from
``POST http://api.hunan.gov.cn/search/common/search/{channelId}``.

Shell: ``list_tyxx.html`` with ``var channelId = '97433';`` and a script that posts the JSON body
``{"datas":[{"key":"status","value":"4",…},{"key":"publishedTime","sort":"true",…}],"page":N,
"_pageSize":20,"_isAgg":"true"}`` (a form body ``datas[0][key]=…&page=N`` is accepted too) and gets
``{"data":{"total","results":[{"title","url" (relative to the site),"publishedTimeStr","manuscriptId"}]}}``.
Details are TRS pages on the site's own host.
"""
from __future__ import annotations

import json
import logging
import re

from simweb.families.base import Ctx, SimRequest, SimResponse, json_response, page_slice
from simweb.families.trs import TrsFamily

logger = logging.getLogger(__name__)
CHANNEL = "97433"
API_PATH = f"/search/common/search/{CHANNEL}"
DEFAULT_SIZE = 20


class HunanSearchFamily(TrsFamily):
    """Sites on 湖南's intensive platform: TRS details, lists from the provincial search API."""

    name = "hunansearch"

    def serves_api_path(self, site, path: str) -> bool:
        """``/search/common/search/97433`` on api.hunan.gov.cn."""
        return path == API_PATH

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """The shell list page on the site's host, the search API on the API host."""
        if req.path == ctx.site.start_path:
            script = ("var channelId = '" + CHANNEL + "';\n"
                      "$.ajax({url: 'http://" + str(ctx.site.api_host) + "/search/common/search/' + channelId, "
                      "type: 'POST', contentType: 'application/json', data: JSON.stringify({datas: [{key: 'status', "
                      "value: '4', join: 'and', queryType: 'term'}, {key: 'publishedTime', sort: 'true', order: 'desc', "
                      "queryType: 'term'}], page: pageNo, _pageSize: 20, _isAgg: 'true'}), success: renderList});")
            inner = ('<div class="position">当前位置：<a href="/">首页</a> &gt; 通知公告</div>\n'
                     '<div class="hy-list-text"><ul id="list"></ul><div id="page"></div></div>\n'
                     f'<script src="/js/jquery.min.js"></script><script>{script}</script>')
            return self.html_response(ctx, f"通知公告_{ctx.site.name}", inner, kind="list")
        if req.path != API_PATH:
            return None
        if req.method != "POST":
            return SimResponse(405, b'{"code":405,"msg":"Request method GET not supported"}', "application/json",
                               kind="json")
        args = _args(req)
        try:
            page = max(1, int(args.get("page", 1)))
            size = max(1, min(100, int(args.get("_pageSize", DEFAULT_SIZE))))
        except (TypeError, ValueError):
            return SimResponse(400, b'{"code":400}', "application/json", kind="json")
        entries = [] if ctx.broken else ctx.entries()
        results = []
        for e in page_slice(entries, page, size):
            view = ctx.world.doc_view(ctx.site.id, e.key, ctx.day)
            stamp = f"{view.pub_datetime:%Y-%m-%d %H:%M:%S}" if view else e.date.isoformat()
            results.append({"title": e.title, "url": e.path, "publishedTimeStr": stamp,
                            "manuscriptId": str(e.ident), "content": ""})
        data = {"total": len(entries), "rows": size, "page": page, "results": results}
        resp = json_response({"code": 200, "msg": "success", "data": data}, "application/json;charset=UTF-8")
        resp.page = page
        return resp


def _args(req: SimRequest) -> dict:
    """``page``/``_pageSize`` from a JSON body or a form body."""
    if req.headers.get("content-type", "").startswith("application/json"):
        try:
            payload = json.loads(req.body.decode("utf-8"))
        except ValueError:
            return {"page": "x"}
        return payload if isinstance(payload, dict) else {}
    return {k: v for k, v in req.form.items() if not re.match(r"datas\[", k)}
