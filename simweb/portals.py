"""City and district portals (issue 23): where close-outs are published, and the truth of where.

Fourteen hosts (a 管理区 among them) from three portal templates unlike the provincial department sites:

- ``govportal`` (a city government's CMS): 政务公开 tree → 通知公告 and 环评公示; 专题专栏 →
  生态环境保护专题 → 中央生态环境保护督察整改专栏 (two levels down);
- ``district`` (a district government): the main menu is written by an inline script (no ``<a>`` in
  the markup), a 信息公开 tree with 公示公告, a 网站地图 in the footer, 督察整改 under 专题专栏;
- ``dept`` (a city 发改委 or 市场监管局): the menu is fetched by a script from ``/api/menu.json``;
  通知公告 and a 督察整改落实 column under 专题专栏.

Each portal is a *hub* site (family ``portal``: home page, navigation pages, decoy news lists) plus
one SiteSpec per channel (existing list families, column-scoped paths) that the world fills with
postings like any other site.  Served by every simulated web; listed only by ``World(sites="city")``, with the
provincial department sites of their provinces (``CITY_WEB``: the plans whose numbering close-outs cite).
"""
from __future__ import annotations

import json
import logging
import posixpath
import re
from dataclasses import dataclass

from simweb.sites import ALL_SITES, SiteSpec

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Channel:
    """One true channel of a portal: its list site, kind and the menu path that leads to it."""

    site: SiteSpec
    kind: str  # rectification | notices | eia | disclosure
    menu_path: tuple[str, ...]

    @property
    def name(self) -> str:
        """The channel's name as the portal shows it (last step of the menu path)."""
        return self.menu_path[-1]

    @property
    def folder(self) -> str:
        """The column folder every page of the channel lives under."""
        return posixpath.dirname(self.site.start_path) + "/"


@dataclass(frozen=True)
class Portal:
    """A city or district host: its hub and its true channels."""

    hub: SiteSpec
    template: str  # govportal | district | dept
    channels: tuple[Channel, ...]
    number: int = 0  # the portal's number in _SEEDS (its variants: SITEMAP_ONLY, COMPUTED_MENU)

    def channel_for(self, path: str) -> SiteSpec:
        """The site answering ``path`` on this host (a channel, else the hub)."""
        from simweb.families.ucapshell import channel_uuid

        for ch in self.channels:
            if path.startswith(ch.folder):
                return ch.site
            if path.startswith("/common/search/"):
                wanted = path.rsplit("/", 1)[-1]
                if f"/c{wanted}/" in ch.site.start_path or (ch.site.family == "ucapshell"
                                                            and wanted == channel_uuid(ch.site)):
                    return ch.site
        return self.hub


# (slug, host, name, region, place, abbr, template, level, channel number)
_SEEDS = (
    ("my", "www.my.gov.cn", "绵阳市人民政府", "四川省", "绵阳市", "绵府", "govportal", "city", 1),
    ("yb", "www.yibin.gov.cn", "宜宾市人民政府", "四川省", "宜宾市", "宜府", "govportal", "city", 2),
    ("zz", "www.zhuzhou.gov.cn", "株洲市人民政府", "湖南省", "株洲市", "株政", "govportal", "city", 3),
    ("qj", "www.qj.gov.cn", "曲靖市人民政府", "云南省", "曲靖市", "曲政", "govportal", "city", 4),
    ("as", "www.anshan.gov.cn", "鞍山市人民政府", "辽宁省", "鞍山市", "鞍政", "govportal", "city", 5),
    ("fc", "www.fc.gov.cn", "绵阳市涪城区人民政府", "四川省", "涪城区", "涪府", "district", "county", 6),
    ("cp", "www.cuiping.gov.cn", "宜宾市翠屏区人民政府", "四川省", "翠屏区", "翠府", "district", "county", 7),
    ("ls", "www.lusong.gov.cn", "株洲市芦淞区人民政府", "湖南省", "芦淞区", "芦政", "district", "county", 8),
    ("ql", "www.ql.gov.cn", "曲靖市麒麟区人民政府", "云南省", "麒麟区", "麒政", "district", "county", 9),
    ("myfgw", "fgw.my.gov.cn", "绵阳市发展和改革委员会", "四川省", "绵阳市", "绵发改", "dept", "city", 10),
    ("ybsj", "scjgj.yibin.gov.cn", "宜宾市市场监督管理局", "四川省", "宜宾市", "宜市监", "dept", "city", 11),
    ("zzfgw", "fgw.zhuzhou.gov.cn", "株洲市发展和改革委员会", "湖南省", "株洲市", "株发改", "dept", "city", 12),
    ("qjsj", "scjgj.qj.gov.cn", "曲靖市市场监督管理局", "云南省", "曲靖市", "曲市监", "dept", "city", 13),
    ("qy", "www.quyuan.gov.cn", "岳阳市屈原管理区", "湖南省", "屈原管理区", "屈管", "district", "county", 14),
)

