"""Fixtures for the timeliness tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from archive.timeliness.calendar import WorkingDayCalendar


@pytest.fixture(scope="session")
def cal() -> WorkingDayCalendar:
    """The pinned working-day calendar."""
    return WorkingDayCalendar()


@pytest.fixture(scope="session")
def seeds(shared_dir: Path) -> dict[str, str]:
    """The seed texts keyed by their three-digit prefix ("000" … "004")."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))}
