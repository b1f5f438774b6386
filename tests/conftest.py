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
    server.close()


#: Test modules that crawl the simulated web, drive a browser, or run real schedulers, workers or servers:
#: ``pytest -m "not slow"`` leaves them out for a fast inner loop (the whole suite runs them all).
SLOW_MODULES = frozenset({
    "test_attachment_recheck", "test_broker", "test_browser", "test_browser_search", "test_chain",
    "test_challenge_browser", "test_crash_recovery", "test_crawl_alerts_simweb", "test_crawl_day0",
    "test_crawl_days", "test_crawl_faults", "test_crawl_scans", "test_demo", "test_discover",
    "test_evidence_chains", "test_face_browser", "test_ledger_simweb", "test_levels_city", "test_levels_simweb", "test_nodes",
    "test_parse_errors",
    "test_readers_during_crawl", "test_real_crawl", "test_recheck_crawl", "test_runner_stops", "test_scan_reader",
    "test_scheduler", "test_scheduler_faults", "test_scheduler_simweb", "test_script_days", "test_script_faults",
    "test_text_jobs",
    "test_script_sites", "test_sites_faults", "test_tsa", "test_unusable_archive", "test_verify", "test_wacz",
    "test_wacz_replay", "test_web_browser",
})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: crawls, browsers, real schedulers/workers (left out by -m 'not slow')")


#: The longest modules (their module-scoped crawls and waits included), longest first, as ``--durations`` measured
#: them in the whole suite on two cores. They are collected first: ``--dist loadscope --no-loadscope-reorder``
#: (scripts/test.sh) hands modules to workers in collection order, and a long module handed out last would run alone
#: at the end while the other workers sit idle (without ``--no-loadscope-reorder`` xdist hands out the modules with
#: the most tests first, and the long crawls, which have few, last).
LONGEST_MODULES = (
    "test_script_faults", "test_nodes", "test_broker", "test_script_sites", "test_runner_stops", "test_crawl_faults",
    "test_ocr", "test_readers_during_crawl", "test_script_days", "test_text_jobs", "test_verify", "test_chain",
    "test_discover", "test_recheck_crawl", "test_crawl_days", "test_real_crawl", "test_crawl_scans",
    "test_demo", "test_scheduler", "test_browser", "test_levels_city", "test_engine_watch", "test_crash_recovery",
    "test_scheduler_faults", "test_parse_errors", "test_politeness", "test_face_browser", "test_attachment_worker",
    "test_probe",
)


def _collection_rank(item: pytest.Item) -> int:
    stem = item.path.stem
    if stem in LONGEST_MODULES:
        return LONGEST_MODULES.index(stem)
    return len(LONGEST_MODULES) + (0 if stem in SLOW_MODULES else 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
    items.sort(key=_collection_rank)  # stable: each module's tests keep their order and stay together
