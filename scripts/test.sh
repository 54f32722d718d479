#!/usr/bin/env bash
# Runs the lint (ruff), the type check (mypy) and the whole test suite; sets up everything it
# needs first (see scripts/bootstrap.sh). Fails if any of the three fails.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/checklists -x
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements-dev.txt \
  python3-venv poppler-utils libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 libpulse0 \
  postgresql  # the hub tests start their own throwaway PostgreSQL server (tests/hub/conftest.py)
echo "[test] ruff check ." >&2
.venv/bin/ruff check --quiet .
echo "[test] mypy" >&2
.venv/bin/mypy
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
