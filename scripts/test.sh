#!/usr/bin/env bash
# Runs every check and test, after setting up what they need (see scripts/bootstrap.sh).
# Extra arguments go to pytest, e.g. scripts/test.sh -k import -x
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh dev
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/pytest "$@"
