"""Regenerate the README's generated sections (the command table, the schema) from the code.

Usage: .venv/bin/python scripts/gen_readme.py [--check]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from sqlite_utils import Database

from archive.schema import ensure_schema, schema_markdown
from crawler.cli import main as ducha
from crawler.clidoc import command_table

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- schema:start -->\n).*?(<!-- schema:end -->)", re.DOTALL)
COMMANDS = re.compile(r"(<!-- commands:start -->\n).*?(<!-- commands:end -->)", re.DOTALL)


def generated_readme(text: str) -> str:
    """The README text with its command table (from the ``ducha`` commands) and schema block
    (from ``archive.schema``) regenerated."""
    db = Database(memory=True)
    ensure_schema(db)
    text = COMMANDS.sub(lambda m: m.group(1) + command_table(ducha) + m.group(2), text)
    return BLOCK.sub(lambda m: m.group(1) + schema_markdown(db) + m.group(2), text)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = generated_readme(text)
    if "--check" in argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
