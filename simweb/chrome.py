"""Page chrome shared by the families: header with today's date, tools, counters, share, footer,
plus the stub pages (404, soft 404, home page, robots.txt)."""
from __future__ import annotations

import datetime as dt
import html
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simweb.sites import SiteSpec
    from simweb.world import DocView

logger = logging.getLogger(__name__)

WEEKDAYS = "一二三四五六日"
ICP = {"mee": ("京", "05009132", "11010202000037", "bm17000001"), "hn-sthjt": ("湘", "05004390", "43010202000121", "4300000032"),
       "js-sthjt": ("苏", "05001245", "32010202010001", "3200000019"), "sc-sthjt": ("蜀", "05005219", "51010402000412", "5100000023"),
       "gd-gdee": ("粤", "05070829", "44010402000873", "4400000075"), "hb-sthjt": ("鄂", "05003295", "42010602000118", "4200000024"),
       "zt-sthjj": ("滇", "10001127", "53060202000031", "5306000013"), "pj-sthjj": ("辽", "12003377", "21110202000091", "2111000025"),
       "jx-sthjt": ("赣", "05003326", "36010802000154", "3600000026"), "cs-sthjj": ("湘", "05004412", "43010202000377", "4301000031"),
       "gs-sthj": ("陇", "06001245", "62010202000511", "6200000037"), "wx-sthjj": ("苏", "05029911", "32021402001143", "3202000044"),
       "bs-sthjj": ("滇", "10002214", "53050202000061", "5305000018"),
       "ws-sthjj": ("滇", "10003351", "53260202000077", "5326000021")}
esc = html.escape


def today_line(today: dt.date) -> str:
    """今天是2026年11月05日 星期四."""
    return f"今天是{today.year}年{today.month:02d}月{today.day:02d}日 星期{WEEKDAYS[today.weekday()]}"


def header(site: SiteSpec, today: dt.date) -> str:
    """Top bar with the site name and today's (simulated) date."""
    return (f'<div class="topbar"><div class="w1200"><span class="date">{today_line(today)}</span>'
            f'<a href="/">首页</a> | <a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">English</a>'
            f'</div></div>\n<div class="header"><h1 class="logo"><a href="/">{esc(site.name)}</a></h1>'
            f'<form action="/search/" class="search"><input name="q"/><button>搜索</button></form></div>')


def nav() -> str:
    """Main navigation."""
    items = ("首页", "机构职能", "政务公开", "政务服务", "互动交流", "专题专栏")
    return '<div class="nav"><ul>' + "".join(f'<li><a href="/">{i}</a></li>' for i in items) + "</ul></div>"


def tools(views: int) -> str:
    """打印/关闭/字号 and the visit counter (changes on every request)."""
    return (f'<div class="article-tools"><span class="views">浏览次数：<em id="views">{views}</em></span>'
            '<span class="fontsize">字号：[<a href="javascript:doZoom(18)">大</a>][<a href="javascript:doZoom(16)">中</a>]'
            '[<a href="javascript:doZoom(14)">小</a>]</span>'
            '【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>')


def share(url: str) -> str:
    """分享到 and the QR code block."""
    return (f'<div class="share">分享到：<a href="javascript:void(0)" class="wx">微信</a><a class="wb" '
            f'href="https://service.weibo.com/share/share.php?url={esc(url)}">微博</a></div>'
            '<div class="qrcode"><dl><dt>扫一扫在手机打开当前页</dt><dd><img src="/images/qrcode.png" alt=""/></dd></dl></div>')


def editor(site: SiteSpec, ident: int) -> str:
    """责任编辑 line."""
    names = ("李喆", "王珺", "张明", "刘婷", "陈强")
    return f'<div class="editor">责任编辑：{names[ident % len(names)]}</div>'


def related(site: SiteSpec) -> str:
    """相关链接 box."""
    links = (("中华人民共和国生态环境部", "https://www.mee.gov.cn/"), ("中国政府网", "https://www.gov.cn/"),
             (f"{site.region}人民政府", "/"))
    return ('<div class="related"><h3>相关链接</h3><ul>'
            + "".join(f'<li><a href="{u}" target="_blank">{n}</a></li>' for n, u in links) + "</ul></div>")


