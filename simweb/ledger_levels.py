"""Scoring close-outs across levels against the manifest's ledger truth (``simweb.ledger.score`` calls it).

A close-out of a city, district or department site closes its own body's plan, the province's plan cited by
the province's numbering (省编号 / 序号, ``cites: province``) or by the central inspection's numbering
(``cites: central``: a district has no plan of a central round; the province's plan keeps that numbering);
when no posting of that plan is live it is an orphan (``orphan``: ``plan_not_posted`` or
``no_site_serves_the_plan``).  Scored here: cross-level links (all, and per numbering cited), orphan close-outs
(url, cited numbers; per reason), close-outs accounted for (every live close-out linked or an orphan, exactly
once) and the counts per publishing body (close-outs, linked, across levels, orphans).
"""
from __future__ import annotations

import logging

from simweb.portals import plan_owner

logger = logging.getLogger(__name__)


def _live(truth: dict, as_of: str) -> list[dict]:
    return [c for c in truth.get("closeouts", []) if c["status"] == "live" and c["posted"] <= as_of]


def _publishers(closeouts: list[dict], live_plans: set, crossed_urls: set) -> set:
    """(site id, close-outs, linked, across levels, orphans) per publishing site."""
    rows: dict[str, list[int]] = {}
    for c in closeouts:
        row = rows.setdefault(c["site_id"], [0, 0, 0, 0])
        linked = (c["plan_site_id"], c["round"]) in live_plans
        row[0] += 1
        row[1] += linked
        row[2] += linked and c["url"] in crossed_urls
        row[3] += not linked
    return {(site, *counts) for site, counts in rows.items()}


def score_levels(truth: dict, ledger: dict, exp_links: set, got_links: set) -> dict:
    """Cross-level links (a close-out linked to another body's plan), per numbering cited; orphan close-outs,
    per reason; close-outs accounted for; counts per publisher (the ledger's ``closeouts_by_publisher``)."""
    from simweb.ledger import pr

    as_of = ledger["as_of"]
    closeouts = _live(truth, as_of)
    cites = {c["url"]: c.get("cites", "own") for c in truth.get("closeouts", [])}
    notice_owner = {c["url"]: plan_owner(c["site_id"]) for c in truth.get("closeouts", [])}
    plan_owner_of = {p["url"]: plan_owner(p["site_id"]) for p in truth["plans"]}

    def crossed(links: set, kind: str | None = None) -> set:  # the plan is another body's than the notice's own
        return {x for x in links if notice_owner.get(x[2]) != plan_owner_of.get(x[0])
                and (kind is None or cites.get(x[2]) == kind)}

    live_plans = {(plan_owner(p["site_id"]), p["round"]) for p in truth["plans"] if p["status"] == "live"}
    orphaned = [c for c in closeouts if (c["plan_site_id"], c["round"]) not in live_plans]
    exp_orphans = {(c["url"], tuple(c["numbers"])) for c in orphaned}
    got_orphans = {(o["url"], tuple(o["numbers"])) for o in ledger.get("orphan_closeouts", [])}
    reasons = {c["url"]: c.get("orphan") or "plan_not_live" for c in orphaned}
    linked_urls = {x[2] for x in got_links}
    got_publishers = {(r["site_id"], r["closeouts"], r["linked"], r["cross_level"], r["orphans"])
                      for r in ledger.get("closeouts_by_publisher", [])}
    return {"cross_level_links": pr(crossed(exp_links), crossed(got_links)),
            "cross_level_by_citation": {kind: pr(crossed(exp_links, kind), crossed(got_links, kind))
                                        for kind in ("province", "central")},
            "orphan_closeouts": pr(exp_orphans, got_orphans),
            "orphans_by_reason": {reason: pr({o for o in exp_orphans if reasons[o[0]] == reason},
                                             {o for o in got_orphans if reasons.get(o[0]) == reason})
                                  for reason in sorted(set(reasons.values()))},
            "closeouts": pr({c["url"] for c in closeouts}, linked_urls | {o[0] for o in got_orphans}),
            "closeouts_linked_and_orphan": sorted(linked_urls & {o[0] for o in got_orphans})[:20],
            "publishers": pr(_publishers(closeouts, live_plans, {x[2] for x in crossed(exp_links)}), got_publishers),
            "missed_orphans": sorted(exp_orphans - got_orphans)[:20],
            "wrong_orphans": sorted(got_orphans - exp_orphans)[:20]}