# template -> channels: (id suffix, family, start path ({n}: the portal's number), kind, menu path);
# {rect}, {notice} and {zt} in a menu path are the portal's own words (chosen by its number, below)
_TEMPLATES: dict[str, tuple[tuple[str, str, str, str, tuple[str, ...]], ...]] = {
    "govportal": (
        ("dczg", "trs", "/ztzl/sthjbh/dczg/index.shtml", "rectification", ("专题专栏", "{zt}", "{rect}")),
        ("tzgg", "trs", "/zwgk/fdzdgknr/tzgg/index.shtml", "notices", ("政务公开", "法定主动公开内容", "{notice}")),
        ("hpgs", "ucap", "/zwgk/c2{n:02d}311/zclistf.shtml", "eia", ("政务公开", "重点领域信息公开", "环评公示")),
    ),
    "district": (
        ("dczg", "ucap", "/ztzl/c3{n:02d}507/zclistf.shtml", "rectification", ("专题专栏", "{rect}")),
        ("gsgg", "trs", "/xxgk/gsgg/index.shtml", "notices", ("信息公开", "{notice}")),
    ),
    "dept": (
        ("tzgg", "trs", "/tzgg/index.shtml", "notices", ("{notice}",)),
        ("dczg", "ucap", "/ztzl/c4{n:02d}623/zclistf.shtml", "rectification", ("专题专栏", "{rect}")),
    ),
}
_RECT_NAMES = {"govportal": ("中央生态环境保护督察整改专栏", "中央环保督察整改", "生态环境保护督察反馈问题整改"),
               "district": ("生态环境保护督察整改", "环保督察整改公示", "督察整改专栏"),
               "dept": ("督察整改落实", "中央生态环境保护督察整改", "环保督察反馈问题整改")}
_NOTICE_NAMES = ("通知公告", "公示公告", "公告公示")
_ZT_NAMES = ("生态环境保护专题", "生态文明建设", "环境保护")
SITEMAP_ONLY = 9  # the district portal whose 督察整改 column only its 网站地图 links
API_LIST = 12  # the dept portal whose 督察整改 list is a shell filled from /common/search (delivery: API)
GBK_PAGES = 4  # the govportal whose hub pages are GBK with no charset declared (an older CMS)
COMPUTED_MENU = 8  # the district portal whose script computes its menu's URLs (a browser reads it), no 网站地图 link


def _words(template: str, n: int) -> dict[str, str]:
    return {"rect": _RECT_NAMES[template][n % 3], "notice": _NOTICE_NAMES[n % 3], "zt": _ZT_NAMES[n % 3]}


def _build() -> tuple[Portal, ...]:
    portals = []
    for slug, host, name, region, place, abbr, template, level, n in _SEEDS:
        hub = SiteSpec(f"{slug}-portal", host, "portal", "http", "/", name, region, level, name, place, abbr, None)
        words = _words(template, n)
        channels = []
        for suffix, family, path, kind, menu in _TEMPLATES[template]:
            steps = tuple(step.format(**words) for step in menu)
            if n == SITEMAP_ONLY and kind == "rectification":
                steps = ("网站地图", steps[-1])
            if n == API_LIST and kind == "rectification":
                family = "ucapshell"
            site = SiteSpec(f"{slug}-{suffix}", host, family, "http", path.format(n=n), name,
                            region, level, name, place, abbr, "ucap" if family == "ucapshell" else family)
            channels.append(Channel(site, kind, steps))
        portals.append(Portal(hub, template, tuple(channels), n))
    return tuple(portals)


PORTALS: tuple[Portal, ...] = _build()
PORTAL_BY_HOST: dict[str, Portal] = {p.hub.host: p for p in PORTALS}
CITY_SITES: tuple[SiteSpec, ...] = tuple(ch.site for p in PORTALS for ch in p.channels)
PORTAL_SITES: tuple[SiteSpec, ...] = CITY_SITES + tuple(p.hub for p in PORTALS)
#: the city web's sites: the portals' channels and the provincial department sites of their provinces, whose
#: plans the portals' close-outs cite (云南省 and 辽宁省 have none: close-outs of their plans are orphans)
CITY_WEB: tuple[SiteSpec, ...] = CITY_SITES + tuple(
    s for s in ALL_SITES if s.level == "province" and s.region in {p.hub.region for p in PORTALS})


