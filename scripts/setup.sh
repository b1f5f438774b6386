#!/usr/bin/env bash
# Create .venv/ and install Ducha Archive into it (pinned versions from pyproject.toml).
# Usage: bash scripts/setup.sh [--test]   (--test adds the test tools, .venv-pywb and the Debian packages the tests use)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# Nothing to install when this checkout's pins and this script are what the venv was last set up from
# (scripts/test.sh runs setup every time); the Debian tools below are checked anyway.
mode=${1:-run}
pywb=""
if [ "${1:-}" = "--test" ]; then
  # pywb, which replays our WACZ packages in tests/archive/test_wacz_replay.py, in its own venv: it pins older
  # cryptography and redis than ours. Remade only when scripts/pywb-requirements.txt changes, beside the main
  # install (a clean clone waits for the longer of the two, not their sum).
  want=$(sha256sum scripts/pywb-requirements.txt | cut -d' ' -f1)
  if [ "$(cat .venv-pywb/requirements.sha256 2>/dev/null)" != "$want" ]; then
    (
      rm -rf .venv-pywb
      "$PY" -m venv .venv-pywb
      .venv-pywb/bin/python -m pip install -q -r scripts/pywb-requirements.txt
      echo "$want" > .venv-pywb/requirements.sha256
    ) &
    pywb=$!
  fi
fi
stamp=".venv/.ducha-setup-${mode#--}"
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  # byte-compiled here, not left to the first import: with PYTHONDONTWRITEBYTECODE set (as on our machines) nothing
  # is compiled later, and every process of the suite compiled its imports again (0.65 CPU s each, +5 CPU min)
  if [ "${1:-}" = "--test" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,sim]'
  else
    .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[sim]'
  fi
  echo "$want" > "$stamp"
fi
if [ -n "$pywb" ]; then
  wait "$pywb" || { echo "setup: the pywb venv (.venv-pywb) could not be made" >&2; exit 1; }
fi
if [ "${1:-}" = "--test" ]; then
  # Debian tools: chromium (browser tests of the Datasette pages), a Chinese font for its screenshots and
  # for the simulated web's scanned pages, antiword (legacy .doc attachments), tesseract + chi_sim (the
  # second OCR engine, compared in bench/ocr_bench.py; the default engine, rapidocr, comes from PyPI)
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v antiword >/dev/null || missing+=(antiword)
  command -v tesseract >/dev/null || missing+=(tesseract-ocr)
  [ -e /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || missing+=(tesseract-ocr-chi-sim)
  [ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  command -v redis-server >/dev/null || missing+=(redis-server)  # the engine of --broker (tests start their own)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "setup: please install with apt: ${missing[*]} (tests that need them will fail)" >&2
    fi
  fi
fi
