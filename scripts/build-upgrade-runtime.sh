#!/usr/bin/env bash
# Builds the runtime of this checkout again with its spec_version one higher: the new runtime
# a runtime-upgrade test installs on a running chain. It builds from a copy of the sources in
# a target directory of its own, so the everyday build is untouched, and seeds that directory
# with the everyday build's compiled WASM dependencies so only the runtime itself is compiled.
#
# Usage: scripts/build-upgrade-runtime.sh     (prints the path of the compressed runtime)
set -euo pipefail
cd "$(dirname "$0")/.."
main_target="${CARGO_TARGET_DIR:-$HOME/.cache/chronicle/target}"
target="${UPGRADE_TARGET_DIR:-$HOME/.cache/chronicle/upgrade-target}"
source="$target/source"

current="$(sed -n 's/^\tspec_version: \([0-9]*\),$/\1/p' runtime/src/lib.rs)"
[[ -n "$current" ]] || { echo "build-upgrade-runtime: no spec_version in runtime/src/lib.rs" >&2; exit 1; }
next=$((current + 1))

# Copy with the files' times, and rewrite the version only when it changes, so that cargo
# rebuilds nothing when nothing changed since the last run.
mkdir -p "$source"
git ls-files -z --cached --others --exclude-standard | grep -zv '^runtime/src/lib.rs$' \
	| xargs -0 cp --preserve=timestamps --parents -t "$source"
sed "s/^\tspec_version: $current,$/\tspec_version: $next,/" runtime/src/lib.rs >"$target/lib.rs.next"
grep -q "^	spec_version: $next,$" "$target/lib.rs.next"
if ! cmp -s "$target/lib.rs.next" "$source/runtime/src/lib.rs"; then
	mv "$target/lib.rs.next" "$source/runtime/src/lib.rs"
fi

wasm_target="$target/release/wbuild/chronicle-runtime/target"
if [[ ! -d "$wasm_target" && -d "$main_target/release/wbuild/chronicle-runtime/target" ]]; then
	mkdir -p "$(dirname "$wasm_target")"
	cp -a "$main_target/release/wbuild/chronicle-runtime/target" "$wasm_target"
fi

echo "build-upgrade-runtime: building spec_version $next in $target" >&2
# `check` is enough: the runtime's build script compiles the WASM runtime in full.
(cd "$source" && CARGO_TARGET_DIR="$target" cargo check --release --locked -p chronicle-runtime >&2)
echo "$target/release/wbuild/chronicle-runtime/chronicle_runtime.compact.compressed.wasm"
