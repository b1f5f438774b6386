"""The simulated sites: real host names, their CMS family and start URLs (docs/ARCHITECTURE.md)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SiteSpec:
    """One simulated site."""

    id: str
    host: str
    family: str
    scheme: str
    start_path: str
    name: str
    region: str
    level: str
    publisher: str
    place: str  # the place the documents talk about (province or city)
    abbr: str  # 文号 prefix, e.g. 川环委
    profile: str | None  # the profile hint written to sites.yaml (None: generic discovery)
    api_host: str | None = None  # a second host serving the site's list API (api.hunan.gov.cn)
    options: tuple[tuple[str, str], ...] = ()  # extra sites.yaml keys (challenge: browser, ...)
    default_fault: str = "none"  # the fault profile the site starts with (a challenge it always has)

    @property
    def start_url(self) -> str:
        """The channel list page the crawler starts from."""
        return f"{self.scheme}://{self.host}{self.start_path}"

    @property
    def home_url(self) -> str:
        """The site's home page."""
        return f"{self.scheme}://{self.host}/"

    def url(self, path: str) -> str:
        """Absolute real URL for a path on this site."""
        return f"{self.scheme}://{self.host}{path}"


SITES: tuple[SiteSpec, ...] = (
    SiteSpec("mee", "www.mee.gov.cn", "trs", "https", "/ywgz/zysthjbhdc/dczg/index.shtml",
             "中华人民共和国生态环境部", "全国", "national", "生态环境部", "河北省", "环督察", "trs"),
    SiteSpec("hn-sthjt", "sthjt.hunan.gov.cn", "trs", "http", "/sthjt/xxgk/tzgg/index.html",
             "湖南省生态环境厅", "湖南省", "province", "湖南省生态环境厅", "湖南省", "湘环委", "trs"),
    SiteSpec("js-sthjt", "sthjt.jiangsu.gov.cn", "hanweb", "http", "/col/col84025/index.html",
             "江苏省生态环境厅", "江苏省", "province", "江苏省生态环境厅", "江苏省", "苏环委", "hanweb"),
    SiteSpec("sc-sthjt", "sthjt.sc.gov.cn", "ucap", "https", "/sthjt/c104378/zclistf.shtml",
             "四川省生态环境厅", "四川省", "province", "四川省生态环境厅", "四川省", "川环委", "ucap"),
    SiteSpec("gd-gdee", "gdee.gd.gov.cn", "nfcms", "http", "/ggtz3126/index.html",
             "广东省生态环境厅", "广东省", "province", "广东省生态环境厅", "广东省", "粤环委", "nfcms"),
    SiteSpec("hb-sthjt", "sthjt.hubei.gov.cn", "trs", "http", "/fbjd/tzgg/index.shtml",
             "湖北省生态环境厅", "湖北省", "province", "湖北省生态环境厅", "湖北省", "鄂环委", "trs"),
    SiteSpec("zt-sthjj", "sthjj.zt.gov.cn", "legacy", "http", "/list.asp?classid=12",
             "昭通市生态环境局", "云南省", "city", "昭通市生态环境局", "昭通市", "昭环委", "legacy"),
    SiteSpec("pj-sthjj", "sthjj.panjin.gov.cn", "generic", "http", "/xxgk/gsgg/",
             "盘锦市生态环境局", "辽宁省", "city", "盘锦市生态环境局", "盘锦市", "盘环委", None),
)

