"""Control endpoints under `/_sim/` (never subject to faults).

GET  /_sim/health                      {"ok": true, "day", "date", "seed", "docs_per_site"}
GET  /_sim/manifest[?day=N][&site=ID][&hashes=0]  manifest JSON (current day by default; one site;
                                       hashes=0: no attachment sha256/size, fast for 10,000 postings)
GET  /_sim/day                         {"day", "date"}
POST /_sim/day?set=N                   switch day
POST /_sim/advance                     next day
GET  /_sim/faults                      {"site_id": "profile", …}
POST /_sim/faults?site=ID&profile=P    set a profile (site=all for every site)
GET  /_sim/sites.yaml                  sites file for the simulated sites (real hosts)
GET  /_sim/stats                       request counters per site and path kind
POST /_sim/stats/reset                 zero the counters
"""
from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from simweb import faults
from simweb.sites import sites_yaml

if TYPE_CHECKING:
    from simweb.server import SimServer

logger = logging.getLogger(__name__)
JSON = "application/json; charset=utf-8"


def _json(status: int, obj: object) -> tuple[int, str, bytes]:
    return status, JSON, json.dumps(obj, ensure_ascii=False).encode("utf-8")


def handle_control(sim: SimServer, method: str, path: str, query: str) -> tuple[int, str, bytes]:
    """(status, content type, body) for a control request."""
    q = dict(parse_qsl(query))
    world = sim.world
    try:
        if path == "/_sim/health":
            return _json(200, {"ok": True, "day": sim.day, "date": world.date_of(sim.day).isoformat(),
                               "seed": world.seed, "docs_per_site": world.docs_per_site})
        if path == "/_sim/manifest":
            return _json(200, world.manifest(int(q.get("day", sim.day)), q.get("site"),
                                             hashes=q.get("hashes", "1") not in ("0", "false")))
        if path == "/_sim/day":
            if method == "POST":
                sim.set_day(int(q["set"]))
            return _json(200, {"day": sim.day, "date": world.date_of(sim.day).isoformat()})
        if path == "/_sim/advance" and method == "POST":
            sim.advance()
            return _json(200, {"day": sim.day, "date": world.date_of(sim.day).isoformat()})
        if path == "/_sim/faults":
            if method == "POST":
                sim.set_fault(q.get("site", "all"), q.get("profile", "none"))
            return _json(200, dict(sim.profiles))
        if path == "/_sim/sites.yaml":
            return 200, "application/yaml; charset=utf-8", sites_yaml(world.sites).encode("utf-8")
        if path == "/_sim/stats":
            return _json(200, sim.stats())
        if path == "/_sim/stats/reset" and method == "POST":
            sim.reset_stats()
            return _json(200, {"ok": True})
    except (KeyError, ValueError, faults.UnknownProfile) as exc:
        return _json(400, {"error": str(exc)})
    return _json(404, {"error": f"no control endpoint {method} {path}"})
