"""Start Datasette over an archive with the project's metadata and plugins."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
METADATA = REPO_ROOT / "datasette-metadata.json"


def datasette_command(db: str, *, host: str, port: int) -> list[str]:
    """The datasette command line for ``ducha serve`` (plugins load through their entry points)."""
    command = [sys.executable, "-m", "datasette", "serve", str(db), "--host", host, "--port", str(port),
               "--setting", "sql_time_limit_ms", "3000", "--setting", "default_page_size", "50",
               "--setting", "suggest_facets", "off"]
    if METADATA.exists():
        command += ["--metadata", str(METADATA)]
    return command


def serve_datasette(db: str, *, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette in the foreground until interrupted; returns its exit status."""
    if Path(db).exists():
        from archive.store import Archive

        with Archive(db):  # bring an older archive up to date first (e.g. re-index search, migration 0003)
            pass
    try:
        return subprocess.call(datasette_command(db, host=host, port=port))
    except KeyboardInterrupt:
        return 0
