#!/usr/bin/env bash
# Prepares a machine to run Portfolio Reviewer from this checkout: the system libraries
# Qt needs (through apt, only where missing), a virtual environment in .venv, and the
# pinned, hash-checked dependencies. Safe to run again: each step is skipped when done.
# Usage: scripts/bootstrap.sh [runtime|dev]   (default dev)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
profile=${1:-dev}
venv=${REVIEWER_APP_VENV:-$here/.venv}

# Qt offscreen and on a virtual display, fonts (without one Qt draws boxes), venv support.
apt_packages=(
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  libx11-6 fonts-dejavu-core
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  binutils  # PyInstaller reads libraries with objdump; build_installer.py strips with strip
)
# The team tests start a real PostgreSQL server of their own (tests/pg_server.py).
if [ "$profile" = dev ]; then apt_packages+=(postgresql); fi
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then missing+=(python3-venv); fi
  if ((${#missing[@]})); then
    echo "bootstrap: installing system packages: ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  echo "bootstrap: creating virtual environment in $venv" >&2
  python3 -m venv "$venv"
fi

lock="requirements/$profile.lock"
stamp="$venv/.installed-$profile"
want=$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: installing pinned dependencies from $lock" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$lock" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e . >&2
  echo "$want" > "$stamp"
fi
