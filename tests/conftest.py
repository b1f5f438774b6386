"""Shared pytest fixtures for the whole suite."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (seeds, real samples); tests skip nothing: it must exist."""
    assert SHARED.is_dir(), f"expected the shared folder beside the repository at {SHARED}"
    return SHARED
