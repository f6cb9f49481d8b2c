#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test: formatting, the Rust unit and runtime
# tests, and the end-to-end smoke test against a real node. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/chronicle/target}"

scripts/setup.sh
scripts/build.sh

echo "test: formatting"
cargo fmt --all --check

# The tests build in the release profile, so they share every dependency with the node.
echo "test: Rust unit and runtime tests"
cargo test --release --locked --workspace

# Every pallet benchmark also runs once as a test, against the pallet's mock runtime.
echo "test: pallet benchmarks"
pallets=(-p pallet-institutions -p pallet-patients -p pallet-records -p pallet-consent)
cargo test --release --locked "${pallets[@]}" --features runtime-benchmarks -- benchmarking

echo "test: client library tests"
node --test scripts/test/

echo "test: end-to-end smoke test"
node scripts/smoke-test.mjs

echo "test: four validators of the local chain, and an unauthorised node kept out"
node scripts/local-network-test.mjs

echo "test: the operator's path: a consortium configuration to three validators on loopback"
node scripts/consortium-test.mjs

echo "test: end-to-end ingest, consent and verification on the FHIR fixtures"
node scripts/demo.mjs

# The quickest of the zombienet tests; scripts/zombienet.sh runs them all (about 17 minutes).
echo "test: zombienet: the local consortium's four validators author and finalize"
scripts/zombienet.sh 0001