def footer(site: SiteSpec) -> str:
    """版权所有 / ICP备 / 公网安备 / 网站标识码 / 主办单位."""
    prov, icp, ga, code = ICP.get(site.id, (site.region[:1], "05000000", "00000000000000", "0000000000"))
    return (f'<div class="footer"><p>主办单位：{esc(site.name)}　版权所有：{esc(site.name)}</p>'
            f'<p><a href="https://beian.miit.gov.cn/">{prov}ICP备{icp}号</a>　'
            f'<a href="http://www.beian.gov.cn/">{prov}公网安备 {ga}号</a>　网站标识码：{code}</p>'
            '<p>建议使用1366*768分辨率及以上浏览器浏览</p></div>')


def body_html(paragraphs: tuple[str, ...], signature_lines: int = 2) -> str:
    """Body paragraphs as HTML; the signature (publisher and date) right-aligned."""
    out = []
    n = len(paragraphs)
    rows: list[str] = []
    for i, p in enumerate(paragraphs):
        if "\t" in p:  # a table row (see bodies._plan_task_paragraphs): consecutive rows form one table
            tag = "th" if not rows else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{esc(c)}</{tag}>" for c in p.split("\t")) + "</tr>")
            continue
        if rows:
            out.append('<table class="task-list" border="1">' + "".join(rows) + "</table>")
            rows = []
        style = ' style="text-align: right;"' if i >= n - signature_lines else ' style="text-indent: 2em;"'
        src = getattr(p, "src", None)  # a paragraph published as an image (simweb.scan_postings)
        if src is not None:
            out.append(f'<p style="text-align: center;"><img src="{esc(src)}" alt="" style="max-width: 100%;"/>'
                       '<img src="/images/print.gif" width="16" height="16" alt="打印"/></p>')
            continue
        out.append(f"<p{style}>{esc(p)}</p>")
    return "\n".join(out)


def info_table(view: DocView, index_no: str) -> str:
    """Information-disclosure table: 索引号/发文机关/文号/成文日期/发布日期."""
    return ('<table class="xxgk-table"><tr><th>索引号：</th><td>{}</td><th>发文机关：</th><td>{}</td></tr>'
            '<tr><th>文号：</th><td>{}</td><th>成文日期：</th><td>{}</td></tr>'
            '<tr><th>标题：</th><td colspan="3">{}</td></tr><tr><th>发布日期：</th><td colspan="3">{}</td></tr></table>'.format(esc(index_no), esc(view.site.publisher), esc(view.skel.doc_number or ""),
               view.stated.strftime("%Y年%m月%d日"), esc(view.title), view.state.list_date.strftime("%Y年%m月%d日")))


def page(site: SiteSpec, today: dt.date, title: str, inner: str, *, charset_meta: str | None = "utf-8",
         extra_head: str = "") -> str:
    """A full HTML page around `inner` with header, navigation and footer."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (f'<!DOCTYPE html>\n<html>\n<head>\n{meta}\n<title>{esc(title)}</title>\n{extra_head}'
            '<link rel="stylesheet" href="/css/style.css"/>\n</head>\n<body>\n'
            f"{header(site, today)}\n{nav()}\n{inner}\n{footer(site)}\n</body>\n</html>\n")


def not_found_page(site: SiteSpec | None, today: dt.date) -> str:
    """A hard-404 page body."""
    name = esc(site.name) if site else ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body>'
            f'<h1>404</h1><p>对不起，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a> {name}</p></body></html>')


def soft_404_page(site: SiteSpec, today: dt.date) -> str:
    """The 200 stub served for soft-deleted postings."""
    return page(site, today, "页面不存在", '<div class="error-page"><p>页面不存在</p>'
                '<p>您访问的页面不存在或已被删除，<span id="sec">5</span>秒后返回<a href="/">首页</a>。</p></div>')


def home_page(site: SiteSpec, today: dt.date) -> str:
    """The site's home page, linking to the watched channel."""
    inner = (f'<div class="main"><div class="box"><h2><a href="{esc(site.start_path)}">通知公告</a></h2></div>'
             f'<div class="box"><h2><a href="{esc(site.start_path)}">督察整改</a></h2></div></div>')
    return page(site, today, site.name, inner)


def robots_txt() -> str:
    """Allow everything except back-office paths."""
    return "User-agent: *\nDisallow: /admin/\nDisallow: /member/\nAllow: /\n"
