"""simweb: the simulated provincial web (loopback HTTP, mirror layout, deterministic days, faults).

    from simweb import World, serve_in_thread
    sim = serve_in_thread(World(seed=1, docs_per_site=40), day=0)
    ... sim.url + "/www.mee.gov.cn/ywgz/zysthjbhdc/dczg/index.shtml" ...
    sim.close()
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["World", "cli_main", "run_forever", "serve_in_thread"]

if TYPE_CHECKING:
    from simweb.cli import cli_main
    from simweb.server import run_forever, serve_in_thread
    from simweb.world import World


def __getattr__(name: str) -> Any:
    """Lazy exports (keeps `import simweb` cheap)."""
    if name == "World":
        from simweb.world import World
        return World
    if name in ("serve_in_thread", "run_forever"):
        from simweb import server
        return getattr(server, name)
    if name == "cli_main":
        from simweb.cli import cli_main
        return cli_main
    raise AttributeError(name)
