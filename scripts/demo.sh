#!/usr/bin/env bash
# The main job, end to end: sets up, builds, starts a development node with a temporary
# database, ingests the FHIR fixtures, runs a referral with consent, an access, a revocation
# and a refused access, verifies every file, shows a tampered file detected, and prints a
# summary. Every outcome is checked; the node is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/chronicle/target}"

scripts/setup.sh
scripts/build.sh

echo "demo: running the consortium's day on a fresh dev node"
node scripts/demo.mjs "$@"
