fn main() {
	#[cfg(feature = "std")]
	{
		// The target directory lives outside the repository (`CARGO_TARGET_DIR`), so tell the
		// WASM builder where the workspace and its `Cargo.lock` are. Read the manifest
		// directory when the script runs, not when it is compiled: cargo reuses a compiled
		// build script for a clone of the repository at another path.
		let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
		let workspace = std::path::Path::new(&manifest).join("..");
		std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		println!("cargo:rerun-if-env-changed=WASM_BUILD_WORKSPACE_HINT");
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
