#!/usr/bin/env bash
# Builds the one-folder desktop program dist/ParkInspector/ from a clean virtual environment
# (.venv-build: only what the program needs, pyside6-essentials as the only Qt, at the versions
# in constraints.txt), then runs the frozen program's headless self-check. Prints build time,
# folder size and start-up time.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv-build/bin/python ]; then
  "$python" -m venv .venv-build
fi
stamp=.venv-build/.stamp
wanted=$(cat requirements.txt requirements-build.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat $stamp 2>/dev/null)" != "$wanted" ]; then
  .venv-build/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  .venv-build/bin/python -m pip install -q --disable-pip-version-check -r requirements-build.txt \
    -c constraints.txt
  echo "$wanted" > $stamp
fi
ms() { echo $(( $(date +%s%N) / 1000000 )); }
start=$(ms)
.venv-build/bin/python -m PyInstaller --noconfirm --clean --log-level WARN pyinstaller.spec
echo "build time: $(( $(ms) - start )) ms"
printf 'folder size: %s\n' "$(du -sh dist/ParkInspector | cut -f1)"
export QT_QPA_PLATFORM=offscreen
start=$(ms)
dist/ParkInspector/park-inspector --version
echo "start-up (park-inspector --version): $(( $(ms) - start )) ms"
dist/ParkInspector/park-inspector --self-test
