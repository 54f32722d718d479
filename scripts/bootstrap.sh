#!/usr/bin/env bash
# Set-up shared by scripts/app.sh and scripts/test.sh: Debian packages (apt-get, only those
# missing), a virtual environment in .venv (created once, reused), and the pip packages of the
# given requirements file at the versions in constraints.txt (reinstalled only when one of the
# requirements files or the constraints change).
# Usage: scripts/bootstrap.sh REQUIREMENTS_FILE DEBIAN_PACKAGE...
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=$1
shift

say() { printf '[set-up] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    say "cannot install ${missing[*]}: run this as root or install them with apt-get"; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Python 3.11+ and the virtual environment ------------------------------------------------
python=""
for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate; break
  fi
done
[ -n "$python" ] || { say "Python 3.11 or newer is needed"; exit 1; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $python"
  "$python" -m venv .venv
fi

stamp=".venv/.stamp-$(basename "$requirements")"
wanted=$(cat requirements*.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  say "installing Python packages from $requirements"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements" \
    -c constraints.txt
  echo "$wanted" > "$stamp"
fi
