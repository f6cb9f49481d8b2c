#!/usr/bin/env bash
# Sets up, builds, and starts a single-validator development node with a temporary
# database, RPC on ws://127.0.0.1:9944. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/chronicle/target}"

scripts/setup.sh
scripts/build.sh

echo "start-dev: starting a dev node (Ctrl-C stops it)"
exec "$CARGO_TARGET_DIR/release/chronicle-node" --dev --tmp --no-mdns --no-telemetry \
	--listen-addr /ip4/127.0.0.1/tcp/30333 --rpc-port 9944 "$@"
