#!/usr/bin/env bash
# Set up (.venv, test tools, Debian packages), lint (ruff), type-check archive/ (mypy) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/python -m ruff check archive crawler spiders simweb scheduler.py tests bench scripts
.venv/bin/python -m mypy archive
# the project's own modules byte-compiled before the run (0.7 s once, then only what changed): with
# PYTHONDONTWRITEBYTECODE set (as on our machines) nothing writes them later, and every process the suite starts
# (each `ducha crawl`, CLI, server, worker) compiled its ~150 project imports from source again (0.26 CPU-s each)
.venv/bin/python -m compileall -q archive crawler spiders simweb scheduler.py tests bench scripts
# 3 workers, each test module kept on one worker (its module-scoped crawl built once): 2 cores, but many tests wait
# on subprocesses, browsers and loopback servers. The longest modules are collected first (tests/conftest.py) and
# handed out in that order (--no-loadscope-reorder: xdist would otherwise start the modules with the most tests first);
# the ten slowest tests are listed at the end.
exec .venv/bin/python -m pytest -q -n 3 --dist loadscope --no-loadscope-reorder --durations=10 "$@"
