//! A consortium's own chain specification, built from a configuration file its operators
//! write (see `docs/consortium.example.toml`). It has no sudo key: the bureau governs.

use std::{collections::HashMap, path::Path, str::FromStr};

use chronicle_runtime::{AccountId, SessionKeys, WASM_BINARY};
use sc_service::ChainType;
use serde::Deserialize;
use serde_json::{json, Value};
use sp_core::{
	crypto::{Ss58Codec, UncheckedFrom},
	ed25519, sr25519,
};

/// The configuration file, as operators write it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
	/// The chain's name and id.
	pub chain: ChainSection,
	/// The health bureau.
	pub bureau: BureauSection,
	/// The member institutions.
	#[serde(default)]
	pub institutions: Vec<InstitutionSection>,
	/// The validator nodes.
	#[serde(default)]
	pub validators: Vec<ValidatorSection>,
	/// Other nodes allowed to connect (non-validators).
	#[serde(default)]
	pub peers: Vec<PeerSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainSection {
	pub name: String,
	pub id: String,
	/// Addresses new nodes first connect to.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BureauSection {
	pub members: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstitutionSection {
	pub name: String,
	pub kind: String,
	pub admin: String,
	#[serde(default)]
	pub staff: Vec<StaffSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSection {
	pub account: String,
	pub role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidatorSection {
	pub institution: String,
	pub account: String,
	pub aura: String,
	pub grandpa: String,
	pub peer_id: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerSection {
	pub institution: String,
	pub peer_id: String,
}

/// A mistake in the configuration: the field it is in, and what is wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
	pub field: String,
	pub problem: String,
}

impl std::fmt::Display for ConfigError {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		write!(f, "{}: {}", self.field, self.problem)
	}
}

fn error(field: impl Into<String>, problem: impl Into<String>) -> ConfigError {
	ConfigError { field: field.into(), problem: problem.into() }
}

const KINDS: [(&str, &str); 6] = [
	("general-hospital", "GeneralHospital"),
	("tcm-hospital", "TcmHospital"),
	("community-health-centre", "CommunityHealthCentre"),
	("health-station", "HealthStation"),
	("insurer", "Insurer"),
	("research-body", "ResearchBody"),
];

const ROLES: [(&str, &str); 4] =
	[("doctor", "Doctor"), ("nurse", "Nurse"), ("pharmacist", "Pharmacist"), ("clerk", "Clerk")];

fn account(field: &str, text: &str) -> Result<AccountId, ConfigError> {
	parse_public::<sr25519::Public>(text).map(AccountId::from).ok_or_else(|| {
		error(field, format!("not an account (SS58 address or 0x and 64 hex digits): {text}"))
	})
}

/// A 32-byte public key from an SS58 address or 0x-prefixed hex.
fn parse_public<P: Ss58Codec + UncheckedFrom<[u8; 32]>>(text: &str) -> Option<P> {
	if text.starts_with("0x") {
		let bytes: [u8; 32] = sp_core::bytes::from_hex(text).ok()?.try_into().ok()?;
		return Some(P::unchecked_from(bytes));
	}
	P::from_ss58check(text).ok()
}

fn peer_id(field: &str, text: &str) -> Result<Vec<u8>, ConfigError> {
	sc_network::PeerId::from_str(text)
		.map(|peer| peer.to_bytes())
		.map_err(|_| error(field, format!("not a peer id: {text}")))
}

fn lookup<'a>(field: &str, table: &[(&str, &'a str)], value: &str) -> Result<&'a str, ConfigError> {
	table.iter().find(|(name, _)| *name == value).map(|(_, variant)| *variant).ok_or_else(|| {
		let allowed: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
		error(field, format!("unknown value {value:?}; expected one of {}", allowed.join(", ")))
	})
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
	toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The runtime genesis patch the configuration describes, after checking every field.
