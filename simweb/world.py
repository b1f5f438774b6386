"""The simulated world: postings per site, their state on each day, and lookups for the server.

Deterministic from the seed. Skeletons (type, title, URL) are cheap and built per site on first use;
bodies and attachment bytes are built on demand and cached. Day d's state is day d-1's state plus
that day's changes (`simweb.evolution`); only changed postings are stored (overrides).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import threading
from dataclasses import dataclass
from urllib.parse import unquote

from simweb.attachments import CONTENT_TYPES, attachment_bytes
from simweb.bodies import AttachmentText, attachment_text, body_paragraphs
from simweb.corpus import Skeleton, make_skeleton, objection, rng_for, stated_date, title_for
from simweb.families import FAMILIES
from simweb.scan_postings import (
    BODY_IMAGE,
    ImageParagraph,
    body_image_path,
    image_body,
    scan_form,
    scan_skeleton,
    view_kind,
)
from simweb.sites import SiteSpec, site_by_id, site_set

logger = logging.getLogger(__name__)

IDENT0 = 4_000_000
TZ = dt.timezone(dt.timedelta(hours=8))


@functools.lru_cache(maxsize=8192)
def _sha256(kind: str, content: AttachmentText) -> str:
    return hashlib.sha256(attachment_bytes(kind, content)).hexdigest()


@dataclass(frozen=True)
class DocState:
    """A posting's state on one day."""

    key: str
    first_day: int
    url_date: dt.date  # date baked into the URL (creation)
    nominal: dt.date  # date the document carried when created (drives stated date, objection window)
    list_date: dt.date  # CMS/list date shown now
    seq: int
    title_rev: int = 0
    body_rev: int = 0
    att_revs: tuple[int, ...] = ()
    version: int = 1
    status: str = "live"
    removal: str | None = None
    backdated_on_arrival: bool = False
    changed_day: int = 0


@dataclass(frozen=True)
class ListEntry:
    """One row of a list page."""

    key: str
    path: str
    url: str
    title: str
    date: dt.date
    doc_type: str
    ident: int


@dataclass(frozen=True)
class AttView:
    """An attachment of a posting as served on one day."""

    index: int
    path: str
    url: str
    label: str
    kind: str
    content: AttachmentText
    probe: str
    content_type: str

    @property
    def data(self) -> bytes:
        """The file's bytes (built on first use, cached)."""
        return attachment_bytes(self.kind, self.content)

    @property
    def sha256(self) -> str:
        """sha256 of the bytes."""
        return _sha256(self.kind, self.content)


@dataclass(frozen=True)
class DocView:
    """Everything needed to render or describe a posting on one day."""

    site: SiteSpec
    skel: Skeleton
    state: DocState
    path: str
    url: str
    title: str
    paragraphs: tuple[str, ...]
    attachments: tuple[AttView, ...]
    pub_datetime: dt.datetime
    stated: dt.date
    etag: str
    last_modified: dt.datetime

    @property
    def body_text(self) -> str:
        """Canonical body: paragraphs joined by newlines (images of text left out)."""
        return "\n".join(p.replace("\t", " ") for p in self.paragraphs if not isinstance(p, ImageParagraph))

    @property
    def body_images(self) -> tuple[ImageParagraph, ...]:
        """Paragraphs shown as images (a notice published as a scan)."""
        return tuple(p for p in self.paragraphs if isinstance(p, ImageParagraph))


class _SiteData:
    """Per-site skeletons and the path index (built once)."""

    def __init__(self, world: World, site: SiteSpec) -> None:
        self.site = site
        self.family = FAMILIES[site.family]
        n = world.docs_per_site
        rng = rng_for(world.seed, site.id, "dates")
        factor = min(1.0, 2900 / (2.7 * n)) if n > 1000 else 1.0
        d = world.start_date
        self.base_dates: list[dt.date] = []
        for _ in range(n):
            gap = rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 6))
            d -= dt.timedelta(days=int(gap * factor + rng.random()) if factor < 1 else gap)
            self.base_dates.append(d)
        self.skeletons: dict[str, Skeleton] = {}
        self.paths: dict[str, str] = {}
        self.index: dict[str, tuple[str, int]] = {}  # unquoted path -> (key, attachment index or -1)
        self.lock = threading.Lock()


