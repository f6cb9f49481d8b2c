#!/usr/bin/env bash
# Makes a fresh Debian machine ready to build and test Chronicle: system packages, the Rust
# WASM target and rust-src, and the Node.js packages of the client scripts. A second run
# changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# protoc for the networking crates' protobufs; a C/C++ toolchain, make and perl for the
# bundled C code (wasm-opt, OpenSSL, zstd); git for the node's version string.
packages=(build-essential protobuf-compiler perl make pkg-config git)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for package in "${packages[@]}"; do
	dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing system packages: ${missing[*]}"
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is required (https://rustup.rs); install it and run this again" >&2
	exit 1
fi
if ! rustup target list --installed | grep -qx wasm32v1-none; then
	echo "setup: adding the wasm32v1-none target"
	rustup target add wasm32v1-none
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
	echo "setup: adding the rust-src component"
	rustup component add rust-src
fi

# npm ci only when the installed packages do not match the lock file.
if ! cmp -s scripts/package-lock.json scripts/node_modules/.chronicle-lock 2>/dev/null; then
	echo "setup: installing the client's Node.js packages"
	(cd scripts && npm ci --no-audit --no-fund --loglevel=error)
	cp scripts/package-lock.json scripts/node_modules/.chronicle-lock
fi

echo "setup: ready"