pub fn genesis_patch(config: &Config) -> Result<Value, ConfigError> {
	if config.chain.name.trim().is_empty() {
		return Err(error("chain.name", "must not be empty"));
	}
	if config.chain.id.is_empty()
		|| !config
			.chain
			.id
			.chars()
			.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
	{
		return Err(error("chain.id", "must be lower-case letters, digits and underscores"));
	}
	if config.bureau.members.is_empty() {
		return Err(error("bureau.members", "the bureau needs at least one member"));
	}
	if config.validators.is_empty() {
		return Err(error("validators", "at least one validator is needed"));
	}

	// Every account may appear once: the runtime lets an account belong to one body only.
	let mut seen: HashMap<AccountId, String> = HashMap::new();
	let mut claim = |field: String, text: &str| -> Result<AccountId, ConfigError> {
		let who = account(&field, text)?;
		if let Some(first) = seen.insert(who.clone(), field.clone()) {
			return Err(error(field, format!("duplicate account {text} (also {first})")));
		}
		Ok(who)
	};

	let mut bureau = Vec::new();
	for (i, member) in config.bureau.members.iter().enumerate() {
		bureau.push(claim(format!("bureau.members[{i}]"), member)?);
	}

	let mut institutions = Vec::new();
	let mut index_of: HashMap<&str, (u32, AccountId)> = HashMap::new();
	for (i, institution) in config.institutions.iter().enumerate() {
		let field = format!("institutions[{i}]");
		if institution.name.trim().is_empty() || institution.name.len() > 128 {
			return Err(error(format!("{field}.name"), "must have 1 to 128 bytes"));
		}
		if index_of.contains_key(institution.name.as_str()) {
			return Err(error(
				format!("{field}.name"),
				format!("duplicate institution {:?}", institution.name),
			));
		}
		let kind = lookup(&format!("{field}.kind"), &KINDS, &institution.kind)?;
		let admin = claim(format!("{field}.admin"), &institution.admin)?;
		let mut staff = Vec::new();
		for (j, member) in institution.staff.iter().enumerate() {
			let who = claim(format!("{field}.staff[{j}].account"), &member.account)?;
			let role = lookup(&format!("{field}.staff[{j}].role"), &ROLES, &member.role)?;
			staff.push(json!([who, role]));
		}
		index_of.insert(&institution.name, (i as u32, admin.clone()));
		institutions.push(json!([kind, institution.name.as_bytes(), admin, staff]));
	}

	let institution = |field: String, name: &str| {
		index_of.get(name).cloned().ok_or_else(|| {
			error(field, format!("no institution named {name:?} in [[institutions]]"))
		})
	};
	let mut validators = Vec::new();
	let mut keys = Vec::new();
	let mut nodes = Vec::new();
	let mut peers_seen: HashMap<Vec<u8>, String> = HashMap::new();
	let mut add_peer = |field: String, text: &str, owner: AccountId| -> Result<(), ConfigError> {
		let peer = peer_id(&field, text)?;
		if let Some(first) = peers_seen.insert(peer.clone(), field.clone()) {
			return Err(error(field, format!("duplicate peer id {text} (also {first})")));
		}
		nodes.push(json!([peer, owner]));
		Ok(())
	};
	for (i, validator) in config.validators.iter().enumerate() {
		let field = format!("validators[{i}]");
		let (id, admin) = institution(format!("{field}.institution"), &validator.institution)?;
		let who = claim(format!("{field}.account"), &validator.account)?;
		let aura = parse_public::<sr25519::Public>(&validator.aura).ok_or_else(|| {
			error(
				format!("{field}.aura"),
				"not an sr25519 public key (SS58 or 0x and 64 hex digits)",
			)
		})?;
		let grandpa = parse_public::<ed25519::Public>(&validator.grandpa).ok_or_else(|| {
			error(
				format!("{field}.grandpa"),
				"not an ed25519 public key (SS58 or 0x and 64 hex digits)",
			)
		})?;
		add_peer(format!("{field}.peer_id"), &validator.peer_id, admin)?;
		validators.push(json!([who, id]));
		let session_keys = SessionKeys { aura: aura.into(), grandpa: grandpa.into() };
		keys.push(json!([who, who, session_keys]));
	}
	for (i, peer) in config.peers.iter().enumerate() {
		let field = format!("peers[{i}]");
		let (_, admin) = institution(format!("{field}.institution"), &peer.institution)?;
		add_peer(format!("{field}.peer_id"), &peer.peer_id, admin)?;
	}

	Ok(json!({
		"institutions": { "institutions": institutions, "validators": validators },
		"session": { "keys": keys },
		"bureauMembership": { "members": bureau },
		"nodeAuthorization": { "nodes": nodes },
		"sudo": { "key": null },
	}))
}

