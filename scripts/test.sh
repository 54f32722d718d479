#!/usr/bin/env bash
# Runs the whole test suite; sets up everything it needs first (see scripts/bootstrap.sh).
# Extra arguments go to pytest, e.g. scripts/test.sh tests/checklists -x
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements-dev.txt \
  python3-venv poppler-utils libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
  postgresql  # the hub tests start their own throwaway PostgreSQL server (tests/hub/conftest.py)
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
