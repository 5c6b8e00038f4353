#!/usr/bin/env bash
# Opens Portfolio Reviewer on a demo data folder (./demo-data unless
# REVIEWER_APP_DATA_DIR says otherwise), generating and importing the demo bundles first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh dev
export REVIEWER_APP_DATA_DIR=${REVIEWER_APP_DATA_DIR:-$PWD/demo-data}
.venv/bin/reviewer-app demo