# Script-driven sites (issue 10): lists delivered by an API the page's script calls.  Served by every
# simulated web, but only listed in sites.yaml / the manifest of a World built with sites="script" or "all".
SCRIPT_SITES: tuple[SiteSpec, ...] = (
    SiteSpec("jx-sthjt", "sthjt.jiangxi.gov.cn", "jpaas", "https", "/jxssthjt/col/col42150/index.html",
             "江西省生态环境厅", "江西省", "province", "江西省生态环境厅", "江西省", "赣环委", "jpaas"),
    SiteSpec("cs-sthjj", "sthjj.changsha.gov.cn", "hunansearch", "http", "/zfxxgk/tzgg/list_tyxx.html",
             "长沙市生态环境局", "湖南省", "city", "长沙市生态环境局", "长沙市", "长环委", "hunan",
             api_host="api.hunan.gov.cn"),
    SiteSpec("gs-sthj", "sthj.gansu.gov.cn", "ucapshell", "https", "/sthj/c105992/xxgk_list.shtml",
             "甘肃省生态环境厅", "甘肃省", "province", "甘肃省生态环境厅", "甘肃省", "甘环委", "ucap",
             options=(("challenge", "browser"),)),
    SiteSpec("wx-sthjj", "sthjj.wuxi.gov.cn", "hanwebpost", "http", "/col/col8131/index.html",
             "无锡市生态环境局", "江苏省", "city", "无锡市生态环境局", "无锡市", "锡环委", "hanweb",
             options=(("hanweb_method", "post"), ("challenge", "browser")), default_fault="challenge"),
    SiteSpec("bs-sthjj", "sthjj.baoshan.gov.cn", "spa", "http", "/zwgk/tzgg/index.html",
             "保山市生态环境局", "云南省", "city", "保山市生态环境局", "保山市", "保环委", None),
    SiteSpec("ws-sthjj", "sthjj.ws.gov.cn", "spadom", "http", "/xxgk/gsgg/index.html",
             "文山州生态环境局", "云南省", "city", "文山州生态环境局", "文山州", "文环委", None),
)
SITE_SETS: dict[str, tuple[SiteSpec, ...]] = {"classic": SITES, "script": SCRIPT_SITES, "all": SITES + SCRIPT_SITES}
ALL_SITES = SITE_SETS["all"]
SITE_BY_ID: dict[str, SiteSpec] = {s.id: s for s in ALL_SITES}
SITE_BY_HOST: dict[str, SiteSpec] = {s.host: s for s in ALL_SITES}
API_HOSTS: dict[str, tuple[SiteSpec, ...]] = {}
for _s in ALL_SITES:
    if _s.api_host:
        API_HOSTS[_s.api_host] = (*API_HOSTS.get(_s.api_host, ()), _s)


def site_set(name: str) -> tuple[SiteSpec, ...]:
    """The simulated sites of a named set: classic (default), script, all, or city (the channels of the
    city and district portals and the provincial department sites of their provinces, simweb.portals)."""
    if name == "city":
        from simweb.portals import CITY_WEB

        return CITY_WEB
    if name not in SITE_SETS:
        raise ValueError(f"unknown site set {name!r}; choose one of {', '.join(SITE_SETS)}, city")
    return SITE_SETS[name]


def served_sites() -> tuple[SiteSpec, ...]:
    """Every site the simulated web answers for: ALL_SITES, then the portals' channels and hubs."""
    from simweb.portals import PORTAL_SITES

    return ALL_SITES + PORTAL_SITES


def site_by_id(site_id: str) -> SiteSpec:
    """A served site by id (KeyError when unknown)."""
    if site_id in SITE_BY_ID:
        return SITE_BY_ID[site_id]
    return {s.id: s for s in served_sites()}[site_id]


def sites_yaml(sites: tuple[SiteSpec, ...] = SITES) -> str:
    """A sites file (contract YAML format) for the simulated sites, with their real hosts."""
    lines = ["# Sites served by the simulated provincial web (simweb).", "sites:"]
    for s in sites:
        lines += [
            f"  - id: {s.id}",
            f"    name: {s.name}",
            f"    region: {s.region}",
            f"    level: {s.level}",
            "    start_urls:",
            f"      - {s.start_url}",
        ]
        if s.profile:
            lines.append(f"    profile: {s.profile}")
        lines += [f"    {key}: {value}" for key, value in s.options]
    return "\n".join(lines) + "\n"
