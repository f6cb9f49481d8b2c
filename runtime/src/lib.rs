//! # Chronicle runtime
//!
//! The state machine of Chronicle, a permissioned chain run by a county medical consortium.
//! It carries consortium membership (institutions, staff, the health bureau's governance and
//! the validator set) and, as the domain pallets land, the patient registry, record anchors
//! and consent grants. No clinical content and no personal data is ever stored here.
//!
//! Chronicle has no token: there is no balances pallet and no transaction payment. Accounts
//! exist because they are members (the institutions pallet and the bureau's membership give
//! them a provider reference), and only members may transact: the [`CheckMembership`]
//! transaction extension rejects everyone else at the pool.
//!
//! Blocks are produced by Aura and finalized by GRANDPA; both follow the validator set that
//! `pallet-session` takes from the institutions pallet at each session boundary.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
pub mod configs;
mod genesis_config_presets;
pub mod governance;
mod no_deposits;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use genesis_config_presets::{DEV_PRESET, LOCAL_PRESET};
pub use pallet_institutions::{CheckMembership, InstitutionKind, StaffRole};

/// A signature of a transaction: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account: the public key of its transaction signing key.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A block number.
pub type BlockNumber = u32;

/// How many transactions an account has sent.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// Types the node needs without knowing the runtime's call and event types.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// A block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// A block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// A block identifier.
	pub type BlockId = generic::BlockId<Block>;
	/// A block hash.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers with `session.set_keys`.
	pub struct SessionKeys {
		/// Signs the blocks the validator authors.
		pub aura: Aura,
		/// Signs the validator's finality votes.
		pub grandpa: Grandpa,
	}
}

/// The runtime's version; `spec_version` goes up with every change of behaviour.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("chronicle"),
	impl_name: alloc::borrow::Cow::Borrowed("chronicle"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The target time between blocks; a slot is this long. It cannot change once a chain runs.
pub const MILLISECS_PER_BLOCK: u64 = 3000;

/// The slot duration Aura and the timestamp pallet use.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	// Membership comes before session: session keys need their owners to exist at genesis.
	#[runtime::pallet_index(2)]
	pub type Institutions = pallet_institutions;

	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(4)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(5)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(6)]
	pub type Bureau = pallet_collective<Instance1>;

	#[runtime::pallet_index(7)]
	pub type BureauMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(8)]
	pub type NodeAuthorization = pallet_node_authorization;

	#[runtime::pallet_index(9)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(10)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(11)]
	pub type Patients = pallet_patients;

	#[runtime::pallet_index(12)]
	pub type Records = pallet_records;

	#[runtime::pallet_index(13)]
	pub type Consent = pallet_consent;

	#[runtime::pallet_index(14)]
	pub type Governance = crate::governance;
}

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// What a signed transaction carries besides its call, checked in this order. The membership
/// gate comes first so that a stranger is turned away before anything else is looked at.
pub type TxExtension = (
	CheckMembership<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
);

/// A transaction as it appears in a block.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations to run at the next runtime upgrade.
type Migrations = ();

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[cfg(test)]
mod tests;
