#!/usr/bin/env bash
# Benchmarks every call of Chronicle's pallets on this machine and regenerates their
# weights.rs files. Builds the node with the `runtime-benchmarks` feature in a target
# directory of its own, so the everyday build is not rebuilt.
#
# Usage: scripts/benchmark.sh [steps] [repeat]     (defaults: 50 steps, 20 repeats)
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-50}"
repeat="${2:-20}"
target="${BENCHMARK_TARGET_DIR:-$HOME/.cache/chronicle/bench-target}"

scripts/setup.sh
echo "benchmark: building chronicle-node with runtime-benchmarks into $target"
CARGO_TARGET_DIR="$target" cargo build --release --locked -p chronicle-node --features runtime-benchmarks
node="$target/release/chronicle-node"

for pallet in institutions patients records consent; do
	echo "benchmark: pallet_$pallet ($steps steps, $repeat repeats)"
	"$node" benchmark pallet \
		--runtime "$target/release/wbuild/chronicle-runtime/chronicle_runtime.compact.compressed.wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "pallet_$pallet" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--template scripts/weight-template.hbs \
		--output "pallets/$pallet/src/weights.rs"
done
echo "benchmark: weights regenerated; review the diff of pallets/*/src/weights.rs"
