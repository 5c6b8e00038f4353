#!/usr/bin/env bash
# Re-pins every dependency with hashes after pyproject.toml changes. Needs uv on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
common=(--python-version 3.11 --universal --generate-hashes --no-header -q)
uv pip compile pyproject.toml requirements/build.in "${common[@]}" -o requirements/runtime.lock
uv pip compile pyproject.toml requirements/build.in --extra dev "${common[@]}" -o requirements/dev.lock
