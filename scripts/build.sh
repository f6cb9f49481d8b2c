#!/usr/bin/env bash
# Builds the release node (with its WASM runtime) into the shared target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/chronicle/target}"

echo "build: chronicle-node (release) into $CARGO_TARGET_DIR"
cargo build --release --locked --workspace
echo "build: $CARGO_TARGET_DIR/release/chronicle-node"
