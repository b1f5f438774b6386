"""Shared pytest fixtures for the whole suite."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


def shared_samples_path() -> Path:
    """Where the material from outside the project lives: ``$DUCHA_SAMPLES``, else ``../shared``."""
    configured = os.environ.get("DUCHA_SAMPLES")
    return Path(configured) if configured else REPO.parent / "shared"


def in_ci() -> bool:
    """True under CI (``CI=true``), where outside material must be present: nothing is skipped silently."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only shared folder (real seeds and samples, not ours); skipped when absent, fatal under CI."""
    path = shared_samples_path()
    if not (path / "seeds").is_dir() or not (path / "real-samples").is_dir():
        reason = (f"real seeds and samples not found at {path} "
                  "(put the shared folder beside the clone or set DUCHA_SAMPLES)")
        if in_ci():
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory):
    """A real redis-server on loopback with AOF on (skipped without the binary; fatal under CI)."""
    from tests.redis_server import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis"))
    if server.exe is None:
        reason = "redis-server not installed (apt-get install redis-server; scripts/setup.sh --test does)"
        if in_ci():
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    server.start()
    yield server
    server.stop()
