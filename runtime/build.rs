fn main() {
	#[cfg(feature = "std")]
	{
		// The target directory lives outside the repository (`CARGO_TARGET_DIR`), so tell the
		// WASM builder where the workspace and its `Cargo.lock` are.
		let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
		std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		println!("cargo:rerun-if-env-changed=WASM_BUILD_WORKSPACE_HINT");
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
