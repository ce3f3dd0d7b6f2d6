#!/usr/bin/env bash
# Set up a virtual environment in .venv (if needed) and run every check the project has:
# ruff, mypy (strict on src/), and the whole pytest suite (unit, legal cases, notebooks via
# nbval, and the real-browser tests in headless Chromium).
#
#   bash scripts/test.sh            # from the repository root
#
# Chromium comes from Debian's package (/usr/bin/chromium); when it is missing and we are
# root with apt-get, it is installed. Under CI (CI=true) a missing browser is an error,
# elsewhere the browser tests are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# A regular (not editable) install: the tests then exercise exactly what a user gets,
# including the Voila template that setuptools installs as data files.
.venv/bin/python -m pip install --quiet --upgrade --force-reinstall --no-deps .
.venv/bin/python -m pip install --quiet ".[notebooks,app,test]"

if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium"
fi
if [ "${CI:-}" = "true" ]; then
  export DS_REQUIRE_BROWSER=1
fi

export MPLBACKEND=Agg
echo "== ruff"; .venv/bin/ruff check src tests benchmarks scripts
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; .venv/bin/python -m pytest -p no:cacheprovider --nbval-lax notebooks tests "$@"
