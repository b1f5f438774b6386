"""Day-by-day changes of a site: new postings, silent edits, retitles, replaced attachments,
backdating, removals (404 / soft-404 / redirect to home) and restorations.

Deterministic: day d of site s draws from `Random(f"{seed}:{s}:day:{d}")`. The schedule guarantees
that every site sees every kind of change by day 5 (kinds alternate with the parity of day + site).
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from simweb.corpus import rng_for, title_for
from simweb.sites import served_sites

if TYPE_CHECKING:
    from simweb.world import DocState, World

logger = logging.getLogger(__name__)

REMOVAL_STYLES = ("404", "soft404", "redirect_home")


def _pick(rng, candidates: list[str], used: set[str], count: int) -> list[str]:
    """Up to `count` distinct keys, biased towards the top of the list (recent postings)."""
    out: list[str] = []
    tries = 0
    while len(out) < count and tries < count * 20 and candidates:
        tries += 1
        key = candidates[int(len(candidates) * rng.random() ** 2)]
        if key not in used:
            used.add(key)
            out.append(key)
    return out


def evolve(world: World, site_id: str, day: int, prev: dict[str, DocState]) -> tuple[dict[str, DocState], list[dict]]:
    """Overrides and change records of `day`, from the overrides of day - 1."""
    served = served_sites()
    si = next(i for i, s in enumerate(served) if s.id == site_id)
    site = served[si]
    rng = rng_for(world.seed, site_id, "day", day)
    scale = min(10, 1 + world.docs_per_site // 400)
    parity = (day + si) % 2
    today = world.date_of(day)
    out = dict(prev)
    changes: list[dict] = []
    sd = world.data(site_id)

    def cur(key: str) -> DocState:
        return out.get(key) or world.base_state(site_id, key)

    def record(key: str, kind: str, **detail: object) -> None:
        changes.append({"day": day, "site_id": site_id, "url": site.url(sd.paths[key]), "kind": kind,
                        "detail": detail})

    live = [e.key for e in world.list_entries(site_id, day - 1)]
    removed = sorted((k for k, st in prev.items() if st.status == "removed"), key=lambda k: (k[0], k))
    used: set[str] = set()

    for key in _pick(rng, live, used, scale):
        st = cur(key)
        out[key] = world.replace(st, body_rev=st.body_rev + 1, version=st.version + 1, changed_day=day)
        record(key, "edit_body", body_rev=st.body_rev + 1)
    if parity == 1:
        for key in _pick(rng, live, used, scale):
            st = cur(key)
            old = title_for(sd.skeletons[key], st.title_rev)
            out[key] = world.replace(st, title_rev=st.title_rev + 1, version=st.version + 1, changed_day=day)
            record(key, "retitle", old=old, new=title_for(sd.skeletons[key], st.title_rev + 1))
    with_att = [k for k in live if sd.skeletons[k].attachments]
    for key in _pick(rng, with_att, used, scale):
        st = cur(key)
        k = rng.randrange(len(st.att_revs))
        revs = tuple(r + 1 if i == k else r for i, r in enumerate(st.att_revs))
        out[key] = world.replace(st, att_revs=revs, version=st.version + 1, changed_day=day)
        record(key, "replace_attachment", index=k,
               attachment_url=site.url(sd.family.attachment_path(site, sd.skeletons[key], st.url_date,
                                                                 sd.paths[key], k)))
    if parity == 0:
        for key in _pick(rng, live, used, scale):
            st = cur(key)
            new_date = st.list_date - dt.timedelta(days=rng.randint(3, 60))
            out[key] = world.replace(st, list_date=new_date, version=st.version + 1, changed_day=day)
            record(key, "backdate", old_date=st.list_date.isoformat(), new_date=new_date.isoformat())
    for n, key in enumerate(_pick(rng, live, used, scale)):
        style = REMOVAL_STYLES[(day + si + n) % 3]
        out[key] = world.replace(cur(key), status="removed", removal=style, changed_day=day)
        record(key, "remove", style=style)
    if parity == 1 and removed:
        for key in rng.sample(removed, min(scale, len(removed))):
            out[key] = world.replace(cur(key), status="live", removal=None, changed_day=day)
            record(key, "restore")

    n_new = rng.randint(1, 2) * scale
    for j in range(n_new):
        key = world.register_new(site_id, day, j)
        skel = sd.skeletons[key]
        late = j == 0 and (day + si) % 3 == 0
        nominal = today - dt.timedelta(days=rng.randint(20, 120)) if late else today
        from simweb.world import DocState as _DocState

        out[key] = _DocState(key=key, first_day=day, url_date=today, nominal=nominal, list_date=nominal,
                             seq=day * 1000 + j, att_revs=(0,) * len(skel.attachments),
                             backdated_on_arrival=late, changed_day=day)
        record(key, "new", backdated_on_arrival=late, list_date=nominal.isoformat())
    logger.debug("day %s site %s: %d changes", day, site_id, len(changes))
    return out, changes
