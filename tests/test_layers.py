"""The import graph keeps its layers: archive/ is a plain library, crawler/ never imports spiders/.

``spiders/`` builds on ``crawler/`` (extraction, clock, errors); the runner finds the spider by name
through Scrapy's ``SPIDER_MODULES``.  An arrow back up would make the two packages one tangle again.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports (at any depth in the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _files(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


@pytest.mark.parametrize(("package", "forbidden"), [
    ("archive", ("scrapy", "click", "crawler", "spiders", "simweb", "twisted")),
    ("crawler", ("spiders",)),
    ("spiders", ("simweb", "click")),
])
def test_no_arrow_back_up(package: str, forbidden: tuple[str, ...]) -> None:
    offenders = [f"{path.relative_to(REPO)} imports {name}"
                 for path in _files(package) for name in sorted(imported_modules(path))
                 if name.split(".")[0] in forbidden]
    assert offenders == []


def test_the_architecture_names_only_modules_that_exist() -> None:
    text = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w/])((?:archive|crawler|spiders|simweb|tests|bench|scripts)/[\w/]+\.py)", text))
    assert named, "ARCHITECTURE.md should name the modules it describes"
    missing = sorted(n for n in named if not (REPO / n).exists())
    assert missing == []
