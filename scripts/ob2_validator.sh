#!/usr/bin/env bash
# Prepares .venv-ob2: the IMS Open Badges 2.0 validator (openbadges 1.1.2) in a virtual
# environment of its own, from the hash-pinned requirements/ob2-validator.lock. Its pins
# (python-jose, PyLD 0.7) must never meet the app's .venv. Safe to run again: skipped
# while the lock is unchanged; a changed lock rebuilds the environment from scratch, so
# nothing dropped from the lock lingers.
# Usage: scripts/ob2_validator.sh   (the environment's python is then .venv-ob2/bin/python)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
venv=${OB2_VALIDATOR_VENV:-$here/.venv-ob2}
lock="requirements/ob2-validator.lock"
stamp="$venv/.installed-ob2-validator"
want=$(sha256sum "$lock" | cut -d' ' -f1)

if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
echo "ob2_validator: creating $venv from $lock" >&2
# The same interpreter as scripts/bootstrap.sh uses for .venv.
python3 -m venv --clear "$venv"
# --no-deps: openbadges declares pins that do not import on Python 3.11; the lock
# replaces them (see requirements/ob2-validator.in) and already lists every dependency.
"$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes --no-deps \
  -r "$lock" >&2
echo "$want" > "$stamp"
