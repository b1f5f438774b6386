"""Start Datasette over an archive with the project's metadata and plugins."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
METADATA = REPO_ROOT / "datasette-metadata.json"


def metadata_for(db: str | Path) -> dict[str, Any]:
    """``datasette-metadata.json`` for the archive file ``db``: Datasette names a database after its
    file, so for any file not called ``archive.db`` the canned queries, feeds, robots rules and the
    plugin's ``database`` follow that name."""
    metadata: dict[str, Any] = json.loads(METADATA.read_text(encoding="utf-8"))
    name = Path(db).stem
    if name == "archive":
        return metadata
    databases = metadata.get("databases", {})
    if "archive" in databases:
        databases[name] = databases.pop("archive")
    plugins = metadata.setdefault("plugins", {})
    plugins.setdefault("ducha", {})["database"] = name
    robots = plugins.get("datasette-block-robots", {})
    if isinstance(robots.get("literal"), str):
        robots["literal"] = robots["literal"].replace("Disallow: /archive", f"Disallow: /{name}")
    return metadata


def datasette_command(db: str, *, host: str, port: int, metadata: str | Path | None = None) -> list[str]:
    """The datasette command line for ``ducha serve`` (plugins load through their entry points)."""
    command = [sys.executable, "-m", "datasette", "serve", str(db), "--host", host, "--port", str(port),
               "--setting", "sql_time_limit_ms", "3000", "--setting", "default_page_size", "50",
               "--setting", "suggest_facets", "off"]
    if metadata is not None:
        command += ["--metadata", str(metadata)]
    elif METADATA.exists():
        command += ["--metadata", str(METADATA)]
    return command


def serve_datasette(db: str, *, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette in the foreground until interrupted; returns its exit status."""
    with tempfile.TemporaryDirectory(prefix="ducha-serve-") as tmp:
        metadata = None
        if METADATA.exists() and Path(db).stem != "archive":
            metadata = Path(tmp) / "metadata.json"
            metadata.write_text(json.dumps(metadata_for(db), ensure_ascii=False), encoding="utf-8")
        try:
            return subprocess.call(datasette_command(db, host=host, port=port, metadata=metadata))
        except KeyboardInterrupt:
            return 0
