"""Tests that need real material from outside the project skip with a reason, except under CI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBE = "tests/timeliness/test_extract.py"  # every test in it reads the real seeds


def _pytest(**env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", PROBE],
                          cwd=REPO, env=environment, capture_output=True, text=True, timeout=300, check=False)


def test_a_clone_without_the_shared_folder_skips_them_with_one_clear_reason():
    done = _pytest(DUCHA_SAMPLES="/nonexistent/shared", CI="")
    assert done.returncode == 0, done.stdout[-2000:]
    assert "skipped" in done.stdout and "failed" not in done.stdout and "error" not in done.stdout
    assert "real seeds and samples not found at /nonexistent/shared" in done.stdout


def test_under_ci_their_absence_is_a_failure_not_a_skip():
    done = _pytest(DUCHA_SAMPLES="/nonexistent/shared", CI="true")
    assert done.returncode != 0
    assert "CI=true: real seeds and samples not found" in done.stdout