class World:
    """The simulated provincial web: `World(seed=1, docs_per_site=40, start_date=date(2026, 11, 2))`.

    ``sites`` names the set listed in its sites file and manifest: ``classic`` (the eight sites the
    crawl tests use), ``script`` (the script-driven sites of issue 10) or ``all``; every site answers.
    """

    def __init__(self, seed: int = 1, docs_per_site: int = 40,
                 start_date: dt.date = dt.date(2026, 11, 2), scans: int = 0, sites: str = "classic") -> None:
        self.seed = seed
        self.scans = scans  # one posting in `scans` is published as a scan (simweb.scan_postings); 0: none
        self.docs_per_site = docs_per_site
        self.start_date = start_date
        self.site_set = sites
        self.sites = site_set(sites)
        self._data: dict[str, _SiteData] = {}
        self._lock = threading.RLock()
        self._overrides: dict[tuple[str, int], dict[str, DocState]] = {}
        self._changes: dict[tuple[str, int], list[dict]] = {}
        self._lists: dict[tuple[str, int], list[ListEntry]] = {}

    # -- dates and identities ---------------------------------------------------------------
    def date_of(self, day: int) -> dt.date:
        """The simulated calendar date of day `day`."""
        return self.start_date + dt.timedelta(days=day)

    def data(self, site_id: str) -> _SiteData:
        """Per-site data, built on first use."""
        with self._lock:
            sd = self._data.get(site_id)
            if sd is None:
                sd = self._data[site_id] = _SiteData(self, site_by_id(site_id))
                for i in range(self.docs_per_site):
                    self._register(sd, f"b{i}", IDENT0 - 7 * i, sd.base_dates[i])
            return sd

    def _register(self, sd: _SiteData, key: str, ident: int, url_date: dt.date) -> None:
        skel = make_skeleton(self.seed, sd.site, key, url_date, ident)
        form = scan_form(self.scans, key)
        if form is not None:
            skel = scan_skeleton(skel, form)
        path = sd.family.detail_path(sd.site, skel, url_date)
        if form == "body":
            sd.index[unquote(body_image_path(path, skel.ident))] = (key, BODY_IMAGE)
        sd.skeletons[key] = skel
        sd.paths[key] = path
        sd.index[unquote(path)] = (key, -1)
        for k in range(len(skel.attachments)):
            sd.index[unquote(sd.family.attachment_path(sd.site, skel, url_date, path, k))] = (key, k)

    def register_new(self, site_id: str, day: int, j: int) -> str:
        """Create (idempotently) the j-th posting that first appears on `day`; returns its key."""
        sd = self.data(site_id)
        key = f"n{day}-{j}"
        with self._lock:
            if key not in sd.skeletons:
                self._register(sd, key, IDENT0 + 50 * day + j + 1, self.date_of(day))
        return key

    def skeleton(self, site_id: str, key: str) -> Skeleton:
        """Skeleton of a registered posting."""
        return self.data(site_id).skeletons[key]

    # -- state per day ----------------------------------------------------------------------
    def base_state(self, site_id: str, key: str) -> DocState:
        """Day-0 state of a base posting."""
        sd = self.data(site_id)
        i = int(key[1:])
        d = sd.base_dates[i]
        n_att = len(sd.skeletons[key].attachments)
        return DocState(key=key, first_day=0, url_date=d, nominal=d, list_date=d, seq=-i, att_revs=(0,) * n_att)

    def overrides(self, site_id: str, day: int) -> dict[str, DocState]:
        """States that differ from the base state on `day` (includes every posting new since day 0)."""
        from simweb.evolution import evolve

        if day <= 0:
            return {}
        with self._lock:
            got = self._overrides.get((site_id, day))
            if got is None:
                prev = self.overrides(site_id, day - 1)
                got, changes = evolve(self, site_id, day, prev)
                self._overrides[(site_id, day)] = got
                self._changes[(site_id, day)] = changes
            return got

    def state(self, site_id: str, key: str, day: int) -> DocState | None:
        """State of posting `key` on `day` (None if it has not appeared yet)."""
        st = self.overrides(site_id, day).get(key)
        if st is not None:
            return st
        if key.startswith("b"):
            return self.base_state(site_id, key)
        return None

    def changes(self, site_id: str, day: int) -> list[dict]:
        """Changes that happened on `day` (day 0: every posting is new)."""
        if day <= 0:
            sd = self.data(site_id)
            return [{"day": 0, "site_id": site_id, "url": sd.site.url(sd.paths[f"b{i}"]), "kind": "new",
                     "detail": {}} for i in range(self.docs_per_site)]
        self.overrides(site_id, day)
        return self._changes[(site_id, day)]

    def keys(self, site_id: str, day: int) -> list[str]:
        """Every posting that has appeared by `day` (live or removed)."""
        base = [f"b{i}" for i in range(self.docs_per_site)]
        return base + [k for k in self.overrides(site_id, day) if k.startswith("n")]

    def list_entries(self, site_id: str, day: int) -> list[ListEntry]:
        """Live postings on `day`, newest first (list date, then posting order)."""
        with self._lock:
            got = self._lists.get((site_id, day))
            if got is not None:
                return got
            sd = self.data(site_id)
            ov = self.overrides(site_id, day)
            rows = []
            for key in self.keys(site_id, day):
                st = ov.get(key) or self.base_state(site_id, key)
                if st.status == "live":
                    rows.append((st.list_date, st.seq, key, st.title_rev))
            rows.sort(reverse=True)
            got = [self._entry(sd, key, d, rev) for d, _, key, rev in rows]
            self._lists[(site_id, day)] = got
            return got

    def _entry(self, sd: _SiteData, key: str, d: dt.date, rev: int) -> ListEntry:
        skel = sd.skeletons[key]
        path = sd.paths[key]
        return ListEntry(key=key, path=path, url=sd.site.url(path), title=title_for(skel, rev), date=d,
                         doc_type=skel.doc_type, ident=skel.ident)

    # -- lookups and views ------------------------------------------------------------------
    def lookup(self, site_id: str, path: str) -> tuple[str, int] | None:
        """(key, attachment index or -1) for an unquoted path (with '?query' if any)."""
        return self.data(site_id).index.get(path)

    def doc_view(self, site_id: str, key: str, day: int) -> DocView | None:
        """The posting as it stands on `day`, or None if it has not appeared yet."""
        st = self.state(site_id, key, day)
        if st is None:
            return None
        return self._view(site_id, key, st)

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - World lives as long as the process
    def _view(self, site_id: str, key: str, st: DocState) -> DocView:
        sd = self.data(site_id)
        site, skel, path = sd.site, sd.skeletons[key], sd.paths[key]
        paras = body_paragraphs(self.seed, site, skel, st.nominal, st.body_rev)
        if skel.params.get("scan") == "body":
            paras = image_body(paras, path, skel.ident)
        atts = []
        for k, spec in enumerate(skel.attachments):
            content = attachment_text(self.seed, site, skel, k, st.att_revs[k])
            apath = sd.family.attachment_path(site, skel, st.url_date, path, k)
            kind = view_kind(skel, k, spec.kind)
            atts.append(AttView(k, apath, site.url(apath), spec.label, kind, content, content.probe,
                                CONTENT_TYPES[kind]))
        h, m, s = 8 + skel.ident % 10, (skel.ident * 7) % 60, (skel.ident * 13) % 60
        pub = dt.datetime.combine(st.list_date, dt.time(h, m, s), TZ)
        if st.changed_day > 0:
            lm = dt.datetime.combine(self.date_of(st.changed_day), dt.time(8, 30), TZ)
        else:
            lm = dt.datetime.combine(st.url_date, dt.time(h, m, s), TZ)
        etag_src = f"{self.seed}|{site_id}|{key}|{st.version}|{st.title_rev}|{st.body_rev}|{st.att_revs}|{st.list_date}"
        etag = '"' + hashlib.sha256(etag_src.encode()).hexdigest()[:16] + '"'
        return DocView(site=site, skel=skel, state=st, path=path, url=site.url(path),
                       title=title_for(skel, st.title_rev), paragraphs=paras, attachments=tuple(atts),
                       pub_datetime=pub, stated=stated_date(skel, st.nominal), etag=etag,
                       last_modified=lm.astimezone(dt.UTC))

    def objection(self, view: DocView) -> dict | None:
        """Objection window of a 公示 posting (None for other types)."""
        return objection(view.skel, view.state.nominal)

    def manifest(self, day: int, site_id: str | None = None, *, hashes: bool = True) -> dict:
        """Ground truth for `day` (docs/ARCHITECTURE.md, "Manifest"); `site_id` limits it to one site;
        `hashes=False` leaves out attachment sha256/size (no file is built: fast with 10,000 postings)."""
        from simweb.manifest import build_manifest

        return build_manifest(self, day, site_id, hashes=hashes)

    def replace(self, st: DocState, **changes: object) -> DocState:
        """A copy of `st` with `changes` (helper for evolution)."""
        return dataclasses.replace(st, **changes)
