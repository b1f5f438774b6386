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

One bad entry does not refuse the file: the valid sites are returned (a :class:`Sites` list) and each
bad entry is in ``Sites.rejected`` under its id (or ``site #N``) with the reason, for the run to fail
it by name.  Only a file that is unreadable, not YAML or without a ``sites:`` list is refused whole.
URL schemes and hosts are case-insensitive and stored lower-case (``HTTPS://A.GOV.CN/X`` →
``https://a.gov.cn/X``).
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
_KNOWN_KEYS = {"id", "name", "region", "level", "start_urls", "profile", "options", "node"}
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#\s]+)(.*)$", re.DOTALL)


class Sites(list):
    """The valid sites of a sites file, in file order; ``rejected`` maps each bad entry to why it was refused."""

    def __init__(self, sites: list[Site] | tuple[Site, ...] = (), rejected: dict[str, str] | None = None) -> None:
        super().__init__(sites)
        self.rejected: dict[str, str] = dict(rejected or {})


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
    node: str | None = None  # the crawl node that crawls this site (``ducha crawl --node``); None: the archive's

    @property
    def host(self) -> str:
        """The host of the first start URL."""
        return re.sub(r"^https?://([^/:?#]+).*$", r"\1", self.start_urls[0])


def bundled_sites_path() -> Path:
    """The registry of real sites shipped with the package (``spiders/sites.yaml``)."""
    return Path(str(resources.files("spiders").joinpath("sites.yaml")))


def city_sites_path() -> Path:
    """The registry of prefecture-level bodies (``spiders/sites-cities.yaml``), shipped but not the default."""
    return bundled_sites_path().with_name("sites-cities.yaml")


def _fail(where: str, message: str) -> SitesFileError:
    return SitesFileError(f"{where}: {message}")


def normalise_url(url: object) -> str | None:
    """An http(s) URL with its scheme and host in lower case (the rest untouched); None if it is not one."""
    found = _URL.match(url.strip()) if isinstance(url, str) else None
    if not found or found.group(1).lower() not in ("http", "https"):
        return None
    userinfo, at, host = found.group(2).rpartition("@")
    return f"{found.group(1).lower()}://{userinfo}{at}{host.lower()}{found.group(3)}"


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
    normalised = [normalise_url(url) for url in urls]
    for url, norm in zip(urls, normalised, strict=True):
        if norm is None:
            raise _fail(where, f"field 'start_urls' has a non-http(s) URL: {url!r}")
    profile = raw.get("profile")
    if profile is not None and (
        not isinstance(profile, str) or PROFILE_ALIASES.get(profile.lower(), profile.lower()) not in PROFILES
    ):
        raise _fail(where, f"field 'profile' must be one of {', '.join(sorted(PROFILES))} (got {profile!r})")
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise _fail(where, "field 'options' must be a mapping")
    node = raw.get("node")
    if node is not None and (not isinstance(node, str) or not _ID.match(node)):
        raise _fail(where, f"field 'node' must be a node name matching [a-z0-9-]+ (got {node!r})")
    extras = {k: v for k, v in raw.items() if k not in _KNOWN_KEYS}
    return Site(id=sid, name=raw["name"].strip(), region=raw["region"].strip(), level=level,
                start_urls=tuple(u for u in normalised if u), profile=profile, options={**extras, **options},
                node=node)


def _label(raw: Any, index: int) -> str:
    """How a run names an entry: its id when it has a usable one, else its position (``site #3``)."""
    sid = raw.get("id") if isinstance(raw, dict) else None
    return sid if isinstance(sid, str) and sid.strip() else f"site #{index + 1}"


def parse_sites(data: Any, *, source: str = "sites file") -> Sites:
    """Validated sites from already-loaded YAML ``data`` (``{"sites": [...]}`` or a bare list).

    Raises ``SitesFileError`` only when there is no list of sites; a bad entry (and every entry of an
    id used twice) goes to ``rejected``.
    """
    if isinstance(data, dict):
        data = data.get("sites")
    if not isinstance(data, list):
        raise SitesFileError(f"{source}: expected a top-level 'sites:' list")
    labels = [_label(raw, i) for i, raw in enumerate(data)]
    result = Sites()
    for index, raw in enumerate(data):
        label = labels[index]
        if labels.count(label) > 1 and not label.startswith("site #"):
            entries = " and ".join(f"#{i + 1}" for i, other in enumerate(labels) if other == label)
            result.rejected[label] = (f"{source}: site {label!r}: field 'id' is used by more than one site "
                                      f"(entries {entries})")
            continue
        try:
            result.append(_site_from(raw, index, source))
        except SitesFileError as exc:
            result.rejected[label] = str(exc)
    return result


def load_sites(path: str | Path | None = None) -> Sites:
    """The sites of a YAML sites file; the bundled registry when ``path`` is ``None``."""
    file = Path(path) if path is not None else bundled_sites_path()
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SitesFileError(f"{file}: cannot read the sites file: {exc}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SitesFileError(f"{file}: not valid YAML: {exc}") from exc
    sites = parse_sites(data, source=str(file))
    logger.debug("loaded %d sites from %s (%d entries refused)", len(sites), file, len(sites.rejected))
    return sites


def select_sites(sites_file: str | Path | None = None, site_ids: list[str] | tuple[str, ...] = ()) -> Sites:
    """The sites a run crawls: the sites file (default: the bundled registry), only ``site_ids`` if given.

    The one place where a sites file is read and filtered; the runner calls it once per run and passes
    the result down to the spider and the middlewares.  Refused entries stay in ``rejected`` (only the
    chosen ones when ``site_ids`` is given), each logged as an error.
    """
    source = sites_file or bundled_sites_path()
    sites = load_sites(source)
    if site_ids:
        unknown = sorted(set(site_ids) - {s.id for s in sites} - set(sites.rejected))
        if unknown:
            known = sorted({s.id for s in sites} | set(sites.rejected))
            shown = ", ".join(known[:40]) + (f" … ({len(known)} in all)" if len(known) > 40 else "")
            raise UnknownSiteError(f"unknown site id(s) {', '.join(unknown)} in {source};"
                                   f" valid site ids: {shown}")
        sites = Sites([s for s in sites if s.id in set(site_ids)],
                      {k: v for k, v in sites.rejected.items() if k in set(site_ids)})
    if not sites and sites.rejected:
        raise SitesFileError(f"no valid site to crawl in {source}: " + "; ".join(sites.rejected.values()))
    for label, reason in sites.rejected.items():
        logger.error("sites file entry %s refused: %s", label, reason)
    return sites


def for_node(sites: Sites, node: str | None) -> Sites:
    """The sites a crawl on ``node`` takes (those pinned to it); ``None``: the archive machine's own crawl,
    which leaves the pinned sites to their nodes.  Refused entries stay listed."""
    chosen = [s for s in sites if s.node == node]
    skipped = [s.id for s in sites if s.node != node]
    if skipped:
        logger.info("%d site(s) left to other crawl nodes: %s", len(skipped), ", ".join(skipped))
    return Sites(chosen, sites.rejected)