def _owners() -> dict[str, str]:
    """channel site id -> the body whose plans it publishes: a government portal or a district its own (the
    hub's id), a 发改委 / 市场监管局 its city government's (it re-posts the city's plan; it has none)."""
    city = {(p.hub.region, p.hub.place): p.hub.id for p in PORTALS if p.template == "govportal"}
    owners = {}
    for p in PORTALS:
        owner = city.get((p.hub.region, p.hub.place), p.hub.id) if p.template == "dept" else p.hub.id
        owners.update({ch.site.id: owner for ch in p.channels})
    return owners


_PLAN_OWNER = _owners()


def plan_owner(site_id: str) -> str:
    """The id whose plans a site publishes (simweb.ledger.plan_for): the body behind a portal channel,
    the site itself elsewhere (and for a region's plan no site serves)."""
    return _PLAN_OWNER.get(site_id, site_id)


def portal_site(host: str, path: str) -> SiteSpec | None:
    """The site (a channel or the hub) answering ``path`` on a portal host; None for other hosts."""
    portal = PORTAL_BY_HOST.get(host)
    return portal.channel_for(path) if portal else None


def portal_truth(sites: tuple[SiteSpec, ...]) -> list[dict]:
    """The manifest's ``portals``: per portal whose channels are listed, where each true channel is."""
    listed = {s.id for s in sites}
    return [{"host": p.hub.host, "home_url": p.hub.home_url, "name": p.hub.name, "template": p.template,
             "level": p.hub.level, "region": p.hub.region, "channels": [{"site_id": ch.site.id, "url": ch.site.start_url, "name": ch.name,
                                                 "kind": ch.kind, "menu_path": list(ch.menu_path),
                                                 "delivery": "api" if ch.site.family == "ucapshell" else "static"}
                                                for ch in p.channels]}
            for p in PORTALS if any(ch.site.id in listed for ch in p.channels)]


def operator_filled(discovered_yaml: str, truth: list[dict], provinces: str = "") -> str:
    """A sites file ``ducha discover --format yaml`` wrote, as an operator completes it: each host's region and
    level (discovery cannot know them) from the manifest's ``portals``, then ``provinces`` (sites-file entries of
    the provincial department sites the registry already watches)."""
    by_host = {p["host"]: p for p in truth}
    head, *entries = discovered_yaml.split("\n  - id: ")
    out = [head]
    for entry in entries:
        host = entry.split("start_urls:\n      - ", 1)[1].split("/", 3)[2]
        portal = by_host[host]
        out.append(re.sub(r"region: 待核实[^\n]*", f"region: {portal['region']}", entry, count=1)
                   .replace("    level: city\n", f"    level: {portal['level']}\n", 1))
    filled = "\n  - id: ".join(out)
    return filled + ("" if filled.endswith("\n") else "\n") + provinces.split("sites:\n", 1)[-1]


def menu_json(portal: Portal) -> bytes:
    """``/api/menu.json`` of a ``dept`` portal: the menu its script builds."""
    from simweb.portal_pages import top_menu

    return json.dumps({"code": 0, "data": [{"title": t, "link": u} for t, u in top_menu(portal)]},
                      ensure_ascii=False).encode("utf-8")


def score_discovery(truth: list[dict], found: dict[str, list[str]], *, top: int = 3) -> dict:
    """Recall and precision of discovery's ``top`` channels against the manifest's ``portals``.

    ``found`` maps each portal's home URL to the channel URLs discovery proposed, best first.
    Returns totals and one row per portal (true channels, found among the top, wrong among the top)."""
    rows, hit, miss, wrong = [], 0, 0, 0
    for portal in truth:
        true = {c["url"] for c in portal["channels"]}
        best = set(found.get(portal["home_url"], [])[:top])
        rows.append({"host": portal["host"], "template": portal["template"], "true": len(true),
                     "found": len(true & best), "wrong": len(best - true)})
        hit, miss, wrong = hit + len(true & best), miss + len(true - best), wrong + len(best - true)
    return {"recall": hit / (hit + miss) if hit + miss else 1.0,
            "precision": hit / (hit + wrong) if hit + wrong else 1.0, "portals": rows}
