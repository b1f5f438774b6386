"""Command line: `python -m simweb --port 8000 --day 0 --docs-per-site 40 --faults none --seed 1`."""
from __future__ import annotations

import argparse
import datetime as dt
import logging

from simweb.faults import PROFILES

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m simweb`."""
    p = argparse.ArgumentParser(prog="simweb", description="Serve the simulated provincial web on loopback.")
    p.add_argument("--port", type=int, default=8000, help="port (0: any free port)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--day", type=int, default=0, help="simulated day to start on")
    p.add_argument("--docs-per-site", type=int, default=40)
    p.add_argument("--faults", choices=PROFILES, default="none", help="fault profile for every site")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--start-date", type=dt.date.fromisoformat, default=dt.date(2026, 11, 2),
                   help="date of day 0 (YYYY-MM-DD)")
    return p


def cli_main(argv: list[str] | None = None) -> int:
    """Parse `argv` and serve until interrupted; returns the exit status."""
    from simweb.server import run_forever

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    run_forever(port=args.port, day=args.day, docs_per_site=args.docs_per_site, faults=args.faults,
                seed=args.seed, start_date=args.start_date, host=args.host)
    return 0
