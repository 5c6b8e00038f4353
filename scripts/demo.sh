#!/usr/bin/env bash
# Opens Portfolio Reviewer on a demo data folder (./demo-data unless
# REVIEWER_APP_DATA_DIR says otherwise): adds the demo micro-credentials, generates and
# imports the demo bundles, then opens the window.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh dev
export REVIEWER_APP_DATA_DIR=${REVIEWER_APP_DATA_DIR:-$PWD/demo-data}
.venv/bin/reviewer-app demo
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] && [ "$(uname)" = Linux ]; then
  echo "No display here: the demo data is ready in $REVIEWER_APP_DATA_DIR." >&2
  echo "Run this again on a desktop, or: xvfb-run -a .venv/bin/reviewer-app" >&2
  exit 0
fi
exec .venv/bin/reviewer-app
