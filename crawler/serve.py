"""Start Datasette over an archive with the project's metadata and plugins.

The metadata is built from code (``archive.web.metadata.build_metadata``), so an installed wheel serves
exactly what the checkout serves: canned queries, feeds, robots rules. ``datasette-metadata.json`` in
the repository is the same object written out for readers (a test keeps the two equal).
Datasette runs in this process (no child left behind when ``ducha serve`` is killed).
"""
from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import Any

from archive.web.metadata import build_metadata

logger = logging.getLogger(__name__)

DATASETTE_SETTINGS = (("sql_time_limit_ms", "3000"), ("default_page_size", "50"), ("suggest_facets", "off"))


def metadata_for(db: str | Path) -> dict[str, Any]:
    """The project's Datasette metadata for the archive file ``db``: Datasette names a database after
    its file, so for any file not called ``archive.db`` the canned queries, feeds, robots rules and the
    plugin's ``database`` follow that name."""
    metadata: dict[str, Any] = build_metadata()
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


def write_metadata(folder: Path, db: str | Path = "archive.db") -> Path:
    """Write the project's Datasette metadata for the archive file ``db`` into ``folder``; returns the file."""
    path = folder / "datasette-metadata.json"
    path.write_text(json.dumps(metadata_for(db), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def datasette_args(db: str, *, host: str, port: int, metadata: Path, immutable: bool = False) -> list[str]:
    """The arguments of ``datasette serve`` for ``ducha serve`` (plugins load through their entry points).

    Datasette reads a mutable file with ``mode=ro`` (never writing); ``immutable`` (read-only media) serves
    it with ``immutable=1``, which needs no ``-shm`` file beside it."""
    args = ["serve", *(["--immutable", str(db)] if immutable else [str(db)]), "--host", host, "--port", str(port),
            "--metadata", str(metadata)]
    for name, value in DATASETTE_SETTINGS:
        args += ["--setting", name, value]
    return args


def serve_datasette(db: str, *, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette in the foreground, in this process, until interrupted; returns its exit status.

    Serving only reads: a missing, damaged or outdated archive raises the named error of ``archive.opening``
    (an outdated one must be migrated by a writer first, ``ducha migrate``)."""
    from datasette.cli import cli

    from archive.opening import connect_read, writable

    connect_read(db).close()
    immutable = not writable(db)
    with tempfile.TemporaryDirectory(prefix="ducha-serve-") as tmp:
        metadata = write_metadata(Path(tmp), db)
        logger.info("serving %s at http://%s:%d/", db, host, port)
        try:
            cli.main(args=datasette_args(db, host=host, port=port, metadata=metadata, immutable=immutable),
                     prog_name="datasette",
                     standalone_mode=False)
        except KeyboardInterrupt:
            return 0
    return 0
