#!/usr/bin/env bash
# Runs the zombienet suite (zombienet/*.zndsl): the `local` consortium on loopback with a
# validator stopped, two stopped, a fifth institution's validator added and removed by the
# bureau, an unauthorised node kept out, and the runtime upgraded by the bureau. With
# arguments, runs only the tests named (`0002`, `0002-one-validator-down` or
# `zombienet/0002-one-validator-down.zndsl`).
# Exits non-zero if any test fails; each failed test's network directory is kept.
#
# Usage: scripts/zombienet.sh [TEST...]   (CHRONICLE_NODE overrides the node binary,
# CHRONICLE_UPGRADE_WASM the runtime the upgrade test installs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

target="${CARGO_TARGET_DIR:-$HOME/.cache/chronicle/target}"
export CHRONICLE_NODE="${CHRONICLE_NODE:-$target/release/chronicle-node}"
if [ ! -x "$CHRONICLE_NODE" ]; then
	echo "zombienet: no node binary at $CHRONICLE_NODE; build it first with scripts/build.sh" >&2
	exit 1
fi

# The same rule as scripts/setup.sh: npm ci only when the installed packages do not match
# the lock file. The steps use the client's polkadot.js (scripts/), zombienet its own.
for dir in scripts zombienet; do
	if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.chronicle-lock" 2>/dev/null; then
		echo "zombienet: installing the Node.js packages of $dir/"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
		cp "$dir/package-lock.json" "$dir/node_modules/.chronicle-lock"
	fi
done
zombienet="$root/zombienet/node_modules/.bin/zombienet"

tests=()
if [ $# -eq 0 ]; then
	tests=(zombienet/[0-9][0-9][0-9][0-9]-*.zndsl)
else
	for name in "$@"; do
		name="$(basename "$name" .zndsl)"
		matches=(zombienet/"$name"*.zndsl)
		if [ ! -e "${matches[0]}" ] || [ ${#matches[@]} -ne 1 ]; then
			echo "zombienet: \"$name\" names no single test in zombienet/" >&2
			exit 1
		fi
		tests+=("${matches[0]}")
	done
fi

# The runtime-upgrade test installs a build of this checkout's runtime with a spec version
# one higher, built beside the everyday build (a few minutes the first time), or the runtime
# file CHRONICLE_UPGRADE_WASM names.
for test in "${tests[@]}"; do
	if [[ "$test" == *runtime-upgrade* && -z "${CHRONICLE_UPGRADE_WASM:-}" ]]; then
		CHRONICLE_UPGRADE_WASM="$(scripts/build-upgrade-runtime.sh)"
		export CHRONICLE_UPGRADE_WASM
	fi
done

# The network's files and node logs go under /tmp/zombie-chronicle.*; the node keys are
# read from zombienet/. Alice's second peer-to-peer port, the one the others dial, must be
# known before the network starts, so a free one is picked here.
export CHRONICLE_ZOMBIENET="$root/zombienet"
runs="$(mktemp -d /tmp/zombie-chronicle.XXXXXX)"
# Zombienet stops its nodes when a test ends, but not when it is itself interrupted: then
# every node still running from this run's directory is stopped here.
stop_leftover_nodes() {
	local pids
	pids="$(pgrep -f -- "--base-path $runs/" || true)"
	if [ -n "$pids" ]; then
		echo "zombienet: stopping nodes left running: $(echo $pids)"
		kill $pids 2>/dev/null || true
	fi
}
trap stop_leftover_nodes EXIT
trap 'exit 130' INT TERM
free_port() {
	node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => {
		console.log(s.address().port); s.close(); });'
}

passed=0
failed=0
summary=()
for test in "${tests[@]}"; do
	name="$(basename "$test" .zndsl)"
	export CHRONICLE_BOOT_PORT="$(free_port)"
	echo "zombienet: $name (network files in $runs/$name)"
	started=$(date +%s)
	if "$zombienet" --provider native --logType text --dir "$runs/$name" test "$test" \
		>"$runs/$name.log" 2>&1; then
		outcome=ok
		passed=$((passed + 1))
	else
		outcome=FAIL
		failed=$((failed + 1))
	fi
	seconds=$(($(date +%s) - started))
	# Zombienet prints one line per step, marked ✅ or ❌; its own output is in the log.
	grep -E '(✅|❌)' "$runs/$name.log" | sed -E 's/^[^:]*:[^:]*:[^:]*: //; s/\x1b\[[0-9;]*m//g' \
		| sed 's/^/  /' || true
	grep -E 'Error running script' -A0 "$runs/$name.log" | sed -E 's/\x1b\[[0-9;]*m//g; s/^ */  /' \
		|| true
	summary+=("$outcome $name (${seconds} s)")
	if [ "$outcome" = ok ]; then
		rm -rf "${runs:?}/$name"
	else
		echo "zombienet: $name failed; its output is $runs/$name.log, node logs in $runs/$name/"
	fi
done

echo
printf '%s\n' "${summary[@]}"
echo "zombienet: $passed passed, $failed failed"
if [ "$failed" -eq 0 ]; then
	rm -rf "$runs"
else
	exit 1
fi
