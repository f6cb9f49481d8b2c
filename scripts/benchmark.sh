#!/usr/bin/env bash
# Benchmarks Chronicle on this machine and regenerates its weights: every call of the
# runtime's own pallets, frame_system's calls and transaction extensions, and ParityDb's read
# and write costs (over a dev chain that scripts/throughput.mjs fills). Builds the node with
# the `runtime-benchmarks` feature in a target directory of its own, so the everyday build is
# not rebuilt. Takes about an hour here with the defaults.
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

# pallet, template, output
benchmarks=(
	"pallet_institutions weight-template pallets/institutions/src/weights.rs"
	"pallet_patients weight-template pallets/patients/src/weights.rs"
	"pallet_records weight-template pallets/records/src/weights.rs"
	"pallet_consent weight-template pallets/consent/src/weights.rs"
	"governance weight-template runtime/src/governance/weights.rs"
	"frame_system system-weight-template runtime/src/weights/frame_system.rs"
	"frame_system_extensions system-weight-template runtime/src/weights/frame_system_extensions.rs"
)
for benchmark in "${benchmarks[@]}"; do
	read -r pallet template output <<<"$benchmark"
	echo "benchmark: $pallet ($steps steps, $repeat repeats)"
	"$node" benchmark pallet \
		--runtime "$target/release/wbuild/chronicle-runtime/chronicle_runtime.compact.compressed.wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--template "scripts/$template.hbs" \
		--output "$output"
done

# ParityDb's costs depend on the size of the state, so measure them over a chain holding tens
# of thousands of records, the load of one throughput run.
state="$(mktemp -d /tmp/chronicle-benchmark-state-XXXXXX)"
trap 'rm -rf "$state"' EXIT
echo "benchmark: filling a dev chain in $state"
CHRONICLE_NODE="$node" node scripts/throughput.mjs --base-path "$state"
echo "benchmark: ParityDb reads and writes"
"$node" benchmark storage \
	--chain dev \
	--base-path "$state" \
	--state-version 1 \
	--template-path scripts/db-weight-template.hbs \
	--weight-path runtime/src/weights/paritydb.rs
echo "benchmark: weights regenerated; review the diff of the weights files"
