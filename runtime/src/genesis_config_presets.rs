//! Genesis presets: the state a `dev` or `local` chain starts from.
//!
//! Both presets admit the same consortium, built from the well-known development keys:
//!
//! | account | role |
//! | --- | --- |
//! | Alice, Bob | health bureau members (Alice is also the `dev` chain's sudo key) |
//! | Charlie | admin of institution 0, County People's Hospital |
//! | Dave | doctor at institution 0 |
//! | Eve | admin of institution 1, County TCM Hospital |
//! | Ferdie | doctor at institution 1 |
//! | One | admin of institution 2, Riverside Community Health Centre |
//! | Two | nurse at institution 2 |
//! | EveStash | admin of institution 3, Eastgate Township Health Centre |
//! | FerdieStash | clerk at institution 3 |
//! | AliceStash .. DaveStash | validator accounts of institutions 0 .. 3 |
//!
//! `dev` has one validator (AliceStash, with Alice's session keys); `local` has four, one
//! per institution, with the session keys of Alice, Bob, Charlie and Dave, so that nodes
//! started with `--alice` .. `--dave` author and vote.

use crate::{
	configs::MAX_BUREAU_MEMBERS, AccountId, BureauMembershipConfig, InstitutionKind,
	InstitutionsConfig, NodeAuthorizationConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys,
	StaffRole, SudoConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::BoundedVec;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The single-validator development chain.
pub const DEV_PRESET: &str = "development";
/// The four-validator local test network.
pub const LOCAL_PRESET: &str = "local_testnet";

/// The peer ids of the `local` network's nodes, started with `--node-key` 0x..01 to 0x..04
/// (see the README); only these may connect to one another.
const LOCAL_PEER_IDS: [&str; 4] = [
	"12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp",
	"12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD",
	"12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x",
	"12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st",
];

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

fn session_keys(key: Sr25519Keyring) -> SessionKeys {
	let grandpa = match key {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		_ => Ed25519Keyring::Dave,
	};
	SessionKeys { aura: key.public().into(), grandpa: grandpa.public().into() }
}

/// The consortium both presets admit: `(kind, name, admin, staff)`.
fn institutions() -> Vec<pallet_institutions::GenesisInstitution<AccountId>> {
	use Sr25519Keyring::*;
	vec![
		(
			InstitutionKind::GeneralHospital,
			b"County People's Hospital".to_vec(),
			account(Charlie),
			vec![(account(Dave), StaffRole::Doctor)],
		),
		(
			InstitutionKind::TcmHospital,
			b"County TCM Hospital".to_vec(),
			account(Eve),
			vec![(account(Ferdie), StaffRole::Doctor)],
		),
		(
			InstitutionKind::CommunityHealthCentre,
			b"Riverside Community Health Centre".to_vec(),
			account(One),
			vec![(account(Two), StaffRole::Nurse)],
		),
		(
			InstitutionKind::CommunityHealthCentre,
			b"Eastgate Township Health Centre".to_vec(),
			account(EveStash),
			vec![(account(FerdieStash), StaffRole::Clerk)],
		),
	]
}

/// A consortium genesis with the validators `(validator account, institution, session keys)`.
fn consortium_genesis(
	validators: Vec<(AccountId, u32, SessionKeys)>,
	authorized_peers: Vec<(Vec<u8>, AccountId)>,
) -> serde_json::Value {
	use Sr25519Keyring::*;
	let bureau: BoundedVec<AccountId, _> = BoundedVec::<
		_,
		frame_support::traits::ConstU32<MAX_BUREAU_MEMBERS>,
	>::truncate_from(vec![account(Alice), account(Bob)]);
	let config = RuntimeGenesisConfig {
		institutions: InstitutionsConfig {
			institutions: institutions(),
			validators: validators.iter().map(|(who, inst, _)| (who.clone(), *inst)).collect(),
		},
		session: SessionConfig {
			keys: validators.into_iter().map(|(who, _, keys)| (who.clone(), who, keys)).collect(),
			non_authority_keys: vec![],
		},
		bureau_membership: BureauMembershipConfig { members: bureau, ..Default::default() },
		node_authorization: NodeAuthorizationConfig {
			nodes: authorized_peers
				.into_iter()
				.map(|(peer, owner)| (sp_core::OpaquePeerId(peer), owner))
				.collect(),
		},
		sudo: SudoConfig { key: Some(account(Alice)) },
		..Default::default()
	};
	serde_json::to_value(config).expect("a genesis config serializes to JSON; qed")
}

fn dev_genesis() -> serde_json::Value {
	use Sr25519Keyring::*;
	consortium_genesis(vec![(account(AliceStash), 0, session_keys(Alice))], vec![])
}

fn local_genesis() -> serde_json::Value {
	use Sr25519Keyring::*;
	let validators = vec![
		(account(AliceStash), 0, session_keys(Alice)),
		(account(BobStash), 1, session_keys(Bob)),
		(account(CharlieStash), 2, session_keys(Charlie)),
		(account(DaveStash), 3, session_keys(Dave)),
	];
	let peers = LOCAL_PEER_IDS
		.iter()
		.zip([Charlie, Eve, One, EveStash])
		.map(|(peer, admin)| (decode_peer_id(peer), account(admin)))
		.collect();
	consortium_genesis(validators, peers)
}

/// The bytes of a base58 peer id, as `pallet-node-authorization` stores them.
fn decode_peer_id(peer: &str) -> Vec<u8> {
	bs58_decode(peer).expect("the local peer ids are valid base58; qed")
}

/// Decodes base58 (Bitcoin alphabet), which is how libp2p prints peer ids.
fn bs58_decode(text: &str) -> Option<Vec<u8>> {
	const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	let mut bytes: Vec<u8> = Vec::new();
	for c in text.bytes() {
		let mut carry = ALPHABET.iter().position(|&a| a == c)? as u32;
		for byte in bytes.iter_mut().rev() {
			carry += (*byte as u32) * 58;
			*byte = (carry & 0xff) as u8;
			carry >>= 8;
		}
		while carry > 0 {
			bytes.insert(0, (carry & 0xff) as u8);
			carry >>= 8;
		}
	}
	let leading_zeros = text.bytes().take_while(|&c| c == b'1').count();
	let mut out = vec![0u8; leading_zeros];
	out.extend(bytes);
	Some(out)
}

/// The preset with the given id, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_PRESET => dev_genesis(),
		LOCAL_PRESET => local_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work; qed")
			.into_bytes(),
	)
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_PRESET), PresetId::from(LOCAL_PRESET)]
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn base58_peer_id_decodes_to_an_identity_multihash() {
		// An ed25519 peer id is the identity multihash (0x00, length 0x24) of its
		// protobuf-encoded public key (0x08 0x01 0x12 0x20 + 32 bytes).
		let bytes = decode_peer_id(LOCAL_PEER_IDS[0]);
		assert_eq!(bytes.len(), 38);
		assert_eq!(&bytes[..6], &[0x00, 0x24, 0x08, 0x01, 0x12, 0x20]);
	}

	#[test]
	fn base58_rejects_characters_outside_the_alphabet() {
		assert_eq!(bs58_decode("0OIl"), None);
	}
}
