"""The manifest: ground truth of what the simulated web serves on one day."""
from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from simweb.ledger import ledger_truth
from simweb.portals import portal_truth
from simweb.scan_postings import ground_truth

if TYPE_CHECKING:
    from simweb.world import DocView, World

logger = logging.getLogger(__name__)


def _url_date(view: DocView) -> str | None:
    """The date a reader can see in the URL (None for families whose URLs carry no full date)."""
    return view.state.url_date.isoformat() if view.site.family not in ("nfcms", "legacy", "jpaas") else None


def posting_record(world: World, view: DocView, *, hashes: bool = True) -> dict:
    """One manifest posting (`hashes=False`: attachments without sha256/size, no file is built)."""
    st = view.state
    body = view.body_text
    list_date = st.list_date.isoformat()
    return {
        "site_id": view.site.id,
        "url": view.url,
        "title": view.title,
        "doc_type": view.skel.doc_type,
        "publish_date": list_date,
        "cms_date": list_date,
        "list_date": list_date,
        "stated_date": view.stated.isoformat(),
        "url_date": _url_date(view),
        "first_day": st.first_day,
        "status": st.status,
        "removal": st.removal,
        "backdated_on_arrival": st.backdated_on_arrival,
        "body_text": body,
        "body_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        "doc_numbers": [view.skel.doc_number] if view.skel.doc_number else [],
        "publisher": view.site.publisher,
        "objection": world.objection(view),
        "attachments": [{"url": a.url, "name": a.label, "kind": a.kind, "content_type": a.content_type,
                         "text_probe": a.probe,
                         **({"sha256": a.sha256, "size": len(a.data)} if hashes else {}),
                         **({"scan": ground_truth(a.kind, a.content)} if a.kind in ("scanpdf", "jpg") else {})}
                        for a in view.attachments],
        **({"body_images": [{"url": view.site.url(p.src), "scan": {"pages": [
            {"kind": p.spec.kind, "dpi": p.spec.dpi, "text": p.spec.text}]}} for p in view.body_images]}
           if view.body_images else {}),
        "version": st.version,
        "etag": view.etag,
    }


def build_manifest(world: World, day: int, site_id: str | None = None, *, hashes: bool = True) -> dict:
    """The manifest of `day` as a JSON-ready dict (optionally one site only; see `posting_record`)."""
    sites, postings, changes = [], [], []
    views: list[DocView] = []
    for site in world.sites:
        if site_id is not None and site.id != site_id:
            continue
        sites.append({"id": site.id, "host": site.host, "family": site.family, "start_urls": [site.start_url],
                      "name": site.name, "region": site.region, "level": site.level, "profile": site.profile})
        for key in world.keys(site.id, day):
            view = world.doc_view(site.id, key, day)
            if view is not None:
                postings.append(posting_record(world, view, hashes=hashes))
                views.append(view)
        changes.extend(world.changes(site.id, day))
    return {"day": day, "date": world.date_of(day).isoformat(), "seed": world.seed,
            "docs_per_site": world.docs_per_site, "sites": sites, "postings": postings, "changes": changes,
            "ledger": ledger_truth(world.seed, views), **({"portals": portal_truth(world.sites)}
                                                          if world.site_set == "city" else {})}