/// The consortium's chain specification.
pub fn chain_spec(config: &Config) -> Result<crate::chain_spec::ChainSpec, String> {
	let patch = genesis_patch(config).map_err(|e| e.to_string())?;
	let boot_nodes = config
		.chain
		.boot_nodes
		.iter()
		.enumerate()
		.map(|(i, address)| {
			address.parse().map_err(|_| {
				format!("chain.boot_nodes[{i}]: not a multiaddress with /p2p/<peer id>: {address}")
			})
		})
		.collect::<Result<Vec<_>, String>>()?;
	let wasm = WASM_BINARY.ok_or("the WASM runtime was not built")?;
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("ss58Format".into(), 42.into());
	Ok(crate::chain_spec::ChainSpec::builder(wasm, None)
		.with_name(&config.chain.name)
		.with_id(&config.chain.id)
		.with_protocol_id(&config.chain.id)
		.with_chain_type(ChainType::Live)
		.with_boot_nodes(boot_nodes)
		.with_properties(properties)
		.with_genesis_config_patch(patch)
		.build())
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
	const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
	const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
	const PEER: &str = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
	const ED: &str = "0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee";

	fn valid() -> String {
		format!(
			r#"
[chain]
name = "Test Consortium"
id = "test_consortium"

[bureau]
members = ["{ALICE}"]

[[institutions]]
name = "County Hospital"
kind = "general-hospital"
admin = "{BOB}"
staff = [{{ account = "{CHARLIE}", role = "doctor" }}]

[[validators]]
institution = "County Hospital"
account = "{DAVE}"
aura = "{DAVE}"
grandpa = "{ED}"
peer_id = "{PEER}"
"#
		)
	}

	fn check(text: &str) -> Result<Value, ConfigError> {
		let config: Config = toml::from_str(text).expect("the test configuration parses");
		genesis_patch(&config)
	}

	#[test]
	fn a_valid_configuration_gives_a_genesis_without_sudo() {
		let patch = check(&valid()).unwrap();
		assert_eq!(patch["sudo"]["key"], Value::Null);
		assert_eq!(patch["institutions"]["validators"][0][1], 0);
		assert_eq!(patch["nodeAuthorization"]["nodes"].as_array().unwrap().len(), 1);
	}

	#[test]
	fn an_empty_bureau_is_refused() {
		let text = valid().replace(&format!("members = [\"{ALICE}\"]"), "members = []");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"bureau.members: the bureau needs at least one member"
		);
	}

	#[test]
	fn a_duplicate_account_is_refused_naming_both_places() {
		let text = valid().replace(&format!("admin = \"{BOB}\""), &format!("admin = \"{ALICE}\""));
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			format!("institutions[0].admin: duplicate account {ALICE} (also bureau.members[0])")
		);
	}

	#[test]
	fn a_validator_of_an_unlisted_institution_is_refused() {
		let text =
			valid().replace("institution = \"County Hospital\"", "institution = \"Nowhere\"");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"validators[0].institution: no institution named \"Nowhere\" in [[institutions]]"
		);
	}

	#[test]
	fn a_malformed_key_is_refused() {
		let text = valid().replace(&format!("grandpa = \"{ED}\""), "grandpa = \"0x1234\"");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"validators[0].grandpa: not an ed25519 public key (SS58 or 0x and 64 hex digits)"
		);
		let text = valid().replace(&format!("aura = \"{DAVE}\""), "aura = \"5Gnotakey\"");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"validators[0].aura: not an sr25519 public key (SS58 or 0x and 64 hex digits)"
		);
	}

	#[test]
	fn a_malformed_account_peer_kind_or_role_is_refused() {
		let text = valid().replace(&format!("account = \"{CHARLIE}\""), "account = \"nobody\"");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"institutions[0].staff[0].account: not an account (SS58 address or 0x and 64 hex digits): nobody"
		);
		let text = valid().replace(PEER, "12D3KooWbogus");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"validators[0].peer_id: not a peer id: 12D3KooWbogus"
		);
		let text = valid().replace("general-hospital", "castle");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"institutions[0].kind: unknown value \"castle\"; expected one of general-hospital, tcm-hospital, community-health-centre, health-station, insurer, research-body"
		);
		let text = valid().replace("role = \"doctor\"", "role = \"surgeon\"");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"institutions[0].staff[0].role: unknown value \"surgeon\"; expected one of doctor, nurse, pharmacist, clerk"
		);
	}

	#[test]
	fn no_validator_and_a_bad_chain_id_are_refused() {
		let text = valid()
			.replace("[[validators]]", "[[peers]]")
			.replace(&format!("account = \"{DAVE}\"\naura = \"{DAVE}\"\ngrandpa = \"{ED}\"\n"), "");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"validators: at least one validator is needed"
		);
		let text = valid().replace("id = \"test_consortium\"", "id = \"Test Consortium\"");
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			"chain.id: must be lower-case letters, digits and underscores"
		);
	}

	#[test]
	fn a_duplicate_peer_is_refused() {
		let text = format!(
			"{}\n[[peers]]\ninstitution = \"County Hospital\"\npeer_id = \"{PEER}\"\n",
			valid()
		);
		assert_eq!(
			check(&text).unwrap_err().to_string(),
			format!("peers[0].peer_id: duplicate peer id {PEER} (also validators[0].peer_id)")
		);
	}

	#[test]
	fn the_example_configuration_is_valid() {
		let config = load(Path::new(concat!(
			env!("CARGO_MANIFEST_DIR"),
			"/../docs/consortium.example.toml"
		)))
		.expect("the example parses");
		genesis_patch(&config).expect("the example is valid");
	}
}
