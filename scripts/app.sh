#!/usr/bin/env bash
# Starts Park Inspector (园区现场检查); sets up everything it needs first. The home screen offers
# the demo inspection on a first run. Arguments go to main.py, e.g. scripts/app.sh --data-dir /tmp/pi
# Without a screen (no DISPLAY), the program runs on a virtual X screen (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements-dev.txt \
  python3-venv xvfb xauth libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 \
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
  libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libpulse0
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "[app] no screen found: running on a virtual screen (xvfb-run)" >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python main.py "$@"
fi
exec .venv/bin/python main.py "$@"
