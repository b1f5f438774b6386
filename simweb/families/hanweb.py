"""Hanweb 大汉 JCMS family (江苏): column page embeds page 1 as a datastore; dataproxy.jsp GET/POST."""
from __future__ import annotations

import datetime as dt
import logging
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
    page_count,
    truncate,
    ymd_folders,
)

logger = logging.getLogger(__name__)
PER_PAGE = 15
WEBID = "46"
UNITID = "340853"
DATAPROXY = "/module/web/jpage/dataproxy.jsp"


def _column(site) -> str:
    return re.search(r"col(\d+)", site.start_path).group(1)


def _record(e) -> str:
    return ("<record><![CDATA[\n<li class=\"clearfix\"><a target=\"_blank\" href='{}' title='{}'>{}</a><span>{}</span></li>]]></record>".format(e.path, esc(e.title, quote=True), esc(truncate(e.title, 33, "..."), quote=False), e.date.isoformat()))


class HanwebFamily(Family):
    """大汉 JCMS sites."""

    name = "hanweb"

    def detail_path(self, site, skel, url_date: dt.date) -> str:
        """`/art/2024/7/3/art_84025_10234567.html`."""
        return f"/art/{ymd_folders(url_date)}/art_{_column(site)}_{skel.ident + 6_000_000}.html"

    def attachment_path(self, site, skel, url_date, detail_path, index) -> str:
        """`/attach/0/<32hex>.pdf`."""
        return f"/attach/0/{skel.hexid[:30]}{index:02d}.{skel.attachments[index].kind}"

    def attachment_href(self, detail_path: str, att_path: str) -> str:
        """Hanweb links attachments by absolute path."""
        return att_path

    def _webname(self, site) -> str:
        return quote(quote(site.name, safe=""), safe="")

    def _nextgroup(self, site) -> str:
        return (f'<nextgroup><![CDATA[<a href="{DATAPROXY}?page=1&appid=1&webid={WEBID}&path=/&columnid={_column(site)}'
                f'&unitid={UNITID}&webname={self._webname(site)}&permissiontype=0"></a>]]></nextgroup>')

    def _datastore(self, ctx: Ctx, start: int, end: int, *, embedded: bool) -> str:
        entries = ctx.entries()
        total = len(entries)
        recs = [] if ctx.broken else [_record(e) for e in entries[start:end]]
        totals = "" if ctx.broken else (f"<totalrecord>{total}</totalrecord><totalpage>{page_count(total, PER_PAGE)}</totalpage>")
        head = self._nextgroup(ctx.site) if embedded else ""
        return f"<datastore>{head}\n{totals}\n<recordset>\n" + "\n".join(recs) + "\n</recordset>\n</datastore>"

    def handle_list(self, req: SimRequest, ctx: Ctx) -> SimResponse | None:
        """Column page (page 1 embedded) and dataproxy.jsp (GET ?page=N, POST startrecord/endrecord)."""
        col = _column(ctx.site)
        if req.path == f"/col/col{col}/index.html":
            store = self._datastore(ctx, 0, PER_PAGE, embedded=True)
            inner = (f'<div class="position">当前位置：<a href="/">首页</a> &gt; 公示公告</div>\n<div class="main-list">'
                     f'<div id="{UNITID}"><script type="text/xml">{store}</script>\n'
                     f'<script language="javascript" src="/module/web/jpage/jpage.js"></script>\n'
                     f'<script>var jpage = {{unitid:"{UNITID}", perpage:{PER_PAGE}, proxyUrl:"{DATAPROXY}", '
                     f'webid:"{WEBID}", columnid:"{col}"}};</script></div></div>')
            return self.html_response(ctx, f"公示公告 {ctx.site.name}", inner, kind="list")
        if req.path != DATAPROXY:
            return None
        args = {**req.query, **req.form}
        if args.get("columnid") != col:
            body = "<datastore><totalrecord>0</totalrecord><totalpage>0</totalpage><recordset></recordset></datastore>"
            return SimResponse(200, body.encode(), "text/xml;charset=UTF-8", kind="list")
        try:
            if "startrecord" in args:
                start = max(1, int(args["startrecord"]))
                end = int(args.get("endrecord", start + 44))
                start -= 1
            else:
                page = max(1, int(args.get("page", "1")))
                per = int(args.get("perpage", PER_PAGE))
                start, end = (page - 1) * per, page * per
        except ValueError:
            return SimResponse(400, b"bad request", "text/plain", kind="list")
        body = self._datastore(ctx, start, end, embedded=False)
        return SimResponse(200, body.encode("utf-8"), "text/xml;charset=UTF-8", kind="list")

    def render_detail(self, doc, ctx: Ctx) -> SimResponse:
        """Detail: ArticleTitle/PubDate/Maketime metas, body between ZJEG_RSS markers."""
        site = ctx.site
        make = doc.last_modified.astimezone(dt.timezone(dt.timedelta(hours=8)))
        heads = (f'<meta name="Maketime" content="{make:%Y-%m-%d %H:%M:%S}">\n'
                 f'<meta name="SiteName" content="{esc(site.name)}">\n<meta name="ColumnName" content="公示公告">\n'
                 f'{article_metas(doc, site)}')
        atts = self.attachment_links(doc, '<p><a href="{href}" target="_blank">{label}</a></p>')
        inner = (f'<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col{_column(site)}/index.html">'
                 f'公示公告</a></div>\n<div class="article"><h1><!--<$[标题名称]>begin-->{esc(doc.title)}'
                 f'<!--<$[标题名称]>end--></h1>\n<div class="info"><span>发布日期：{doc.pub_datetime:%Y-%m-%d}</span>'
                 f'<span>信息来源：<!--<$[信息来源]>begin-->{esc(site.publisher)}<!--<$[信息来源]>end--></span>'
                 f'{chrome.tools(ctx.hit(doc.path))}</div>\n<div class="zoom" id="zoom">'
                 f'<!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">'
                 f'{chrome.body_html(doc.paragraphs)}<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->'
                 f'<!--<$[信息内容]>end--></div>\n<div class="attach">{atts}</div>\n'
                 f'{chrome.share(doc.url)}</div>{chrome.related(site)}')
        return self.html_response(ctx, doc.title, inner, kind="detail", extra_head=heads)

