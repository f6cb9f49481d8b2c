//! The chains this node knows by name: `dev` and `local`.

use chronicle_runtime::{DEV_PRESET, LOCAL_PRESET, WASM_BINARY};
use sc_service::ChainType;

/// Chronicle's chain specification; it carries no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the WASM runtime was not built; build without SKIP_WASM_BUILD to run a chain".into()
	})
}

/// Properties polkadot.js reads to display addresses. Chronicle has no token.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// A single-validator chain for development: Alice's keys author and finalize.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Chronicle Development")
		.with_id("chronicle_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_PRESET)
		.with_properties(properties())
		.build())
}

/// A four-validator test network, one validator per institution (Alice to Dave's keys).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Chronicle Local Consortium")
		.with_id("chronicle_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_PRESET)
		.with_properties(properties())
		.build())
}
