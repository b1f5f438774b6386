"""The site registry: a YAML sites file read into validated :class:`Site` records.

Format (see the contract)::

    sites:
      - id: sc-sthjt                  # unique, [a-z0-9-]+
        name: 四川省生态环境厅
        region: 四川省
        level: province               # national | province | city | county
        start_urls: [https://sthjt.sc.gov.cn/sthjt/c104378/zclistf.shtml]
        profile: ucap                 # optional: trs | hanweb | ucap | nfcms | generic
        options: {max_pages: 5}       # optional hints for the profile and the spider

Any other key of a site is kept in ``options`` too, so hints may also sit at the top level.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from crawler.errors import SitesFileError, UnknownSiteError
from spiders.profiles import ALIASES as PROFILE_ALIASES
from spiders.profiles import PROFILES

logger = logging.getLogger(__name__)

LEVELS = ("national", "province", "city", "county")
_ID = re.compile(r"^[a-z0-9-]+$")
_KNOWN_KEYS = {"id", "name", "region", "level", "start_urls", "profile", "options"}


@dataclass(frozen=True)
class Site:
    """One watched site: its channels (start URLs), list profile and options."""

    id: str
    name: str
    region: str
    level: str
    start_urls: tuple[str, ...]
    profile: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def host(self) -> str:
        """The host of the first start URL."""
        return re.sub(r"^https?://([^/:?#]+).*$", r"\1", self.start_urls[0])


def bundled_sites_path() -> Path:
    """The registry of real sites shipped with the package (``spiders/sites.yaml``)."""
    return Path(str(resources.files("spiders").joinpath("sites.yaml")))


def _fail(where: str, message: str) -> SitesFileError:
    return SitesFileError(f"{where}: {message}")


def _site_from(raw: Any, index: int, source: str) -> Site:
    if not isinstance(raw, dict):
        raise _fail(f"{source}: site #{index + 1}", "each site must be a mapping of keys")
    sid = raw.get("id")
    where = f"{source}: site {sid!r}" if sid else f"{source}: site #{index + 1}"
    if not isinstance(sid, str) or not _ID.match(sid):
        raise _fail(where, f"field 'id' must match [a-z0-9-]+ (got {sid!r})")
    for key in ("name", "region"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(where, f"field {key!r} is required (a non-empty string)")
    level = raw.get("level")
    if level not in LEVELS:
        raise _fail(where, f"field 'level' must be one of {', '.join(LEVELS)} (got {level!r})")
    urls = raw.get("start_urls")
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or not urls:
        raise _fail(where, "field 'start_urls' needs at least one http(s) URL")
    for url in urls:
        if not isinstance(url, str) or not re.match(r"^https?://[^/\s]+", url):
            raise _fail(where, f"field 'start_urls' has a non-http(s) URL: {url!r}")
    profile = raw.get("profile")
    if profile is not None and (
        not isinstance(profile, str) or PROFILE_ALIASES.get(profile.lower(), profile.lower()) not in PROFILES
    ):
        raise _fail(where, f"field 'profile' must be one of {', '.join(sorted(PROFILES))} (got {profile!r})")
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise _fail(where, "field 'options' must be a mapping")
    extras = {k: v for k, v in raw.items() if k not in _KNOWN_KEYS}
    return Site(id=sid, name=raw["name"].strip(), region=raw["region"].strip(), level=level,
                start_urls=tuple(urls), profile=profile, options={**extras, **options})


def parse_sites(data: Any, *, source: str = "sites file") -> list[Site]:
    """Validated sites from already-loaded YAML ``data`` (``{"sites": [...]}`` or a bare list)."""
    if isinstance(data, dict):
        data = data.get("sites")
    if not isinstance(data, list):
        raise SitesFileError(f"{source}: expected a top-level 'sites:' list")
    sites = [_site_from(raw, i, source) for i, raw in enumerate(data)]
    seen: set[str] = set()
    for site in sites:
        if site.id in seen:
            raise SitesFileError(f"{source}: site {site.id!r}: field 'id' is used by more than one site")
        seen.add(site.id)
    return sites


def load_sites(path: str | Path | None = None) -> list[Site]:
    """The sites of a YAML sites file; the bundled registry when ``path`` is ``None``."""
    file = Path(path) if path is not None else bundled_sites_path()
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SitesFileError(f"{file}: not valid YAML: {exc}") from exc
    sites = parse_sites(data, source=str(file))
    logger.debug("loaded %d sites from %s", len(sites), file)
    return sites


def select_sites(sites_file: str | Path | None = None, site_ids: list[str] | tuple[str, ...] = ()) -> list[Site]:
    """The sites a run crawls: the sites file (default: the bundled registry), only ``site_ids`` if given.

    The one place where a sites file is read and filtered; the runner calls it once per run and passes
    the result down to the spider and the middlewares.
    """
    source = sites_file or bundled_sites_path()
    sites = load_sites(source)
    if site_ids:
        unknown = sorted(set(site_ids) - {s.id for s in sites})
        if unknown:
            raise UnknownSiteError(f"unknown site id(s) {', '.join(unknown)} in {source};"
                                   f" valid site ids: {', '.join(s.id for s in sites)}")
        sites = [s for s in sites if s.id in set(site_ids)]
    return sites
