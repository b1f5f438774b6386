"""Fixtures for the list-page profile tests."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "profiles"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The folder of saved list pages (tests/fixtures/profiles)."""
    return FIXTURES
