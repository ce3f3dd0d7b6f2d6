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
# The type check for every Python the package claims (pyproject's classifiers), whichever
# Python runs it: mypy checks against that version's standard library.
for version in 3.11 3.12 3.13 3.14 3.15; do
  echo "== mypy --python-version $version"; .venv/bin/mypy --python-version "$version"
done

# The tests under a second interpreter, when one is on this machine (python3.13, python3.12,
# ... on the PATH): the unit tests only, in .venv-X.Y; the browser and notebook tests run
# once, below. SECOND_PYTHON=none skips it; SECOND_PYTHON=/path/to/python picks one.
second=${SECOND_PYTHON:-}
if [ -z "$second" ]; then
  # pyenv's shims refuse a version that is not selected, so its versions folder is looked in
  # directly too.
  pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  for minor in 3.15 3.14 3.13 3.12; do
    for candidate in "python$minor" ${pyenv_root:+"$pyenv_root"/versions/"$minor"*/bin/"python$minor"}; do
      if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "" 2>/dev/null; then
        second=$candidate; break 2
      fi
    done
  done
fi
if [ -n "$second" ] && [ "$second" != "none" ]; then
  version=$("$second" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  echo "== pytest under Python $version (unit tests)"
  if [ ! -x ".venv-$version/bin/python" ]; then "$second" -m venv ".venv-$version"; fi
  ".venv-$version/bin/python" -m pip install --quiet --upgrade pip
  ".venv-$version/bin/python" -m pip install --quiet ".[notebooks,test]"
  ".venv-$version/bin/python" -m pytest -p no:cacheprovider -q -m "not browser and not slow" \
    --ignore=tests/test_notebooks.py tests
else
  echo "== no second Python found (python3.12 to python3.15): tests ran under one interpreter"
fi

echo "== pytest"; .venv/bin/python -m pytest -p no:cacheprovider --nbval-lax notebooks tests "$@"
