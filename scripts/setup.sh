#!/usr/bin/env bash
# Create .venv/ and install Ducha Archive into it (pinned versions from pyproject.toml).
# Usage: bash scripts/setup.sh [--test]   (--test adds the test tools and the Debian packages the tests use)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e '.[test,sim]'
  # Debian tools: chromium (browser tests of the Datasette pages), a Chinese font for its screenshots,
  # antiword (legacy .doc attachments)
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v antiword >/dev/null || missing+=(antiword)
  [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "setup: please install with apt: ${missing[*]} (tests that need them will fail)" >&2
    fi
  fi
else
  .venv/bin/python -m pip install -q -e '.[sim]'
fi
