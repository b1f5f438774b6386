"""A script-driven list with no API at all (文山): every row is inline in the page's script, which renders
12 at a time and pages with ``<button onclick="show(k)">``.  No request carries the rows, so only the
rendered page (clicking through the pager) shows them: the fallback's ``rendered`` delivery."""
from __future__ import annotations

import json
import logging

from simweb.families.base import Ctx, SimRequest, SimResponse
from simweb.families.spa import SpaFamily

logger = logging.getLogger(__name__)
SCRIPT = """
var ROWS = %(rows)s, SIZE = 12;
function show(p) {
  var html = '';
  ROWS.slice((p - 1) * SIZE, p * SIZE).forEach(function (r) {
    html += '<li><a href="' + r[0] + '">' + r[1] + '</a><em>' + r[2] + '</em></li>';
  });
  document.getElementById('rows').innerHTML = html;
  var pager = '';
  for (var k = 1; k <= Math.ceil(ROWS.length / SIZE); k++) { pager += '<button onclick="show(' + k + ')">' + k + '</button>'; }
  document.getElementById('pager').innerHTML = pager;
}
show(1);
"""


class SpaDomFamily(SpaFamily):
    """Rows only in inline script data; pager of buttons."""

    name = "spadom"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """The page with its inline rows (nothing else lists them)."""
        if req.path != ctx.site.start_path:
            return None
        entries = [] if ctx.broken else ctx.entries()
        rows = json.dumps([[e.path, e.title, e.date.isoformat()] for e in entries], ensure_ascii=False)
        rows = rows.replace("</", "<\\/")
        inner = ('<div class="crumb"><a href="/">首页</a> / 公示公告</div>\n<div id="app"><ul id="rows"></ul>'
                 f'<div id="pager"></div></div>\n<script>{SCRIPT % {"rows": rows}}</script>')
        return self.html_response(ctx, "公示公告", inner, kind="list")
