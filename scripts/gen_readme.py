"""Regenerate the docs' generated sections: the README's command table (from the ``ducha`` commands' help) and
docs/schema.md (from ``archive.schema``).

Usage: .venv/bin/python scripts/gen_readme.py [--check]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from sqlite_utils import Database

from archive.schema import ensure_schema
from archive.schema_docs import schema_markdown
from crawler.cli import main as ducha
from crawler.clidoc import command_table

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SCHEMA = REPO / "docs" / "schema.md"
BLOCK = re.compile(r"(<!-- schema:start -->\n).*?(<!-- schema:end -->)", re.DOTALL)
COMMANDS = re.compile(r"(<!-- commands:start -->\n).*?(<!-- commands:end -->)", re.DOTALL)


def generated_readme(text: str) -> str:
    """The README text with its command table regenerated from the ``ducha`` commands."""
    return COMMANDS.sub(lambda m: m.group(1) + command_table(ducha) + m.group(2), text)


def generated_schema(text: str) -> str:
    """docs/schema.md with its schema block regenerated from ``archive.schema``."""
    db = Database(memory=True)
    ensure_schema(db)
    return BLOCK.sub(lambda m: m.group(1) + schema_markdown(db) + m.group(2), text)


def main(argv: list[str]) -> int:
    stale = []
    for path, generate in ((README, generated_readme), (SCHEMA, generated_schema)):
        text = path.read_text(encoding="utf-8")
        new = generate(text)
        if new != text:
            stale.append(path)
            if "--check" not in argv:
                path.write_text(new, encoding="utf-8")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
